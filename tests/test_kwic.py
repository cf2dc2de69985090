"""Keyword in context on the seed article, Wikinews and a UN speech."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

import toolkit as tk
from toolkit import frames

from .conftest import shared_corpus


def _check_offsets(table: pd.DataFrame, docs: dict[str, str]) -> None:
    for row in table.itertuples():
        text = docs[row.doc_id]
        assert text[row.start : row.end] == row.match
        window = re.sub(r"\s+", " ", text[row.context_start : row.context_end])
        assert window.startswith(row.left) and window.endswith(row.right)


def test_word_matches_equal_the_token_table(seed: tk.Document) -> None:
    k = tk.kwic(seed, "Lavrov")
    toks = tk.tokens(seed)
    assert len(k) == (toks["lower"] == "lavrov").sum()
    assert list(k.columns) == list(frames.KWIC.columns)
    _check_offsets(k, {seed.id: seed.text})


def test_whole_tokens_only(seed: tk.Document) -> None:
    # "Russia" must not match inside "Russian"
    k = tk.kwic(seed, "Russia")
    assert set(k["match"]) == {"Russia"}
    assert len(tk.kwic(seed, "Russia*")) > len(k)  # the glob also finds Russian, Russia's


def test_context_window_counts_words_not_punctuation() -> None:
    k = tk.kwic("One, two, three: four five six seven.", "four", window=2).iloc[0]
    assert (k["left"], k["match"], k["right"]) == ("two, three:", "four", "five six")
    edge = tk.kwic("four five", "four", window=3).iloc[0]
    assert (edge["left"], edge["right"]) == ("", "five")


def test_phrase_hyphen_and_typographic_apostrophe(seed: tk.Document) -> None:
    assert len(tk.kwic(seed, "US-led coalition")) == 2  # the lead is in the text twice
    jihad = tk.kwic(seed, "jihadists")
    assert len(jihad) >= 2  # once between typographic quotes, once between straight ones
    assert tk.kwic("He don\u2019t know.", "don't")["match"].tolist() == ["don\u2019t"]


def test_regex_and_case(seed: tk.Document) -> None:
    k = tk.kwic(seed, r"coordinat\w+", regex=True)
    assert set(k["match"]) <= {"coordinate", "coordinating", "coordination"}
    assert len(k) >= 2
    _check_offsets(k, {seed.id: seed.text})
    assert len(tk.kwic(seed, "russia", ignore_case=False)) == 0
    assert len(tk.kwic(seed, "russia")) > 0


def test_every_input_type_gives_the_same_rows(wikinews: tk.Corpus) -> None:
    corpus = wikinews.head(15)
    a = tk.kwic(corpus, "said")
    b = tk.kwic(corpus.to_frame(), "said")
    pd.testing.assert_frame_equal(a, b)
    assert a["doc_id"].nunique() > 5
    _check_offsets(a, {d.id: d.text for d in corpus})


def test_export_round_trip(seed: tk.Document) -> None:
    k = tk.kwic(seed, "Syria*")
    buf = io.StringIO()
    k.to_csv(buf, index=False)
    back = pd.read_csv(io.StringIO(buf.getvalue()), keep_default_na=False)
    assert back["match"].tolist() == k["match"].tolist()
    assert back["start"].tolist() == k["start"].tolist()


def test_un_speech() -> None:
    path = shared_corpus("ungdc", "ungdc_1946_2024.jsonl.gz")
    doc = tk.load_corpus(path).head(1)[0]
    assert doc.id == "ungdc-ARG-01-1946"  # Argentina, session 1 (1946), CC0
    k = tk.kwic(doc, "United Nations", window=4)
    assert len(k) == len(re.findall(r"\bUnited\s+Nations\b", doc.text, flags=re.IGNORECASE))
    _check_offsets(k, {doc.id: doc.text})


def test_bad_patterns_raise_named_errors() -> None:
    with pytest.raises(tk.ParameterError, match="regular expression"):
        tk.kwic("text", "(unclosed", regex=True)
    with pytest.raises(tk.ParameterError):
        tk.kwic("text", "   ")
    with pytest.raises(tk.ParameterError):
        tk.kwic("text", "text", window=-1)


def test_no_match_and_empty_input() -> None:
    assert tk.kwic("Nothing here.", "absent").empty
    assert list(tk.kwic("", "x").columns) == list(frames.KWIC.columns)
    assert tk.kwic("aaa", "x*", regex=True).empty  # zero-length regex matches are skipped
