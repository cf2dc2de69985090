"""Benchmark: peak memory and speed of ``tk.quotes`` on one big, quote-dense document.

The document is the bundled Wikinews corpus (``data/wikinews_en_2019_2020.jsonl``,
CC BY 2.5: news, dense in quotations) joined into one text and repeated until it
reaches each size. Every size runs in a fresh process, which first builds the
text and runs ``tk.quotes`` once on a small slice (so imports, Punkt and the
lexicons are loaded), reads its peak resident memory (``ru_maxrss``) as the
baseline, then runs ``tk.quotes`` on the whole document. Reported: characters,
rows, seconds, MB/s (10^6 UTF-8 bytes per second), the peak resident memory and
the bytes per character the call added over the baseline (the text itself and
the interpreter are in the baseline; the result table is not).

    .venv/bin/python scripts/bench_memory.py               # 2, 20 and 50 MB
    .venv/bin/python scripts/bench_memory.py --mb 2        # a quick look
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "wikinews_en_2019_2020.jsonl"


def _text(mb: float) -> str:
    articles = [json.loads(line)["text"] for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    unit = "\n\n".join(articles)
    target = int(mb * 1e6)
    size = len(unit.encode("utf-8"))
    return "\n\n".join([unit] * (target // size + 1))


def _child(mb: float) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    import toolkit as tk

    text = _text(mb)
    tk.quotes(text[:20_000])
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    table = tk.quotes(text)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    megabytes = len(text.encode("utf-8")) / 1e6
    return {
        "mb": round(megabytes, 1), "chars": len(text), "rows": len(table), "seconds": round(seconds, 1),
        "mb_per_s": round(megabytes / seconds, 2), "peak_mib": round(peak / 2**20),
        "bytes_per_char": round((peak - base) / len(text), 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[2, 20, 50], help="document sizes in MB")
    ap.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(_child(args.child)))
        return 0
    if not SOURCE.exists():
        print(f"skipped: {SOURCE} is absent")
        return 0
    print("| document | characters | quotes rows | seconds | MB/s | peak RSS | bytes/char over baseline |")
    print("|---|---|---|---|---|---|---|")
    for mb in args.mb:
        out = subprocess.run([sys.executable, __file__, "--child", str(mb)], capture_output=True, text=True,
                             check=False)
        if out.returncode:
            print(f"| {mb} MB | failed: {out.stderr.strip().splitlines()[-1:]} |")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {r['mb']} MB | {r['chars']:,} | {r['rows']:,} | {r['seconds']} | {r['mb_per_s']} "
              f"| {r['peak_mib']} MiB | {r['bytes_per_char']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
