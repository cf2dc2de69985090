"""English reported speech (#14.2, seventh pass): prepositional stance readings, on real text.

Fixtures: sentences of the bundled English Wikinews sample (data/wikinews_en_2019_2020.jsonl, CC BY 2.5;
doc ids cited per test) and of the bundled UN General Debate sample (data/ungdc_sample.jsonl.gz).
"""

from __future__ import annotations

import pandas as pd

from toolkit import lexicon
from toolkit.quotes import quotes

from .conftest import SEED
from .test_quotes_reported_en import _sentence


def _rows(doc_id: str, start: str, end: str) -> list[list[object]]:
    """The non-scare rows (content, rule, speaker mention, cue) of a passage of a bundled document, from
    ``start`` up to and including ``end``, with noun-phrase rows."""
    q = quotes(_sentence(doc_id, start, end), noun_phrases=True)
    q = q[q["kind"] != "scare"][["text", "rule", "speaker_mention", "cue"]]
    return q.astype(object).where(pd.notna(q), None).values.tolist()


def test_the_stance_row_of_agree_with_is_spelt_right():
    rows = {(r["form"], r["class"]): r for r in lexicon("reporting_verbs").to_dict("records")}
    assert ("agreeed", "stance") not in rows
    assert rows[("agreed", "stance")]["lemma"] == "agree with"
    assert rows[("agreed", "cognition")]["complement"] == "to"  # the verb of thinking stays as it was


def test_agree_with_an_object_is_a_stance_while_agree_that_stays_a_verb_of_thinking():
    # wikinews-f07aa17cacf9: a debate report, "La Riva agreed with the nationalization of …"
    assert _rows("wikinews-f07aa17cacf9", "La Riva agreed with", "Federal Reserve.") == [
        ["the nationalization of the Federal Reserve", "indirect:speaker_cue:noun_phrase", "La Riva", "agree with"]]
    # the same verb with a that-clause is read as before (the same debate report)
    assert [r[0::3] for r in _rows("wikinews-f07aa17cacf9", "La Riva, Hawkins, Blankenship, and Carroll all agreed",
                                   "harm.")] == [["vaccines have done more good than harm", "agree"]]


def test_a_verb_of_speaking_with_the_preposition_of_its_topic():
    # wikinews-f07aa17cacf9: argue for / against, warn of (Levin 1993, 37; Quirk et al. 1985, 16.5 ff.)
    assert _rows("wikinews-f07aa17cacf9", "Carroll argued for checks", "big tech.") == [
        ["checks and balances for big tech and for a new level of government to regulate big tech",
         "indirect:speaker_cue:noun_phrase", "Carroll", "argue for"]]
    assert _rows("wikinews-f07aa17cacf9", "Trump claimed carbon", "Accord.") == [
        ["carbon emissions have been lower during his administration", "indirect:speaker_cue", "Trump", "claim"],
        ["re-entering the Paris Climate Accord", "indirect:coordinated", "Trump", "argue against"]]
    assert _rows("wikinews-f07aa17cacf9", "Pierce expressed concern", "civil war.")[1] == [
        "an impending civil war", "indirect:coordinated", "Pierce", "warn of"]


def test_an_agent_noun_of_stance_with_its_holder():
    # Quirk et al. 1985, 17.52: the agent noun's of-phrase is what its holder stands for or against; the holder is
    # the subject it is predicated of (wikinews-a49bbb8935a6, wikinews-b24755064580, wikinews-45999c1db7de) ...
    assert _rows("wikinews-a49bbb8935a6", "Alexei Navalny is an outspoken critic", "Vladimir Putin.") == [
        ["Russian president Vladimir Putin", "indirect:topic:noun_phrase", "Alexei Navalny", "critic"]]
    assert _rows("wikinews-b24755064580", "Adamowicz was an early supporter", "since 1998.") == [
        ["democracy", "indirect:topic:noun_phrase", "Adamowicz", "supporter"]]
    assert _rows("wikinews-45999c1db7de", "Red Hat has always been a tremendous supporter", "open source") == [
        ["Linux and open source", "indirect:topic:noun_phrase", "Red Hat", "supporter"]]
    # ... or the agent noun's own phrase (the seed article)
    q = quotes(SEED.read_text(encoding="utf-8"), noun_phrases=True)
    assert q.loc[q["rule"] == "indirect:topic:noun_phrase", ["text", "speaker_mention", "cue"]].values.tolist() == [
        ["the Syrian President Bashar al-Assad", "the main backers", "backers"]]
    # a default table leaves such noun-phrase rows out
    assert "indirect:topic:noun_phrase" not in set(quotes(SEED.read_text(encoding="utf-8"))["rule"])


def test_an_adjective_of_stance_with_its_preposition():
    # wikinews-7acfd52b6741 (an interview): "excited about" after be, with the subject as holder
    assert _rows("wikinews-7acfd52b6741", "I was really excited about it", "stories.")[0] == [
        "it", "indirect:topic:noun_phrase", "I", "excited"]
    # ungdc-FRA-59-2004: "devoted to" with a subject that names no one (no name, no person noun) is no report
    assert _rows("ungdc-FRA-59-2004", "where more financial", "development,") == []


def test_an_opening_participle_or_gerund_clause_has_the_main_clause_subject():
    # wikinews-d6602653f7f3: a non-finite clause opening the sentence is attached to the main clause's subject
    # (Quirk et al. 1985, 15.58), which is the one who announced
    rows = _rows("wikinews-d6602653f7f3", "When announcing the shutdown", "in the public.")
    assert rows[0] == ["the shutdown on Monday", "indirect:opener:noun_phrase", "Prime Minister Tuilaepa", "announce"]
    # ungdc-RUS-70-2015: a verb of class that needs its clause right after it ("that" here opens a relative clause)
    assert not any(r[1].startswith("indirect:opener")
                   for r in _rows("ungdc-RUS-70-2015", "By establishing quotas", "amount of time,"))
    # ungdc-USA-25-1970: the main clause's subject must open the main clause
    assert not any(r[1].startswith("indirect:opener")
                   for r in _rows("ungdc-USA-25-1970", "In considering applications", "obligations."))
