"""Speaker attribution of first-person statements in transcripts, against the Kremlin turn labels.

The Kremlin corpus (``../shared/corpora/kremlin/``, CC BY 4.0) labels every
turn of its transcripts with the speaker (``Vladimir Putin: …``). That is a
silver standard for one question: when a turn says "I think that …", does
``tk.quotes`` give it to the turn's speaker? A row counts when its speaker
mention is ``I`` and its speaker shares the label's last word (``Putin`` in
``Vladimir Putin``), or the label's last word is in the speaker. Turns with a
role label (``Question:``, ``Remark:``) are not scored: they name no speaker.

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


def score(pages: list[dict]) -> tuple[int, int, int]:
    """(first-person rows inside a labelled turn, rows given to the turn's speaker, rows with no speaker)."""
    rows = agree = unnamed = 0
    for page in pages:
        text = page["text"]
        turns = [(m.start(), m.group(1)) for m in _TURN.finditer(text)]
        quotes = tk.quotes(tk.Document(text, id=page["id"]))
        for row in quotes[quotes["speaker_mention"] == "I"].itertuples():
            label = [name for start, name in turns if start <= row.start]
            if not label or (" " not in label[-1] and not label[-1].isupper()):
                continue  # before the first turn, or a role label ("Question:", "Remark:"): no name to find
            rows += 1
            if not isinstance(row.speaker, str):
                unnamed += 1
                continue
            last = label[-1].split()[-1]
            agree += last in row.speaker or row.speaker.split()[-1] in label[-1]
    return rows, agree, unnamed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=200, help="transcript pages to read (0: all)")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    pages = _pages(args.limit)
    rows, agree, unnamed = score(pages)
    print(f"| pages | first-person rows in a turn | given to the turn's speaker | no speaker |\n|---|---|---|---|\n"
          f"| {len(pages)} | {rows} | {agree / max(rows, 1):.3f} ({agree}) | {unnamed} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
