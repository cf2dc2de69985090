"""English reported speech read from its grammar (#14.2): where the reported clause starts and ends,
who its subject is, and which verbs report.

Each sentence is a construction written for the test (not from an annotated corpus).
"""

from __future__ import annotations

import toolkit as tk


def _rows(text: str, **options):
    q = tk.quotes(text, noun_phrases=True, **options)
    return [(r.speaker_mention, text[r.content_start : r.content_end], r.kind) for r in q.itertuples()]


def _content(text: str) -> list[str]:
    return [c for _, c, _ in _rows(text)]


def test_a_later_that_or_if_belongs_to_a_clause_that_has_begun() -> None:
    # before: the look-ahead for "that" ran past the modal ("of its parent network") or the contraction ("if elected")
    assert _content("Ann Lee said the coverage would resemble that of its parent network.") == [
        "the coverage would resemble that of its parent network"]
    assert _content("Omar Haddad has said they'll undo the new rules if elected.") == [
        "they'll undo the new rules if elected"]


def test_a_question_word_opens_the_reported_question() -> None:
    assert _content("The minister has not said what other measures she would support.") == [
        "what other measures she would support"]


def test_a_negation_between_subject_and_cue_is_skipped() -> None:
    assert _rows("The mayor isn't saying what the plan will cost.")[0][0] == "The mayor"
    assert _rows("Ann Lee has not said whether she will run.")[0][0] == "Ann Lee"


def test_two_noun_phrases_joined_by_and_are_one_subject() -> None:
    assert _rows("Ann Lee and her rivals have said they will appeal.")[0][:2] == (
        "Ann Lee and her rivals", "they will appeal")
    assert _rows("Ann Lee and Omar Haddad have both urged the council to delay the vote.")[0][:2] == (
        "Ann Lee and Omar Haddad", "the council to delay the vote")
    # a noun phrase after a preposition is no second subject, and a cue word before a verb is a noun
    assert _rows("The pay, benefits and pension plan are all good, Ann Lee said.")[0][0] == "Ann Lee"


def test_a_clause_that_opens_with_an_adverbial_runs_past_its_comma() -> None:
    assert _content("The governor predicted in March that if the senator ran for president, he would lose.") == [
        "if the senator ran for president, he would lose"]
    assert _content("The researchers found that in such districts, shocks can push voters to the right.") == [
        "in such districts, shocks can push voters to the right"]


def test_the_infinitive_after_an_adverbial_or_an_object() -> None:
    assert _content("He declined at first to criticize the former leader.") == ["to criticize the former leader"]
    assert _content("Senator Ann Lee promised Monday to begin talks on the budget.") == [
        "to begin talks on the budget"]
    assert _content("Many observers expect the agency to lower the limit.") == ["the agency to lower the limit"]


def test_the_subject_of_a_verb_that_takes_the_cue_as_infinitive() -> None:
    row = _rows("Ann Lee has continued to push for a single-payer health system.")[0]
    assert row[:2] == ("Ann Lee", "a single-payer health system")
    row = _rows("The senator tried to explain that the plan would work.")[0]
    assert row[:2] == ("The senator", "the plan would work")


def test_a_relative_clause_and_a_capitalised_name_inside_it_before_the_cue() -> None:
    row = _rows("Retired Gen. John Allen, who led United States forces in Afghanistan, said on Sunday that "
                "the troops were at risk.")[0]
    assert row[:2] == ("Retired Gen. John Allen", "the troops were at risk")
    # a phrase followed by its verb after "said" is the clause's subject, not an inverted speaker
    row = _rows("Ann Lee, who took over as head of the party after the vote, said young voters are interested.")[0]
    assert row[:2] == ("Ann Lee", "young voters are interested")


def test_a_comma_inside_a_closing_mark_ends_the_clause_before_its_speaker() -> None:
    assert _rows('He had "wanted to be a pilot since he was 5," his childhood friend told reporters.')[0][0] == \
        "his childhood friend"
    assert _rows('The plan "could be less about ethanol than about distance," said Omar Haddad, an economist.')[0][0] \
        == "Omar Haddad"


def test_a_naming_verb_with_a_pronoun_and_a_free_relative() -> None:
    assert [k for _, _, k in _rows('Ann Lee called them "jihadists".')] == ["scare"]  # name-calling, a scare quote
    row = _rows('In 2009, under what Mr. Hedge called "the prior economy model," the club had to close.')[0]
    assert row[1] == 'what Mr. Hedge called "the prior economy model'


def test_a_determiner_and_a_number_with_its_noun_is_a_speaker() -> None:
    q = tk.quotes('"The leader has always been kind," said the 46-year-old. "Now he will work for you."')
    assert set(q["speaker_mention"]) == {"the 46-year-old"}


def test_verbs_that_are_not_reporting_here() -> None:
    # "add to" is to increase; "back" with a particle is a phrasal verb
    assert _rows("Ann Lee won the primary, adding to her lead in the race.") == []
    assert _rows("The council later backed away from the plan.") == []


def test_title_case_headline_verbs_report_but_names_keep_their_words() -> None:
    assert _rows("Marine Le Pen Backs Trump And Denounces Clinton.")[0][:2] == ("Marine Le Pen", "Trump")
    assert _rows("The Family Support Services Agency said it would close.")[0][:2] == (
        "The Family Support Services Agency", "it would close")


def test_organisation_names_keep_ampersands_and_of_on_for_phrases() -> None:
    q = tk.quotes('"The outages will continue," PG&E said.')
    assert q["speaker"].tolist() == ["PG&E"]
    q = tk.quotes("The United States Commission on International Religious Freedom said the law was unjust.")
    assert q["speaker"].tolist() == ["United States Commission on International Religious Freedom"]


def test_german_is_not_read_with_the_english_rules() -> None:
    # the English look-ahead rules are gated by language: a German reported clause keeps its dass-clause
    row = tk.quotes("Die Ministerin sagte am Montag, dass die Reform scheitern werde.", lang="de").iloc[0]
    assert row["speaker"] == "Die Ministerin" or row["speaker_mention"].endswith("Ministerin")
