"""Dispersion: where terms occur across and within documents, and how evenly.

Owns: :func:`dispersion` (one row per term and document, with Gries' DP and
Juilland's D across the corpus) and :func:`term_positions` (one row per hit).
Must not touch: frequencies, keyness, collocations.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .. import frames, runner
from .. import text as _text
from ..corpus import Document
from ..errors import ParameterError
from .terms import _norm, doc_words


def _parse_terms(terms: str | Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    if isinstance(terms, str):
        terms = [terms]
    out = []
    for t in terms:
        if not isinstance(t, str):
            raise ParameterError(f"terms must be strings, got {type(t).__name__}")
        words = tuple(_norm(w, True) for w in _text.words(t))
        if not words:
            raise ParameterError(f"term {t!r} has no word in it")
        out.append((" ".join(words), words))
    if not out:
        raise ParameterError("terms is empty; give one or more words or phrases")
    return list(dict.fromkeys(out))


def _word_spans(doc: Document) -> tuple[list[str], list[tuple[int, int]]]:
    return [_norm(w, True) for w in doc.words], doc.word_spans


def _find(words: list[str], pattern: tuple[str, ...]) -> list[int]:
    k = len(pattern)
    first = pattern[0]
    return [i for i, w in enumerate(words) if w == first and tuple(words[i : i + k]) == pattern]


def _position_rows(doc: Document, *, terms: list[tuple[str, tuple[str, ...]]]) -> list[frames.Row]:
    words, spans = _word_spans(doc)
    n = len(words)
    rows = []
    for term, pattern in terms:
        for i in _find(words, pattern):
            start, end = spans[i][0], spans[i + len(pattern) - 1][1]
            rows.append({
                "start": start, "end": end, "term": term, "match": doc.text[start:end],
                "word_index": i, "doc_words": n, "position": i / n,
            })
    return rows


def _dispersion_rows(doc: Document, *, terms: list[tuple[str, tuple[str, ...]]]) -> list[frames.Row]:
    words = doc_words(doc)
    rows: list[frames.Row] = [{"term": None, "word_index": -1, "doc_words": len(words)}]
    for term, pattern in terms:
        rows.extend({"term": term, "word_index": i, "doc_words": len(words)} for i in _find(words, pattern))
    return rows


_HITS = frames.Schema("dispersion_hits", {"doc_id": "str", "term": "str", "word_index": "int64",
                                          "doc_words": "int64"}, sort=())


def dispersion(
    x: Any,
    terms: str | Iterable[str],
    *,
    parts: int | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """How evenly terms spread over documents or equal parts (Gries' DP, Juilland's D).

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    terms
        A word or phrase, or a list of them; matched case-insensitively
        against consecutive word tokens (punctuation ignored).
    parts
        ``None`` (default): the parts are the documents (sizes in words;
        documents without words are left out). An int ``k``: the words of
        all documents, in order, are cut into ``k`` parts of equal size.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`). A dask corpus frame is
        counted where it lives; the small table of occurrences is then
        computed and the result is a pandas table (one row per term).

    Returns
    -------
    pandas.DataFrame
        ``term, freq, parts`` (number of parts), ``range`` (parts containing
        the term), ``dp`` (Gries 2008: ``0.5 Σ |v_i - s_i|``, ``v_i`` the
        share of the term's occurrences in part i, ``s_i`` the part's share of
        all words; 0 = perfectly even, near 1 = all in one small part),
        ``dp_norm`` (Lijffijt & Gries 2012: ``dp / (1 - min s_i)``),
        ``juilland_d`` (Juilland & Chang-Rodríguez 1964:
        ``1 - (sd / mean) / sqrt(parts - 1)`` over the term's relative
        frequency in each part, population sd; 1 = even). DP and D are NaN
        for a term that never occurs; D is NaN with fewer than two parts.
        One row per occurrence instead: :func:`term_positions`.

    References
    ----------
    Gries (2008) International Journal of Corpus Linguistics 13(4): 403–437.
    Lijffijt & Gries (2012) IJCL 17(1): 147–149. Juilland & Chang-Rodríguez
    (1964) Frequency Dictionary of Spanish Words.

    Examples
    --------
    >>> d = dispersion(["war and peace", "war", "peace and quiet"], ["war", "peace"])
    >>> d[["term", "freq", "range"]].values.tolist()
    [['war', 2, 2], ['peace', 2, 2]]
    """
    parsed = _parse_terms(terms)
    if parts is not None and (not isinstance(parts, int) or isinstance(parts, bool) or parts < 1):
        raise ParameterError(f"parts={parts!r} must be None (documents) or a positive int")
    hits = runner.per_document(_dispersion_rows, x, _HITS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size, terms=parsed)
    if hasattr(hits, "compute"):  # dask: the occurrences of a few terms are small
        hits = hits.compute().reset_index(drop=True)
    size_rows = hits["term"].isna().to_numpy()
    doc_sizes = hits.loc[size_rows, "doc_words"].to_numpy()
    # documents without words are no part; the others, in input order, give global word offsets
    doc_seq = np.cumsum(size_rows) - 1
    part_of_doc = np.cumsum(doc_sizes > 0) - 1
    offsets = np.concatenate([[0], np.cumsum(doc_sizes)])
    sizes = doc_sizes[doc_sizes > 0]
    total = int(sizes.sum())
    if parts is None:
        part_sizes = sizes.astype(np.float64)
    else:
        bounds = [total * j // parts for j in range(parts + 1)]
        part_sizes = np.diff(np.asarray(bounds, dtype=np.float64))
    rows = []
    k = len(part_sizes)
    for term, _ in parsed:
        mask = (hits["term"] == term).to_numpy(dtype=bool, na_value=False)
        seq = doc_seq[mask]
        if parts is None:
            idx = part_of_doc[seq]
        else:
            glob = offsets[seq] + hits.loc[mask, "word_index"].to_numpy()
            idx = np.asarray([bisect_right(bounds, g) - 1 for g in glob], dtype=np.int64)
        f = np.bincount(idx, minlength=k).astype(np.float64) if k else np.zeros(0)
        rows.append({"term": term, "freq": int(f.sum()), "parts": k, "range": int((f > 0).sum()),
                     **_dispersion_measures(f, part_sizes)})
    return frames.finish(rows, frames.DISPERSION, params={"parts": parts, "words": total})


def term_positions(
    x: Any,
    terms: str | Iterable[str],
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """One row per occurrence of each term, with its relative position in the document (for lane plots).

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text`` (or a dask corpus frame).
    terms
        As in :func:`dispersion`: words or phrases matched case-insensitively
        against consecutive words.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, term, match`` (the matched original text),
        ``word_index`` (0-based among the document's words), ``doc_words``,
        ``position`` (``word_index / doc_words``, in [0, 1)), ``paragraph, duplicate``.

    Examples
    --------
    >>> term_positions("War is war. Peace is peace.", "war")[["match", "word_index", "position"]].values.tolist()
    [['War', 0, 0.0], ['war', 2, 0.3333333333333333]]
    """
    return runner.per_document(_position_rows, x, frames.DISPERSION_POSITIONS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size, terms=_parse_terms(terms))


def _dispersion_measures(f: np.ndarray, sizes: np.ndarray) -> dict[str, float]:
    total_f = f.sum()
    if total_f == 0 or len(sizes) == 0 or sizes.sum() == 0:
        return {"dp": math.nan, "dp_norm": math.nan, "juilland_d": math.nan}
    s = sizes / sizes.sum()
    v = f / total_f
    dp = 0.5 * float(np.abs(v - s).sum())
    min_s = float(s.min())
    dp_norm = dp / (1 - min_s) if min_s < 1 else math.nan
    if len(sizes) < 2 or (sizes == 0).any():
        d = math.nan
    else:
        rel = f / sizes
        mean = rel.mean()
        d = 1 - (rel.std() / mean) / math.sqrt(len(sizes) - 1)
    return {"dp": dp, "dp_norm": dp_norm, "juilland_d": float(d)}
