"""What the tuning analogies hold: a past candidate, a construction, both or neither (issue #12.4, passes 5-6).

    PYTHONPATH=$PWD .venv/bin/python scripts/analogy_coverage.py [--dev]

For every gold analogy of batches 1-7 of ``data/analogy_fresh.jsonl.gz`` (or of the dev set with ``--dev``), read
with its speech's year: whether the sentence holds a *past candidate* (a name of the gazetteer, the event list or
the general past-time expressions whose period ended before the speech's year, else a year or decade that is
past there), whether it holds a *construction* (any cue of ``analogy_cues.tsv`` matched in the sentence, wherever
it stands, label predicates left out), and whether the detector finds it. The held-out batch 8 is never read.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import toolkit as tk
from toolkit.devices import analogy
from toolkit.devices.matching import DocContext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_analogy import FRESH, _read  # the fresh sample and its reader

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpora"
HELD_OUT = 8


def _past(m: analogy.Mention, year: int | None) -> bool:
    if year is None:
        return True
    if m.entity.type == "year":
        return analogy._past_date(m.entity, year)
    span = analogy._span_of(m.entity)
    return span is None or span[1] < year or (span[1] == year and span[0] < year)


def classify(item: dict) -> tuple[str, str, bool]:
    """(candidate kind, construction or '-', found) for one labelled sentence."""
    context = str(item["context"]).replace("\n", " ")
    sentence = str(item["sentence"]).replace("\n", " ")
    s = context.find(sentence)
    e = s + len(sentence)
    doc_id = str(item["doc_id"])
    meta = {"year": int(doc_id.rsplit("-", 1)[-1])} if doc_id.startswith("ungdc-") else {}
    ctx = DocContext(tk.Document(context, meta=meta))
    mentions = [m for m in analogy._mentions(ctx) if s <= m.start < e and _past(m, meta.get("year"))]
    named = [m for m in mentions if m.entity.type != "year"]
    candidate = "named or general" if named else "year or decade only" if mentions else "none"
    cues = [h for _, matcher, infos in analogy._cues(ctx.lexicon("analogy_cues"))
            for h in matcher.finditer(ctx.text, s, e) if any(c.kind != "label" for c in infos[h.index])]
    df = tk.devices(tk.Document(context, meta=meta), kinds="historical_analogy")
    found = bool(len(df) and ((df["start"] < e) & (df["end"] > s)).any())
    return candidate, "construction" if cues else "-", found


def main() -> None:
    if "--dev" in sys.argv:
        path = CORPORA / "analogy" / "dev.jsonl"
        items = [json.loads(line) for line in path.open(encoding="utf-8")]
    else:
        path = FRESH
        items = [r for r in _read(path) if r.get("batch", 1) != HELD_OUT]
    gold = [it for it in items if it["label"] == "analogy"]
    counts: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    for it in gold:
        candidate, construction, hit = classify(it)
        counts[candidate, construction] += 1
        found[candidate, construction] += hit
    print(f"{len(gold)} analogies ({path.name})\n")
    print("| past candidate | construction in the sentence | analogies | found by the detector |\n|---|---|---|---|")
    for key in sorted(counts):
        print(f"| {key[0]} | {key[1]} | {counts[key]} | {found[key]} |")


if __name__ == "__main__":
    main()
