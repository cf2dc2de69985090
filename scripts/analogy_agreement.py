"""Inter-annotator agreement on the fresh analogy sample: the labels of ``data/analogy_fresh.jsonl.gz`` (batch 8:
the first annotator, batch 9: the second) against an independent reading of the same 400 sentences
(``data/analogy_agreement.jsonl``, a third annotator who saw neither the other labels nor any detector output).

    PYTHONPATH=$PWD .venv/bin/python scripts/analogy_agreement.py

Prints, per batch and pooled, the observed agreement and Cohen's kappa (NLTK's ``AnnotationTask``) on
*analogy versus not* and on the three labels, the confusion of the two readings, and the agreement on
*analogy versus not* when the sentences either reading marked low-confidence are left out.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eval_analogy import FRESH, _read  # the fresh sample and its reader (scripts/ is on the path)
from nltk.metrics.agreement import AnnotationTask

ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "data" / "analogy_agreement.jsonl"
LABELS = ("analogy", "reference", "other")


def _by_id(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in _read(path)}


def _kappa(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two readings of the same items."""
    data = [(coder, str(i), label) for i, pair in enumerate(pairs) for coder, label in zip("ab", pair, strict=True)]
    task = AnnotationTask(data=data)
    return task.avg_Ao(), task.kappa()


def report(name: str, pairs: list[tuple[dict, dict]]) -> None:
    three = [(a["label"], b["label"]) for a, b in pairs]
    binary = [(str(x == "analogy"), str(y == "analogy")) for x, y in three]
    sure = [(str(a["label"] == "analogy"), str(b["label"] == "analogy")) for a, b in pairs
            if a.get("confidence") != "low" and b.get("confidence") != "low"]
    ao, k = _kappa(binary)
    ao3, k3 = _kappa(three)
    _, ks = _kappa(sure)
    both = sum(1 for x, y in three if x == y == "analogy")
    first = sum(1 for x, _ in three if x == "analogy")
    second = sum(1 for _, y in three if y == "analogy")
    print(f"| {name} | {len(pairs)} | {first} | {second} | {both} | {ao:.2f} | {k:.2f} | {ao3:.2f} | {k3:.2f} | "
          f"{len(sure)} | {ks:.2f} |")


def main() -> int:
    if not SECOND.exists():
        print(f"{SECOND.relative_to(ROOT)} not found")
        return 0
    fresh, second = _by_id(FRESH), _by_id(SECOND)
    missing = set(second) - set(fresh)
    if missing:
        print(f"error: {len(missing)} ids of {SECOND.name} are not in {FRESH.name}, e.g. {sorted(missing)[0]}",
              file=sys.stderr)
        return 2
    pairs = [(fresh[i], second[i]) for i in sorted(second)]
    print("| batch | sentences | analogies, sample's labels | analogies, second reading | both | "
          "agreement (analogy or not) | kappa | agreement (3 labels) | kappa | both high-confidence | kappa |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for b in sorted({a["batch"] for a, _ in pairs}):
        report(f"{b}", [(a, s) for a, s in pairs if a["batch"] == b])
    report("pooled", pairs)
    print("\nconfusion (rows: the sample's label, columns: the second reading)\n")
    c = Counter((a["label"], s["label"]) for a, s in pairs)
    print("| | " + " | ".join(LABELS) + " |\n|---|" + "---|" * len(LABELS))
    for x in LABELS:
        print(f"| {x} | " + " | ".join(str(c[(x, y)]) for y in LABELS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
