"""Loaded language, name-calling, doubt, exaggeration and appeal to fear (SemEval-2020 Task 11 names).

Each detector follows the PTC annotation guidelines' definition of its
technique (Da San Martino et al. 2019) and cites the lexicon row that fired:

* ``loaded_language`` — a word whose mean human valence rating in the VADER
  lexicon (``emotive_words.tsv``, MIT) is at least :data:`LOADED_MIN` in
  absolute value (by default negative words only, :data:`LOADED_POLARITY`;
  both values chosen by 5-fold cross-validation on PTC dev), used to judge
  rather than to report: the event words of ``loaded_context.tsv`` (killed,
  war, arrested, failed) do not count on their own. The row is the word, or the
  word and the content word it qualifies when it has an adjective ending of
  ``loaded_context.tsv`` and stands right before one ("reckless decision");
* ``name_calling`` (``name_calling.tsv``) — a label or insult for a person or
  group (traitor, regime, extremist, "Crooked X"); the row is the label with the
  lower-case content word before it and the word after it ("leftist agitators");
  a label right before a legal or event noun of ``loaded_context.tsv``
  ("criminal charges", "terrorist attack") only classifies and is not reported;
* ``doubt`` (``doubt.tsv``) — distancing (so-called, alleged), credibility
  words, questions that cast doubt, "no evidence"; the row covers the clause;
* ``exaggeration`` (``exaggeration.tsv``) — unbounded superlatives,
  magnitude words, intensifiers, belittling phrases; the row is the phrase with
  the word before and after it, as for labels ("the worst outbreak");
* ``appeal_to_fear`` (``fear.tsv``) — threat, danger, destruction and
  invasion words, warnings of what happens otherwise; the row covers the clause.

A word that is a name-calling label is not counted again as loaded language.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .. import lexicons
from ..errors import LexiconError
from .matching import DocContext, clause_span, is_content, lexicon_hits, quoted

DEVICES = ("loaded_language", "name_calling", "doubt", "exaggeration", "appeal_to_fear")
#: the lexicons this family reads (a user's table may replace any of them)
LEXICONS = ("emotive_words", "loaded_context", "name_calling", "doubt", "exaggeration", "fear")

#: minimum absolute VADER valence (-4 … +4) for a word to count as loaded language
LOADED_MIN = 1.5
#: which words count: "negative" (valence below zero) or "both" (also strongly positive words)
LOADED_POLARITY = "negative"
#: the valence given to words VADER does not rate that ``loaded_context.tsv`` lists as loaded (kept at any threshold)
LISTED = -4.0

_LEXICAL = {
    "name_calling": ("name_calling", "labels a person or group instead of arguing", False),
    "doubt": ("doubt", "questions credibility", True),
    "exaggeration": ("exaggeration", "exaggerates or plays something down", False),
    "appeal_to_fear": ("fear", "plays on fear", True),
}
#: devices whose row adds the word before and after the cue (``_widen``): the phrase the guidelines mark
_WIDENED = {"name_calling", "exaggeration"}


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


@lru_cache(maxsize=8)
def loaded_context(lex: lexicons.Lexicon | None = None) -> tuple[frozenset[str], tuple[str, ...]]:
    """The event words and the adjective endings of ``loaded_context.tsv`` (or a user's table of that shape).

    Examples
    --------
    >>> events, endings = loaded_context()
    >>> "killed" in events, "ous" in endings
    (True, True)
    """
    lex = lex or lexicons.packaged("loaded_context")
    events = frozenset(r["word"].lower() for r in lex.rows if r["class"] == "event")
    endings = tuple(r["word"].lower().lstrip("-") for r in lex.rows if r["class"] == "modifier_suffix")
    return events, endings


@lru_cache(maxsize=8)
def reporting_heads(lex: lexicons.Lexicon | None = None) -> frozenset[str]:
    """The legal and event nouns of ``loaded_context.tsv`` before which a label only classifies ("criminal charges").

    Examples
    --------
    >>> "charges" in reporting_heads()
    True
    """
    lex = lex or lexicons.packaged("loaded_context")
    return frozenset(r["word"].lower() for r in lex.rows if r["class"] == "reporting_head")


_VOWELS = frozenset("aeiou")


def _inflections(base: str) -> set[str]:
    """Regular English inflections of a word (plural and 3rd person, past, -ing, adverb in -ly)."""
    out = {base + "s", base + "ed", base + "ing", base + "ly"}
    if base.endswith(("s", "x", "z", "ch", "sh")):
        out.add(base + "es")
    if base.endswith("e"):
        out |= {base + "d", base[:-1] + "ing"}
    if len(base) > 2 and base.endswith("y") and base[-2] not in _VOWELS:
        out |= {base[:-1] + "ies", base[:-1] + "ied", base[:-1] + "ily"}
    if base.endswith("le"):
        out.add(base[:-1] + "y")  # horrible -> horribly
    if base.endswith("ic"):
        out.add(base + "ally")
    if len(base) >= 3 and base[-1] not in _VOWELS and base[-1] not in "wxy" and base[-2] in _VOWELS \
            and base[-3] not in _VOWELS:
        out |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # slam -> slammed
    return out


@lru_cache(maxsize=8)
def ratings(lex: lexicons.Lexicon | None = None) -> dict[str, tuple[float, str]]:
    """Word -> (valence, rated word) for the words of :func:`valence` and their regular inflections.

    VADER rates some forms of a word only ("slam", not "slammed"); an unrated inflection takes the
    rating of its word. A form rated in the lexicon keeps its own rating.

    Examples
    --------
    >>> ratings()["slammed"]
    (-1.6, 'slam')
    """
    val = valence(lex)
    out: dict[str, tuple[float, str]] = {}
    for base, v in val.items():
        for form in _inflections(base):
            if form not in val:
                out.setdefault(form, (v, base))
    out.update((w, (v, w)) for w, v in val.items())
    return out


@lru_cache(maxsize=8)
def listed_loaded(lex: lexicons.Lexicon | None = None) -> dict[str, str]:
    """Word (and its regular inflections) -> listed word, for the class ``loaded`` of ``loaded_context.tsv``.

    Examples
    --------
    >>> listed_loaded()["hoaxes"]
    'hoax'
    """
    lex = lex or lexicons.packaged("loaded_context")
    words = [r["word"].lower() for r in lex.rows if r["class"] == "loaded"]
    out: dict[str, str] = {}
    for base in words:
        out.update(dict.fromkeys(_inflections(base), base))
    out.update((w, w) for w in words)
    return out


@lru_cache(maxsize=8)
def _rating_table(lex: lexicons.Lexicon, context: lexicons.Lexicon) -> dict[str, tuple[float, str]]:
    """:func:`ratings` with the listed loaded words (valence :data:`LISTED`) where VADER has no rating."""
    table = {w: (LISTED, base) for w, base in listed_loaded(context).items()}
    table.update(ratings(lex))
    return table


def rated_words(ctx: DocContext) -> list[tuple[int, int, float, str]]:
    """``(sentence, word index, valence, rated word)`` of every word of the document rated by :func:`ratings` (cached).

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rated_words(DocContext(Document("A horrible day. Fine.")))[0][:2]
    (0, 1)
    """
    cached = ctx.__dict__.get("_rated_words")
    if cached is not None:
        return cached
    table = _rating_table(ctx.lexicon("emotive_words"), ctx.lexicon("loaded_context"))
    get = table.get
    out = [(si, k, *r) for si, ws in enumerate(ctx.sentence_lower) for k, r in enumerate(map(get, ws)) if r is not None]
    ctx.__dict__["_rated_words"] = out
    return out


def _widen(ctx: DocContext, sent: list[tuple[int, int, str]], first: int, last: int, taken: set[int],
           right: bool, names: bool = False) -> tuple[int, int]:
    """Word indexes of a cue with the modifier before it and (``right``) the word after it.

    A neighbour counts when one space separates it from the cue, it is a content word, no
    name-calling label starts there and it does not start with a capital (a name is not a modifier;
    with ``names`` the word after may be one: "leftist Democrats").
    """
    text = ctx.text

    def fits(i: int, gap: str, name_ok: bool) -> bool:
        s, _e, w = sent[i]
        return gap == " " and is_content(w) and (name_ok or not text[s].isupper()) and s not in taken

    if first > 0 and fits(first - 1, text[sent[first - 1][1] : sent[first][0]], False):
        first -= 1
    if right and last + 1 < len(sent) and fits(last + 1, text[sent[last][1] : sent[last + 1][0]], names):
        last += 1
    return first, last


def _with(text: str, sent: list[tuple[int, int, str]], a: int, b: int, first: int, last: int) -> str:
    """The explanation's note on the words a row adds around its cue ("" when none)."""
    added = [quoted(text[sent[i][0] : sent[i][1]]) for i in (*range(a, first), *range(last + 1, b + 1))]
    return f" with the words around it ({', '.join(added)})" if added else ""


def _loaded(ctx: DocContext, taken: list[tuple[int, int]], threshold: float, polarity: str) -> list[dict]:
    lex = ctx.lexicon("emotive_words")
    context = ctx.lexicon("loaded_context")
    events, endings = loaded_context(context)
    listed = listed_loaded(context)
    scale = "valence" if lex.user else "VADER valence"
    taken_starts = {s for s, _ in taken}
    text = ctx.text
    words = ctx.sentence_words
    out = []
    for si, k, v, base in rated_words(ctx):
        sent = words[si]
        s, e, word = sent[k]
        if (abs(v) < threshold or s in taken_starts or (polarity == "negative" and v > 0) or word in events
                or base in events):
            continue
        tone = "negative" if v < 0 else "positive"
        if v == LISTED and base in listed:
            rating = f"listed as loaded in {context.label}"
        else:
            rating = f"{scale} {v:+.1f} of ±4{'' if base == word else f', rated as {quoted(base)}'}"
        a, b = _widen(ctx, sent, k, k, taken_starts, right=word.endswith(endings))
        with_ = _with(text, sent, a, b, k, k)
        out.append(ctx.row(sent[a][0], sent[b][1], "loaded_language", word,
                           f"{quoted(text[s:e])} is a strongly {tone} word ({rating}){with_}, "
                           f"emotion rather than information (rule: {lex.label}, |valence| ≥ {threshold}; "
                           f"event words of {context.label} left out)."))
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
    taken = [(h.start, h.end) for h, _row in lexicon_hits(ctx, "name_calling")]
    starts = {s for s, _ in taken}
    heads = reporting_heads(ctx.lexicon("loaded_context"))
    for device, (lexicon, what, clause) in _LEXICAL.items():
        label = ctx.lexicon(lexicon).label
        for h, row in lexicon_hits(ctx, lexicon):
            s, e, with_ = *(clause_span(ctx, h.start, h.end) if clause else (h.start, h.end)), ""
            if device == "name_calling" and _classifies(ctx, h.end, heads):
                continue
            if device in _WIDENED:
                s, e, with_ = _widen_label(ctx, h.start, h.end, starts, names=device == "name_calling")
            out.append(ctx.row(s, e, device, h.text,
                               f"{quoted(h.text)}{with_} {what} ({row['note']}) (rule: {label})."))
    return [*out, *_loaded(ctx, taken, LOADED_MIN if loaded_min is None else loaded_min,
                           LOADED_POLARITY if polarity is None else polarity)]


_NEXT_WORD = re.compile(r" ([\w'-]+)")


def _classifies(ctx: DocContext, end: int, heads: frozenset[str]) -> bool:
    """Whether a label is followed by a legal or event noun it only classifies ("terrorist attack")."""
    m = _NEXT_WORD.match(ctx.text, end)
    return m is not None and m.group(1).lower() in heads


def _widen_label(ctx: DocContext, start: int, end: int, taken: set[int], names: bool) -> tuple[int, int, str]:
    """A label or exaggeration with the modifier before it and the word after it ("leftist agitators")."""
    si = ctx.sentence_of(start)
    if si < 0:
        return start, end, ""
    sent = ctx.sentence_words[si]
    first = bisect_left(sent, start, key=lambda w: w[0])
    last = bisect_left(sent, end, key=lambda w: w[1])
    if first >= len(sent) or last >= len(sent) or sent[first][0] != start or sent[last][1] != end:
        return start, end, ""
    a, b = _widen(ctx, sent, first, last, taken - {start}, right=True, names=names)
    return sent[a][0], sent[b][1], _with(ctx.text, sent, a, b, first, last)
