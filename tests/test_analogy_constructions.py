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


# ------------------------------------------------------------------ constructions without a comparison word
# (speech id, sentence): UN General Debate speeches outside dev and outside the held-out batches
CONSTRUCTIONS = [
    ("syndrome", "ungdc-CIV-54-1999", "We must welcome the fact that the United Nations seems gradually to be "
     "overcoming the Somalia syndrome that led it to reduce its commitments.", "Somalia intervention (1992-1993)"),
    ("-style", "ungdc-KEN-26-1971", "They should not now reverse their values and align themselves with the "
     "Nazi-style racism and brutality of the apartheid order.", "Nazi Germany"),
    ("-type", "ungdc-CMR-27-1972", "Far from being upset by this, the white minority which holds sway in Pretoria "
     "is even extending its Nazi-type system beyond its frontiers.", "Nazi Germany"),
    ("-like", "ungdc-PAK-62-2007", "The international community also has an important responsibility to help "
     "Afghanistan with a Marshall Plan-like programme for reconstruction.", "Marshall Plan"),
    ("forget the lessons of", "ungdc-UKR-13-1958", "The Ukrainian people, of course, cannot and will not forget "
     "the lessons of Hitler's invasion.", "Adolf Hitler"),
    ("worthy of", "ungdc-KHM-25-1970", "Despotism is a system of corruption and venality of those in authority, "
     "a system worthy of the Middle Ages.", "Middle Ages"),
    ("brings back memories of", "ungdc-COG-73-2018", "In some ways it brings back memories of the gloomy decade "
     "of the 1930s in the previous century.", "the 1930s"),
    ("the most serious economic crisis since", "ungdc-HTI-38-1983", "It has become trite to repeat that we are "
     "at the moment suffering from the most serious economic crisis since the 1930s.", "the 1930s"),
    ("never again", "ungdc-CRI-62-2007", "The \u201cnever again\u201d that we pronounced at the end of the First "
     "World War and the Second World War or that we asserted following the genocides in Kampuchea and Rwanda, "
     "still fails to mobilize us today to solve other situations that are just as unacceptable.", "Second World War"),
]


@pytest.mark.parametrize(("cue", "doc_id", "sentence", "referent"), CONSTRUCTIONS, ids=[c[0] for c in CONSTRUCTIONS])
def test_construction_without_comparison_word(cue, doc_id, sentence, referent):
    year = int(doc_id.rsplit("-", 1)[1])
    df = _find(sentence, year=year)
    assert len(df) == 1, cue
    assert referent in df["referent"].iloc[0].split("; ")
    assert cue.lower() in df["cue"].iloc[0].lower().replace("\n", " ")


def test_suffix_cue_names_the_phrase_it_forms_as_target():
    df = _find(CONSTRUCTIONS[3][2], year=2007)
    assert df["target"].iloc[0].startswith("Marshall Plan-like programme")


def test_never_again_without_a_present_case_stays_commemoration():
    # the same words with no present case ("today", "still", "now"...): a reference, not an analogy
    text = ("The \u201cnever again\u201d that we pronounced at the end of the First World War and the Second "
            "World War was a promise of the peoples.")
    assert _find(text, year=2007).empty


def test_era_suffix_is_a_date_not_a_copy():
    # "Cold War-era weapons" dates the weapons; only -style/-like/-type/-esque make a copy
    assert _find("They still keep Cold War-era weapons in their arsenals.", year=2015).empty


def test_superlative_noun_phrase_with_a_prepositional_phrase_before_since():
    # ungdc-BHR-39-1984: the superlative's noun phrase runs on ("worst stage of economic stagnation and ...")
    text = ("The world is now passing through the worst stage of economic stagnation and recession since "
            "the Second World War.")
    df = _find(text, year=1984)
    assert df["referent"].tolist() == ["Second World War"]
    assert df["cue"].iloc[0].startswith("the worst stage of")


def test_since_alone_measures_a_duration_not_a_comparison():
    # ungdc-HTI-33-1978: "occupied illegally since 1966" is how long, not like what
    text = "In the case of Namibia, which South Africa has occupied illegally since 1966, the Council must act."
    assert _find(text, year=1978).empty


def test_such_as_the_one_we_witnessed_in():
    # ungdc-NZL-54-1999, reworded only in its cue: an experiential relative clause marks the precedent
    text = ("The world must not witness horrors such as those we witnessed in Kosovo whilst the Security "
            "Council remains impotent.")
    assert _find(text, year=2001)["referent"].tolist() == ["Kosovo War (1998-1999)"]
