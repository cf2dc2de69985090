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
from itertools import repeat
from typing import Any

import numpy as np
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


#: bits of each count packed into one int by :func:`_form` (three counts and three flags in 63 bits)
_BITS = 20
_MASK = (1 << _BITS) - 1


@lru_cache(maxsize=200_000)
def _form(token: str) -> int:
    """Syllables, letters, characters, Dale–Chall difficult, Gunning candidate and capitalised, packed in one int.

    Bits 0–19 syllables, 20–39 letters, 40–59 characters, 60 difficult, 61 a Gunning candidate in lower
    case, 62 a capitalised candidate (a proper noun unless it opens a sentence); -1 when a count does not
    fit in its bits (a word of a million characters), for the unpacked sums of :func:`_counts`.
    """
    syl, letters, characters, hard, plain, capital = _form_counts(token)
    if max(syl, letters, characters) > _MASK:
        return -1
    return syl | letters << _BITS | characters << 2 * _BITS | hard << 60 | plain << 61 | capital << 62


def _form_counts(token: str) -> tuple[int, int, int, bool, bool, bool]:
    syl = _syllables(token)
    if token.isalpha():  # every character a letter (most words): letters and characters are its length
        letters = characters = len(token)
    else:
        letters, characters = sum(map(str.isalpha, token)), sum(map(str.isalnum, token))
    candidate = syl >= 3 and _gunning_candidate(token)  # (never one under three syllables)
    capital = token[0].isupper()
    # (the uncached test: _form keeps the answer; the cache of is_familiar would only hold it again)
    hard = not is_familiar.__wrapped__(token)
    return syl, letters, characters, hard, candidate and not capital, candidate and capital


def _counts(forms: np.ndarray, k: np.ndarray, sentences: int, initials: Counter[str]) -> dict[str, int]:
    """The formulas' counts from the distinct word forms and how often each occurs (``k``).

    Sums of the forms' counts (:func:`_form`) weighted by ``k``; a capitalised Gunning candidate counts
    only where it opens a sentence (else it is taken as a proper noun).
    """
    packed = np.fromiter(map(_form, forms.tolist()), np.int64, len(forms))
    if len(packed) and packed.min() < 0:  # a count too long for its bits: the same sums, form by form
        syllables = polysyllables = difficult = complex_words = letters = characters = 0
        for form, times in zip(forms.tolist(), k.tolist(), strict=True):
            syl, let, chars, hard, plain, capital = _form_counts(form)
            syllables += syl * times
            polysyllables += times if syl >= 3 else 0
            difficult += times if hard else 0
            complex_words += times if plain else initials.get(form, 0) if capital else 0
            letters += let * times
            characters += chars * times
    else:
        syl = packed & _MASK
        capital = (packed >> 62 & 1).astype(bool)
        syllables, polysyllables = int((syl * k).sum()), int(k[syl >= 3].sum())
        difficult = int(k[(packed >> 60 & 1).astype(bool)].sum())
        complex_words = int(k[(packed >> 61 & 1).astype(bool)].sum()) + sum(
            map(initials.get, forms[capital].tolist(), repeat(0)))
        letters = int(((packed >> _BITS & _MASK) * k).sum())
        characters = int(((packed >> 2 * _BITS & _MASK) * k).sum())
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
    n = len(words)
    # the distinct forms in order of first occurrence, each token's form number, each form's count
    form_code, forms = pd.factorize(np.asarray(words, dtype=object)) if n else (np.zeros(0, np.int64), np.array([]))
    c = _counts(forms, np.bincount(form_code, minlength=len(forms)), n_sent, initials)
    # lower-case word numbers in order of first occurrence (the numbering of factorising the lower-cased
    # tokens): the forms lower-cased one by one (lower-casing never looks past the "\n" between words),
    # numbered, and the numbers carried to the tokens
    lower = "\n".join(forms.tolist()).replace("\u2019", "'").lower().split("\n") if n else []
    lower_code = _codes(lower)
    codes = lower_code[form_code]
    types = int(lower_code.max()) + 1 if n else 0
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
