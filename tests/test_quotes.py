"""tk.quotes / tk.speakers on real text.

Fixtures: the seed article (data/lavrov_2015_afp.txt), sentences from the
bundled English Wikinews sample (CC BY 2.5; doc ids cited per test) and the UN
General Debate / Kremlin corpora when ../shared is present.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import toolkit as tk
from toolkit.quotes import quotes, speakers

from .conftest import WIKINEWS


def _wikinews(doc_id: str) -> str:
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] == doc_id:
                return rec["text"]
    raise LookupError(doc_id)


def _sentence(doc_id: str, start: str, end: str) -> str:
    """A passage of a Wikinews article, from ``start`` up to and including ``end``."""
    text = _wikinews(doc_id)
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def _row(q: pd.DataFrame, needle: str) -> pd.Series:
    hits = q[q["text"].str.contains(needle, regex=False)]
    assert len(hits) == 1, (needle, q[["text", "kind"]].values.tolist())
    return hits.iloc[0]


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed_quotes(seed: tk.Document) -> pd.DataFrame:
    return quotes(seed)


SEED_EXPECTED = [
    # (words inside the quotation, kind, speaker, attribution, cue lemma or None, mention)
    ("It is absolutely clear to me", "direct", "Sergei Lavrov", "explicit", "tell",
     "Russian Foreign Minister Sergei Lavrov"),
    ("our American colleagues cannot accept", "direct", "Sergei Lavrov", "inherited", None, None),
    ("very far, very far", "partial", "Sergei Lavrov", "descriptor", "warn", "Moscow's top diplomat"),
    ("They already make a lot of progress", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("And even in northern Afghanistan", "direct", "Sergei Lavrov", "inherited", None, None),
    ("If people continue to acquiesce", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("Because these people put the fate", "direct", "Sergei Lavrov", "explicit", "say", "Lavrov"),
    ("Saddam Hussein was the one person", "direct", "Sergei Lavrov", "inherited", None, None),
    ("Gaddafi is the same", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("Do you believe that the American troops", "direct", "Sergei Lavrov", "inherited", None, None),
]


@pytest.mark.parametrize(("needle", "kind", "speaker", "attribution", "cue", "mention"), SEED_EXPECTED)
def test_seed_every_quotation_attributed(seed_quotes, needle, kind, speaker, attribution, cue, mention):
    row = _row(seed_quotes, needle)
    assert (row["kind"], row["speaker"], row["attribution"]) == (kind, speaker, attribution)
    assert (None if pd.isna(row["cue"]) else row["cue"]) == cue
    assert (None if pd.isna(row["speaker_mention"]) else row["speaker_mention"]) == mention


def test_seed_lead_partial_quote_is_russia_and_repeat_is_duplicate(seed, seed_quotes):
    lead = seed_quotes[(seed_quotes["text"] == "very far") & (seed_quotes["kind"] == "partial")]
    assert lead["speaker"].tolist() == ["Russia", "Russia"]
    assert lead["duplicate"].tolist() == [False, True]
    first = lead.iloc[0]
    # the content is the reported clause containing the quoted words
    content = seed.text[first["content_start"] : first["content_end"]]
    assert content.endswith('could go "very far" if not stopped')
    assert first["cue"] == "warn"


def test_seed_scare_quotes_have_no_speaker(seed_quotes):
    scare = seed_quotes[seed_quotes["kind"] == "scare"]
    assert set(scare["text"]) == {"jihadists", "Islamic caliphate"}
    assert scare["speaker"].isna().all()
    assert (scare["attribution"] == "none").all()


def test_seed_indirect_speech(seed, seed_quotes):
    row = _row(seed_quotes, "he was not optimistic about the future of the region")
    assert (row["kind"], row["speaker"], row["cue"]) == ("indirect", "Sergei Lavrov", "add")
    assert seed.text[row["start"] : row["end"]] == row["text"]


def test_seed_offsets_point_into_original_text(seed, seed_quotes):
    for r in seed_quotes.itertuples():
        assert seed.text[r.start : r.end] == r.text
        assert r.content_start <= r.start and r.end <= r.content_end
        if pd.notna(r.speaker_start):
            assert seed.text[r.speaker_start : r.speaker_end] == r.speaker_mention
        if pd.notna(r.cue_start):
            assert r.cue_end > r.cue_start
    # apostrophes (That's, They've, Libya's) never open or close a quotation
    assert not seed_quotes["text"].str.fullmatch(r"s|ve").any()


def test_seed_speakers_table(seed):
    table = speakers(seed)
    assert table["speaker"].tolist()[0] == "Sergei Lavrov"
    assert set(table["speaker"]) <= {"Sergei Lavrov", "Russia"}
    assert table["share"].sum() == pytest.approx(1.0)
    lav = table.set_index("speaker").loc["Sergei Lavrov"]
    assert lav["quotes"] >= 10


# --------------------------------------------------------------------------- hard cases on Wikinews text


def test_split_quote_is_one_row_with_two_fragments_and_pronoun_resolved():
    # wikinews-1f179fd7cf4e (Conception boat fire): the Coast Guard captain is named in the
    # sentence before, then quoted with a split quote attributed to "she"
    doc = tk.Document(_sentence("wikinews-1f179fd7cf4e", "The United States Coast Guard", "of the victims.\""))
    q = quotes(doc)
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1
    row = direct.iloc[0]
    assert row["text"].startswith("It is never an easy decision") and row["text"].endswith("of the victims.")
    assert (row["speaker"], row["speaker_mention"], row["attribution"]) == ("Monica Rochester", "she", "pronoun")
    frags = [tuple(map(int, f.split("-"))) for f in row["fragments"].split(";")]
    assert [doc.text[a:b] for a, b in frags][1].startswith("We know that")
    assert len(frags) == 2 and "she said" not in " ".join(doc.text[a:b] for a, b in frags)


def test_inverted_attribution_and_short_form_to_full_name():
    # wikinews-1f179fd7cf4e: '"…," said Santa Barbara County Sheriff Bill Brown.' then 'according to Brown'
    q = quotes(_sentence("wikinews-1f179fd7cf4e", "\"This is probably the worst-case", "according to Brown."))
    direct = _row(q, "worst-case scenario")
    assert (direct["speaker"], direct["cue"], direct["attribution"]) == ("Bill Brown", "say", "explicit")
    assert direct["speaker_mention"] == "Santa Barbara County Sheriff Bill Brown"
    according = q[q["cue"] == "according to"].iloc[0]
    assert (according["kind"], according["speaker"]) == ("indirect", "Bill Brown")
    assert according["speaker_mention"] == "Brown"


@pytest.mark.parametrize(
    ("doc_id", "start", "end", "needle", "speaker", "cue"),
    [
        # according to + comma
        ("wikinews-bbc66cad5215", "According to eyewitness Vinnie DeVita", "ball of flames.\"",
         "within probably 15 to 20 seconds", "Vinnie DeVita", "according to"),
        # a colon after "in a statement"
        ("wikinews-efcf591a7967", "Vladimir Putin, president of Russia", "Robert Mugabe.", "Many important dates",
         "Vladimir Putin", "say"),
        # tweeted
        ("wikinews-b24755064580", "Prime Minister Mateusz Morawiecki tweeted", "prayers.\"", "We are with Mayor",
         "Mateusz Morawiecki", "tweet"),
        # told reporters, with an apposition between speaker and cue
        ("wikinews-b2723307906a", "Sophie Obadia, another lawyer", "private life.", "Women in France",
         "Sophie Obadia", "tell"),
    ],
)
def test_cues(doc_id, start, end, needle, speaker, cue):
    row = _row(quotes(_sentence(doc_id, start, end)), needle)
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", speaker, cue)


def test_organisation_and_anonymous_sources():
    # wikinews-bbc66cad5215: an organisation tweets a partial quote
    q = quotes(_sentence("wikinews-bbc66cad5215", "The Alachua Sheriff", "all hands on deck.\""))
    row = _row(q, "required all hands on deck")
    assert (row["kind"], row["speaker"], row["cue"]) == ("partial", "Alachua Sheriff's Office", "tweet")
    # wikinews-2debebd5ab53: reported speech closed by ", German officials said."
    q = quotes(_sentence("wikinews-2debebd5ab53", "The Federal Aviation Office", "officials said."))
    row = q.iloc[0]
    assert (row["kind"], row["speaker"], row["text"]) == (
        "indirect", "German officials", "The Federal Aviation Office of Germany has suspended Mahan's permit")


def test_titles_of_works_and_nicknames_are_not_quotations():
    # wikinews-b2b15ef5d181 (a retrospective "entitled" …) and wikinews-8a26b61791a1 (Jeremy "Spike" Cohen)
    title = _sentence("wikinews-b2b15ef5d181", "a special retrospective", "(ABC).")
    nickname = _sentence("wikinews-8a26b61791a1", "The next day, the party", "third ballot.")
    assert quotes(title).empty
    assert quotes(nickname).empty


def test_typography_variants_give_the_same_quotations():
    # wikinews-b24755064580, re-typeset with typographic, German and guillemet marks
    base = _sentence("wikinews-b24755064580", "Prime Minister Mateusz Morawiecki tweeted", "prayers.\"")
    variants = [
        base,
        base.replace('"We', "\u201cWe").replace('."', ".\u201d"),
        base.replace('"We', "\u201eWe").replace('."', ".\u201c"),
        base.replace('"We', "\u00abWe").replace('."', ".\u00bb"),
    ]
    got = [quotes(v)[["text", "speaker", "kind"]].values.tolist() for v in variants]
    assert all(g == got[0] for g in got) and got[0][0][1] == "Mateusz Morawiecki"
    # offsets stay in the original text whatever the marks
    for v in variants:
        r = quotes(v).iloc[0]
        assert v[r["start"] : r["end"]] == r["text"]


def test_nested_single_quotes_stay_inside_the_outer_quotation():
    # wikinews-fd398e028e45: "Before I ran … think, 'There's just not as many females …"
    text = _sentence("wikinews-fd398e028e45", "A Republican Assemblywoman, Jill Tolles", "Republican Party")
    text = text + ".'\""
    q = quotes(text)
    # ("commented on party disparity …" before the colon is a reported topic, an indirect row of its own)
    q = q[q["kind"] != "indirect"]
    assert len(q) == 1
    row = q.iloc[0]
    assert row["kind"] == "direct" and row["speaker"] == "Jill Tolles"
    assert "There's just not as many females" in row["text"]


def test_unbalanced_marks_never_raise():
    # wikinews-b24755064580 with the closing mark removed, and with a stray extra mark
    base = _sentence("wikinews-b24755064580", "Prime Minister Mateusz Morawiecki tweeted", "prayers.\"")
    open_only = base[:-1]
    q = quotes(open_only)
    assert q.iloc[0]["text"].startswith("We are with Mayor") and q.iloc[0]["speaker"] == "Mateusz Morawiecki"
    for broken in (open_only + ' "', '"' + base, base.replace('"', "\u201c"), '"', "'", "''", '"\n"'):
        quotes(broken)  # must not raise


def test_multi_paragraph_quote_continues_with_inherited_speaker():
    # two consecutive quoted sentences of wikinews-1f179fd7cf4e set as a two-paragraph quote
    # (news convention: the first paragraph is not closed, the second opens again)
    text = (
        '"This is probably the worst-case scenario you can possibly have," said Santa Barbara County Sheriff '
        'Bill Brown. "You have a vessel that\'s on the open sea, that is in the middle of the night.\n'
        "\"I mean, it's 3:30 in the morning.\""
    )
    q = quotes(text)
    last = _row(q, "3:30 in the morning")
    assert (last["kind"], last["speaker"], last["attribution"]) == ("direct", "Bill Brown", "inherited")
    assert last["paragraph"] == 1
    first = _row(q, "worst-case")
    assert first["text"].endswith("middle of the night.")


def test_corpus_input_and_zero_rows():
    # a Wikinews-sample corpus gives one table with doc ids; a text without quotes gives an empty table
    corpus = tk.Corpus.from_documents([
        tk.Document(_sentence("wikinews-b24755064580", "Prime Minister Mateusz Morawiecki tweeted", "prayers.\""),
                    id="wikinews-b24755064580"),
        tk.Document(_sentence("wikinews-2debebd5ab53", "The Federal Aviation Office", "officials said."),
                    id="wikinews-2debebd5ab53"),
    ])
    q = quotes(corpus)
    assert q["doc_id"].tolist() == ["wikinews-b24755064580", "wikinews-2debebd5ab53"]
    empty = quotes("The weather was fine on Tuesday.")
    assert empty.empty and list(empty.columns) == list(q.columns)
    assert speakers("The weather was fine.").empty


def test_parallel_gives_the_same_table(wikinews):
    docs = tk.Corpus.from_documents(list(wikinews.head(12)))
    one = quotes(docs)
    two = quotes(docs, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) > 20


def test_parenthetical_and_closing_attributions():
    # wikinews-bbc66cad5215: 'The guardrail would be examined, Roberts said, to determine …'
    q = quotes(_sentence("wikinews-bbc66cad5215", "The guardrail would be examined", "designed."))
    row = q.iloc[0]
    assert (row["kind"], row["speaker"], row["cue"], row["rule"]) == (
        "indirect", "Roberts", "say", "indirect:parenthetical")
    frags = [tuple(map(int, f.split("-"))) for f in row["fragments"].split(";")]
    assert len(frags) == 2 and all("Roberts" not in row["text"][a - row["start"] : b - row["start"]] for a, b in frags)
    # wikinews-1a1842869eb1: '…, Zapata said, adding it required much endurance …'
    q = quotes(_sentence("wikinews-1a1842869eb1", "Strong winds over the Channel", "stay airborne."))
    kinds = q.set_index("cue")
    assert kinds.loc["say", "text"] == "Strong winds over the Channel presented difficulty during the crossing"
    assert kinds.loc["add", "speaker"] == "Zapata"


def test_anonymous_sources_and_addressees():
    # wikinews-e85e21a0a901: '…, officials told state media, adding that …' and 'its source said that …'
    q = quotes(_sentence("wikinews-e85e21a0a901", "A total of 39 are confirmed dead", "yesterday."))
    assert q[["speaker", "cue"]].values.tolist() == [["officials", "tell"], ["officials", "add"]]
    assert q.iloc[1]["text"] == "rescuers ended their work yesterday"
    q = quotes(_sentence("wikinews-e85e21a0a901", "Znak.com further reported its source said", "blast."))
    assert q.iloc[0]["speaker_mention"] == "its source" and q.iloc[0]["cue"] == "say"
    # wikinews-8c55c9d87c78: the addressee is skipped, the apposition is not the speaker
    q = quotes(_sentence("wikinews-8c55c9d87c78", "Jasim Uddin, a spokesperson", "single family."))
    row = q.iloc[0]
    assert (row["speaker"], row["text"]) == ("Jasim Uddin", "four victims were from a single family")


def test_markup_residue_is_not_quoted(seed):
    # a seed paragraph wrapped in scraped HTML: attribute values in tags are not quotations
    para = seed.text.splitlines()[12]  # '"Gaddafi is the same," he said, referring to Libya's fallen dictator.'
    html = f'<p class="story-body" data-id="12">{para}</p>'
    q = quotes(seed.text.replace(para, html))
    row = _row(q, "Gaddafi is the same")
    assert (row["speaker"], row["attribution"]) == ("Sergei Lavrov", "pronoun")
    assert not q["text"].str.contains("story-body|12", regex=True).any()


def test_finding_and_announcing_verbs_take_a_bare_clause():
    # sentences written for this test: "show", "announce", "suggest" report a clause without "that"
    q = quotes("A new survey shows the mayor leading the race by ten points.")
    r = _row(q, "mayor leading")
    assert (r["kind"], r["cue"], r["speaker_mention"], r["rule"]) == (
        "indirect", "show", "A new survey", "indirect:speaker_cue")
    r = _row(quotes("The senator announced she will run for a third term next year."), "she will run")
    assert (r["cue"], r["speaker_mention"]) == ("announce", "The senator")


def test_a_cue_word_after_a_determiner_is_a_noun():
    # "The report said …": the speaker is "The report", not a cue "report" with speaker "The"
    r = _row(quotes("The report said the agency lost the money."), "agency lost")
    assert (r["text"], r["cue"], r["speaker_mention"]) == ("the agency lost the money", "say", "The report")
    assert quotes("The claims the senator made were false.").empty
    assert quotes("His promise to cut taxes was popular with voters.").empty


def test_warn_without_an_addressee_keeps_the_whole_clause():
    r = _row(quotes("In the report, the agency warns the money is lost."), "money")
    assert (r["text"], r["cue"]) == ("the money is lost", "warn")


def test_party_label_after_the_speaker_name():
    # sentences written for this test: "(R-Texas)" between the name and the cue
    r = _row(quotes("Sen. Jane Doe (R-Texas) argued the bill would pass by the end of the month."), "bill")
    assert (r["speaker"], r["speaker_mention"], r["cue"], r["rule"]) == (
        "Jane Doe", "Sen. Jane Doe", "argue", "indirect:speaker_cue")
    r = _row(quotes("Sen. Jane Doe (R-Texas), a member of the committee, said the bill would pass soon."), "bill")
    assert (r["speaker_mention"], r["rule"]) == ("Sen. Jane Doe", "indirect:speaker_cue")


def test_adverbial_with_a_possessive_before_that():
    r = _row(quotes("Smith said in her closing speech that the club should keep its old name."), "club")
    assert (r["text"], r["speaker"], r["cue"]) == ("the club should keep its old name", "Smith", "say")


def test_a_new_frame_after_a_dash_or_before_ends_the_clause():
    q = quotes("The mayor said the budget was balanced — adding that taxes would not rise next year.")
    assert _row(q, "budget")["text"] == "the budget was balanced"
    r = _row(q, "taxes")
    assert (r["cue"], r["speaker_mention"], r["rule"]) == ("add", "The mayor", "indirect:participle")
    q = quotes("The mayor said the storm had spared the old harbour and the boats before claiming that the port "
               "was to blame.")
    assert _row(q, "storm")["text"] == "the storm had spared the old harbour and the boats"
    assert _row(q, "port")["cue"] == "claim"


def test_refusal_verbs_report_the_infinitive():
    r = _row(quotes("The governor declined to comment on the lawsuit filed by the union."), "lawsuit")
    assert (r["text"], r["cue"], r["speaker_mention"]) == (
        "to comment on the lawsuit filed by the union", "decline", "The governor")


def test_long_according_to_source_at_the_sentence_start():
    q = quotes("According to early results of exit polls conducted by a research firm for several "
               "television networks, most voters in the state wanted a change.")
    r = _row(q, "most voters")
    assert (r["cue"], r["rule"]) == ("according to", "indirect:according_to")
    assert r["speaker_mention"].startswith("early results of exit polls")


def test_headline_name_colon_claim():
    # a headline written for this test: "Name: claim" reports the claim
    q = quotes("Doe: No new taxes for the harbour district this year\n\nThe mayor spoke on Friday.")
    r = _row(q, "No new taxes")
    assert (r["kind"], r["speaker"], r["cue"], r["rule"]) == ("indirect", "Doe", ":", "indirect:headline")
    q = quotes("Roe: Council would close the pool, 'I fear the same is true' for the library\n\nText.")
    r = _row(q, "I fear")
    assert (r["kind"], r["speaker"], r["rule"]) == ("partial", "Roe", "partial:headline")
    assert q["content_end"].iloc[0] > r["end"]
    assert quotes("Update: 10:30 a.m.\n\nText.").empty  # no clause after the colon
    assert quotes("The plan was simple\n\nLater: the team met again in the city hall.").empty  # not the headline


def test_progressive_cue_and_a_noun_cue_word_inside_the_speaker():
    q = quotes('The governor is telling a crowd in Dover that the fee is "nothing," compared to the old tax.')
    r = _row(q, "nothing")
    assert (r["kind"], r["speaker_mention"], r["cue"]) == ("partial", "The governor", "tell")
    q = quotes('Residents in each state say the new bus routes are "good enough," though many disagree.')
    r = _row(q, "good enough")
    assert (r["kind"], r["speaker_mention"], r["cue"]) == ("partial", "Residents in each state", "say")


def test_more_naming_verbs_and_imply():
    s = 'The club president dismissed the complaint as "silly" on Monday.'
    r = _row(quotes(s), "silly")
    assert (r["kind"], r["cue"], r["rule"]) == ("partial", "dismiss", "partial:speaker_cue:naming")
    assert s[r["content_start"] : r["content_end"]] == 'the complaint as "silly" on Monday'
    # without quoted words the object is what the verb reports on (PolNeAR marks such objects as content)
    r = quotes("The club president dismissed the complaint on Monday.", noun_phrases=True).iloc[0]
    assert (r["kind"], r["text"], r["rule"]) == (  # (the time of the report is no part of the object)
        "indirect", "the complaint", "indirect:speaker_cue:noun_phrase")
    assert quotes("The club president dismissed the complaint on Monday.").empty  # a stance, not a clause
    r = _row(quotes("He implied the referee was unfair because of the earlier match."), "referee")
    assert (r["kind"], r["cue"]) == ("indirect", "imply")


def test_proposal_and_question_verbs():
    r = _row(quotes("The mayor proposed a new tax on large companies in the city.", noun_phrases=True), "new tax")
    assert (r["text"], r["cue"], r["speaker_mention"]) == (
        "a new tax on large companies in the city", "propose", "The mayor")
    r = _row(quotes("The senator questioned whether the agency could finish the work on time."), "agency")
    assert (r["text"], r["cue"]) == ("whether the agency could finish the work on time", "question")


def test_closing_cue_after_a_common_noun_speaker():
    r = _row(quotes("Nearly 40 libraries have shut since 2010, the association says."), "libraries")
    assert (r["text"], r["speaker_mention"], r["rule"]) == (
        "Nearly 40 libraries have shut since 2010", "the association", "indirect:clause_speaker_cue")
    r = _row(quotes("The bridge was safe until last spring, a city engineer told The Boston Globe."), "bridge")
    assert (r["speaker_mention"], r["cue"]) == ("a city engineer", "tell")


def test_adverbial_then_subject_pronoun_starts_the_clause():
    r = _row(quotes("The farmer said on Monday he sold the land two years ago."), "sold")
    assert (r["text"], r["speaker_mention"]) == ("he sold the land two years ago", "The farmer")


def test_title_case_headline_says():
    r = _row(quotes("Doe Says She Will Open Two New Parks\n\nText."), "Parks")
    assert (r["text"], r["speaker"], r["cue"]) == ("She Will Open Two New Parks", "Doe", "say")
    assert quotes("The United States Reports Growth\n\nText.").empty


def test_asked_whether_reports_the_question_without_a_speaker():
    q = quotes("Asked whether she would sell the farm, the owner said she had not decided.")
    r = _row(q, "sell")
    assert (r["text"], r["cue"], r["rule"], r["attribution"]) == (
        "whether she would sell the farm", "ask", "indirect:asked", "none")
    assert pd.isna(r["speaker"])
    assert _row(q, "not decided")["speaker"] == "the owner"
    r = _row(quotes("When asked what the new museum would cost, he laughed."), "museum")
    assert r["text"] == "what the new museum would cost"


def test_a_poll_finds_without_that_and_a_short_infinitive():
    r = _row(quotes("A spring survey found the mayor receiving 30 percent support from retirees."), "receiving")
    assert (r["text"], r["speaker"], r["cue"]) == (
        "the mayor receiving 30 percent support from retirees", "A spring survey", "find")
    assert quotes("The senator found the keys in his office on Monday.").empty  # a person: "found" needs "that"
    r = _row(quotes("The spokesman declined to comment."), "comment")
    assert (r["text"], r["cue"]) == ("to comment", "decline")


def test_called_for_reports_the_demand():
    r = _row(quotes("The senator called for a ban on assault weapons after the shooting.", noun_phrases=True), "ban")
    assert (r["text"], r["speaker"], r["cue"]) == (
        "a ban on assault weapons after the shooting", "The senator", "call for")
    # the noun "call for" is no cue; the passive "was rejected by the committee" reports the subject
    q = quotes("The call for a ban was rejected by the committee in June.", noun_phrases=True)
    assert q[["text", "speaker", "cue"]].values.tolist() == [["The call for a ban", "the committee", "reject"]]


def test_an_opening_adverbial_is_not_a_reported_clause():
    r = _row(quotes("In a radio address, she declared that the harbour would reopen."), "harbour")
    assert (r["text"], r["rule"]) == ("the harbour would reopen", "indirect:speaker_cue")
    r = _row(quotes("In the end the plan failed, he said on Tuesday."), "plan")
    assert (r["text"], r["rule"]) == ("In the end the plan failed", "indirect:clause_speaker_cue")
    # an abbreviation's dot does not end the tail: the poll's finding runs on past "Sen."
    r = _row(quotes("By late March, a survey shows Dr. Ann Lee leading the race for mayor."), "leading")
    assert (r["text"], r["speaker_mention"]) == ("Dr. Ann Lee leading the race for mayor", "a survey")


def test_a_relative_clause_after_a_comma_ends_the_reported_clause():
    s = 'The coach said he was "joking" in his remarks, which upset several parents.'
    r = _row(quotes(s), "joking")
    assert s[r["content_start"] : r["content_end"]] == 'he was "joking" in his remarks'


def test_evidential_seems_reports_the_clause_without_a_speaker():
    r = _row(quotes("By the end of the meeting, the committee seemed to be losing patience."), "committee")
    assert (r["text"], r["cue"], r["rule"], r["attribution"]) == (
        "the committee seemed to be losing patience", "seemed", "indirect:evidential", "none")
    assert pd.isna(r["speaker"])
    r = _row(quotes("It appears, however, that the old bridge was never inspected."), "bridge")
    assert r["text"] == "the old bridge was never inspected"
    assert quotes("The senator appeared on television on Sunday.").empty  # showing up, not seeming


def test_passive_report_is_expected_to():
    r = _row(quotes("The new line is expected to carry ten thousand riders a day."), "riders")
    assert (r["text"], r["cue"], r["rule"]) == (
        "The new line is expected to carry ten thousand riders a day", "expected", "indirect:evidential")
    assert pd.isna(r["speaker"])


def test_according_to_inside_or_after_a_colon():
    s = "Behind the delay, according to a city auditor, was a decision by the council to change suppliers."
    r = _row(quotes(s), "delay")
    assert (r["speaker"], r["rule"]) == ("a city auditor", "indirect:according_to")
    assert r["fragments"] == f"0-16;{s.index('was')}-{len(s) - 1}"
    assert s[r["content_start"] : r["content_end"]] == s[:-1]
    r = _row(quotes("The trend is clear: According to recent surveys, the museum draws only 14 percent."), "draws")
    assert (r["text"], r["speaker"]) == ("the museum draws only 14 percent", "recent surveys")


def test_possessive_claim_noun_that():
    r = _row(quotes("Doe rejected Smith's claim that the vote was rigged."), "rigged")
    assert (r["text"], r["speaker"], r["cue"], r["rule"]) == (
        "the vote was rigged", "Smith", "claim", "indirect:claim_noun")
    q = quotes("The mayor repeated his warning that the budget would not balance this year.")
    assert len(q) == 1 and q["cue"].iloc[0] == "repeat"  # one row for one clause


def test_an_apposition_right_after_the_subject_does_not_end_the_clause():
    s = 'Jones also said that the network, a sister channel, has done an "awful" job of covering the race.'
    r = _row(quotes(s), "awful")
    assert (r["kind"], r["speaker"]) == ("partial", "Jones")
    assert s[r["content_start"] : r["content_end"]] == s[s.index("the network") : -1]


def test_relative_who_takes_the_phrase_before_it() -> None:
    q = tk.quotes("Reporters also contacted the Navy, who said the ship had vanished from a quiet area.")
    row = q[q["kind"] == "indirect"].iloc[0]
    # the mention is the relative pronoun (the surface source, as PolNeAR marks it), the name its antecedent's
    assert row["speaker"] == "Navy" and row["speaker_mention"] == "who"


def test_no_speaker_is_a_bare_determiner_or_relative_pronoun(wikinews) -> None:
    """On the bundled Wikinews sample (CC BY 2.5): 'The' or 'who' is never given as who spoke."""
    q = tk.quotes(wikinews)
    assert len(q) > 1000
    named = q.loc[q["speaker"].notna()]
    # (an interview's turn label may be initials that spell a determiner: "((AN)) There is not …")
    bare = named["speaker"].str.lower().isin(["the", "a", "an", "who", "whom", "which", "that"]) \
        & ~((named["rule"] == "direct:transcript") & named["speaker"].str.isupper())
    assert not bare.any(), named.loc[bare, ["doc_id", "speaker", "rule"]].head()


def test_sentence_opening_adverb_is_not_part_of_a_name() -> None:
    text = ("Afterwards Trump visited California. Trump said the fires were a state matter. "
            "Grand Master Ehsan Ghaem-Maghami said he would play on.")
    assert tk.quotes(text)["speaker"].tolist() == ["Trump", "Ehsan Ghaem-Maghami"]


# --------------------------------------------------------------------------- nominal frames and subjects (#14.2)


def test_a_noun_of_saying_reports_its_topic_after_its_preposition():
    # wikinews-4b5f0c576d24: the possessor holds the attacks; the row is a noun-phrase report
    s = _sentence("wikinews-4b5f0c576d24", "During his eulogy, Obama", "mail-in voting")
    r = _row(quotes(s, noun_phrases=True), "mail-in voting")
    assert (r["cue"], r["speaker_mention"], r["rule"]) == ("attacks", "his", "indirect:topic:noun_phrase")
    assert quotes(s)["rule"].str.contains("topic").sum() == 0  # left out of the default table
    # wikinews-efcf591a7967: no holder named, in a sentence without quotation marks
    s = _sentence("wikinews-efcf591a7967", "which again was marred", "tampering.")
    r = _row(quotes(s, noun_phrases=True), "fraud and tampering")
    assert (r["cue"], r["attribution"]) == ("allegations", "none")
    # sentences written for this test: the subject of the verb that takes the noun, and of be + an adjective
    r = _row(quotes("Christie unleashed withering attacks against Rubio in the debate.", noun_phrases=True), "Rubio")
    assert (r["text"], r["speaker"]) == ("Rubio in the debate", "Christie")
    r = _row(quotes("Trump also took multiple swipes at his rival.", noun_phrases=True), "rival")
    assert r["speaker"] == "Trump"
    r = _row(quotes("Republicans have been critical of the plan.", noun_phrases=True), "plan")
    assert (r["text"], r["speaker"], r["cue"]) == ("the plan", "Republicans", "critical")
    # wikinews-e5a153d28632: an -s form after "to" is a noun ("lead to international public calls for …")
    s = _sentence("wikinews-e5a153d28632", "Kurdi's image lead to", "from Syria")
    r = _row(quotes(s, noun_phrases=True), "more effort")
    assert (r["cue"], r["rule"]) == ("calls", "indirect:topic:noun_phrase")
    # a verb, not a noun: the verb's own rule reports it
    r = _row(quotes("The researchers plan to gather information on more freshwater sources.", noun_phrases=True),
             "gather")
    assert (r["rule"], r["speaker"]) == ("indirect:speaker_cue:noun_phrase", "The researchers")


def test_a_noun_of_intention_reports_its_infinitive():
    # wikinews-bbeb110b6baf: "Trump's decision to allow part of the convention to take place at the White House"
    s = _sentence("wikinews-bbeb110b6baf", "Trump's decision to allow", "White House")
    r = _row(quotes(s, noun_phrases=True), "to allow")
    assert (r["text"], r["cue"], r["speaker_mention"]) == (
        "to allow part of the convention to take place at the White House", "decision", "Trump")


def test_a_claim_noun_without_a_possessor_reports_its_that_clause():
    # sentences written for this test
    r = _row(quotes("The senator made the claim that the election was rigged."), "rigged")
    assert (r["text"], r["speaker"], r["rule"]) == ("the election was rigged", "The senator", "indirect:claim_noun")
    r = _row(quotes("Markets fell on fears that the bank would collapse."), "collapse")
    assert (r["attribution"], r["cue"]) == ("none", "fears")
    assert quotes("The claim that was made in court is false.").empty  # a relative clause, no report


def test_subjects_the_noun_phrase_readers_refused():
    # wikinews-f07aa17cacf9: a subject with its modifiers, whole up to the verb
    s = _sentence("wikinews-f07aa17cacf9", "Polls at the start", "percent.")
    r = _row(quotes(s), "Joe Biden leading")
    assert r["speaker"] == "Polls at the start of the final full month on the campaign trail"
    # wikinews-b04aff846881: the subject before an apposition that ends at a comma right before the verb
    s = _sentence("wikinews-b04aff846881", "The militant organisation", "attacks.")
    r = _row(quotes(s, noun_phrases=True), "responsibility")  # (claimed responsibility: a noun-phrase object)
    assert (r["speaker"], r["text"]) == ("The militant organisation", "responsibility for all three attacks")
    # sentences written for this test
    for text, speaker in [("Six in 10 say he is at least somewhat decisive.", "Six in 10"),
                          ("Most believe that the economy has improved.", "Most"),
                          ("In a statement, the company, which employs 500 people, said it would appeal.",
                           "the company"),
                          ("Democrats - and some Republicans - say that the remarks will cost him.", "Democrats"),
                          ("Democratic voters are more likely to say that the senator shares their views.",
                           "Democratic voters")]:
        q = quotes(text)
        assert q["speaker"].tolist() == [speaker], text


def test_a_study_finds_and_a_poll_shows_without_inversion():
    # sentences written for this test
    r = _row(quotes("A survey by the organization in March found Mrs. Jones with a lead of seven points."), "lead")
    assert r["text"] == "Mrs. Jones with a lead of seven points"
    q = quotes("The poll, released on Wednesday night by the institute, showed Mrs. Jones leading among voters.")
    assert q[["text", "rule"]].values.tolist() == [["Mrs. Jones leading among voters", "indirect:speaker_cue"]]


def test_an_apposition_before_a_verb_with_its_object_is_no_closing_attribution():
    # wikinews-b9323b5ff042: "Agnès Callamard, a UN rapporteur …, cautioned justice does not come swiftly."
    s = _sentence("wikinews-b9323b5ff042", "Agnès Callamard, a UN rapporteur", "swiftly.")
    assert quotes(s)[["text", "speaker"]].values.tolist() == [["justice does not come swiftly", "Agnès Callamard"]]
    # a sentence written for this test
    q = quotes("Authorities in the state, the region next to the border, announced tighter controls on trucks.",
               noun_phrases=True)  # (announced tighter controls: a noun-phrase object)
    assert "indirect:clause_speaker_cue" not in q["rule"].tolist()
    assert _row(q, "tighter controls")["speaker"] == "Authorities in the state"
