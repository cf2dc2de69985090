"""Command line: ``python -m toolkit`` (also installed as ``discourse-toolkit``).

Commands
--------
``setup``
    Prepare the offline language data (Punkt model, CMU dictionary).
``report INPUT... --out DIR``
    Write the tables (CSV and XLSX), figures and an HTML report for any input.
``quotes INPUT...`` / ``devices INPUT...``
    Write that table as CSV to standard output.

Every failure prints one ``error: ...`` line to standard error and exits with
status 2; a skipped input prints a ``warning: ...`` line naming it.
"""

from __future__ import annotations

import argparse
import codecs
import os
import re
import sys
import traceback
import warnings
from collections.abc import Sequence
from typing import Any, NoReturn

from .errors import ToolkitError, ToolkitWarning
from .version import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


def _inputs(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("inputs", nargs="+", help=".txt files, folders, .jsonl(.gz) or .csv corpora")
    sub.add_argument("--limit", type=int, default=None, help="at most this many documents per input")
    sub.add_argument("--n-jobs", type=int, default=1, help="worker processes (-1: all cores)")
    sub.add_argument("--encoding", default=None,
                     help="encoding of .txt files (default: UTF-8, with or without BOM), e.g. cp1252")
    sub.add_argument("--on-error", choices=["raise", "skip"], default="raise",
                     help="a file or record that cannot be read: stop with an error (default), or skip it "
                          "with a warning (an empty file is always skipped with a warning)")
    sub.add_argument("--spreadsheet-safe", action="store_true",
                     help="prefix ' to CSV cells starting with = + - @ tab or CR (they then no longer slice the text)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"discourse-toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    setup = sub.add_parser("setup", help="prepare offline language data (never downloads)")
    setup.add_argument("--target", help="nltk_data directory (default: <venv>/nltk_data)")
    setup.add_argument("--force", action="store_true", help="rewrite even if present")
    report = sub.add_parser("report", help="write tables, figures and an HTML report")
    _inputs(report)
    report.add_argument("--out", required=True, help="output folder")
    report.add_argument("--pages", type=int, default=50, help="highlighted pages for at most this many documents")
    for name, what in (("quotes", "quotes and their speakers"), ("devices", "rhetorical devices")):
        _inputs(sub.add_parser(name, help=f"write the {what} table as CSV to standard output"))
    sub.choices["quotes"].add_argument(
        "--noun-phrases", action="store_true",
        help="also list reported speech whose content is a noun phrase ('X defended the new policy')")
    sub.choices["devices"].add_argument(
        "--lexicon", action="append", default=[], metavar="NAME=FILE",
        help="your own TSV/CSV in place of a packaged lexicon (repeatable), e.g. name_calling=labels.tsv")
    return parser


def _lexicons(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise ToolkitError(f"--lexicon {pair!r}: write NAME=FILE, e.g. name_calling=labels.tsv")
        out[name] = path
    return out


def _for_cli(message: str) -> str:
    """Say ``--encoding X`` where the library says ``encoding=X``."""
    return re.sub(r"\bencoding=(\.\.\.|'([^']*)')", lambda m: f"--encoding {m.group(2) or 'NAME'}", message)


def _warn(message: Any, category: type[Warning], filename: str, lineno: int, file: Any = None,
          line: str | None = None) -> None:
    print(f"warning: {_for_cli(str(message))}", file=sys.stderr)


def _run(args: argparse.Namespace) -> None:
    if args.command == "setup":
        from .langdata import prepare

        root = prepare(args.target, force=args.force)
        print(f"language data ready in {root}")
        return
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            known = "e.g. utf-8, cp1252, latin-1"
            raise ToolkitError(f"--encoding {args.encoding!r} is not a known codec ({known})") from None
        if any(not str(p).lower().endswith(".txt") and not os.path.isdir(p) for p in args.inputs):
            warnings.warn("--encoding applies to .txt files; JSONL and CSV corpora are read as UTF-8", ToolkitWarning,
                          stacklevel=2)
    common = {"limit": args.limit, "n_jobs": args.n_jobs, "encoding": args.encoding, "on_error": args.on_error}
    if args.command == "report":
        from .report import write_report

        written = write_report(args.inputs, args.out, pages=args.pages, spreadsheet_safe=args.spreadsheet_safe,
                               **common)
        print(f"wrote {len(written)} files to {args.out}")
        return
    from .report import table, write_csv

    options: dict[str, Any] | None = None
    if getattr(args, "lexicon", None):
        options = {"lexicons": _lexicons(args.lexicon)}
    if getattr(args, "noun_phrases", False):
        options = {"noun_phrases": True}
    found = table(args.command, args.inputs, options=options, **common)
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stdout (e.g. redirected in a notebook)
        import io

        stream = io.BytesIO()
        write_csv(found, stream, safe=args.spreadsheet_safe)
        sys.stdout.write(stream.getvalue().decode("utf-8"))
    else:
        sys.stdout.flush()
        write_csv(found, stream, safe=args.spreadsheet_safe)
        stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 after an ``error: ...`` line).

    Examples
    --------
    >>> main(["setup"])  # doctest: +ELLIPSIS
    language data ready in ...
    0
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2, already printed)
        return int(exc.code or 0)
    with warnings.catch_warnings():
        warnings.simplefilter("always", ToolkitWarning)
        warnings.showwarning = _warn
        try:
            _run(args)
        except ToolkitError as exc:
            print(f"error: {_for_cli(str(exc))}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # e.g. `python -m toolkit quotes a.txt | head`: the reader stopped
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        except KeyboardInterrupt:
            print("error: interrupted", file=sys.stderr)
            return 2
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
            return 2
        except Exception as exc:
            if os.environ.get("TOOLKIT_TRACEBACK"):
                traceback.print_exc()
            print(f"error: unexpected {type(exc).__name__}: {exc} (a bug: please report it; "
                  "TOOLKIT_TRACEBACK=1 shows the traceback)", file=sys.stderr)
            return 2
    return 0
