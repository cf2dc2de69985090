"""Corpus scale: dask DataFrames in, dask DataFrames out, and aggregates that combine.

Every corpus-level call goes through :func:`toolkit.frames.per_document`. When
its input is a ``dask.dataframe.DataFrame`` with ``id`` and ``text`` columns,
the runner hands it to :func:`map_documents` (one extractor) or
:func:`map_documents_many` (several, one task per partition), which return dask
DataFrames built from one task per partition: each partition is processed by exactly the
pandas code path, and the declared ``meta`` is the extractor's empty schema
frame, so the dask result has the same columns and dtypes as the pandas one.

Aggregations over a corpus (speaker shares, device counts, word frequencies,
keyness) are written as *partial counts* that add up: each partition (or each
batch of documents on one machine) produces a small table of additive counts
per key, :func:`sum_counts` adds such tables, and a ``finalize`` step turns the
global counts into shares, rates or G² once. :func:`aggregate` runs that over a
pandas or dask frame (a dask tree reduction: no node ever holds more than a few
count tables), :func:`reduce_documents` streams it over a corpus on ``n_jobs``
processes.

dask is an optional extra (``pip install 'discourse-toolkit[dask]'``); this
module never imports it unless a dask object is actually passed in.

Examples
--------
>>> import pandas as pd
>>> parts = [pd.DataFrame({"word": ["a", "b"], "n": [2, 1]}), pd.DataFrame({"word": ["a"], "n": [3]})]
>>> sum_counts(parts, ["word"]).values.tolist()
[['a', 5], ['b', 1]]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

import pandas as pd

from . import frames
from .errors import InputError, ParameterError

Finalize = Callable[[pd.DataFrame], pd.DataFrame]
_COMBINE_EVERY = 32  # partial tables held before they are added up (bounded memory)


def is_dask(x: Any) -> bool:
    """True when ``x`` is a ``dask.dataframe.DataFrame``; never imports dask.

    If dask has not been imported, nothing can be a dask DataFrame, so the
    check looks at ``sys.modules`` instead of importing it.

    Examples
    --------
    >>> is_dask("some text")
    False
    """
    dd = sys.modules.get("dask.dataframe")
    return dd is not None and isinstance(x, getattr(dd, "DataFrame", ()))


def _check_corpus_frame(ddf: Any) -> None:
    missing = [c for c in ("id", "text") if c not in ddf.columns]
    if missing:
        raise InputError(
            f"a dask DataFrame needs 'id' and 'text' columns (missing: {', '.join(missing)}; "
            f"columns: {list(ddf.columns)}); document ids must be unique across partitions"
        )


def map_documents(fn: frames.DocFunction, ddf: Any, schema: frames.Schema, **kwargs: Any) -> Any:
    """Run a per-document extractor on every partition of a dask DataFrame.

    Parameters
    ----------
    fn
        The extractor's module-level ``fn(doc, **kwargs) -> list[dict]``.
    ddf
        A ``dask.dataframe.DataFrame`` with ``id`` and ``text`` columns (other
        columns become document metadata, as with pandas).
    schema
        The result schema; its empty frame is the declared ``meta``.
    **kwargs
        Passed to ``fn``.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy; ``.compute()`` gives the pandas result of the same call on the
        whole frame (rows in partition order; reset the index to compare).

    Examples
    --------
    >>> import pandas as pd, dask.dataframe as dd
    >>> from toolkit.units import _sentence_rows
    >>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a", "b"], "text": ["One. Two.", "Three."]}), npartitions=2)
    >>> map_documents(_sentence_rows, ddf, frames.SENTENCES).compute()["text"].tolist()
    ['One.', 'Two.', 'Three.']
    """
    return map_documents_many({schema.name: frames.Step(fn, schema, kwargs)}, ddf)[schema.name]


def _documents_many_partition(pdf: pd.DataFrame, steps: dict[str, frames.Step]) -> dict[str, pd.DataFrame]:
    return frames.per_document_many(steps, pdf, n_jobs=1, progress=False)


def map_documents_many(steps: dict[str, frames.Step], ddf: Any) -> dict[str, Any]:
    """Several per-document extractors on every partition of a dask DataFrame, in one pass per partition.

    Each partition is read and modelled once (:func:`toolkit.frames.per_document_many`);
    every table is a lazy dask DataFrame (declared ``meta``: the step's schema) over those
    shared per-partition results, so computing the tables together (``dask.compute(*tables.values())``)
    runs each partition once.

    Examples
    --------
    >>> import dask, pandas as pd, dask.dataframe as dd
    >>> from toolkit.units import _paragraph_rows, _sentence_rows
    >>> steps = {"p": frames.Step(_paragraph_rows, frames.PARAGRAPHS, {}),
    ...          "s": frames.Step(_sentence_rows, frames.SENTENCES, {})}
    >>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a", "b"], "text": ["One. Two.", "Three."]}), npartitions=2)
    >>> p, s = dask.compute(*map_documents_many(steps, ddf).values())
    >>> len(p), s["text"].tolist()
    (2, ['One.', 'Two.', 'Three.'])
    """
    import operator

    import dask
    import dask.dataframe as dd

    _check_corpus_frame(ddf)
    parts = [dask.delayed(_documents_many_partition)(part, steps) for part in ddf.to_delayed()]
    return {
        name: dd.from_delayed([dask.delayed(operator.getitem)(part, name) for part in parts],
                              meta=step.schema.empty(), verify_meta=False)
        for name, step in steps.items()
    }


def map_frames(func: Callable[..., pd.DataFrame], ddf: Any, meta: pd.DataFrame, **kwargs: Any) -> Any:
    """``ddf.map_partitions(func, meta=meta)`` for corpus frames (checks ``id``/``text``).

    For extractors that do not go through :func:`toolkit.frames.per_document`
    but still work document by document: ``func(pandas_frame, **kwargs)``
    returns the pandas result for one partition.

    Examples
    --------
    >>> import pandas as pd, dask.dataframe as dd
    >>> from toolkit import duplicates
    >>> text = "A lead with five words here.\\nA lead with five words here."
    >>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": [text]}), npartitions=1)
    >>> map_frames(duplicates, ddf, frames.DUPLICATES.empty())["match"].compute().tolist()
    ['exact']
    """
    _check_corpus_frame(ddf)
    return ddf.map_partitions(func, meta=meta, **kwargs)


# --------------------------------------------------------------------------- aggregates


def sum_counts(parts: pd.DataFrame | Iterable[pd.DataFrame], keys: Sequence[str]) -> pd.DataFrame:
    """Add up partial count tables: one row per key, every other column summed.

    Keys keep the order of their first appearance, so adding partitions in
    order gives the same table as counting everything at once. Missing keys
    (``None``) are a group of their own.

    Examples
    --------
    >>> import pandas as pd
    >>> sum_counts(pd.DataFrame({"k": ["x", "y", "x"], "n": [1, 2, 3]}), ["k"])["n"].tolist()
    [4, 2]
    """
    frame = parts if isinstance(parts, pd.DataFrame) else _concat(list(parts))
    keys = list(keys)
    if frame.empty or not keys:
        return frame.reset_index(drop=True)
    return frame.groupby(keys, sort=False, dropna=False, observed=True).sum().reset_index()


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    non_empty = [p for p in parts if not p.empty]
    if not non_empty:
        return parts[0].iloc[:0] if parts else pd.DataFrame()
    return non_empty[0] if len(non_empty) == 1 else pd.concat(non_empty, ignore_index=True)


def _chunk(pdf: pd.DataFrame, partial_fn: Callable[..., pd.DataFrame], keys: Sequence[str],
           kwargs: dict[str, Any]) -> pd.DataFrame:
    return sum_counts(partial_fn(pdf, **kwargs), keys)


def _finish(pdf: pd.DataFrame, keys: Sequence[str], finalize: Finalize) -> pd.DataFrame:
    return finalize(sum_counts(pdf, keys))


def aggregate(
    x: Any,
    partial_fn: Callable[..., pd.DataFrame],
    *,
    keys: Sequence[str],
    finalize: Finalize,
    meta: pd.DataFrame,
    split_every: int | None = None,
    **kwargs: Any,
) -> Any:
    """Partial counts per piece, added up, finalised once.

    Parameters
    ----------
    x
        A pandas DataFrame (e.g. a quotes table) or a dask DataFrame.
    partial_fn
        ``partial_fn(frame, **kwargs)``: a table of ``keys`` plus additive
        count columns for one piece of ``x``.
    keys
        The group columns of the counts.
    finalize
        Turns the global counts into the result (shares, rates, tests).
    meta
        The empty result frame (columns and dtypes), for dask.
    split_every
        Fan-in of the dask tree reduction (default 8).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        A dask DataFrame with one partition when ``x`` is a dask DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> q = pd.DataFrame({"speaker": ["Lavrov", "Kerry", "Lavrov"]})
    >>> count = lambda f: f.groupby("speaker", sort=False).size().rename("quotes").reset_index()
    >>> share = lambda c: c.assign(share=c["quotes"] / c["quotes"].sum())
    >>> meta = pd.DataFrame({"speaker": pd.Series([], dtype="str"), "quotes": pd.Series([], dtype="int64"),
    ...                      "share": pd.Series([], dtype="float64")})
    >>> aggregate(q, count, keys=["speaker"], finalize=share, meta=meta)["share"].round(2).tolist()
    [0.67, 0.33]
    """
    if is_dask(x):
        return x.reduction(
            partial(_chunk, partial_fn=partial_fn, keys=list(keys), kwargs=kwargs),
            aggregate=partial(_finish, keys=list(keys), finalize=finalize),
            combine=partial(sum_counts, keys=list(keys)),
            meta=meta,
            split_every=split_every,
        )
    if not isinstance(x, pd.DataFrame):
        raise InputError(f"aggregate() needs a pandas or dask DataFrame, not a {type(x).__name__}")
    return finalize(sum_counts(partial_fn(x, **kwargs), keys))


def _count_batch(fn: frames.DocFunction, keys: list[str], kwargs: dict[str, Any], docs: list[Any]) -> pd.DataFrame:
    rows: list[frames.Row] = []
    for doc in docs:
        rows.extend(fn(doc, **kwargs))
    return sum_counts(pd.DataFrame(rows), keys)


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
        As in :func:`toolkit.frames.per_document`.

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
    for part in frames.map_batches(batch_fn, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size, desc=desc):
        held.append(part)
        if len(held) >= _COMBINE_EVERY:
            held = [sum_counts(held, keys)]
    return sum_counts(held, keys)


def _count_partition(pdf: pd.DataFrame, fn: frames.DocFunction, keys: list[str], kwargs: dict[str, Any],
                     batch_size: int) -> pd.DataFrame:
    return count_documents(fn, pdf, keys=keys, n_jobs=1, progress=False, batch_size=batch_size, **kwargs)


def reduce_documents(
    fn: frames.DocFunction,
    x: Any,
    *,
    keys: Sequence[str],
    finalize: Finalize,
    meta: pd.DataFrame,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    split_every: int | None = None,
    **kwargs: Any,
) -> Any:
    """Corpus-wide counts (see :func:`count_documents`), finalised once; dask in, dask out.

    With a dask DataFrame of ``id``/``text``, each partition is counted where
    it lives, the count tables are added in a tree, and ``finalize`` runs on
    the total: the result is a one-partition dask DataFrame with ``meta``'s
    columns and dtypes.

    Examples
    --------
    >>> import pandas as pd
    >>> def letters(doc):
    ...     return [{"letter": c, "n": 1} for c in doc.text if c.isalpha()]
    >>> def share(c):
    ...     return c.assign(share=c["n"] / c["n"].sum())
    >>> meta = pd.DataFrame({"letter": pd.Series([], dtype="str"), "n": pd.Series([], dtype="int64"),
    ...                      "share": pd.Series([], dtype="float64")})
    >>> reduce_documents(letters, ["ab", "a"], keys=["letter"], finalize=share, meta=meta)["share"].tolist()
    [0.6666666666666666, 0.3333333333333333]
    """
    if is_dask(x):
        _check_corpus_frame(x)
        return x.reduction(
            partial(_count_partition, fn=fn, keys=list(keys), kwargs=kwargs, batch_size=batch_size),
            aggregate=partial(_finish, keys=list(keys), finalize=finalize),
            combine=partial(sum_counts, keys=list(keys)),
            meta=meta,
            split_every=split_every,
        )
    return finalize(count_documents(fn, x, keys=keys, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                                    **kwargs))


def combine_pair(func: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame], a: Any, b: Any,
                 meta: pd.DataFrame) -> Any:
    """``func(a, b)`` on two finished aggregates (e.g. target and reference counts for keyness).

    When either is a dask DataFrame (one partition each, as :func:`aggregate`
    returns), the result is a one-partition dask DataFrame computed where the
    two small tables meet; otherwise ``func(a, b)``.

    Examples
    --------
    >>> import pandas as pd
    >>> a, b = pd.DataFrame({"n": [1]}), pd.DataFrame({"n": [2]})
    >>> combine_pair(lambda x, y: x + y, a, b, meta=a.iloc[:0])["n"].tolist()
    [3]
    """
    if not (is_dask(a) or is_dask(b)):
        return func(a, b)
    import dask
    import dask.dataframe as dd

    def one(x: Any) -> Any:
        if not is_dask(x):
            return x
        if x.npartitions != 1:
            raise ParameterError("combine_pair() needs one-partition aggregates (use aggregate() first)")
        return x.to_delayed()[0]

    return dd.from_delayed([dask.delayed(func)(one(a), one(b))], meta=meta, verify_meta=False)
