"""Users' own lexicons in tk.devices, on the seed article (AFP 2015, see data/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit as tk
from toolkit.errors import LexiconError, ParameterError


def test_a_list_of_cues_replaces_the_packaged_labels(seed):
    packaged = tk.devices(seed, kinds="name_calling")
    own = tk.devices(seed, kinds="name_calling", lexicons={"name_calling": ["coalition", "crunch talks"]})
    assert {"jihadists", "dictator"} <= set(packaged["cue"].str.lower())
    assert set(own["cue"].str.lower()) == {"coalition", "crunch talks"}  # replaced, not added to
    for row in own.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert "user lexicon 'name_calling'" in row.explanation
    assert not own["explanation"].str.contains("name_calling.tsv").any()


def test_extending_the_template_keeps_every_packaged_hit(seed):
    table = tk.lexicon("hedges")
    extra = pd.DataFrame([{"cue": "crunch talks", "class": "phrase", "note": "a test entry"}])
    extended = pd.concat([table, extra], ignore_index=True)
    before = tk.devices(seed, kinds="hedge")
    after = tk.devices(seed, kinds="hedge", lexicons={"hedges": extended})
    spans = set(zip(before["start"], before["end"], strict=True))
    assert spans < set(zip(after["start"], after["end"], strict=True))
    assert "crunch talks" in set(after["cue"])


def test_files_and_lists_give_the_same_rows(seed, tmp_path):
    cues = pd.DataFrame({"cue": ["coalition", "caliphate"], "class": ["user", "user"],
                         "note": ["user lexicon", "user lexicon"]})
    tsv = tmp_path / "mine.tsv"
    cues.to_csv(tsv, sep="\t", index=False)
    csv_path = tmp_path / "mine.csv"
    cues.to_csv(csv_path, index=False)
    from_list = tk.devices(seed, kinds="flag_waving", lexicons={"flag_waving": ["coalition", "caliphate"]})
    from_tsv = tk.devices(seed, kinds="flag_waving", lexicons={"flag_waving": tsv})
    from_csv = tk.devices(seed, kinds="flag_waving", lexicons={"flag_waving": str(csv_path)})
    assert len(from_list) > 0
    cols = ["start", "end", "cue"]
    assert from_list[cols].equals(from_tsv[cols]) and from_list[cols].equals(from_csv[cols])
    assert from_tsv["explanation"].str.contains("mine.tsv").all()


def test_own_valences_for_loaded_language(seed):
    table = pd.DataFrame({"word": ["crunch", "advance"], "valence": ["-3.0", "2.5"], "class": ["", ""]})
    df = tk.devices(seed, kinds="loaded_language", lexicons={"emotive_words": table})
    assert set(df["cue"]) == {"crunch"}  # negative words only, by default
    assert df["explanation"].str.contains(r"valence -3\.0").all()
    assert not df["explanation"].str.contains("VADER").any()


def test_parallel_runs_use_the_same_user_lexicon(seed):
    doc = tk.Document(seed.text, id="a")
    corpus = tk.Corpus.from_documents([doc, tk.Document(seed.text, id="b")])
    lex = {"doubt": ["urged", "warning"]}
    one = tk.devices(corpus, kinds="doubt", lexicons=lex)
    two = tk.devices(corpus, kinds="doubt", lexicons=lex, n_jobs=2, batch_size=1)
    assert len(one) > 0
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs["params"]["lexicons"][0].name == "doubt"


def test_a_corpus_from_a_list_says_how_to_build_one(seed):
    with pytest.raises(tk.InputError, match=r"Corpus.from_documents"):
        tk.Corpus([seed])


def test_analyze_passes_lexicons_through(seed):
    lex = {"name_calling": ["jihadists?"]}
    out = tk.analyze(seed, ["devices"], options={"devices": {"kinds": ["name_calling"], "lexicons": lex}})
    pd.testing.assert_frame_equal(out["devices"], tk.devices(seed, kinds="name_calling", lexicons=lex))


@pytest.mark.parametrize(
    ("lexicons", "message"),
    [
        ({"name_calling": pd.DataFrame({"word": ["x"]})}, r"missing column\(s\) \['cue', 'class', 'note'\]"),
        ({"name_calling": ["fine", "  "]}, r"row 2: empty 'cue'"),
        ({"name_calling": ["(unclosed"]}, r"user lexicon 'name_calling'.*not a valid pattern"),
        ({"emotive_words": ["awful"]}, r"needs a table with columns \['word', 'valence', 'class'\]"),
        ({"emotive_words": pd.DataFrame({"word": ["a"], "valence": ["bad"], "class": [""]})},
         r"row 2: valence 'bad' is not a number"),
        ({"name_calling": 42}, r"expected a DataFrame, a file path or a list of cues, got int"),
        ({"name_calling": "/nonexistent/labels.tsv"}, r"labels.tsv: file not found"),
    ],
)
def test_bad_user_lexicons_are_named(seed, lexicons, message):
    kinds = ["name_calling", "loaded_language"]
    with pytest.raises(LexiconError, match=message):
        tk.devices(seed, kinds=kinds, lexicons=lexicons)


def test_a_lexicon_the_detectors_do_not_read_is_refused(seed):
    with pytest.raises(ParameterError, match=r"lexicons='hedges' is not valid.*'name_calling'"):
        tk.devices(seed, kinds="name_calling", lexicons={"hedges": ["perhaps"]})


def test_an_own_gazetteer_entry_makes_a_new_referent(seed):
    # a teacher adds a referent the packaged gazetteer lacks; the template keeps every packaged row
    table = tk.lexicon("historical_gazetteer")
    row = {c: "" for c in table.columns}
    row.update(canonical="Paris crunch talks (test entry)", aliases="crunch talks", period="1900-1901",
               type="event", note="a test entry")
    own = pd.concat([table, pd.DataFrame([row])], ignore_index=True)
    text = "We must not repeat the mistakes of the crunch talks."
    before = tk.devices(text, kinds="historical_analogy")
    after = tk.devices(text, kinds="historical_analogy", lexicons={"historical_gazetteer": own})
    assert before.empty
    assert after["referent"].str.startswith("Paris crunch talks").tolist() == [True]
    # the packaged analogies of the seed are all still found with the extended table
    packaged = tk.devices(seed, kinds="historical_analogy")
    extended = tk.devices(seed, kinds="historical_analogy", lexicons={"historical_gazetteer": own})
    pd.testing.assert_frame_equal(packaged.drop(columns="explanation"), extended.drop(columns="explanation"))
