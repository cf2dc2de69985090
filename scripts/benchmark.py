"""``make bench``: the speed benchmarks, each against its baseline in the same run.

Runs, each in its own process, and prints their Markdown tables in order:

1. ``scripts/bench_quotes.py --corpus ungdc`` — ``tk.quotes`` against one plain
   regex pass over the same UN General Debate text, then the same on the
   quote-dense bundled Wikinews articles (``--corpus wikinews``);
2. ``scripts/bench_lexical.py --mb 2`` — the full lexical profile against
   textstat's formulas on the same speeches;
3. ``scripts/eval_devices.py --speed`` — ``tk.devices`` against ``tk.quotes``;
4. ``scripts/bench_memory.py --mb 2 20`` — peak memory (bytes per character)
   and speed of ``tk.quotes`` on one big quote-dense document.

``--full`` adds the 50 MB document to the memory run, ``scripts/bench_scale.py``
(the whole corpus; about 15 minutes) and ``scripts/bench_linearity.py`` (adversarial inputs, 1 MB vs 2 MB).
Each script skips with a message when ``../shared/corpora`` is absent.

    .venv/bin/python scripts/benchmark.py
    .venv/bin/python scripts/benchmark.py --full
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent

QUICK: list[list[str]] = [
    ["bench_quotes.py", "--corpus", "ungdc"],
    ["bench_quotes.py", "--corpus", "wikinews"],
    ["bench_lexical.py", "--mb", "2"],
    ["eval_devices.py", "--speed"],
    ["bench_memory.py", "--mb", "2", "20"],
]
FULL: list[list[str]] = [
    ["bench_memory.py", "--mb", "50"],
    ["bench_scale.py"],
    ["bench_linearity.py"],
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true", help="also the corpus-scale and linearity runs")
    args = ap.parse_args(argv)
    failed = []
    for script, *extra in QUICK + (FULL if args.full else []):
        print(f"\n## scripts/{script} {' '.join(extra)}\n", flush=True)
        if subprocess.call([sys.executable, str(SCRIPTS / script), *extra]):
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
