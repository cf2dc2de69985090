"""Throughput of ``tk.quotes`` on real text, next to a single-regex-pass baseline.

Usage::

    .venv/bin/python scripts/bench_quotes.py            # ~1 MB of Kremlin transcripts, then 2x
    .venv/bin/python scripts/bench_quotes.py --mb 2 --corpus ungdc
    .venv/bin/python scripts/bench_quotes.py --corpus wikinews   # quote-dense news, bundled

Both systems run in this process on the same documents, one core. The
baseline is one ``re.finditer`` pass for text between double quote marks (no
normalisation, no sentences, no speakers): the floor any quote extractor pays.
The input is then doubled (the same documents twice, as new ids, with cold
caches) to show that time grows linearly with input size. Each timing is the
best of ``--repeat`` runs (the machine is shared; the best run is the least
disturbed one). Reads from
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

#: the clock every timing reads: wall time, or with --cpu this process's CPU time (steadier on a shared machine)
CLOCK = [time.perf_counter]

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
FILES = {
    "kremlin": CORPORA / "kremlin" / "kremlin_en_2000_2020.jsonl.gz",
    "ungdc": CORPORA / "ungdc" / "ungdc_1946_2024.jsonl.gz",
    # quote-dense news (bundled, CC BY 2.5): read whole, about 0.5 MB
    "wikinews": Path(__file__).resolve().parents[1] / "data" / "wikinews_en_2019_2020.jsonl",
}
BASELINE = re.compile(r"[\"“”„«»]([^\"“”„«»\n]{1,2000})[\"“”„«»]")


def read_texts(path: Path, mb: float) -> list[str]:
    texts: list[str] = []
    size = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts


def run_toolkit(texts: list[str], prefix: str, repeat: int) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for r in range(repeat):
        docs = [tk.Document(t, id=f"{prefix}{r}-{i}") for i, t in enumerate(texts)]  # cold caches
        t0 = CLOCK[0]()
        rows = len(tk.quotes(tk.Corpus.from_documents(docs), progress=False))
        best = min(best, CLOCK[0]() - t0)
    return best, rows


def run_document_model(texts: list[str], repeat: int) -> float:
    """What every extractor pays before its own rules: normalised view, sentences, duplicate paragraphs."""
    best = float("inf")
    for r in range(repeat):
        docs = [tk.Document(t, id=f"m{r}-{i}") for i, t in enumerate(texts)]
        t0 = CLOCK[0]()
        for d in docs:
            d.normalized, d.sentences, d.duplicate_of  # noqa: B018
        best = min(best, CLOCK[0]() - t0)
    return best


def run_baseline(texts: list[str], repeat: int) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(repeat):
        t0 = CLOCK[0]()
        rows = sum(1 for t in texts for _ in BASELINE.finditer(t))
        best = min(best, CLOCK[0]() - t0)
    return best, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=sorted(FILES), default="kremlin")
    ap.add_argument("--mb", type=float, default=1.0, help="megabytes of text to read (UTF-8)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    ap.add_argument("--cpu", action="store_true", help="time CPU seconds of this process instead of wall time")
    args = ap.parse_args(argv)
    if args.cpu:
        CLOCK[0] = time.process_time
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
    b_dt, b_rows = run_baseline(texts, args.repeat)
    print(f"| single regex pass (baseline) | {mb:.2f} MB | {b_dt:.3f} | {mb / b_dt:.1f} | {b_rows} |")
    m_dt = run_document_model(texts, args.repeat)
    label = "document model only (normalise, sentences, duplicates)"
    print(f"| {label} | {mb:.2f} MB | {m_dt:.2f} | {mb / m_dt:.2f} | – |")
    dt, rows = run_toolkit(texts, "a", args.repeat)
    print(f"| tk.quotes | {mb:.2f} MB | {dt:.2f} | {mb / dt:.2f} | {rows} |")
    dt2, rows2 = run_toolkit(texts + texts, "b", args.repeat)
    print(f"| tk.quotes (input doubled) | {2 * mb:.2f} MB | {dt2:.2f} | {2 * mb / dt2:.2f} | {rows2} |")
    print(f"\ntime ratio doubled/single: {dt2 / dt:.2f} (2.00 = linear); "
          f"tk.quotes takes {dt / b_dt:.0f}x the time of the regex pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
