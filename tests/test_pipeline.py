"""tk.analyze: several extractors in one pass give exactly the tables of the separate calls.

Texts: the seed article (data/lavrov_2015_afp.txt, AFP 2015) and the first 40
articles of the bundled Wikinews sample (CC BY 2.5).
"""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit as tk
from toolkit import pipeline


@pytest.fixture(scope="module")
def corpus(seed: tk.Document, wikinews: tk.Corpus) -> pd.DataFrame:
    frame = wikinews.head(40).to_frame()
    return pd.concat([pd.DataFrame({"id": [seed.id], "text": [seed.text]}), frame[["id", "text"]]],
                     ignore_index=True)


def test_every_table_equals_its_separate_call(corpus: pd.DataFrame) -> None:
    out = tk.analyze(corpus, list(pipeline.STEPS))
    assert list(out) == list(pipeline.STEPS)
    for name, table in out.items():
        expected = getattr(tk, name)(corpus)
        assert len(expected) > 0, name
        pd.testing.assert_frame_equal(table, expected, obj=name)
        assert table.attrs == expected.attrs, name


def test_seed_findings_in_one_pass(seed: tk.Document) -> None:
    out = tk.analyze(seed)
    assert set(out) == {"quotes", "devices", "lexical_profile"}
    analogies = out["devices"].query("device == 'historical_analogy'")
    assert len(analogies) == 3
    assert (out["quotes"].query("kind == 'direct'")["speaker"] == "Sergei Lavrov").all()
    # the scare-quote device and tk.quotes agree: they share one pairing of the marks
    scare_quotes = out["quotes"].query("kind == 'scare'")[["start", "end"]]
    scare_devices = out["devices"].query("device == 'scare_quote'")[["start", "end"]]
    assert scare_quotes.reset_index(drop=True).equals(scare_devices.reset_index(drop=True))
    assert len(scare_devices) >= 2


def test_options_reach_the_extractors(corpus: pd.DataFrame) -> None:
    out = tk.analyze(corpus, ["devices", "lexical_profile"],
                     options={"devices": {"kinds": ["historical_analogy"]}, "lexical_profile": {"window": 20}})
    pd.testing.assert_frame_equal(out["devices"], tk.devices(corpus, kinds="historical_analogy"))
    pd.testing.assert_frame_equal(out["lexical_profile"], tk.lexical_profile(corpus, window=20))
    assert set(out["devices"]["device"]) == {"historical_analogy"}


def test_two_processes_equal_one(corpus: pd.DataFrame) -> None:
    one = tk.analyze(corpus)
    two = tk.analyze(corpus, n_jobs=2, batch_size=3)
    for name in one:
        pd.testing.assert_frame_equal(two[name], one[name], obj=name)


def test_cached_quote_rows_are_copies(seed: tk.Document) -> None:
    doc = tk.Document(seed.text, id="copy")
    first = tk.quotes(doc)
    tk.devices(doc)  # reuses the cached rows
    from toolkit.quotes import quote_rows

    quote_rows(doc)[0]["speaker"] = "someone else"
    pd.testing.assert_frame_equal(tk.quotes(doc), first)


@pytest.mark.parametrize(("tables", "options", "message"), [
    (["quotes", "speeches"], None, "speeches"),
    ([], None, "empty"),
    (["quotes"], {"devices": {"kinds": ["slogan"]}}, "not requested"),
    (["lexical_profile"], {"lexical_profile": {"window": 0}}, "window"),
    (["devices"], {"devices": {"kinds": ["sarcasm"]}}, "sarcasm"),
    (["quotes"], {"quotes": {"strict": True}}, "no options"),
])
def test_bad_parameters_are_named(tables, options, message) -> None:
    with pytest.raises(tk.ParameterError, match=message):
        tk.analyze("Some text.", tables, options=options)


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_streamed_csv_equals_the_finished_tables(corpus: pd.DataFrame, tmp_path, n_jobs: int) -> None:
    tables = ["quotes", "devices", "lexical_profile", "sentences"]
    paths = tk.analyze(corpus, tables, out=tmp_path / "out", n_jobs=n_jobs, batch_size=4)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.csv" for t in tables)
    for name in tables:
        expected = getattr(tk, name)(corpus)
        assert paths[name].read_bytes() == _csv(expected), name
        back = pd.read_csv(paths[name])
        assert len(back) == len(expected) > 0


def test_streamed_csv_of_an_empty_corpus_has_headers(tmp_path) -> None:
    empty = pd.DataFrame({"id": pd.Series([], dtype="str"), "text": pd.Series([], dtype="str")})
    paths = tk.analyze(empty, ["quotes"], out=tmp_path)
    assert paths["quotes"].read_text(encoding="utf-8").splitlines() == [",".join(tk.quotes("").columns)]
