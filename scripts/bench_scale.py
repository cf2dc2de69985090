"""Benchmark: corpus scale on the UN General Debate corpus (quotes, devices, lexical profile).

Reads ../shared/corpora/ungdc/ungdc_1946_2024.jsonl.gz (CC0; 10,952 speeches,
198 M characters) as a stream and reports, each measurement in a fresh
process (so peak memory is that run's own):

1. **per extractor, 1 and 2 processes**: ``tk.quotes``, ``tk.devices``,
   ``tk.lexical_profile`` and ``tk.analyze`` (all three in one pass) on a
   sample (``--sample``, default 10 %: every 10th speech), MB/s and speed-up;
2. **growth**: ``tk.analyze`` with 2 processes on 10 %, 50 % and 100 % of the
   corpus (every 10th, every 2nd, every speech), its tables streamed to CSV
   files (``out=``), seconds, MB/s and peak memory (the main process, the
   largest worker, and their sum);
3. **dask vs local** (``--dask``): the same sample through a 2-worker
   ``distributed.LocalCluster`` (a dask DataFrame in, dask DataFrames out)
   against ``tk.analyze(n_jobs=2)``, with a check that the tables are equal.

MB are megabytes of UTF-8 text (10^6 bytes). Skips with a message (exit 0)
when the corpus is absent.

    .venv/bin/python scripts/bench_scale.py                 # everything (about 15 minutes on 2 cores)
    .venv/bin/python scripts/bench_scale.py --growth 0.01   # a quick look
    .venv/bin/python scripts/bench_scale.py --only growth --growth 0.1 0.5 1
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ungdc" / "ungdc_1946_2024.jsonl.gz"
EXTRACTORS = ("quotes", "devices", "lexical_profile", "analyze")


def _every(fraction: float) -> int:
    return max(1, round(1 / fraction))


def stream(path: Path, fraction: float, size: list[int]) -> Iterator:
    """Documents of every ``1/fraction``-th speech, read lazily; ``size[0]`` counts their UTF-8 bytes."""
    import toolkit as tk

    every = _every(fraction)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            rec = json.loads(line)
            size[0] += len(rec["text"].encode("utf-8"))
            yield tk.Document(rec["text"], id=rec["id"])


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child (Linux: ru_maxrss in KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def run_one(path: Path, what: str, fraction: float, n_jobs: int, stream_to: str = "") -> dict:
    """One measurement in this process: returns seconds, MB, rows, peak memory.

    With ``stream_to`` (a folder), ``tk.analyze`` writes its tables there batch by batch
    (``out=``) instead of returning them.
    """
    import pandas as pd

    import toolkit as tk

    tk.analyze(tk.load(ROOT / "data" / "lavrov_2015_afp.txt"))  # models and lexicons loaded before timing
    size = [0]
    docs = stream(path, fraction, size)
    t0 = time.perf_counter()
    if what == "analyze" and stream_to:
        paths = tk.analyze(docs, n_jobs=n_jobs, progress=False, out=stream_to)
    elif what == "analyze":
        tables = tk.analyze(docs, n_jobs=n_jobs, progress=False)
        rows = {k: len(v) for k, v in tables.items()}
    else:
        rows = {what: len(getattr(tk, what)(docs, n_jobs=n_jobs, progress=False))}
    seconds = time.perf_counter() - t0
    own, child = _peak_mb()  # before the CSVs are read back for their row counts
    if what == "analyze" and stream_to:
        rows = {k: len(pd.read_csv(p, usecols=[0])) for k, p in paths.items()}
    return {"what": what, "fraction": fraction, "n_jobs": n_jobs, "seconds": seconds, "mb": size[0] / 1e6,
            "rows": rows, "peak_main_mb": own, "peak_worker_mb": child if n_jobs > 1 else 0.0}


def run_dask(path: Path, fraction: float) -> dict:
    """The sample through a 2-worker LocalCluster and through tk.analyze(n_jobs=2); tables compared."""
    import logging

    import dask
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    import toolkit as tk

    size = [0]
    frame = pd.DataFrame([{"id": d.id, "text": d.text} for d in stream(path, fraction, size)])
    out = {"fraction": fraction, "mb": size[0] / 1e6}
    t0 = time.perf_counter()
    local = tk.analyze(frame, n_jobs=2, progress=False)
    out["local_seconds"] = time.perf_counter() - t0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster):
        ddf = dd.from_pandas(frame, npartitions=16)
        t0 = time.perf_counter()
        lazy = tk.analyze(ddf)
        computed = dask.compute(*lazy.values())
        out["dask_seconds"] = time.perf_counter() - t0
    equal = True
    for name, table in zip(lazy, computed, strict=True):
        try:
            pd.testing.assert_frame_equal(table.reset_index(drop=True), local[name])
        except AssertionError:
            equal = False
    out["equal"] = equal
    return out


def _child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          env={**os.environ, "TOOLKIT_QUIET": "1"}, check=False)
    if proc.returncode:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", nargs="*", choices=["extractors", "growth", "dask"],
                        default=["extractors", "growth", "dask"])
    parser.add_argument("--sample", type=float, default=0.1, help="fraction for the per-extractor and dask runs")
    parser.add_argument("--growth", type=float, nargs="*", default=[0.1, 0.5, 1.0], help="fractions for growth")
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        kind, *rest = args.child
        if kind == "dask":
            result = run_dask(args.corpus, float(rest[0]))
        else:
            result = run_one(args.corpus, kind, float(rest[0]), int(rest[1]), *rest[2:])
        print(json.dumps(result))
        return 0

    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the UN General Debate corpus lives in ../shared/corpora/ungdc)")
        return 0
    print(f"corpus: {args.corpus.name}; machine: {os.cpu_count()} cores; "
          f"load average at start {os.getloadavg()[0]:.1f}\n")

    if "extractors" in args.only:
        print(f"### Per extractor, 1 and 2 processes (every {_every(args.sample)}th speech)\n")
        print("| call | MB | 1 process s | MB/s | 2 processes s | MB/s | speed-up | rows |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for what in EXTRACTORS:
            one = _child([what, str(args.sample), "1"])
            two = _child([what, str(args.sample), "2"])
            rows = ", ".join(f"{k} {v:,}" for k, v in one["rows"].items())
            print(f"| {'tk.' + what} | {one['mb']:.1f} | {one['seconds']:.1f} | {one['mb'] / one['seconds']:.2f} | "
                  f"{two['seconds']:.1f} | {two['mb'] / two['seconds']:.2f} | "
                  f"{one['seconds'] / two['seconds']:.2f}× | {rows} |", flush=True)
        print()

    if "growth" in args.only:
        print("### Growth: tk.analyze (quotes + devices + lexical profile), 2 processes, tables streamed to CSV "
              "(out=)\n")
        print("| share of corpus | documents read | MB | seconds | MB/s | peak MB main | peak MB worker | "
              "peak MB total | rows (quotes, devices, profile) |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---|")
        for fraction in args.growth:
            with tempfile.TemporaryDirectory() as folder:
                r = _child(["analyze", str(fraction), "2", folder])
            rows = ", ".join(f"{v:,}" for v in r["rows"].values())
            print(f"| {fraction * 100:g} % | every {_every(fraction)} | {r['mb']:.1f} | {r['seconds']:.1f} | "
                  f"{r['mb'] / r['seconds']:.2f} | {r['peak_main_mb']:.0f} | {r['peak_worker_mb']:.0f} | "
                  f"{r['peak_main_mb'] + r['peak_worker_mb'] * 2:.0f} | {rows} |", flush=True)
        print("\n(peak MB total = main + 2 × the largest worker: an upper bound)\n")

    if "dask" in args.only:
        r = _child(["dask", str(args.sample)])
        print(f"### dask vs local (every {_every(args.sample)}th speech, {r['mb']:.1f} MB)\n")
        print("| engine | seconds | MB/s |")
        print("|---|---:|---:|")
        print(f"| tk.analyze, n_jobs=2 (local processes) | {r['local_seconds']:.1f} | "
              f"{r['mb'] / r['local_seconds']:.2f} |")
        print(f"| tk.analyze on a dask DataFrame, LocalCluster 2 workers × 1 thread | {r['dask_seconds']:.1f} | "
              f"{r['mb'] / r['dask_seconds']:.2f} |")
        print(f"\ntables equal: {r['equal']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
