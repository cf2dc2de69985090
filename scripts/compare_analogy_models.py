"""Compare configurations of the learned analogy decision by nested leave-one-batch-out cross-validation.

    TOOLKIT_SHARED=/work/shared PYTHONPATH=$PWD .venv/bin/python scripts/compare_analogy_models.py [NAME ...]

The data, the groups, the decision (a rule fires, or the model scores the sentence at or above the threshold) and
the scores are those of ``scripts/train_analogy_model.py`` (nothing is written): for each configuration, the
setting (C, threshold) ``train_analogy_model.choose`` picks on the validation batches pooled (the best mean
cross-validated F1 of a threshold and its two neighbours at one C), the nested score (each
validation batch scored at the setting chosen on the others), the gap between the two (the optimism of the
choice), the spread of the per-batch precision and F1, and the model's size (features, non-zero weights) when
fitted on all candidates, and the difference of its nested F1 from the first configuration's (1.4, the model
before this pass) with a 90 % interval from a paired bootstrap over the validation sentences (1,000 draws, seed 0).
A configuration sets which words the model reads (all, the closed vocabulary of
``train_analogy_model.closed_vocabulary``, none), whether word pairs are added (``pairs``: neighbouring words of a
sentence, the referent read as ``<ref>``; ``closed pairs``: both words in the closed vocabulary), which marks
(``base``: rule, cue kind, referent kind, place, not past; ``structure``: these and the cue's side and distance,
the referents' ages, the numbers of referents and cues), ``min_df``, the C grid and the penalty. A second table
gives each configuration's nested precision per validation batch. Names given on the command line select the
configurations whose name contains one of them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import numpy as np  # noqa: E402
import train_analogy_model as train  # noqa: E402

#: the marks the first models (1.0-1.4) had; every other mark is a structure mark (model 2.0)
_BASE_MARKS = ("<rule", "<cue:", "<type:", "<place>", "<notpast>")
_STRONG = (0.03, 0.1, 0.3)
_OLD_GRID = (1.0, 3.0, 10.0)


@dataclass(frozen=True)
class Config:
    name: str
    words: str  # "all", "closed" or "none"
    pairs: str = ""  # "", "all" or "closed"
    marks: str = "structure"  # "base" or "structure"
    min_df: int = train.MIN_DF
    c_grid: tuple[float, ...] = train.C_GRID
    penalty: str = "l2"


CONFIGS = (
    Config("1.4: all words + pairs, base marks, min_df 2, C 1-10", "all", "all", "base", 2, _OLD_GRID),
    Config("1.4 + stronger regularisation (C 0.03-0.3)", "all", "all", "base", 2, _STRONG),
    Config("1.4 + min_df 5", "all", "all", "base", 5, _OLD_GRID),
    Config("1.4 + min_df 10", "all", "all", "base", 10, _OLD_GRID),
    Config("1.4 + min_df 20", "all", "all", "base", 20, _OLD_GRID),
    Config("1.4 + L1 (C 0.03-10)", "all", "all", "base", 2, train.C_GRID, "l1"),
    Config("base marks only", "none", "", "base", 1),
    Config("structure marks only", "none", "", "structure", 1),
    Config("structure marks only, L1", "none", "", "structure", 1, train.C_GRID, "l1"),
    Config("closed words, base marks", "closed", "", "base"),
    Config("closed words + closed pairs, structure marks", "closed", "closed"),
    Config("all words + pairs, structure marks, min_df 2", "all", "all", "structure", 2),
    Config("closed words, structure marks, min_df 2", "closed", "", "structure", 2),
    Config("closed words, structure marks, L1", "closed", "", "structure", train.MIN_DF, train.C_GRID, "l1"),
    Config("2.0 (shipped): closed words, structure marks, min_df 3", "closed"),
)


def features(sentences: list[list[str]], config: Config) -> list[str]:
    """One item's features under ``config``, from the full features of its candidate sentences."""
    closed = train.closed_vocabulary() | {"<ref>"}
    out: list[str] = []
    for f in sentences:
        words = [x for x in f if not x.startswith("<") or x == "<ref>"]
        marks = [x for x in f if x.startswith("<") and x != "<ref>"]
        if config.words != "none":
            out += [w for w in words if config.words == "all" or w in closed]
        if config.pairs:
            out += [f"{a} {b}" for a, b in pairwise(words) if config.pairs == "all" or (a in closed and b in closed)]
        out += [m for m in marks if config.marks == "structure" or m.startswith(_BASE_MARKS)]
    return out


def main(argv: list[str]) -> int:
    data = train.items()
    rows = [train.sentence_rows(it) for it in data]
    gold = np.array([it["label"] == "analogy" for it in data])
    rule = np.array([r for r, _ in rows])
    group = np.array([it["group"] for it in data])
    validation = np.isin(group, train.VALIDATION)
    print(f"{len(data)} items ({int(gold.sum())} analogies), validation batches {train._NAME} "
          f"({int((gold & validation).sum())} analogies)\n")
    print("| configuration | chosen setting | pooled CV: P | R | F1 | nested: P | R | F1 | gap | per-batch P | sd | "
          "per-batch F1 sd | nested F1 - first row's [90 % interval] | features | non-zero |\n|---" + "|---" * 14 + "|")
    rng = np.random.default_rng(0)
    draws = [rng.choice(np.where(validation)[0], int(validation.sum())) for _ in range(1000)]
    first: np.ndarray | None = None
    precision: dict[str, list[str]] = {}
    for config in CONFIGS:
        if argv and not any(a in config.name for a in argv):
            continue
        docs = {i: features(f, config) for i, (_, f) in enumerate(rows) if f}
        probs = train.cv_probs(docs, gold, rule, group, config.c_grid, config.min_df, config.penalty)
        c, t = train.choose(probs, gold, rule, validation)
        p, r, f1 = train._prf(*train._counts(rule | (probs[c] >= t), gold, validation))
        per = train.nested(probs, gold, rule, group)
        tp, fp, fn = (sum(x[k] for x in per) for k in (3, 4, 5))
        np_, nr, nf1 = train._prf(tp, fp, fn)
        batch = np.array([train._prf(*x[3:]) for x in per])
        pred = np.zeros(len(data), dtype=bool)
        for b, c_b, t_b, *_ in per:
            pred[group == b] = (rule | (probs[c_b] >= t_b))[group == b]
        first = pred if first is None else first
        diff = np.sort([_f1(pred[d], gold[d]) - _f1(first[d], gold[d]) for d in draws])
        vec, lr = train._fit(list(docs.values()), gold[list(docs)], c, config.min_df, config.penalty)
        print(f"| {config.name} | C={c:g}, {t:.2f} | {p:.2f} | {r:.2f} | {f1:.3f} | {np_:.2f} | {nr:.2f} | {nf1:.3f} | "
              f"{f1 - nf1:+.3f} | {batch[:, 0].min():.2f}-{batch[:, 0].max():.2f} | {batch[:, 0].std(ddof=1):.2f} | "
              f"{batch[:, 2].std(ddof=1):.2f} | {nf1 - _f1(first[validation], gold[validation]):+.3f} "
              f"[{diff[49]:+.3f}, {diff[949]:+.3f}] | {len(vec.vocabulary_)} | {int((lr.coef_[0] != 0).sum())} |",
              flush=True)
        precision[config.name] = [f"{x[0]:.2f} ({b[3]}/{b[3] + b[4]})" for x, b in zip(batch, per, strict=True)]
    print("\nNested precision (TP/flagged) per validation batch, at the setting chosen on the other batches\n")
    print("| configuration | " + " | ".join(f"batch {b}" for b in train.VALIDATION) + " |\n|---"
          + "|---" * len(train.VALIDATION) + "|")
    for name, cells in precision.items():
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    return train._prf(int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum()))[2]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
