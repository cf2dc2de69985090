"""Rebuild the ``source=pmp`` rows of ``toolkit/data/lexicons/historical_events.tsv``.

    PYTHONPATH=$PWD .venv/bin/python scripts/build_analogy_gazetteer.py

Reads the event names and dates (facts only; no intro text) of
``../shared/corpora/historical_analogy_pmp/event_pool.jsonl`` (Li et al. 2024, "Past Meets
Present", events from Google Arts & Culture pages), keeps the historical events whose name has a
head word of a war, battle, revolution, crisis, treaty, conference, disaster… (sports events,
awards, holidays and space missions are dropped), derives the type from the head word and the
period from the years in ``time``, adds simple spelling variants as aliases (en dash → hyphen,
without a leading "The"), and drops names the curated ``historical_gazetteer.tsv`` already has.
Rows with ``source=general`` (written from general knowledge of 20th/21st-century history) are kept
as they are. Output is sorted, so a rebuild is byte for byte the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpora" / "historical_analogy_pmp" / "event_pool.jsonl"
OUT = ROOT / "toolkit" / "data" / "lexicons" / "historical_events.tsv"
CURATED = ROOT / "toolkit" / "data" / "lexicons" / "historical_gazetteer.tsv"
HEADER = "canonical\taliases\tperiod\ttype\tsource"

TYPES = [  # head word (regex) -> type; first match wins
    (r"\b(?:War|Wars|Campaign|Offensive|Front|theatre|Invasion|invasion|Occupation|Operation|Blitz|Siege|"
     r"Bombing|bombing|Raid|Landings?|Liberation|Intervention)\b", "war"),
    (r"\bBattle\b", "battle"),
    (r"\b(?:Revolution|Revolt|Rebellion|Uprising|Insurrection|Coup|coup|Riots?|riots|Spring|Mutiny|Putsch)\b",
     "revolution"),
    (r"\b(?:Genocide|genocide|Massacre|massacre|Holocaust|Purge|Famine|famine|Pogrom)\b", "atrocity"),
    (r"\b(?:Crisis|crisis|Affair|Scandal|scandal|Incident|Blockade|Airlift|Depression|Crash|crash|Panic)\b",
     "crisis"),
    (r"\b(?:Treaty|Pact|Agreement|Accords?|Conference|Congress|Summit|Declaration|Peace|Plan|Doctrine|"
     r"Charter|Armistice|Partition|Unification|reunification|Reunification|Independence|Act)\b", "treaty"),
    (r"\b(?:earthquake|Earthquake|Hurricane|hurricane|Tsunami|tsunami|disaster|Disaster|Flood|flood|spill|"
     r"explosion|Fire|fire|eruption|Cyclone|Typhoon|meltdown|Pandemic|pandemic|epidemic)\b", "disaster"),
    (r"\b(?:Empire|Dynasty|Republic|Regime|regime|Reich|period|era|Era|Movement|movement)\b", "era"),
]
DROP = re.compile(
    r"Olympic|World Cup|Academy Award|Awards|Championship|Grand Prix|Convention|Games|Gemini|Apollo|STS-|"
    r"Day\b|Wedding|Festival|Expo|Exposition|Eurovision|Super Bowl|vs\.|Tour\b|Marathon|Concert|Premiere"
)


def _period(time: str) -> str:
    years = [int(y) for y in re.findall(r"\b(\d{3,4})\b", time)]
    if not years:
        return ""
    return str(years[0]) if len(set(years)) == 1 else f"{years[0]}-{years[-1]}"


def _type(name: str) -> str | None:
    for pattern, kind in TYPES:
        if re.search(pattern, name):
            return kind
    return None


def _curated_names() -> set[str]:
    names = set()
    for line in CURATED.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 2:
            names.update(x for x in [cells[0], *cells[1].split("|"), *cells[2].split("|")] if x)
    return {n.lower() for n in names}


def main() -> None:
    curated = _curated_names()
    kept = [line for line in OUT.read_text(encoding="utf-8").splitlines()[1:]
            if line.endswith("\tgeneral")] if OUT.exists() else []
    taken = set(curated)
    for line in kept:
        taken.update(a.lower() for a in line.split("\t")[1].split("|"))
    rows = {}
    for line in POOL.open(encoding="utf-8"):
        ev = json.loads(line)
        name = " ".join(ev["event"].split())
        if not name.isascii() and not re.search(r"[A-Za-z]", name):
            continue
        kind = _type(name)
        if kind is None or DROP.search(name) or len(name) < 6:
            continue
        variants = {name, name.replace("–", "-"), re.sub(r"^The ", "", name)}
        aliases = sorted(v for v in variants if v.lower() not in taken and len(v) >= 6)
        if not aliases:
            continue
        taken.update(a.lower() for a in aliases)
        period = _period(ev.get("time") or "")
        canonical = name.removeprefix("The ")
        if period and not re.search(r"\d{4}", canonical):
            canonical = f"{canonical} ({period})"
        rows[canonical] = f"{canonical}\t{'|'.join(aliases)}\t{period}\t{kind}\tpmp"
    out = [HEADER, *sorted(kept), *sorted(rows.values())]
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(kept)} general rows kept, {len(rows)} rows from the event pool -> {OUT}")


if __name__ == "__main__":
    main()
