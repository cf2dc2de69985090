"""Who reports in first-person political speech: the speaker's own "we", "let us", "no one can deny".

UN General Debate statements (``data/ungdc_sample.jsonl.gz``, public domain: CC0) report the speaking
delegation's views in the first person. Before these rules, ``we`` went to the last source the speech
had named (the Charter, "Let us", the Assembly: three in four of the sample's 480 ``we`` rows named
some other source than the speaking country), ``Let us`` / ``Let me`` were speakers, and an adverb
between subject and verb stayed in the speaker (``Britain has always``).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

import toolkit as tk

from .conftest import ROOT


@cache
def _speech(doc_id: str) -> tk.Document:
    return tk.load_corpus(ROOT / "data" / "ungdc_sample.jsonl.gz")[doc_id]


def _row(doc_id: str, words: str) -> pd.Series:
    """The reported-speech row whose content starts with ``words``."""
    doc = _speech(doc_id)
    q = tk.quotes(doc)
    hits = q[[doc.text[s:e].startswith(words) for s, e in zip(q["content_start"], q["content_end"], strict=True)]]
    assert len(hits) == 1, q[["text", "speaker", "rule"]].head(3).values.tolist()
    return hits.iloc[0]


def _speaker(row: pd.Series) -> str | None:
    return None if pd.isna(row["speaker"]) else row["speaker"]


def test_let_us_and_let_me_are_the_speakers_own_words() -> None:
    row = _row("ungdc-USA-35-1980", "that differences are rivers to be crossed")
    assert (row["speaker_mention"], _speaker(row), row["attribution"]) == ("Let us", None, "pronoun")
    row = _row("ungdc-RUS-67-2012", "the International Covenant")
    assert (row["speaker_mention"], _speaker(row), row["attribution"]) == ("Let me", None, "pronoun")


def test_we_outside_quotation_marks_is_the_speaker_not_the_last_source_named() -> None:
    row = _row("ungdc-USA-35-1980", "at the thirty-fifth session also the General Assembly must work")
    assert (row["speaker_mention"], _speaker(row), row["attribution"]) == ("We", None, "pronoun")


def test_an_adverb_between_subject_and_verb_is_not_part_of_the_speaker() -> None:
    row = _row("ungdc-GBR-70-2015", "the stability we seek in relations between nations")
    assert (row["speaker_mention"], _speaker(row)) == ("Britain", "Britain")


def test_no_one_and_generic_one_attribute_to_no_one() -> None:
    for text, mention in (("No one can deny that the situation has deteriorated since last year.", "No one"),
                          ("One might say that the situation has deteriorated since last year.", "One")):
        row = tk.quotes(text).iloc[0]
        assert (row["speaker_mention"], _speaker(row), row["attribution"]) == (mention, None, "none")
    # an unnamed group stays a source
    row = tk.quotes("Some say that the situation has deteriorated since last year.").iloc[0]
    assert _speaker(row) == "Some"


def test_a_capitalised_verb_form_inside_a_name_is_part_of_it() -> None:
    # "States" is also a verb form: the agent of a passive was cut to "United" (UN sample: "rejected by Arab States")
    for text in ("The plan was rejected by the United States and by Arab States.",
                 "The resolution was welcomed by the United States."):
        assert tk.quotes(text, noun_phrases=True)["speaker"].tolist() == ["United States"]
    row = _row("ungdc-RUS-35-1980", "all those who are interested in a just and comprehensive settlement")
    assert _speaker(row) == "Arab States"
