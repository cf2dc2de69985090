"""Scoring functions for devices (toolkit.evaluate.devices) on hand-computed cases, and the eval script."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from toolkit.errors import InputError
from toolkit.evaluate import (
    average_precision,
    merge_spans,
    precision_at,
    referent_matches,
    score_analogy_sentences,
    score_spans,
)

ROOT = Path(__file__).resolve().parents[1]


def _row(df: pd.DataFrame, label: str) -> dict:
    return df[df["label"] == label].iloc[0].to_dict()


def test_merge_spans():
    assert merge_spans([(10, 12), (0, 4), (3, 6), (6, 8)]) == [(0, 8), (10, 12)]
    assert merge_spans([]) == []


def test_partial_overlap_credit():
    # prediction 5-15 against gold 0-10: half of each is shared
    r = _row(score_spans([("d", 0, 10, "X")], [("d", 5, 15, "X")], min_support=1), "X")
    assert (r["precision"], r["recall"], r["support"], r["predicted"]) == (0.5, 0.5, 1, 1)
    # a short prediction inside a long gold span: full precision, a fifth of recall
    r = _row(score_spans([("d", 0, 50, "X")], [("d", 10, 20, "X")], min_support=1), "X")
    assert r["precision"] == 1.0 and r["recall"] == pytest.approx(0.2)


def test_labels_must_match_and_documents_too():
    df = score_spans([("d", 0, 10, "X")], [("d", 0, 10, "Y"), ("e", 0, 10, "X")], labels=["X", "Y"], min_support=1)
    assert _row(df, "X")["precision"] == 0.0 and _row(df, "X")["recall"] == 0.0
    # label-agnostic: the Y span on d now counts
    assert _row(df, "any label")["recall"] == 1.0
    assert _row(df, "any label")["precision"] == 0.5


def test_overlapping_predictions_are_merged_first():
    df = score_spans([("d", 0, 10, "X")], [("d", 0, 6, "X"), ("d", 4, 10, "X")], min_support=1)
    r = _row(df, "X")
    assert r["predicted"] == 1 and r["precision"] == 1.0 and r["recall"] == 1.0


def test_micro_and_macro():
    gold = [("d", i * 10, i * 10 + 5, "A") for i in range(10)] + [("d", 200, 205, "B")]
    pred = [("d", 0, 5, "A"), ("d", 200, 205, "B")]
    df = score_spans(gold, pred, min_support=10)
    micro = _row(df, "micro")
    assert micro["support"] == 11 and micro["predicted"] == 2
    assert micro["precision"] == 1.0 and micro["recall"] == pytest.approx(2 / 11)
    macro = _row(df, "macro")  # only A has >= 10 gold spans
    assert macro["recall"] == pytest.approx(0.1) and macro["support"] == 10


def test_average_precision_and_precision_at():
    assert average_precision([3, 2, 1], [True, True, False]) == 1.0
    assert average_precision([3, 2, 1], [False, True, True]) == pytest.approx((1 / 2 + 2 / 3) / 2)
    assert average_precision([1, 2], [False, False]) == 0.0
    assert precision_at([3, 2, 1], [False, True, True], 2) == 0.5


def test_referent_matches():
    assert referent_matches("Munich Agreement (1938)", "appeasement (1930s) / Munich Agreement (1938)")
    assert referent_matches("1937", "Great Purge (1937)")
    assert not referent_matches("Second World War", "Nazi Germany")
    assert not referent_matches(None, "Cold War")


def test_score_analogy_sentences_counts_and_confusion():
    items = [
        {"cid": "a", "context": "One. Two is like Munich. Three.", "sentence": "Two is like Munich.",
         "label": "analogy", "referent": "Munich Agreement (1938)"},
        {"cid": "b", "context": "Talks in Munich.", "sentence": "Talks in Munich.", "label": "reference",
         "referent": "Munich"},
        {"cid": "c", "context": "Nothing here.", "sentence": "Nothing here.", "label": "analogy", "referent": "X"},
    ]

    def predict(text: str) -> pd.DataFrame:
        i = text.find("Munich")
        rows = [] if i < 0 else [{"start": i, "end": i + 6, "referent": "Munich Agreement (1938)", "cue": "like"}]
        return pd.DataFrame(rows, columns=["start", "end", "referent", "cue"])

    res = score_analogy_sentences(items, predict)
    assert (res["tp"], res["fp"], res["fn"]) == (1, 1, 1)
    assert res["precision"] == 0.5 and res["recall"] == 0.5
    assert res["referent_accuracy"] == 1.0
    assert res["confusion"].loc["reference", "analogy"] == 1


def test_sentence_outside_context_is_a_named_error():
    with pytest.raises(InputError, match="not inside its context"):
        score_analogy_sentences(
            [{"context": "A.", "sentence": "B.", "label": "analogy"}],
            lambda t: pd.DataFrame(columns=["start", "end", "referent", "cue"]),
        )


def test_eval_script_skips_cleanly_without_corpora(tmp_path, capsys, monkeypatch):
    spec = importlib.util.spec_from_file_location("eval_devices", ROOT / "scripts" / "eval_devices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "CORPORA", tmp_path)
    assert mod.main([]) == 0
    out = capsys.readouterr().out
    assert out.count("skipped:") == 3
