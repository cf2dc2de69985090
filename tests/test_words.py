"""One word model for every count: tokens without punctuation, with Unicode's word class (marks included)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit as tk
from toolkit import text as tk_text
from toolkit.text import is_word

SEED = Path(__file__).resolve().parents[1] / "data" / "lavrov_2015_afp.txt"
HINDI = "नमस्ते दुनिया"  # "hello world": vowel signs and the virama are combining marks
NFD = unicodedata.normalize("NFD", "café résumé")


def test_words_do_not_break_at_combining_marks() -> None:
    assert sorted(tk.frequencies(HINDI)["term"]) == sorted(["नमस्ते", "दुनिया"])
    assert sorted(tk.frequencies(NFD)["term"]) == sorted(unicodedata.normalize("NFD", w) for w in ["café", "résumé"])
    assert tk.lexical_profile(HINDI)["tokens"].item() == 2
    assert tk.lexical_profile(NFD)["tokens"].item() == 2
    hits = tk.kwic(NFD, unicodedata.normalize("NFD", "résumé"), window=1)
    assert hits["match"].tolist() == [NFD.split()[1]]
    assert tk.term_positions(HINDI, "दुनिया")["word_index"].tolist() == [1]


def test_a_zero_width_joiner_is_not_a_word() -> None:
    # the joiner is in Unicode's word class, but an emoji family is no word;
    # inside a word (Devanagari conjuncts) it stays part of it
    assert tk_text.words("\U0001f469\u200d\U0001f469\u200d\U0001f467 peace") == ["peace"]
    assert tk_text.words("\u0915\u094d\u200d\u0937") == ["\u0915\u094d\u200d\u0937"]


def test_every_count_uses_the_same_words_on_the_seed() -> None:
    doc = tk.load(SEED.read_text(encoding="utf-8"), id="seed")
    toks = tk.tokens(doc)
    words = toks.loc[toks["is_word"], "token"].tolist()
    assert doc.words == words
    assert tk.lexical_profile(doc)["tokens"].item() == len(words)
    assert tk.frequencies(doc)["freq"].sum() == len(words)
    assert tk.dispersion(doc, "Lavrov").attrs["params"]["words"] == len(words)


def test_speaker_word_counts_use_the_word_model() -> None:
    """'I don't know' is three words for the speaker table as for the lexical profile (\\w+ gave four)."""
    table = tk.speakers('"I don\'t know," Sergei Lavrov said.')
    assert table["words"].tolist() == [3] == tk.lexical_profile("I don't know")["tokens"].tolist()


_TEXT = st.text(st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Z", "S")), max_size=80)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_words_are_the_tokens_without_punctuation(text: str) -> None:
    doc = tk.Document(text)
    from_tokens = [text[s:e] for s, e in doc.tokens if is_word(text[s:e])]
    assert doc.words == from_tokens
    assert [text[s:e] for s, e in doc.word_spans] == from_tokens
    counted = tk.frequencies(doc, lower=False)  # a Document: a str ending in ".txt" would be read as a file
    assert int(counted["freq"].sum()) == len(from_tokens)
    assert isinstance(counted, pd.DataFrame)


def test_packaged_lexicons_are_exported_with_provenance() -> None:
    listing = tk.lexicon()
    assert {"reporting_verbs", "stopwords", "historical_gazetteer"} <= set(listing["name"])
    verbs = tk.lexicon("reporting_verbs")
    assert verbs.attrs["version"] == listing.set_index("name").loc["reporting_verbs", "version"]
    assert verbs.attrs["licence"]
    # the table the quote extractor reads: every form it lists is a cue tk.quotes can report
    assert "said" in set(verbs["form"])
    with __import__("pytest").raises(tk.LexiconError, match="no_such_list"):
        tk.lexicon("no_such_list")
