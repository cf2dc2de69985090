"""tk.devices on the seed article and on the bundled Wikinews sample (CC BY 2.5, doc ids cited)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit.devices import REGISTRY
from toolkit.devices.repetition import chiasmus_score
from toolkit.frames import DEVICES


@pytest.fixture(scope="module")
def seed_devices(seed):
    return tk.devices(seed)


def _rows(df, device):
    return df[df["device"] == device]


def test_schema_and_offsets(seed, seed_devices):
    assert list(seed_devices.columns) == list(DEVICES.columns)
    for row in seed_devices.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.explanation and "rule" in row.explanation
        assert set(seed_devices["device"]) <= set(REGISTRY)


def test_seed_rhetorical_question(seed_devices):
    q = _rows(seed_devices, "rhetorical_question")
    assert q["text"].tolist() == [
        "Do you believe that the American troops are the only troops who can do the trick?"
    ]
    assert q["cue"].tolist() == ["Do you believe"]


def test_seed_epizeuxis(seed_devices):
    r = _rows(seed_devices, "repetition")
    r = r[r["explanation"].str.contains("epizeuxis")]
    assert r["text"].tolist() == ["very far, very far"]
    assert "twice in a row" in r["explanation"].iloc[0]


def test_seed_anaphora(seed_devices):
    a = _rows(seed_devices, "anaphora")
    assert a["cue"].tolist() == ["they've been to"]
    assert a["text"].iloc[0].startswith("They've been to Afghanistan, they've been to Iraq")


def test_seed_scare_quotes_come_from_tk_quotes(seed, seed_devices):
    q = tk.quotes(seed)
    scare = q[q["kind"] == "scare"][["start", "end"]].values.tolist()
    got = _rows(seed_devices, "scare_quote")
    assert got[["start", "end"]].values.tolist() == scare
    assert got["text"].tolist() == ["jihadists", "jihadists", "jihadists", "Islamic caliphate"]


def test_scare_quotes_without_the_whole_extraction_match_tk_quotes(wikinews):
    # standalone, the scare detector stops the quote walk after the last paragraph that may hold a scare quote;
    # its rows must stay those of tk.quotes (fresh Documents: no cached quote rows to fall back on)
    from toolkit.quotes import quote_rows, scare_rows

    found = 0
    for doc in wikinews:
        rows = scare_rows(tk.Document(doc.text, id=doc.id, meta=doc.meta))
        assert rows == [r for r in quote_rows(tk.Document(doc.text, id=doc.id, meta=doc.meta)) if r["kind"] == "scare"]
        found += len(rows)
    assert found > 100


def test_an_unindexed_label_is_found_where_its_closing_words_occur(wikinews):
    # "X-backed" opens with any word, so it is scanned for, and only in texts that hold one of the words
    # every match of it holds ("backed", "funded", …, compared as the regex engine does, ignoring case)
    doc = next(d for d in wikinews if d.id == "wikinews-b70e6218f7e2")
    rows = tk.devices(doc, kinds="name_calling")
    assert "Iranian-backed militia" in set(rows["text"])


def test_the_case_variants_of_ascii_are_the_regex_engines():
    from toolkit.text import ASCII_CASE_VARIANTS

    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    assert sorted(set(re.findall("[\x00-\x7f]", others, re.IGNORECASE))) == sorted(ASCII_CASE_VARIANTS)


def test_seed_negated_booster_is_a_hedge(seed_devices):
    # "I am not very optimistic": an understatement, never a booster
    boosters = _rows(seed_devices, "booster")["text"].tolist()
    hedges = _rows(seed_devices, "hedge")["text"].tolist()
    assert "not very optimistic" in hedges
    assert not any("very" in b for b in boosters)
    assert "It is absolutely clear" in boosters


def test_seed_us_vs_them(seed_devices):
    u = _rows(seed_devices, "us_vs_them")
    assert u["cue"].tolist() == ["these people"]


def test_seed_nothing_propagandistic_fires(seed_devices):
    for device in ["flag_waving", "slogan", "thought_terminating_cliche", "black_and_white", "whataboutism"]:
        assert _rows(seed_devices, device).empty, device


def test_kinds_filter_and_empty_input():
    df = tk.devices("Do you believe that? Nobody does.", kinds=["rhetorical_question"])
    assert df["device"].tolist() == ["rhetorical_question"]
    empty = tk.devices("", kinds="hedge")
    assert list(empty.columns) == list(DEVICES.columns) and empty.empty


@pytest.mark.parametrize(
    ("doc_id", "device", "text"),
    [
        ("wikinews-3d019ee2437d", "flag_waving", "our nation"),
        ("wikinews-053efa0290fb", "thought_terminating_cliche", "Enough is enough"),
        ("wikinews-309bd6a578b8", "black_and_white", "This is the only way we can have a good future"),
        ("wikinews-542e96803062", "slogan", "Black Lives Matter"),
        ("wikinews-875a0d06784e", "tricolon", "County Cork, County Kerry and County Limerick"),
        ("wikinews-b2723307906a", "epistrophe", "she is not a liar. She was portrayed as a liar"),
    ],
)
def test_wikinews_examples(wikinews, doc_id, device, text):
    doc = wikinews[doc_id]
    df = tk.devices(doc, kinds=device)
    assert text in df["text"].tolist()
    row = df[df["text"] == text].iloc[0]
    assert row["cue"].lower() in row["explanation"].lower() or device in ("tricolon", "epistrophe")


def test_chiasmus_score_prefers_the_true_criss_cross():
    # UN General Debate (CC0), ungdc-GBR-59-2004: "security without development or development without security"
    words = ["security", "without", "development", "or", "development", "without", "security"]
    assert chiasmus_score(words, 0, 2, 4, 6) > chiasmus_score(words, 0, 1, 5, 6)
    sentence = "There can be no security without development or development without security."
    df = tk.devices(sentence, kinds="antimetabole")
    assert df["text"].tolist() == ["security without development or development without security"]
    assert df["score"].iloc[0] >= 3


def test_chiasmus_in_un_sample():
    corpus = tk.load_corpus(Path(__file__).resolve().parents[1] / "data" / "ungdc_sample.jsonl.gz")
    doc = corpus["ungdc-DEU-77-2022"]  # UN General Debate (CC0)
    df = tk.devices(doc, kinds="antimetabole")
    assert "rule of power or the power of rules" in df["text"].tolist()


def test_corpus_input_and_parallel_agree(wikinews):
    docs = wikinews.head(6)
    one = tk.devices(docs)
    two = tk.devices(docs, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert one["doc_id"].nunique() > 1


def test_token_start_test_agrees_with_the_full_tokenisation(seed, wikinews):
    from toolkit.devices.matching import DocContext

    texts = [seed.text, next(iter(wikinews)).text, "x" * 450 + " anti-war U.S. 5,000 don't \u201chi\u201d"]
    for text in texts:
        ctx = DocContext(tk.Document(text))
        starts = ctx.token_starts
        assert [p for p in range(len(ctx.text)) if ctx.is_token_start(p)] == sorted(starts)
