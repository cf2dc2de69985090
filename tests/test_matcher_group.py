"""The analogy cue matchers scanned together (``MatcherGroup``) find exactly what each one's own scan finds.

Texts: the bundled UN General Debate sample (``data/ungdc_sample.jsonl.gz``, CC0) and English Wikinews
(``data/wikinews_en_2019_2020.jsonl``, CC BY 2.5).
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

import toolkit as tk
from toolkit import lexicons
from toolkit.devices.analogy import _cue_group, _cues
from toolkit.devices.matching import DocContext, MatcherGroup, PhraseMatcher

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def cue_matchers():
    return [matcher for _, matcher, _ in _cues(lexicons.packaged("analogy_cues"))]


@pytest.mark.parametrize(("name", "n_docs"), [("ungdc_sample.jsonl.gz", 12), ("wikinews_en_2019_2020.jsonl", 120)])
def test_group_hits_equal_each_matchers_own_scan(cue_matchers, name, n_docs):
    group = _cue_group(tuple(cue_matchers))
    sentences = hits = 0
    for doc in islice(tk.load_corpus(DATA / name), n_docs):
        ctx = DocContext(doc)
        for s, e in ctx.sentences:
            expected = [list(m.finditer(ctx.text, s, e)) for m in cue_matchers]
            assert group.finditer(ctx.text, s, e) == expected, ctx.text[s:e]
            assert group.finditer(ctx.text, s, e, [3]) == [expected[3]]
            sentences += 1
            hits += sum(map(len, expected))
    assert sentences > 500 and hits > 100  # the comparison saw real cue hits, not only empty lists


# real sentences: Wikinews (two) and a UN General Debate speech
WE_VE = "So we've been given this title that we don't even hold to put us down."
SO_CALLED = "we, the so-called statesmen of the world, should approach our tasks today."
A_LA = "Paris pleure les siens cet après-midi après cette effroyable attaque survenue à la @prefpolice."


def test_group_on_first_words_with_apostrophes_hyphens_and_accents():
    # first words cut at ' and - ("we've" starts with "we"), and one beyond ASCII ("à"); in each matcher the
    # longer pattern comes first in the alternation and wins where both match
    matchers = [PhraseMatcher(["we(?:'ve)? been", "we"], regex=True), PhraseMatcher(["so-called", "so"], regex=True),
                PhraseMatcher(["[àa] la", "à la @"], regex=True)]
    group = MatcherGroup(matchers)
    for text in (WE_VE, SO_CALLED, A_LA, A_LA.upper()):
        assert group.finditer(text, 0, len(text)) == [list(m.finditer(text)) for m in matchers]
    assert [h.text for h in group.finditer(WE_VE, 0, len(WE_VE))[0]] == ["we've been", "we"]
    assert [h.text for h in group.finditer(SO_CALLED, 0, len(SO_CALLED))[1]] == ["so-called"]
    assert [h.text for h in group.finditer(A_LA.upper(), 0, len(A_LA))[2]] == ["À LA @"]


def test_group_falls_back_on_a_case_variant_of_an_ascii_letter():
    # the long s matches "s" case-insensitively: a lower-cased lookup would miss it, the fallback does not
    matcher = PhraseMatcher(["statesmen"], regex=True)
    text = SO_CALLED.replace("s", "\u017f")
    assert MatcherGroup([matcher]).finditer(text, 0, len(text)) == [list(matcher.finditer(text))]
    assert [h.text for h in matcher.finditer(text)] == ["\u017ftate\u017fmen"]
