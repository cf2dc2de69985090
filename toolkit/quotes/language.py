"""The language of a document for the quote rules: ``en``, ``de``, ``fr`` or ``es``.

Owns: the languages the quote extractor knows (:data:`LANGUAGES`), choosing
one per document (:func:`document_language`: the ``lang=`` argument, else the
document's ``lang``/``language`` metadata, else :func:`detect`), the language
of the document being processed (``_CURRENT``, set by the paragraph walk and
read by the lexicon and mark rules below it) and each language's quotation
mark conventions (:func:`mark_hints`).

The rule of :func:`detect`: count the words of the first 5,000 characters
that are frequent function words of one language (lexicon
``language_profiles``); the language with most wins, English on a tie or
when none occurs. Deterministic, offline, one pass.

Must not touch: rules, rows or DataFrames; imports no other quote module.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from .. import lexicons
from ..errors import ParameterError, ToolkitWarning

#: the languages with their own reporting verbs, titles and quotation-mark conventions
LANGUAGES = ("en", "de", "fr", "es")
_META_KEYS = ("lang", "language")
_WORD = re.compile(r"[^\W\d_]+")
#: every ASCII character that is no letter, mapped to a space: in ASCII text the runs of :data:`_WORD` are
#: the words ``split()`` finds after ``str.translate`` with this table (its fast path), in half the time
_ASCII_NON_LETTER_TO_SPACE = {c: " " for c in range(128) if not chr(c).isalpha()}
#: the marks beyond ASCII most texts hold (curly quotes, dashes, the ellipsis, a no-break space): no letters,
#: so a space for each keeps the words, and most samples are ASCII after it
_COMMON_MARKS = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\xa0"
#: a text of at least this many distinct words in which fewer than this share are known function
#: words is in another language (English running text has about 40 % function words; repeated
#: symbols or one word over and over are no language)
_UNSURE_WORDS, _UNSURE_SHARE = 30, 0.05
_SAMPLE = 5_000  # a few hundred words decide; more only costs time

#: the language of the document the quote rules are working on
_CURRENT: ContextVar[str] = ContextVar("quote_language", default="en")

# in an ambiguous context (no space on either side), which typographic marks open and which close:
# English and Spanish/French “…” ‘…’ «…»; German „…“ ‚…‘ and the reversed guillemets »…«
_HINTS = {
    "en": (frozenset("“„«`"), frozenset("”»")),
    "fr": (frozenset("“„«`"), frozenset("”»")),
    "es": (frozenset("“„«`"), frozenset("”»")),
    "de": (frozenset("„»‚`"), frozenset("“”«‘")),
}


def check_language(lang: Any) -> str | None:
    """``lang`` as one of :data:`LANGUAGES` (or None); region tags are dropped (``de-CH`` → ``de``).

    Raises
    ------
    ParameterError
        Any other value.

    Examples
    --------
    >>> check_language("DE-ch"), check_language(None)
    ('de', None)
    """
    if lang is None:
        return None
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] if isinstance(lang, str) else lang
    if code not in LANGUAGES:
        raise ParameterError.choice("lang", lang, LANGUAGES)
    return code


@lru_cache(maxsize=1)
def _profiles() -> dict[str, str]:
    return {r["word"]: r["lang"] for r in lexicons.load("language_profiles")}


def detect(text: str) -> str:
    """The language of ``text`` by its function words (see the module docstring).

    Examples
    --------
    >>> detect("Der Minister sagte, dass die Regierung handeln werde."), detect("Hello.")
    ('de', 'en')
    """
    profiles = _profiles()
    counts = dict.fromkeys(LANGUAGES, 0)
    sample = text[:_SAMPLE].lower()
    if not sample.isascii():
        for mark in _COMMON_MARKS:
            sample = sample.replace(mark, " ")
    words = sample.translate(_ASCII_NON_LETTER_TO_SPACE).split() if sample.isascii() else _WORD.findall(sample)
    for word in words:
        lang = profiles.get(word)
        if lang is not None:
            counts[lang] += 1
    best = max(LANGUAGES, key=lambda k: (counts[k], k == "en"))
    if len(set(words)) >= _UNSURE_WORDS and sum(counts.values()) < _UNSURE_SHARE * len(words):
        warnings.warn(f"the text's language is none of {', '.join(LANGUAGES)} (few of their function words); "
                      f"quotes are read with the {best if counts[best] else 'en'} rules: pass lang= to choose",
                      ToolkitWarning, stacklevel=2)
    return best if counts[best] else "en"


def document_language(text: str, meta: Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The language the quote rules use for one document.

    ``lang`` when given; else the document's ``lang`` or ``language``
    metadata (a missing or empty value is ignored); else :func:`detect`.

    Raises
    ------
    ParameterError
        ``lang`` or the metadata value is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> document_language("Il a dit.", {"language": "fr"}), document_language("Hi.", {}, "es")
    ('fr', 'es')
    """
    chosen = check_language(lang)
    if chosen is not None:
        return chosen
    for key in _META_KEYS:
        value = (meta or {}).get(key)
        if isinstance(value, str) and value.strip():
            return check_language(value) or "en"
    return detect(text)


def mark_hints() -> tuple[frozenset[str], frozenset[str]]:
    """(opening, closing) typographic marks of the current document's language, for ambiguous contexts."""
    return _HINTS[_CURRENT.get()]
