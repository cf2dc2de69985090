"""Historical-analogy rules of the fourth pass (issue #12.4), on UN General Debate text (CC0).

Sentences are quoted from UN General Debate speeches (``../shared/corpora/ungdc``, speech ids given);
three are from batches 2 and 5 of ``data/analogy_fresh.jsonl.gz``, tuning parts since this pass. Batch 6, the blind
test, is never used here.
"""

from __future__ import annotations

import pytest

from tests.test_analogy_constructions import in_speech, in_year, sole_analogy

FOUND = [
    ("return the world to the dark days of", "ungdc-BGR-33-1978", "The opponents of detente are trying to return "
     "the world to the dark days of the \"cold war\" and to speed up a new round in the spiraling arms race.",
     "Cold War"),
    ("plunged into the era of", "ungdc-ERI-79-2024", "But yet again, our global community was plunged into the "
     "era of the \u201cCold War\u201d whose hallmark was a confrontational, bi-polar, international world order.",
     "Cold War"),
    ("invited the same fate as that which befell", "ungdc-CHN-07-1952", "Had the United Nations hesitated in "
     "that fateful last week of June 1950, it would have invited the same fate as that which befell the League "
     "of Nations.", "League of Nations"),
    ("just as", "ungdc-NPL-75-2020", "Just as the United Nations was created in the devastation wrought by the "
     "Second World War to lead the world on the path of peace, security and development, why not we think in "
     "the same vein a more prosperous and healthy world in the wake of the invisible yet equally powerful enemy "
     "of COVID-19?", "Second World War"),
    ("with the same determination with which", "ungdc-COL-50-1995", "With the same determination with which it "
     "succeeded in its struggle against colonialism, the non-aligned countries must now face the challenge of "
     "eradicating poverty.", "colonialism"),
    ("compare the scenarios", "ungdc-MYS-63-2008", "Casting our minds back to the Asian financial crisis in 1997, "
     "we cannot help but compare the scenarios.", "Asian financial crisis (1997-1998)"),
    ("revive", "ungdc-CUB-74-2019", "Of similar significance is the United States decision to revive the "
     "disastrous Monroe Doctrine, an instrument of imperialist domination.", "Monroe Doctrine"),
    ("neo-", "ungdc-UKR-16-1961", "The militarist and neo-Nazi circles, Chancellor Adenauer and the members of "
     "his Government, evidently consider that the time has come to raise the question of revising the "
     "frontiers.", "Nazi Germany"),
    ("the same path as", "ungdc-UKR-15-1960", "Day by day it is becoming more evident that Western Germany is "
     "following the same path as was followed by the Germany of the Kaiser and Hitler.", "Kaiser Wilhelm II"),
]


@pytest.mark.parametrize(("cue", "doc_id", "sentence", "referent"), FOUND, ids=[c[0] for c in FOUND])
def test_fourth_pass_construction(cue, doc_id, sentence, referent):
    assert sole_analogy(cue, doc_id, sentence, referent)["cue"].lower().startswith(cue)


NOT_FOUND = [
    # reviving a treaty is reviving that treaty, not a copy of it
    ("ungdc-HRV-76-2021", "Reviving the Iran nuclear deal is a key instrument of regional security and stability "
     "that can still serve as a useful platform for broader regional dialogue."),
    # "just as much … as" is an equative of degree, not the correlative "just as X …, so Y"
    ("ungdc-IRL-57-2002", "Ultimately, they are just as much victims of the terrorist groups who carried out the "
     "attacks of 11 September as those who were murdered in New York, Washington and Pennsylvania."),
    # "X, fascism and similar ideologies" extends a list, it compares nothing present to fascism
    ("ungdc-UKR-30-1975", "We believe that the safeguarding of human rights means, first of all, a resolute "
     "struggle against racism, fascism, and similar ideologies and practices inspired by the hatred of one's "
     "fellow men."),
    # the speaker's own recollection and the speaker's own repetition
    ("ungdc-IND-50-1995", "As we attempt to do so, I am reminded of Jawaharlal Nehru\u2019s speech to the General "
     "Assembly in November 1948, in Paris."),
    ("ungdc-BOL-01-1946", "And here I should like, if you will forgive me, to quote once more from the speech I "
     "made before the League of Nations."),
    # "inasmuch as in 1972" gives a reason, it is no "as in" comparison (OCR "tan" read "can", sentence cut)
    ("ungdc-NIC-29-1974", "In the area of Central America, there can be no country which appreciates better than "
     "Nicaragua the gravity of the natural disaster that our sister Republic of Honduras has suffered, inasmuch "
     "as in 1972 an earthquake destroyed our capital city."),
    # "a new phase of" the cold war in 1968 is a part of the cold war going on, not its renewal
    ("ungdc-BEL-23-1968", "Now that Europe is once again being buffeted, that many of its peoples are being "
     "tested, that it is threatened by a new phase of the cold war, it seems necessary to us to restate how "
     "peace can be established."),
]


@pytest.mark.parametrize(("doc_id", "sentence"), NOT_FOUND, ids=[d for d, _ in NOT_FOUND])
def test_fourth_pass_non_analogy(doc_id, sentence):
    assert in_speech(doc_id, sentence).empty


def test_a_system_in_place_is_not_renewed_but_a_finished_one_is():
    # colonialism in 1957 is the present system: "a new colonialism" is a variant of it (like
    # neo-colonialism); in 1981, after the gazetteer's end of the colonial era, "another … type of" it counts
    # (batch 5, tuning: ungdc-MAR-12-1957 shortened, ungdc-VCT-36-1981 shortened)
    text = ("Help can be effective only if granted without the ulterior motive of establishing a new "
            "colonialism, whatever its form.")
    assert in_year(text, 1957).empty
    later = ("Just as the work of the Special Committee is coming to an end, another invidious and subtle type "
             "of colonialism is rearing its brutal head.")
    df = in_year(later, 1981)
    assert df["referent"].tolist() == ["colonialism"]
    assert "a past system (colonialism" in df["explanation"].iloc[0]


def test_superlative_since_names_its_own_noun_phrase_as_target():
    # ungdc-LSO-38-1983
    text = ("The economies of more than two thirds of the Organization's Members are being hit by the worst "
            "recession since the Second World War, and all of those countries are pinning their last hopes on "
            "the Assembly.")
    df = in_year(text, 1983)
    assert df["target"].tolist() == ["the worst recession"]
