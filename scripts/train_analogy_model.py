"""Train the learned part of the historical-analogy decision (``toolkit/data/lexicons/analogy_model.tsv``).

    PYTHONPATH=$PWD .venv/bin/python scripts/train_analogy_model.py            # cross-validate, then write
    PYTHONPATH=$PWD .venv/bin/python scripts/train_analogy_model.py --check    # compare with the shipped file

Training data: the sentences of ``data/analogy_fresh.jsonl.gz`` batches 1-16 (the project's own labels of UN
General Debate sentences, CC0) and the UN, Kremlin (CC BY 4.0) and Wikinews (CC BY 2.5) items of the analogy
dev set ``../shared/corpora/analogy/dev.jsonl`` — never its PTC items (research only: no weights derived from
them ship). Batch 17 is held out: never read here (only the batches of ``TRAIN_BATCHES`` are kept), scored once
by ``scripts/eval_analogy.py --held-out``.

A candidate is a sentence that names a past referent. The model learns from every candidate, as sublinear
tf-idf of its words with the referent read as one token, restricted to a closed vocabulary
(:func:`closed_vocabulary`: the function words of the grammar lexicons and the words of the cue constructions,
so no content word of a training sentence becomes a weight), plus marks of the referent's kind, of the cues the
sentence holds and of the rule that fired, of each cue's side of and word distance to the referent, of the
referents' ages and of how many referents and cues the sentence holds (``toolkit.devices.analogy._features``),
with a logistic regression (scikit-learn, lbfgs, balanced class weights); at run time it scores only the
candidates no construction rule made an analogy.
The regularisation ``C`` and the threshold are chosen by leave-one-group-out cross-validation (groups: the
dev set, each fresh batch 1-16; the construction rules frozen, the model refitted without the group) of the whole
decision (a rule fires, or the model scores at or above the threshold), by its F1 on batches 8-16, the batches
the rules were never tuned on (on the others the rules are fitted to the labels and leave the model little to
add, so their pooled score favours no model at all); the table of that search is printed, with how many
analogies have no candidate at all (the ceiling of the learned decision's recall), which rule kinds fire on
sentences that are not analogies, and the nested score of each validation batch. Deterministic: the same data
give the same file, byte for byte.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import numpy as np  # noqa: E402

import toolkit as tk  # noqa: E402
from toolkit import lexicons  # noqa: E402
from toolkit.devices import analogy  # noqa: E402
from toolkit.devices.matching import DocContext  # noqa: E402

OUT = ROOT / "toolkit" / "data" / "lexicons" / "analogy_model.tsv"
TRAIN_BATCHES = range(1, 17)  # batch 17 is the held-out batch: never read here
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.20, 0.25, ..., 0.80
MIN_DF = 3
#: the word classes of ``target_name_filters.tsv`` that are grammar (function words), whose words the model may read
GRAMMAR_CLASSES = ("determiner", "preposition", "subordinator", "relative", "coordinator", "auxiliary", "modal",
                   "linking_verb", "personal_pronoun", "speaker_pronoun", "pronoun", "expletive", "adverb", "degree",
                   "particle", "comparison_word", "superlative", "measure_noun", "naming_verb")
_CUE_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_REGEX_SYNTAX = re.compile(r"\\[a-z]|\(\?[:!<=]+")
#: the fresh batches the construction rules were never tuned on (their errors never read): C and the threshold
#: are chosen by the cross-validated F1 there, since on the other groups the rules are fitted and leave the model
#: little to add
VALIDATION = tuple(range(8, 17))
_NAME = f"{VALIDATION[0]}-{VALIDATION[-1]}"


def items() -> list[dict]:
    """Training items with a ``group`` (0 = the dev set, else the fresh batch)."""
    import eval_analogy as ev  # the corpus paths and document metadata of the evaluation

    out = []
    if ev.DEV.exists():
        for it in ev._read(ev.DEV):
            if it["source"] != "ptc":
                out.append({**it, "group": 0})
    else:
        print(f"note: {ev.DEV} not found; training on the fresh sample only", file=sys.stderr)
    out += [{**it, "group": it["batch"]} for it in ev._read(ev.FRESH) if it["batch"] in TRAIN_BATCHES]
    dates = ev._corpus_dates({it["doc_id"] for it in out})
    for it in out:
        it["meta"] = ev._meta(it["doc_id"], dates)
    return out


def _sentences(it: dict) -> tuple[DocContext, list[int]]:
    """The item's context as a document, and the indices of its sentences that overlap the labelled sentence."""
    context = str(it["context"]).replace("\n", " ")
    sentence = str(it["sentence"]).replace("\n", " ")
    s = context.find(sentence)
    e = s + len(sentence)
    ctx = DocContext(tk.Document(context, meta=it["meta"]))
    return ctx, [si for si, (a, b) in enumerate(ctx.to_original(*x) for x in ctx.sentences) if a < e and b > s]


@lru_cache(maxsize=1)
def closed_vocabulary() -> frozenset[str]:
    """The words the model may read: the grammar classes of ``target_name_filters.tsv`` (:data:`GRAMMAR_CLASSES`),
    the stop words of ``stopwords.tsv`` and the words of the ``cue`` patterns of ``analogy_cues.tsv`` (regex
    syntax left out) — function words and the words of the constructions, no content word of a training
    sentence."""
    words = {r["word"].lower() for r in lexicons.load("target_name_filters") if r["class"] in GRAMMAR_CLASSES}
    words |= {r["word"].lower() for r in lexicons.load("stopwords")}
    for r in lexicons.load("analogy_cues"):
        words |= {w for w in _CUE_WORD.findall(_REGEX_SYNTAX.sub(" ", r["cue"].lower())) if len(w) > 1}
    return frozenset(words)


def sentence_rows(it: dict) -> tuple[bool, list[list[str]]]:
    """Whether a rule fires on the item's sentence, and the full features of each of its candidate sentences
    (``toolkit.devices.analogy.sentence_features``: every word, then the marks)."""
    ctx, overlap = _sentences(it)
    found = [f for si, f in analogy.sentence_features(ctx).items() if si in overlap]
    return any("<rule>" in f for f in found), found


def featurise(it: dict) -> tuple[bool, list[str] | None]:
    """Whether a rule fires on the item's sentence, and the model features of its candidate sentences (None when
    there is none): the marks, and the words of the closed vocabulary."""
    rule, found = sentence_rows(it)
    vocabulary = closed_vocabulary()
    feats = [x for f in found for x in f if x.startswith("<") or x in vocabulary]
    return rule, (feats or None)


def coverage(it: dict) -> str:
    """Why an item's sentence has no candidate: ``"not past"`` (it names a listed past entity or a year, but
    none ended before the document's year: the Cold War in a 1960s speech) or ``"no name"`` (the gazetteers,
    the general past-time expressions and the year pattern find nothing)."""
    ctx, overlap = _sentences(it)
    named = any(ctx.sentence_of(m.start) in overlap for m in analogy._mentions(ctx))
    return "not past" if named else "no name"


def _vectorizer(min_df: int = MIN_DF):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=lambda x: x, min_df=min_df, sublinear_tf=True, norm="l2")


def _fit(docs: list[list[str]], y: np.ndarray, c: float, min_df: int = MIN_DF, penalty: str = "l2"):
    """The tf-idf vectoriser and the logistic regression fitted on ``docs`` (``penalty`` "l1": liblinear)."""
    from sklearn.linear_model import LogisticRegression

    vec = _vectorizer(min_df)
    x = vec.fit_transform(docs)
    if penalty == "l1":
        lr = LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", class_weight="balanced", max_iter=10000,
                                random_state=0)
    else:
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=10000)
    return vec, lr.fit(x, y)


def cv_probs(docs: dict[int, list[str]], gold: np.ndarray, rule: np.ndarray, group: np.ndarray,
             c_grid: tuple[float, ...] = C_GRID, min_df: int = MIN_DF, penalty: str = "l2") -> dict[float, np.ndarray]:
    """Per ``C``, each item's probability from a model fitted without its group (leave one group out; ``docs``:
    the features of the items with a candidate, by index); 0 where a rule fires (at run time the model scores
    only the sentences no rule made an analogy) or there is no candidate."""
    probs: dict[float, np.ndarray] = {}
    for c in c_grid:
        prob = probs[c] = np.zeros(len(gold))
        for g in sorted(set(group)):
            train = [i for i in docs if group[i] != g]
            test = [i for i in docs if group[i] == g]
            if test:
                vec, lr = _fit([docs[i] for i in train], gold[train], c, min_df, penalty)
                prob[test] = lr.predict_proba(vec.transform([docs[i] for i in test]))[:, 1]
        prob[rule] = 0.0
    return probs


def table(docs: list[list[str]], y: np.ndarray, c: float, threshold: float) -> str:
    """The model file (``analogy_model.tsv`` text) fitted on candidate features ``docs`` with labels ``y``."""
    vec, lr = _fit(docs, y, c)
    lines = ["feature\tidf\tweight", f"<intercept>\t\t{lr.intercept_[0]:.6f}", f"<threshold>\t\t{threshold:.2f}",
             f"<C>\t\t{c:g}"]
    for f, k in sorted(vec.vocabulary_.items()):
        lines.append(f"{f}\t{vec.idf_[k]:.6f}\t{lr.coef_[0][k]:.6f}")
    return "\n".join(lines) + "\n"


def refit(exclude: set[str]) -> str:
    """The model file fitted as the shipped one (its ``C`` and threshold) on the training items whose
    ``cid``/``id`` is not in ``exclude``: for cross-validation on the dev set."""
    import pandas as pd

    shipped = pd.read_csv(OUT, sep="\t", keep_default_na=False, quoting=3).set_index("feature")["weight"]
    data = [it for it in items() if str(it.get("cid") or it.get("id")) not in exclude]
    rows = [(it, *featurise(it)) for it in data]
    keep = [(f, it["label"] == "analogy") for it, _, f in rows if f is not None]
    return table([f for f, _ in keep], np.array([g for _, g in keep]), float(shipped["<C>"]),
                 float(shipped["<threshold>"]))


def _cells(pred: np.ndarray, gold: np.ndarray, validation: np.ndarray) -> tuple[str, float]:
    """Table cells TP | FP | FN | P | R | F1 over all items, then over the validation batch; and its F1."""
    out = []
    f1 = 0.0
    for mask in (np.ones_like(gold), validation):
        tp, fp, fn = (int((pred & gold & mask).sum()), int((pred & ~gold & mask).sum()),
                      int((~pred & gold & mask).sum()))
        p, r, f1 = _prf(tp, fp, fn)
        out.append(f"{tp} | {fp} | {fn} | {p:.2f} | {r:.2f} | {f1:.2f}")
    return " | ".join(out), f1


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _report(rows: list, data: list[dict], gold: np.ndarray, rule: np.ndarray, group: np.ndarray) -> None:
    """Candidate recall (how many analogies have no candidate, and why) and which rule kinds fire on sentences
    that are not analogies, for the tuning groups (dev set, batches 1-7) and the validation batches apart."""
    parts = (("dev set and batches 1-7", ~np.isin(group, VALIDATION)), (f"batches {_NAME}", np.isin(group, VALIDATION)))
    print("Candidate generation: analogies whose sentence names no past referent the model could score\n")
    print("| part | analogies | with a candidate | no candidate: a name not past at the date | no name at all |")
    print("|---|---|---|---|---|")
    for name, mask in parts:
        missing = [coverage(data[i]) for i in np.where(gold & mask)[0] if rows[i][2] is None]
        print(f"| {name} | {int((gold & mask).sum())} | {int((gold & mask).sum()) - len(missing)} | "
              f"{missing.count('not past')} | {missing.count('no name')} |")
    print("\nRule rows by the kind of the rule that fired and the gold label of the sentence\n")
    kinds = sorted({f.split(":", 1)[1][:-1] for _, _, fs in rows for f in (fs or []) if f.startswith("<rule:")})
    print("| part | " + " | ".join(kinds) + " |\n|---|" + "---|" * len(kinds))
    for name, mask in parts:
        cells = []
        for k in kinds:
            fired = [i for i in np.where(rule & mask)[0] if f"<rule:{k}>" in rows[i][2]]
            cells.append(f"{sum(gold[i] for i in fired)} analogy / {sum(not gold[i] for i in fired)} not")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def _counts(pred: np.ndarray, gold: np.ndarray, mask: np.ndarray) -> tuple[int, int, int]:
    """TP, FP, FN of ``pred`` against ``gold`` on the items of ``mask``."""
    return int((pred & gold & mask).sum()), int((pred & ~gold & mask).sum()), int((~pred & gold & mask).sum())


def choose(probs: dict[float, np.ndarray], gold: np.ndarray, rule: np.ndarray, mask: np.ndarray
           ) -> tuple[float, float]:
    """The setting (C, threshold) chosen on the items of ``mask``: the one whose threshold, with the next threshold
    on each side (:data:`THRESHOLDS`) at the same C, has the best mean F1 of the decision "a rule fires, or the
    model scores at or above the threshold"; ties go to the first setting in grid order (since the tenth pass;
    before, the single best cell). One cell's F1 on a few hundred sentences moves by a sentence or two between
    neighbouring thresholds, so the best cell alone is often a spike of noise that does not carry over to other
    batches; neighbouring thresholds are cuts of one model's probabilities, so their mean smooths that curve (the
    C values, a factor of 3 apart, are different models, and are not averaged).

    Examples
    --------
    Threshold 0.60 alone gives F1 1.0 here, but 0.65 gives 0.67; 0.55 (F1 0.8) has 0.8 and 1.0 beside it:

    >>> gold = np.array([True, True, False, False]); rule = np.zeros(4, dtype=bool); mask = np.ones(4, dtype=bool)
    >>> probs = {c: np.array([0.9, 0.6, 0.55, 0.1]) for c in C_GRID}
    >>> choose(probs, gold, rule, mask)
    (0.03, 0.55)
    """
    cs = sorted(probs)
    f1 = {(c, t): _prf(*_counts(rule | (probs[c] >= t), gold, mask))[2] for c in cs for t in THRESHOLDS}

    def neighbourhood(ct: tuple[float, float]) -> float:
        ti = THRESHOLDS.index(ct[1])
        near = [f1[(ct[0], THRESHOLDS[j])] for j in range(max(0, ti - 1), min(len(THRESHOLDS), ti + 2))]
        return round(sum(near) / len(near), 9)  # rounded: equal means are ties whatever the order of the sum

    return max(f1, key=lambda ct: (neighbourhood(ct), -cs.index(ct[0]), -THRESHOLDS.index(ct[1])))


def nested(probs: dict[float, np.ndarray], gold: np.ndarray, rule: np.ndarray, group: np.ndarray
           ) -> list[tuple[int, float, float, int, int, int]]:
    """The validation score without the optimism of choosing C and the threshold on it: each validation batch
    scored at the setting :func:`choose` picks on the other validation batches (its own probabilities are still
    those of a model fitted without it): per batch, the batch, C, threshold, TP, FP, FN."""
    out = []
    for b in VALIDATION:
        c, t = choose(probs, gold, rule, np.isin(group, [x for x in VALIDATION if x != b]))
        out.append((b, c, t, *_counts(rule | (probs[c] >= t), gold, group == b)))
    return out


def nested_summary(per: list[tuple[int, float, float, int, int, int]]) -> str:
    """The pooled nested score and the spread of the per-batch precision and F1."""
    tp, fp, fn = (sum(x[k] for x in per) for k in (3, 4, 5))
    p, r, f1 = _prf(tp, fp, fn)
    spread = np.array([_prf(*x[3:]) for x in per])
    return (f"TP {tp}, FP {fp}, FN {fn}, P {p:.2f}, R {r:.2f}, F1 {f1:.2f}; per batch: P {spread[:, 0].min():.2f}-"
            f"{spread[:, 0].max():.2f} (sd {spread[:, 0].std(ddof=1):.2f}), F1 {spread[:, 2].min():.2f}-"
            f"{spread[:, 2].max():.2f} (sd {spread[:, 2].std(ddof=1):.2f})")


def _nested(probs: dict[float, np.ndarray], gold: np.ndarray, rule: np.ndarray, group: np.ndarray) -> None:
    """:func:`nested`, printed: one line per validation batch, so the spread shows, then the pooled score."""
    per = nested(probs, gold, rule, group)
    print("Nested: each validation batch scored at the setting chosen on the others\n")
    print("| batch | analogies | setting | TP | FP | FN | precision | recall | F1 |\n" + "|---" * 9 + "|")
    for b, c, t, tp, fp, fn in per:
        print(f"| {b} | {tp + fn} | C={c:g}, {t:.2f} | {tp} | {fp} | {fn} | "
              + " | ".join(f"{x:.2f}" for x in _prf(tp, fp, fn)) + " |")
    print(f"\nnested, pooled: {nested_summary(per)}")


def _referents(data: list[dict], gold: np.ndarray, rule: np.ndarray, pred: np.ndarray, group: np.ndarray) -> None:
    """Referent right (``toolkit.evaluate.devices.referent_matches``) on the cross-validated hits of the chosen
    setting: a rule's hit names the referents of its ``historical_analogy`` row, a model's hit those of its
    ``analogy_candidate`` rows (every candidate is made a row, with the threshold set to 0: which referents a row
    names does not depend on the weights)."""
    from toolkit.evaluate.devices import referent_matches

    table = tk.lexicon("analogy_model")
    table.loc[table["feature"] == "<threshold>", "weight"] = "0"
    print("\nReferent right on the cross-validated hits (chosen setting)\n")
    print("| part | rules' hits | model's hits | all hits |\n|---|---|---|---|")
    ok = np.zeros(len(data), dtype=bool)
    for i in np.where(gold & pred)[0]:
        it = data[i]
        context = str(it["context"]).replace("\n", " ")
        sentence = str(it["sentence"]).replace("\n", " ")
        s = context.find(sentence)
        df = tk.devices(tk.Document(context, meta=it["meta"]), kinds=["historical_analogy", "analogy_candidate"],
                        lexicons={"analogy_model": table})
        df = df[(df["start"] < s + len(sentence)) & (df["end"] > s)
                & (df["device"] == ("historical_analogy" if rule[i] else "analogy_candidate"))]
        ok[i] = referent_matches("; ".join(df["referent"].dropna()), it.get("referent"))
    for name, mask in (("dev set and batches 1-7", ~np.isin(group, VALIDATION)),
                       (f"batches {_NAME}", np.isin(group, VALIDATION)), ("all", np.ones_like(gold))):
        cells = []
        for sub in (rule, ~rule, np.ones_like(gold)):
            hits = gold & pred & mask & sub
            cells.append(f"{int((ok & hits).sum())}/{int(hits.sum())} ({(ok & hits).sum() / max(1, hits.sum()):.2f})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data = items()
    rows = [(it, *featurise(it)) for it in data]
    gold = np.array([it["label"] == "analogy" for it, _, _ in rows])
    rule = np.array([r for _, r, _ in rows])
    group = np.array([it["group"] for it, _, _ in rows])
    cand = [i for i, (_, r, f) in enumerate(rows) if f is not None]
    print(f"{len(rows)} items ({int(gold.sum())} analogies); {len(cand)} name a past referent "
          f"({int(gold[cand].sum())} analogies); the rules fire on {int(rule.sum())} ({int((rule & gold).sum())} "
          "analogies)\n")
    print(f"Leave one group out (the dev set; fresh batches 1-{TRAIN_BATCHES[-1]}); the decision is: a rule fires, or "
          "the model\nscores the sentence at or above the threshold. All groups pooled, and the validation batches "
          "alone:\n")
    print(f"| C | threshold | TP | FP | FN | precision | recall | F1 | batches {_NAME}: TP | FP | FN | precision | "
          "recall | F1 |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    probs = cv_probs({i: rows[i][2] for i in cand}, gold, rule, group)
    for c, prob in probs.items():
        for t in THRESHOLDS:
            print(f"| {c:g} | {t:.2f} | {_cells(rule | (prob >= t), gold, np.isin(group, VALIDATION))[0]} |")
    print(f"| rules alone | – | {_cells(rule, gold, np.isin(group, VALIDATION))[0]} |\n")
    _report(rows, data, gold, rule, group)
    c, t = choose(probs, gold, rule, np.isin(group, VALIDATION))
    pred = rule | (probs[c] >= t)
    print(f"chosen on batches {_NAME} (the best mean cross-validated F1 of a threshold and its two neighbours): "
          f"C={c:g}, threshold {t:.2f}")
    _nested(probs, gold, rule, group)
    _referents(data, gold, rule, pred, group)
    text = table([rows[i][2] for i in cand], gold[cand], c, t)
    lines = text.splitlines()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)} {'is' if same else 'is NOT'} what this script writes")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(lines) - 4} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
