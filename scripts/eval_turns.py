"""Transcript turns against the Kremlin pages' own speaker labels.

The Kremlin corpus (``../shared/corpora/kremlin/``, CC BY 4.0) records, from the
pages' HTML (a paragraph opening with bold text and a colon), every transcript
turn's label (``speakers``, in order of first appearance) and how many turns a
page has (``speaker_turns``). ``tk.quotes`` sees only the plain text: it finds
the turns from their ``Name:`` line openings and gives each turn paragraph a
``direct:transcript`` row (``direct:transcript_continued`` for a turn's later
paragraphs). Scored per page:

* turns: the number of ``direct:transcript`` rows against ``speaker_turns``
  (precision and recall of the counts, summed over pages);
* labels: the share of those rows whose speaker mention is one of the page's
  HTML labels;
* first person: rows other than the turn rows whose mention is ``I`` (a
  quotation or report inside a turn) and that name a speaker, given to the
  turn's speaker (the label's last word in the speaker, or the reverse).

    .venv/bin/python scripts/eval_turns.py              # the first 200 transcript pages
    .venv/bin/python scripts/eval_turns.py --limit 0    # all 1,385

Exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit as tk  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "kremlin" / "kremlin_en_2000_2020.jsonl.gz"
# the corpus README's turn format: a name or role label at a line start, then ": "
_TURN = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}):\s", re.MULTILINE)


def _pages(limit: int) -> list[dict]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("speaker_turns", 0) >= 2:
                out.append(record)
                if limit and len(out) >= limit:
                    break
    return out


def score(pages: list[dict]) -> dict[str, int]:
    """Counts over ``pages``: gold and found turns, labels right, first-person rows and their agreement."""
    out = dict.fromkeys(("gold_turns", "found_turns", "matched_turns", "labels_right", "first", "first_agree"), 0)
    for page in pages:
        text = page["text"]
        quotes = tk.quotes(tk.Document(text, id=page["id"]))
        turns = quotes[quotes["rule"] == "direct:transcript"]
        out["gold_turns"] += page["speaker_turns"]
        out["found_turns"] += len(turns)
        out["matched_turns"] += min(len(turns), page["speaker_turns"])
        labels = set(page.get("speakers") or [])
        out["labels_right"] += int(turns["speaker_mention"].isin(labels).sum())
        starts = [(m.start(), m.group(1)) for m in _TURN.finditer(text)]
        inner = quotes[(quotes["speaker_mention"] == "I") & ~quotes["rule"].str.startswith("direct:transcript")]
        for row in inner.itertuples():
            label = [name for start, name in starts if start <= row.start]
            if not label or (" " not in label[-1] and not label[-1].isupper()) or not isinstance(row.speaker, str):
                continue  # before the first turn, a role label ("Question:"), or no speaker named
            out["first"] += 1
            last = label[-1].split()[-1]
            out["first_agree"] += last in row.speaker or row.speaker.split()[-1] in label[-1]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=200, help="transcript pages to read (0: all)")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    pages = _pages(args.limit)
    c = score(pages)
    p = c["matched_turns"] / max(c["found_turns"], 1)
    r = c["matched_turns"] / max(c["gold_turns"], 1)
    print("| pages | HTML turns | turn rows | turns P | turns R | label is an HTML label | first-person rows "
          "in turns | given to the turn's speaker |\n|---|---|---|---|---|---|---|---|")
    print(f"| {len(pages)} | {c['gold_turns']} | {c['found_turns']} | {p:.3f} | {r:.3f} | "
          f"{c['labels_right'] / max(c['found_turns'], 1):.3f} | {c['first']} | "
          f"{c['first_agree'] / max(c['first'], 1):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
