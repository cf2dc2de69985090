"""``make eval``: every scored evaluation of the toolkit, one after another.

Runs, each in its own process so one missing corpus or failure does not hide the
others, and prints their Markdown tables in order:

1. ``scripts/eval_quotes.py`` — quote attribution on PolNeAR dev;
2. ``scripts/eval_quotes.py --corpus german_news_quotes`` — German quotes;
   ``scripts/eval_turns.py`` — first-person statements against the Kremlin
   transcripts' turn labels (a silver standard);
3. ``scripts/eval_devices.py`` — historical analogies, PTC persuasion
   techniques (SemEval-2020 Task 11 partial-overlap span scoring and technique
   classification; 5-fold cross-validation by article plus a held-out fold,
   ``docs/persuasion.md``), the SemEval-2021 memes as an untuned second genre,
   and chiasmus;
4. ``scripts/eval_analogy.py`` — historical analogies: 5-fold scores on the
   dev set and scores on the fresh, self-labelled UN sample (``data/analogy_fresh.jsonl.gz``).

Each script reads ``../shared/corpora`` and skips with a message when its corpus
is absent. Exit status: 1 when any section failed, else 0.

    .venv/bin/python scripts/evaluate.py
    .venv/bin/python scripts/evaluate.py --only devices
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent

SECTIONS: dict[str, list[str]] = {
    "quotes": ["eval_quotes.py"],
    "quotes-de": ["eval_quotes.py", "--corpus", "german_news_quotes"],
    "turns": ["eval_turns.py"],
    "devices": ["eval_devices.py"],
    "analogy": ["eval_analogy.py"],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="+", choices=sorted(SECTIONS), help="run only these sections")
    args = ap.parse_args(argv)
    failed = []
    for name, (script, *extra) in SECTIONS.items():
        if args.only and name not in args.only:
            continue
        print(f"\n## {name}: scripts/{script} {' '.join(extra)}\n", flush=True)
        rc = subprocess.call([sys.executable, str(SCRIPTS / script), *extra])
        if rc:
            failed.append(name)
    if failed:
        print(f"\nfailed sections: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
