"""English reported speech (#14.2, eighth pass), on real text.

Fixtures: the bundled English Wikinews sample (data/wikinews_en_2019_2020.jsonl, CC BY 2.5) and UN
General Debate sample (data/ungdc_sample.jsonl.gz), doc ids cited per test; rows as the seventh pass's tests read them.
"""

from __future__ import annotations

from toolkit import lexicon

from .test_quotes_reported_seventh import _rows


def test_the_self_labels_are_a_lexicon_class():
    labels = set(lexicon("quote_grammar").query("`class` == 'self_label'")["word"])
    assert {"self-described", "self-proclaimed", "self-styled"} <= labels


def test_a_self_described_label_in_apposition_is_what_its_holder_calls_itself():
    # wikinews-a306e0dae584: "Fields, a self-described Neo-Nazi, killed …" (an apposition: Quirk et al. 1985, 17.65)
    assert _rows("wikinews-a306e0dae584", "In that event, Fields", "Heather Heyer") == [
        ["Neo-Nazi", "indirect:self_label:noun_phrase", "Fields", "self-described"]]


def test_a_definite_self_proclaimed_phrase_refers_and_reports_nothing():
    # ungdc-RUS-77-2022: "the self-proclaimed masters of the universe" names a referent, it classifies no one
    assert not [r for r in _rows("ungdc-RUS-77-2022", "especially if it has", "universe.")
                if r[1] == "indirect:self_label:noun_phrase"]


def test_interested_in_is_an_adjective_of_attitude_with_its_topic():
    # wikinews-02727f539de1: "My father was very interested in history." (Quirk et al. 1985, 16.69)
    assert _rows("wikinews-02727f539de1", "My father was very interested", "history.") == [
        ["history", "indirect:topic:noun_phrase", "My father", "interested"]]
