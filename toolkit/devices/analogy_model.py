"""The learned part of the historical-analogy decision: a logistic regression over a candidate sentence.

A sentence that names a past referent (a gazetteer entry, a past year, a general past-time expression)
and that no construction rule of :mod:`toolkit.devices.analogy` made an analogy is scored by a small
linear model: sublinear tf-idf of its words and word pairs, plus marks of what the rules found (the
kind of the referent, whether it is a present-day place). When the probability reaches the model's
threshold the sentence becomes a row; its explanation lists the words that raised the score most, so a
reader sees why.

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
from itertools import pairwise

from .. import lexicons
from ..errors import LexiconError

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
    """The features of one candidate sentence: its words and word pairs, with every referent (``spans``,
    offsets into ``sentence``) read as one ``<ref>`` token, then the rule marks (``<type:war>``, ...).

    Examples
    --------
    >>> sentence_features("A new Cold War looms.", [(6, 14)], ["<type:war>"])
    ['a', 'new', '<ref>', 'looms', 'a new', 'new <ref>', '<ref> looms', '<type:war>']
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
    return words + [f"{a} {b}" for a, b in pairwise(words)] + list(dict.fromkeys(marks))


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
