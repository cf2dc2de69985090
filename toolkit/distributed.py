"""Corpus scale on dask: dask DataFrames in, dask DataFrames out, aggregates in a tree.

:mod:`toolkit.runner` hands a ``dask.dataframe.DataFrame`` with ``id`` and
``text`` columns to this module and everything else to
:mod:`toolkit.streaming`. Each partition is processed by exactly the local code
path (:func:`toolkit.streaming.per_document_many` or
:func:`toolkit.streaming.count_documents`), and the declared ``meta`` is the
extractor's empty schema frame, so a dask result has the same columns and
dtypes as the pandas one.

Aggregations over a corpus (speaker shares, device counts, word frequencies,
keyness) are written as *partial counts* that add up: each partition produces
a small table of additive counts per key, :func:`toolkit.frames.sum_counts`
adds such tables in a dask tree reduction (no node ever holds more than a few
count tables), and a ``finalize`` step turns the global counts into shares,
rates or G² once.

dask is an optional extra (``pip install 'discourse-toolkit[dask]'``); this
module never imports it unless a dask object is actually passed in.

Examples
--------
>>> is_dask("some text")
False
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pandas as pd

from . import frames, streaming
from .errors import InputError, ParameterError

Finalize = Callable[[pd.DataFrame], pd.DataFrame]


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


def check_corpus_frame(ddf: Any) -> None:
    """Raise :class:`~toolkit.errors.InputError` unless ``ddf`` has ``id`` and ``text`` columns.

    Examples
    --------
    >>> import pandas as pd
    >>> check_corpus_frame(pd.DataFrame({"id": ["a"], "text": ["b"]}))
    """
    missing = [c for c in ("id", "text") if c not in ddf.columns]
    if missing:
        raise InputError(
            f"a dask DataFrame needs 'id' and 'text' columns (missing: {', '.join(missing)}; "
            f"columns: {list(ddf.columns)}); document ids must be unique across partitions"
        )


def _documents_many_partition(pdf: pd.DataFrame, steps: dict[str, frames.Step]) -> dict[str, pd.DataFrame]:
    return streaming.per_document_many(steps, pdf, n_jobs=1, progress=False)


def map_documents_many(steps: dict[str, frames.Step], ddf: Any) -> dict[str, Any]:
    """Several per-document extractors on every partition of a dask DataFrame, in one pass per partition.

    Each partition is read and modelled once (:func:`toolkit.streaming.per_document_many`);
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

    check_corpus_frame(ddf)
    parts = [dask.delayed(_documents_many_partition)(part, steps) for part in ddf.to_delayed()]
    return {
        name: dd.from_delayed([dask.delayed(operator.getitem)(part, name) for part in parts],
                              meta=step.schema.empty(), verify_meta=False)
        for name, step in steps.items()
    }


def map_frames(func: Callable[..., pd.DataFrame], ddf: Any, meta: pd.DataFrame, **kwargs: Any) -> Any:
    """``ddf.map_partitions(func, meta=meta)`` for corpus frames (checks ``id``/``text``).

    For extractors that work on a whole pandas frame of documents at a time:
    ``func(pandas_frame, **kwargs)`` returns the pandas result for one partition.

    Examples
    --------
    >>> import pandas as pd, dask.dataframe as dd
    >>> from toolkit import duplicates
    >>> text = "A lead with five words here.\\nA lead with five words here."
    >>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": [text]}), npartitions=1)
    >>> map_frames(duplicates, ddf, frames.DUPLICATES.empty())["match_type"].compute().tolist()
    ['exact']
    """
    check_corpus_frame(ddf)
    return ddf.map_partitions(func, meta=meta, **kwargs)


def _chunk(pdf: pd.DataFrame, partial_fn: Callable[..., pd.DataFrame], keys: Sequence[str],
           kwargs: dict[str, Any]) -> pd.DataFrame:
    return frames.sum_counts(partial_fn(pdf, **kwargs), keys)


def _finish(pdf: pd.DataFrame, keys: Sequence[str], finalize: Finalize) -> pd.DataFrame:
    return finalize(frames.sum_counts(pdf, keys))


def aggregate(ddf: Any, partial_fn: Callable[..., pd.DataFrame], *, keys: Sequence[str], finalize: Finalize,
              meta: pd.DataFrame, split_every: int | None = None, **kwargs: Any) -> Any:
    """Partial counts per partition of a dask table, added in a tree, finalised once.

    The dask half of :func:`toolkit.runner.aggregate` (which documents the
    arguments); returns a one-partition dask DataFrame with ``meta``'s columns.
    """
    return ddf.reduction(
        partial(_chunk, partial_fn=partial_fn, keys=list(keys), kwargs=kwargs),
        aggregate=partial(_finish, keys=list(keys), finalize=finalize),
        combine=partial(frames.sum_counts, keys=list(keys)),
        meta=meta,
        split_every=split_every,
    )


def _count_partition(pdf: pd.DataFrame, fn: frames.DocFunction, keys: list[str], kwargs: dict[str, Any],
                     batch_size: int) -> pd.DataFrame:
    return streaming.count_documents(fn, pdf, keys=keys, n_jobs=1, progress=False, batch_size=batch_size, **kwargs)


def reduce_documents(fn: frames.DocFunction, ddf: Any, *, keys: Sequence[str], finalize: Finalize,
                     meta: pd.DataFrame, batch_size: int = 16, split_every: int | None = None,
                     **kwargs: Any) -> Any:
    """Per-document count rows on every partition of a corpus frame, added in a tree, finalised once.

    The dask half of :func:`toolkit.runner.reduce_documents` (which documents
    the arguments); returns a one-partition dask DataFrame with ``meta``'s columns.
    """
    check_corpus_frame(ddf)
    return ddf.reduction(
        partial(_count_partition, fn=fn, keys=list(keys), kwargs=kwargs, batch_size=batch_size),
        aggregate=partial(_finish, keys=list(keys), finalize=finalize),
        combine=partial(frames.sum_counts, keys=list(keys)),
        meta=meta,
        split_every=split_every,
    )


def combine_pair(func: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame], a: Any, b: Any,
                 meta: pd.DataFrame) -> Any:
    """``func(a, b)`` computed where two small aggregates meet, as a one-partition dask DataFrame.

    The dask half of :func:`toolkit.runner.combine_pair`: either input may be
    a pandas frame; dask inputs must have one partition.
    """
    import dask
    import dask.dataframe as dd

    def one(x: Any) -> Any:
        if not is_dask(x):
            return x
        if x.npartitions != 1:
            raise ParameterError("combine_pair() needs one-partition aggregates (use aggregate() first)")
        return x.to_delayed()[0]

    return dd.from_delayed([dask.delayed(func)(one(a), one(b))], meta=meta, verify_meta=False)
