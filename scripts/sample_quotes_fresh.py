"""Draw the fresh quote-attribution sample (``data/quotes_fresh_kremlin.jsonl``) from the Kremlin corpus.

Run: ``PYTHONPATH=$PWD python scripts/sample_quotes_fresh.py > /tmp/kremlin_unlabelled.jsonl``.

The procedure never calls ``tk.quotes``; the sample was labelled by reading (guidelines in
``docs/quotes.md``, "Fresh sample: Kremlin news items") and committed before any extractor ran on it.

1. Eligible pages: news items of ``../shared/corpora/kremlin/kremlin_en_2000_2020.jsonl.gz`` (CC BY 4.0),
   not transcripts (no speaker-labelled turns), 400–2,500 characters, with at least one double quote
   mark, and none of the pages the tests already use.
2. Pages are shuffled with ``random.Random(SEED)`` and the first ``N`` are kept, in corpus order.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "kremlin" / "kremlin_en_2000_2020.jsonl.gz"
SEED = 20261207
N = 30
#: pages tests/ already read (not fresh)
USED = {"kremlin-en-26972", "kremlin-en-54149", "kremlin-en-60795"}
FIELDS = ("id", "title", "date", "url", "license", "attribution", "text")


def eligible(record: dict) -> bool:
    text = record["text"]
    return (record["speaker_turns"] == 0 and 400 <= len(text) <= 2500 and ("\u201c" in text or '"' in text)
            and record["id"] not in USED)


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        pages = [r for r in map(json.loads, fh) if eligible(r)]
    order = list(range(len(pages)))
    random.Random(SEED).shuffle(order)
    for i in sorted(order[:N]):
        print(json.dumps({k: pages[i][k] for k in FIELDS}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
