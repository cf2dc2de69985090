"""The rebuilt analogy detector on fresh UN General Debate sentences (CC0) and its data files.

Sentences come from ``data/analogy_fresh.jsonl.gz`` batch 1 (UN General Debate, CC0; ids are
``<speech id>:<start>-<end>``); batches 2 and 4 are the held-out parts and are only read by the file checks.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import toolkit as tk
from toolkit.devices.analogy import gazetteer_names

from .conftest import shared_corpus

ROOT = Path(__file__).resolve().parents[1]
FRESH = ROOT / "data" / "analogy_fresh.jsonl.gz"


@pytest.fixture(scope="module")
def fresh():
    with gzip.open(FRESH, "rt", encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def _analogies(text):
    return tk.devices(text.replace("\n", " "), kinds="historical_analogy")


def test_fresh_file_is_well_formed(fresh):
    assert len(fresh) >= 300
    for r in fresh.values():
        assert r["label"] in {"analogy", "reference", "other"}
        assert r["id"] == f"{r['doc_id']}:{r['sent_start']}-{r['sent_end']}"
        assert (r["referent"] is None) == (r["label"] == "other")
        assert r["sentence"] in r["context"]
    assert sum(r["label"] == "analogy" for r in fresh.values()) >= 20


def test_fresh_offsets_point_into_the_un_corpus(fresh):
    ungdc = shared_corpus("ungdc", "ungdc_1946_2024.jsonl.gz")
    wanted = {r["doc_id"] for r in fresh.values()}
    texts = {}
    with gzip.open(ungdc, "rt", encoding="utf-8") as fh:
        for line in fh:
            if any(d in line[:60] for d in wanted):
                rec = json.loads(line)
                texts[rec["id"]] = rec["text"]
    for r in fresh.values():
        assert texts[r["doc_id"]][r["sent_start"] : r["sent_end"]] == r["sentence"]


def test_event_list_is_a_versioned_lexicon_with_provenance():
    table = tk.lexicon("historical_events")
    assert len(table) >= 400
    assert set(table["source"]) == {"pmp", "general"}
    assert table.attrs["version"] and "Past Meets Present" in table.attrs["source"]
    names = set(gazetteer_names())
    assert {"Marshall Plan", "Bandung Conference", "Korean War"} <= names
    assert len(names) > 1000


@pytest.mark.parametrize(("sid", "referent", "cue"), [
    ("ungdc-COD-44-1989:14316-14709", "Marshall Plan", "similar to"),
    ("ungdc-BGR-16-1961:13451-13738", "Munich Agreement (1938)", "lessons of"),
    ("ungdc-MLT-36-1981:1342-1440", "Cold War", "a new"),
    ("ungdc-RUS-42-1987:24567-24686", "colonialism", "variety of"),
    ("ungdc-ISR-05-1950:10232-10397", "Nazi Germany", "resurgent"),
])
def test_general_constructions_find_fresh_analogies(fresh, sid, referent, cue):
    df = _analogies(fresh[sid]["sentence"])
    assert len(df) == 1
    assert referent in df["referent"].iloc[0]
    assert cue in df["cue"].iloc[0]
    assert df["explanation"].iloc[0].startswith(("'", '"', "“"))


def test_identity_cue_gives_the_phrase_as_present_target(fresh):
    df = _analogies(fresh["ungdc-MLT-36-1981:1342-1440"]["sentence"])
    assert df["target"].iloc[0].startswith("a new cold war mentality")


def test_year_after_a_measured_quantity_is_no_analogy(fresh):
    # "as compared with emission levels in 1990": a statistical baseline
    assert _analogies(fresh["ungdc-MCO-71-2016:5857-6001"]["sentence"]).empty


def test_one_finding_per_analogy_sentence(fresh):
    # "like the arrangements of 1957 which fell down ... in 1967": two years, one analogy
    df = _analogies(fresh["ungdc-ISR-24-1969:12852-13273"]["sentence"])
    assert len(df) == 1
