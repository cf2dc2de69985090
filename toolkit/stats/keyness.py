"""Keyness: Dunning's G² and the log ratio between a target and a reference corpus.

Owns: :func:`g2`, :func:`log_ratio`, :func:`keyness`. Counts come from
:mod:`toolkit.stats.frequencies`. Must not touch: collocations, dispersion.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from .. import frames, lexicons, runner
from .frequencies import _DOCS, _as_counts, _counts
from .terms import _check_min_freq, _check_n, _stops


def _xlogx_ratio(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """o * ln(o / e), with 0 * ln 0 = 0."""
    out = np.zeros_like(o, dtype=np.float64)
    mask = o > 0
    out[mask] = o[mask] * np.log(o[mask] / e[mask])
    return out


def g2(a: Any, b: Any, n1: float, n2: float) -> np.ndarray:
    """Log-likelihood G² of the 2×2 table (term vs other terms, target vs reference).

    ``a``, ``b``: the term's frequency in target and reference; ``n1``,
    ``n2``: the corpus sizes. ``G² = 2 Σ O ln(O / E)`` over the four cells,
    ``E`` from the margins (Dunning 1993).

    Examples
    --------
    >>> round(float(g2(10, 0, 100, 100)[0]), 4)
    14.3895
    """
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b = np.atleast_1d(np.asarray(b, dtype=np.float64))
    n = n1 + n2
    c = n1 - a
    d = n2 - b
    k = a + b
    rest = c + d
    e_a, e_b = k * n1 / n, k * n2 / n
    e_c, e_d = rest * n1 / n, rest * n2 / n
    total = _xlogx_ratio(a, e_a) + _xlogx_ratio(b, e_b) + _xlogx_ratio(c, e_c) + _xlogx_ratio(d, e_d)
    return np.maximum(2 * total, 0.0)


def log_ratio(a: Any, b: Any, n1: float, n2: float) -> np.ndarray:
    """Hardie's (2014) Log Ratio: ``log2((a / n1) / (b / n2))``, a zero frequency taken as 0.5.

    Examples
    --------
    >>> float(log_ratio(8, 2, 100, 100)[0])
    2.0
    """
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b = np.atleast_1d(np.asarray(b, dtype=np.float64))
    a = np.where(a == 0, 0.5, a)
    b = np.where(b == 0, 0.5, b)
    return np.log2((a / n1) / (b / n2))


_ERFC = np.frompyfunc(math.erfc, 1, 1)


def keyness(
    target: Any,
    reference: Any,
    *,
    n: int = 1,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    min_freq: int = 3,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Key terms of ``target`` against ``reference``: G², p-value and Log Ratio.

    Parameters
    ----------
    target, reference
        Anything an extractor accepts (string, Document, Corpus, DataFrame);
        both are streamed and only counts are kept.
    n, lower, filter_stops, stop_classes
        As in :func:`frequencies`.
    min_freq
        Keep terms whose frequency in target and reference together is at
        least this (default 3).
    n_jobs, progress, batch_size
        As in :func:`frequencies`; with dask DataFrames the two corpora are
        counted where they live and compared once (a one-partition dask result).

    Returns
    -------
    pandas.DataFrame
        ``term, freq_target, freq_reference, per_million_target,
        per_million_reference``; ``g2`` (log-likelihood of the 2×2
        contingency table, Dunning 1993; always ≥ 0), ``p`` (its chi-square
        p-value, 1 degree of freedom, uncorrected for multiple testing),
        ``log_ratio`` (Hardie 2014: binary log of the ratio of relative
        frequencies, zeros taken as 0.5; > 0 = more frequent in target),
        ``direction`` (``"target"``, ``"reference"`` or ``"none"``). Sorted
        by ``g2`` descending, then term.

    References
    ----------
    Dunning (1993) Computational Linguistics 19(1): 61–74. Rayson & Garside
    (2000) Comparing corpora using frequency profiling. Hardie (2014) Log
    Ratio – an informal introduction (CASS, Lancaster University).

    Examples
    --------
    >>> k = keyness("war war war war war peace", "peace peace peace war", min_freq=1)
    >>> k[["term", "direction"]].values.tolist()
    [['war', 'target'], ['peace', 'reference']]
    """
    _check_n(n)
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {
        "n": n, "lower": lower, "filter_stops": filter_stops, "min_freq": min_freq,
        "stop_classes": None if stop_classes is None else list(stop_classes),
        "stopwords_version": lexicons.version("stopwords"),
    }
    kw = {"n": n, "lower": lower, "stops": stops, "by": None, "n_jobs": n_jobs, "progress": progress,
          "batch_size": batch_size}
    return runner.combine_pair(
        partial(_keyness_table, min_freq=min_freq, params=params),
        _counts(target, **kw), _counts(reference, **kw), frames.KEYNESS.empty(),
    )


def _keyness_table(target: pd.DataFrame, reference: pd.DataFrame, *, min_freq: int,
                   params: dict[str, Any]) -> pd.DataFrame:
    ct = _as_counts(target)
    cr = _as_counts(reference)
    ct = ct[ct["term"] != _DOCS].set_index("term")["freq"]
    cr = cr[cr["term"] != _DOCS].set_index("term")["freq"]
    n1, n2 = int(ct.sum()), int(cr.sum())
    params = {**params, "target_size": n1, "reference_size": n2}
    both = pd.concat([ct.rename("a"), cr.rename("b")], axis=1).fillna(0)
    if both.empty or n1 == 0 or n2 == 0:
        return frames.finish([], frames.KEYNESS, params=params)
    both = both[(both["a"] + both["b"]) >= min_freq]
    a = both["a"].to_numpy(dtype=np.int64)
    b = both["b"].to_numpy(dtype=np.int64)
    scores = g2(a, b, n1, n2)
    rel_t, rel_r = a / n1, b / n2
    df = pd.DataFrame({
        "term": both.index.to_numpy(dtype=object),
        "freq_target": a,
        "freq_reference": b,
        "per_million_target": rel_t * 1e6,
        "per_million_reference": rel_r * 1e6,
        "g2": scores,
        "p": _ERFC(np.sqrt(scores / 2)).astype(np.float64) if len(scores) else np.array([], dtype=np.float64),
        "log_ratio": log_ratio(a, b, n1, n2),
        "direction": np.where(rel_t > rel_r, "target", np.where(rel_t < rel_r, "reference", "none")),
    })
    df = df.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return frames.finish(df, frames.KEYNESS, params=params)
