"""The present target of a historical analogy (``toolkit.devices.analogy_target``, issue #12.4).

Sentences are quoted from UN General Debate speeches (CC0; speech ids given, from the tuning batches 1-13 of
``data/analogy_fresh.jsonl.gz`` or from ``data/ungdc_sample.jsonl.gz``), the seed article
(``data/lavrov_2015_afp.txt``, AFP) and the bundled Wikinews sample (``data/wikinews_en_2019_2020.jsonl``,
CC BY 2.5). Batch 14, held out, is never used here.
"""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit as tk
from tests.conftest import DATA, SEED, WIKINEWS
from tests.test_analogy_constructions import in_speech
from toolkit.devices.analogy_target import present_target

KINDS = ["historical_analogy", "analogy_candidate"]

FOUND = [
    # the subject of a passive whose subject is the past thing: the agent; an inverted question
    ("ungdc-CHN-16-1961", "Are the mistakes of the League of Nations to be repeated by the United Nations?",
     "the United Nations"),
    # the object of a naming verb before a renewal predicate
    ("ungdc-MAR-57-2002", "Therefore, Morocco considers the status of the occupied cities of Sebta and Melilia and of "
     "the neighbouring islands to be an anachronistic instance of colonialism that has no place at the beginning of "
     "the twenty-first century.", "the status of the occupied cities of Sebta and Melilia"),
    ("ungdc-ARM-71-2016", "Nobel Peace Prize winner Andrei Sakharov called those actions a threat of a new genocide "
     "against the Armenian people.", "those actions"),
    # a fronted "just as" clause: the subject of the main clause after "so too"
    ("ungdc-SEN-20-1965", "Just as the League of Nations collapsed through impotence, so too the United Nations might "
     "become impotent and discredited.", "the United Nations"),
    # fronted negation inverts subject and auxiliary
    ("ungdc-LAO-20-1965", "Never, since the Second World War, has the world been so close to another catastrophe.",
     "the world"),
    # an expletive "there are" stands for the noun phrase after it
    ("ungdc-TZA-36-1981", "There are today dangerous signs symptomatic of the cold war and reminiscent of the early "
     "postwar period.", "dangerous signs symptomatic of the cold war"),
    # a renewal as predicate: the subject
    ("ungdc-CHN-05-1950", "To practise appeasement in the belief that Mao Tse-tung might be another Tito is as vain a "
     "hope as that indulged in by many people that Munich might be the final settlement with Hitler.", "Mao Tse-tung"),
    # the subject of a that-clause whose subject is the past lesson: the subject of the clause that holds it
    ("ungdc-BGR-16-1961", "Western propagandists also realize that the lessons of Munich should not be forgotten, but "
     "they try to shift the blame from the guilty to the innocent party.", "Western propagandists"),
]


@pytest.mark.parametrize(("doc_id", "sentence", "target"), FOUND, ids=[f[0] for f in FOUND])
def test_rule_rows_name_the_present_target(doc_id, sentence, target):
    df = in_speech(doc_id, sentence)
    assert len(df) == 1
    assert df["target"].iloc[0] == target


def _rows(path, doc_id):
    corpus = tk.load_corpus(path)
    doc = next(d for d in corpus if d.id == doc_id)
    return doc, tk.devices(doc, kinds=KINDS)


def _row_at(doc, df, fragment):
    at = doc.text.index(fragment)
    hit = df[(df["start"] <= at + len(fragment)) & (df["end"] > at)]
    assert len(hit) == 1, fragment
    return hit.iloc[0]


@pytest.mark.parametrize(("doc_id", "fragment", "target"), [
    # a comparison phrase that opens the sentence describes the subject after its comma
    ("ungdc-USA-63-2008", "Like slavery and piracy", "terrorism"),
    # "more serious than any since X" in the predicate: the clause's subject, after a fronted time phrase
    ("ungdc-GBR-59-2004", "since the Cuban", "the United Nations"),
])
def test_un_sample_targets(doc_id, fragment, target):
    doc, df = _rows(DATA / "ungdc_sample.jsonl.gz", doc_id)
    assert _row_at(doc, df, fragment)["target"] == target


@pytest.mark.parametrize(("doc_id", "fragment", "target"), [
    # a renewal set off by commas stands in apposition to the name before it
    ("wikinews-a306e0dae584", "Neo-Nazi", "Fields"),
    # the noun phrase a "like X" phrase modifies
    ("wikinews-5231a701ddf3", "like that proposed from President Roosevelt", "future Court packing"),
])
def test_wikinews_targets(doc_id, fragment, target):
    doc, df = _rows(WIKINEWS, doc_id)
    assert _row_at(doc, df, fragment)["target"] == target


def test_seed_precedent_names_no_target_but_comparisons_keep_assad():
    # "They've been to Afghanistan …": a pronoun names no present thing, and a precedent in the sentence is about
    # its own subject; "Gaddafi is the same": the past is the subject, so the person of the paragraphs before
    df = tk.devices(tk.load(SEED), kinds="historical_analogy")
    assert df["target"].tolist()[:2] == ["Bashar al-Assad", "Bashar al-Assad"]
    assert pd.isna(df["target"].iloc[2])


def test_candidate_rows_get_a_target_from_the_same_finder():
    # an analogy_candidate row knows no cue: present_target reads the sentence from the referent alone
    df = tk.devices(tk.load_corpus(DATA / "ungdc_sample.jsonl.gz"), kinds=KINDS)
    cand = df[df["device"] == "analogy_candidate"]
    assert cand["target"].notna().any()
    text = "The crisis in Myanmar is very reminiscent of what happened in Bosnia in 1995."
    past = (text.index("Bosnia"), text.index("Bosnia") + len("Bosnia"))
    assert present_target(text, (0, len(text)), past) == "The crisis in Myanmar"


def test_no_target_when_nothing_present_is_named():
    # the speaker's own "we" names no present thing; a phrase holding the past referent is the past itself
    text = "We must not repeat the mistakes of Vietnam."
    past = (text.index("Vietnam"), text.index("Vietnam") + 7)
    assert present_target(text, (0, len(text)), past, (12, 34), "lesson") is None
    text = "Gaddafi is the same."
    assert present_target(text, (0, len(text)), (0, 7), (8, 19), "comparison") is None
