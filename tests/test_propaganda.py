"""Loaded language, name-calling, doubt, exaggeration, appeal to fear; technique classification; the PTC eval.

Fixtures: the seed article and the bundled Wikinews sample. PTC and memes text
is read at run time from ../shared/corpora (research only) and never stored.
"""

from __future__ import annotations

import importlib.util
import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import toolkit as tk
from toolkit import lexicons
from toolkit.devices import REGISTRY, emotive, repetition
from toolkit.devices.matching import DocContext
from toolkit.errors import InputError
from toolkit.evaluate.devices import classify_spans, fold_of, score_technique_classification

from .conftest import shared_corpus

ROOT = Path(__file__).resolve().parents[1]
NEW = list(emotive.DEVICES)


@pytest.fixture(scope="module")
def seed_new(seed):
    return tk.devices(seed, kinds=NEW)


def test_seed_labels_and_loaded_words(seed, seed_new):
    by = {d: g for d, g in seed_new.groupby("device")}
    assert {"jihadists", "militants", "dictator"} <= set(by["name_calling"]["cue"])
    assert "hate" in set(by["loaded_language"]["cue"])
    for row in seed_new.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert "rule:" in row.explanation and row.cue.lower() in row.explanation.lower()


def test_loaded_language_follows_the_vader_ratings(seed):
    val = {w: v for w, (v, _base) in emotive.ratings().items()}  # VADER words and their inflections
    rows = tk.devices(seed, kinds="loaded_language")
    assert len(rows) and all(abs(val[c]) >= emotive.LOADED_MIN for c in rows["cue"])
    if emotive.LOADED_POLARITY == "negative":
        assert all(val[c] < 0 for c in rows["cue"])
    ctx = DocContext(seed)
    n = {setting: sum(r["device"] == "loaded_language" for r in emotive.detect(ctx, *setting))
         for setting in [(1.5, "both"), (3.0, "negative")]}
    assert n[(1.5, "both")] > len(rows) >= n[(3.0, "negative")]
    assert len(rows) == sum(r["device"] == "loaded_language" for r in emotive.detect(ctx))


def test_a_label_is_not_also_loaded_language(wikinews):
    df = tk.devices(wikinews, kinds=["name_calling", "loaded_language"])

    def cue_starts(device):  # where the cue word itself starts (a row may add the words around it)
        rows = df[df.device == device]
        return {(r.doc_id, r.start + r.text.lower().index(r.cue.lower())) for r in rows.itertuples()}

    labels, loaded = cue_starts("name_calling"), cue_starts("loaded_language")
    assert labels and loaded and not labels & loaded


def test_clause_devices_cover_their_cue(wikinews):
    df = tk.devices(wikinews, kinds=["doubt", "appeal_to_fear"])
    assert set(df["device"]) == {"doubt", "appeal_to_fear"}
    for row in df.itertuples():
        assert row.cue.lower() in row.text.lower()
        assert not re.search(r"[.!?]\s", row.text), row.text  # within one sentence


def test_lexicons_have_provenance():
    man = lexicons.manifest().set_index("name")
    assert "VADER" in man.loc["emotive_words", "source"] and man.loc["emotive_words", "licence"] == "MIT"
    for name in ["name_calling", "doubt", "exaggeration", "fear", "device_definitions"]:
        assert "PTC" in man.loc[name, "source"], name
        assert lexicons.load(name)


def test_every_persuasion_device_has_a_definition():
    defs = {r["device"]: r for r in lexicons.load("device_definitions")}
    family = [k for k, fn in REGISTRY.items() if fn in (emotive.detect, REGISTRY["flag_waving"])]
    assert set(family) <= set(defs)
    for d in defs.values():
        assert d["definition"].endswith(".") and len(d["definition"]) < 140 and d["device"] in REGISTRY


def test_highlight_shows_technique_cue_and_definition(seed):
    html = tk.highlight(seed, quotes=False, devices=tk.devices(seed, kinds="name_calling")).html
    definition = next(r["definition"] for r in lexicons.load("device_definitions") if r["device"] == "name_calling")
    tips = re.findall(r'data-tip="([^"]*)"', html)
    assert tips and all(t.startswith("name calling — ") for t in tips)
    assert all("cue: " in t for t in tips)
    assert all(t.endswith("what it is: " + definition.replace("'", "&#x27;")) for t in tips)


def test_classify_spans_takes_the_largest_overlap():
    gold = [("d", 0, 10, "A"), ("d", 20, 30, "B"), ("e", 0, 5, "B")]
    pred = [("d", 0, 3, "X"), ("d", 2, 9, "Y"), ("d", 25, 40, "B")]
    got = classify_spans(gold, pred, default="A")
    assert [g[3] for g in got] == ["Y", "B", "A"]
    df = score_technique_classification(gold, got).set_index("label")
    assert df.loc["micro", "f1"] == pytest.approx(1 / 3)
    assert df.loc["B", "precision"] == 1.0 and df.loc["B", "recall"] == 0.5
    assert df.loc["A", "precision"] == 0.0
    with pytest.raises(InputError):
        score_technique_classification(gold, got[:2])


def test_folds_are_by_document_and_balanced():
    ids = [f"doc{i}" for i in range(600)]
    folds = [fold_of(i, 6) for i in ids]
    assert folds == [fold_of(i, 6) for i in ids]
    counts = [folds.count(k) for k in range(6)]
    assert min(counts) > 70 and max(counts) < 130
    assert fold_of("doc1", 6, salt="other") in range(6)


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_devices", ROOT / "scripts" / "eval_devices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_mapped_label_is_a_ptc_technique():
    mod = _eval_module()
    ptc = {"Loaded_Language", "Name_Calling,Labeling", "Repetition", "Doubt", "Exaggeration,Minimisation",
           "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Appeal_to_Authority",
           "Slogans", "Whataboutism,Straw_Men,Red_Herring", "Black-and-White_Fallacy",
           "Thought-terminating_Cliches", "Bandwagon,Reductio_ad_hitlerum"}
    assert set(mod.PTC_MAPPING.values()) <= ptc
    assert {v for v in mod.MEMES_MAPPING.values() if v} <= ptc
    assert set(mod.PTC_MAPPING) <= set(REGISTRY)


def test_ptc_evaluation_runs_cv_held_out_and_memes():
    shared_corpus("ptc_semeval2020", "dev.jsonl")
    mod = _eval_module()
    out = io.StringIO()
    with redirect_stdout(out):
        mod.ptc()
    text = out.getvalue()
    assert "5-fold cross-validation" in text and "Held-out slice" in text
    assert text.count("| micro |") >= 2
    f1 = [float(m) for m in re.findall(r"\| Loaded_Language \| loaded_language \| \d+ \| \d+ \| [\d.]+ \| [\d.]+ \| "
                                         r"([\d.]+) \|", text)]
    assert f1 and all(x > 0 for x in f1)  # loaded language now fires


# ---------------------------------------------------------------- appeal to authority, causal oversimplification
# (sentences written for these tests)


def _one(text, kind):
    df = tk.devices(text, kinds=kind)
    return [(r.text, r.cue) for r in df.itertuples()]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("According to experts, the new vaccine is completely safe.", "According to experts"),
        ("Studies show that the policy works.", "Studies show"),
        ("Most scientists agree that the plan will fail.", "scientists agree"),
        ("Dr Smith, a leading expert on trade, said the deal was a triumph.", "leading expert"),
        ("The science is settled on this question.", "science is settled"),
    ],
)
def test_appeal_to_authority_covers_the_sentence(text, cue):
    assert _one(text, "appeal_to_authority") == [(text, cue)]


def test_no_authority_without_an_authority_construction():
    assert _one("The minister said the deal was signed on Monday.", "appeal_to_authority") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The only reason prices rose is the new tax.", "only reason"),
        ("The mayor is to blame for the crisis.", "blame for"),
        ("It is all their fault.", "fault"),
        ("Because of the sanctions, the economy collapsed.", "Because of the sanctions,"),
        ("Crime went up simply because the police were cut.", "simply because"),
    ],
)
def test_causal_oversimplification_covers_the_sentence(text, cue):
    assert _one(text, "causal_oversimplification") == [(text, cue)]


def test_a_cause_that_opens_no_sentence_is_not_an_opening_cue():
    # "because of X," only counts when it opens the sentence ("Because of X, Y")
    assert _one("Prices rose because of the sanctions, the minister said.", "causal_oversimplification") == []


def test_new_devices_have_definitions_and_cited_rules(wikinews):
    defs = {r["device"]: r["technique"] for r in lexicons.load("device_definitions")}
    assert defs["appeal_to_authority"] == "Appeal_to_Authority"
    assert defs["causal_oversimplification"] == "Causal_Oversimplification"
    for name in ["appeal_to_authority", "causal_oversimplification", "loaded_context"]:
        assert "PTC" in lexicons.manifest().set_index("name").loc[name, "source"]
    df = tk.devices(wikinews, kinds=["appeal_to_authority", "causal_oversimplification"])
    assert len(df)
    for row in df.itertuples():
        assert row.cue.lower() in row.text.lower() and "rule: " in row.explanation
        assert not re.search(r"[.!?]\s+[A-Z]", row.text), row.text  # one sentence


# ---------------------------------------------------------------- repetition: the repeated message

_MESSAGE = ("The corrupt elite wants more power. Voters know the corrupt elite lies. "
            "Every week the corrupt elite takes more. We will not forgive the corrupt elite. "
            "The corrupt elite must go. The weather was fine.")


def test_a_charged_phrase_said_again_and_again_is_a_repeated_message():
    df = tk.devices(_MESSAGE, kinds="repetition")
    df = df[df["explanation"].str.contains("repeated message")]
    # the occurrences after the first, each with the number of times it is said
    assert df["text"].str.lower().tolist() == ["corrupt elite"] * (repetition.MESSAGE_MIN_COUNT - 1)
    assert set(df["score"]) == {float(repetition.MESSAGE_MIN_COUNT)}
    assert df["start"].min() > _MESSAGE.lower().index("corrupt elite")


def test_a_neutral_topic_word_said_often_is_no_message():
    text = " ".join(f"The committee met on day {i} and the committee voted." for i in range(8))
    df = tk.devices(text, kinds="repetition")
    assert not df["explanation"].str.contains("repeated message").any()


def test_seed_repetition_is_epizeuxis_only(seed):
    # "jihadists" comes back three times in the seed article: below the minimum count of a repeated message
    df = tk.devices(seed, kinds="repetition")
    assert df["text"].tolist() == ["very far, very far"]


# ---------------------------------------------------------------- loaded language and labels: context and units


def test_event_words_of_reporting_are_not_loaded_language():
    df = tk.devices("Three people were killed in the attack and two died later.", kinds="loaded_language")
    assert df.empty


def test_a_loaded_modifier_is_reported_with_its_noun():
    df = tk.devices("It was a reckless decision.", kinds="loaded_language")
    assert df[["text", "cue"]].values.tolist() == [["reckless decision", "reckless"]]


def test_an_inflection_takes_the_rating_of_its_word():
    val = emotive.valence()
    assert "slammed" not in val and emotive.ratings()["slammed"] == (val["slam"], "slam")
    df = tk.devices("The senator slammed the plan.", kinds="loaded_language")
    assert df["cue"].tolist() == ["slammed"] and "rated as “slam”" in df["explanation"].iloc[0]


def test_listed_loaded_words_count_without_a_vader_rating():
    assert "despicable" not in emotive.valence()
    df = tk.devices("That is despicable.", kinds="loaded_language")
    assert df["cue"].tolist() == ["despicable"] and "loaded_context.tsv" in df["explanation"].iloc[0]


def test_a_label_is_reported_with_its_modifier_and_noun():
    df = tk.devices("They hired vocal leftist activists again.", kinds="name_calling")
    assert df[["text", "cue"]].values.tolist() == [["vocal leftist activists", "leftist"]]


def test_a_label_that_only_classifies_a_legal_noun_is_not_name_calling():
    assert tk.devices("He faces criminal charges.", kinds="name_calling").empty
    assert tk.devices("He is a criminal.", kinds="name_calling")["cue"].tolist() == ["criminal"]
