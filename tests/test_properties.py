"""Property tests: every public extractor on arbitrary Unicode text.

Texts mix random code points with the characters that break text tools:
control characters and NUL, lone surrogates (legal in Python strings, e.g.
from a JSON ``"\\ud800"``), bidi marks, emoji and ZWJ sequences, every quote
and dash character the normaliser knows (``data/lexicons/characters.tsv``)
plus the ASCII ones, CRLF, lone CR and the Unicode line separators, and
newsroom words (``said``, ``Sergei Lavrov``) so that quote and speaker rules
fire. For each extractor: no exception, every offset inside the text,
``text[start:end]`` equal to the reported span copy, and a corpus gives the
same rows as its documents one by one.

The default run is short; ``pytest --run-slow tests/test_properties.py``
fuzzes much longer.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit as tk
from toolkit import lexicons


def _contract():
    """The registry of extractors lives in test_contract.py (one list for every contract test)."""
    name = "_toolkit_contract_registry"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_contract.py"))
        module = sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


contract = _contract()
EXTRACTORS = contract.EXTRACTORS
PER_DOCUMENT = contract.PER_DOCUMENT

QUOTES_AND_DASHES = sorted(
    {chr(int(r["codepoint"].removeprefix("U+"), 16)) for r in lexicons.load("characters")} | set("\"'`-")
)
SPECIAL = [
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\ufffd", "\ufeff", "\u00ad", "\u200b",
    "\ud800", "\udfff", "\udc80",  # lone surrogates
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069",  # bidi marks
    "\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1f7\U0001f1fa",  # emoji
    "\r\n", "\r", "\n", "\n\n", "\r\n\r\n", "\r\r", "\x0b", "\x0c", "\u2028", "\u2029", "\t",
    "\u0301", "\u0627\u0644", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d", "\u0130", "\u00df", "\ufb01",
]
WORDS = [
    "said", " said ", "says", "told", "warned", "added", "he", "she", "He ", "they", "Sergei Lavrov",
    "Lavrov", "Mr.", "U.S.", "US-led", "Russia's", "Moscow's top diplomat", "Islamic State", " ", ". ", ", ",
    "? ", "! ", "...", "\u2026", ":", ";", "(", ")", "like Hitler", "Munich", "9/11", "2015", "5,000",
    " \u2014 ", " \u2013 ", "don't", "jihadists", "'", "\"", "\u201c", "\u201d", "\u2018", "\u2019",
    "\u00ab", "\u00bb", "\u201e",
]
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTES_AND_DASHES),
    st.sampled_from(SPECIAL),
    st.text(min_size=1, max_size=4),  # any code point hypothesis draws (surrogates excluded by default)
    st.characters(codec=None, categories=["Cs"]),  # surrogates
)
texts = st.lists(pieces, max_size=80).map("".join)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.data_too_large])


def check_text(ext, text: str) -> pd.DataFrame:
    doc = tk.Document(text, id="fuzz")
    df = ext(doc)
    assert isinstance(df, pd.DataFrame)
    contract.check_spans(ext, df, {"fuzz": text})
    if "doc_id" in df.columns:
        assert set(df["doc_id"]) <= {"fuzz"}
    return df


def check_split(ext, parts: list[str]) -> None:
    docs = [tk.Document(t, id=f"d{i}") for i, t in enumerate(parts)]
    whole = ext(tk.Corpus.from_documents(docs))
    each = [ext(d) for d in docs]
    for part in each:
        assert [str(t) for t in part.dtypes] == [str(t) for t in whole.dtypes]
    # object columns: Arrow-backed and Python-backed str columns (lone surrogates) cannot be concatenated
    one_by_one = pd.concat([part.astype(object) for part in each], ignore_index=True)
    pd.testing.assert_frame_equal(whole.astype(object), one_by_one, check_dtype=False)


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
@FAST
@given(text=texts)
def test_any_text_no_exception_offsets_inside(ext, text):
    check_text(ext, text)


@pytest.mark.parametrize("ext", PER_DOCUMENT, ids=repr)
@FAST
@given(parts=st.lists(texts, min_size=1, max_size=4))
def test_corpus_split_does_not_change_rows(ext, parts):
    check_split(ext, parts)


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
@FAST
@given(text=texts)
def test_str_and_document_agree(ext, text):
    """A plain string is the text itself (unless it is one short line ending in a file suffix)."""
    from toolkit.corpus import _looks_like_path

    if _looks_like_path(text):
        return
    pd.testing.assert_frame_equal(ext(text), ext(tk.Document(text)))


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_every_special_character_alone_and_repeated(ext):
    texts = [text for ch in [*SPECIAL, *QUOTES_AND_DASHES]
             for text in (ch, ch * 50, f"Lavrov said {ch}x{ch} then {ch}", f"{ch}\n{ch}\r\n{ch}\r")]
    docs = [tk.Document(t, id=f"c{i}") for i, t in enumerate(texts)]
    df = ext(tk.Corpus.from_documents(docs))
    contract.check_spans(ext, df, {d.id: d.text for d in docs})


@pytest.mark.slow
@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
@LONG
@given(text=st.lists(pieces, max_size=400).map("".join))
def test_long_fuzz_any_text(ext, text):
    check_text(ext, text)


@pytest.mark.slow
@pytest.mark.parametrize("ext", PER_DOCUMENT, ids=repr)
@LONG
@given(parts=st.lists(texts, min_size=1, max_size=6))
def test_long_fuzz_corpus_split(ext, parts):
    check_split(ext, parts)


# --------------------------------------------------------------------------- work that grows with the input
# Not timed (timing lives in scripts/bench_linearity.py): these count how often an inner step runs when the
# input doubles; ~2x is linear, ~4x quadratic.


def _no_punctuation(words: int) -> str:
    vocab = [w.strip(".,\"'()") for w in tk.load(contract.SEED).text.split()]
    vocab = [w for w in vocab if w.isalpha()]
    return " ".join(vocab[i % len(vocab)] for i in range(words))


def _calls(monkeypatch, module, name: str, run) -> int:
    count = 0
    inner = getattr(module, name)

    def counting(*args, **kwargs):
        nonlocal count
        count += 1
        return inner(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    run()
    monkeypatch.setattr(module, name, inner)
    return count


@pytest.mark.skipif(not hasattr(tk, "devices"), reason="tk.devices not available")
def test_analogy_pairs_grow_linearly_in_one_huge_sentence(monkeypatch):
    from toolkit.devices import analogy

    small = _calls(monkeypatch, analogy, "_supports", lambda: tk.devices(_no_punctuation(4000)))
    large = _calls(monkeypatch, analogy, "_supports", lambda: tk.devices(_no_punctuation(8000)))
    assert small > 0
    assert large <= 2.5 * small, f"{small} -> {large} calls when the text doubles"


@pytest.mark.skipif(not hasattr(tk, "devices"), reason="tk.devices not available")
def test_antimetabole_candidates_grow_linearly(monkeypatch):
    """In one huge sentence the A B … B A search looks at a bounded number of pairs per word.

    ``_penalty`` is consulted once per A word and once per (A, A', B) triple examined, so its calls
    count the search's work; words too frequent in the sentence to reach the reporting score are
    pruned before any pairing.
    """
    from toolkit.devices import repetition

    small = _calls(monkeypatch, repetition, "_penalty", lambda: tk.devices(_no_punctuation(4000)))
    large = _calls(monkeypatch, repetition, "_penalty", lambda: tk.devices(_no_punctuation(8000)))
    assert small > 0
    assert large <= 2.5 * small, f"{small} -> {large} candidates when the text doubles"


def test_antimetabole_pruning_keeps_a_real_antimetabole():
    """Pruning only drops candidates that cannot reach the reporting score: a real antimetabole still scores."""
    from toolkit.devices import repetition

    df = tk.devices("We must not let development come without security or security come without development.",
                    kinds="antimetabole")
    assert len(df) == 1 and df["score"].iloc[0] >= repetition.MIN_CHIASMUS_SCORE


@FAST
@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_quote_token_windows_equal_a_scan_of_the_window(text, a, b):
    """tk.quotes slices token windows from one index of the text; they must equal a regex scan of the window."""
    quotes_module = importlib.import_module("toolkit.quotes.tokens")
    s, e = sorted((min(a, len(text)), min(b, len(text))))
    sliced = [(t.s, t.e, t.t) for t in quotes_module._tokens(text, s, e)]
    assert sliced == [(t.s, t.e, t.t) for t in quotes_module._scan_tokens(text, s, e)]
