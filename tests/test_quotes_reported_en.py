"""English reported speech (#14.2, fourth and fifth passes): clause boundaries, inferences and frames on real text.

Fixtures: sentences of the bundled English Wikinews sample (data/wikinews_en_2019_2020.jsonl, CC BY 2.5;
doc ids cited per test) and of the bundled UN General Debate sample (data/ungdc_sample.jsonl.gz).
"""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from toolkit.quotes import quotes

from .conftest import DATA, WIKINEWS


def _texts() -> dict[str, str]:
    out: dict[str, str] = {}
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    with gzip.open(DATA / "ungdc_sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


_TEXTS = _texts()


def _sentence(doc_id: str, start: str, end: str) -> str:
    """A passage of a bundled document, from ``start`` up to and including ``end``."""
    text = _TEXTS[doc_id]
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


def _rows(doc_id: str, start: str, end: str) -> list[list[object]]:
    q = quotes(_sentence(doc_id, start, end), noun_phrases=True)
    q = q[q["kind"] != "scare"]
    return q[["text", "rule", "speaker"]].astype(object).where(pd.notna(q[["text", "rule", "speaker"]]), None) \
        .values.tolist()


def test_clause_ends_before_a_participle_clause_and_a_coordinated_clause():
    # wikinews-068db37d447f: "…, damaging her jaw and ultimately leading to her death" comments on the report
    assert _rows("wikinews-068db37d447f", "Authorities said they", "her death.") == [
        ["they believed a fruit filled with firecrackers had exploded in the elephant's mouth",
         "indirect:speaker_cue", "Authorities"]]
    # wikinews-757770faf9bb: ", but formal studies indicated …" is a clause with its own subject and report
    assert _rows("wikinews-757770faf9bb", "One antibody cocktail", "preventing death.") == [
        ["promise in the field", "indirect:speaker_cue", "One antibody cocktail"],
        ["it had less benefit than sought in preventing death", "indirect:speaker_cue", "formal studies"]]


def test_an_adverbial_between_commas_after_that_opens_the_clause():
    # wikinews-466e39be9aa9 and wikinews-0446f09b3024: "reported that, before …, X was …"
    assert _rows("wikinews-466e39be9aa9", "NPR reported that", "in Minnesota;")[0][:2] == [
        "before she ended her campaign, Klobuchar was leading in the polls in Minnesota", "indirect:speaker_cue"]
    assert _rows("wikinews-0446f09b3024", "Kovalchuk also said that", "400 people.")[0][0] == \
        "after the first Olympiad, a community of young neurosurgeons emerged on social networks"


def test_a_list_does_not_end_a_noun_phrase_object():
    # wikinews-095b51fdb68c: "condolences to the family, friends, and fans of Huber"
    assert _rows("wikinews-095b51fdb68c", "WWE expressed", "of Huber.") == [
        ["sadness and extended condolences to the family, friends, and fans of Huber",
         "indirect:speaker_cue:noun_phrase", "WWE"]]


def test_inferences_and_passive_reports():
    # wikinews-2ca6406c5d78: a passive report after an adverb; wikinews-02727f539de1: the base form seem
    assert _rows("wikinews-2ca6406c5d78", "Boeing's first crewed", "next year.") == [
        ["Boeing's first crewed mission is reportedly expected to launch next year", "indirect:evidential", None]]
    assert _rows("wikinews-02727f539de1", "those do not seem", "ribs.")[0][1] == "indirect:evidential"
    # wikinews-012fa4b36ac7: the inference ends at its comma
    assert _rows("wikinews-012fa4b36ac7", "CentOS 7 is expected", "CentOS 8.")[0][0] == \
        "CentOS 7 is expected to receive maintenance updates through June 2024"
    # ungdc-FRA-45-1990: the passive of a verb of judgement with "as"
    assert _rows("ungdc-FRA-45-1990", "The gain for one camp", "other.") == [
        ["The gain for one camp was perceived as a loss for the other", "indirect:evidential", None]]
    # wikinews-5d17cdc9b6e4: a sentence that names its source is the source's report, not an inference
    assert [r[1] for r in _rows("wikinews-5d17cdc9b6e4", "According to the Miami Herald, Humberto", "Bahamas.")] \
        == ["indirect:according_to"]


def test_a_relative_clause_out_of_a_reported_clause_keeps_its_pronoun():
    # wikinews-9e95bc099e20: "proclamations which analysts say could have …"
    assert _rows("wikinews-9e95bc099e20", "The ruling made proclamations", "of the EU.") == [
        ["which analysts say could have far-reaching implications for regulation of content on the Internet "
         "beyond the borders of the EU", "indirect:speaker_cue", "analysts"]]


def test_frames_of_telling_responding_and_naming_the_object():
    # wikinews-98cb52522020: an object pronoun before the infinitive
    assert _rows("wikinews-98cb52522020", "When an opportunity arose", "drum set.")[0][:2] == [
        "him to sit down at a drum set", "indirect:speaker_cue:noun_phrase"]
    # wikinews-0114fc57f7f0: a verb of response reports the topic after "to"
    rows = _rows("wikinews-0114fc57f7f0", "Trump responded to the ruling", "Trump.\"")
    assert rows[0] == ["the ruling via Twitter", "indirect:speaker_cue", "Trump"]
    # wikinews-b96b50c8a83f: a demonstrative object refers to what was said before
    assert _rows("wikinews-b96b50c8a83f", "Actually she was a broker", "know that.") == [
        ["that", "indirect:speaker_cue:noun_phrase", None]]
    # wikinews-4b5f0c576d24: a subject with a prepositional modifier after a comma is read whole
    q = quotes(_sentence("wikinews-4b5f0c576d24", "After the interview, a spokesman", "of the race."))
    assert q["speaker_mention"].tolist() == ["a spokesman for West"]


# --------------------------------------------------------------------------- fifth pass (#14.2): clause ends, frames


def test_a_that_clause_keeps_an_insertion_before_its_verb():
    # wikinews-cba13278138f: "that the EastMed project, which currently involves …, is open …": the relative clause
    # sits in the subject, the clause's verb comes after it
    rows = _rows("wikinews-cba13278138f", "Mitsotakis reaffirmed", "to join.")
    assert rows[0][0].endswith("which currently involves Greece, Cyprus and Israel, is open for other countries "
                               "to join")
    # wikinews-e1efdb826398: "and is marketed" goes on with the clause's own subject
    rows = _rows("wikinews-e1efdb826398", "Citing this test", "measures\".")
    assert any(r[0].endswith("was designed and is marketed for the purpose of circumventing YouTube's technological "
                             "measures") for r in rows)


def test_a_that_clause_without_its_verb_is_cut_as_before():
    # a noun phrase object still ends at its comma: no verb follows the insertion
    q = quotes("The minister praised the new law, which parliament passed in May.", noun_phrases=True)
    assert q["text"].tolist() == ["the new law"]


def test_an_interrogative_clause_is_reported():
    # wikinews-b96b50c8a83f: "… and asked me what had happened and how it happened"
    rows = _rows("wikinews-b96b50c8a83f", "She came to me", "how it happened.")
    assert ["what had happened and how it happened", "indirect:coordinated"] in [r[:2] for r in rows]
    q = quotes("The senator asked the secretary whether the plan would work.")
    assert q[["text", "speaker"]].values.tolist() == [["whether the plan would work", "The senator"]]
    # after a noun, "who" opens a relative clause, not a question
    q = quotes("Representative Jane Roe who sponsored the bill remarked the bill was not enforceable.")
    assert "who sponsored" not in " ".join(q["text"])


def test_passive_reports_with_a_verb_group_and_reduced_passives():
    # wikinews-5a91fbe33b1e: the subject ends before "has been"
    assert _rows("wikinews-5a91fbe33b1e", "Mancini has been described", "whisperer\"")[0][:2] == [
        "Mancini", "indirect:passive_by:noun_phrase"]
    # wikinews-77ea900641b0: a participle of stance after a noun phrase, with its agent
    assert _rows("wikinews-77ea900641b0", "The district was recaptured", "by Russia.") == [
        ["an operation", "indirect:passive_by:noun_phrase", "Russia"]]
    q = quotes("The bill, opposed by the governor, never became law.", noun_phrases=True)
    assert q[["text", "speaker"]].values.tolist() == [["The bill", "the governor"]]
    # a light verb is no stance: "the change offered by the candidate"
    assert quotes("Voters wanted the change offered by the candidate.", noun_phrases=True)["rule"].tolist() \
        == ["indirect:speaker_cue:noun_phrase"]


def test_made_it_clear_that_frames_its_clause():
    # ungdc-USA-73-2018: the past of the light verb
    rows = _rows("ungdc-USA-73-2018", "I have great respect", "acceptable.")
    assert ["our trade imbalance is just not acceptable", "indirect:frame_that"] in [r[:2] for r in rows]


def test_a_two_word_cue_in_a_parenthetical():
    # wikinews-b8c02c9c7c4d: "X, the complaint pointed out, have …"
    rows = _rows("wikinews-b8c02c9c7c4d", "Many of the Native American", "Western culture.")
    assert rows[0][1:] == ["indirect:parenthetical", "the complaint"]


def test_a_new_clause_after_a_comma_ends_the_report():
    q = quotes("He said the plan was in trouble, it's unlikely to pass without changes.")
    assert q["text"].tolist() == ["the plan was in trouble"]
    q = quotes("The mayor joked that the bridge was his answer, but went on to defend the budget.")
    assert q["text"].tolist() == ["the bridge was his answer"]


def test_a_quotation_ending_its_sentence_takes_no_attribution_from_the_next_line():
    # ungdc-DEU-58-2003 (hard-wrapped lines): '… national\nborders."' and the next line 'We are … I\nthink that …'
    q = quotes(_TEXTS["ungdc-DEU-58-2003"])
    direct = q[q["text"].str.startswith("The globalization of the dangers")]
    assert direct[["rule", "cue", "speaker_mention"]].values.tolist() == [["direct:before", "write", "He"]]


def test_known_as_and_known_for_name_with_no_speaker():
    # wikinews-4a18be455859: "Mendez is known for organizing …"; wikinews-3f72dd6b88b1: "the … cyclone known as …"
    rows = _rows("wikinews-4a18be455859", "Mendez is known for", "national")
    assert rows[0][:2] == ["Mendez is known for organizing the safe return in 1980 of several U.S. national",
                           "indirect:known_as:noun_phrase"] and rows[0][2] is None
    rows = _rows("wikinews-3f72dd6b88b1", "As the slow-moving", "Bahamas yesterday")
    assert rows[0][:2] == ["the slow-moving tropical cyclone known as Hurricane Dorian",
                           "indirect:known_as:noun_phrase"]
    # the perfect of "know" is no naming, and a noun-phrase row is out of the default table
    assert quotes("I've known him for years.", noun_phrases=True).empty
    assert quotes("Mendez is known for organizing the safe return of six diplomats.").empty


def test_headlines_in_title_case_are_no_transcript_turns():
    text = ("Jane Roe: It Is Not A Radical Idea To Raise The Wage.\n\n"
            "Jane Roe: I Am Not Much Of A Socialist Compared To Eisenhower.\n\n"
            "WASHINGTON — Senator Jane Roe defended her plan on Monday, saying the positives would outweigh the costs.")
    q = quotes(text)
    assert not q["rule"].str.startswith("direct:transcript").any()
    assert ["the positives would outweigh the costs", "indirect:participle"] in q[["text", "rule"]].values.tolist()
    # a turn in sentence case is one: "Jane Roe: We will raise the wage this year."
    q = quotes("Jane Roe: We will raise the wage this year.\n\nJohn Doe: That is too late for the workers.")
    assert q["rule"].tolist() == ["direct:transcript", "direct:transcript"]


def test_a_one_word_answer_is_the_whole_report():
    q = quotes("Seventy-two percent of the members said yes while 48 percent of the others agreed.")
    assert q[["text", "speaker"]].values.tolist()[0] == ["yes", "Seventy-two percent of the members"]
    assert quotes("Half of the members said so in December.")["text"].tolist() == ["so"]
    # "no" opening a clause is no answer
    assert quotes("He said no more taxes would be raised.")["text"].tolist() == ["no more taxes would be raised"]


def test_a_noun_of_support_with_its_holder_reports_on_the_subject():
    # wikinews-2786f82cdbab: "They have received support from the Rice Business Plan Competition, …"
    rows = _rows("wikinews-2786f82cdbab", "They have received support", "Competition")
    assert rows == [["They", "indirect:backed:noun_phrase", "Rice Business Plan Competition"]]
    q = quotes("The senator has won overwhelming support from members of Congress.", noun_phrases=True)
    assert q[["text", "speaker_mention"]].values.tolist() == [["The senator", "members of Congress"]]
    # a participle after it is the subject's, not the holder's
    q = quotes("The mayor has won the support of millions by echoing many themes, saying the city comes first.",
               noun_phrases=True)
    assert set(q[q["rule"].str.startswith("indirect:participle")]["speaker_mention"]) == {"The mayor"}


def test_a_bare_plural_source_closes_a_clause():
    q = quotes("The aircraft was insured at a value of $35 million in 2011, records show.")
    assert q[["text", "speaker_mention", "rule"]].values.tolist() == [
        ["The aircraft was insured at a value of $35 million in 2011", "records", "indirect:clause_speaker_cue"]]
    q = quotes("More than 40 percent of the money arrived in February, new fundraising reports show.")
    assert q["speaker_mention"].tolist() == ["new fundraising reports"]


def test_the_object_of_a_stance_verb_in_an_object_relative_clause():
    q = quotes("He opposes the trade pact, a deal she once supported.", noun_phrases=True)
    assert ["a deal", "she"] in q[["text", "speaker_mention"]].values.tolist()
    q = quotes("He turned against the trade bill, which he once supported, and embraced the plan.", noun_phrases=True)
    assert q[["text", "speaker_mention"]].values.tolist() == [["which", "he"]]


def test_now_between_a_closing_subject_and_its_verb_is_no_part_of_the_speaker():
    q = quotes("An easy glide would ensure the senator wins, the aides now say.")
    assert q[["text", "speaker_mention"]].values.tolist() == [
        ["An easy glide would ensure the senator wins", "the aides"]]


def test_a_verb_of_thinking_closes_a_clause_after_a_common_noun_speaker():
    q = quotes("Such a move could alienate the party's voters, the mayor's allies believe — voters she will need in "
               "November.")
    assert q[["text", "speaker_mention", "rule"]].values.tolist() == [
        ["Such a move could alienate the party's voters", "the mayor's allies", "indirect:clause_speaker_cue"]]
    q = quotes("A win there would undermine the notion, his team believes, resulting in a reset of the race.")
    assert q["rule"].tolist() == ["indirect:parenthetical"]


def test_appearing_before_an_audience_is_no_inference():
    assert quotes("On Wednesday he appears before thousands of delegates in Philadelphia.").empty
    assert quotes("The committee seemed to be losing patience.")["rule"].tolist() == ["indirect:evidential"]


@pytest.mark.parametrize(("sentence", "content"), [
    # a pronoun or a name takes no adjunct after it as its modifier
    ("The union endorsed Jane Holloway on Tuesday.", "Jane Holloway"),
    ("The governor praised them in a speech at the port.", "them"),
    # a phrase of reason or comparison is the verb's complement, and a common noun takes its modifier
    ("The mayor criticized Holloway for the delay.", "Holloway for the delay"),
    ("The mayor criticized the plan in the budget.", "the plan in the budget"),
    # the time or occasion of the report is no part of a noun-phrase object
    ("The mayor thanked the volunteers at a rally in the harbour.", "the volunteers"),
    ("The mayor endorsed the plan in June 2015.", "the plan"),
    ("The mayor praised the new budget in an interview with the local radio.", "the new budget"),
    ("The mayor praised the new budget in the event of a recession.", "the new budget in the event of a recession"),
])
def test_where_a_noun_phrase_object_ends_before_an_adjunct(sentence: str, content: str) -> None:
    assert quotes(sentence, noun_phrases=True)["text"].tolist() == [content]


def test_an_adjunct_between_a_verb_of_stance_and_its_preposition():
    q = quotes("The mayor spoke at the town hall on Tuesday about the new budget.", noun_phrases=True)
    assert q[["text", "speaker_mention", "cue"]].values.tolist() == [["the new budget", "The mayor", "speak about"]]
    assert quotes("The mayor spoke openly about the new budget.", noun_phrases=True)["text"].tolist() == [
        "the new budget"]
    assert quotes("The mayor spoke in Ohio and about the budget.", noun_phrases=True).empty


def test_a_verb_with_a_particle_and_a_preposition_takes_its_object_after_both():
    q = quotes("The senator has weighed in on the allegations.", noun_phrases=True)
    assert q[["text", "speaker_mention", "cue"]].values.tolist() == [
        ["the allegations", "The senator", "weigh in on"]]
    assert quotes("The mayor lashed out at the council.", noun_phrases=True)["text"].tolist() == ["the council"]
