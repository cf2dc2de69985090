"""The quote scoring protocol (toolkit.evaluate.quotes) on hand annotations of the seed article
(data/lavrov_2015_afp.txt) and a Wikinews passage (wikinews-1f179fd7cf4e, CC BY 2.5)."""

from __future__ import annotations

import json

import pytest

import toolkit as tk
from toolkit.evaluate import quotes as ev
from toolkit.evaluate.quotes import QuoteAnnotation, read_quote_annotations, score_document, score_quotes

SPLIT = (
    '"It is never an easy decision to suspend search efforts," she said. '
    '"We know that this is a very difficult time for families and friends of the victims."'
)  # wikinews-1f179fd7cf4e


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


@pytest.fixture(scope="module")
def seed_gold(seed: tk.Document) -> tuple[dict[str, str], dict[str, list[QuoteAnnotation]]]:
    t = seed.text
    lav = _span(t, "Russian Foreign Minister Sergei Lavrov")
    gold = [
        QuoteAnnotation([(t.index("It is absolutely clear"), t.index("must be done") + 12)], "direct",
                        t[lav[0] : lav[1]], [lav]),
        QuoteAnnotation([_span(t, "Gaddafi is the same")], "direct", "he", [_span(t, '," he said, referring')]),
        QuoteAnnotation([_span(t, "he was not optimistic about the future of the region")], "indirect", "Lavrov",
                        [_span(t, "Lavrov declined to answer")]),
    ]
    # the pronoun span: just "he"
    s, _ = gold[1].speaker_spans[0]
    gold[1].speaker_spans = [(s + 3, s + 5)]
    return {"seed": t}, {"seed": gold}


def test_toolkit_on_hand_annotated_seed(seed, seed_gold):
    texts, gold = seed_gold
    pred = tk.quotes(tk.Document(seed.text, id="seed"))
    table = score_quotes(gold, pred, texts=texts, n_boot=50).set_index("type")
    assert table.loc["direct", "recall"] == 1.0
    assert table.loc["direct", "speaker_accuracy"] == 1.0
    assert table.loc["indirect", "recall"] == 1.0
    # the other seed quotations are not in this small gold set: they lower precision
    assert table.loc["all", "precision"] < 0.5


def test_split_quote_fragments_count_once():
    gold = [QuoteAnnotation([_span(SPLIT, "It is never an easy decision to suspend search efforts"),
                             _span(SPLIT, "We know that this is a very difficult time for families and friends of "
                                          "the victims")], "direct", "she", [_span(SPLIT, "she")])]
    two = [QuoteAnnotation([_span(SPLIT, "It is never an easy decision to suspend search efforts,")], "direct",
                           "she", [_span(SPLIT, "she")]),
           QuoteAnnotation([_span(SPLIT, "We know that this is a very difficult time")], "direct", None)]
    c = score_document(SPLIT, gold, two)["direct"]
    assert c == {"gold": 1, "units": 1, "matched": 1, "speaker_ok": 1, "exact": 0}
    # one fragment alone covers less than half of the tokens: not matched
    c = score_document(SPLIT, gold, two[1:])["direct"]
    assert (c["units"], c["matched"]) == (1, 0)


def test_speaker_rules():
    gold = QuoteAnnotation([(0, 5)], "direct", "Sen. Marco Rubio's", [(100, 118)])
    assert ev._speaker_ok(gold, QuoteAnnotation([(0, 5)], speaker="Marco Rubio", speaker_spans=[(10, 20)]))
    assert ev._speaker_ok(gold, QuoteAnnotation([(0, 5)], speaker="x", speaker_spans=[(110, 112)]))
    assert not ev._speaker_ok(gold, QuoteAnnotation([(0, 5)], speaker="Ted Cruz", speaker_spans=[(10, 20)]))
    assert ev._speaker_ok(QuoteAnnotation([(0, 5)]), QuoteAnnotation([(0, 5)]))
    apposition = QuoteAnnotation([(0, 5)], "direct", "Cornell Belcher, a Democratic pollster", [])
    assert ev._speaker_ok(apposition, QuoteAnnotation([(0, 5)], speaker="Cornell Belcher"))


def test_wrong_speaker_lowers_who_said_what_only():
    gold = {"w": [QuoteAnnotation([_span(SPLIT, "It is never an easy decision to suspend search efforts")], "direct",
                                  "she", [_span(SPLIT, "she")])]}
    right = {"w": [QuoteAnnotation([_span(SPLIT, "It is never an easy decision to suspend search efforts")],
                                   "direct", "Monica Rochester", [_span(SPLIT, "she")])]}
    wrong = {"w": [QuoteAnnotation([_span(SPLIT, "It is never an easy decision to suspend search efforts")],
                                   "direct", "Bill Brown", [])]}
    a = score_quotes(gold, right, texts={"w": SPLIT}, n_boot=0).set_index("type").loc["direct"]
    b = score_quotes(gold, wrong, texts={"w": SPLIT}, n_boot=0).set_index("type").loc["direct"]
    assert (a["f1"], a["wsw_f1"], a["exact_f1"]) == (1.0, 1.0, 1.0)
    assert (b["f1"], b["wsw_f1"]) == (1.0, 0.0)


def test_unmatched_prediction_counts_against_its_kind():
    gold = {"w": []}
    pred = {"w": [QuoteAnnotation([(0, 20)], "mixed", "x")]}
    t = score_quotes(gold, pred, texts={"w": SPLIT}, n_boot=0).set_index("type")
    assert t.loc["mixed", "predicted"] == 1 and t.loc["mixed", "precision"] == 0.0
    assert t.loc["direct", "predicted"] == 0


def test_jsonl_roundtrip_bootstrap_and_errors(tmp_path, seed_gold):
    texts, gold = seed_gold
    rec = {"id": "seed", "text": texts["seed"], "quotes": [
        {"quote_spans": [list(s) for s in q.spans], "type": q.type, "speaker": q.speaker,
         "speaker_spans": [list(s) for s in q.speaker_spans]} for q in gold["seed"]]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    t2, g2 = read_quote_annotations(path)
    assert t2 == texts and [q.spans for q in g2["seed"]] == [q.spans for q in gold["seed"]]
    pred = tk.quotes(tk.Document(texts["seed"], id="seed"))
    a = score_quotes(path, pred, n_boot=100, seed=3)
    b = score_quotes(path, pred, n_boot=100, seed=3)
    assert a.equals(b)
    assert (a["f1_low"] <= a["f1"] + 1e-9).all() and (a["f1"] <= a["f1_high"] + 1e-9).all()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "quotes": [{"type": "direct"}]}\n', encoding="utf-8")
    with pytest.raises(tk.InputError, match="line 1"):
        read_quote_annotations(bad)
    with pytest.raises(tk.InputError):
        read_quote_annotations(tmp_path / "missing.jsonl")
    with pytest.raises(tk.ParameterError):
        score_quotes(gold, pred)  # texts= missing


def test_the_german_scheme_scores_a_partial_row_as_a_nested_direct_and_indirect_quote() -> None:
    # German Wikinews annotates quoted words inside reported speech as a Direct quotation nested in the
    # Indirect one; a partial row counts once for each (sentence written for the test)
    text = "Die Ministerin sagte, die Reform sei „ein großer Schritt nach vorn“ für das Land."
    pred = tk.quotes(text, lang="de")
    assert pred["kind"].tolist() == ["partial"]
    clause, quoted = _span(text, "die Reform sei „ein großer Schritt nach vorn“ für das Land"), _span(
        text, "„ein großer Schritt nach vorn“")
    speaker = _span(text, "Die Ministerin")
    gold = {"doc": [QuoteAnnotation([clause], "indirect", "Die Ministerin", [speaker]),
                    QuoteAnnotation([quoted], "direct", "Die Ministerin", [speaker])]}
    nested = score_quotes(gold, pred, texts={"doc": text}, n_boot=0, scheme="german_news_quotes").set_index("type")
    assert nested.loc["direct", ["f1", "wsw_f1"]].tolist() == [1.0, 1.0]
    assert nested.loc["indirect", ["f1", "wsw_f1"]].tolist() == [1.0, 1.0]
    # PolNeAR's scheme: the same row is one mixed prediction, which matches no gold type here
    flat = score_quotes(gold, pred, texts={"doc": text}, n_boot=0).set_index("type")
    assert flat.loc["direct", "f1"] < 1.0
    with pytest.raises(tk.ParameterError, match="scheme="):
        score_quotes(gold, pred, texts={"doc": text}, n_boot=0, scheme="tiger")
