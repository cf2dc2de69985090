"""The seven readability formulas from their counts, as published.

Owns: :func:`readability` and the column names ``READABILITY``; the engines
(``ENGINES``: the published formulas or textstat). Must not touch: counting
words or syllables (:mod:`toolkit.profile.words`) or documents.
"""

from __future__ import annotations

import math
from typing import Literal

Engine = Literal["toolkit", "textstat"]
ENGINES = ("toolkit", "textstat")




def readability(
    *, words: int, sentences: int, syllables: int, polysyllables: int, complex_words: int,
    difficult_words: int, letters: int, characters: int,
) -> dict[str, float]:
    """The seven readability scores from their counts (published formulas).

    Parameters
    ----------
    words, sentences, syllables
        Counts of the text.
    polysyllables
        Words of three or more syllables (SMOG).
    complex_words
        Gunning's complex words: three or more syllables, not a proper noun
        (capitalised, not sentence-initial), not hyphenated, not three only
        through ``-es``/``-ed``/``-ing``.
    difficult_words
        Words not familiar by the Dale–Chall rules (:func:`is_familiar`).
    letters, characters
        Alphabetic characters (Coleman–Liau); letters and digits (ARI).

    Returns
    -------
    dict
        ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
        ``smog_index``, ``coleman_liau_index``, ``automated_readability_index``,
        ``dale_chall``; NaN for a text without words or sentences.

    References
    ----------
    Flesch (1948) J. Applied Psychology 32: 221–233. Kincaid, Fishburne,
    Rogers & Chissom (1975) Research Branch Report 8-75. Gunning (1952) The
    Technique of Clear Writing. McLaughlin (1969) J. Reading 12: 639–646.
    Coleman & Liau (1975) J. Applied Psychology 60: 283–284. Senter & Smith
    (1967) AMRL-TR-66-220. Dale & Chall (1948) Educational Research Bulletin
    27: 11–20, 37–54; Chall & Dale (1995) Readability Revisited.

    Examples
    --------
    >>> r = readability(words=10, sentences=2, syllables=15, polysyllables=1, complex_words=1,
    ...                 difficult_words=1, letters=45, characters=45)
    >>> round(r["flesch_reading_ease"], 3)  # 206.835 - 1.015 * 5 - 84.6 * 1.5
    74.86
    """
    if words == 0 or sentences == 0:
        return dict.fromkeys(READABILITY, math.nan)
    wps = words / sentences
    spw = syllables / words
    pdw = 100 * difficult_words / words
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * complex_words / words),
        "smog_index": 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291,
        "coleman_liau_index": 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8,
        "automated_readability_index": 4.71 * characters / words + 0.5 * wps - 21.43,
        "dale_chall": 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0.0),
    }


READABILITY = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall",
)
