"""Terms for statistics: the words of a document, its n-grams, stop words, shared argument checks.

Owns: stop-word classes (``stopwords``, ``stop_classes``), the term lists of one
document (``doc_words``, ``doc_terms``, sentence word lists), the checks every
statistic shares (``n``, ``min_freq``, ``by``). Must not touch: counting across
documents or scoring (the other modules of :mod:`toolkit.stats`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .. import lexicons
from .. import profile as _profile
from ..corpus import Document
from ..errors import ParameterError


@lru_cache(maxsize=1)
def _stop_table() -> dict[str, tuple[str, bool]]:
    return {r["word"]: (r["class"], r["default"] == "yes") for r in lexicons.load("stopwords")}


def stop_classes() -> tuple[str, ...]:
    """The classes of the packaged stop list (``data/lexicons/stopwords.tsv``).

    Examples
    --------
    >>> "negation" in stop_classes()
    True
    """
    return tuple(sorted({c for c, _ in _stop_table().values()}))


def stopwords(classes: Iterable[str] | None = None) -> frozenset[str]:
    """Stop words of the given classes; by default the classes marked ``default``.

    Pronouns, modals and negation are not in the default set.

    Raises
    ------
    ParameterError
        For an unknown class (the valid ones are listed).

    Examples
    --------
    >>> s = stopwords()
    >>> "the" in s, "not" in s, "we" in s, "must" in s
    (True, False, False, False)
    """
    table = _stop_table()
    if classes is None:
        return frozenset(w for w, (_, default) in table.items() if default)
    if isinstance(classes, str):
        classes = [classes]
    wanted = set(classes)
    valid = set(stop_classes())
    for c in wanted:
        if c not in valid:
            raise ParameterError.choice("stop_classes", c, valid)
    return frozenset(w for w, (c, _) in table.items() if c in wanted)


def _stops(filter_stops: bool, classes: Iterable[str] | None) -> frozenset[str]:
    if classes is not None:
        return stopwords(classes)
    return stopwords() if filter_stops else frozenset()


def _norm(token: str, lower: bool) -> str:
    token = token.replace("\u2019", "'")
    return token.lower() if lower else token


def doc_words(doc: Document, *, lower: bool = True) -> list[str]:
    """The word tokens of a document (no punctuation), lower-cased by default.

    Examples
    --------
    >>> doc_words(Document("The US-led strikes didn't stop."))
    ['the', 'us-led', 'strikes', "didn't", 'stop']
    """
    words = doc.words
    if not words:
        return []
    joined = "\n".join(words).replace("\u2019", "'")
    return (joined.lower() if lower else joined).split("\n")


def _sentence_words(doc: Document, lower: bool) -> list[list[str]]:
    return [[_norm(w, lower) for w in sent] for sent in _profile.sentence_words(doc)]


def doc_terms(doc: Document, *, n: int = 1, lower: bool = True, stops: frozenset[str] = frozenset()) -> list[str]:
    """The terms (words or n-grams joined by spaces) of one document.

    An n-gram is dropped when any of its words is a stop word in ``stops``.

    Examples
    --------
    >>> doc_terms(Document("Peace talks failed. Talks resumed."), n=2)
    ['peace talks', 'talks failed', 'talks resumed']
    """
    if n == 1:
        words = doc_words(doc, lower=lower)
        if stops:
            words = [w for w in words if w.lower() not in stops]
        return words
    out = []
    for sent in _sentence_words(doc, lower):
        for i in range(len(sent) - n + 1):
            gram = sent[i : i + n]
            if stops and any(w.lower() in stops for w in gram):
                continue
            out.append(" ".join(gram))
    return out


def _check_n(n: Any) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ParameterError(f"n={n!r} must be a positive int (1 = words, 2 = bigrams, …)")


def _check_min_freq(min_freq: Any) -> None:
    if not isinstance(min_freq, int) or isinstance(min_freq, bool) or min_freq < 1:
        raise ParameterError(f"min_freq={min_freq!r} must be a positive int")


def _group_of(doc: Document, by: str | None) -> str:
    if by is None:
        return "all"
    if by not in doc.meta:
        raise ParameterError(
            f"by={by!r}: document {doc.id!r} has no such metadata column (it has: {sorted(doc.meta)})"
        )
    value = doc.meta[by]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NA"
    return str(value)
