"""Lexical diversity of a word list: TTR, MATTR, MTLD and HD-D.

Owns: :func:`ttr`, :func:`mattr`, :func:`mtld`, :func:`hdd` on lower-cased
words (or their integer codes). Must not touch: syllables, the readability
formulas, documents.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..errors import ParameterError


def ttr(words: list[str]) -> float:
    """Type-token ratio: distinct words / words (NaN for no words).

    Examples
    --------
    >>> ttr("the cat saw the dog".split())
    0.8
    """
    return len(set(words)) / len(words) if words else math.nan


def _codes(words: list[str] | np.ndarray) -> np.ndarray:
    """Integer code per word (same word, same code)."""
    if isinstance(words, np.ndarray) and words.dtype.kind == "i":
        return words
    return pd.factorize(np.asarray(words, dtype=object))[0].astype(np.int64) if len(words) else np.zeros(0, np.int64)


def _previous(codes: np.ndarray) -> np.ndarray:
    """For each position, the position of the previous occurrence of its word (-1 if none)."""
    n = len(codes)
    order = np.argsort(codes, kind="stable")
    prev = np.full(n, -1, dtype=np.int64)
    same = codes[order[1:]] == codes[order[:-1]]
    prev[order[1:][same]] = order[:-1][same]
    return prev


def mattr(words: list[str], window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The mean TTR of every window of ``window`` consecutive words (the window
    moves one word at a time). Computed in linear time: a word at position
    ``j`` whose previous occurrence is at ``p`` is new in every window that
    starts after ``p`` and contains ``j``.

    Returns NaN when the text has fewer words than ``window`` (the measure is
    not defined; use ``ttr``).

    Examples
    --------
    >>> mattr("a b a b c".split(), window=2)
    1.0
    >>> mattr("a b a a".split(), window=2)
    0.8333333333333334
    """
    if not isinstance(window, int) or window < 1:
        raise ParameterError(f"window={window!r} must be a positive int")
    n = len(words)
    if n < window:
        return math.nan
    prev = _previous(_codes(words))
    j = np.arange(n, dtype=np.int64)
    first = np.maximum(np.maximum(j - window + 1, prev + 1), 0)
    last = np.minimum(j, n - window)
    new_types = np.clip(last - first + 1, 0, None).sum()
    return float(new_types) / (window * (n - window + 1))


def _mtld_limits(n: int, threshold: float) -> list[int] | None:
    """``limits[c]``: the most types a segment of ``c`` words may hold and complete a factor
    (``types / c <= threshold``, the same float test), for c = 0..n; None unless each step adds at most one."""
    c = np.arange(n + 1, dtype=np.int64)
    k = np.floor(threshold * c).astype(np.int64)
    # correct the floor where the product rounded: the largest k with k / c <= threshold, as Python tests it
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.where((k + 1) / c <= threshold, k + 1, k)
        k = np.where(k / c > threshold, k - 1, k)
    k[0] = -1  # (no factor ends before a word)
    if n and np.diff(k[1:]).max(initial=0) > 1:
        return None
    return k.tolist()


def _mtld_factors(codes: list[int], size: int, threshold: float, limits: list[int] | None) -> float:
    """Factors of one MTLD pass (a plain loop: measured faster than numpy here).

    With ``limits`` (:func:`_mtld_limits`) the factor test runs only at a repeated word: the running TTR
    falls to the threshold only when the types stay while the words grow (a new word adds one to both,
    which keeps a TTR above the threshold above it when no step of ``limits`` exceeds one).
    """
    marks = [-1] * size  # segment in which a word was last seen
    segment = types = count = 0
    factors = 0.0
    if limits is None:
        for c in codes:
            count += 1
            if marks[c] != segment:
                marks[c] = segment
                types += 1
            if types / count <= threshold:  # a TTR of exactly the threshold completes a factor
                factors += 1
                segment += 1
                types = count = 0
    else:
        for c in codes:
            count += 1
            if marks[c] != segment:
                marks[c] = segment
                types += 1
            elif types <= limits[count]:  # types / count <= threshold
                factors += 1
                segment += 1
                types = count = 0
    if count:  # the rest is a partial factor
        factors += (1 - types / count) / (1 - threshold)
    return factors


def mtld(words: list[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    Words are read in order while the running TTR of the current segment
    stays above ``threshold``; when it falls to ``threshold`` or below (a TTR
    of exactly 0.72 completes a factor), a factor is counted and a new segment
    starts. The rest at the end adds a partial factor
    ``(1 - TTR) / (1 - threshold)``. MTLD is words / factors, computed forward
    and backward, and the two are averaged.

    Returns NaN when no word repeats (zero factors: the measure is not
    defined; lexicalrichness returns the number of words instead).

    Examples
    --------
    >>> mtld("the cat saw the dog and the cat ran".split())  # one factor each way: 9 / 1
    9.0
    """
    if not 0 < threshold < 1:
        raise ParameterError(f"threshold={threshold!r} must lie between 0 and 1")
    codes = _codes(words)
    n = len(codes)
    if n == 0:
        return math.nan
    size = int(codes.max()) + 1
    limits = _mtld_limits(n, threshold)
    ordered = codes.tolist()
    forward = _mtld_factors(ordered, size, threshold, limits)
    ordered.reverse()
    backward = _mtld_factors(ordered, size, threshold, limits)
    if forward == 0 or backward == 0:
        return math.nan
    return (n / forward + n / backward) / 2


def hdd(words: list[str], sample: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2007), on the TTR scale.

    For each type with frequency ``f`` among ``N`` words, the probability that
    a random sample of ``sample`` words (drawn without replacement) contains
    it at least once is ``1 - C(N-f, sample) / C(N, sample)`` (hypergeometric).
    HD-D is the sum of these probabilities divided by ``sample``: the
    expected TTR of a ``sample``-word sample. NaN when ``N < sample``.

    Examples
    --------
    >>> round(hdd(list("abcd"), sample=2), 12)  # every type is new in any sample
    1.0
    """
    if not isinstance(sample, int) or sample < 1:
        raise ParameterError(f"sample={sample!r} must be a positive int")
    codes = _codes(words)
    n = len(codes)
    if n < sample:
        return math.nan
    f = np.bincount(codes)
    f = f[f > 0]
    # log k! for k = 0..N; C(N-f, s) / C(N, s) = (N-f)! (N-s)! / ((N-f-s)! N!)
    log_fact = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, n + 1, dtype=np.float64)))))
    rest = n - f
    ok = rest >= sample
    log_p0 = np.full(len(f), -np.inf)
    log_p0[ok] = log_fact[rest[ok]] - log_fact[rest[ok] - sample] - log_fact[n] + log_fact[n - sample]
    return float((1.0 - np.exp(log_p0)).sum() / sample)
