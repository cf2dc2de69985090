"""Draw the fresh historical-analogy sample (``data/analogy_fresh.jsonl.gz``) from the UN General Debate corpus.

Run: ``PYTHONPATH=$PWD python scripts/sample_analogy_fresh.py > /tmp/fresh_unlabelled.jsonl`` (batch 1) and
``PYTHONPATH=$PWD python scripts/sample_analogy_fresh.py --batch 2 > /tmp/fresh2.jsonl`` (batch 2: another seed,
half the quotas, speeches of batch 1 excluded) and ``--batch 3`` (half the quotas, and no country of dev or of
an earlier batch: no speech, country or dev session in common with anything labelled before) and ``--batch 4``
(half the quotas; no speech of an earlier batch, countries and years as for batch 1) and ``--batch 5``
(batch 1's full quotas, another seed; no country-year of an earlier batch, countries and years as for
batch 1; no speech that contains a sentence already labelled, in dev or an earlier batch, since the corpus
holds a few speeches twice under two countries) and ``--batch 6`` (the same rules as batch 5, another seed:
no country-year of dev or batches 1-5; the fourth rebuild's blind test) and ``--batch 7`` (the same rules
again, another seed: no country-year of dev or batches 1-6; the fifth pass's blind test, labelled and
committed before any detector ran on it) and ``--batch 8`` (the same rules again, another seed: no
country-year of dev or batches 1-7; the sixth pass's blind test, labelled and committed before any
detector ran on it) and ``--batch 9`` (the same rules again, another seed: no country-year of dev or
batches 1-8; the blind test of the learned decision, labelled and committed before any detector ran on
it) and ``--batch 10`` (the same rules again: no country-year of dev or batches 1-9; the blind test of the
pass after it) and ``--batch 11`` … ``--batch 14`` (the same rules, each with its own seed and no
country-year of dev or of any lower batch; 11-13 drawn as training data for the learned model, 14 its blind
test; each drawn after the lower ones were in the file) and ``--batch 15`` (batch 14 left the rule of step 1
with no comparison-stratum sentence: batch 15 widens it to speeches whose country OR year is not among dev's,
as issue #12 words it, still with no country-year of dev or of batches 1-14 and no copy of a labelled speech)
and ``--batch 16`` (the same rules as batch 15, another seed: no country-year of dev or of batches 1-15)
and ``--batch 17`` (the same rules again, another seed: no country-year of dev or of batches 1-16)
and ``--batch 18`` (likewise: no country-year of dev or of batches 1-17).
``--help`` lists the options.

The procedure never calls the analogy detector. It mirrors how
``../shared/corpora/analogy/dev.jsonl`` was sampled (its README: sentences that mention a past
figure/event, balanced between those with and without comparison wording, plus a few with nothing
historical):

1. Eligible speeches: UN General Debate statements whose country (ISO3) AND year both do not occur
   among the dev set's UN speeches, so no sentence shares a speech, a country or a session with dev
   (batch 15: country OR year, and never a country-year of dev).
2. Speeches are shuffled with ``random.Random(SEED)``; from each, at most one sentence is taken, so the
   sample spreads over about 200 speeches.
3. A sentence is *historical* when it contains a year 1900–1999, a decade ("the 1930s"), the full
   name of an event in ``historical_analogy_pmp/event_pool.jsonl`` (case-insensitive), or one of a
   short list of generic historical head words (below). It has *comparison wording* when it also
   contains one of a short list of general comparison/lesson markers (below).
4. Strata: 80 historical sentences with comparison wording, 80 historical without, 40 at random.
   Sentences shorter than 6 or longer than 80 words are skipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path

from toolkit.corpus import Document

SEED = 20261206
# ``TOOLKIT_SHARED`` names the shared directory when the project is not checked out next to it (a git worktree)
CORPORA = Path(os.environ.get("TOOLKIT_SHARED", Path(__file__).resolve().parents[1].parent / "shared")) / "corpora"
QUOTAS = {"historical_comparison": 80, "historical_plain": 80, "random": 40}
HEADS = (
    r"\b(?:World War|Cold War|Holocaust|Nazi\w*|Hitler|fascis[mt]\w*|Munich|appeasement|apartheid|colonialism|"
    r"Second War|First War|League of Nations|Versailles|Yalta|Hiroshima|Nagasaki|genocide|Revolution|Treaty of|"
    r"Crisis|Great Depression|Vietnam|Korean War|Stalin\w*|Napoleon\w*|Auschwitz|Rwanda|Srebrenica|Pearl Harbor)\b"
)
COMPARISON = (
    r"\b(?:like|as in|similar to|reminiscent of|recalls?|echoes?|another|a new|repeat\w*|lessons?|never again|"
    r"once again|the same|just as|as was the case|history (?:shows|teaches)|mistakes of|remind\w*)\b"
)
YEAR = r"\b(?:19[0-9]{2}|the 19[0-9]0s)\b"


def _event_names() -> list[str]:
    path = CORPORA / "historical_analogy_pmp" / "event_pool.jsonl"
    names = [json.loads(line)["event"] for line in path.open(encoding="utf-8")]
    return sorted({n for n in names if len(n) >= 6}, key=len, reverse=True)


def main(argv: list[str] | None = None) -> None:
    """Write the unlabelled sentences of one batch to standard output as JSON lines.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (``sys.argv[1:]`` when None).
    """
    ap = argparse.ArgumentParser(
        description="Draw one batch of the fresh historical-analogy sample from the UN General Debate corpus "
                    "(unlabelled JSON lines on standard output; the analogy detector is never called).")
    ap.add_argument("--batch", type=int, default=1, choices=range(1, 19), metavar="N",
                    help="batch number 1-18 (default 1); each batch has its own seed and exclusion rules, "
                         "see the module docstring")
    batch = ap.parse_args(argv).batch
    seed = SEED if batch == 1 else SEED + batch
    quotas = QUOTAS if batch == 1 or batch >= 5 else {k: v // 2 for k, v in QUOTAS.items()}
    fresh = Path(__file__).resolve().parents[1] / "data" / "analogy_fresh.jsonl.gz"
    used: set[str] = set()
    used_countries: set[str] = set()
    used_country_years: set[tuple[str, int]] = set()
    labelled: list[str] = []
    if batch > 1 and fresh.exists():
        with gzip.open(fresh, "rt", encoding="utf-8") as fh:
            earlier = [json.loads(line) for line in fh]
        used = {r["doc_id"] for r in earlier if r.get("batch", 1) < batch}
        if batch >= 5:
            used_country_years = {(i.split("-")[1], int(i.split("-")[3])) for i in used}
            labelled = [r["sentence"] for r in earlier if r.get("batch", 1) < batch]
        if batch == 3:
            used_countries = {r["doc_id"].split("-")[1] for r in earlier if r.get("batch", 1) < batch}
    dev = [json.loads(line) for line in (CORPORA / "analogy" / "dev.jsonl").open(encoding="utf-8")]
    dev_ids = [d["doc_id"] for d in dev if d["source"] == "ungdc"]
    dev_countries = {i.split("-")[1] for i in dev_ids}
    if labelled:
        labelled += [d["sentence"] for d in dev]
    dev_years = {int(i.split("-")[3]) for i in dev_ids}
    dev_country_years = {(i.split("-")[1], int(i.split("-")[3])) for i in dev_ids}
    events = re.compile("|".join(re.escape(n) for n in _event_names()), re.IGNORECASE)
    heads = re.compile(HEADS)
    comparison = re.compile(COMPARISON, re.IGNORECASE)
    year = re.compile(YEAR)
    speeches = []
    with gzip.open(CORPORA / "ungdc" / "ungdc_1946_2024.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            new_country = r["country_iso3"] not in dev_countries | used_countries
            new_year = r["year"] not in dev_years
            fresh_place = (new_country or new_year) if batch >= 15 else (new_country and new_year)
            cy = (r["country_iso3"], r["year"])
            if (fresh_place and r["id"] not in used and cy not in used_country_years
                    and cy not in dev_country_years):
                speeches.append(r)
    speeches.sort(key=lambda r: r["id"])
    rng = random.Random(seed)
    rng.shuffle(speeches)
    left = dict(quotas)
    out = []
    for sp in speeches:
        if not any(left.values()):
            break
        text = sp["text"]
        if labelled and any(sent in text for sent in labelled):
            continue  # the corpus files some speeches twice (under another country): a copy of a labelled one
        doc = Document(text)
        spans = [(s, e) for s, e in doc.sentences if 6 <= len(text[s:e].split()) <= 80]
        if not spans:
            continue
        strata: dict[str, list[tuple[int, int]]] = {k: [] for k in quotas}
        for s, e in spans:
            sent = text[s:e]
            hist = bool(year.search(sent) or events.search(sent) or heads.search(sent))
            if hist:
                strata["historical_comparison" if comparison.search(sent) else "historical_plain"].append((s, e))
        strata["random"] = spans
        wanted = [k for k in quotas if left[k] and strata[k]]
        if not wanted:
            continue
        k = wanted[rng.randrange(len(wanted))]
        s, e = strata[k][rng.randrange(len(strata[k]))]
        left[k] -= 1
        ctx_s = max([a for a, _ in doc.sentences if a < s], default=s)
        ctx_e = min([b for _, b in doc.sentences if b > e], default=e)
        out.append({
            "id": f"{sp['id']}:{s}-{e}", "doc_id": sp["id"], "sent_start": s, "sent_end": e,
            "batch": batch, "stratum": k, "sentence": text[s:e], "context": text[ctx_s:ctx_e],
        })
    out.sort(key=lambda r: r["id"])
    for r in out:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
