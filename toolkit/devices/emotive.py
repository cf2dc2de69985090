"""Loaded language, name-calling, doubt, exaggeration and appeal to fear (SemEval-2020 Task 11 names).

Each detector follows the PTC annotation guidelines' definition of its
technique (Da San Martino et al. 2019) and cites the lexicon row that fired:

* ``loaded_language`` — a word whose mean human valence rating in the VADER
  lexicon (``emotive_words.tsv``, MIT) is at least :data:`LOADED_MIN` in
  absolute value (by default negative words only, :data:`LOADED_POLARITY`;
  both values chosen by 5-fold cross-validation on PTC dev); the row is the word;
* ``name_calling`` (``name_calling.tsv``) — a label or insult for a person or
  group (traitor, regime, extremist, "Crooked X"); the row is the label;
* ``doubt`` (``doubt.tsv``) — distancing (so-called, alleged), credibility
  words, questions that cast doubt, "no evidence"; the row covers the clause;
* ``exaggeration`` (``exaggeration.tsv``) — unbounded superlatives,
  magnitude words, intensifiers, belittling phrases; the row is the phrase;
* ``appeal_to_fear`` (``fear.tsv``) — threat, danger, destruction and
  invasion words, warnings of what happens otherwise; the row covers the clause.

A word that is a name-calling label is not counted again as loaded language.
"""

from __future__ import annotations

from functools import lru_cache

from .. import lexicons
from ..errors import LexiconError
from .matching import DocContext, clause_span, lexicon_hits, quoted

DEVICES = ("loaded_language", "name_calling", "doubt", "exaggeration", "appeal_to_fear")
#: the lexicons this family reads (a user's table may replace any of them)
LEXICONS = ("emotive_words", "name_calling", "doubt", "exaggeration", "fear")

#: minimum absolute VADER valence (-4 … +4) for a word to count as loaded language
LOADED_MIN = 1.5
#: which words count: "negative" (valence below zero) or "both" (also strongly positive words)
LOADED_POLARITY = "negative"

_LEXICAL = {
    "name_calling": ("name_calling", "labels a person or group instead of arguing", False),
    "doubt": ("doubt", "questions credibility", True),
    "exaggeration": ("exaggeration", "exaggerates or plays something down", False),
    "appeal_to_fear": ("fear", "plays on fear", True),
}


@lru_cache(maxsize=8)
def valence(lex: lexicons.Lexicon | None = None) -> dict[str, float]:
    """Word -> mean valence (-4 … +4) of every word in ``emotive_words.tsv`` (or a user's table of that shape).

    Raises
    ------
    LexiconError
        A valence that is not a number (the row is named).

    Examples
    --------
    >>> valence()["horrible"] < -2
    True
    """
    lex = lex or lexicons.packaged("emotive_words")
    out = {}
    for i, r in enumerate(lex.rows, start=2):
        try:
            out[r["word"].lower()] = float(r["valence"])
        except ValueError:
            raise LexiconError(lex.label, f"valence {r['valence']!r} is not a number", row=i) from None
    return out


def _loaded(ctx: DocContext, taken: list[tuple[int, int]], threshold: float, polarity: str) -> list[dict]:
    lex = ctx.lexicon("emotive_words")
    val = valence(lex)
    scale = "valence" if lex.user else "VADER valence"
    taken_starts = {s for s, _ in taken}
    out = []
    for sent in ctx.sentence_words:
        for s, e, word in sent:
            v = val.get(word)
            if v is None or abs(v) < threshold or s in taken_starts or (polarity == "negative" and v > 0):
                continue
            tone = "negative" if v < 0 else "positive"
            out.append(ctx.row(s, e, "loaded_language", word,
                               f"{quoted(ctx.text[s:e])} is a strongly {tone} word ({scale} {v:+.1f} of ±4), "
                               f"emotion rather than information (rule: {lex.label}, |valence| ≥ {threshold})."))
    return out


def detect(ctx: DocContext, loaded_min: float | None = None, polarity: str | None = None) -> list[dict]:
    """Rows for loaded language, name-calling, doubt, exaggeration and appeal to fear in one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document("The so-called experts are traitors and it is a horrible disaster.")))
    >>> sorted((r["device"], r["cue"]) for r in rows)  # doctest: +NORMALIZE_WHITESPACE
    [('appeal_to_fear', 'disaster'), ('doubt', 'so-called'), ('loaded_language', 'disaster'),
     ('loaded_language', 'horrible'), ('name_calling', 'traitors')]
    """
    out = []
    taken = []
    for device, (lexicon, what, clause) in _LEXICAL.items():
        label = ctx.lexicon(lexicon).label
        for h, row in lexicon_hits(ctx, lexicon):
            s, e = clause_span(ctx, h.start, h.end) if clause else (h.start, h.end)
            if device == "name_calling":
                taken.append((h.start, h.end))
            out.append(ctx.row(s, e, device, h.text,
                               f"{quoted(h.text)} {what} ({row['note']}) (rule: {label})."))
    return [*out, *_loaded(ctx, taken, LOADED_MIN if loaded_min is None else loaded_min,
                           LOADED_POLARITY if polarity is None else polarity)]
