"""Historical-analogy rules added for issue #12 (second and third pass), on UN General Debate text (CC0).

Sentences are quoted from ``data/analogy_fresh.jsonl.gz`` batches 1 and 3 (ids given) or from other UN
General Debate speeches (``../shared/corpora/ungdc``, speech ids given); the held-out batches (2, 4
and 5) are not used here.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import toolkit as tk
from toolkit.devices.analogy import document_year
from toolkit.devices.matching import DocContext

ROOT = Path(__file__).resolve().parents[1]
FRESH = ROOT / "data" / "analogy_fresh.jsonl.gz"


@pytest.fixture(scope="module")
def batch1():
    with gzip.open(FRESH, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return {r["id"]: r for r in rows if r.get("batch", 1) == 1}


def _find(text, **meta):
    return tk.devices(tk.Document(text.replace("\n", " "), meta=meta), kinds="historical_analogy")


def in_year(text, year):
    """The analogy rows of ``text`` read as a document of ``year``."""
    return _find(text, year=year)


def in_speech(doc_id, sentence):
    """The analogy rows of a UN sentence, read as a speech of the year its id gives (``ungdc-UKR-15-1960``)."""
    return in_year(sentence, int(doc_id.rsplit("-", 1)[1]))


def sole_analogy(cue, doc_id, sentence, referent):
    """The one analogy row of a UN sentence (its speech's year from the id), its referent checked."""
    df = in_speech(doc_id, sentence)
    assert len(df) == 1, cue
    assert referent in df["referent"].iloc[0].split("; ")
    return df.iloc[0]


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
    row = sole_analogy(cue, doc_id, sentence, referent)
    assert cue.lower() in row["cue"].lower().replace("\n", " ")


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


# ------------------------------------------------------------------ third pass: constructions with no comparison word
# (cue, speech id, sentence, referent): UN General Debate speeches outside dev and the held-out batches
THIRD_PASS = [
    # an identity label as predicate of a present actor (copula + adjectives + label)
    ("is a racist, Fascist and", "ungdc-LBY-27-1972", "Let us state with a clear voice that the one who speaks on "
     "behalf of the Zionist gangs is a racist, Fascist and Nazi, to whom we should not even listen.", "Nazi Germany"),
    ("is the", "ungdc-CUB-33-1978", "In Latin America, the Chinese leadership's best friend is the Fascist junta of "
     "Pinochet.", "fascism (1920s-1940s)"),
    ("become an", "ungdc-PSE-70-2015", "In that regard, we recall the words of the late Israeli Prime Minister "
     "Yitzhak Rabin in 1976, when he stated that Israel would become an apartheid State if it continued its "
     "occupation of Palestinian territory.", "apartheid"),
    # an attributive label on present conduct
    ("methods", "ungdc-ALB-38-1983", "Without the support of, first and foremost, the United States, South Africa "
     "would not have dared to continue to occupy Namibia and to suppress by Fascist methods the people of South "
     "Africa, who continue to live in segregation, deprived of all their rights.", "fascism (1920s-1940s)"),
    ("mentality", "ungdc-IRN-68-2013", "Yet another reflection of the same cognitive model is the persistence of "
     "the Cold War mentality and the bipolar division of the world into the \u201csuperior us\u201d and the "
     "\u201cinferior other\u201d.", "Cold War"),
    ("dictatorship", "ungdc-HND-64-2009", "In Honduras, in addition to a coup d\u2019\u00e9tat having taken place, a "
     "fascist dictatorship has been installed that has suppressed the freedoms of Hondurans and is violently "
     "repressing the Honduran people.", "fascism (1920s-1940s)"),
    # a past case's fate as the precedent
    ("suffer the same fate as", "ungdc-HTI-21-1966", "The departure of U Thant would bring about the collapse of "
     "this great institution; its result, I fear, would be that the United Nations would suffer the same fate as "
     "the former League of Nations.", "League of Nations"),
    ("meet the fate of", "ungdc-ALB-20-1965", "In making these observations and suggestions, the delegation of "
     "the People's Republic of Albania is prompted by the desire of the Albanian Government that the United "
     "Nations should not meet the fate of the League of Nations, but should become a dynamic organization.",
     "League of Nations"),
    # comparative + than any ... since; inverted "at no time since X have ... as"
    ("higher than at any time since", "ungdc-SMR-79-2024", "Unfortunately, today, due to increasing tensions, the "
     "risk of nuclear weapons use, either deliberately or by accident, is higher than at any time since the cold "
     "war.", "Cold War"),
    ("more serious than any since", "ungdc-GBR-59-2004", "Eighteen months ago, the United Nations faced divisions "
     "more serious than any since the Cuban missile crisis of October 1962.", "Cuban Missile Crisis (1962)"),
    ("At no time since", "ungdc-ETH-63-2008", "At no time since the Second World War have multilateralism and "
     "genuine cooperation been as critical as they are today.", "Second World War"),
    # what happened teaches: a lesson after the mention
    ("has taught the world", "ungdc-NLD-45-1990", "The sad story of the League of Nations has taught the world "
     "that we must stand firm and united in the face of aggression.", "League of Nations"),
    # the same N as at X
    ("as at", "ungdc-CRI-61-2006", "It is no badge of honour for our species that global military spending "
     "exceeded $1 trillion in 2005 \u2014 the same level of spending, in real terms, as at the end of the cold "
     "war.", "Cold War"),
]


@pytest.mark.parametrize(("cue", "doc_id", "sentence", "referent"), THIRD_PASS, ids=[c[0] for c in THIRD_PASS])
def test_third_pass_construction(cue, doc_id, sentence, referent):
    row = sole_analogy(cue, doc_id, sentence, referent)
    assert cue.lower() in row["cue"].lower().replace("\n", " ")
    assert "rule:" in row["explanation"] and "names a past" in row["explanation"]


def test_label_predicate_names_the_subject_as_target():
    df = _find(THIRD_PASS[1][2], year=1978)
    assert df["target"].iloc[0] == "the Chinese leadership's best friend"
    assert "(rule: label cue)" in df["explanation"].iloc[0]


def test_attributive_label_names_the_phrase_as_target():
    df = _find(THIRD_PASS[4][2], year=2013)
    assert df["target"].iloc[0].startswith("Cold War mentality")


def test_a_system_named_as_predicate_classifies_it_does_not_label():
    # ungdc-PNG-38-1983: "… is colonialism" says what kind of interference, it gives no one an identity
    text = "The most tenacious and extensive form of international interference is colonialism."
    assert _find(text, year=1983).empty


def test_label_in_a_cleft_sentence_is_no_label():
    # "It is the Nazis who …" (a constructed sentence) points at the past actors themselves
    assert _find("It is the Nazis who started that war.", year=1990).empty


def test_never_since_without_a_comparison_measures_a_duration():
    # ungdc-HUN-16-1961: "never since X has … been settled" says how long, not how much
    text = ("On the contrary, in the true sense of the word, never since the Second World War has the peaceful "
            "situation been settled there.")
    assert _find(text, year=1961).empty


def test_a_person_who_taught_is_quoted_not_a_lesson_of_history():
    # ungdc-CHN-31-1976: a leader's teaching is his words, not what history shows
    text = ("Chairman Mao Tsetung taught us that \"In our inter-national relations, we Chinese people should get rid "
            "of great-Power chauvinism resolutely, thoroughly, wholly and completely.\"")
    assert _find(text, year=1976).empty


def test_the_period_after_an_episode_is_the_present_not_the_episode():
    # ungdc-SEN-51-1996: "the post-cold-war experience" is the present the speaker lives in
    text = ("The post-cold-war experience has taught us once again that the many facets of underdevelopment "
            "remain a serious threat to international peace and security.")
    assert _find(text, year=1996).empty


def test_a_persons_name_before_regime_names_that_regime_not_a_label():
    # ungdc-ALB-34-1979: "the Somoza regime" is Somoza's own regime; only a movement's name labels another one
    text = ("The overthrow of the Somoza regime in Nicaragua is another example that proves once again that when "
            "peoples develop a self-awareness and are determined to fight to the end for their rights, the struggle "
            "of the masses of the people becomes a powerful wave that topples even the most ferocious regimes "
            "supported by imperialism.")
    assert _find(text, year=1979).empty



def test_like_reaches_a_year_at_the_end_of_a_short_noun_phrase():
    # ungdc-LBY-56-2001: "like that against Libya in 1986" (four words between 'like' and the year)
    text = ("Occupation, provocation and aggression against peoples, like that against Libya in 1986, is all "
            "terrorism.")
    assert _find(text, year=2001)["referent"].tolist() == ["1986"]


def test_would_also_like_is_a_wish_not_a_comparison():
    # ungdc-EGY-53-1998: "I would also like to refer to the Lockerbie issue"
    text = ("I would also like to refer to the Lockerbie issue and express our satisfaction at the recent positive "
            "development of the situation.")
    assert _find(text, year=1998).empty


def test_neo_colonialism_is_a_term_for_the_present_not_an_analogy(batch1):
    # ungdc-SOM-31-1976 (batch 1, labelled other): "neo-colonialism", like "neo-Nazi", names a present-day thing
    it = batch1["ungdc-SOM-31-1976:40277-40532"]
    assert _find(it["sentence"], year=1976).empty


def test_as_true_today_as_in_1945_is_continuity_not_analogy():
    # ungdc-BLZ-57-2002 (batch 3, labelled reference): a principle still valid, nothing characterised by 1945
    assert _find("Our right to live peaceful and dignified lives holds as true today as it did in 1945.",
                 year=2002).empty


@pytest.mark.parametrize(("doc_id", "sentence"), [
    ("ungdc-LTU-62-2007", "Lithuania is doing its best to fulfil the commitment of the European Union to achieve at "
     "least a 20 per cent reduction in greenhouse gas emissions by 2020 compared to 1990 levels."),
    ("ungdc-ALB-16-1961", "Compared with 1938, we now have five times as many physicians and agricultural experts."),
    ("ungdc-CSK-11-1956", "This year defence expenditures in our country decreased by 7.9 per cent, as compared "
     "with 1955."),
])
def test_a_year_compared_in_a_measurement_is_a_baseline(doc_id, sentence):
    assert _find(sentence, year=int(doc_id.rsplit("-", 1)[1])).empty


@pytest.mark.parametrize(("doc_id", "sentence"), [
    # "a new N of X" is a new N belonging to X, not a new X; a relative clause puts X in another clause
    ("ungdc-EGY-43-1988", "A few weeks ago, the Foreign Ministers of the non-aligned countries met in Cyprus to "
     "review and assess developments in the international situation, particularly the recent indications of the "
     "advent of a new era of detente between the two super-Powers."),
    ("ungdc-MDG-40-1985", "The creation of our Organization was also a revolution, born of the determination to put "
     "an end for ever to the new order that fascism and Nazism wanted to impose upon us."),
    # "the new …" of a thing still going on at the speech date is a new part of it, not a renewal
    ("ungdc-HUN-19-1964", "It is characteristic of the resoluteness of the progressive forces represented here by "
     "the overwhelming majority of the United Nations that even the new cold war attempts and the aggressive forces "
     "are unable to set back the favourable development of international life."),
])
def test_identity_cue_must_make_a_new_instance_of_the_referent(doc_id, sentence):
    assert _find(sentence, year=int(doc_id.rsplit("-", 1)[1])).empty


def test_a_new_phase_of_detente_is_the_common_noun(batch1):
    # ungdc-SYR-44-1989 (batch 1, labelled reference): détente, like neo-colonialism, names the present relaxation
    it = batch1["ungdc-SYR-44-1989:688-1015"]
    assert _find(it["sentence"], year=1989).empty
