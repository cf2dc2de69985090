"""Draw the fresh quote-attribution sample (``data/quotes_fresh_kremlin.jsonl``) from the Kremlin corpus.

Run: ``PYTHONPATH=$PWD python scripts/sample_quotes_fresh.py > /tmp/kremlin_unlabelled.jsonl`` (batch 1) and
``--batch 2 > /tmp/kremlin2.jsonl`` (batch 2: another seed, no page of batch 1, and no message of greetings,
congratulations or condolences quoted whole, which made up 20 of batch 1's 30 pages) and ``--batch 3`` (batch 1's
rules, another seed, no page of batches 1-2: the blind test of the rules written after reading batches 1-2).

The procedure never calls ``tk.quotes``; the sample was labelled by reading (guidelines in
``docs/quotes.md``, "Fresh sample: Kremlin news items") and committed before any extractor ran on it.

1. Eligible pages: news items of ``../shared/corpora/kremlin/kremlin_en_2000_2020.jsonl.gz`` (CC BY 4.0),
   not transcripts (no speaker-labelled turns), 400–2,500 characters, with at least one double quote
   mark, and none of the pages the tests already use.
2. Pages are shuffled with ``random.Random(SEED + batch - 1)`` and the first ``N`` are kept, in corpus order.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "kremlin" / "kremlin_en_2000_2020.jsonl.gz"
SEED = 20261207
N = 30
#: pages tests/ already read (not fresh)
USED = {"kremlin-en-26972", "kremlin-en-54149", "kremlin-en-60795"}
FIELDS = ("id", "title", "date", "url", "license", "attribution", "text")


#: batch 2 leaves out pages that quote a message whole ("The message reads, in part: ...")
MESSAGE_PAGE = re.compile(r"^(?:The (?:message|address|telegram|letter) (?:reads|said|says)|.*\n\n\u201c)", re.S)
GREETING_TITLE = re.compile(r"^(?:Birthday )?(?:Greetings?|Congratulations|Condolences)\b")


def eligible(record: dict, batch: int) -> bool:
    text = record["text"]
    ok = (record["speaker_turns"] == 0 and 400 <= len(text) <= 2500 and ("\u201c" in text or '"' in text)
          and record["id"] not in USED)
    if ok and batch == 2:
        ok = not MESSAGE_PAGE.match(text[:200]) and not GREETING_TITLE.match(record["title"] or "")
    return ok


def draw(batch: int) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        pages = [r for r in map(json.loads, fh) if eligible(r, batch)]
    earlier = {r["id"] for b in range(1, batch) for r in draw(b)}
    pages = [r for r in pages if r["id"] not in earlier]
    order = list(range(len(pages)))
    random.Random(SEED + batch - 1).shuffle(order)
    return [pages[i] for i in sorted(order[:N])]


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, choices=(1, 2, 3), default=1)
    batch = ap.parse_args().batch
    for page in draw(batch):
        print(json.dumps({k: page[k] for k in FIELDS} | {"batch": batch}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
