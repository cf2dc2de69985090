"""Collocations: NLTK's window counts per sentence, added up, scored by NLTK's association measures.

Owns: :func:`collocations`, the measures (``MEASURES``), the guard for pairs
whose NLTK contingency table is undefined. Must not touch: frequencies,
keyness, dispersion.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import partial
from typing import Any, Literal

import pandas as pd

from .. import frames, runner
from ..corpus import Document
from ..errors import ParameterError
from .frequencies import _DOCS
from .terms import _check_min_freq, _sentence_words, _stops

Measure = Literal["likelihood_ratio", "pmi", "student_t"]
MEASURES = ("likelihood_ratio", "pmi", "student_t")




def collocations(
    x: Any,
    *,
    measure: Measure = "likelihood_ratio",
    window: int = 2,
    min_freq: int = 3,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Word pairs that occur together more often than chance (NLTK's measures).

    Pairs are counted with NLTK's ``BigramCollocationFinder.from_words`` in
    each sentence (``window=2``: adjacent words; ``window=k``: the first word
    followed by any of the next ``k - 1`` words, as Church & Hanks 1990), the
    counts of all sentences and documents are added up, and each pair is
    scored with ``BigramAssocMeasures``.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    measure
        ``"likelihood_ratio"`` (Dunning's G²), ``"pmi"`` (pointwise mutual
        information, log2) or ``"student_t"`` (t-score).
    window
        Window size in words (≥ 2).
    min_freq
        Keep pairs seen at least this often (NLTK's ``apply_freq_filter``).
    lower, filter_stops, stop_classes
        As in :func:`frequencies`; stop-word pairs are removed after counting
        (NLTK's ``apply_word_filter``), so word frequencies stay those of the
        whole text.
    n_jobs, progress, batch_size
        As in :func:`frequencies` (counts are streamed and added up; dask in,
        dask out).

    Returns
    -------
    pandas.DataFrame
        ``term`` ("w1 w2"), ``w1``, ``w2``, ``freq`` (pair count),
        ``freq_w1``, ``freq_w2`` (word counts), ``score``, ``measure``,
        ``window``; sorted by score descending (NLTK's order). ``score`` is
        NaN (sorted last) for a pair whose NLTK contingency table would have
        a negative cell: a word paired with itself more often than its own
        count allows ("no, no, no, no").

    References
    ----------
    Church & Hanks (1990) Computational Linguistics 16(1): 22–29. Dunning
    (1993). Manning & Schütze (1999) Foundations of Statistical NLP, ch. 5.

    Examples
    --------
    >>> text = "The Security Council met. The Security Council voted. The council adjourned."
    >>> collocations(text, min_freq=2)["term"].tolist()[0]
    'security council'
    """
    if measure not in MEASURES:
        raise ParameterError.choice("measure", measure, MEASURES)
    if not isinstance(window, int) or isinstance(window, bool) or window < 2:
        raise ParameterError(f"window={window!r} must be an int ≥ 2 (2 = adjacent words)")
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {"measure": measure, "window": window, "min_freq": min_freq, "lower": lower,
              "filter_stops": filter_stops, "stop_classes": None if stop_classes is None else list(stop_classes)}
    return runner.reduce_documents(
        _pair_rows, x, keys=["w1", "w2"],
        finalize=partial(_collocation_table, measure=measure, window=window, min_freq=min_freq, stops=stops,
                         params=params),
        meta=frames.COLLOCATIONS.empty(), n_jobs=n_jobs, progress=progress, batch_size=batch_size,
        window=window, lower=lower,
    )


def _pair_rows(doc: Document, *, window: int, lower: bool) -> list[frames.Row]:
    """NLTK's window counts of one document: word rows (``w2`` empty) and pair rows."""
    from nltk.collocations import BigramCollocationFinder

    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for sent in _sentence_words(doc, lower):
        f = BigramCollocationFinder.from_words(sent, window_size=window)
        words.update(f.word_fd)
        pairs.update(f.ngram_fd)
    rows: list[frames.Row] = [{"w1": w, "w2": _DOCS, "freq": k} for w, k in words.items()]
    rows.extend({"w1": w1, "w2": w2, "freq": k} for (w1, w2), k in pairs.items())
    return rows


def _collocation_table(table: pd.DataFrame, *, measure: str, window: int, min_freq: int, stops: frozenset[str],
                       params: dict[str, Any]) -> pd.DataFrame:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    if table.empty or "w1" not in table.columns:
        return frames.finish([], frames.COLLOCATIONS, params={**params, "words": 0})
    is_word_row = table["w2"] == _DOCS
    word_fd = FreqDist(dict(zip(table.loc[is_word_row, "w1"], table.loc[is_word_row, "freq"].astype(int),
                                strict=True)))
    pairs = table[~is_word_row]
    pair_fd = FreqDist(dict(zip(zip(pairs["w1"], pairs["w2"], strict=True), pairs["freq"].astype(int),
                                strict=True)))
    finder = BigramCollocationFinder(word_fd, pair_fd, window_size=window)
    finder.apply_freq_filter(min_freq)
    if stops:
        finder.apply_word_filter(lambda w: w.lower() in stops)
    score_fn = partial(_defined_score, getattr(BigramAssocMeasures, measure))
    scored = sorted(finder.score_ngrams(score_fn), key=_score_order) if pair_fd else []
    rows = [
        {
            "term": f"{w1} {w2}", "w1": w1, "w2": w2, "freq": finder.ngram_fd[(w1, w2)],
            "freq_w1": word_fd[w1], "freq_w2": word_fd[w2], "score": score, "measure": measure, "window": window,
        }
        for (w1, w2), score in scored
    ]
    return frames.finish(rows, frames.COLLOCATIONS, params={**params, "words": word_fd.N()})


def _defined_score(score_fn: Any, n_ii: float, n_ix_xi: tuple[float, float], n_all: float) -> float:
    """NLTK's score, or NaN where NLTK's contingency table has a negative cell.

    NLTK takes the marginals from the word counts, so a pair of one word with
    itself inside the window ("no, no, no, no") can count more co-occurrences
    than the table allows (``n_oo < 0``); its measures then raise or return
    nonsense. Such a pair keeps its row and its counts, with ``score`` NaN
    (sorted last).
    """
    n_ix, n_xi = n_ix_xi
    n_io, n_oi = n_ix - n_ii, n_xi - n_ii
    if min(n_io, n_oi, n_all - n_ii - n_io - n_oi) < 0:
        return math.nan
    return score_fn(n_ii, n_ix_xi, n_all)


def _score_order(item: tuple[tuple[str, str], float]) -> tuple[bool, float, tuple[str, str]]:
    pair, score = item
    undefined = math.isnan(score)
    return undefined, 0.0 if undefined else -score, pair
