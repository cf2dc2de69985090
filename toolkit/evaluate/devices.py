"""Score rhetorical-device detection against annotated spans, rankings and sentences.

Three protocols (``EVALUATION.md``):

* **Spans** (PTC, SemEval-2020 Task 11): first merge overlapping spans per
  (document, label), on both sides. A prediction ``s`` earns ``|s∩t|/|s|`` of
  precision and a gold span ``t`` ``|s∩t|/|t|`` of recall for every same-label
  pair; P = Σ|s∩t|/|s| / |S|, R = Σ|s∩t|/|t| / |T|. Reported per technique with
  support, micro (pooled over techniques), macro (mean over techniques with at
  least ``min_support`` gold spans) and label-agnostic (every label set to one).
* **Ranking** (chiasmus): average precision of a score over annotated
  candidates, strict (Borderline negative) and lenient (Borderline positive),
  and precision at k.
* **Sentences** (historical analogies): a sentence is predicted an analogy
  when a predicted span overlaps it; precision, recall and the referent
  accuracy on true positives, plus the confusion with the gold labels.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError

__all__ = [
    "average_precision",
    "classify_spans",
    "fold_of",
    "merge_spans",
    "precision_at",
    "read_jsonl",
    "referent_matches",
    "score_analogy_sentences",
    "score_spans",
    "score_technique_classification",
]

SpanRow = tuple[str, int, int, str]  # doc_id, start, end, label
_WORD = re.compile(r"[a-z0-9]+")
_GENERIC = frozenset([
    "the", "of", "and", "in", "a", "an", "war", "wars", "crisis", "treaty", "agreement", "conference", "regime",
    "era", "massacre", "genocide", "invasion", "attack", "attacks", "revolution", "bombing", "bombings",
    "intervention", "scandal", "affair", "pact", "battle", "siege", "disaster", "s",
])


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSON-lines file.

    Raises
    ------
    InputError
        Naming the file and line of a record that is not a JSON object.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = p.write_text('{"id": 1}\\n')
    >>> read_jsonl(p)
    [{'id': 1}]
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg})", path=path, line=i) from None
            if not isinstance(rec, dict):
                raise InputError("not a JSON object", path=path, line=i)
            out.append(rec)
    return out


# --------------------------------------------------------------------------- spans


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping (or touching) spans.

    Examples
    --------
    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _group(rows: Iterable[SpanRow]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e, label in rows:
        if e > s:
            groups[(str(doc), str(label))].append((int(s), int(e)))
    return {k: merge_spans(v) for k, v in groups.items()}


def _overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    j0 = 0
    for s, e in pred:  # both lists are sorted and non-overlapping: a sweep
        while j0 < len(gold) and gold[j0][1] <= s:
            j0 += 1
        j = j0
        while j < len(gold) and gold[j][0] < e:
            gs, ge = gold[j]
            inter = min(e, ge) - max(s, gs)
            if inter > 0:
                p_sum += inter / (e - s)
                r_sum += inter / (ge - gs)
            j += 1
    return p_sum, r_sum


def _prf(p_sum: float, n_pred: int, r_sum: float, n_gold: int) -> tuple[float, float, float]:
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_spans(
    gold: Iterable[SpanRow], pred: Iterable[SpanRow], *, labels: Sequence[str] | None = None, min_support: int = 10
) -> pd.DataFrame:
    """SemEval-2020 Task 11 partial-overlap scores per label, micro, macro and label-agnostic.

    Parameters
    ----------
    gold, pred
        ``(doc_id, start, end, label)`` tuples.
    labels
        Labels to report (default: every gold label).
    min_support
        Gold spans a label needs to count in the macro average.

    Returns
    -------
    pandas.DataFrame
        ``label, support, predicted, precision, recall, f1``; the last rows are
        ``micro``, ``macro`` and ``any label`` (label-agnostic).

    Examples
    --------
    >>> g = [("d", 0, 10, "X")]
    >>> p = [("d", 5, 15, "X")]
    >>> row = score_spans(g, p, min_support=1).iloc[0]
    >>> float(row["precision"]), float(row["recall"])
    (0.5, 0.5)
    """
    gold = list(gold)
    pred = list(pred)
    g = _group(gold)
    p = _group(pred)
    all_labels = list(labels) if labels is not None else sorted({lab for _, lab in g})
    rows = []
    tot = [0.0, 0, 0.0, 0]
    for label in all_labels:
        ps = rs = 0.0
        n_pred = n_gold = 0
        for (_doc, lab), spans in g.items():
            if lab == label:
                n_gold += len(spans)
        for (doc, lab), spans in p.items():
            if lab != label:
                continue
            n_pred += len(spans)
            a, b = _overlap_sums(spans, g.get((doc, lab), []))
            ps += a
            rs += b
        prec, rec, f1 = _prf(ps, n_pred, rs, n_gold)
        rows.append({"label": label, "support": n_gold, "predicted": n_pred, "precision": prec, "recall": rec,
                     "f1": f1})
        tot = [tot[0] + ps, tot[1] + n_pred, tot[2] + rs, tot[3] + n_gold]
    prec, rec, f1 = _prf(*tot)
    rows.append({"label": "micro", "support": tot[3], "predicted": tot[1], "precision": prec, "recall": rec,
                 "f1": f1})
    big = [r for r in rows[:-1] if r["support"] >= min_support]
    if big:
        rows.append({
            "label": "macro", "support": sum(r["support"] for r in big),
            "predicted": sum(r["predicted"] for r in big),
            **{k: sum(r[k] for r in big) / len(big) for k in ("precision", "recall", "f1")},
        })
    ga = _group((d, s, e, "*") for d, s, e, lab in gold if labels is None or lab in all_labels)
    pa = _group((d, s, e, "*") for d, s, e, _ in pred)
    ps = rs = 0.0
    for key, spans in pa.items():
        a, b = _overlap_sums(spans, ga.get(key, []))
        ps += a
        rs += b
    n_pred = sum(len(v) for v in pa.values())
    n_gold = sum(len(v) for v in ga.values())
    prec, rec, f1 = _prf(ps, n_pred, rs, n_gold)
    rows.append({"label": "any label", "support": n_gold, "predicted": n_pred, "precision": prec, "recall": rec,
                 "f1": f1})
    return pd.DataFrame(rows, columns=["label", "support", "predicted", "precision", "recall", "f1"])


def fold_of(doc_id: str, k: int, salt: str = "persuasion-v1") -> int:
    """The fold (0 … k-1) of a document: ``sha256(salt ␟ doc_id)`` modulo ``k``, so folds are by article.

    Examples
    --------
    >>> fold_of("ptc-111111111", 6) == fold_of("ptc-111111111", 6)
    True
    >>> 0 <= fold_of("x", 6) < 6
    True
    """
    digest = hashlib.sha256(f"{salt}\x1f{doc_id}".encode()).hexdigest()
    return int(digest, 16) % k


def classify_spans(gold: Iterable[SpanRow], pred: Iterable[SpanRow], *, default: str) -> list[SpanRow]:
    """Technique classification (SemEval-2020 Task 11 TC): a label for every gold span from the predictions.

    Each gold span takes the label of the predicted span that overlaps it by
    the most characters (ties: the earlier prediction); with no overlapping
    prediction it takes ``default`` (the majority class).

    Examples
    --------
    >>> classify_spans([("d", 0, 10, "X"), ("d", 20, 30, "Y")], [("d", 2, 12, "Z")], default="X")
    [('d', 0, 10, 'Z'), ('d', 20, 30, 'X')]
    """
    by_doc: dict[str, list[SpanRow]] = defaultdict(list)
    for row in pred:
        by_doc[str(row[0])].append(row)
    out = []
    for doc, s, e, _label in gold:
        best, best_len = default, 0
        for _, ps, pe, plabel in by_doc.get(str(doc), []):
            inter = min(e, pe) - max(s, ps)
            if inter > best_len:
                best, best_len = plabel, inter
        out.append((doc, s, e, best))
    return out


def score_technique_classification(
    gold: Sequence[SpanRow], predicted: Sequence[SpanRow], *, labels: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-label precision, recall and F1 of technique classification on given gold spans, and micro F1.

    ``predicted`` holds one label per gold span, in the same order (as
    :func:`classify_spans` returns). Micro F1 is the task's official TC
    measure; with one prediction per span it equals accuracy.

    Examples
    --------
    >>> g = [("d", 0, 5, "A"), ("d", 6, 9, "B")]
    >>> df = score_technique_classification(g, [("d", 0, 5, "A"), ("d", 6, 9, "A")])
    >>> float(df[df["label"] == "micro"]["f1"].iloc[0])
    0.5
    """
    if len(gold) != len(predicted):
        raise InputError(f"technique classification needs one prediction per gold span ({len(gold)} gold, "
                         f"{len(predicted)} predicted)")
    all_labels = list(labels) if labels is not None else sorted({g[3] for g in gold})
    rows = []
    for label in all_labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g[3] == label and p[3] == label)
        n_pred = sum(1 for p in predicted if p[3] == label)
        n_gold = sum(1 for g in gold if g[3] == label)
        prec, rec, f1 = _prf(tp, n_pred, tp, n_gold)
        rows.append({"label": label, "support": n_gold, "predicted": n_pred, "precision": prec, "recall": rec,
                     "f1": f1})
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g[3] == p[3])
    prec, rec, f1 = _prf(correct, len(predicted), correct, len(gold))
    rows.append({"label": "micro", "support": len(gold), "predicted": len(predicted), "precision": prec,
                 "recall": rec, "f1": f1})
    return pd.DataFrame(rows, columns=["label", "support", "predicted", "precision", "recall", "f1"])


# --------------------------------------------------------------------------- ranking


def average_precision(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Average precision of a ranking by descending score (ties keep input order).

    Examples
    --------
    >>> average_precision([0.9, 0.8, 0.1], [True, False, True])
    0.8333333333333333
    """
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if positive[i]:
            hits += 1
            total += hits / rank
    n_pos = sum(bool(x) for x in positive)
    return total / n_pos if n_pos else 0.0


def precision_at(scores: Sequence[float], positive: Sequence[bool], k: int) -> float:
    """Precision of the ``k`` highest-scored items.

    Examples
    --------
    >>> precision_at([0.9, 0.8, 0.1], [True, False, True], 2)
    0.5
    """
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
    return sum(bool(positive[i]) for i in order) / len(order) if order else 0.0


# --------------------------------------------------------------------------- sentences


def referent_matches(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted referent names the gold one.

    True when one of the predicted referents (``; ``-separated) shares a
    distinctive word (not "war", "crisis", "the"…) or a year with the gold
    referent, after lower-casing.

    Examples
    --------
    >>> referent_matches("Iraq War (2003)", "Western interventions in Libya (2011) and Iraq (2003)")
    True
    >>> referent_matches("American Revolution", "October Revolution (1917)")
    False
    """
    if not predicted or not gold:
        return False
    gold_words = set(_WORD.findall(gold.lower())) - _GENERIC
    for ref in predicted.split("; "):
        words = set(_WORD.findall(ref.lower())) - _GENERIC
        if words & gold_words:
            return True
    return False


def score_analogy_sentences(
    items: Iterable[Mapping[str, Any]],
    predict: Callable[[str], pd.DataFrame],
    *,
    positive: str = "analogy",
) -> dict[str, Any]:
    """Sentence-level precision/recall and referent accuracy for analogy detection.

    Parameters
    ----------
    items
        Records with ``context``, ``sentence``, ``label``, ``referent``
        (the analogy dev set's format).
    predict
        A function from a text to a devices table (``start``, ``end``,
        ``referent``), e.g. ``lambda t: tk.devices(t, kinds="historical_analogy")``.
        It runs on the context; line breaks are read as spaces (the context
        strings lose the blank lines between the source's paragraphs).
    positive
        The gold label that counts as an analogy.

    Returns
    -------
    dict
        ``precision, recall, f1, tp, fp, fn, referent_accuracy, confusion``
        (a DataFrame: gold label × predicted yes/no) and ``rows`` (per item).

    Examples
    --------
    >>> import toolkit as tk
    >>> item = {"context": "We must not repeat the mistakes of Vietnam.", "label": "analogy",
    ...         "sentence": "We must not repeat the mistakes of Vietnam.", "referent": "Vietnam War"}
    >>> score_analogy_sentences([item], tk.devices)["recall"]
    1.0
    """
    per_item = []
    for it in items:
        context = str(it["context"]).replace("\n", " ")
        sentence = str(it["sentence"]).replace("\n", " ")
        i = context.find(sentence)
        if i < 0:
            raise InputError(f"item {it.get('cid', '?')}: the sentence is not inside its context")
        s, e = i, i + len(sentence)
        df = predict(context)
        hit = df[(df["start"] < e) & (df["end"] > s)] if len(df) else df
        pred = len(hit) > 0
        referent = "; ".join(str(x) for x in hit["referent"].dropna()) if pred else None
        per_item.append({
            "cid": it.get("cid"), "gold": it["label"], "predicted": pred, "referent": referent,
            "gold_referent": it.get("referent"),
            "referent_ok": pred and referent_matches(referent, it.get("referent")),
            "cue": "; ".join(hit["cue"].astype(str)) if pred else None,
        })
    rows = pd.DataFrame(per_item)
    gold_pos = rows["gold"] == positive
    tp = int((gold_pos & rows["predicted"]).sum())
    fp = int((~gold_pos & rows["predicted"]).sum())
    fn = int((gold_pos & ~rows["predicted"]).sum())
    prec, rec, f1 = _prf(tp, tp + fp, tp, tp + fn)
    ref_ok = int((gold_pos & rows["referent_ok"]).sum())
    confusion = pd.crosstab(rows["gold"], rows["predicted"].map({True: "analogy", False: "none"}))
    return {
        "precision": prec, "recall": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
        "referent_accuracy": ref_ok / tp if tp else 0.0, "confusion": confusion, "rows": rows,
    }
