"""Draw the fresh quote-attribution sample (``data/quotes_fresh_kremlin.jsonl``) from the Kremlin corpus.

Run: ``PYTHONPATH=$PWD python scripts/sample_quotes_fresh.py > /tmp/kremlin_unlabelled.jsonl`` (batch 1) and
``--batch 2 > /tmp/kremlin2.jsonl`` (batch 2: another seed, no page of batch 1, and no message of greetings,
congratulations or condolences quoted whole, which made up 20 of batch 1's 30 pages) and ``--batch 3`` (batch 1's
rules, another seed, no page of batches 1-2: the blind test of the rules written after reading batches 1-2).
``--corpus wikinews`` draws the English Wikinews sample (``data/quotes_fresh_wikinews.jsonl``) from the bundled
``data/wikinews_en_2019_2020.jsonl`` (CC BY 2.5): 20 articles of 600-3,000 characters with a double quote mark,
none named by id in ``tests/``, ``docs/``, ``notebooks/`` or ``scripts/`` when batch 1 was drawn (pages a test or a
document reads closely are not fresh); ``--batch 2``: another seed, no article of batch 1 and none whose output was
read while the rules from batch 1 were written (``SEEN_WIKINEWS``); ``--batch 3``: batch 2's rules, another seed, no
article of batches 1-2 (the blind test of the rules written from batch 2). ``--batch 4`` (both corpora): another
seed, no page of batches 1-3, drawn at ``29bdefc`` to score the extractor blind after the reported-speech rules
tuned on PolNeAR (every Wikinews article a test or document named at that commit is already in batches 1-3 or
in the lists below). ``--batch 5`` (both corpora): another seed, no page of batches 1-4 and no Wikinews article
named anywhere in the project at ``b060339`` (``NAMED_WIKINEWS_5``), drawn there to score the extractor blind
after the session that followed it.

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

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "data" / "wikinews_en_2019_2020.jsonl"
WIKINEWS_N = 20
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


#: Wikinews articles whose extractor output was read while the batch 1 rules were written (a diff of tk.quotes
#: on the bundled sample before and after them): not fresh for batch 2
SEEN_WIKINEWS = {"wikinews-bbc66cad5215", "wikinews-b4b341fcbb66", "wikinews-8a4f822f9ecd", "wikinews-132d5d708bdc",
                 "wikinews-6450537666db", "wikinews-fd398e028e45", "wikinews-b3d504b01694", "wikinews-58edafb3f2ff",
                 "wikinews-f7de72c83458"}


#: Wikinews articles named by id in tests/, docs/, notebooks/ or scripts/ when batch 1 was drawn (at c71e573):
#: pages a test or a document reads closely are not fresh
NAMED_WIKINEWS = frozenset((
    "wikinews-00030bf5be32", "wikinews-053efa0290fb", "wikinews-132d5d708bdc", "wikinews-1a1842869eb1",
    "wikinews-1f179fd7cf4e", "wikinews-20eb5c90bcb1", "wikinews-24dc76bc1141", "wikinews-2c8584d18975",
    "wikinews-2debebd5ab53", "wikinews-309bd6a578b8", "wikinews-3d019ee2437d", "wikinews-466e39be9aa9",
    "wikinews-49f658ffcadb", "wikinews-542e96803062", "wikinews-875a0d06784e", "wikinews-8a26b61791a1",
    "wikinews-8c55c9d87c78", "wikinews-b24755064580", "wikinews-b2723307906a", "wikinews-b2b15ef5d181",
    "wikinews-b70e6218f7e2", "wikinews-b96b50c8a83f", "wikinews-bbc66cad5215", "wikinews-bbcb5317d7a9",
    "wikinews-cc1a871ecca3", "wikinews-d21c933b0e64", "wikinews-d7d43176e6a9", "wikinews-e85e21a0a901",
    "wikinews-efcf591a7967", "wikinews-f4b88d36c596", "wikinews-fd398e028e45",
))


#: Wikinews articles named by id in tests/, docs/, notebooks/, scripts/ or toolkit/ at ``b060339`` (batch 5's
#: draw) and in none of the lists above or batches 1-4: not fresh for batch 5
NAMED_WIKINEWS_5 = frozenset((
    "wikinews-4b5f0c576d24", "wikinews-5231a701ddf3", "wikinews-a306e0dae584", "wikinews-b04aff846881",
    "wikinews-b9323b5ff042", "wikinews-bbeb110b6baf", "wikinews-f07aa17cacf9",
))


def draw_wikinews(batch: int) -> list[dict]:
    """Batch ``batch`` of the Wikinews sample: eligible articles shuffled with ``SEED + batch - 1``."""
    used = NAMED_WIKINEWS | (SEEN_WIKINEWS if batch >= 2 else set()) | (NAMED_WIKINEWS_5 if batch >= 5 else set())
    with WIKINEWS.open(encoding="utf-8") as fh:
        pages = [r for r in map(json.loads, fh)
                 if 600 <= len(r["text"]) <= 3000 and ("\u201c" in r["text"] or '"' in r["text"])
                 and r["id"] not in used]
    earlier = {r["id"] for b in range(1, batch) for r in draw_wikinews(b)}
    pages = [r for r in pages if r["id"] not in earlier]
    order = list(range(len(pages)))
    random.Random(SEED + batch - 1).shuffle(order)
    return [pages[i] for i in sorted(order[:WIKINEWS_N])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, choices=(1, 2, 3, 4, 5), default=1, help="Kremlin and Wikinews: 1-5")
    ap.add_argument("--corpus", choices=("kremlin", "wikinews"), default="kremlin")
    args = ap.parse_args()
    batch = args.batch
    if args.corpus == "wikinews":
        for page in draw_wikinews(batch):
            print(json.dumps({k: page[k] for k in FIELDS} | {"batch": batch}, ensure_ascii=False))
        return 0
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 0
    for page in draw(batch):
        print(json.dumps({k: page[k] for k in FIELDS} | {"batch": batch}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
