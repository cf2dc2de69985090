"""Throughput of ``tk.quotes`` on real text, next to a single-regex-pass baseline.

Usage::

    .venv/bin/python scripts/bench_quotes.py            # ~2 MB of Kremlin transcripts, then 2x
    .venv/bin/python scripts/bench_quotes.py --mb 1 --corpus ungdc

Both systems run in this process on the same documents, one core. The
baseline is one ``re.finditer`` pass for text between double quote marks (no
normalisation, no sentences, no speakers): the floor any quote extractor pays.
The input is then doubled (the same documents twice, as new ids, with cold
caches) to show that time grows linearly with input size. Reads from
``../shared/corpora`` and exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import toolkit as tk

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
FILES = {
    "kremlin": CORPORA / "kremlin" / "kremlin_en_2000_2020.jsonl.gz",
    "ungdc": CORPORA / "ungdc" / "ungdc_1946_2024.jsonl.gz",
}
BASELINE = re.compile(r"[\"“”„«»]([^\"“”„«»\n]{1,2000})[\"“”„«»]")


def read_texts(path: Path, mb: float) -> list[str]:
    texts: list[str] = []
    size = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts


def run_toolkit(texts: list[str], prefix: str) -> tuple[float, int]:
    docs = [tk.Document(t, id=f"{prefix}{i}") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    rows = len(tk.quotes(tk.Corpus.from_documents(docs), progress=False))
    return time.perf_counter() - t0, rows


def run_baseline(texts: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    rows = sum(1 for t in texts for _ in BASELINE.finditer(t))
    return time.perf_counter() - t0, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=sorted(FILES), default="kremlin")
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of text to read (UTF-8)")
    args = ap.parse_args(argv)
    path = FILES[args.corpus]
    if not path.exists():
        print(f"skipped: {path} not found (shared corpora are not shipped with the project)")
        return 0
    texts = read_texts(path, args.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tk.quotes("Warm-up: \"It is,\" he said.")  # load lexicons and the Punkt model once
    print(f"{args.corpus}: {len(texts)} documents, {mb:.2f} MB\n")
    print("| system | input | seconds | MB/s | rows |")
    print("|---|---:|---:|---:|---:|")
    b_dt, b_rows = run_baseline(texts)
    print(f"| single regex pass (baseline) | {mb:.2f} MB | {b_dt:.3f} | {mb / b_dt:.1f} | {b_rows} |")
    dt, rows = run_toolkit(texts, "a")
    print(f"| tk.quotes | {mb:.2f} MB | {dt:.2f} | {mb / dt:.2f} | {rows} |")
    dt2, rows2 = run_toolkit(texts + texts, "b")
    print(f"| tk.quotes (input doubled) | {2 * mb:.2f} MB | {dt2:.2f} | {2 * mb / dt2:.2f} | {rows2} |")
    print(f"\ntime ratio doubled/single: {dt2 / dt:.2f} (2.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
