"""Streaming documents through extractors on this machine: batches, processes, progress.

The local half of :mod:`toolkit.runner`: documents are read lazily from any
input :func:`toolkit.corpus.as_documents` accepts, sent in batches to this
process or a pool of ``n_jobs`` worker processes (at most ``2 * n_jobs``
batches in flight, so memory holds a bounded number of documents), and the
rows come back in input order. :func:`per_document_many` builds tables,
:func:`count_documents` adds up count rows. dask partitions reuse this code
(:mod:`toolkit.distributed`), so the two paths give identical tables.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any

import pandas as pd

from . import frames
from .corpus import Corpus, Document, as_documents
from .errors import InputError, ParameterError

_COMBINE_EVERY = 32  # partial count tables held before they are added up (bounded memory)
#: rows of one table a sink gets at a time, at least (the last piece may be smaller): building and writing a
#: frame has a fixed cost, paid once per piece rather than once per batch (bounded memory all the same)
SINK_ROWS = 4096


def check_runner(n_jobs: Any, progress: Any, batch_size: Any) -> int:
    """Validate the runner keywords every corpus function takes; the number of processes to use.

    Examples
    --------
    >>> check_runner(-1, None, 16) >= 1
    True
    """
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0 or n_jobs < -1:
        raise ParameterError(f"n_jobs={n_jobs!r} must be a positive int or -1 (all cores)")
    if progress is not None and not isinstance(progress, bool):
        raise ParameterError(f"progress={progress!r} must be True, False or None (automatic)")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ParameterError(f"batch_size={batch_size!r} must be a positive int")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


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
        if importlib.util.find_spec("ipywidgets") is not None:
            from tqdm.auto import tqdm
        else:  # a notebook without ipywidgets (the "notebooks" extra): a text bar, not tqdm's warning
            from tqdm.std import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return docs
    return iter(tqdm(docs, desc=desc, unit="doc", total=total, leave=False))


def _mark(doc: Any, rows: list[frames.Row], columns: dict[str, str]) -> list[frames.Row]:
    want_para = "paragraph" in columns
    want_dup = "duplicate" in columns
    repeats: list[int | None] | None = None  # doc.duplicate_of, read once
    for row in rows:
        row.setdefault("doc_id", doc.id)
        para = None
        if want_para and row.get("paragraph") is None:
            row["paragraph"] = para = doc.paragraph_at(row["start"])
        if want_dup and row.get("duplicate") is None:
            if para is None:
                para = doc.paragraph_at(row["start"])
            if repeats is None:
                repeats = doc.duplicate_of
            row["duplicate"] = para >= 0 and repeats[para] is not None  # doc.is_duplicate(row["start"])
    return rows




def _apply_steps(steps: tuple[frames.Step, ...], docs: list[Any]) -> tuple[int, list[list[frames.Row]]]:
    out: list[list[frames.Row]] = [[] for _ in steps]
    for i, doc in enumerate(docs):
        # every step sees the same Document, so its cached units (normalised view, sentences…) are built once
        for step, rows in zip(steps, out, strict=True):
            for row in _mark(doc, step.fn(doc, **step.kwargs), step.schema.columns):
                row[frames.DOC_SEQ] = i  # position in the batch; per_document_many makes it global
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

    The streaming core of :func:`per_document_many` and
    :func:`count_documents`: documents are read lazily and
    at most ``2 * n_jobs`` batches are in flight, so memory holds a bounded
    number of documents whatever the size of the corpus. ``batch_fn`` must be
    picklable for ``n_jobs > 1``; results come back in input order. When
    ``order`` is given, the document ids are appended to it as they are read.

    Examples
    --------
    >>> list(map_batches(len, ["a", "b", "c"], batch_size=2))
    [2, 1]
    """
    n_jobs = check_runner(n_jobs, progress, batch_size)
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
    """The documents, their ids appended to ``order``; a repeated id raises :class:`InputError`.

    A table's rows point at their text by ``doc_id`` and ``start``/``end``: two documents with one id would
    make its rows ambiguous (the report highlighted one text's quotes on the other's page), so the repeat is
    refused as it is read.
    """
    first: dict[str, tuple[int, str]] = {}  # (position, " (path)"): never the document, so memory stays flat
    for n, doc in enumerate(docs, 1):
        prev = first.setdefault(doc.id, (n, _where(doc)))
        if prev[0] != n:
            raise InputError(
                f"document {n}{_where(doc)} has the id {doc.id!r} of document {prev[0]}{prev[1]}; "
                "every row names its text by doc_id, so ids must be unique (give each document its own id or "
                "leave ids out to number them; for .txt files of two folders, pass their parent folder)"
            )
        order.append(doc.id)
        yield doc


def _where(doc: Any) -> str:
    path = doc.meta.get("path") if isinstance(getattr(doc, "meta", None), dict) else None
    return f" ({path})" if isinstance(path, str) else ""


def per_document_many(
    steps: dict[str, frames.Step],
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
    alone. Parameters as in :func:`toolkit.runner.per_document`; with ``sink``, the
    finished rows go to ``sink(name, frame)`` in pieces of at least
    :data:`SINK_ROWS` rows (the last may be smaller; in order: the pieces
    concatenated are the whole table) and nothing else is kept, so memory
    stays flat whatever the corpus size; the tables returned are then empty.

    Examples
    --------
    >>> def whole(doc):
    ...     return [{"start": 0, "end": len(doc.text)}]
    >>> def first(doc):
    ...     return [{"start": 0, "end": 1}]
    >>> span = frames.Schema("t", {"doc_id": "str", "start": "int64", "end": "int64"})
    >>> out = per_document_many({"a": frames.Step(whole, span, {}), "b": frames.Step(first, span, {})},
    ...                         ["Hello.", "Hi."])
    >>> out["a"]["end"].tolist(), out["b"]["end"].tolist()
    ([6, 3], [1, 1])
    """
    names = list(steps)
    order: list[str] = []
    tables: list[list[frames.Row]] = [[] for _ in names]
    batch_fn = partial(_apply_steps, tuple(steps[n] for n in names))
    offset = 0
    for n_docs, parts in map_batches(batch_fn, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                                     desc=desc, order=order):
        for name, rows, part in zip(names, tables, parts, strict=True):
            for row in part:
                row[frames.DOC_SEQ] += offset
            rows.extend(part)
            if sink is not None and len(rows) >= SINK_ROWS:
                _flush(sink, name, steps[name], rows)
        offset += n_docs
    if sink is not None:
        for name, rows in zip(names, tables, strict=True):
            if rows:
                _flush(sink, name, steps[name], rows)
    return {n: frames.finish(rows, steps[n].schema, params=steps[n].kwargs, doc_order=order)
            for n, rows in zip(names, tables, strict=True)}


def _flush(sink: Callable[[str, pd.DataFrame], None], name: str, step: frames.Step, rows: list[frames.Row]) -> None:
    """Hand the rows held for one table to ``sink`` as a finished frame, and let them go.

    Rows are sorted within a document and batches arrive in document order, so each piece is in table order.
    """
    sink(name, frames.finish(rows, step.schema, params=step.kwargs))
    rows.clear()


def _count_batch(fn: frames.DocFunction, keys: list[str], kwargs: dict[str, Any], docs: list[Any]) -> pd.DataFrame:
    rows: list[frames.Row] = []
    for doc in docs:
        rows.extend(fn(doc, **kwargs))
    return frames.sum_counts(pd.DataFrame(rows), keys)


def count_documents(
    fn: frames.DocFunction,
    x: Any,
    *,
    keys: Sequence[str],
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    desc: str = "counts",
    **kwargs: Any,
) -> pd.DataFrame:
    """Stream ``x`` and add up ``fn(doc, **kwargs)`` count rows (summed per batch, in the workers).

    Memory holds the running totals and a bounded number of batches, never
    the corpus or one row per document and key.

    Parameters
    ----------
    fn
        Module-level ``fn(doc, **kwargs) -> list[dict]``: rows of ``keys`` and
        additive counts for one document.
    x
        Anything :func:`toolkit.corpus.as_documents` accepts.
    keys
        The group columns.
    n_jobs, progress, batch_size
        As in :func:`toolkit.runner.per_document`.

    Examples
    --------
    >>> def letters(doc):
    ...     return [{"letter": c, "n": 1} for c in doc.text if c.isalpha()]
    >>> count_documents(letters, ["abba", "cab"], keys=["letter"]).values.tolist()
    [['a', 3], ['b', 3], ['c', 1]]
    """
    keys = list(keys)
    held: list[pd.DataFrame] = []
    batch_fn = partial(_count_batch, fn, keys, kwargs)
    for part in map_batches(batch_fn, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size, desc=desc):
        held.append(part)
        if len(held) >= _COMBINE_EVERY:
            held = [frames.sum_counts(held, keys)]
    return frames.sum_counts(held, keys)
