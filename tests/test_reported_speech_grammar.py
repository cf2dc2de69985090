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


def _direct(text: str) -> list[tuple[str, str]]:
    q = tk.quotes(text)
    return [(r.text, r.speaker) for r in q.itertuples() if r.kind == "direct"]


def test_an_attribution_after_a_long_apposition_or_a_state_abbreviation() -> None:
    # before: the search for the cue stopped after 16 tokens, and at the point of "Pa." before its comma
    assert _direct('"We will appeal," Ann Lee, the director of the Federal Bureau of Investigation and a former '
                   "federal prosecutor, said at a news conference.")[0][1] == "Ann Lee"
    assert _direct("''I just don't think she has been truthful,'' Cecelia Purner, 67, a retired customer service "
                   "representative in Allentown, Pa., said in an interview.")[0][1] == "Cecelia Purner"


def test_a_nested_quote_closing_next_to_the_outer_mark() -> None:
    assert _direct("''It first appeared on 'Fox and Friends,''' said Tommy Vietor, a former spokesman.")[0][1] == \
        "Tommy Vietor"


def test_according_to_after_the_speaker_is_the_source() -> None:
    # '"…," X will say, according to Y': Y, the text the words are known from, is the source
    q = tk.quotes('"Nothing truly prepares you for the office," the president will say, according to excerpts '
                  "of his speech released by the White House.")
    assert q.iloc[0]["speaker_mention"] == "excerpts of his speech released by the White House"


def test_inverted_and_preposed_frames_with_a_common_noun_subject() -> None:
    assert _direct('"Twitter works to sell books," reads a Wednesday editorial in The Register.')[0][1] == \
        "a Wednesday editorial"
    assert _direct("''Interviews are useless,'' concluded a 2013 article in the journal.")[0][1] == "a 2013 article"
    assert _direct('In the morning, a young boy shouted, "They are coming!"')[0][1] == "a young boy"
    assert _direct('The ad claims "Jeb is the conservative you can trust."')[0][1] == "The ad"


def test_a_number_phrase_is_a_subject_and_a_verb_form_after_a_number_is_a_noun() -> None:
    assert _rows("Majorities of Democrats in five states say they would be satisfied with both candidates.")[0][:2] \
        == ("Majorities of Democrats in five states", "they would be satisfied with both candidates")
    assert _rows("About one in five say they would not vote.")[0][:2] == ("one in five", "they would not vote")


def test_they_and_an_adverbial_between_commas() -> None:
    # "They" does not refer back to a singular common noun; an adverbial between commas is no subject
    q = tk.quotes("The committee said the plan was dead. They said the vote would wait.")
    assert q.iloc[1]["speaker_mention"] == "They" and q.iloc[1]["speaker"] != "The committee"
    assert _rows("People, especially until a few years back, said the plan was bad.")[0][:2] == (
        "People", "the plan was bad")


def test_an_object_ends_before_the_subjects_next_verb_and_a_dashed_apposition() -> None:
    content = _content('The governor called the senator "a menace" and boycotted the debate.')
    assert len(content) == 1 and content[0].startswith('the senator "a menace') and "boycotted" not in content[0]
    assert _content('Ann Lee said he was "encouraged" by the plan - a modest boost for the mayor.') == [
        'he was "encouraged" by the plan']


def test_a_closing_attribution_frames_the_reports_inside_its_clause() -> None:
    rows = _rows('Russians now say they admire the president more as a "protector from external threats" than as a '
                 "provider, a study by a sociologist concluded this year.")
    assert ("a study by a sociologist", 'Russians now say they admire the president more as a "protector from '
            'external threats" than as a provider', "indirect") in rows
    rows = _rows('Some 55 percent of voters said she "cares about people like me," according to a poll.')
    assert rows[0][0] == "a poll" and rows[0][1].startswith("Some 55 percent of voters said she")
