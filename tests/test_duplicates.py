"""Exact, normalised and near-duplicate paragraphs."""

from __future__ import annotations

import pandas as pd

import toolkit as tk


def test_seed_doubled_lead_is_reported(seed):
    dups = tk.duplicates(seed)
    assert len(dups) == 1
    row = dups.iloc[0]
    assert (row.paragraph, row.original_paragraph, row.match_type) == (1, 0, "normalized")
    assert seed.text[row.start : row.end] == row.text
    assert row.text.startswith("Russia on Tuesday urged")


def test_near_duplicate_with_one_word_changed():
    lead = "Russia on Tuesday urged a US-led coalition fighting against ISIL to coordinate air raids."
    text = lead + "\nSomething else entirely.\n" + lead.replace("Tuesday", "Wednesday")
    dups = tk.duplicates(text)
    assert dups["match_type"].tolist() == ["near"]
    assert 0.8 <= dups["similarity"].iloc[0] < 1.0
    assert tk.duplicates(text, threshold=1.0).empty


def test_short_repeated_lines_are_not_duplicates():
    assert tk.duplicates("* * *\nA paragraph of real text here.\n* * *").empty


def test_corpus_scope_finds_repeats_across_documents():
    lead = "The Security Council met on Monday to discuss the situation in Syria."
    df = pd.DataFrame({"id": ["a", "b"], "text": [lead + "\nMore.", "Other.\n" + lead]})
    assert tk.duplicates(df).empty
    cross = tk.duplicates(df, scope="corpus")
    assert cross[["doc_id", "original_doc_id", "paragraph"]].values.tolist() == [["b", "a", 1]]


def test_bad_parameters_are_named():
    import pytest

    with pytest.raises(tk.ParameterError):
        tk.duplicates("x", scope="web")
    with pytest.raises(tk.ParameterError):
        tk.duplicates("x", threshold=0)
