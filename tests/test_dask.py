"""Corpus scale: dask results equal pandas results, aggregates combine, n_jobs changes nothing.

The sample is the first 60 documents of the bundled Wikinews file
(data/wikinews_en_2019_2020.jsonl, CC BY 2.5); it holds two repeated
paragraphs (wikinews-f4b88d36c596 paragraph 47, wikinews-2c8584d18975
paragraph 7), so ``duplicate`` is exercised too. The cluster is a real
``distributed.LocalCluster`` with 2 worker processes.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit import distributed, runner, streaming

dd = pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

from .conftest import WIKINEWS  # noqa: E402

# ``tests`` cannot be imported by name in other processes (textstat installs a top-level
# ``tests`` package that shadows this folder), so the count helpers live in a plain module
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
from dask_counts import RATES_META, rates, word_counts  # noqa: E402

N_DOCS = 60
# every corpus-level extractor that returns one row per finding/document; those not built yet are skipped
EXTRACTORS = ["paragraphs", "sentences", "tokens", "duplicates", "quotes", "devices", "lexical_profile"]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    # the user functions of the aggregate tests are pickled by reference as ``dask_counts``:
    # the worker processes import it from this folder
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE), saved) if p)

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        yield c
    if saved is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = saved


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return tk.load_corpus(WIKINEWS).head(N_DOCS).to_frame()


def _extractor(name: str):
    fn = getattr(tk, name, None)
    if fn is None:
        pytest.skip(f"tk.{name} does not exist yet")
    return fn


def _computed(result) -> pd.DataFrame:
    assert distributed.is_dask(result), f"expected a dask DataFrame, got {type(result).__name__}"
    return result.compute().reset_index(drop=True)


@pytest.mark.parametrize("name", EXTRACTORS)
def test_dask_result_equals_pandas(name: str, client, sample: pd.DataFrame) -> None:
    fn = _extractor(name)
    expected = fn(sample)
    assert len(expected) > 0, f"tk.{name} found nothing in the sample: the comparison would be vacuous"
    lazy = fn(dd.from_pandas(sample, npartitions=4))
    # declared meta: same columns and dtypes before anything is computed
    pd.testing.assert_series_equal(lazy.dtypes, expected.dtypes)
    pd.testing.assert_frame_equal(_computed(lazy), expected)


def test_partitioning_does_not_change_the_result(client, sample: pd.DataFrame) -> None:
    one = tk.sentences(dd.from_pandas(sample, npartitions=1)).compute().reset_index(drop=True)
    many = tk.sentences(dd.from_pandas(sample, npartitions=7)).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(one, many)
    assert one["doc_id"].unique().tolist() == sample["id"].tolist()


# tk.duplicates has no n_jobs: it is one linear pass that must see every paragraph
@pytest.mark.parametrize("name", [n for n in EXTRACTORS if n != "duplicates"])
def test_two_processes_equal_one(name: str, sample: pd.DataFrame) -> None:
    fn = _extractor(name)
    pd.testing.assert_frame_equal(fn(sample, n_jobs=2, batch_size=4), fn(sample, n_jobs=1))


def test_dask_input_needs_ids(sample: pd.DataFrame) -> None:
    with pytest.raises(tk.InputError, match="'id'"):
        tk.sentences(dd.from_pandas(sample.drop(columns="id"), npartitions=2))


def test_duplicates_across_partitions_is_refused(sample: pd.DataFrame) -> None:
    with pytest.raises(tk.ParameterError, match="scope='corpus'"):
        tk.duplicates(dd.from_pandas(sample, npartitions=2), scope="corpus")


# --------------------------------------------------------------------------- aggregates


def test_reduce_documents_combines_partitions(client, sample: pd.DataFrame) -> None:
    local = runner.reduce_documents(word_counts, sample, keys=["word"], finalize=rates, meta=RATES_META)
    two = runner.reduce_documents(word_counts, sample, keys=["word"], finalize=rates, meta=RATES_META,
                                       n_jobs=2, batch_size=3)
    lazy = runner.reduce_documents(word_counts, dd.from_pandas(sample, npartitions=6), keys=["word"],
                                        finalize=rates, meta=RATES_META, split_every=2)
    assert lazy.npartitions == 1
    pd.testing.assert_frame_equal(two, local)
    pd.testing.assert_frame_equal(_computed(lazy), local)
    # and the totals are the true ones, counted from the tokens table directly
    toks = tk.tokens(sample)
    words = toks.loc[toks["token"].str[:1].str.isalnum(), "lower"]
    assert local.set_index("word")["count"].to_dict() == words.value_counts().to_dict()
    assert local.loc[local["word"] == "the", "docs"].item() == toks.loc[toks["lower"] == "the", "doc_id"].nunique()
    assert local["per_million"].sum() == pytest.approx(1e6)


def test_aggregate_over_an_extractor_table(client, sample: pd.DataFrame) -> None:
    """Sentences per paragraph-duplicate flag and document: counts summed across partitions, shares once."""
    def partial_counts(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.groupby(["duplicate"], sort=False).size().rename("sentences").reset_index()

    def shares(counts: pd.DataFrame) -> pd.DataFrame:
        out = counts.assign(share=counts["sentences"] / counts["sentences"].sum())
        return out.sort_values("duplicate", kind="stable").reset_index(drop=True)

    meta = pd.DataFrame({"duplicate": pd.Series([], dtype="bool"), "sentences": pd.Series([], dtype="int64"),
                         "share": pd.Series([], dtype="float64")})
    sents = tk.sentences(sample)
    local = runner.aggregate(sents, partial_counts, keys=["duplicate"], finalize=shares, meta=meta)
    lazy = runner.aggregate(tk.sentences(dd.from_pandas(sample, npartitions=5)), partial_counts,
                                 keys=["duplicate"], finalize=shares, meta=meta, split_every=2)
    pd.testing.assert_frame_equal(_computed(lazy), local)
    assert local["sentences"].sum() == len(sents)
    assert local["duplicate"].tolist() == [False, True]


def test_combine_pair_meets_two_aggregates(client, sample: pd.DataFrame) -> None:
    """A keyness-shaped combination: two corpora counted separately, compared once."""
    first, second = sample.iloc[:30], sample.iloc[30:]

    def compare(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
        both = a[["word", "count"]].merge(b[["word", "count"]], on="word", how="outer", suffixes=("_a", "_b"))
        both = both.fillna({"count_a": 0, "count_b": 0}).astype({"count_a": "int64", "count_b": "int64"})
        return both.sort_values("word", kind="stable").reset_index(drop=True)

    meta = pd.DataFrame({"word": pd.Series([], dtype="str"), "count_a": pd.Series([], dtype="int64"),
                         "count_b": pd.Series([], dtype="int64")})

    def counts(x):
        return runner.reduce_documents(word_counts, x, keys=["word"], finalize=rates, meta=RATES_META)

    local = runner.combine_pair(compare, counts(first), counts(second), meta)
    lazy = runner.combine_pair(compare, counts(dd.from_pandas(first, npartitions=3)),
                                    counts(dd.from_pandas(second, npartitions=2)), meta)
    pd.testing.assert_frame_equal(_computed(lazy), local)
    whole = counts(sample).set_index("word")["count"]
    assert (local.set_index("word")[["count_a", "count_b"]].sum(axis=1) == whole.reindex(local["word"])).all()


def test_map_batches_keeps_a_bounded_number_of_documents_in_flight(sample: pd.DataFrame) -> None:
    """The runner pulls documents lazily: with one process it never reads ahead of the batch it works on."""
    read: list[str] = []

    def stream():
        for doc in tk.load_corpus(sample):
            read.append(doc.id)
            yield doc

    seen_when_called = []

    def batch_fn(docs):
        seen_when_called.append(len(read))
        return len(docs)

    sizes = list(streaming.map_batches(batch_fn, stream(), batch_size=8))
    assert sum(sizes) == N_DOCS
    assert seen_when_called == [min(8 * (i + 1), N_DOCS) for i in range(len(sizes))]


def test_speaker_shares_combine_across_partitions(client, sample: pd.DataFrame) -> None:
    expected = tk.speakers(sample)
    assert len(expected) > 5 and expected["share"].sum() == pytest.approx(1.0)
    lazy_quotes = tk.quotes(dd.from_pandas(sample, npartitions=5))
    for lazy in (tk.speakers(lazy_quotes), tk.speakers(dd.from_pandas(sample, npartitions=3))):
        assert lazy.npartitions == 1
        pd.testing.assert_frame_equal(_computed(lazy), expected)


def test_analyze_on_dask_equals_local_and_reads_each_partition_once(client, sample: pd.DataFrame) -> None:
    import dask

    local = tk.analyze(sample)
    lazy = tk.analyze(dd.from_pandas(sample, npartitions=4))
    for name, table in lazy.items():
        pd.testing.assert_series_equal(table.dtypes, local[name].dtypes)
    if hasattr(dask.base, "collections_to_expr"):  # dask >= 2025 (expressions)
        graph = dict(dask.base.collections_to_expr(list(lazy.values())).__dask_graph__())
    else:
        graph = dict(dask.base.collections_to_dsk(list(lazy.values())))
    partition_runs = [k for k in graph if "_documents_many_partition" in str(k)]
    assert len(partition_runs) == 4, partition_runs  # one shared task per partition for all three tables
    for name, table in zip(lazy, dask.compute(*lazy.values()), strict=True):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), local[name])
