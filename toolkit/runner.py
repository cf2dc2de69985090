"""The one entry point for running an extractor over any input: local processes or dask.

Every corpus function of the toolkit (``tk.quotes``, ``tk.devices``,
``tk.sentences``, ``tk.kwic``, ``tk.frequencies``, ``tk.dispersion``, …) takes
the same three runner keywords and passes them here:

``n_jobs``
    Worker processes; ``1`` runs in this process, ``-1`` uses every core.
    Results are identical whatever the number of processes.
``progress``
    Show a progress bar; ``None`` (default) shows one only in notebooks and
    terminals, never under CI or pytest.
``batch_size``
    Documents sent to a worker at a time.

A ``dask.dataframe.DataFrame`` with ``id``/``text`` columns goes to
:mod:`toolkit.distributed` (lazy dask results with the same columns and
dtypes; ``n_jobs`` and ``progress`` are then the cluster's); anything else
:func:`toolkit.corpus.as_documents` accepts is streamed by
:mod:`toolkit.streaming`. Import direction: runner → distributed → streaming →
frames → corpus → text.

Examples
--------
>>> from toolkit import frames
>>> def whole(doc):
...     return [{"start": 0, "end": len(doc.text)}]
>>> per_document(whole, ["One.", "Two two."], frames.Schema("t", {"doc_id": "str", "start": "int64",
...                                                                "end": "int64"}))["end"].tolist()
[4, 8]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from . import distributed, frames, streaming
from .errors import InputError, ParameterError

Finalize = distributed.Finalize


def per_document(fn: frames.DocFunction, x: Any, schema: frames.Schema, *, n_jobs: int = 1,
                 progress: bool | None = None, batch_size: int = 16, **kwargs: Any) -> Any:
    """Apply ``fn(doc, **kwargs) -> list[dict]`` to every document of ``x``: one table.

    Parameters
    ----------
    fn
        A module-level function (picklable, for ``n_jobs > 1``).
    x
        Anything :func:`toolkit.corpus.as_documents` accepts, or a dask
        DataFrame with ``id``/``text`` columns (then the result is lazy).
    schema
        The result's schema; ``paragraph`` and ``duplicate`` are filled from
        the document when ``fn`` leaves them out.
    n_jobs, progress, batch_size
        The runner keywords (module docstring).
    **kwargs
        Passed to ``fn`` and recorded in ``attrs["params"]``.

    Examples
    --------
    >>> def f(doc):
    ...     return [{"start": 0, "end": len(doc.text)}]
    >>> per_document(f, "Hello.", frames.Schema("t", {"doc_id": "str", "start": "int64", "end": "int64"})
    ...              ).values.tolist()
    [['doc', 0, 6]]
    """
    step = frames.Step(fn, schema, kwargs)
    return per_document_many({schema.name: step}, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                             desc=schema.name)[schema.name]


def per_document_many(steps: dict[str, frames.Step], x: Any, *, n_jobs: int = 1, progress: bool | None = None,
                      batch_size: int = 16, desc: str = "documents",
                      sink: Callable[[str, pd.DataFrame], None] | None = None) -> dict[str, Any]:
    """Several per-document steps in one pass over ``x``: one table per step.

    See :func:`toolkit.streaming.per_document_many` (``sink`` streams finished
    batches instead of keeping them; local inputs only).

    Examples
    --------
    >>> from toolkit.units import _paragraph_rows, _sentence_rows
    >>> out = per_document_many({"p": frames.Step(_paragraph_rows, frames.PARAGRAPHS, {}),
    ...                          "s": frames.Step(_sentence_rows, frames.SENTENCES, {})}, "One. Two.\\nThree.")
    >>> len(out["p"]), len(out["s"])
    (2, 3)
    """
    streaming.check_runner(n_jobs, progress, batch_size)
    if distributed.is_dask(x):
        if sink is not None:
            raise ParameterError("out= streams local results; with dask, write the lazy tables with to_csv/to_parquet")
        return distributed.map_documents_many(steps, x)
    return streaming.per_document_many(steps, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                                       desc=desc, sink=sink)


def reduce_documents(fn: frames.DocFunction, x: Any, *, keys: Sequence[str], finalize: Finalize,
                     meta: pd.DataFrame, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16,
                     split_every: int | None = None, desc: str = "counts", **kwargs: Any) -> Any:
    """Corpus-wide counts from per-document count rows, finalised once; dask in, dask out.

    Parameters
    ----------
    fn
        Module-level ``fn(doc, **kwargs) -> list[dict]``: rows of ``keys`` and
        additive counts for one document.
    x
        Anything :func:`toolkit.corpus.as_documents` accepts, or a dask corpus frame.
    keys
        The group columns.
    finalize
        Turns the global counts into the result (shares, rates, tests).
    meta
        The empty result frame (columns and dtypes), for dask.
    n_jobs, progress, batch_size
        The runner keywords (module docstring).
    split_every
        Fan-in of the dask tree reduction (default 8).

    Examples
    --------
    >>> def letters(doc):
    ...     return [{"letter": c, "n": 1} for c in doc.text if c.isalpha()]
    >>> def share(c):
    ...     return c.assign(share=c["n"] / c["n"].sum())
    >>> meta = pd.DataFrame({"letter": pd.Series([], dtype="str"), "n": pd.Series([], dtype="int64"),
    ...                      "share": pd.Series([], dtype="float64")})
    >>> reduce_documents(letters, ["ab", "a"], keys=["letter"], finalize=share, meta=meta)["share"].tolist()
    [0.6666666666666666, 0.3333333333333333]
    """
    streaming.check_runner(n_jobs, progress, batch_size)
    if distributed.is_dask(x):
        return distributed.reduce_documents(fn, x, keys=keys, finalize=finalize, meta=meta, batch_size=batch_size,
                                            split_every=split_every, **kwargs)
    return finalize(streaming.count_documents(fn, x, keys=keys, n_jobs=n_jobs, progress=progress,
                                              batch_size=batch_size, desc=desc, **kwargs))


def aggregate(x: Any, partial_fn: Callable[..., pd.DataFrame], *, keys: Sequence[str], finalize: Finalize,
              meta: pd.DataFrame, split_every: int | None = None, **kwargs: Any) -> Any:
    """Partial counts of a finished table (pandas or dask), added up, finalised once.

    Parameters
    ----------
    x
        A pandas DataFrame (e.g. a quotes table) or a dask DataFrame.
    partial_fn
        ``partial_fn(frame, **kwargs)``: a table of ``keys`` plus additive
        count columns for one piece of ``x``.
    keys, finalize, meta, split_every
        As in :func:`reduce_documents`.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Lavrov", "Kerry", "Lavrov"]})
    >>> count = lambda f: f.groupby("speaker", sort=False).size().rename("quotes").reset_index()
    >>> share = lambda c: c.assign(share=c["quotes"] / c["quotes"].sum())
    >>> meta = pd.DataFrame({"speaker": pd.Series([], dtype="str"), "quotes": pd.Series([], dtype="int64"),
    ...                      "share": pd.Series([], dtype="float64")})
    >>> aggregate(q, count, keys=["speaker"], finalize=share, meta=meta)["share"].round(2).tolist()
    [0.67, 0.33]
    """
    if distributed.is_dask(x):
        return distributed.aggregate(x, partial_fn, keys=keys, finalize=finalize, meta=meta,
                                     split_every=split_every, **kwargs)
    if not isinstance(x, pd.DataFrame):
        raise InputError(f"aggregate() needs a pandas or dask DataFrame, not a {type(x).__name__}")
    return finalize(frames.sum_counts(partial_fn(x, **kwargs), keys))


def combine_pair(func: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame], a: Any, b: Any,
                 meta: pd.DataFrame) -> Any:
    """``func(a, b)`` on two finished aggregates (e.g. target and reference counts for keyness).

    When either is a one-partition dask DataFrame (as :func:`aggregate`
    returns), the result is lazy; otherwise ``func(a, b)``.

    Examples
    --------
    >>> a, b = pd.DataFrame({"n": [1]}), pd.DataFrame({"n": [2]})
    >>> combine_pair(lambda x, y: x + y, a, b, meta=a.iloc[:0])["n"].tolist()
    [3]
    """
    if distributed.is_dask(a) or distributed.is_dask(b):
        return distributed.combine_pair(func, a, b, meta)
    return func(a, b)


__all__ = ["aggregate", "combine_pair", "per_document", "per_document_many", "reduce_documents"]
