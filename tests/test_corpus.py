"""Document model: loading files and corpora, named errors, metadata, streaming."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

import toolkit as tk
from tests.conftest import SEED, WIKINEWS


def test_load_seed_file_keeps_text_verbatim(seed):
    assert seed.id == "lavrov_2015_afp"
    assert seed.text == SEED.read_text(encoding="utf-8")
    assert seed.text.startswith("Russia on Tuesday urged a US-led coalition")


def test_load_accepts_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffLavrov\u2019s view.".encode())
    doc = tk.load(path)
    assert doc.text == "Lavrov\u2019s view."


def test_load_non_utf8_names_file_line_and_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("First line.\nCaf\u00e9 society.\n".encode("cp1252"))
    with pytest.raises(tk.InputError) as err:
        tk.load(path)
    assert err.value.path == str(path)
    assert err.value.line == 2
    assert err.value.encoding == "utf-8"
    assert "latin.txt, line 2" in str(err.value)
    assert tk.load(path, encoding="cp1252").text == "First line.\nCaf\u00e9 society.\n"


def test_utf16_file_is_a_named_error_that_suggests_the_encoding(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Hello".encode("utf-16"))
    with pytest.raises(tk.InputError, match="utf-16"):
        tk.load(path)
    assert tk.load(path, encoding="utf-16").text == "Hello"


def test_missing_and_empty_files_are_named_errors(tmp_path):
    with pytest.raises(tk.InputError, match="file not found"):
        tk.load(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(tk.InputError, match="empty"):
        tk.load(empty)


def test_load_string_is_text_not_path():
    doc = tk.load("Russia on Tuesday urged restraint.", id="x")
    assert doc.id == "x"
    assert doc.text == "Russia on Tuesday urged restraint."


def test_jsonl_corpus_streams_with_metadata(wikinews):
    first = next(iter(wikinews))
    assert first.id == "wikinews-e85e21a0a901"
    assert first.meta["date"] == "2019-01-04"
    assert "text" not in first.meta
    assert len(wikinews) == 293


def test_jsonl_gz_and_csv_and_folder_give_the_same_documents(tmp_path, wikinews):
    docs = list(wikinews.head(3))
    gz = tmp_path / "c.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"id": d.id, "text": d.text, "date": d.meta["date"]}) + "\n")
    csv_path = tmp_path / "c.csv"
    pd.DataFrame([{"id": d.id, "text": d.text, "date": d.meta["date"]} for d in docs]).to_csv(csv_path, index=False)
    folder = tmp_path / "txt"
    folder.mkdir()
    for d in docs:
        (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    for source in (gz, csv_path, folder):
        loaded = list(tk.load_corpus(source))
        assert [d.id for d in loaded] == sorted(d.id for d in docs) if source == folder else [d.id for d in docs]
        assert {d.text for d in loaded} == {d.text for d in docs}


def test_dataframe_corpus_keeps_metadata_and_round_trips():
    df = pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."], "country": ["RUS", "USA"]})
    corpus = tk.load_corpus(df)
    assert corpus[1].meta == {"country": "USA"}
    pd.testing.assert_frame_equal(corpus.to_frame(), df)


def test_bad_jsonl_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\nnot json\n{"id": "c"}\n', encoding="utf-8")
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(path))
    assert err.value.line == 2 and "bad.jsonl" in str(err.value)


def test_skip_reports_every_skipped_record(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\nnot json\n{"id": "c"}\n{"id": "d", "text": "Also fine."}\n')
    corpus = tk.load_corpus(path, on_error="skip")
    with pytest.warns(tk.SkippedInputWarning):
        ids = [d.id for d in corpus]
    assert ids == ["a", "d"]
    assert [(s.line, "JSON" in s.reason or "text" in s.reason) for s in corpus.skipped] == [(2, True), (3, True)]


def test_csv_without_text_column_is_named_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,body\na,Hello\n")
    with pytest.raises(tk.InputError, match="no 'text' field") as err:
        list(tk.load_corpus(path))
    assert err.value.line == 2


def test_unknown_format_and_bad_parameter():
    with pytest.raises(tk.InputError):
        tk.load_corpus(WIKINEWS.with_suffix(".parquet"))
    with pytest.raises(tk.ParameterError, match="on_error"):
        tk.load_corpus(WIKINEWS, on_error="ignore")


def test_corpus_is_reiterable_and_head_streams(wikinews):
    head = wikinews.head(2)
    assert [d.id for d in head] == [d.id for d in head]
    assert len(head) == 2


def test_documents_pickle_without_caches(seed):
    import pickle

    _ = seed.sentences
    clone = pickle.loads(pickle.dumps(seed))
    assert clone == seed and clone._cache == {}
