"""The analogy cue matchers scanned together (``MatcherGroup``) find exactly what each one's own scan finds.

Texts: the bundled UN General Debate sample (``data/ungdc_sample.jsonl.gz``, CC0) and English Wikinews
(``data/wikinews_en_2019_2020.jsonl``, CC BY 2.5).
"""

from __future__ import annotations

import re
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


@pytest.mark.parametrize(("name", "n_docs"), [("ungdc_sample.jsonl.gz", 20), ("wikinews_en_2019_2020.jsonl", 150)])
def test_lower_case_scan_of_an_ascii_text_finds_what_the_case_insensitive_scan_finds(name, n_docs):
    # the gazetteer's case-insensitive names are matched as exact patterns on the lower-cased copy of an
    # ASCII text; with that copy switched off the case-insensitive pattern runs on the text itself
    from copy import copy

    from toolkit.devices.analogy import _gazetteer_of

    fast = _gazetteer_of()[1]
    assert fast._lower_any is not None
    slow = copy(fast)
    slow._lower_any = None
    texts = hits = 0
    for doc in islice(tk.load_corpus(DATA / name), n_docs):
        text = DocContext(doc).text
        for variant in (text, text.upper(), text.title()):
            if variant.isascii():
                found = list(fast.finditer(variant))
                assert found == list(slow.finditer(variant))
                texts += 1
                hits += len(found)
    assert texts > 10 and hits > 20


@pytest.mark.parametrize("name", ["lavrov_2015_afp.txt", "ungdc_sample.jsonl.gz", "wikinews_en_2019_2020.jsonl"])
def test_sentence_words_are_the_token_pattern_per_sentence(name):
    # DocContext.sentence_words reads an ASCII text with the re engine on its lower-cased copy: the same
    # tokens as the toolkit's pattern (third-party regex engine) finds in each sentence, lower-cased
    import regex

    from toolkit import text as _text

    words = regex.compile(_text.WORD_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
    n = 0
    for doc in islice(tk.load_corpus(DATA / name), 40):
        for variant in (doc.text, doc.text.upper()):
            ctx = DocContext(tk.Document(variant))
            expected = [[(m.start(), m.end(), m.group().lower()) for m in words.finditer(ctx.text, s, e)]
                        for s, e in ctx.sentences]
            assert ctx.sentence_words == expected
            assert ctx.sentence_lower == [[w for _, _, w in sent] for sent in expected]
            n += sum(map(len, expected))
    assert n > 500


def test_every_match_of_a_scan_only_entry_holds_one_of_its_required_strings():
    # the scan-only entries are searched for only in a text holding one of their required strings
    # (literals before an alternation of literals join it: "-backed", "-funded"); every match must hold one
    from toolkit.devices.matching import CUE_LEXICONS, _required_factors, lexicon_matcher

    checked = 0
    texts = [DocContext(d).text for d in islice(tk.load_corpus(DATA / "wikinews_en_2019_2020.jsonl"), 60)]
    texts += [DocContext(d).text for d in islice(tk.load_corpus(DATA / "ungdc_sample.jsonl.gz"), 15)]
    for name in CUE_LEXICONS:
        matcher = lexicon_matcher(name)[0]
        for i, pattern in enumerate(matcher._anchored):
            factors = _required_factors(pattern.pattern, pattern.flags)
            if factors is None:
                continue
            for text in texts:
                for m in pattern.finditer(text):
                    assert any(f.lower() in m.group().lower() for f in factors), (name, i, m.group())
                    checked += 1
    assert checked > 300
    assert _required_factors(r"[A-Z][a-z]+-(?:backed|funded)", re.IGNORECASE) == ("-backed", "-funded")
