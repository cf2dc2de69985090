"""The per-document lexical profile table: counts, diversity and readability of each document.

Owns: the sentence words of a document (:func:`sentence_words`), the counts a
document gives the formulas, the textstat engine, :func:`lexical_profile` and
the analysis step for :func:`toolkit.analyze`. Must not touch: the formulas
and measures themselves (the other modules of :mod:`toolkit.profile`).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import Any

import pandas as pd

from .. import frames, langdata, runner
from .. import text as _text
from ..corpus import Document
from ..errors import ParameterError
from .diversity import _codes, hdd, mattr, mtld
from .readability import ENGINES, Engine, readability
from .words import _gunning_candidate, _syllables, is_familiar


def sentence_words(doc: Document) -> list[list[str]]:
    """The words of each sentence (sentences without words left out).

    Examples
    --------
    >>> sentence_words(Document("He lied. She left."))
    [['He', 'lied'], ['She', 'left']]
    """
    text = doc.text
    return [w for w in (_text.words(text, s, e) for s, e in doc.sentences) if w]


def _sentence_initials(doc: Document) -> tuple[int, Counter[str]]:
    """Sentences holding a word, and how often each word form opens a sentence."""
    text = doc.text
    firsts: Counter[str] = Counter()
    n = 0
    for s, e in doc.sentences:
        first = _text.first_word(text, s, e)
        if first is not None:
            n += 1
            firsts[first] += 1
    return n, firsts


@lru_cache(maxsize=200_000)
def _form(token: str) -> tuple[int, bool, bool, int, int]:
    """(syllables, Dale–Chall difficult, Gunning candidate, letters, characters) of one word form."""
    return (
        _syllables(token),
        not is_familiar(token),
        _gunning_candidate(token),
        sum(map(str.isalpha, token)),
        sum(map(str.isalnum, token)),
    )


def _counts(words: list[str], sentences: int, initials: Counter[str]) -> dict[str, int]:
    syllables = polysyllables = difficult = complex_words = letters = characters = 0
    for form, k in Counter(words).items():
        syl, hard, candidate, let, chars = _form(form)
        syllables += syl * k
        letters += let * k
        characters += chars * k
        if syl >= 3:
            polysyllables += k
        if hard:
            difficult += k
        if candidate:
            # a capitalised word counts only where it opens a sentence (else: a proper noun)
            complex_words += initials.get(form, 0) if form[0].isupper() else k
    return {
        "sentences": sentences, "syllables": syllables, "polysyllables": polysyllables,
        "complex_words": complex_words, "difficult_words": difficult, "letters": letters,
        "characters": characters,
    }


def _textstat_scores(text: str) -> dict[str, float]:
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score_v2(text),
    }


def _profile_rows(doc: Document, *, engine: str, window: int, threshold: float, sample: int) -> list[frames.Row]:
    words = doc.words
    n_sent, initials = _sentence_initials(doc)
    c = _counts(words, n_sent, initials)
    n = len(words)
    lower = "\n".join(words).replace("\u2019", "'").lower().split("\n") if words else []
    codes = _codes(lower)
    types = int(codes.max()) + 1 if n else 0
    if engine == "textstat":
        langdata.ensure()
        scores = _textstat_scores(doc.text)
    else:
        scores = readability(words=n, **c)
    return [{
        "tokens": n,
        "types": types,
        **c,
        "ttr": types / n if n else math.nan,
        "root_ttr": types / math.sqrt(n) if n else math.nan,
        "mattr": mattr(codes, window),
        "mtld": mtld(codes, threshold),
        "hdd": hdd(codes, sample),
        **scores,
        "mean_sentence_length": n / n_sent if n_sent else math.nan,
        "engine": engine,
    }]


def lexical_profile(
    x: Any,
    *,
    engine: Engine = "toolkit",
    window: int = 50,
    threshold: float = 0.72,
    sample: int = 42,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """One row per document: counts, lexical diversity and readability.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    engine
        ``"toolkit"`` (default): the published formulas on the toolkit's
        sentences, words and CMU syllables. ``"textstat"``: the seven
        readability columns from textstat (its own sentence, word and syllable
        counts; Dale–Chall from ``dale_chall_readability_score_v2``); the
        other columns are the toolkit's.
    window
        MATTR window in words (NaN for texts shorter than the window).
    threshold
        MTLD factor threshold (McCarthy & Jarvis: 0.72).
    sample
        HD-D sample size (McCarthy & Jarvis: 42; NaN for shorter texts).
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``; counts ``tokens`` (words), ``types`` (distinct lower-case
        words), ``sentences``, ``syllables``, ``polysyllables`` (3+
        syllables), ``complex_words`` (Gunning), ``difficult_words``
        (Dale–Chall), ``letters``, ``characters``; diversity ``ttr``,
        ``root_ttr`` (Guiraud: types / sqrt(tokens)), ``mattr``, ``mtld``,
        ``hdd``; readability ``flesch_reading_ease``, ``flesch_kincaid_grade``,
        ``gunning_fog``, ``smog_index``, ``coleman_liau_index``,
        ``automated_readability_index``, ``dale_chall``;
        ``mean_sentence_length`` (words per sentence) and ``engine``.

    Raises
    ------
    ParameterError
        For an unknown engine or an invalid window, threshold or sample.

    References
    ----------
    See :func:`readability`, :func:`mattr`, :func:`mtld`, :func:`hdd` and
    ``docs/readability.md``.

    Examples
    --------
    >>> p = lexical_profile("He lied. She left. The committee approved the budget.")
    >>> round(float(p["flesch_reading_ease"].iloc[0]), 2)
    81.59
    """
    step = profile_step(engine=engine, window=window, threshold=threshold, sample=sample)
    return runner.per_document(step.fn, x, step.schema, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                               **step.kwargs)


def profile_step(
    *, engine: Engine = "toolkit", window: int = 50, threshold: float = 0.72, sample: int = 42
) -> frames.Step:
    """The checked per-document step behind :func:`lexical_profile` (for :func:`toolkit.analyze`).

    Examples
    --------
    >>> profile_step(window=20).kwargs["window"]
    20
    """
    if engine not in ENGINES:
        raise ParameterError.choice("engine", engine, ENGINES)
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise ParameterError(f"window={window!r} must be a positive int")
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise ParameterError(f"threshold={threshold!r} must lie strictly between 0 and 1")
    if not isinstance(sample, int) or isinstance(sample, bool) or sample < 1:
        raise ParameterError(f"sample={sample!r} must be a positive int")
    return frames.Step(_profile_rows, frames.LEXICAL_PROFILE,
                       {"engine": engine, "window": window, "threshold": float(threshold), "sample": sample})
