"""Speakers of direct and mixed quotes in news written like English Wikinews (the wnspeak pass).

Articles from ``data/quotes_fresh_wikinews.jsonl`` (tuning batches only) and the bundled
``data/wikinews_en_2019_2020.jsonl`` (English Wikinews, © Wikinews contributors, CC BY 2.5,
https://en.wikinews.org; each record's ``url`` links to the article).
"""

from __future__ import annotations

import toolkit as tk

from .conftest import DATA, WIKINEWS, article, direct_row


def test_parenthesised_interview_labels_are_transcript_turns() -> None:
    # "((WN)) : You've said that you want to act on climate change — …": the interviewer's questions
    text = article("wikinews-0ba583f1bbd3")
    q = tk.quotes(text)
    turns = q[q["rule"] == "direct:transcript"]
    assert len(turns) == 7
    assert set(turns["speaker"]) == {"WN"} and set(turns["speaker_mention"]) == {"WN"}
    assert turns.iloc[0]["text"].startswith("You've said that you want to act on climate change")


def test_a_parenthesised_question_turn_ends_with_its_paragraph() -> None:
    # the unlabelled paragraph after "((WN)) : … what's one particular law you think needs revising?" is
    # the candidate's answer, not the interviewer's turn; the interviewer is no antecedent of "He" in the
    # narration after the questions (bundled sample)
    q = tk.quotes(article("wikinews-4666a81867d1", WIKINEWS))
    assert not q["text"].str.startswith("But one of the big issues for Groom").any()
    q = tk.quotes(article("wikinews-4b5f0c576d24", WIKINEWS))
    assert (q["rule"] == "direct:transcript").sum() >= 3
    assert set(q.loc[q["kind"] != "direct", "speaker"].dropna()).isdisjoint({"WSS"})


def test_a_two_sided_parenthesised_interview_gives_each_side_its_turns() -> None:
    # "((Perttu Ahola)) Hi. Although I'm usually called …" / "((WN)) How did you find out about programming?"
    # (labels without a colon; bundled sample): each turn is a direct row by its label
    q = tk.quotes(article("wikinews-bb6d7caafede", WIKINEWS))
    turns = q[q["rule"] == "direct:transcript"]
    answer = turns[turns["text"].str.startswith("I've had programming as a hobby")]
    assert list(answer["speaker"]) == ["Perttu Ahola"]
    question = turns[turns["text"].str.startswith("How did you find out about programming")]
    assert list(question["speaker"]) == ["WN"]


def test_a_document_with_a_named_possessor_speaks_for_its_author() -> None:
    # '"…," reads the President Putin's message.' (Kremlin tuning batch, en.kremlin.ru, CC BY 4.0): the mention
    # stays the document, the speaker is its author (before: "the President Putin's message")
    text = article("kremlin-en-42482", DATA / "quotes_fresh_kremlin.jsonl")
    q = tk.quotes(text)
    row = q[q["kind"] == "direct"].iloc[0]
    assert row["speaker"].endswith("Putin") and row["speaker_mention"].endswith("message")


def test_a_time_adverb_between_subject_and_verb_is_skipped() -> None:
    # 'Stardom's official statement yesterday read "Stardom fans, …"': before, no speaker
    row = direct_row(article("wikinews-cd9dca7839a7"), "Stardom fans")
    assert row["speaker"].endswith("Stardom") and row["speaker_mention"] == "Stardom's official statement"


def test_a_verb_coordinated_after_an_earlier_quote_shares_its_subject() -> None:
    # 'Duda also characterised the deaths as "crushing" and wrote "May God protect …"': before, the quote
    # inherited the last name read (the State Fire Brigade)
    row = direct_row(article("wikinews-9056fce5490f"), "May God protect")
    assert (row["speaker"], row["speaker_mention"], row["rule"]) == ("Andrzej Duda", "Duda", "direct:before")


def test_an_inverted_description_with_the_name_it_goes_by_is_the_speaker() -> None:
    # '"She's just doing this …," said a protester using the pseudonym Katya. "The situation …"': before, no
    # frame was read, so the quote (and its second part) inherited the student quoted before
    text = article("wikinews-1a85833f5c6e")
    row = direct_row(text, "She's just doing this")
    assert (row["speaker"], row["speaker_mention"]) == ("Katya", "a protester using the pseudonym Katya")
    # the name must follow the naming word or "as": "a source known to Reuters" is no name phrase
    q = tk.quotes('"She is just doing this," said a source known to Reuters.')
    assert q.iloc[0]["speaker"] != "Reuters"


def test_two_titles_joined_by_and_before_a_name_are_one_speaker() -> None:
    # 'Conservative Party leader and Prime Minister Boris Johnson said he was "humbled" … and "...I and we will
    # never take your support for granted. …"': before, the second quote went to "Conservative Party leader"
    q = tk.quotes(article("wikinews-780a24b29b22"))
    rows = q[q["text"].str.contains("never take your support for granted", regex=False)]
    assert len(rows) == 1 and rows.iloc[0]["speaker"] == "Boris Johnson"


def test_the_object_of_a_preposition_before_the_verb_is_no_subject() -> None:
    # 'Assembly president Richard Ferrand in relaying the news to parliament said, "Jacques Chirac is …"':
    # before, no speaker (the phrase before "said" was "parliament")
    row = direct_row(article("wikinews-f382c0a06398"), "Jacques Chirac is part of the history")
    assert row["speaker"] == "Richard Ferrand"
    # the subject before an adverbial, not the noun inside it; a title's object before a name stays
    q = tk.quotes('John Smith in an interview with the BBC said, "We will not leave this city."')
    assert q.iloc[0]["speaker"] == "John Smith"
    q = tk.quotes('US Special Representative for Iran Brian Hook said, "This is a political stunt."')
    assert q.iloc[0]["speaker"].endswith("Brian Hook")


def test_a_name_with_its_organisation_after_of_is_the_speaker() -> None:
    # '"…," Crystal C'Bearing of the Northern Arapaho tribal historic preservation office told those gathered':
    # before, the speaker was "historic preservation office"
    row = direct_row(article("wikinews-fed98ea20295"), "With everything that's happened to our people")
    assert row["speaker"] == "Crystal C'Bearing"


def test_a_long_colon_line_before_a_quote_paragraph_is_read_from_its_sentence_start() -> None:
    # "Opening of the meeting, Mr Medvedev suggested touching base on the current state of bilateral relations,
    # first and foremost in the context of …:" (Kremlin tuning batch, en.kremlin.ru, CC BY 4.0): the subject
    # is more than 200 characters before the colon; before, the quote had no speaker
    text = article("kremlin-en-8024", DATA / "quotes_fresh_kremlin.jsonl")
    row = direct_row(text, "I think that first of all, we must focus on our bilateral relations")
    assert row["speaker"].endswith("Medvedev")


def test_a_beat_that_names_one_person_quoted_before_gives_the_quote_to_them() -> None:
    # 'The home side was on the receiving end of two yellow cards, leaving Ingram unimpressed. "One of them was
    # questionable. …"': the coach quoted earlier; before, no speaker
    row = direct_row(article("wikinews-ce256aff6223"), "One of them was questionable")
    assert (row["speaker"], row["rule"]) == ("Geoff Ingram", "direct:action_beat")


def test_a_verb_of_talking_about_a_topic_with_no_topic_frames_a_direct_quote() -> None:
    # 'In an interview with Rolling Stone, McCready commented, "he gets sounds …"': before, no speaker
    row = direct_row(article("wikinews-55c0867ce70d"), "he gets sounds")
    assert row["speaker"] == "Mike McCready"
    # with its topic it stays a verb of stance, and a noun is no frame
    assert tk.quotes("Hammond commented on the plan.").empty


def test_an_unattributed_quote_continues_the_person_reported_just_before_it() -> None:
    # "Strong winds … presented difficulty during the crossing, Zapata said, adding it required much endurance to
    # manage to stay airborne. "It's an isometric exercise for the thighs …"" (bundled sample): before, no speaker
    row = direct_row(article("wikinews-1a1842869eb1", WIKINEWS), "It's an isometric exercise")
    assert (row["speaker"], row["rule"]) == ("Franky Zapata", "direct:reported_before")
    # a document reported before is no person the quote continues
    q = tk.quotes('The United States Constitution specifies that officials are removed after being convicted of, '
                  '"Treason, Bribery, or other high Crimes."')
    assert q[q["kind"] == "direct"]["speaker"].isna().all()


def test_a_name_before_an_organisation_with_a_lower_case_head_is_the_speaker() -> None:
    # 'Suman Haripriya of the Hajo assembly said "Coronavirus is an airborne disease …"' (bundled sample): before,
    # no speaker
    row = direct_row(article("wikinews-c7dbf76da2f5", WIKINEWS), "Coronavirus is an airborne disease")
    assert row["speaker"] == "Suman Haripriya"


def test_the_preposition_rule_leaves_headlines_numbers_and_clause_openers_alone() -> None:
    # a title-case headline, a proportion and a clause opened by "after" keep the phrase the verb follows
    q = tk.quotes("Years after Bill Clinton claimed that the era of big government was over, it grew.")
    assert q.iloc[0]["speaker"] == "Bill Clinton"
    q = tk.quotes("Six in 10 voters said that the senator was honest.")
    assert q.iloc[0]["speaker_mention"] != "Six"
