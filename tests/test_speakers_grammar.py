"""Speakers that follow the grammar of an attribution, on the constructions a new user tried (#18.1).

Each sentence is a construction from the issue, written for the test (not from
an annotated corpus): an apposition between the subject and the cue, a run of
words that is a clause rather than a noun phrase, a pronoun whose antecedent is
a description with a role noun.
"""

from __future__ import annotations

import toolkit as tk


def _only(text: str):
    q = tk.quotes(text)
    assert len(q) == 1, q[["text", "speaker", "rule"]]
    return q.iloc[0]


def test_a_name_in_apposition_after_a_description_is_the_speaker() -> None:
    row = _only("The opposition leader, Marc Dubois, said that the reform would fail.")
    assert (row["speaker"], row["text"]) == ("Marc Dubois", "the reform would fail")
    assert row["attribution"] == "explicit"


def test_a_subject_and_its_verbs_are_not_a_speaker_name() -> None:
    # before: speaker "I like to"; a pronoun subject of a verb chain is the pronoun alone
    row = _only("I like to show them how the city works.")
    assert row["speaker_mention"] == "I" and row["attribution"] == "pronoun"
    for text in ("They did not say that the talks had failed.", "Nobody even bothered to say why it failed."):
        for mention in tk.quotes(text)["speaker_mention"].dropna():
            assert not mention.lower().endswith((" not", " to", " did")), (text, mention)


def test_a_pronoun_can_refer_back_to_a_description_with_a_role_noun() -> None:
    q = tk.quotes('The minister said the plan was ready. "It is over," she said.')
    direct = q[q["kind"] == "direct"].iloc[0]
    assert (direct["speaker_mention"], direct["speaker"], direct["attribution"]) == ("she", "The minister", "pronoun")
