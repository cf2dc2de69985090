"""Table schemas and the one finishing step every extractor goes through.

Each extractor declares a :class:`Schema` (column names in order, dtypes) here
and returns ``finish(rows, SCHEMA, params=...)``: the same column order and
dtypes whatever the input (also for zero rows), rows in document order and
then by offset, and ``DataFrame.attrs`` recording the extractor, its
parameters and the toolkit version. :func:`per_document` is the shared runner
that applies a per-document function to any input (text, Document, Corpus,
DataFrame), optionally on several processes, and fills the ``paragraph`` and
``duplicate`` columns from the document model.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

import pandas as pd

from .errors import ParameterError

Row = dict[str, Any]
DocFunction = Callable[..., list[Row]]


@dataclass(frozen=True)
class Schema:
    """Name, ordered columns and dtypes of one extractor's table.

    Examples
    --------
    >>> s = Schema("demo", {"doc_id": "str", "start": "int64"})
    >>> s.empty().dtypes.astype(str).tolist()
    ['str', 'int64']
    """

    name: str
    columns: dict[str, str]
    sort: tuple[str, ...] = ("start", "end")

    def empty(self) -> pd.DataFrame:
        """A zero-row frame with the right columns and dtypes."""
        return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in self.columns.items()})


_SPAN = {"doc_id": "str", "start": "int64", "end": "int64"}
_PYTHON_STR = pd.StringDtype("python", na_value=float("nan"))
_DOC_SEQ = "_doc_seq"  # hidden row key: the document's position in the input (dropped by finish)

QUOTES = Schema("quotes", {
    **_SPAN, "text": "str", "kind": "str", "speaker": "str", "speaker_mention": "str",
    "speaker_start": "Int64", "speaker_end": "Int64", "content_start": "int64",
    "content_end": "int64", "attribution": "str", "cue": "str", "cue_start": "Int64",
    "cue_end": "Int64", "paragraph": "int64", "duplicate": "bool", "rule": "str",
    "fragments": "str",
})
SPEAKERS = Schema("speakers", {
    "speaker": "str", "quotes": "int64", "words": "int64", "share": "float64",
}, sort=())
DEVICES = Schema("devices", {
    **_SPAN, "device": "str", "text": "str", "cue": "str", "explanation": "str",
    "referent": "str", "target": "str", "score": "float64", "paragraph": "int64",
    "duplicate": "bool",
}, sort=("start", "end", "device"))
DUPLICATES = Schema("duplicates", {
    **_SPAN, "paragraph": "int64", "text": "str", "match": "str", "similarity": "float64",
    "original_doc_id": "str", "original_paragraph": "int64", "original_start": "int64",
    "original_end": "int64",
})
PARAGRAPHS = Schema("paragraphs", {
    **_SPAN, "paragraph": "int64", "text": "str", "duplicate": "bool",
})
SENTENCES = Schema("sentences", {
    **_SPAN, "sentence": "int64", "paragraph": "int64", "text": "str", "duplicate": "bool",
})
TOKENS = Schema("tokens", {
    **_SPAN, "token": "str", "lower": "str", "is_word": "bool", "sentence": "int64",
    "paragraph": "int64", "duplicate": "bool",
})

# lexical statistics (toolkit/profile.py, toolkit/stats.py, toolkit/kwic.py)
LEXICAL_PROFILE = Schema("lexical_profile", {
    "doc_id": "str", "tokens": "int64", "types": "int64", "sentences": "int64", "syllables": "int64",
    "polysyllables": "int64", "complex_words": "int64", "difficult_words": "int64", "letters": "int64",
    "characters": "int64", "ttr": "float64", "root_ttr": "float64", "mattr": "float64", "mtld": "float64",
    "hdd": "float64", "flesch_reading_ease": "float64", "flesch_kincaid_grade": "float64",
    "gunning_fog": "float64", "smog_index": "float64", "coleman_liau_index": "float64",
    "automated_readability_index": "float64", "dale_chall": "float64", "mean_sentence_length": "float64",
    "engine": "str",
}, sort=())
FREQUENCIES = Schema("frequencies", {
    "group": "str", "term": "str", "freq": "int64", "per_million": "float64", "doc_freq": "int64",
    "doc_share": "float64", "rank": "int64",
}, sort=())
KEYNESS = Schema("keyness", {
    "term": "str", "freq_target": "int64", "freq_reference": "int64", "per_million_target": "float64",
    "per_million_reference": "float64", "g2": "float64", "p": "float64", "log_ratio": "float64",
    "direction": "str",
}, sort=())
COLLOCATIONS = Schema("collocations", {
    "term": "str", "w1": "str", "w2": "str", "freq": "int64", "freq_w1": "int64", "freq_w2": "int64",
    "score": "float64", "measure": "str", "window": "int64",
}, sort=())
KWIC = Schema("kwic", {
    **_SPAN, "left": "str", "match": "str", "right": "str", "pattern": "str", "context_start": "int64",
    "context_end": "int64", "paragraph": "int64", "duplicate": "bool",
})
DISPERSION = Schema("dispersion", {
    "term": "str", "freq": "int64", "parts": "int64", "range": "int64", "dp": "float64",
    "dp_norm": "float64", "juilland_d": "float64",
}, sort=())
DISPERSION_POSITIONS = Schema("dispersion_positions", {
    **_SPAN, "term": "str", "match": "str", "word_index": "int64", "doc_words": "int64", "position": "float64",
    "paragraph": "int64", "duplicate": "bool",
})


def finish(
    rows: Iterable[Row] | pd.DataFrame,
    schema: Schema,
    *,
    params: dict[str, Any] | None = None,
    doc_order: list[str] | None = None,
) -> pd.DataFrame:
    """Build the final table: columns, dtypes, stable order, ``attrs``.

    Parameters
    ----------
    rows
        Dicts (missing keys become missing values) or a DataFrame.
    schema
        The extractor's schema.
    params
        Parameters to record in ``df.attrs["params"]``.
    doc_order
        Document ids in input order; rows are sorted by it, then by the
        schema's sort columns. Without it, the order of first appearance.

    Examples
    --------
    >>> finish([{"doc_id": "a", "start": 3, "end": 4}], Schema("t", _SPAN)).shape
    (1, 3)
    """
    from . import __version__

    rows = rows.copy() if isinstance(rows, pd.DataFrame) else list(rows)
    try:
        df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    except UnicodeEncodeError:
        df = pd.DataFrame(rows, dtype=object)
    if df.empty:
        out = schema.empty()
    else:
        # per_document numbers the documents, so two documents that share an id never interleave
        seq = df.pop(_DOC_SEQ).to_numpy() if _DOC_SEQ in df.columns else None
        for col, _dtype in schema.columns.items():
            if col not in df.columns:
                df[col] = None
        df = df[list(schema.columns)]
        try:
            out = df.astype(schema.columns)
        except UnicodeEncodeError:
            # lone surrogates (legal in Python strings, e.g. from JSON "\\ud800") cannot be
            # stored as Arrow strings: keep the same ``str`` dtype with Python storage
            out = df.astype(object).astype({c: _PYTHON_STR if t == "str" else t for c, t in schema.columns.items()})
        keys = [c for c in schema.sort if c in out.columns]
        if "doc_id" in out.columns and keys:
            if seq is not None:
                out = out.assign(_doc_rank=seq)
            else:
                order = doc_order or list(dict.fromkeys(out["doc_id"].tolist()))
                rank = {d: i for i, d in enumerate(order)}
                out = out.assign(_doc_rank=out["doc_id"].map(rank))
            out = out.sort_values(["_doc_rank", *keys], kind="stable").drop(columns="_doc_rank")
        out = out.reset_index(drop=True)
    out.attrs = {
        "extractor": schema.name,
        "params": dict(params or {}),
        "toolkit_version": __version__,
    }
    return out


# --------------------------------------------------------------------------- runner


def _progress_enabled(progress: bool | None) -> bool:
    if progress is not None:
        return progress
    if os.environ.get("CI") or os.environ.get("PYTEST_CURRENT_TEST") or os.environ.get("TOOLKIT_QUIET"):
        return False
    if "ipykernel" in sys.modules:
        return True
    return sys.stderr.isatty()


def _with_progress(docs: Iterator[Any], enabled: bool, desc: str, total: int | None) -> Iterator[Any]:
    if not enabled:
        return docs
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return docs
    return iter(tqdm(docs, desc=desc, unit="doc", total=total, leave=False))


def _mark(doc: Any, rows: list[Row], columns: dict[str, str]) -> list[Row]:
    want_para = "paragraph" in columns
    want_dup = "duplicate" in columns
    for row in rows:
        row.setdefault("doc_id", doc.id)
        if want_para and row.get("paragraph") is None:
            row["paragraph"] = doc.paragraph_at(row["start"])
        if want_dup and row.get("duplicate") is None:
            row["duplicate"] = doc.is_duplicate(row["start"])
    return rows


@dataclass(frozen=True)
class Step:
    """One per-document extractor for :func:`per_document_many`: its row function, schema and keywords."""

    fn: DocFunction
    schema: Schema
    kwargs: dict[str, Any]


def _apply_steps(steps: tuple[Step, ...], docs: list[Any]) -> tuple[int, list[list[Row]]]:
    out: list[list[Row]] = [[] for _ in steps]
    for i, doc in enumerate(docs):
        # every step sees the same Document, so its cached units (normalised view, sentences…) are built once
        for step, rows in zip(steps, out, strict=True):
            for row in _mark(doc, step.fn(doc, **step.kwargs), step.schema.columns):
                row[_DOC_SEQ] = i  # position in the batch; per_document_many makes it global
                rows.append(row)
    return len(docs), out


def _batches(it: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


def map_batches(
    batch_fn: Callable[[list[Any]], Any],
    x: Any,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    desc: str = "documents",
    order: list[str] | None = None,
) -> Iterator[Any]:
    """Stream the documents of ``x`` through ``batch_fn(list_of_docs)``, batch by batch, in order.

    The streaming core of :func:`per_document` and
    :func:`toolkit.distributed.count_documents`: documents are read lazily and
    at most ``2 * n_jobs`` batches are in flight, so memory holds a bounded
    number of documents whatever the size of the corpus. ``batch_fn`` must be
    picklable for ``n_jobs > 1``; results come back in input order. When
    ``order`` is given, the document ids are appended to it as they are read.

    Examples
    --------
    >>> list(map_batches(len, ["a", "b", "c"], batch_size=2))
    [2, 1]
    """
    from .corpus import Corpus, Document, as_documents

    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0 or n_jobs < -1:
        raise ParameterError(f"n_jobs={n_jobs!r} must be a positive int or -1 (all cores)")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ParameterError(f"batch_size={batch_size!r} must be a positive int")
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    total = x._length if isinstance(x, Corpus) else None
    single = isinstance(x, (str, Document))  # one document: no progress bar
    docs = _with_progress(as_documents(x), _progress_enabled(progress) and not single, desc, total)
    if order is not None:
        docs = _tracked(docs, order)
    if n_jobs == 1:
        for batch in _batches(docs, batch_size):
            yield batch_fn(batch)
        return
    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        pending: deque[Future[Any]] = deque()
        for batch in _batches(docs, batch_size):
            pending.append(pool.submit(batch_fn, batch))
            if len(pending) >= 2 * n_jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _tracked(docs: Iterable[Any], order: list[str]) -> Iterator[Any]:
    for doc in docs:
        order.append(doc.id)
        yield doc


def per_document(
    fn: DocFunction,
    x: Any,
    schema: Schema,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    **kwargs: Any,
) -> pd.DataFrame:
    """Apply ``fn(doc, **kwargs) -> list[dict]`` to every document of ``x``.

    Parameters
    ----------
    fn
        A module-level function (picklable, for ``n_jobs > 1``).
    x
        Anything :func:`toolkit.corpus.as_documents` accepts, or a
        ``dask.dataframe.DataFrame`` with ``id``/``text`` columns: then the
        result is a lazy dask DataFrame with the schema's columns and dtypes
        (see :mod:`toolkit.distributed`; ``n_jobs``/``progress`` are the cluster's).
    schema
        The result's schema; ``paragraph`` and ``duplicate`` are filled from
        the document when ``fn`` leaves them out.
    n_jobs
        Worker processes; ``1`` runs in this process, ``-1`` uses every core.
        Results are identical whatever the number of processes.
    progress
        Show a progress bar; by default only in notebooks and terminals, never
        under CI or pytest.
    batch_size
        Documents sent to a worker at a time.

    Examples
    --------
    >>> def f(doc):
    ...     return [{"start": 0, "end": len(doc.text)}]
    >>> per_document(f, "Hello.", Schema("t", _SPAN)).values.tolist()
    [['doc', 0, 6]]
    """
    from . import distributed

    if distributed.is_dask(x):  # a dask DataFrame in, a lazy dask DataFrame out (same columns and dtypes)
        return distributed.map_documents(fn, x, schema, **kwargs)
    step = Step(fn, schema, kwargs)
    return per_document_many({schema.name: step}, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                             desc=schema.name)[schema.name]


def per_document_many(
    steps: dict[str, Step],
    x: Any,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    desc: str = "documents",
    sink: Callable[[str, pd.DataFrame], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Several per-document extractors in one pass over ``x``: one table per step.

    Each document is read once and every step runs on the same
    :class:`~toolkit.corpus.Document`, so the document model (normalised view,
    paragraphs, sentences, duplicate paragraphs) is built once for all of
    them. Each table equals what :func:`per_document` gives for that step
    alone. Parameters as in :func:`per_document`; with ``sink``, each batch's
    finished rows go to ``sink(name, frame)`` as soon as they are ready (in
    order: the pieces concatenated are the whole table) and nothing is kept,
    so memory stays flat whatever the corpus size; the tables returned are
    then empty.

    Examples
    --------
    >>> def whole(doc):
    ...     return [{"start": 0, "end": len(doc.text)}]
    >>> def first(doc):
    ...     return [{"start": 0, "end": 1}]
    >>> out = per_document_many({"a": Step(whole, Schema("a", _SPAN), {}), "b": Step(first, Schema("b", _SPAN), {})},
    ...                         ["Hello.", "Hi."])
    >>> out["a"]["end"].tolist(), out["b"]["end"].tolist()
    ([6, 3], [1, 1])
    """
    names = list(steps)
    order: list[str] = []
    tables: list[list[Row]] = [[] for _ in names]
    batch_fn = partial(_apply_steps, tuple(steps[n] for n in names))
    offset = 0
    for n_docs, parts in map_batches(batch_fn, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                                     desc=desc, order=order):
        for name, rows, part in zip(names, tables, parts, strict=True):
            for row in part:
                row[_DOC_SEQ] += offset
            if sink is not None:
                # rows are sorted within a document and batches arrive in document order
                sink(name, finish(part, steps[name].schema, params=steps[name].kwargs))
            else:
                rows.extend(part)
        offset += n_docs
    return {n: finish(rows, steps[n].schema, params=steps[n].kwargs, doc_order=order)
            for n, rows in zip(names, tables, strict=True)}
