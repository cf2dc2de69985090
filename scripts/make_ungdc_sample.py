"""Write data/ungdc_sample.jsonl.gz: a small bundled sample of the UN General Debate Corpus (CC0).

Selected speeches of Russia (USSR before 1992), the USA, the UK and France in
several decades and in the years around 2003 (Iraq), 2011 (Libya), 2014
(Crimea) and 2022 (Ukraine), plus a few statements of the countries those
episodes are about. Records keep the corpus' fields. The gzip header has no
timestamp, so re-running reproduces the file byte for byte.

Usage: ``python scripts/make_ungdc_sample.py`` (reads ../shared/corpora/ungdc;
exits 0 with "skipped: ..." when the corpus is absent).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpora" / "ungdc" / "ungdc_1946_2024.jsonl.gz"
TARGET = ROOT / "data" / "ungdc_sample.jsonl.gz"
MAX_BYTES = 1_500_000

MAIN = ("RUS", "USA", "GBR", "FRA")
MAIN_YEARS = (1960, 1970, 1980, 1990, 2000, 2002, 2003, 2004, 2008, 2011, 2012, 2014, 2015, 2018, 2022, 2023)
OTHERS = {("IRQ", 2003), ("LBY", 2011), ("SYR", 2013), ("SYR", 2015), ("UKR", 2014), ("UKR", 2022),
          ("DEU", 2003), ("DEU", 2022)}
FIELDS = ("id", "title", "date", "year", "session", "country_iso3", "country", "speaker", "speaker_normalized",
          "speaker_post", "source", "source_path", "license", "text")


def wanted(record: dict) -> bool:
    code, year = record["country_iso3"], record["year"]
    return (code in MAIN and year in MAIN_YEARS) or (code, year) in OTHERS


def main() -> int:
    if not SOURCE.exists():
        print(f"skipped: {SOURCE} not found")
        return 0
    rows = []
    with gzip.open(SOURCE, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if wanted(record):
                rows.append({k: record.get(k) for k in FIELDS})
    rows.sort(key=lambda r: (r["year"], r["country_iso3"]))
    payload = "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows).encode("utf-8")
    data = gzip.compress(payload, compresslevel=9, mtime=0)
    if len(data) > MAX_BYTES:
        print(f"error: sample is {len(data):,} bytes, over the {MAX_BYTES:,} limit", file=sys.stderr)
        return 1
    TARGET.write_bytes(data)
    chars = sum(len(r["text"]) for r in rows)
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} speeches, {chars:,} characters, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
