"""The learned part of the historical-analogy decision: a logistic regression over a candidate sentence.

A sentence that names a past referent (a gazetteer entry, a past year, a general past-time expression)
and that no construction rule of :mod:`toolkit.devices.analogy` made an analogy is scored by a small
linear model over sublinear tf-idf of its words (a closed vocabulary of function words and the words of the
cue constructions: the file holds no other word) and of marks of its structure that the rules find: the
kind of the referent, whether it is a present-day place or still going on, the kinds of the cues the
sentence holds, each cue's side of and word distance to the referent, how long ago each referent ended,
and how many referents and cues the sentence holds (:func:`structure_marks`). When the probability reaches
the model's threshold the sentence becomes a row; its explanation lists the features that raised the
score most (:func:`describe`), so a reader sees why.

The weights are a data file, ``toolkit/data/lexicons/analogy_model.tsv`` (rows ``feature, idf, weight``;
the rows ``<intercept>`` and ``<threshold>`` hold those two numbers in ``weight``, ``<C>`` the regularisation it
was trained with), written by
``scripts/train_analogy_model.py`` from sentences the project may ship derived data of (its own labels of
UN General Debate sentences, CC0; the analogy dev set's UN, Kremlin and Wikinews items, never its PTC
items); provenance and version are in ``MANIFEST.csv``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..errors import LexiconError
from .matching import quoted

_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
REF = "<ref>"  # a referent's words are one token: the model learns the frame, not the names in it


@dataclass(frozen=True)
class Model:
    """Weights of the linear model (features, their idf and weight), its intercept and its threshold."""

    idf: dict[str, float]
    weight: dict[str, float]
    intercept: float
    threshold: float

    def _parts(self, features: Sequence[str]) -> list[tuple[str, float]]:
        """Each known feature's contribution: its L2-normalised sublinear tf-idf times its weight."""
        tf = Counter(f for f in features if f in self.idf)
        values = {f: (1.0 + math.log(n)) * self.idf[f] for f, n in tf.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return [(f, v / norm * self.weight[f]) for f, v in values.items()]

    def _logistic(self, parts: list[tuple[str, float]]) -> float:
        z = self.intercept + math.fsum(c for _, c in parts)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def score(self, features: Sequence[str]) -> float:
        """Probability that the sentence is an analogy (:meth:`probability` without sorting the contributions).

        Examples
        --------
        >>> round(Model({"like": 1.0}, {"like": 2.0}, -1.0, 0.5).score(["like"]), 3)
        0.731
        """
        return self._logistic(self._parts(features))

    def probability(self, features: Sequence[str]) -> tuple[float, list[tuple[str, float]]]:
        """Probability that the sentence is an analogy, and each known feature's contribution (largest first).

        Examples
        --------
        >>> m = Model({"like": 1.0}, {"like": 2.0}, -1.0, 0.5)
        >>> p, why = m.probability(["like", "unseen"])
        >>> round(p, 3), why
        (0.731, [('like', 2.0)])
        """
        parts = self._parts(features)
        return self._logistic(parts), sorted(parts, key=lambda fc: (-fc[1], fc[0]))


def sentence_features(sentence: str, spans: Iterable[tuple[int, int]], marks: Iterable[str]) -> list[str]:
    """The features of one candidate sentence: its words, with every referent (``spans``, offsets into
    ``sentence``) read as one ``<ref>`` token, then the marks (``<type:war>``, ...), each once.

    Examples
    --------
    >>> sentence_features("A new Cold War looms.", [(6, 14)], ["<type:war>"])
    ['a', 'new', '<ref>', 'looms', '<type:war>']
    """
    low = sentence.lower()
    words: list[str] = []
    at = 0
    for s, e in sorted(spans):
        if s < at:
            continue
        words += _WORD.findall(low, at, s)
        words.append(REF)
        at = e
    words += _WORD.findall(low, at)
    return words + list(dict.fromkeys(marks))


#: words between a cue and the nearest referent: at most 1 is ``adjacent``, at most 5 ``near``, more ``far``
_DISTANCE = ((1, "adjacent"), (5, "near"), (None, "far"))
#: years from the end of a referent's period to the document's year (negative: still going on)
_AGE = ((9, "0-9"), (29, "10-29"), (59, "30-59"), (None, "60+"))


def _bucket(n: int, edges: tuple[tuple[int | None, str], ...]) -> str:
    return next(name for top, name in edges if top is None or n <= top)


def structure_marks(sentence: str, spans: Sequence[tuple[int, int]], cues: Sequence[tuple[int, int, str]],
                    ages: Iterable[int]) -> list[str]:
    """Marks of a candidate sentence's structure: for each cue (``start, end, kind``, offsets into ``sentence``)
    its side of the nearest referent (``spans``) and the words between them (``<cueside:comparison:before>``,
    ``<cuedist:comparison:near>``, :data:`_DISTANCE`); for each referent's age (years from its end to the
    document's year) its band (``<age:30-59>``, :data:`_AGE`); the number of referents (``<nref:2>``; 3: three or
    more) and of cues (``<ncue:1>``; 2: two or more).

    Examples
    --------
    >>> structure_marks("It is like Munich again.", [(11, 17)], [(6, 10, "comparison")], [60])
    ['<cuedist:comparison:adjacent>', '<cueside:comparison:before>', '<age:60+>', '<nref:1>', '<ncue:1>']
    """
    low = sentence.lower()
    marks: list[str] = []
    for cs, ce, kind in cues:
        best: tuple[int, str] | None = None
        for s, e in spans:
            if ce <= s:
                found = (len(_WORD.findall(low, ce, s)), "before")
            elif cs >= e:
                found = (len(_WORD.findall(low, e, cs)), "after")
            else:
                found = (0, "on")
            if best is None or found[0] < best[0]:
                best = found
        if best is not None:
            marks += [f"<cuedist:{kind}:{_bucket(best[0], _DISTANCE)}>", f"<cueside:{kind}:{best[1]}>"]
    marks += [f"<age:{_bucket(age, _AGE)}>" for age in ages]
    return [*marks, f"<nref:{min(len(spans), 3)}>", f"<ncue:{min(len(cues), 2)}>"]


#: how a mark reads in an explanation: ``{kind}`` and ``{band}`` are its two values (``<cuedist:lesson:near>``),
#: ``{value}`` the whole of them, ``{plus}`` a "+" on the top count, ``{s}`` a plural ending, ``{a}`` the article
_MARK_TEXT = {
    "cuedist": "a {kind} cue {band} X",
    "cueside": "a {kind} cue {band} X",
    "cue": "a {value} cue in the sentence",
    "age": "X ended {value} years before the document",
    "nref": "{value}{plus} past referent{s} in the sentence",
    "ncue": "{value}{plus} cue{s} in the sentence",
    "type": "X is {a} {value}",
    "place": "X is a present-day place name",
    "notpast": "X still goes on at the document's date",
}
_BANDS = {"adjacent": "next to", "near": "within five words of", "far": "more than five words from",
          "on": "inside", "general": "general past-time expression"}
_TOP_COUNT = {"nref": "3", "ncue": "2"}


def describe(feature: str) -> str:
    """A feature in words, for the explanation of a candidate (``X`` is the referent).

    Examples
    --------
    >>> describe("<cuedist:lesson:near>"), describe("like"), describe("<age:30-59>"), describe("<type:era>")
    ('a lesson cue within five words of X', '“like”', 'X ended 30-59 years before the document', 'X is an era')
    """
    if not feature.startswith("<") or feature == REF:
        return quoted(feature.replace(REF, "X"))
    name, _, value = feature[1:-1].partition(":")
    if name not in _MARK_TEXT:
        return feature
    kind, _, band = value.partition(":")
    value = _BANDS.get(value, value)
    return _MARK_TEXT[name].format(kind=kind, band=_BANDS.get(band, band), value=value,
                                   plus="+" if _TOP_COUNT.get(name) == value else "", s="" if value == "1" else "s",
                                   a="an" if value[:1] in "aeiou" else "a")


def _number(row: dict[str, str], column: str, name: str) -> float:
    try:
        return float(row[column])
    except (KeyError, ValueError):
        raise LexiconError(name, f"feature {row.get('feature')!r} has no number in {column!r}") from None


def from_lexicon(lex: lexicons.Lexicon) -> Model:
    """The model a lexicon table of ``feature, idf, weight`` rows holds (the packaged file or a user's)."""
    idf: dict[str, float] = {}
    weight: dict[str, float] = {}
    special: dict[str, float] = {}
    for row in lex.rows:
        f = row["feature"]
        if f in ("<intercept>", "<threshold>", "<C>"):
            special[f] = _number(row, "weight", lex.label)
            continue
        idf[f] = _number(row, "idf", lex.label)
        weight[f] = _number(row, "weight", lex.label)
    if not {"<intercept>", "<threshold>"} <= set(special):
        raise LexiconError(lex.label, "the rows <intercept> and <threshold> are both required")
    return Model(idf, weight, special["<intercept>"], special["<threshold>"])


@lru_cache(maxsize=4)
def _cached(lex: lexicons.Lexicon) -> Model:
    return from_lexicon(lex)


def model(lex: lexicons.Lexicon) -> Model:
    """:func:`from_lexicon`, computed once per table."""
    return _cached(lex)
