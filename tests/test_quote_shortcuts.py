"""The speed shortcuts of the quote rules give what the plain scans give, on real text.

Each shortcut replaces a regex scan by a cheaper equivalent (docs/benchmarks.md, *tk.quotes per core*);
these tests run both on the seed article (data/lavrov_2015_afp.txt) and the bundled English Wikinews
sample (CC BY 2.5) and compare.
"""

from __future__ import annotations

import importlib
import json
import re
import sys

import pytest

import toolkit as tk
from toolkit import text as _text
from toolkit.quotes import cues, indirect, tokens
from toolkit.text import TOKEN_PATTERN

from .conftest import ROOT, WIKINEWS

speakers = importlib.import_module("toolkit.quotes.speakers")  # (the package exports a function of that name)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = [(ROOT / "data" / "lavrov_2015_afp.txt").read_text(encoding="utf-8")]
    with WIKINEWS.open(encoding="utf-8") as fh:
        out += [json.loads(line)["text"] for line in fh][:60]
    return out


def test_the_characters_that_fold_to_ascii_letters_are_listed():
    # every code point beyond ASCII that a case-insensitive pattern matches with an ASCII letter
    beyond = "".join(map(chr, range(128, sys.maxunicode + 1)))
    found = set(re.findall("[a-z]", beyond, re.IGNORECASE))
    assert found == set(indirect._FOLDS_TO_ASCII.pattern.strip("[]"))


def test_the_prefilter_with_cue_positions_decides_as_the_three_scans(texts):
    whole, at_start, before_that, words = indirect._prefilter()
    assert words is not None  # every cue word is a cue position: the shortcut is on
    decided = 0
    for text in texts:
        nt = tk.Document(text).normalized.text
        cue_pos = cues._cue_positions(nt)
        for m in re.finditer(r"[^.!?\n]+[.!?\n]?", nt):  # sentence-like windows, and every cut at a space
            for s, e in ((m.start(), m.end()), (m.start(), nt.find(" ", m.start() + 10, m.end()))):
                if e <= s:
                    continue
                starts = [c for c in cue_pos if s <= c < e]
                plain = bool(whole.search(nt, s, e) or at_start.match(nt, s, e) or before_that.search(nt, s, e))
                assert indirect._may_report(nt, s, e, starts) == plain, nt[s:e]
                decided += 1
    assert decided > 1000


def test_cue_positions_are_the_runs_of_letters_that_begin_a_cue(texts):
    first = cues._lex().first_words | {"that"}
    joined = "\n\n".join(texts)  # longer than one piece of the scan: cut in pieces, with a Kelvin sign in one
    assert len(joined) > 2 * cues._PIECE
    for text in [*texts, joined, joined[:100_000] + "\u212a" + joined[100_000:]]:
        nt = tk.Document(text).normalized.text
        runs = [m.start() for m in re.finditer("[A-Za-z]{2,}", nt) if m.group().lower() in first]
        assert cues._cue_positions(nt) == runs


def test_name_scans_at_word_starts_are_finditer_with_a_boundary(texts):
    for pattern in (speakers._NAME_RUN, speakers._honorific_name()):
        bounded = re.compile(r"\b" + pattern.pattern)
        for text in texts:
            nt = tk.Document(text).normalized.text
            found = [m.span() for m in tokens._finditer_at_word_start(pattern, nt)]
            assert found == [m.span() for m in bounded.finditer(nt)]


def test_token_scan_is_the_token_pattern(texts):
    plain = re.compile(TOKEN_PATTERN)
    for text in texts:
        nt = tk.Document(text).normalized.text
        for s in range(0, len(nt), 997):
            got = [(t.s, t.e, t.t, t.low, t.cap) for t in tokens._scan_tokens(nt, s, s + 1500)]
            want = [(m.start(), m.end(), m.group(), m.group().lower(), m.group()[:1].isupper())
                    for m in plain.finditer(nt, s, s + 1500)]
            assert got == want


def test_paragraph_breaks_at_line_breaks_are_finditer(texts):
    for text in texts:
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n\n", "\r\r\n"), text.replace("\n", "\u2028")):
            for pattern in (_text._BLANK_LINE, _text._PARA_SPLIT_BLANK, _text._PARA_SPLIT_LINE):
                assert _text._spans_at_breaks(pattern, variant) == [m.span() for m in pattern.finditer(variant)]


def test_candidate_tokens_are_those_at_a_cue_position_and_before_one(texts):
    for text in texts:
        nt = tk.Document(text).normalized.text
        cue_pos = cues._cue_positions(nt)
        for m in re.finditer(r"[^.!?\n]+[.!?\n]?", nt):
            toks = tokens._tokens(nt, m.start(), m.end())
            cands = {c for c in cue_pos if m.start() <= c < m.end()}
            want = [k for k, t in enumerate(toks)
                    if t.s in cands or (k + 1 < len(toks) and toks[k + 1].s in cands)]
            assert indirect._candidate_indices(toks, sorted(cands)) == want


def test_paragraph_key_words_of_ascii_text_are_the_regex_runs(texts):
    for text in texts:
        for para in [*text.split("\n"), "ſ and \u212a fold, ıİ do not", "snake_case and 3.5-fold x2"]:
            low = _text.normalize(para).text.lower()
            assert _text._key_words(para) == _text._WORD_RUN.findall(low)


def test_duplicates_from_the_normalised_slices_are_those_from_the_paragraphs(texts):
    doc_text = "\n\n".join([*texts[:20], *texts[5:12], texts[3].replace(" the ", " a ")])
    paragraphs = _text.paragraph_spans(doc_text)
    norm = _text.normalize(doc_text)
    assert norm.offsets is None  # the case in which tk.Document passes the slices
    plain = _text.match_paragraphs(doc_text[s:e] for s, e in paragraphs)
    assert any(m is not None for m in plain)
    assert _text.match_paragraphs((doc_text[s:e] for s, e in paragraphs),
                                  normalized=(norm.text[s:e] for s, e in paragraphs)) == plain


def test_an_anonymous_source_with_a_qualifier_is_the_subject():
    # the qualifiers are looked up only when their last word is among the four tokens before the cue
    for sentence, speaker in (("A source familiar with the matter said the talks would go on.",
                               "A source familiar with the matter"),
                              ("An official briefed on the talks said they would go on.",
                               "An official briefed on the talks")):
        assert tk.quotes(sentence)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_title_words_are_the_words_with_a_title_or_honorific_class(lang):
    lex = cues._lex_for(lang)
    found = speakers._title_words(lex)
    assert found is not None and found  # no compounds in these languages: the set decides
    for word in [*lex.titles, "minister.", "bill", "brown", "mr", "the"]:
        assert (word in found) == bool(lex.title_classes(word) & {"title", "honorific"}), word
    assert speakers._title_words(cues._lex_for("de")) is None  # German compounds: title_classes decides


def test_words_of_ascii_samples_are_the_regex_runs(texts):
    from toolkit.quotes import language

    assert not re.search(r"[^\W\d_]", language._COMMON_MARKS)  # no letters: a space for each keeps the words
    for text in [*texts, "snake_case x2 3rd don't \u212a", "Der Minister sagte, dass"]:
        sample = text[: language._SAMPLE].lower()
        if sample.isascii():
            assert sample.translate(language._ASCII_NON_LETTER_TO_SPACE).split() == language._WORD.findall(sample)
        spaced = sample
        for mark in language._COMMON_MARKS:
            spaced = spaced.replace(mark, " ")
        assert language._WORD.findall(spaced) == language._WORD.findall(sample)
    assert all(language.detect(t) == "en" for t in texts)


def test_normalised_text_keeps_offsets_only_with_characters_that_grow_or_go():
    assert _text.normalize("plain \u201cquoted\u201d text").offsets is None
    grow_or_go = _text._char_table()[2]
    assert grow_or_go
    for c in map(chr, grow_or_go):
        assert _text.normalize(f"a{c}b").offsets is not None


def test_transcript_labels_at_line_starts_are_finditer(texts):
    with (ROOT / "data" / "quotes_fresh_kremlin.jsonl").open(encoding="utf-8") as fh:
        kremlin = [json.loads(line)["text"] for line in fh]
    labels = "Vladimir Putin: Thank you.\nQUESTION: Why?\n  Ms. Lee: We will see.\r\nNo label here: x\n\nA: b"
    found = 0
    for text in [*texts, *kremlin, labels]:
        nt = tk.Document(text).normalized.text
        spans = [m.span() for m in speakers._LABEL.finditer(nt)]
        assert [m.span() for m in speakers._label_matches(nt)] == spans
        found += len(spans)
    assert found > 10


def test_the_ascii_token_scan_is_the_token_scan():
    ascii_chars = "".join(map(chr, range(128)))
    for c in ascii_chars:  # the classes spelled out in ASCII are the Unicode ones on ASCII
        assert bool(re.fullmatch(r"\s", c)) == bool(re.fullmatch(f"[{tokens._ASCII_SPACE}]", c)), repr(c)
        assert bool(re.fullmatch(r"\w", c)) == bool(re.fullmatch(f"[{tokens._ASCII_WORD}]", c)), repr(c)
    sample = ascii_chars * 3 + " U.S. e.g. A.B.C 3.5 5,000 9/11 10:30 a-b it's x_y _z 3rd a--b 'q' \x1c\x1f end."
    for text in (sample, sample[::-1], sample.replace(" ", "\t\x0b")):
        assert tokens._GAP_TOKEN_ASCII.findall(text) == tokens._GAP_TOKEN.findall(text)


def test_the_that_scan_is_the_regex(texts):
    before_that = indirect._prefilter()[2]
    ends = indirect._that_ends()
    assert ends is not None
    extra = ["He claimed  that", "the claim\n\tthat", "said that", "is clear that", "that", " that", "s that",
             "cats thatcher", "ED THAT", "Fed:that", "believes\u00a0that", "claimthat"]
    checked = 0
    for text in [*texts, *extra]:
        nt = tk.Document(text).normalized.text
        for m in re.finditer(r"[^.!?\n]+[.!?\n]?", nt):
            s, e = m.span()
            if indirect._FOLDS_TO_ASCII.search(nt, s, e) is None:
                assert indirect._ends_before_that(nt[s:e].lower(), ends) == bool(before_that.search(nt, s, e)), nt[s:e]
                checked += 1
    assert checked > 1000


def test_the_possessive_name_run_is_the_backtracking_one(texts):
    backtracking = re.compile(speakers._NAME_RUN.pattern.replace("{0,60}+", "{0,60}"))
    assert backtracking.pattern != speakers._NAME_RUN.pattern
    extra = "Osama bin Laden met J. R. Smith-Jones's aide Marie de la Cruz and " + "A-" * 80 + "B Cole."
    for text in [*texts, extra]:
        nt = tk.Document(text).normalized.text
        assert [m.span() for m in speakers._NAME_RUN.finditer(nt)] == [m.span() for m in backtracking.finditer(nt)]


def test_a_cue_word_at_the_text_start_is_a_cue_position():
    first = cues._lex().first_words | {"that"}
    for text in ("said he", "Said he", "saidx he said", "that is", "x said", "said", "thats that"):
        runs = [m.start() for m in re.finditer("[A-Za-z]{2,}", text) if m.group().lower() in first]
        assert cues._cue_positions(text) == runs, text
