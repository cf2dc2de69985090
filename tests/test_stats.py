"""Frequencies, keyness, collocations and dispersion, checked by hand and against oracles."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import toolkit as tk
from toolkit import frames, lexicons, stats
from toolkit.text import is_word

from .conftest import shared_corpus

# --------------------------------------------------------------------------- frequencies


def test_frequencies_agree_with_the_token_table(seed: tk.Document) -> None:
    f = tk.frequencies(seed).set_index("term")
    toks = tk.tokens(seed)
    words = toks.loc[toks["is_word"], "lower"].str.replace("\u2019", "'")
    counts = words.value_counts()
    for term in ("the", "lavrov", "us-led", "russia", "syrian"):
        assert f.loc[term, "freq"] == counts[term], term
    assert f["freq"].sum() == len(words)
    assert f["per_million"].sum() == pytest.approx(1e6)
    assert f["rank"].tolist() == list(range(1, len(f) + 1))
    assert list(tk.frequencies(seed).columns) == list(frames.FREQUENCIES.columns)


def test_contractions_and_hyphenated_words_stay_whole() -> None:
    f = tk.frequencies("We don\u2019t accept the US-led strikes. We don't.")
    terms = dict(zip(f["term"], f["freq"], strict=True))
    assert terms["don't"] == 2  # typographic and straight apostrophes are one term
    assert terms["us-led"] == 1
    assert "t" not in terms and "led" not in terms


def test_bigrams_stay_inside_sentences() -> None:
    f = tk.frequencies("Peace talks failed. Talks resumed.", n=2)
    assert sorted(f["term"]) == ["peace talks", "talks failed", "talks resumed"]


def test_default_stop_list_keeps_pronouns_modals_and_negation() -> None:
    text = "We must not give up the fight, and they will never win."
    kept = set(tk.frequencies(text, filter_stops=True)["term"])
    assert {"we", "must", "not", "they", "will", "never", "give", "fight", "win"} <= kept
    assert not {"the", "and", "up"} & kept
    no_pronouns = set(tk.frequencies(text, stop_classes=["pronoun"])["term"])
    assert "we" not in no_pronouns and "the" in no_pronouns


def test_unknown_stop_class_lists_the_valid_ones() -> None:
    with pytest.raises(tk.ParameterError, match="negation"):
        tk.frequencies("Text.", stop_classes=["bogus"])


def test_grouping_by_metadata(wikinews: tk.Corpus) -> None:
    df = wikinews.head(12).to_frame()
    df["year"] = df["date"].str[:4]
    by_year = tk.frequencies(df, by="year")
    overall = tk.frequencies(df).set_index("term")
    assert set(by_year["group"]) == set(df["year"])
    summed = by_year.groupby("term")["freq"].sum()
    pd.testing.assert_series_equal(summed.sort_index(), overall["freq"].sort_index(), check_names=False)
    for year, part in by_year.groupby("group"):
        assert part["per_million"].sum() == pytest.approx(1e6)
        n_docs = (df["year"] == year).sum()
        assert (part["doc_freq"] <= n_docs).all()
        assert part["doc_share"].max() <= 1.0
    # "the" is in every document
    the = by_year[by_year["term"] == "the"]
    assert (the["doc_share"] == 1.0).all()


def test_bad_frequency_parameters() -> None:
    with pytest.raises(tk.ParameterError):
        tk.frequencies("Text.", n=0)
    with pytest.raises(tk.ParameterError, match="no such metadata column"):
        tk.frequencies(pd.DataFrame({"id": ["a"], "text": ["Hi."]}), by="country")
    assert tk.frequencies("").empty


# --------------------------------------------------------------------------- keyness


def test_keyness_by_hand() -> None:
    # target: war x4, peace x1 (N1 = 5); reference: peace x3, war x1 (N2 = 4)
    k = tk.keyness("war war war war peace", "peace peace peace war", min_freq=1).set_index("term")
    # 2x2 table for "war": a=4, b=1, c=N1-a=1, d=N2-b=3, N=9; expected = row total * column total / N
    ea, eb, ec, ed = 5 * 5 / 9, 5 * 4 / 9, 4 * 5 / 9, 4 * 4 / 9
    g2 = 2 * (4 * math.log(4 / ea) + 1 * math.log(1 / eb) + 1 * math.log(1 / ec) + 3 * math.log(3 / ed))
    assert k.loc["war", "g2"] == pytest.approx(g2)  # 2.8626
    assert k.loc["war", "p"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))  # chi-square, 1 df: 0.0907
    assert k.loc["war", "log_ratio"] == pytest.approx(math.log2((4 / 5) / (1 / 4)))  # log2(3.2) = 1.678
    assert k.loc["war", "direction"] == "target" and k.loc["peace", "direction"] == "reference"
    assert k.loc["war", "per_million_target"] == pytest.approx(4 / 5 * 1e6)


def test_keyness_matches_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    a, b, n1, n2 = 30, 5, 20_000, 30_000
    table = [[a, b], [n1 - a, n2 - b]]
    g, p, _, _ = scipy_stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    assert stats.g2(a, b, n1, n2)[0] == pytest.approx(g)
    assert math.erfc(math.sqrt(stats.g2(a, b, n1, n2)[0] / 2)) == pytest.approx(p)


def test_log_ratio_takes_zero_as_half() -> None:
    # Hardie (2014): a zero frequency is replaced by 0.5: log2((6 / 100) / (0.5 / 200)) = log2(24)
    assert stats.log_ratio(6, 0, 100, 200)[0] == pytest.approx(math.log2(24))


def test_keyness_seed_against_wikinews(seed: tk.Document, wikinews: tk.Corpus) -> None:
    k = tk.keyness(seed, wikinews.head(40), min_freq=3)
    top = k[k["direction"] == "target"].head(15)["term"].tolist()
    assert "lavrov" in top and "coalition" in top
    assert (k["freq_target"] + k["freq_reference"] >= 3).all()
    assert k["g2"].is_monotonic_decreasing
    assert ((k["p"] >= 0) & (k["p"] <= 1)).all()
    assert list(k.columns) == list(frames.KEYNESS.columns)
    # column names never depend on parameters
    assert list(tk.keyness(seed, wikinews.head(5), n=2, min_freq=1).columns) == list(k.columns)


def test_keyness_streams_a_corpus_file() -> None:
    path = shared_corpus("ungdc", "ungdc_1946_2024.jsonl.gz")
    corpus = tk.load_corpus(path)
    # target: ungdc-ARG-01-1946 and ungdc-AUS-01-1946; reference: BEL, BLR, BOL, BRA of the same session
    first_two = {d.id for d in corpus.head(2)}
    k = tk.keyness(corpus.head(2), corpus.head(6).filter(lambda d: d.id not in first_two), min_freq=5)
    assert not k["g2"].isna().any()
    top = k.head(10).set_index("term")
    assert top.loc["australian", "direction"] == "target"
    assert top.loc["franco", "freq_target"] == 0 and top.loc["franco", "direction"] == "reference"


def test_keyness_min_freq_validation() -> None:
    with pytest.raises(tk.ParameterError):
        tk.keyness("a", "b", min_freq=0)
    assert tk.keyness("", "some text").empty


# --------------------------------------------------------------------------- collocations


def test_collocations_equal_nltk_on_one_sentence() -> None:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    text = ("The Security Council and the Security Council members and the General Assembly "
            "and the Security Council met in the General Assembly hall")
    words = [w.lower() for w in text.split()]
    for measure in ("likelihood_ratio", "pmi", "student_t"):
        finder = BigramCollocationFinder.from_words(words, window_size=3)
        finder.apply_freq_filter(2)
        expected = finder.score_ngrams(getattr(BigramAssocMeasures, measure))
        got = tk.collocations(text, measure=measure, window=3, min_freq=2)
        assert [(r.w1, r.w2) for r in got.itertuples()] == [p for p, _ in expected]
        assert got["score"].tolist() == pytest.approx([s for _, s in expected])
        assert set(got["measure"]) == {measure}


def test_a_word_repeated_past_its_count_keeps_its_row_with_an_undefined_score() -> None:
    # "No, no, no, no." alone: 3 pairs (no, no) from 4 words leave NLTK's table a
    # negative cell (n_oo = 4 - 3 - 1 - 1); NLTK's G² raises a math domain error
    for measure in ("likelihood_ratio", "pmi", "student_t"):
        c = tk.collocations("No, no, no, no.", measure=measure, min_freq=1)
        assert c[["term", "freq", "freq_w1"]].values.tolist() == [["no no", 3, 4]]
        assert math.isnan(c["score"].iloc[0])
    # in a longer text the table is defined again and the pair is scored as NLTK scores it
    longer = tk.collocations("No, no, no, no. The Security Council met.", min_freq=1).set_index("term")
    assert longer.loc["no no", "score"] > 0


def test_pmi_by_hand() -> None:
    text = "The Security Council met. The Security Council voted. The council adjourned."
    c = tk.collocations(text, measure="pmi", min_freq=2).set_index("term")
    # 11 words; security 2, council 3, the pair twice: PMI = log2(2 * 11 / (2 * 3)) = 1.874
    assert c.loc["security council", "score"] == pytest.approx(math.log2(2 * 11 / (2 * 3)))
    assert (c.loc["security council", "freq_w1"], c.loc["security council", "freq_w2"]) == (2, 3)


def test_collocation_windows_stop_at_sentence_ends() -> None:
    c = tk.collocations("Council met. Forces left. Council met. Forces left.", min_freq=1, window=3)
    assert "met forces" not in set(c["term"])
    assert "council met" in set(c["term"])


def test_collocations_on_seed_with_stop_filter(seed: tk.Document) -> None:
    c = tk.collocations(seed, measure="likelihood_ratio", min_freq=2, filter_stops=True)
    assert {"us-led coalition", "syrian government"} <= set(c["term"].head(15))
    words = stats.stopwords()
    assert not (c["w1"].isin(words) | c["w2"].isin(words)).any()


def test_bad_collocation_parameters() -> None:
    with pytest.raises(tk.ParameterError, match="pmi"):
        tk.collocations("Text.", measure="dice")
    with pytest.raises(tk.ParameterError):
        tk.collocations("Text.", window=1)


# --------------------------------------------------------------------------- dispersion

DOCS = ["war and peace", "war", "peace and quiet"]


def test_dispersion_by_hand() -> None:
    d = tk.dispersion(DOCS, ["war", "peace"]).set_index("term")
    # parts are the 3 documents, sizes 3, 1, 3 words (s = 3/7, 1/7, 3/7); "war": 1, 1, 0 (v = 1/2, 1/2, 0)
    dp = 0.5 * (abs(1 / 2 - 3 / 7) + abs(1 / 2 - 1 / 7) + abs(0 - 3 / 7))  # = 0.4286
    assert d.loc["war", "dp"] == pytest.approx(dp)
    assert d.loc["war", "dp_norm"] == pytest.approx(dp / (1 - 1 / 7))  # = 0.5
    # Juilland: relative frequencies 1/3, 1/1, 0/3; mean 4/9; population sd; D = 1 - (sd/mean)/sqrt(2)
    rel = [1 / 3, 1.0, 0.0]
    mean = sum(rel) / 3
    sd = math.sqrt(sum((r - mean) ** 2 for r in rel) / 3)
    assert d.loc["war", "juilland_d"] == pytest.approx(1 - (sd / mean) / math.sqrt(2))  # 0.3386
    assert (d.loc["war", "freq"], d.loc["war", "range"], d.loc["war", "parts"]) == (2, 2, 3)


def test_dispersion_extremes() -> None:
    even = " ".join(["war x y z"] * 4)  # 16 words; 4 equal parts of 4 words, one "war" in each
    d = tk.dispersion(even, "war", parts=4).iloc[0]
    assert d["dp"] == pytest.approx(0.0) and d["juilland_d"] == pytest.approx(1.0)
    lumpy = "war war war war " + "x " * 12  # all four in the first of four parts
    d = tk.dispersion(lumpy, "war", parts=4).iloc[0]
    assert d["dp"] == pytest.approx(0.75) and d["juilland_d"] == pytest.approx(0.0)
    missing = tk.dispersion(lumpy, "peace", parts=4).iloc[0]
    assert missing["freq"] == 0 and math.isnan(missing["dp"])


def test_dispersion_positions_for_lane_plots(seed: tk.Document) -> None:
    pos = tk.term_positions(seed, ["Lavrov", "air strikes", "coalition"])
    assert list(pos.columns) == list(frames.DISPERSION_POSITIONS.columns)
    for row in pos.itertuples():
        assert seed.text[row.start : row.end] == row.match
        assert 0 <= row.position < 1
    assert set(pos["term"]) == {"lavrov", "air strikes", "coalition"}
    stats_rows = tk.dispersion(seed, ["Lavrov", "air strikes", "coalition"], parts=5).set_index("term")
    counts = pos["term"].value_counts()
    for term in counts.index:
        assert stats_rows.loc[term, "freq"] == counts[term]


def test_dispersion_bad_input() -> None:
    with pytest.raises(tk.ParameterError):
        tk.dispersion("text", [])
    with pytest.raises(tk.ParameterError):
        tk.dispersion("text", ",")
    with pytest.raises(tk.ParameterError):
        tk.dispersion("text", "text", parts=0)


def test_stop_list_file_is_consistent() -> None:
    rows = lexicons.load("stopwords")
    classes = {r["class"] for r in rows}
    assert {"pronoun", "modal", "negation"} <= classes
    defaults = {r["class"] for r in rows if r["default"] == "yes"}
    assert not defaults & {"pronoun", "modal", "negation", "negated_auxiliary", "contraction"}
    assert all(is_word(r["word"]) for r in rows)
    assert len({r["word"] for r in rows}) == len(rows)  # one class per word


# --------------------------------------------------------------------------- scale


def test_counts_are_the_same_on_two_processes(wikinews: tk.Corpus) -> None:
    corpus = wikinews.head(12)
    pd.testing.assert_frame_equal(tk.frequencies(corpus, n_jobs=2), tk.frequencies(corpus))
    pd.testing.assert_frame_equal(tk.collocations(corpus, n_jobs=2), tk.collocations(corpus))
    pd.testing.assert_frame_equal(tk.keyness(corpus.head(4), corpus, n_jobs=2), tk.keyness(corpus.head(4), corpus))


def test_dask_in_dask_out(wikinews: tk.Corpus) -> None:
    dd = pytest.importorskip("dask.dataframe")
    import dask

    frame = wikinews.head(20).to_frame()
    lazy = dd.from_pandas(frame, npartitions=4)
    with dask.config.set(scheduler="sync"):
        for got, expected in [
            (tk.frequencies(lazy, n=2), tk.frequencies(frame, n=2)),
            (tk.keyness(lazy, dd.from_pandas(frame.iloc[:5], npartitions=2)), tk.keyness(frame, frame.iloc[:5])),
            (tk.collocations(lazy, window=3), tk.collocations(frame, window=3)),
        ]:
            assert hasattr(got, "compute")
            pd.testing.assert_frame_equal(got.compute().reset_index(drop=True), expected, check_like=False)
