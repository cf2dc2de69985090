"""Historical-analogy rules added for issue #12 (second pass), on UN General Debate text (CC0).

Sentences are quoted from ``data/analogy_fresh.jsonl`` batch 1 (ids given) or from other UN
General Debate speeches (``../shared/corpora/ungdc``); the held-out batches are not used here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import toolkit as tk
from toolkit.devices.analogy import document_year
from toolkit.devices.matching import DocContext

ROOT = Path(__file__).resolve().parents[1]
FRESH = ROOT / "data" / "analogy_fresh.jsonl"


@pytest.fixture(scope="module")
def batch1():
    rows = (json.loads(line) for line in FRESH.open(encoding="utf-8"))
    return {r["id"]: r for r in rows if r.get("batch", 1) == 1}


def _find(text, **meta):
    return tk.devices(tk.Document(text.replace("\n", " "), meta=meta), kinds="historical_analogy")


# ------------------------------------------------------------------ the document's year
def test_document_year_from_metadata_then_dateline():
    assert document_year(DocContext(tk.Document("x", meta={"year": "1976"}))) == (1976, "metadata year")
    assert document_year(DocContext(tk.Document("x", meta={"date": "2015-03-14"}))) == (2015, "metadata date")
    assert document_year(DocContext(tk.Document("Friday, January 4, 2019. A building collapsed."))) == (
        2019, "the date at the top of the text")
    # a year deep in the text is no dateline: the war it names is not the document's date
    late = "The Assembly met. " * 30 + "It was founded on 26 June 1945."
    assert document_year(DocContext(tk.Document(late))) is None


def test_referent_still_going_on_at_the_speech_date_is_not_historical(batch1):
    # Poland, 1951: "a new manoeuvre in the cold war" names the Cold War while it is going on
    it = batch1["ungdc-POL-06-1951:26051-26225"]
    assert not _find(it["context"]).empty  # without a date the rule cannot apply
    assert _find(it["context"], year=1951).empty
    assert _find(it["context"], date="1951-11-10").empty


def test_renewal_cue_right_before_an_ongoing_referent_still_counts(batch1):
    # Malta, 1981: "a new cold war mentality" presupposes an earlier, finished cold war
    it = next(r for k, r in batch1.items() if k.startswith("ungdc-MLT-36-1981:"))
    df = _find(it["context"], year=1981)
    assert df["referent"].tolist() == ["Cold War"]
    assert "1981, the document's year from its metadata year" in df["explanation"].iloc[0]
    assert "renewed episode" in df["explanation"].iloc[0]


def test_explanation_says_the_referent_is_over_before_the_year():
    df = _find("We must not repeat the mistakes of Vietnam.", year=2003)
    assert "over before 2003, the document's year from its metadata year" in df["explanation"].iloc[0]


def test_a_year_of_the_speech_itself_or_later_is_no_referent():
    text = "As in 1994, the special session will be held in a similar way as in 1998."
    assert _find(text, year=1996)["referent"].tolist() == ["1994"]
