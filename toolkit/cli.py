"""Command line: ``python -m toolkit`` (also installed as ``discourse-toolkit``).

Commands
--------
``setup``
    Prepare the offline language data (Punkt model, CMU dictionary).
``report INPUT... --out DIR``
    Write the tables (CSV), figures and an HTML report for any input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import ToolkitError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    setup = sub.add_parser("setup", help="prepare offline language data (never downloads)")
    setup.add_argument("--target", help="nltk_data directory (default: <venv>/nltk_data)")
    setup.add_argument("--force", action="store_true", help="rewrite even if present")
    report = sub.add_parser("report", help="write tables, figures and an HTML report")
    report.add_argument("inputs", nargs="+", help=".txt files, folders, .jsonl(.gz) or .csv corpora")
    report.add_argument("--out", required=True, help="output folder")
    report.add_argument("--limit", type=int, default=None, help="at most this many documents per input")
    report.add_argument("--n-jobs", type=int, default=1, help="worker processes (-1: all cores)")
    report.add_argument("--pages", type=int, default=50, help="highlighted pages for at most this many documents")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples
    --------
    >>> main(["setup"])  # doctest: +ELLIPSIS
    language data ready in ...
    0
    """
    args = _parser().parse_args(argv)
    try:
        if args.command == "setup":
            from .langdata import prepare

            root = prepare(args.target, force=args.force)
            print(f"language data ready in {root}")
        elif args.command == "report":
            from .report import write_report

            written = write_report(args.inputs, args.out, limit=args.limit, n_jobs=args.n_jobs, pages=args.pages)
            print(f"wrote {len(written)} files to {args.out}")
    except ToolkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
