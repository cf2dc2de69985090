"""Historical-analogy rules of the fifth pass (issue #12.4), on UN General Debate text (CC0).

General past-time expressions (``historical_expressions.tsv``: kinds of past event, periods, times counted
back from the speech) as candidates, nouns of time between a comparison and its referent, "the previous X",
"X, Y and now Z". Sentences are quoted from UN General Debate speeches (``../shared/corpora/ungdc``, speech ids
given): unlabelled speeches, and two sentences of batch 6 of ``data/analogy_fresh.jsonl.gz`` (tuning data since
this pass). Batch 7, the blind test, is never used here.
"""

from __future__ import annotations

import pytest

import toolkit as tk
from tests.test_analogy_constructions import in_speech, in_year, sole_analogy

FOUND = [
    ("of our time", "ungdc-NER-37-1982", "In the light of this holocaust of our time, faced with this great "
     "tragedy, it demeans the international community that its representatives continue to cling to their "
     "well-known positions and to conduct byzantine discussions on the texts of resolutions which, when adopted, "
     "remain dead letters.", "Holocaust"),
    ("a new", "ungdc-UKR-72-2017", "It must keep a close eye on Crimea to prevent a new genocide inspired by the "
     "modern proponents of Stalin\u2019s totalitarian ideology against the Crimean Tatars and Ukrainians.",
     "genocide"),
    ("reminiscent of", "ungdc-ARG-37-1982", "Thus the lack of trust between antagonistic blocs or States at the "
     "international level provides the political opportunity for serious regional crises, and the military "
     "pacts among the great Powers encourage their allies, whether or not they are in the right, in exaggerated "
     "confrontations or punitive operations reminiscent of the nineteenth century, although they use the "
     "ultra-sophisticated arsenals of the late twentieth century.", "the nineteenth century"),
    ("reminds us of", "ungdc-SUR-40-1985", "That despicable regime, which reminds us of the most savage and cruel "
     "period of colonial times, stands out in sharp contrast to the civilized world.", "colonial era"),
    ("resembles", "ungdc-BIH-69-2014", "Incredibly, the current world economic and political situation resembles "
     "the situation of 100 years ago.", "an episode years before"),
    ("the worst security situation since", "ungdc-BGR-71-2016", "We are witnessing the worst security situation "
     "since the end of the Second World War.", "Second World War"),
    # batch 6 (tuning data since this pass)
    ("the previous", "ungdc-ARM-63-2008", "Memories of the previous cold war are very fresh and its consequences "
     "linger still.", "Cold War"),
    ("and now", "ungdc-LIE-70-2015", "Rwanda, Srebrenica and now Syria sadly stand out in that respect.",
     "Srebrenica massacre (1995)"),
]


@pytest.mark.parametrize(("cue", "doc_id", "sentence", "referent"), FOUND, ids=[c[1] for c in FOUND])
def test_fifth_pass_construction(cue, doc_id, sentence, referent):
    assert sole_analogy(cue, doc_id, sentence, referent)["cue"].lower().startswith(cue)


NOT_FOUND = [
    # a holocaust that is not definite is a catastrophe to come (a world war, a race war), not the past one
    ("ungdc-ZAF-05-1950", "The clouds which have gathered in the east are symptomatic of a greater conflict \u2014 a "
     "conflict which must be resolved if we are not to be engulfed in yet another holocaust."),
    ("ungdc-LSO-30-1975", "The situation in southern Africa has thus far eluded all efforts aimed at removing once "
     "and for all the specter of a racial holocaust which could easily engulf the whole of mankind."),
    # "once again" is the speaker repeating himself, not genocide come back
    ("ungdc-TCD-41-1986", "Once again my delegation draws the General Assembly's attention to the genocide to "
     "which the whole population of the occupied zone is exposed."),
    # "the past" counts only with a lesson; a time counted back is no referent after a measure of change
    ("ungdc-IRQ-66-2011", "The region now has more than 15 public and private universities with more than "
     "100,000 students, compared to the past when there was only one university with a few thousand students."),
    ("ungdc-VUT-73-2018", "The United Nations has made this world a better place compared to what it was 70 "
     "years ago."),
]


@pytest.mark.parametrize(("doc_id", "sentence"), NOT_FOUND, ids=[d for d, _ in NOT_FOUND])
def test_fifth_pass_non_analogy(doc_id, sentence):
    assert in_speech(doc_id, sentence).empty


def test_general_expression_says_which_file_and_rule():
    # batch 6 (tuning), ungdc-LSO-61-2006, shortened
    df = in_year("The United Nations cannot afford to be a helpless spectator to yet another genocide.", 2006)
    assert df["referent"].tolist() == ["genocide"]
    explanation = df["explanation"].iloc[0]
    assert "general past-time expression, historical_expressions.tsv" in explanation
    assert "(rule: identity cue)" in explanation


def test_named_entity_wins_over_a_general_expression():
    # ungdc-LSO-39-1984: "the colonial era" is a period of the general list, but the curated lists name it
    df = in_year("Failure to arrest this trend and revert to a normal dialogue between nations can only take the "
               "world back to the colonial era.", 1984)
    assert df["referent"].tolist() == ["colonialism"]


def test_general_expressions_are_a_replaceable_lexicon():
    table = tk.lexicon("historical_expressions")
    assert {"canonical", "aliases", "kinds"} <= set(table.columns)
    own = table[table["canonical"] != "genocide"]
    text = "The United Nations cannot afford to be a helpless spectator to yet another genocide."
    df = tk.devices(tk.Document(text, meta={"year": 2006}), kinds="historical_analogy",
                    lexicons={"historical_expressions": own})
    assert df.empty
