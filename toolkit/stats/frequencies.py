"""Term frequencies: per-document count rows added up by the runner, per-million rates.

Owns: the additive count table (``COUNTS``, ``_counts``) that keyness reuses and
:func:`frequencies`. Must not touch: keyness scoring, collocations, dispersion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from .. import frames, lexicons, runner
from ..corpus import Document
from .terms import _check_min_freq, _check_n, _group_of, _stops, doc_terms

_DOCS = ""  # the term of the one row per document that counts the documents of its group
COUNTS = frames.Schema("term_counts", {"group": "str", "term": "str", "freq": "int64", "doc_freq": "int64"}, sort=())


def _count_rows(doc: Document, *, n: int, lower: bool, stops: frozenset[str], by: str | None) -> list[frames.Row]:
    """Additive counts of one document: one row per term, plus one row counting the document."""
    group = _group_of(doc, by)
    counts = Counter(doc_terms(doc, n=n, lower=lower, stops=stops))
    rows: list[frames.Row] = [{"group": group, "term": t, "freq": k, "doc_freq": 1} for t, k in counts.items()]
    rows.append({"group": group, "term": _DOCS, "freq": 0, "doc_freq": 1})
    return rows


def _as_counts(table: pd.DataFrame) -> pd.DataFrame:
    """The summed counts with the declared columns and dtypes (also when empty)."""
    if table.empty or "term" not in table.columns:
        return COUNTS.empty()
    return table[list(COUNTS.columns)].astype(COUNTS.columns)


def _counts(x: Any, *, n: int, lower: bool, stops: frozenset[str], by: str | None, n_jobs: int,
            progress: bool | None, batch_size: int, finalize: Any = _as_counts,
            meta: pd.DataFrame | None = None) -> Any:
    """Stream ``x`` and add up term counts per group (dask in, dask out)."""
    return runner.reduce_documents(
        _count_rows, x, keys=["group", "term"], finalize=finalize,
        meta=COUNTS.empty() if meta is None else meta, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
        n=n, lower=lower, stops=stops, by=by,
    )


def _frequency_table(table: pd.DataFrame, *, min_freq: int, params: dict[str, Any]) -> pd.DataFrame:
    table = _as_counts(table)
    is_doc = table["term"] == _DOCS
    docs = table[is_doc].set_index("group")["doc_freq"]
    terms = table[~is_doc]
    totals = terms.groupby("group", sort=False)["freq"].sum()
    terms = terms[terms["freq"] >= min_freq]
    out = terms.assign(
        per_million=terms["freq"] * 1e6 / terms["group"].map(totals).to_numpy(dtype=np.float64),
        doc_share=terms["doc_freq"] / terms["group"].map(docs).to_numpy(dtype=np.float64),
        _first=terms["group"].map({g: i for i, g in enumerate(docs.index)}),
    )
    out = out.sort_values(["_first", "freq", "term"], ascending=[True, False, True], kind="stable")
    out["rank"] = out.groupby("group", sort=False).cumcount() + 1
    return frames.finish(out.drop(columns="_first"), frames.FREQUENCIES, params=params)


def frequencies(
    x: Any,
    *,
    n: int = 1,
    by: str | None = None,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    min_freq: int = 1,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Term frequencies, per million and document frequencies, by group.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    n
        1 for words, 2 for bigrams, … (n-grams stay inside a sentence).
    by
        A metadata column (e.g. ``"country"``, ``"year"``): one group per
        value. Without it every row's ``group`` is ``"all"``.
    lower
        Lower-case terms (default).
    filter_stops
        Drop the default stop words (pronouns, modals, negation are kept).
    stop_classes
        Drop exactly these stop-word classes instead (see :func:`stop_classes`).
    min_freq
        Keep terms occurring at least this often in their group.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`). Documents are streamed and
        only counts are kept (:func:`toolkit.runner.reduce_documents`);
        a dask DataFrame of ``id``/``text`` gives a one-partition dask result.

    Returns
    -------
    pandas.DataFrame
        ``group, term, freq, per_million`` (freq per million terms of the
        group), ``doc_freq`` (documents of the group containing the term),
        ``doc_share`` (doc_freq / documents in the group), ``rank`` (1 = most
        frequent; ties broken alphabetically). Groups in order of first
        appearance, then by rank.

    Examples
    --------
    >>> f = frequencies("We will not give up. We will win.")
    >>> f[["term", "freq"]].head(2).values.tolist()
    [['we', 2], ['will', 2]]
    """
    _check_n(n)
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {
        "n": n, "by": by, "lower": lower, "filter_stops": filter_stops,
        "stop_classes": None if stop_classes is None else list(stop_classes), "min_freq": min_freq,
        "stopwords_version": lexicons.version("stopwords"),
    }
    return _counts(x, n=n, lower=lower, stops=stops, by=by, n_jobs=n_jobs, progress=progress,
                   batch_size=batch_size, finalize=partial(_frequency_table, min_freq=min_freq, params=params),
                   meta=frames.FREQUENCIES.empty())
