"""Lexical profile: readability by the published formulas, worked out by hand.

Every expected number below is computed in the test from counts that are
listed word by word, so a reader can check the arithmetic.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import toolkit as tk
from toolkit import frames, langdata
from toolkit import profile as P
from toolkit.profile import words as W

# three sentences, nine words:
#   He(1) lied(1) . She(1) left(1) . The(1) committee(3) approved(2) the(1) budget(2) .
# syllables (CMU): 1+1+1+1+1+3+2+1+2 = 13
# letters: He 2, lied 4, She 3, left 4, The 3, committee 9, approved 8, the 3, budget 6 = 42
# 3+ syllables: committee (1); not on the Dale–Chall list: committee, approved, budget (3)
SHORT = "He lied. She left. The committee approved the budget."


@pytest.fixture(scope="module")
def short() -> pd.Series:
    return tk.lexical_profile(SHORT).iloc[0]


def test_short_text_counts(short: pd.Series) -> None:
    assert (short["tokens"], short["sentences"], short["syllables"]) == (9, 3, 13)
    assert (short["letters"], short["characters"]) == (42, 42)
    assert (short["polysyllables"], short["complex_words"], short["difficult_words"]) == (1, 1, 3)
    assert short["types"] == 8  # "The" and "the" are one type


def test_flesch_reading_ease_by_hand(short: pd.Series) -> None:
    # Flesch (1948): 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
    expected = 206.835 - 1.015 * (9 / 3) - 84.6 * (13 / 9)  # = 206.835 - 3.045 - 122.2 = 81.59
    assert short["flesch_reading_ease"] == pytest.approx(expected)
    assert round(short["flesch_reading_ease"], 2) == 81.59


def test_flesch_kincaid_grade_by_hand(short: pd.Series) -> None:
    # Kincaid et al. (1975): 0.39 * 3 + 11.8 * 13/9 - 15.59 = 1.17 + 17.0444 - 15.59 = 2.6244
    assert short["flesch_kincaid_grade"] == pytest.approx(0.39 * 3 + 11.8 * 13 / 9 - 15.59)
    assert round(short["flesch_kincaid_grade"], 4) == 2.6244


def test_gunning_fog_by_hand(short: pd.Series) -> None:
    # Gunning (1952): 0.4 * (words/sentences + 100 * complex/words) = 0.4 * (3 + 11.111) = 5.6444
    assert short["gunning_fog"] == pytest.approx(0.4 * (3 + 100 * 1 / 9))


def test_smog_by_hand(short: pd.Series) -> None:
    # McLaughlin (1969): 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
    #                  = 1.0430 * sqrt(1 * 30 / 3) + 3.1291 = 1.0430 * 3.16228 + 3.1291 = 6.4274
    assert short["smog_index"] == pytest.approx(1.0430 * math.sqrt(10) + 3.1291)
    assert round(short["smog_index"], 4) == 6.4274


def test_coleman_liau_by_hand(short: pd.Series) -> None:
    # Coleman & Liau (1975): 0.0588 L - 0.296 S - 15.8, L = letters per 100 words, S = sentences per 100 words
    big_l, big_s = 100 * 42 / 9, 100 * 3 / 9  # 466.667, 33.333
    assert short["coleman_liau_index"] == pytest.approx(0.0588 * big_l - 0.296 * big_s - 15.8)  # = 1.7733
    assert round(short["coleman_liau_index"], 4) == 1.7733


def test_ari_by_hand(short: pd.Series) -> None:
    # Senter & Smith (1967): 4.71 * characters/words + 0.5 * words/sentences - 21.43
    #                      = 4.71 * 42/9 + 1.5 - 21.43 = 21.98 + 1.5 - 21.43 = 2.05
    assert short["automated_readability_index"] == pytest.approx(2.05)


def test_dale_chall_by_hand(short: pd.Series) -> None:
    # Dale & Chall: 0.1579 * PDW + 0.0496 * ASL, + 3.6365 because PDW = 33.3 % > 5 %
    pdw = 100 * 3 / 9
    assert short["dale_chall"] == pytest.approx(0.1579 * pdw + 0.0496 * 3 + 3.6365)  # = 9.0486


def test_dale_chall_no_adjustment_when_few_difficult_words() -> None:
    # every word is on the list: PDW = 0, so no +3.6365; 14 words in 2 sentences: ASL = 7
    text = "The cat sat on the mat. The dog ran to the big red house."
    row = tk.lexical_profile(text).iloc[0]
    assert row["difficult_words"] == 0
    assert row["dale_chall"] == pytest.approx(0.0496 * 7)  # 0.3472
    # textstat's v2 adds 3.6365 whenever the raw score exceeds 0.05 (the wrong condition)
    langdata.ensure()
    import textstat

    assert textstat.dale_chall_readability_score_v2(text) == pytest.approx(0.0496 * 7 + 3.6365)


def test_mean_sentence_length(short: pd.Series) -> None:
    assert short["mean_sentence_length"] == 3.0


def test_punctuation_is_not_a_character_for_ari_or_coleman_liau() -> None:
    plain, punct = tk.lexical_profile(["Wait what now.", "Wait, what now?!"]).itertuples()
    assert plain.characters == punct.characters == 11
    assert plain.automated_readability_index == pytest.approx(punct.automated_readability_index)
    assert plain.coleman_liau_index == pytest.approx(punct.coleman_liau_index)


def test_figures_count_digits_as_characters_but_not_letters() -> None:
    row = tk.lexical_profile("It cost 5,000 dollars.").iloc[0]
    # It 2 + cost 4 + dollars 7 = 13 letters; + the digits 5 0 0 0 = 17 characters; the comma is neither
    assert (row["letters"], row["characters"], row["tokens"]) == (13, 17, 4)
    # syllables: It 1, cost 1, "five thousand" 3, dollars 2
    assert row["syllables"] == 7


def test_a_figure_of_thousands_of_digits_is_read_digit_by_digit() -> None:
    # a figure of 13 digits or more is read digit by digit ("one two three ..."); Python's int() refuses strings of
    # more than 4,300 digits, which made such a token (a scraped hash, a pasted table) raise ValueError
    long = "1" + "7" * 4999  # one (1 syllable), then 4,999 sevens (2 syllables each)
    row = tk.lexical_profile(f"The code was {long} in the file.").iloc[0]
    assert row["syllables"] == 1 + 1 + 1 + (1 + 2 * 4999) + 1 + 1 + 1
    short = tk.lexical_profile("The code was 1777777777777 in the file.").iloc[0]
    assert short["syllables"] == 6 + 1 + 2 * 12


def test_textstat_differs_on_two_word_sentences() -> None:
    # textstat drops sentences of <= 2 words, so it sees 1 sentence of 9 words: 75.5 instead of 81.59
    row = tk.lexical_profile(SHORT, engine="textstat").iloc[0]
    assert round(row["flesch_reading_ease"], 1) == 75.5
    assert row["engine"] == "textstat"
    # the non-readability columns are the toolkit's whatever the engine
    assert row["tokens"] == 9


def test_textstat_engine_returns_textstat_numbers(seed: tk.Document) -> None:
    langdata.ensure()
    import textstat

    row = tk.lexical_profile(seed, engine="textstat").iloc[0]
    assert row["coleman_liau_index"] == pytest.approx(textstat.coleman_liau_index(seed.text))
    assert row["dale_chall"] == pytest.approx(textstat.dale_chall_readability_score_v2(seed.text))
    assert row["smog_index"] == pytest.approx(textstat.smog_index(seed.text))


@pytest.mark.parametrize(("token", "expected", "why"), [
    ("committee", 3, "CMU: K AH0 M IH1 T IY0"),
    ("NATO", 2, "CMU: N EY1 T OW0"),
    ("UN", 2, "two capitals are spelled: U-N"),
    ("US-led", 3, "U-S + led"),
    ("U.N.", 2, "dotted acronym: U-N"),
    ("1945", 5, "nine-teen for-ty five"),
    ("5,000", 3, "five thou-sand"),
    ("3.5", 3, "three point five"),
    ("Paris's", 3, "Pa-ris + 's after a sibilant"),
    ("Lavrov", 2, "not in CMU: vowel groups a, o"),
    ("FSB", 3, "capitals without a vowel are spelled"),
    ("didn't", 2, "CMU: D IH1 D AH0 N T"),
    (",", 0, "punctuation has none"),
])
def test_syllables(token: str, expected: int, why: str) -> None:
    assert P.syllables(token) == expected, why


def test_fallback_rule_silent_endings() -> None:
    # words built not to be in the dictionary, to exercise the fallback rule
    assert W._guess("zorbake") == 2  # zor-bake: silent final e
    assert W._guess("zorbakes") == 2  # silent -es
    assert W._guess("zorbaked") == 2  # silent -ed
    assert W._guess("zorbated") == 3  # -ted is pronounced
    assert W._guess("zorbable") == 3  # zor-ba-ble: -le after a consonant is a syllable


def test_familiar_words() -> None:
    assert P.is_familiar("houses") and P.is_familiar("stopped") and P.is_familiar("Cities")
    assert not P.is_familiar("diplomat")
    assert P.is_familiar("1945")  # figures are familiar


def test_words_match_the_token_table(seed: tk.Document) -> None:
    row = tk.lexical_profile(seed).iloc[0]
    toks = tk.tokens(seed)
    assert row["tokens"] == int(toks["is_word"].sum())
    assert row["sentences"] == len(seed.sentences)


# --------------------------------------------------------------------------- diversity


def test_mattr_by_hand() -> None:
    # windows of 2 over a b a a: {a,b} 2/2, {b,a} 2/2, {a} 1/2 -> (1 + 1 + 0.5) / 3
    assert P.mattr(["a", "b", "a", "a"], window=2) == pytest.approx(2.5 / 3)


def test_mattr_shorter_than_window_is_nan() -> None:
    assert math.isnan(P.mattr(["a", "b"], window=3))
    assert P.mattr(["a", "b", "a"], window=3) == pytest.approx(2 / 3)  # exactly one window


def test_hdd_by_hand() -> None:
    # N = 4 words (a a b c), samples of 2: P(a at least once) = 1 - C(2,2)/C(4,2) = 1 - 1/6
    # P(b) = P(c) = 1 - C(3,2)/C(4,2) = 1 - 3/6; HD-D = (5/6 + 1/2 + 1/2) / 2 = 11/12
    assert P.hdd(["a", "a", "b", "c"], sample=2) == pytest.approx(11 / 12)
    assert math.isnan(P.hdd(["a"] * 41))  # fewer than 42 words


def test_mtld_factor_of_exactly_072_counts() -> None:
    # w1..w18 then w1 seven times then w19: 26 words
    words = [f"w{i}" for i in range(1, 19)] + ["w1"] * 7 + ["w19"]
    # forward: after 25 words the TTR is 18/25 = 0.72 exactly -> a full factor (<= threshold);
    # w19 starts a new segment with TTR 1 -> partial (1 - 1) / 0.28 = 0. Forward = 26 / 1.
    # backward: w19 w1 w1 -> 2/3 <= .72, factor; w1 w1 -> 1/2, factor; w1 w1 -> factor;
    # w1 w18 … w2 w1: 19 words, 18 types -> partial (1 - 18/19) / 0.28. Backward = 26 / (3 + that).
    backward = 26 / (3 + (1 - 18 / 19) / 0.28)
    assert P.mtld(words) == pytest.approx((26 + backward) / 2)  # 17.0778
    # with a strict "<" the forward pass would not complete a factor at 0.72
    assert P.mtld(words) != pytest.approx((26 / ((1 - 19 / 26) / 0.28) + backward) / 2)


def test_mtld_shortcut_gives_the_plain_loop_factors(seed: tk.Document) -> None:
    # the fast pass tests a factor only at repeated words; on the seed article (AFP, 2015) it counts the
    # same factors as the loop that tests every word, for thresholds near 0, the default, and near 1
    from toolkit.profile import diversity as D

    codes = D._codes([w.lower() for w in seed.words])
    size, n = int(codes.max()) + 1, len(codes)
    for threshold in (0.05, 0.5, 0.72, 0.9, 0.999999):
        limits = D._mtld_limits(n, threshold)
        assert limits is not None
        for order in (codes.tolist(), codes[::-1].tolist()):
            assert D._mtld_factors(order, size, threshold, limits) == D._mtld_factors(order, size, threshold, None)


def test_mtld_without_repeated_words_is_nan() -> None:
    assert math.isnan(P.mtld(["a", "b", "c"]))
    assert math.isnan(P.mtld([]))


def test_diversity_agrees_with_lexicalrichness(seed: tk.Document) -> None:
    lr = pytest.importorskip("lexicalrichness")
    words = [w.lower() for s in P.sentence_words(seed) for w in s]
    oracle = lr.LexicalRichness(" ".join(words), preprocessor=None, tokenizer=str.split)
    row = tk.lexical_profile(seed, window=50).iloc[0]
    assert row["mattr"] == pytest.approx(oracle.mattr(window_size=50))
    assert row["mtld"] == pytest.approx(oracle.mtld(threshold=0.72))
    assert row["hdd"] == pytest.approx(oracle.hdd(draws=42))
    assert row["ttr"] == pytest.approx(oracle.ttr)
    assert row["root_ttr"] == pytest.approx(oracle.rttr)


def test_diversity_agrees_with_lexicalrichness_on_un_speech() -> None:
    lr = pytest.importorskip("lexicalrichness")
    from tests.conftest import shared_corpus

    path = shared_corpus("ungdc", "ungdc_1946_2024.jsonl.gz")
    doc = tk.load_corpus(path).head(1)[0]
    assert doc.id == "ungdc-ARG-01-1946"  # Argentina, session 1 (1946), CC0
    words = [w.lower() for s in P.sentence_words(doc) for w in s]
    oracle = lr.LexicalRichness(" ".join(words), preprocessor=None, tokenizer=str.split)
    assert P.mtld(words) == pytest.approx(oracle.mtld())
    assert P.mattr(words, 100) == pytest.approx(oracle.mattr(window_size=100))
    assert P.hdd(words) == pytest.approx(oracle.hdd(draws=42))


# --------------------------------------------------------------------------- table contract


def test_one_row_per_document_for_every_input_type(wikinews: tk.Corpus) -> None:
    corpus = wikinews.head(5)
    frame = corpus.to_frame()
    a = tk.lexical_profile(corpus)
    b = tk.lexical_profile(frame)
    assert len(a) == 5
    assert a["doc_id"].tolist() == frame["id"].tolist()
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == list(frames.LEXICAL_PROFILE.columns)


def test_empty_and_punctuation_only_documents() -> None:
    out = tk.lexical_profile(["", "...", "One more."])
    assert out["tokens"].tolist() == [0, 0, 2]
    assert out["flesch_reading_ease"].isna().tolist() == [True, True, False]


def test_bad_parameters_raise_named_errors() -> None:
    with pytest.raises(tk.ParameterError, match="'textstat', 'toolkit'"):
        tk.lexical_profile("Text.", engine="fast")
    with pytest.raises(tk.ParameterError):
        tk.lexical_profile("Text.", window=0)
    with pytest.raises(tk.ParameterError):
        tk.lexical_profile("Text.", threshold=1.5)
    with pytest.raises(tk.ParameterError):
        tk.lexical_profile("Text.", sample=0)


def test_deterministic(seed: tk.Document) -> None:
    pd.testing.assert_frame_equal(tk.lexical_profile(seed), tk.lexical_profile(seed))


def test_textstat_engine_works_offline_in_a_fresh_interpreter(tmp_path, seed: tk.Document) -> None:
    """Network blocked, empty NLTK data directory: the engine prepares cmudict itself (langdata.ensure)."""
    import subprocess
    import sys
    import textwrap

    from tests.conftest import ROOT

    script = textwrap.dedent(
        """
        import socket
        def _refuse(*args, **kwargs):
            raise OSError("network access blocked by the test")
        socket.socket.connect = _refuse
        socket.create_connection = _refuse
        socket.getaddrinfo = _refuse
        import nltk
        nltk.data.path[:] = []
        nltk.download = lambda *a, **k: (_ for _ in ()).throw(AssertionError("download called"))
        import toolkit as tk
        row = tk.lexical_profile(tk.load("data/lavrov_2015_afp.txt"), engine="textstat").iloc[0]
        print(repr(float(row["flesch_reading_ease"])))
        """
    )
    env = {"TOOLKIT_NLTK_DATA": str(tmp_path / "nltk_data"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=120, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    here = tk.lexical_profile(seed, engine="textstat").iloc[0]["flesch_reading_ease"]
    assert float(result.stdout.strip()) == pytest.approx(here)
