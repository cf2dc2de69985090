"""md5 of the ``tk.quotes`` and ``tk.speakers`` tables on seven text sets: the identity check of a speed pass.

A speed change of the quote rules must give byte-identical output. This prints, per set, the number of
rows and the md5 of ``tk.quotes(...).to_csv(index=False)`` (default and ``noun_phrases=True``) and of
``tk.speakers`` of the second table; run it before a change and after, and compare the two outputs
(``diff``). The sets:

* ``seed``: data/lavrov_2015_afp.txt
* ``un_sample``: data/ungdc_sample.jsonl.gz (bundled UN speeches)
* ``un_1mb``: the first 1 MB of ../shared/corpora/ungdc (what ``bench_quotes.py --corpus ungdc`` reads)
* ``wikinews``: data/wikinews_en_2019_2020.jsonl (bundled, CC BY 2.5)
* ``kremlin_fresh``: data/quotes_fresh_kremlin.jsonl
* ``german``: ../shared/corpora/german_news_quotes/dev.jsonl, ``lang="de"``
* ``polnear``: ../shared/corpora/polnear/dev.jsonl (all 605 documents)

Sets whose file is absent are skipped with a message. About 20 s on one core::

    .venv/bin/python scripts/quotes_md5.py > before.txt
    .venv/bin/python scripts/quotes_md5.py > after.txt && diff before.txt after.txt
    .venv/bin/python scripts/quotes_md5.py wikinews seed    # some sets only
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

import toolkit as tk

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {
    "seed": ROOT / "data" / "lavrov_2015_afp.txt",
    "un_sample": ROOT / "data" / "ungdc_sample.jsonl.gz",
    "un_1mb": CORPORA / "ungdc" / "ungdc_1946_2024.jsonl.gz",
    "wikinews": ROOT / "data" / "wikinews_en_2019_2020.jsonl",
    "kremlin_fresh": ROOT / "data" / "quotes_fresh_kremlin.jsonl",
    "german": CORPORA / "german_news_quotes" / "dev.jsonl",
    "polnear": CORPORA / "polnear" / "dev.jsonl",
}
#: the sets read with a language other than the detected one
LANGS = {"german": "de"}


def read_set(name: str, path: Path) -> list[tuple[str, str]]:
    """(id, text) pairs of one set: the whole seed file, every line of a JSON-lines file (``un_1mb``: up to
    1 MB of UTF-8 text, as ``bench_quotes.read_texts`` reads it)."""
    if path.suffix == ".txt":
        return [(name, path.read_text(encoding="utf-8"))]
    out: list[tuple[str, str]] = []
    size = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            record = json.loads(line)
            text = record.get("text") or ""
            out.append((str(record.get("id", i)) if name != "un_1mb" else f"un{i}", text))
            size += len(text.encode("utf-8"))
            if name == "un_1mb" and size >= 1e6:
                break
    return out


def md5(table: pd.DataFrame) -> str:
    """md5 of a table's CSV (no index)."""
    return hashlib.md5(table.to_csv(index=False).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"sets to run (default: all): {', '.join(FILES)}")
    args = ap.parse_args(argv)
    unknown = sorted(set(args.sets) - set(FILES))
    if unknown:
        ap.error(f"unknown sets: {', '.join(unknown)}")
    for name in args.sets or list(FILES):
        path = FILES[name]
        if not path.exists():
            print(f"{name:14s} skipped: {path} not found")
            continue
        items = read_set(name, path)
        frame = pd.DataFrame({"id": [i for i, _ in items], "text": [t for _, t in items]})
        lang = LANGS.get(name)
        plain = tk.quotes(frame, lang=lang, progress=False)
        with_np = tk.quotes(frame, lang=lang, noun_phrases=True, progress=False)
        print(f"{name:14s} docs={len(items):4d} rows={len(plain):6d}/{len(with_np):6d} "
              f"{md5(plain)} {md5(with_np)} {md5(tk.speakers(with_np))}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
