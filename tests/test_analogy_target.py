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
    # second pass: an -ing word before an -ed verb is no "having/being" participle chain
    ("ungdc-CRI-61-2006", "It is no badge of honour for our species that global military spending exceeded $1 trillion "
     "in 2005 — the same level of spending, in real terms, as at the end of the cold war.", "global military spending"),
    # a coordinator and a time adverb after the past mentions: the last conjunct of the series
    ("ungdc-LIE-70-2015", "Rwanda, Srebrenica and now Syria sadly stand out in that respect.", "Syria"),
    # a third-person subject pronoun: the subject of the clause before it
    ("ungdc-AZE-76-2021", "Agdam city was destroyed to such an extent that it was called as “Hiroshima of Caucasus”.",
     "Agdam city"),
    # a relative after a dash refers to the whole noun phrase, which a determiner opens; an -ed word after a
    # preposition is no verb
    ("ungdc-CHL-64-2009", "Thanks to decisive action by States, it has been possible to avoid a widespread and fatal "
     "economic collapse with unexpected political consequences — which could have been another Great Depression.",
     "a widespread and fatal economic collapse with unexpected political consequences"),
    # a comparison set off by commas after the complementiser "that", with a second conjunct: the that-clause's subject
    ("ungdc-TCD-44-1989", "We sincerely hope that, like the Geneva conferences of 1982 and 1985 on international "
     "assistance to Chad, and the meetings and round-table conferences on the recovery of the Borkou-Ehnedi-Tibesti "
     "region held in previous years, the international community will give massive assistance in response to our "
     "appeal.", "the international community"),
    # "like" after a noun inside a longer prepositional phrase modifies that noun, not the clause
    ("ungdc-SVN-60-2005", "By endorsing that principle, world leaders have made a conceptual breakthrough in the "
     "prevention of future tragedies like those of Srebrenica, Rwanda and Darfur.",
     "the prevention of future tragedies"),
    # a noun of comparison names its two sides: the one that is not the past
    ("ungdc-MRT-37-1982", "We should simply like to recall the facts which confirm the striking resemblance between "
     "the methods of the Nazi murderers and those of an entity which claims to be the successor of the victims of the "
     "holocausts and pogroms.", "those of an entity"),
    # a renewal between dashes in apposition to a predicative complement: the subject, a free relative
    ("ungdc-VEN-68-2013", "That is because what is imposed on us is a model of excluding others — a neo-fascist "
     "model — a neo-liberal model.", "what is imposed"),
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


@pytest.mark.parametrize(("sentence", "referent", "target"), [
    # learned-candidate rows (no cue): a subject pronoun after a clause with its own subject (ungdc-PSE-77-2022)
    ("Even if Israel does not like that appellation, it is apartheid.", "apartheid", "Israel"),
    # a year in brackets belongs to its phrase and opens no clause (ungdc-BDI-42-1987)
    ("If resolution 598 (1987) , adopted unanimously by the Security Council in July last, suffers the same fate as "
     "its resolution 435 (1978) , which established the plan for Namibia's independence, it will be difficult to "
     "restore our Organization's credibility.", "1978", "resolution 598 (1987)"),
])
def test_candidate_targets_second_pass(sentence, referent, target):
    at = sentence.index(referent)
    assert present_target(sentence, (0, len(sentence)), (at, at + len(referent))) == target


def test_a_pronoun_with_no_clause_before_it_names_nothing():
    # "it" opens the sentence: no antecedent in it, so no target (short sentence written for the test)
    text = "It is apartheid."
    at = text.index("apartheid")
    assert present_target(text, (0, len(text)), (at, at + 9)) is None


def test_a_pronoun_opening_its_sentence_refers_to_the_subject_before():
    # short sentences written for the test: the subject of the sentence before, through a fronted comparison too
    text = "The regime has destroyed the city. It is apartheid."
    s0, at = text.index("It"), text.index("apartheid")
    assert present_target(text, (s0, len(text)), (at, at + 9)) == "The regime"
    text = "The invasion of Libya was a disaster. Like the invasion of Iraq, it was based on lies."
    s0, at = text.index("Like"), text.index("Iraq")
    assert present_target(text, (s0, len(text)), (at, at + 4), (s0, s0 + 4), "comparison") == "The invasion of Libya"
