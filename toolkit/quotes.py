"""Quotations and who said them: ``tk.quotes`` and ``tk.speakers``.

A rule system, explainable row by row (the ``rule`` column names the rule that
fired, ``cue`` the reporting verb lemma). It works on the normalised view of
each document (typographic quotes unified, see :func:`toolkit.text.normalize`)
and reports offsets into the original text.

How it works, in document order, paragraph by paragraph:

1. **Quote marks.** Double marks (``"`` “ ” „ « » and NYT-style ``''``) are
   paired by context — a mark after a space opens, a mark before a space or
   punctuation closes — never by alternation alone. A single mark between two
   letters (``Libya's``, ``They've``, ``Assange’s``) is an apostrophe; single
   quotes only pair opener-with-closer inside one paragraph. Single quotes
   inside double ones (nested) are not separate rows. An unclosed mark runs to
   the paragraph end (the news convention for quotes over several
   paragraphs); nothing ever raises on unbalanced marks.
2. **Titles and nicknames** (``the book "Fire and Fury"``, ``Dwayne "The Rock"
   Johnson``) are dropped: they are not quotations.
3. **Direct quotes** are quoted spans that stand as an utterance (at a
   paragraph or sentence start, or after ``:``/``,``). Fragments of one
   paragraph separated only by an attribution (``"X," he said, "Y."``) are
   merged into ONE row: ``start``/``end`` cover the hull from the first quoted
   word to the last, ``text`` is ``original[start:end]`` (so it contains the
   interruption) and ``fragments`` lists the quoted pieces as
   ``"start-end;start-end"`` original offsets. The attribution is searched
   after the quote, between fragments, before it (``Lavrov said: "…"``) and in a
   previous paragraph ending with a colon; a quote paragraph with none
   inherits the previous quote's speaker (``attribution="inherited"``).
4. **Reported speech** in every sentence: a reporting verb (lexicon
   ``reporting_verbs``) with a subject and a clause (``he said the plan…``,
   ``, adding however he was…``), a clause closed by ``, X said.``, or
   ``according to X``. When the clause contains quoted words the row is
   ``partial`` (``start``/``end`` = the quoted words, ``content_*`` = the
   clause), otherwise ``indirect``.
5. Remaining embedded quoted words are ``scare`` quotes (no speaker).

Speakers: titles are stripped (``Russian Foreign Minister Sergei Lavrov`` →
``Sergei Lavrov``); a short form takes the longest earlier mention with the
same last name (``Lavrov`` → ``Sergei Lavrov``); ``he``/``she`` resolve to the
most recent person speaker; a definite description with a role noun
(``Moscow's top diplomat``) resolves to the most recent named person speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

import pandas as pd

from . import frames, lexicons, runner
from .corpus import Document
from .errors import ParameterError
from .text import TOKEN_PATTERN, count_words

Span = tuple[int, int]

__all__ = ["quotes", "speakers"]

# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lex:
    verbs: dict[str, tuple[str, str, str]]  # form -> (lemma, class, complement)
    first_words: frozenset[str]  # first word of every cue form, lower case
    titles: dict[str, set[str]]
    pronouns: dict[str, str]
    anon_heads: frozenset[str]
    anon_qualifiers: tuple[str, ...]
    title_cues: frozenset[str]
    nickname_cues: frozenset[str]
    determiners: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    verbs = {r["form"]: (r["lemma"], r["class"], r["complement"]) for r in lexicons.load("reporting_verbs")}
    forms = sorted(verbs, key=len, reverse=True)
    first_words = frozenset({f.split()[0] for f in forms} | {"according"})
    titles: dict[str, set[str]] = {}
    for r in lexicons.load("speaker_titles"):
        titles.setdefault(r["term"], set()).add(r["class"])
    ctx = lexicons.load("quote_contexts")
    anon = lexicons.load("anonymous_sources")
    return _Lex(
        verbs=verbs,
        first_words=first_words,
        titles=titles,
        pronouns={r["pronoun"]: r["kind"] for r in lexicons.load("pronouns")},
        anon_heads=frozenset(r["term"] for r in anon if r["class"] == "head"),
        anon_qualifiers=tuple(r["term"] for r in anon if r["class"] == "qualifier"),
        title_cues=frozenset(r["word"] for r in ctx if r["class"] == "title_cue"),
        nickname_cues=frozenset(r["word"] for r in ctx if r["class"] == "nickname_cue"),
        determiners=frozenset(r["word"] for r in ctx if r["class"] == "determiner"),
    )


def _grammar(cls: str) -> frozenset[str]:
    """One word class of the ``quote_grammar`` data file (function words the rules rely on)."""
    return frozenset(r["word"] for r in lexicons.load("quote_grammar") if r["class"] == cls)


_TOKEN = re.compile(TOKEN_PATTERN)
_MARK = re.compile(r"''|[\"']")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_SPACE_BEFORE_OPEN = set(" \t\n\r([{/-—")
_CLOSE_AFTER = set(" \t\n\r.,;:!?)]}/-")
_ABBREV = _grammar("abbreviation")
_STOP_BACK = _grammar("clause_boundary")
_AUX = _grammar("auxiliary")
_COORD_VERB = _grammar("coordinated_verb")
_BE = _grammar("be")
_ADDRESSEES = _grammar("addressee")
_CLAUSE_SKIP = _grammar("clause_adverb")
_ORG_WORDS = _grammar("organisation_word")
_PARTICLES = _grammar("name_particle")
_CLAUSE_WORDS = _grammar("clause_word")
_NOT_NAME = _grammar("not_name")
_CLAUSE_CUT = _grammar("clause_cut")
_OPENERS = _grammar("opener")
_NOUN_DET = _grammar("noun_determiner")
_FRAME_LINK = _grammar("frame_link")
_ASK_OPENERS = _grammar("ask_opener")
_ASK_WORDS = _grammar("ask_word")
_FINDING_SOURCES = _grammar("finding_source")
_PASSIVE_REPORT = _grammar("passive_report")
_CLAIM_NOUNS = _grammar("claim_noun")
_PREPOSITIONS = frozenset({"to", "with", "for", "on", "in", "at", "from", "by", "about", "over", "against"})
_DOUBLE_OPEN_HINT = frozenset("“„«`")
_DOUBLE_CLOSE_HINT = frozenset("”»")


# --------------------------------------------------------------------------- quote marks


@dataclass
class _Quote:
    open: int  # position of the opening mark (normalised)
    cs: int  # first character inside
    ce: int  # end of the quoted words (before the closing mark)
    close: int  # position after the closing mark (== ce when unclosed)
    double: bool
    para: int
    closed: bool
    continued: bool = False  # opened a paragraph while the previous one was still open
    role: str = ""  # direct | embedded | title
    used: bool = False


def _mark_kind(nt: str, orig: str, i: int, length: int, ps: int, pe: int, norm: Any) -> str:
    """'open', 'close' or 'amb' for a double mark, from its context."""
    prev = nt[i - 1] if i > ps else " "
    nxt = nt[i + length] if i + length < pe else " "
    open_ctx = (prev in _SPACE_BEFORE_OPEN or prev == '"') and not nxt.isspace()
    close_ctx = (nxt in _CLOSE_AFTER or nxt == '"' or nxt == "'") and not prev.isspace()
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    ch = orig[norm.to_original(i)]
    if ch in _DOUBLE_OPEN_HINT:
        return "open"
    if ch in _DOUBLE_CLOSE_HINT:
        return "close"
    return "amb"


def _pair_doubles(nt: str, orig: str, norm: Any, paras: list[Span], marks: list[tuple[int, int]]) -> list[_Quote]:
    out: list[_Quote] = []
    mi = 0
    carry = False  # previous paragraph ended inside a quote
    for pi, (ps, pe) in enumerate(paras):
        while mi < len(marks) and marks[mi][0] < ps:
            mi += 1
        inside: int | None = None
        inside_len = 0
        first = True
        continued = False
        while mi < len(marks) and marks[mi][0] < pe:
            i, length = marks[mi]
            mi += 1
            kind = _mark_kind(nt, orig, i, length, ps, pe, norm)
            if inside is None:
                if kind == "close" and first and carry:
                    out.append(_Quote(ps, ps, i, i + length, True, pi, True, continued=True))
                elif kind != "close":
                    inside, inside_len = i, length
                    continued = first and carry and nt[ps:i].strip() == ""
            else:
                out.append(_Quote(inside, inside + inside_len, i, i + length, True, pi, True, continued=continued))
                inside = None
                continued = False
            first = False
        if inside is not None:
            out.append(_Quote(inside, inside + inside_len, pe, pe, True, pi, False, continued=continued))
            carry = True
        else:
            carry = False
    return out


def _pair_singles(nt: str, paras: list[Span], marks: list[int]) -> list[_Quote]:
    out: list[_Quote] = []
    mi = 0
    for pi, (ps, pe) in enumerate(paras):
        while mi < len(marks) and marks[mi] < ps:
            mi += 1
        opener: int | None = None
        while mi < len(marks) and marks[mi] < pe:
            i = marks[mi]
            mi += 1
            prev = nt[i - 1] if i > ps else " "
            nxt = nt[i + 1] if i + 1 < pe else " "
            if prev.isalnum() and nxt.isalnum():
                continue  # apostrophe: Libya's, They've
            can_open = (prev in _SPACE_BEFORE_OPEN or prev == '"') and nxt.isalnum()
            can_close = (prev.isalnum() or prev in ".,!?") and (nxt in _CLOSE_AFTER or nxt == '"')
            if opener is not None and can_close and i - opener <= 300:
                out.append(_Quote(opener, opener + 1, i, i + 1, False, pi, True))
                opener = None
            elif can_open:
                opener = i
    return out


def _find_quotes(nt: str, orig: str, norm: Any, paras: list[Span]) -> list[_Quote]:
    doubles: list[tuple[int, int]] = []
    singles: list[int] = []
    # markup residue: marks inside <tag attr="…"> are not quotation marks
    tags = [(m.start(), m.end()) for m in _TAG.finditer(nt)] if "<" in nt else []
    tag_starts = [a for a, _ in tags]
    for m in _MARK.finditer(nt):
        if tags:
            k = bisect_right(tag_starts, m.start()) - 1
            if k >= 0 and m.start() < tags[k][1]:
                continue
        if m.group() == "'":
            singles.append(m.start())
        else:
            doubles.append((m.start(), m.end() - m.start()))
    dq = _pair_doubles(nt, orig, norm, paras, doubles)
    # single marks inside a double quote are nested: never separate rows
    inner = [(q.cs, q.ce) for q in dq]
    starts = [s for s, _ in inner]
    sq = []
    for q in _pair_singles(nt, paras, [s for s in singles if s]):
        k = bisect_right(starts, q.open) - 1
        if k >= 0 and inner[k][0] <= q.open < inner[k][1]:
            continue
        sq.append(q)
    if sq:
        # a double quote inside a single one (British style) is nested in turn
        s_spans = [(q.cs, q.ce) for q in sq]
        s_starts = [s for s, _ in s_spans]
        kept = []
        for q in dq:
            k = bisect_right(s_starts, q.open) - 1
            if k >= 0 and s_spans[k][0] <= q.open and q.close <= s_spans[k][1]:
                continue
            kept.append(q)
        dq = kept
    allq = sorted(dq + sq, key=lambda q: q.open)
    return [q for q in allq if _has_word(nt, q.cs, q.ce)]


_WORDCH = re.compile(r"\w")


def _has_word(nt: str, s: int, e: int) -> bool:
    return _WORDCH.search(nt, s, e) is not None


# --------------------------------------------------------------------------- tokens and noun phrases


class _Tok:
    """A token of the normalised text: offsets, text, lower case, capitalised."""

    __slots__ = ("cap", "e", "low", "s", "t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self.s, self.e, self.t = s, e, t
        self.low = t.lower()
        self.cap = t[:1].isupper()


def _scan_tokens(nt: str, s: int, e: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(nt, s, e)]


_SEGMENT = 2048  # characters per lazily tokenised segment of the text index
_SCAN_BELOW = 256  # windows shorter than this are scanned directly
_SPACE = re.compile(r"\s")
_KEEP_SEGMENTS = 16  # segments kept (least recently used dropped): memory bounded, not growing with the text


class _TokenIndex:
    """The tokens of one normalised text in segments cut at whitespace, each tokenised once, on demand.

    Tokens never contain whitespace, so a segment ``[b_i, b_i+1)`` that starts
    and ends at whitespace (or the text's ends) holds exactly the whole-text
    tokens inside it. Boundaries are found left to right as far as a window
    needs them (``b_i+1`` is the first whitespace at least ``_SEGMENT`` after
    ``b_i``), so the index costs no more than one scan of the text.
    """

    __slots__ = ("bounds", "nt", "segments")

    def __init__(self, nt: str) -> None:
        self.nt = nt
        self.bounds = [0]
        self.segments: dict[int, tuple[list[_Tok], list[int], list[int]]] = {}

    def _cover(self, pos: int) -> None:
        n = len(self.nt)
        while self.bounds[-1] < n and self.bounds[-1] <= pos:
            m = _SPACE.search(self.nt, self.bounds[-1] + _SEGMENT)
            self.bounds.append(m.start() if m else n)

    def _segment(self, i: int) -> tuple[list[_Tok], list[int], list[int]]:
        seg = self.segments.pop(i, None)
        if seg is None:
            toks = _scan_tokens(self.nt, self.bounds[i], self.bounds[i + 1])
            seg = (toks, [t.s for t in toks], [t.e for t in toks])
            if len(self.segments) >= _KEEP_SEGMENTS:
                del self.segments[next(iter(self.segments))]  # the least recently used
        self.segments[i] = seg  # most recently used last
        return seg

    def window(self, s: int, e: int) -> list[_Tok]:
        """Whole-text tokens with ``s <= start`` and ``end <= e``, then the token crossing ``e`` cut at ``e``."""
        self._cover(e)
        out: list[_Tok] = []
        i = bisect_right(self.bounds, s) - 1
        while i < len(self.bounds) - 1 and self.bounds[i] < e:
            toks, starts, ends = self._segment(i)
            lo = bisect_left(starts, s)
            hi = bisect_right(ends, e, lo=lo)
            out.extend(toks[lo:hi])
            if hi < len(toks) and starts[hi] < e:  # the token crossing e, cut short as a scan of the window would
                out.extend(_scan_tokens(self.nt, starts[hi], e))
                break
            i += 1
        return out


_INDEX: list[_TokenIndex] = []  # the current text's index (one document at a time)


def _tokens(nt: str, s: int, e: int) -> list[_Tok]:
    """The tokens of ``nt[s:e]`` exactly as ``_TOKEN.finditer(nt, s, e)`` gives them.

    Windows overlap heavily (sentence starts, gaps between quotes), so long
    ones are sliced from the text's :class:`_TokenIndex` instead of being
    tokenised again each time. The token pattern has no look-around and no
    token contains whitespace: a scan from ``s`` gives its own tokens up to
    the first whitespace, and the whole-text tokens after it.
    """
    if e - s < _SCAN_BELOW:
        return _scan_tokens(nt, s, e)
    if not _INDEX or _INDEX[0].nt is not nt:
        _INDEX[:] = [_TokenIndex(nt)]
    m = _SPACE.search(nt, s, e)
    if m is None:
        return _scan_tokens(nt, s, e)
    return _scan_tokens(nt, s, m.start()) + _INDEX[0].window(m.start(), e)


def _is_role(low: str) -> bool:
    lex = _lex()
    return "role" in lex.titles.get(low, ()) or low in lex.anon_heads


def _np_ok(tok: _Tok) -> bool:
    lex = _lex()
    low = tok.low
    if tok.cap or low in lex.determiners or low in lex.titles or _is_role(low) or low in _PARTICLES:
        return True
    if low.endswith("'s") or low == "'s":
        return True
    return tok.t[:1].isdigit()


def _head_ok(tok: _Tok) -> bool:
    """Can the noun phrase end with this token?"""
    return tok.cap or _is_role(tok.low) or tok.low in _lex().pronouns


def _np_backward(toks: list[_Tok], k: int) -> list[_Tok]:
    """The noun phrase ending just before toks[k] (the cue), skipping auxiliaries and adverbs."""
    lex = _lex()
    j = k - 1
    progressive = toks[k].low.endswith("ing") if k < len(toks) else False
    while j >= 0 and (toks[j].low in _AUX or (toks[j].low.endswith("ly") and not toks[j].cap)
                      or (progressive and toks[j].low in _BE)):
        j -= 1  # "has also said", "is telling"
    if j < 0:
        return []
    if toks[j].t == ")":
        # a party and state label after a name: "Rep. John Smith (D-Md.) said"
        i = j - 1
        while i > j - 8 and i > 0 and toks[i].t != "(" and (toks[i].cap or not toks[i].t.isalpha()):
            i -= 1
        if i > 0 and toks[i].t == "(" and i < j - 1:
            inner = _np_backward(toks, i)
            return inner if inner and inner[-1].cap else []
        return []
    if toks[j].low in lex.pronouns:
        return [toks[j]]
    # anonymous source with a qualifier: "a source familiar with the matter said"
    for qual in lex.anon_qualifiers:
        qwords = qual.split()
        n = len(qwords)
        for back in range(1, 5):
            a = j - back - n + 1
            if a < 1:
                break
            if [t.low for t in toks[a : a + n]] == qwords and toks[a - 1].low in lex.anon_heads:
                b = a - 1
                while b > 0 and _np_ok(toks[b - 1]) and toks[b - 1].low not in _STOP_BACK:
                    b -= 1
                return toks[b : j + 1]
    if toks[j].t == ",":
        # an apposition between subject and cue: "Vladimir Putin, president of Russia, said"
        for i in range(j - 1, max(-1, j - 16), -1):
            if toks[i].t == ",":
                inner = _np_backward(toks, i) if i > 0 and toks[i - 1].t != "," else []
                if inner and inner[-1].cap:
                    return inner
                # "Lance Beebe, 49, a Navy veteran who …, said": the name opens the sentence
                lead = _np_forward(toks, 0)
                if lead and lead[-1].cap and toks.index(lead[-1]) + 1 < len(toks) and \
                        toks[toks.index(lead[-1]) + 1].t == ",":
                    return lead
                return []
            if toks[i].t in ".;:!?\"" or toks[i].low in lex.verbs:
                return []
        return []
    if toks[j].low == "who" and j > 0:
        return [toks[j]]  # "18% who say …": PolNeAR marks the relative pronoun
    if not _head_ok(toks[j]):
        return []
    out = []
    lowers = 0
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.t in ",;:!?()" or low in _STOP_BACK or low in lex.pronouns:
            break
        if t.t == ".":
            if j > 0 and (toks[j - 1].low in _ABBREV or (len(toks[j - 1].t) == 1 and toks[j - 1].cap)):
                out.append(t)  # "Mr. Garin", "George W. Bush"
                j -= 1
                continue
            break
        if low == "of" and out and out[-1].cap:
            out.append(t)
            j -= 1
            continue
        if not _np_ok(t):
            if t.t[:1].islower() and lowers < 2 and out and _is_role(out[0].low) and t.low not in lex.verbs \
                    and not t.low.endswith(("ed", "ly")):
                lowers += 1  # "a campaign spokesman"
            else:
                break
        out.append(t)
        j -= 1
    out.reverse()
    while out and (out[0].low == "of" or out[0].t == "."):
        out.pop(0)
    return out


def _np_forward(toks: list[_Tok], k: int) -> list[_Tok]:
    """The noun phrase starting at toks[k] (inverted attribution: said Colin Strother, a …)."""
    lex = _lex()
    if k < len(toks) and toks[k].low in lex.pronouns and toks[k].low not in ("her", "him", "them", "it"):
        return [toks[k]]
    if k < len(toks) and toks[k].low in lex.verbs:
        return []
    out: list[_Tok] = []
    j = k
    lowers = 0
    while j < len(toks):
        t = toks[j]
        if t.t == "." and out and (out[-1].low in _ABBREV or (len(out[-1].t) == 1 and out[-1].cap)):
            out.append(t)
            j += 1
            continue
        if t.low == "of" and out and (out[-1].cap or _is_role(out[-1].low)) and j + 1 < len(toks):
            out.append(t)
            j += 1
            continue
        if t.low in _STOP_BACK or t.low in lex.verbs:
            break
        if not _np_ok(t):
            if t.t[:1].islower() and t.t.isalpha() and lowers < 2 and (not out or not out[-1].cap):
                lowers += 1  # "eyewitness Vinnie DeVita", "talent agent"
            else:
                break
        out.append(t)
        j += 1
    while out and not _head_ok(out[-1]):
        out.pop()
    return out


# --------------------------------------------------------------------------- speakers


@dataclass
class _Speaker:
    mention: str | None
    ms: int | None  # mention span (normalised)
    me: int | None
    name: str | None  # canonical
    attribution: str
    person: bool
    pron: str | None = None  # pronoun kind, for re-resolution in text order


@dataclass
class _DocState:
    nt: str
    history: list[_Speaker] = field(default_factory=list)
    last_pos: list[int] = field(default_factory=list)
    _names: dict[str, list[tuple[int, str]]] | None = None

    @property
    def names(self) -> dict[str, list[tuple[int, str]]]:
        """Last word -> [(position, full name)], built on first use (many documents never need it)."""
        if self._names is None:
            self._names = _name_index(self.nt)
        return self._names


# name words are at most 61 characters ({0,60}): with * a long "A-A-A-…" run was rescanned
# from every capital (quadratic time)
_NAME_RUN = re.compile(
    r"\b[A-Z](?:\.|[\w'-]{0,60})"
    r"(?:[ \t]+(?:(?:al|bin|ibn|de|da|del|van|von|der|la|le)[ \t]+)?[A-Z](?:\.|[\w'-]{0,60})){1,7}"
)


def _strip_titles(words: list[str]) -> list[str]:
    lex = _lex()
    # everything after the last title word: "Santa Barbara County Sheriff Bill Brown" -> "Bill Brown"
    last_title = max((i for i, w in enumerate(words[:-1]) if lex.titles.get(w.lower().rstrip("."), set())
                      & {"title", "honorific"}), default=-1)
    words = words[last_title + 1 :]
    i = 0
    while i < len(words) - 1:
        low = words[i].lower().rstrip(".")
        if low in lex.titles or low.endswith("'s") or low in lex.determiners:
            i += 1
        else:
            break
    out = words[i:]
    while out and out[-1].lower().endswith("'s"):
        out = out[:-1]
    return out


def _name_index(nt: str) -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    for m in _NAME_RUN.finditer(nt):
        words = m.group().split()
        while words and (words[0].lower() in _CLAUSE_WORDS or words[0].lower() in _NOT_NAME
                         or words[0].lower() in _OPENERS):
            words = words[1:]  # "So I", "The …", "But Sanders", "Afterwards Trump" at a sentence start
        words = _strip_titles(words)
        if len(words) < 2 or any(w.lower() in _ORG_WORDS for w in words):
            continue
        last = words[-1].rstrip(".,")
        index.setdefault(last, []).append((m.start(), " ".join(w.rstrip(",") for w in words)))
    return index


def _canonical(state: _DocState, words: list[str], pos: int) -> tuple[str, bool]:
    """Canonical name for title-stripped name words, and whether it is a person."""
    name = " ".join(words)
    last = words[-1]
    best = name
    for p, full in state.names.get(last, ()):
        if p >= pos:
            break
        if len(full) > len(best) and full.endswith(name):
            best = full
    person = len(best.split()) >= 2 and not any(w.lower() in _ORG_WORDS for w in best.split())
    return best, person


_RELATIVE_PRONOUNS = frozenset(["who", "whom", "which", "that", "whose"])


def _resolve(state: _DocState, np: list[_Tok], at: int) -> _Speaker | None:
    if not np:
        return None
    lex = _lex()
    nt = state.nt
    ms, me = np[0].s, np[-1].e
    mention = nt[ms:me]
    if len(np) == 1 and np[0].low in _RELATIVE_PRONOUNS:
        # "the Navy, who told it …": the relative pronoun stands for the capitalised phrase before it
        before = _tokens(nt, max(0, ms - 120), ms)
        k = len(before) - (1 if before and before[-1].t == "," else 0)
        j = k
        while j > 0 and (before[j - 1].cap or (j < k and before[j - 1].low in _PARTICLES)):
            j -= 1
        if j > 0 and before[j - 1].low in lex.determiners:
            j -= 1
        if j < k and before[k - 1].cap:
            return _resolve(state, before[j:k], at)
    if all(t.low in lex.determiners or t.low in _RELATIVE_PRONOUNS for t in np):
        # "The" alone at a sentence start, an unresolved "who": the words are reported, by no one named
        return _Speaker(mention, ms, me, None, "none", False)
    if len(np) == 1 and np[0].low in lex.pronouns:
        kind = lex.pronouns[np[0].low]
        return _Speaker(mention, ms, me, _antecedent(state, kind, ms), "pronoun", kind in ("male", "female", "first"),
                        pron=kind)
    words = [t.t for t in np if t.t not in ("'s",)]
    caps = [t for t in np if t.cap and t.low not in lex.determiners]
    head = np[-1]
    if head.cap:
        # strip leading titles/modifiers and possessives; keep the last run of capitalised words
        run: list[str] = []
        for t in np:
            if t.cap or t.low in _PARTICLES or (t.t == "." and run) or (t.low == "of" and run):
                run.append(t.t)
            else:
                run = []
        stripped = _strip_titles([w for w in run if w != "."] or words)
        stripped = [w for w in stripped if w != "."]
        if not stripped:
            return _Speaker(mention, ms, me, mention, "explicit", False)
        name, person = _canonical(state, stripped, ms)
        titled = any(t.low.rstrip(".") in lex.titles and "honorific" in lex.titles.get(t.low.rstrip("."), ())
                     for t in np)
        return _Speaker(mention, ms, me, name, "explicit", person or titled)
    # a description: resolve a definite one with a role noun to the last named person speaker
    definite = np[0].low in ("the", "this", "that") or any(t.t.endswith("'s") for t in np[:-1])
    if definite and _is_role(head.low) and not head.low.endswith("s"):
        for sp in reversed(state.history[-8:]):
            if sp.person and sp.name and sp.attribution in ("explicit", "pronoun", "descriptor"):
                return _Speaker(mention, ms, me, sp.name, "descriptor", True)
    del caps
    return _Speaker(mention, ms, me, mention, "explicit", False)


def _antecedent(state: _DocState, kind: str, pos: int) -> str | None:
    """The speaker a pronoun at ``pos`` refers to: the last compatible speaker before it."""
    for sp in reversed(state.history):
        if sp.name is None or sp.ms is None or sp.ms >= pos:
            continue
        personal = kind in ("male", "female", "first")
        if sp.person == personal or kind == "second":
            return sp.name
    if kind in ("male", "female"):
        return _nearest_name(state, pos)
    return None


def _remember(state: _DocState, sp: _Speaker) -> None:
    """Add a speaker to the document's history, kept in text order."""
    if sp.name is None or sp.ms is None or sp.attribution == "inherited":
        return
    keys = state.last_pos
    i = bisect_right(keys, sp.ms)
    keys.insert(i, sp.ms)
    state.history.insert(i, sp)


def _last_person_in(state: _DocState, s: int, e: int) -> str | None:
    """The last known person named in ``nt[s:e]`` (by a full or a short form)."""
    found = None
    spoken = {sp.name for sp in state.history if sp.person}
    for t in _tokens(state.nt, s, e):
        if t.cap and t.t in state.names:
            name, person = _canonical(state, [t.t], t.s + 1)
            if person and name in spoken:
                found = name
    return found


def _nearest_name(state: _DocState, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for entries in state.names.values():
        k = bisect_left(entries, (pos, "")) - 1
        if k >= 0 and (best is None or entries[k][0] > best[0]):
            best = entries[k]
    return best[1] if best else None


# --------------------------------------------------------------------------- frames


@dataclass
class _Frame:
    speaker: _Speaker | None
    cue: str | None
    cs: int | None
    ce: int | None
    rule: str


def _cue_at(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """A reporting cue starting at toks[k]: (lemma, start, end)."""
    lex = _lex()
    t = toks[k]
    low = t.low
    if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
        return "according to", t.s, toks[k + 1].e
    if low in ("pointed", "points", "point", "pointing") and k + 1 < len(toks) and toks[k + 1].low == "out":
        return "point out", t.s, toks[k + 1].e
    if low in ("call", "calls", "called", "calling") and k + 1 < len(toks) and toks[k + 1].low == "for" \
            and not (k > 0 and toks[k - 1].low in _NOUN_DET):
        return "call for", t.s, toks[k + 1].e  # "called for a ban on …": the demand is the content
    if low in ("put", "puts") and k + 1 < len(toks) and toks[k + 1].low == "it":
        return "put it", t.s, toks[k + 1].e  # "as X put it, "…""
    v = lex.verbs.get(low)
    if v is None or v[0] == "point out" or v[2] == "evidential":
        return None
    if t.cap and k > 0 and toks[k - 1].t not in ('"', "'", ",", ":", "-", "("):
        title_case = (toks[k - 1].cap and k + 1 < len(toks) and toks[k + 1].cap and t.t[1:].islower()
                      and v[0] in ("say", "tell", "warn", "claim", "admit", "insist", "predict", "vow"))
        if not title_case:
            return None  # "United States", "Reports"; not a headline's "Doe Says She …"
    if k > 0 and toks[k - 1].low in _NOUN_DET:
        return None  # a noun after a determiner: "the state", "a report", "his claims"
    return v[0], t.s, t.e


def _generic_cue(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """An unlisted verb with a that-clause after a named or pronoun subject ("Sanders believes that …").

    The cue column then holds the verb as written (no lemma is known).
    """
    t = toks[k]
    if k == 0 or k + 1 >= len(toks) or toks[k + 1].low != "that" or t.cap or not t.t.isalpha():
        return None
    if not (t.low.endswith("ed") or t.low.endswith("s")) or t.low in _NOT_NAME or t.low in _CLAUSE_WORDS:
        return None
    prev = toks[k - 1]
    if not (prev.low in _lex().pronouns or (prev.cap and not prev.t.endswith("'s"))) or prev.low in ("it",):
        return None
    return t.low, t.s, t.e


def _is_stop(toks: list[_Tok], k: int) -> bool:
    t = toks[k]
    if t.t == ".":
        return not (k > 0 and (toks[k - 1].low in _ABBREV or (len(toks[k - 1].t) == 1 and toks[k - 1].cap)))
    return t.t in "!?;" or t.t == '"'


def _window_np(toks: list[_Tok], a: int, b: int) -> list[_Tok]:
    """toks[a:b] as a speaker mention when nothing better parses ("one P&G employee told")."""
    while b > a and (toks[b - 1].low in _AUX or toks[b - 1].t == ","):
        b -= 1
    while a < b and toks[a].t in ",-'\"":
        a += 1
    if b <= a or b - a > 10 or any(t.t in "();:'\"" for t in toks[a:b]):
        return []
    window = toks[a:b]
    if any(t.low in _BE for t in window):
        return []  # "Sexton was quick to" is a clause, not a speaker
    head = window[-1]
    if not (head.t.isalpha() or head.cap) or head.low.endswith("ly") or (
        head.low in _lex().verbs and not (len(window) > 1 and window[-2].low in _NOUN_DET)
    ):
        return []  # a verb, unless a determiner makes it a noun: "voters in each state"
    return window


def _frame_after(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """Attribution following a quote: ', he said', ', said X', ' X told Y in an interview'."""
    if not toks:
        return None
    k0 = 1 if toks[0].t in ",-" else 0
    for k in range(k0, min(len(toks), k0 + 16)):
        if _is_stop(toks, k):
            break
        cue = _cue_at(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            np = _np_forward(toks, k + 2)
            return _Frame(_resolve(state, np, cue[1]), "according to", cue[1], cue[2], "direct:according_to")
        if k > k0 and not all(tt.low in _AUX for tt in toks[k0:k]):
            np = _np_backward(toks, k)
            if not np or np[0].s < toks[k0].s:
                np = _window_np(toks, k0, k)
            if np:
                return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:speaker_cue")
            return None
        np = _np_forward(toks, k + 1)
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:cue_speaker")
        return None
    return None


def _frame_before(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """Attribution preceding a quote: 'Lavrov said: "', 'He added, "', 'According to X, "'."""
    if not toks:
        return None
    # only the last sentence before the quote
    for k in range(len(toks) - 2, -1, -1):
        if _is_stop(toks, k):
            toks = toks[k + 1 :]
            break
    if not toks:
        return None
    last = toks[-1].t
    n = len(toks)
    if last not in (":", ",") and toks[-1].low not in ("that",) and not any(
        _cue_at(toks, i) for i in range(max(0, n - 3), n)
    ):
        return None
    for k in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        cue = _cue_at(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            np = _np_forward(toks, k + 2)
            return _Frame(_resolve(state, np, cue[1]), "according to", cue[1], cue[2], "direct:according_to")
        if toks[k].low.endswith("ing") and k > 0 and toks[k - 1].low not in _BE:
            sp = _subject(state, toks, k, [], [])
            return _Frame(sp, cue[0], cue[1], cue[2], "direct:before_participle") if sp else None
        np = _np_backward(toks, k)
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        np = _np_forward(toks, k + 1)
        if np and cue[0] not in ("tell", "ask"):
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        sp = _subject(state, toks, k, [], [])
        return _Frame(sp, cue[0], cue[1], cue[2], "direct:before") if sp else None
    if last == ":" and 1 <= len(toks) - 1 <= 6:
        np = _window_np(toks, 0, len(toks) - 1)
        if np and np[-1].cap:
            c = toks[-1]
            return _Frame(_resolve(state, np, np[0].s), ":", c.s, c.e, "direct:colon")  # 'Clinton: "…"'
    if last == ":":
        sp = _subject(state, toks, len(toks) - 1, [], [])
        if sp is not None:
            c = toks[-1]
            return _Frame(sp, ":", c.s, c.e, "direct:colon")
    return None


# --------------------------------------------------------------------------- per document


@dataclass
class _Row:
    s: int
    e: int
    kind: str
    cs: int
    ce: int
    frags: list[Span]
    speaker: _Speaker | None
    cue: str | None
    cue_s: int | None
    cue_e: int | None
    rule: str


def _to_normalized(spans: list[Span], norm: Any) -> list[Span]:
    """The document's own spans (paragraphs, sentences) in normalised coordinates.

    ``norm.offsets`` is non-decreasing, so the first normalised position at or after an
    original offset is a bisection (an expanded ellipsis stays whole, a removed character
    maps to the next one).
    """
    if norm.offsets is None:
        return spans
    offsets = norm.offsets
    return [(bisect_left(offsets, s), bisect_left(offsets, e)) for s, e in spans]


def _rstripped_tail(nt: str, s: int, e: int, size: int = 64) -> str:
    """``nt[s:e].rstrip()``, or its last ``size``-odd characters: O(size) unless the tail is all white space."""
    tail = nt[max(s, e - size) : e].rstrip()
    return tail if tail or e - size <= s else nt[s:e].rstrip()


def _first_words(nt: str, s: int, e: int, enough: int = 9) -> list[str]:
    """The words of ``nt[s:e]``, or at least its first ``enough`` (the rules only compare counts up to 8)."""
    words = nt[s : min(e, s + 400)].split()
    return words if len(words) >= enough or e <= s + 400 else nt[s:e].split()


def _classify(nt: str, q: _Quote, ps: int, toks_before: list[_Tok]) -> str:
    lex = _lex()
    # bounded looks at the quotation and the paragraph before it: with 10^5 nested quotes each one spans
    # most of the text, and whole-span copies made the classification quadratic
    words = _first_words(nt, q.cs, q.ce)
    inner_end = _rstripped_tail(nt, q.cs, q.ce)[-1:]
    prev_tok = toks_before[-1] if toks_before else None
    # titles of works and nicknames
    if prev_tok is not None:
        low = prev_tok.low
        if low == "," and len(toks_before) > 1:
            low = toks_before[-2].low  # his memoir, "Gifted Hands," / the charged term, "radical Islam,"
            if low in lex.title_cues and len(words) <= 8 and inner_end in ",.":
                return "title"
        small = ("of", "the", "and", "a", "in", "to", "for", "on")
        titled = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)
        after = nt[q.close : q.close + 2]
        if titled and len(words) <= 8 and (low in lex.title_cues or low in lex.nickname_cues or low == "as"):
            return "title"
        if titled and len(words) <= 3 and prev_tok.cap and after[:1] == " " and after[1:2].isupper():
            return "title"  # nickname between names: Dwayne "The Rock" Johnson
    before = _rstripped_tail(nt, ps, q.open)
    if not q.double and not before and len(words) <= 8 and not nt[q.close : q.close + 200].split("\n", 1)[0].strip():
        return "title"  # a paragraph that is only a short single-quoted line: a subheading
    if q.continued or not before or before[-1] in ":,.!?;-(" or before.endswith("''"):
        if len(words) >= 3 or not before or before[-1] in ":":
            return "direct"
        if inner_end in ".!?,":
            return "direct"
    n = len(toks_before)
    if nt[q.cs : q.cs + 1].isupper() and len(words) >= 4 and any(
        _cue_at(toks_before, i) and all(t.low in _ADDRESSEES or t.cap for t in toks_before[i + 1 :])
        for i in range(max(0, n - 3), n)
    ):
        return "direct"  # He said "We will win."; told reporters "Women in France …"
    return "embedded"


def _extract(doc: Document) -> list[tuple[Any, ...]]:
    try:
        return _extract_rows(doc)
    finally:
        _INDEX.clear()  # the token index of this text is not kept past the document


def _extract_rows(doc: Document) -> list[tuple[Any, ...]]:
    norm = doc.normalized
    nt = norm.text
    cue_pos = _cue_positions(nt)
    if not cue_pos and '"' not in nt and "'" not in nt and ":" not in nt[:250]:
        return []
    paras = _to_normalized(doc.paragraphs, norm)
    state = _DocState(nt)
    quotes_ = _find_quotes(nt, doc.text, norm, paras)
    sents = _to_normalized(doc.sentences, norm)
    rows: list[_Row] = []
    by_para: dict[int, list[_Quote]] = {}
    for q in quotes_:
        by_para.setdefault(q.para, []).append(q)
    sent_starts = [s for s, _ in sents]
    prev_direct: _Row | None = None
    prev_direct_para = -10
    for pi, (ps, pe) in enumerate(paras):
        pq = by_para.get(pi, [])
        para_rows: list[_Row] = []
        # ---- classify the quoted spans of this paragraph
        for q in pq:
            before_toks = _tokens(nt, max(ps, q.open - 60), q.open)
            q.role = _classify(nt, q, ps, before_toks)
        index = {id(q): i for i, q in enumerate(pq)}  # position in the paragraph (pq is in text order)
        directs = [q for q in pq if q.role == "direct"]
        # ---- group direct fragments separated only by an attribution
        groups: list[list[_Quote]] = []
        for q in directs:
            if groups:
                prevq = groups[-1][-1]
                gap_toks = _tokens(nt, prevq.close, q.open)[:60]
                words = [t for t in gap_toks if t.t[:1].isalnum()]
                # quoted titles may sit in the gap ('," said Cuban, a host on the show "Shark Tank." "…')
                other = any(o.role != "title" for o in pq[index[id(prevq)] + 1 : index[id(q)]])
                n_cues = sum(1 for k in range(len(gap_toks)) if _cue_at(gap_toks, k))
                if len(words) <= 20 and not other and (not words or n_cues == 1) and (
                    nt[prevq.cs : prevq.ce].rstrip()[-1:] in ",.!?-"
                ) and q.cs < pe and not _own_frame(nt, q, pe):
                    groups[-1].append(q)
                    continue
            groups.append([q])
        for g in groups:
            first, last = g[0], g[-1]
            frame: _Frame | None = None
            if len(g) > 1:
                frame = _frame_after(state, _tokens(nt, first.close, g[1].open))
                if frame:
                    frame.rule = "direct:split"
            if frame is None:
                # the attribution may sit past a sentence break Punkt saw ('?" he responded',
                # 'George W. Bush speechwriter … said'): _frame_after stops at a real sentence end itself
                li = index[id(last)] + 1
                nxt_open = pq[li].open if li < len(pq) else pe
                end = min(pe, nxt_open, last.close + 250)
                frame = _frame_after(state, _tokens(nt, last.close, end))
            if frame is None:
                si = bisect_right(sent_starts, first.open) - 1
                s_start = sents[si][0] if si >= 0 else ps
                fi = index[id(first)] - 1
                prev_close = pq[fi].close if fi >= 0 else ps
                start = max(min(s_start, first.open), ps, prev_close)
                if start == first.open and first.open == ps and pi > 0:
                    # "Breitbart News responded:" closing the previous paragraph
                    pps, ppe = paras[pi - 1]
                    if nt[ppe - 1 : ppe] == ":":
                        frame = _frame_before(state, _tokens(nt, max(pps, ppe - 200), ppe))
                else:
                    frame = _frame_before(state, _tokens(nt, start, first.open))
            frags = [(q.cs, q.ce) for q in g]
            s, e = _trim(nt, first.cs, last.ce)
            while e > s and nt[e - 1] in ", ":
                e -= 1
            if e <= s:
                continue
            row = _Row(s, e, "direct", s, e, [_trim_comma(nt, a, b) for a, b in frags], None, None, None, None, "")
            if frame is not None and frame.speaker is not None:
                row.speaker, row.cue, row.cue_s, row.cue_e, row.rule = (
                    frame.speaker, frame.cue, frame.cs, frame.ce, frame.rule,
                )
            elif prev_direct is not None and prev_direct.speaker is not None and (
                (pi - prev_direct_para <= 1 and (first.open - ps <= 1 or first.continued)) or pi == prev_direct_para
            ):
                sp = prev_direct.speaker
                row.speaker = _Speaker(None, None, None, sp.name, "inherited", sp.person)
                row.rule = "direct:continued" if first.continued else "direct:inherited"
            elif pi > 0 and first.open - ps <= 1 and (name := _last_person_in(state, *paras[pi - 1])):
                # "Asked if …, Lavrov declined a direct response." then a quote paragraph
                row.speaker = _Speaker(None, None, None, name, "inherited", True)
                row.rule = "direct:previous_paragraph"
            else:
                row.rule = "direct:no_attribution"
            for q in g:
                q.used = True
            para_rows.append(row)
            if row.speaker is not None:
                _remember(state, row.speaker)
            if row.speaker is not None:
                prev_direct, prev_direct_para = row, pi
        # ---- reported speech and partial quotes, sentence by sentence
        si = bisect_right(sent_starts, ps) - 1
        si = max(si, 0)
        opens = [q.open for q in pq]
        closes = [q.close for q in pq]
        framed = sorted((r.cue_s, i) for i, r in enumerate(para_rows) if r.cue_s is not None)
        framed_pos = [c for c, _ in framed]
        used_cues = set(framed_pos)
        while si < len(sents) and sents[si][0] < pe:
            ss, se = sents[si]
            si += 1
            if se <= ps:
                continue
            for cs_, ce_ in _chunks(nt, max(ss, ps), min(se, pe)):
                local = pq[bisect_right(closes, cs_) : bisect_left(opens, ce_)]
                done = [para_rows[i] for _, i in framed[bisect_left(framed_pos, cs_) : bisect_left(framed_pos, ce_)]]
                para_rows.extend(_reported(state, nt, cs_, ce_, local, done, cue_pos, used_cues))
        # ---- leftover embedded quotes: scare quotes
        for q in pq:
            if q.role == "embedded" and not q.used:
                s, e = _trim(nt, q.cs, q.ce)
                if e <= s:
                    continue
                row = _embedded_clause(state, nt, q, s, e, sents, sent_starts, ps, pe)
                para_rows.append(row or _Row(s, e, "scare", s, e, [(s, e)], None, None, None, None, "scare"))
        if pi == 0:
            para_rows = _headline(state, nt, ps, pe, para_rows)
        # pronouns resolved again now that every speaker of the paragraph is known, in text order
        for r in sorted(para_rows, key=lambda r: r.s):
            sp = r.speaker
            if sp is not None and sp.pron is not None and sp.ms is not None:
                sp.name = _antecedent(state, sp.pron, sp.ms)
        rows.extend(para_rows)
    return [_to_row(doc, norm, r) for r in rows]


def _headline(state: _DocState, nt: str, ps: int, pe: int, rows: list[_Row]) -> list[_Row]:
    """A headline 'Name: claim' ("Doe: No new taxes for the harbour") reports the claim.

    Only the document's first paragraph, when it is one short line opened by one to four
    capitalised words and a colon; quoted words inside make the row ``partial`` and replace the
    rows the quote rules gave them without a speaker.
    """
    if pe - ps > 250 or "\n" in nt[ps:pe]:
        return rows
    toks = _tokens(nt, ps, min(pe, ps + 60))
    k = next((i for i, t in enumerate(toks[:9]) if t.t == ":"), None)
    if k is None or k == 0 or not all(t.cap or t.t == "." for t in toks[:k]):
        return rows
    if sum(1 for t in toks[:k] if t.t != ".") > 4 or toks[0].low in _lex().verbs:
        return rows
    c0, c1 = _trim_clause(nt, toks[k].e, pe)
    if len(nt[c0:c1].split()) < 3 or any(r.speaker is not None and c0 <= r.s < c1 for r in rows):
        return rows
    speaker = _resolve(state, toks[:k], ps)
    if speaker is None:
        return rows
    inner = [r for r in rows if c0 <= r.s < c1]
    kind = "partial" if inner else "indirect"
    s, e = (min(r.s for r in inner), max(r.e for r in inner)) if inner else (c0, c1)
    colon = toks[k]
    row = _Row(s, e, kind, c0, c1, [(c0, c1)], speaker, ":", colon.s, colon.e, f"{kind}:headline")
    _remember(state, speaker)
    return [r for r in rows if r not in inner] + [row]


def _embedded_clause(
    state: _DocState, nt: str, q: _Quote, s: int, e: int, sents: list[Span], sent_starts: list[int], ps: int, pe: int
) -> _Row | None:
    """A longer quoted stretch inside a sentence with no reporting verb: the sentence's subject says it.

    ``Teachers are "looking to see who is on the Republican side"`` — three or more quoted words
    are words someone said, not a scare quote; the content runs from the subject's verb to the
    end of the quotation.
    """
    words = nt[s:e].split()
    if len(words) < _MIN_CLAUSE_QUOTE or all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words):
        return None  # short, or a title: "Meet the Press", "Guardians of the Galaxy"
    si = bisect_right(sent_starts, q.open) - 1
    # at most one sentence piece back (see _chunks): a text with no sentence breaks stays linear
    ss = max(sents[si][0] if si >= 0 else ps, ps, q.open - 1500)
    toks = _tokens(nt, ss, q.open)
    if not toks:
        return None
    j = 0
    if _is_opener(toks[0]):
        commas = [i for i, t in enumerate(toks) if t.t == ","]
        if not commas:
            return None
        j = commas[0] + 1
    np = _np_forward(toks, j) if j < len(toks) else []
    if not np or (np[0].low in _lex().pronouns and np[0].low not in ("he", "she", "they", "we", "i")):
        return None
    k = toks.index(np[-1]) + 1
    while k < len(toks) and toks[k].low in _AUX:
        k += 1
    k += 1  # the verb
    cs = toks[k].s if k < len(toks) else q.open
    speaker = _resolve(state, np, np[0].s)
    if speaker is None:
        return None
    # the clause runs on after the quoted words: wanted to "go an extra step" to try to understand …
    se = min(sents[si][1] if si >= 0 else pe, pe)
    rest = _tokens(nt, q.close, min(se, q.close + 400))
    end = _clause_end(rest, 0, se) if rest else q.ce
    c0, c1 = _trim_clause(nt, cs, max(q.ce, end))
    _remember(state, speaker)
    return _Row(s, e, "partial", c0, c1, [(c0, c1)], speaker, None, None, None, "partial:subject")


_MIN_CLAUSE_QUOTE = 3
_TRIM_CHARS = " \t\n\r\"'"


def _trim(nt: str, s: int, e: int) -> Span:
    while s < e and nt[s] in _TRIM_CHARS:
        s += 1
    while e > s and nt[e - 1] in _TRIM_CHARS:
        e -= 1
    return s, e


def _trim_comma(nt: str, s: int, e: int) -> Span:
    s, e = _trim(nt, s, e)
    while e > s and nt[e - 1] in ", ":
        e -= 1
    return s, e


def _own_frame(nt: str, q: _Quote, pe: int) -> bool:
    """Does a reporting cue follow this quote closely ('"…," he said')? Then it starts a new quotation."""
    toks = _tokens(nt, q.close, min(pe, q.close + 80))
    for k in range(min(len(toks), 6)):
        if toks[k].t in '."' and k > 0:
            return False
        if _cue_at(toks, k):
            return True
    return False


def _trim_clause(nt: str, s: int, e: int) -> Span:
    s, e = _trim(nt, s, e)
    while e > s and nt[e - 1] in ".,;:!?- \"'":
        e -= 1
    while s < e and nt[s] in ",;: -":
        s += 1
    return s, e


def _cue_positions(nt: str) -> list[int]:
    """Start offsets of every word that can begin a reporting cue (one pass over the text)."""
    first = _lex().first_words | {"that"}
    return [m.start() for m in _ALPHA.finditer(nt) if m.group().lower() in first]


_ALPHA = re.compile(r"[A-Za-z]{2,}")


def _clause_end(toks: list[_Tok], j: int, se: int) -> int:
    """Where a reported clause starting at toks[j] ends: the sentence end, or before a new
    frame (", adding …"), a coordinated verb ("… but did not …", "… and said …") or an
    apposition or concession (", a charge that …", ", despite …")."""
    lex = _lex()
    for i in range(j, len(toks)):
        x = toks[i]
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if x.t == ";" or ((x.t in (",", "—", "-", "--") or x.low in _FRAME_LINK) and _next_is_frame(toks, i)):
            return x.s  # a new frame: ", adding …", "— asserting …", "before claiming …"
        if x.low in ("but", "and") and (nxt in lex.verbs or nxt in _COORD_VERB):
            return x.s
        if x.low in ("but", "and") and i + 2 < len(toks) and (nxt in lex.pronouns or toks[i + 1].cap) \
                and _cue_at(toks, i + 2):
            return x.s  # "… but she said …", "… and Trump says …"
        if x.t == "," and nxt in _CLAUSE_CUT and i - j >= 3:
            return x.s
    return se


def _chunks(nt: str, s: int, e: int, size: int = 1000) -> list[Span]:
    """A sentence, cut at white space into pieces of about ``size`` characters when it is longer.

    Keeps the per-sentence rules (which look back and forth inside the sentence) linear in the
    document length even for a text with no sentence breaks.
    """
    if e - s <= size + size // 2:
        return [(s, e)]
    out = []
    while e - s > size + size // 2:
        cut = nt.rfind(" ", s + size // 2, s + size)
        cut = cut if cut > s else s + size
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _reported(
    state: _DocState, nt: str, ss: int, se: int, pq: list[_Quote], done: list[_Row], cue_pos: list[int],
    used_cues: set[int],
) -> list[_Row]:
    """Indirect and partial quotes in one sentence (``pq``: the quotes that overlap it,
    ``done``: the direct quotations attributed by a cue inside it)."""
    lex = _lex()
    if bisect_left(cue_pos, ss) == bisect_left(cue_pos, se):
        return []
    blocked = [(r.s, r.e) for r in done if r.kind == "direct"] + [
        (q.open, q.close) for q in pq if q.role == "direct"
    ]
    toks = _tokens(nt, ss, se)
    out: list[_Row] = []
    cands = set(cue_pos[bisect_left(cue_pos, ss) : bisect_left(cue_pos, se)])
    n = len(toks)
    for k, t in enumerate(toks):
        if t.s not in cands and not (k + 1 < n and toks[k + 1].s in cands):
            continue
        if t.low in _CLAIM_NOUNS and 0 < k < n - 2 and toks[k + 1].low == "that" \
                and not any(a <= t.s < b for a, b in blocked) and not any(q.cs <= t.s < q.ce for q in pq):
            row = _claim_noun(state, nt, toks, k, se, pq)
            if row is not None and not any(a < row.ce and row.cs < b for a, b in blocked):
                out.append(row)
                blocked.append((row.cs, row.ce))
                used_cues.add(row.cue_s)
                continue
        if t.low not in lex.verbs and t.low not in ("according", "pointed", "points") and not _generic_cue(toks, k):
            continue
        if any(a <= t.s < b for a, b in blocked) or t.s in used_cues:
            continue
        if any(q.cs <= t.s < q.ce for q in pq):
            continue  # inside a quoted fragment
        passive = k > 0 and toks[k - 1].low in _BE and t.low in _PASSIVE_REPORT and k + 1 < n \
            and toks[k + 1].low == "to"
        if lex.verbs.get(t.low, ("", "", ""))[2] == "evidential" or passive:
            # (also "The new line is expected to …", "he is said to …": a passive report, no speaker)
            row = _evidential(nt, toks, k, se, pq)
            if row is not None:
                out.append(row)
                blocked.append((row.cs, row.ce))
            continue
        cue = _cue_at(toks, k) or _generic_cue(toks, k)
        if cue is None:
            continue
        lemma, cs, ce = cue
        info = (lemma, "speech", "bare") if lemma == "call for" else lex.verbs.get(t.low, (lemma, "other", "that"))
        if info[2] == "frame" or lemma == "put it":
            continue  # "continued", "exclaimed", "put it": only next to a direct quotation
        speaker: _Speaker | None = None
        content: Span | None = None
        gap: tuple[Span, Span] | None = None
        rule = ""
        if t.low == "asked" and (k == 0 or toks[k - 1].low in _ASK_OPENERS) and k + 1 < n \
                and toks[k + 1].low in _ASK_WORDS:
            # "Asked whether he would run, Smith said …": the question, put by an unnamed asker
            e = next((x.s for x in toks[k + 2 :] if x.t in ",;"), se)
            content = _trim_clause(nt, toks[k + 1].s, e)
            rule = "indirect:asked"
        elif lemma == "according to":
            # the source runs to the next comma (or the sentence end)
            j = k + 2
            while j < len(toks) and toks[j].t not in ",;:" and not _is_stop(toks, j):
                j += 1
            np = _np_forward(toks, k + 2)
            if not np or (np[-1].e < toks[j - 1].e and j - k - 2 <= (24 if k == 0 else 12)):
                np = toks[k + 2 : j] if 0 < j - k - 2 <= (24 if k == 0 else 12) else np
            if not np:
                continue
            speaker = _resolve(state, np, np[0].s)
            after = [x for x in toks[j + 1 :] if x.t[:1].isalnum()] if j < len(toks) else []
            if k == 0 or (k <= 3 and toks[0].low in ("but", "and", "yet", "so")) or toks[k - 1].t in (":", ";"):
                content = _trim_clause(nt, toks[j].e if j < len(toks) else np[-1].e, se)
            elif toks[k - 1].t in (",", "-", "—") and j < len(toks) and toks[j].t in (",", "-", "—") \
                    and len(after) >= 3 and not _is_stop(toks, j) and after[0].low not in lex.verbs:
                # "Behind the delay, according to X, was a decision …": the whole sentence
                content = _trim_clause(nt, ss, se)
                gap = (_trim_clause(nt, ss, toks[k - 1].s), _trim_clause(nt, toks[j].e, se))
            else:
                content = _trim_clause(nt, ss, toks[k - 1].e if toks[k - 1].t != "," else toks[k - 1].s)
            rule = "indirect:according_to"
        else:
            is_participle = t.low.endswith("ing") and k > 0 and toks[k - 1].low not in _BE
            np = [] if is_participle else _np_backward(toks, k)
            tail = toks[k + 1 :]
            if not np and not is_participle and k > 1:
                # ", the association says.": a common-noun speaker between a comma and a closing cue
                b = max((i + 1 for i in range(k) if toks[i].t in ",;:"), default=0)
                if b > 0 and toks[b - 1].t == "," and k - b <= 6 and (toks[b].low in _NOUN_DET or toks[b].cap) \
                        and not any(x.low in ("and", "or") for x in toks[b:k]) and _short_tail(tail) \
                        and ((info[1] in ("speech", "writing") and info[2] == "bare") or lemma == "show"):
                    np = _window_np(toks, b, k)
            # "The move, Carr explained, was the result of …": a parenthetical attribution
            comma = _prev_comma(toks, np[0]) if np and np[0].s > ss else None
            rest = [x for x in tail[1:] if x.t[:1].isalnum()] if tail and tail[0].t == "," else []
            if comma is not None and len(rest) >= 3 and comma.s > ss and rest[0].low not in lex.verbs:
                speaker = _resolve(state, np, np[0].s)
                content = _trim_clause(nt, ss, se)
                gap = (_trim_clause(nt, ss, comma.s), _trim_clause(nt, tail[0].e, se))
                rule = "indirect:parenthetical"
            # ", he said." closing a clause
            elif np and np[0].s > ss and k - len(np) - 1 >= 0 and _prev_comma(toks, np[0]) and _short_tail(tail) \
                    and not _opener_only(toks, toks.index(np[0]) - 1):
                # (not after an opening adverbial alone: "In a radio address, she declared …")
                speaker = _resolve(state, np, np[0].s)
                comma = _prev_comma(toks, np[0])
                content = _trim_clause(nt, ss, comma.s)
                rule = "indirect:clause_speaker_cue"
            elif not np and not is_participle and k > 0 and toks[k - 1].t == "," and _short_tail(tail, 10):
                np2 = _np_forward(toks, k + 1)
                if not np2:
                    # "said lobbyist and GOP strategist Charlie Black, …": up to the comma
                    b = k + 1
                    while b < len(toks) and toks[b].t not in ",;." and b - k <= 10:
                        b += 1
                    np2 = toks[k + 1 : b] if b > k + 1 and b - k <= 10 and toks[b - 1].cap else []
                if np2:
                    speaker = _resolve(state, np2, np2[0].s)
                    content = _trim_clause(nt, ss, toks[k - 1].s)
                    rule = "indirect:clause_cue_speaker"
            if content is None:
                if not np and k > 0 and toks[k - 1].t == ",":
                    is_participle = True  # "Moscow's top diplomat whose …, warned that …"
                if is_participle:
                    speaker = _subject(state, toks, k, out, done)
                    rule = "indirect:participle"
                elif np:
                    speaker = _resolve(state, np, np[0].s)
                    rule = "indirect:speaker_cue"
                else:
                    # "Some advocates for stem cell research said …", "Graham called … and said …"
                    b = max((i + 1 for i in range(k) if toks[i].t in ",;:"), default=0)
                    while b < k - 1 and toks[b].low in _CLAUSE_WORDS:
                        b += 1  # "…, when many commentators called him …"
                    np = _window_np(toks, b, k) if k - b <= 12 and not any(
                        x.low in _CLAUSE_WORDS or (x.low in lex.verbs and toks[i - 1].low not in _NOUN_DET)
                        for i, x in enumerate(toks[b:k], b)
                    ) else []
                    if np:
                        speaker = _resolve(state, np, np[0].s)
                        rule = "indirect:speaker_cue"
                    elif k > 0 and toks[k - 1].low in ("and", "but", "then"):
                        speaker = _subject(state, toks, k, out, done)
                        rule = "indirect:coordinated"
                    if speaker is None:
                        continue
                j = k + 1
                while j < len(toks) and toks[j].e <= ce:
                    j += 1  # past a cue of two words: "called for"
                if info is not None and info[2] == "quote":
                    # naming verbs count only with a quoted fragment: called the suspension "arbitrary"
                    q = next((q for q in pq if q.role == "embedded" and not q.used and ce < q.open <= ce + 100
                              and q.ce <= se and ";" not in nt[ce : q.open]), None)
                    if q is None or j >= len(toks):
                        continue
                    # the clause runs on after the quoted words: called Rubio "Little Marco" multiple times
                    start = toks[j].s
                    if np and (i0 := toks.index(np[0]) - 1) >= 0 and toks[i0].low == "what":
                        start = toks[i0].s  # 'what aide Kevin Phillips called "the beginning of …"'
                    content = _trim_clause(nt, start, max(q.ce, _clause_end(toks, j, se)))
                    rule += ":naming"
                elif lemma in ("tell", "warn", "ask", "remind", "assure", "inform") and j < len(toks):
                    # the addressee: "told reporters", "told him", "told the Associated Press", "told state media"
                    j0 = j
                    if toks[j].low in ("the", "a", "an") or toks[j].t.endswith("'s"):
                        j += 1
                    if j < len(toks) and toks[j].cap:
                        while j < len(toks) and toks[j].cap:
                            j += 1
                    elif j < len(toks) and (toks[j].low in _ADDRESSEES or toks[j].low in lex.pronouns):
                        j += 1
                    elif j + 1 < len(toks) and toks[j + 1].low in _ADDRESSEES:
                        j += 2  # "state media"
                    elif j > j0:
                        j = j0  # no addressee: "warns the money is lost" reports "the money is lost"
                if content is None:
                    while j < len(toks) and (toks[j].low in _CLAUSE_SKIP or toks[j].t == ","):
                        j += 1
                    # an adverbial before the complementiser: "said earlier on Friday during a news conference that"
                    nested = False
                    for look in range(j, min(len(toks), j + 9)):
                        inner_cue = _cue_at(toks, look) if look > j else None
                        if inner_cue is not None and inner_cue[0] in ("say", "tell"):
                            nested = True  # "reported its source said that …": the inner report wins
                            break
                        if toks[look].low in ("that", "whether", "if") or toks[look].t in ",.;":
                            if toks[look].low in ("that", "whether", "if"):
                                j = look
                            break
                        if toks[look].low in _BE:
                            break  # a clause has begun: "say she is likely to argue that …"
                        if toks[look].low in lex.pronouns and not (look > j and toks[look - 1].low in _PREPOSITIONS):
                            if look > j and toks[look].low in ("he", "she", "they", "i", "we", "it"):
                                j = look  # "said on Monday he sold …" (not "in her remarks")
                            break
                    if nested:
                        continue
                    has_that = j < len(toks) and toks[j].low in ("that", "whether", "if")
                    if has_that:
                        j += 1 if toks[j].low == "that" else 0
                    elif info is not None and info[2] == "to" and j < len(toks) and toks[j].low == "to":
                        pass  # "pledged to oppose …": the infinitive is the content
                    elif info is not None and info[2] == "that" and np and np[-1].low in _FINDING_SOURCES:
                        pass  # "a survey found the mayor receiving …": a poll or study finds without "that"
                    elif info is not None and info[2] != "bare":
                        continue
                    if j >= len(toks) or not _clause_start(toks[j]):
                        continue
                    content = _trim_clause(nt, toks[j].s, _clause_end(toks, j, se))
        if content is None or (speaker is None and rule != "indirect:asked"):
            continue
        c0, c1 = content
        for a, b in blocked:
            if c0 <= a < c1:
                c1 = _trim_clause(nt, c0, a)[1]  # never run into a direct quotation
            elif a <= c0 < b:
                c1 = c0
        if len(nt[c0:c1].split()) < (2 if nt[c0 : c0 + 3] == "to " else 3):
            continue
        inner = [q for q in pq if q.role == "embedded" and not q.used and c0 <= q.cs and q.ce <= c1 + 1]
        if inner:
            # the quoted words are the double-quoted fragments; a single-quoted term stays a scare quote
            inner = [q for q in inner if q.double] or inner
            for q in inner:
                q.used = True
            s, e = _trim(nt, inner[0].cs, inner[-1].ce)
            out.append(_Row(s, e, "partial", c0, c1, list(gap or [(c0, c1)]), speaker, lemma, cs, ce,
                            rule.replace("indirect", "partial")))
        else:
            out.append(_Row(c0, c1, "indirect", c0, c1, list(gap or [(c0, c1)]), speaker, lemma, cs, ce, rule))
        if speaker is not None:
            _remember(state, speaker)
        used_cues.add(cs)
        blocked.append((c0, c1))
    return out


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}


def _claim_noun(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """"Smith's claim that …", "his warning that …": a possessor, a noun of saying or thinking, a that-clause."""
    prev = toks[k - 1]
    if prev.low in _POSSESSIVE_PRONOUNS:
        np = [_Tok(prev.s, prev.e, _POSSESSIVE_PRONOUNS[prev.low])]
    elif prev.low.endswith("'s") and prev.cap:
        np = _np_backward(toks, k - 1) if k >= 2 and toks[k - 2].cap else []
        np = [x for x in np if x is not prev] + [_Tok(prev.s, prev.e - 2, prev.t[:-2])]
        while np and not np[0].cap:
            np.pop(0)
    else:
        return None
    if not np:
        return None
    j = k + 2
    if j >= len(toks) or not _clause_start(toks[j]):
        return None
    c0, c1 = _trim_clause(nt, toks[j].s, _clause_end(toks, j, se))
    if len(nt[c0:c1].split()) < 3 or any(q.role == "direct" and c0 <= q.open < c1 for q in pq):
        return None
    speaker = _resolve(state, np, np[0].s)
    if speaker is None:
        return None
    speaker.mention, speaker.ms, speaker.me = nt[prev.s : prev.e] if len(np) == 1 else speaker.mention, \
        speaker.ms, speaker.me
    inner = [q for q in pq if q.role == "embedded" and not q.used and c0 <= q.cs and q.ce <= c1 + 1]
    for q in inner:
        q.used = True
    kind = "partial" if inner else "indirect"
    s, e = _trim(nt, inner[0].cs, inner[-1].ce) if inner else (c0, c1)
    t = toks[k]
    if speaker.ms is not None:
        _remember(state, speaker)
    return _Row(s, e, kind, c0, c1, [(c0, c1)], speaker, t.low, t.s, t.e, f"{kind}:claim_noun")


def _evidential(nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """'The committee seemed to be losing patience', 'X seems unlikely to …': the writer's inference, no speaker.

    The content is the whole clause, subject included (after an opening adverbial); with
    'it seems/appears that …' it is the that-clause.
    """
    t = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    it_that = k > 0 and toks[k - 1].low == "it"
    if nxt is None or (not it_that and nxt.t == ",") or (nxt.low in _PREPOSITIONS and nxt.low != "to") \
            or nxt.low in _NOUN_DET or nxt.cap:
        return None  # "appeared on Fox News", "appeared before the committee"
    if nxt.low == "to" and k + 2 < len(toks) and (toks[k + 2].low in _NOUN_DET or toks[k + 2].cap):
        return None  # "appeared to the crowd"
    if it_that:
        that = next((i for i in range(k + 1, min(len(toks), k + 5)) if toks[i].low == "that"), None)
        if that is None or that + 1 >= len(toks):
            return None
        c0, c1 = _trim_clause(nt, toks[that + 1].s, _clause_end(toks, that + 1, se))
    else:
        b = 0
        if _is_opener(toks[0]):
            b = next((i + 1 for i in range(k) if toks[i].t == ","), 0)
        while b < k and (toks[b].t in ",-" or toks[b].low in _CLAUSE_SKIP):
            b += 1
        if k - b < 1 or k - b > 20 or any(x.low in _lex().verbs or x.t in ";:" for x in toks[b:k]):
            return None
        c0, c1 = _trim_clause(nt, toks[b].s, _clause_end(toks, k + 1, se))
    if len(nt[c0:c1].split()) < 3 or any(q.role == "direct" and c0 <= q.open < c1 for q in pq):
        return None
    inner = [q for q in pq if q.role == "embedded" and not q.used and c0 <= q.cs and q.ce <= c1 + 1]
    for q in inner:
        q.used = True
    kind = "partial" if inner else "indirect"
    s, e = _trim(nt, inner[0].cs, inner[-1].ce) if inner else (c0, c1)
    return _Row(s, e, kind, c0, c1, [(c0, c1)], None, t.low, t.s, t.e, f"{kind}:evidential")


def _prev_comma(toks: list[_Tok], first: _Tok) -> _Tok | None:
    """The comma closing the clause before ``first`` (also inside a closing mark: ',"')."""
    for i, t in enumerate(toks):
        if t is first:
            j = i - 1
            while j >= 0 and toks[j].t in ('"', "'"):
                j -= 1
            return toks[j] if j >= 0 and toks[j].t in (",", "?", "!") else None
    return None


def _short_tail(tail: list[_Tok], limit: int = 8) -> bool:
    """Only a short adverbial follows the cue before the sentence ends (', he said on Tuesday.')."""
    if tail and (tail[0].low in _lex().pronouns or (tail[0].low in ("the", "a", "an") and not tail[0].cap)):
        return False  # a clause follows: "the campaign manager said he needed to …" (not "told The Times")
    for words, t in enumerate(tail):
        if t.t == "." and words > 0 and (tail[words - 1].low in _ABBREV or len(tail[words - 1].t) == 1):
            continue  # "Dr. Ann Lee" goes on
        if t.t in ".!?":
            return True
        if t.t in ('"', "'", ":"):
            return False  # the cue introduces quoted words: "describes himself as "…"", "declared: …"
        if t.t in ",;":
            return words <= limit
        if words + 1 > limit or t.low == "that":
            return False
    return True


def _opener_only(toks: list[_Tok], comma: int) -> bool:
    """Is toks[:comma] an opening adverbial with no verb ("In a radio address", "Speaking at the town hall")?"""
    if not _is_opener(toks[0]):
        return False
    return not any(x.t == "," or x.low in _AUX or x.low in _BE or (x.low.endswith("ed") and not x.cap)
                   for x in toks[2:comma])


def _clause_start(t: _Tok) -> bool:
    low = t.low
    if low == "to":
        return True
    if low in ("in", "on", "at", "for", "with", "about", "of", "by", "from", "into", "."):
        return False
    return t.t[:1].isalnum() or t.t in ('"', "'")


def _next_is_frame(toks: list[_Tok], i: int) -> bool:
    """Does a new frame start after the comma toks[i] (', telling reporters', ',” adding')?"""
    i += 1
    while i < len(toks) and toks[i].t in ('"', "'"):
        i += 1
    if i >= len(toks):
        return False
    nxt = toks[i]
    if nxt.low == "according":
        return True
    info = _lex().verbs.get(nxt.low)
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    # ", adding that …", ", telling reporters …" — not ", responding to pressure …"
    return info is not None and nxt.low.endswith("ing") and info[1] == "speech" and after not in _PREPOSITIONS


def _subject(state: _DocState, toks: list[_Tok], k: int, out: list[_Row], done: list[_Row]) -> _Speaker | None:
    """Subject of the main clause for a participial cue (', warning that …')."""
    start = toks[0].s
    for r in reversed(out + done):
        if r.speaker is not None and r.cue_s is not None and start <= r.cue_s < toks[k].s:
            sp = r.speaker
            return _Speaker(sp.mention, sp.ms, sp.me, sp.name, sp.attribution, sp.person)
    # the nearest comma-separated segment before the cue that starts with a noun phrase
    # followed by more words (its verb): "Asked if …, Lavrov declined to answer, adding …"
    bounds = [i + 1 for i in range(k) if toks[i].t == ","]
    for b in reversed([0, *bounds]):
        j = b
        while j < k and toks[j].t in ('"', "'"):
            j += 1
        if j >= k - 1:
            continue
        if _is_opener(toks[j]):
            continue  # "Citing …,", "In a subsequent tweet," — not the subject
        np = _np_forward(toks, j)
        if np and toks.index(np[-1]) < k - 2 and np[-1].e <= toks[k].s:
            return _resolve(state, np, np[0].s)
    return None


def _is_opener(t: _Tok) -> bool:
    """A sentence-opening adverbial rather than a subject: a preposition or a participle."""
    low = t.low
    return low in _OPENERS or (len(low) > 4 and low.endswith(("ing", "ed", "ly")) and not t.t[:2].isupper())


#: the columns of one extracted row, in order; rows are cached as tuples (a dict per row
#: costs about four times the memory) and handed out as fresh dicts by :func:`quote_rows`
_ROW_KEYS = (
    "start", "end", "text", "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "content_start", "content_end", "attribution", "cue", "cue_start", "cue_end", "rule", "fragments",
)


def _to_row(doc: Document, norm: Any, r: _Row) -> tuple[Any, ...]:
    s, e = norm.span_to_original(r.s, r.e)
    cs, ce = norm.span_to_original(r.cs, r.ce)
    sp = r.speaker
    frags = ";".join("{}-{}".format(*norm.span_to_original(a, b)) for a, b in r.frags if b > a)
    speaker = mention = ms = me = None
    attribution = "none"
    if sp is not None:
        speaker, attribution = sp.name, sp.attribution
        if sp.ms is not None and sp.me is not None:
            ms, me = norm.span_to_original(sp.ms, sp.me)
            mention = doc.text[ms:me]
    cue_s = cue_e = None
    if r.cue_s is not None and r.cue_e is not None:
        cue_s, cue_e = norm.span_to_original(r.cue_s, r.cue_e)
    return (s, e, doc.text[s:e], r.kind, speaker, mention, ms, me, cs, ce, attribution, r.cue, cue_s, cue_e,
            r.rule, frags)


# --------------------------------------------------------------------------- public API


def quotes(x: Any, *, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """Quotations, reported speech and who said them, one row per quotation.

    Parameters
    ----------
    x
        A string, :class:`~toolkit.corpus.Document`, :class:`~toolkit.corpus.Corpus`
        or DataFrame with ``id``/``text`` columns.
    n_jobs
        Worker processes (``-1``: every core).
    progress
        Show a progress bar (default: only in notebooks and terminals).
    batch_size
        Documents sent to a worker process at a time.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, text, kind, speaker, speaker_mention,
        speaker_start, speaker_end, content_start, content_end, attribution,
        cue, cue_start, cue_end, paragraph, duplicate, rule, fragments``.
        ``kind`` is ``direct``, ``partial``, ``scare`` or ``indirect``;
        ``attribution`` is ``explicit``, ``pronoun``, ``descriptor``,
        ``inherited`` or ``none``. Offsets are into the original text.

    Examples
    --------
    >>> q = quotes('"It was a mistake," Sergei Lavrov said. "Gaddafi is the same," he said.')
    >>> q[["text", "speaker", "attribution"]].values.tolist()
    [['It was a mistake', 'Sergei Lavrov', 'explicit'], ['Gaddafi is the same', 'Sergei Lavrov', 'pronoun']]
    """
    return runner.per_document(quote_rows, x, frames.QUOTES, n_jobs=n_jobs, progress=progress, batch_size=batch_size)


def quote_rows(doc: Document) -> list[dict[str, Any]]:
    """The rows of :func:`quotes` for one document, computed once per Document (copies are returned).

    ``tk.quotes`` and the scare-quote device (and :func:`toolkit.analyze`,
    which runs both) share the result instead of pairing the marks twice.

    Examples
    --------
    >>> doc = Document('He called them "jihadists".')
    >>> quote_rows(doc)[0]["kind"], quote_rows(doc) is not quote_rows(doc)
    ('scare', True)
    """
    return [dict(zip(_ROW_KEYS, r, strict=True)) for r in doc._cached("quote_rows", lambda: _extract(doc))]


def speakers(
    x: Any, *, kinds: Iterable[str] = ("direct", "partial", "indirect"), n_jobs: int = 1,
    progress: bool | None = None, batch_size: int = 16,
) -> pd.DataFrame:
    """Who is quoted, how often and at what length: one row per speaker.

    Parameters
    ----------
    x
        Anything :func:`quotes` accepts, or a table :func:`quotes` returned.
    n_jobs, progress, batch_size
        As in :func:`quotes`.
    kinds
        Which quote kinds count (scare quotes have no speaker).

    Returns
    -------
    pandas.DataFrame
        ``speaker, quotes, words, share``: number of quotations, words in
        them (content span) and the share of all attributed words, largest
        first. Rows in duplicate paragraphs and quotes without a resolved
        speaker are left out.

    Examples
    --------
    >>> speakers('"We will win," Sergei Lavrov said. "Never," he said.').values.tolist()
    [['Sergei Lavrov', 2, 4, 1.0]]
    """

    made_by = frames.extractor_of(x) if isinstance(x, pd.DataFrame) or hasattr(x, "npartitions") else None
    if made_by not in (None, "quotes"):
        raise ParameterError(f"speakers() takes a text, a corpus or a tk.quotes table, not a tk.{made_by} table")
    is_table = made_by == "quotes"
    table = x if is_table else quotes(x, n_jobs=n_jobs, progress=progress, batch_size=batch_size)
    wanted = sorted(set(kinds))
    # per piece (the whole table, or each dask partition): quotes and words per speaker, added up, shares once
    return runner.aggregate(table, _speaker_counts, keys=["speaker"], meta=frames.SPEAKERS.empty(),
                                 finalize=partial(_speaker_shares, kinds=wanted), kinds=wanted)


def _speaker_counts(table: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    t = table[table["kind"].isin(kinds) & ~table["duplicate"].astype(bool) & table["speaker"].notna()]
    return pd.DataFrame({
        "speaker": t["speaker"].astype(str), "quotes": 1, "words": t["text"].map(count_words).astype("int64"),
    })


def _speaker_shares(counts: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    total = counts["words"].sum() if len(counts) else 0
    out = counts.assign(share=counts["words"] / total if total else 0.0)
    out = out.sort_values(["words", "quotes", "speaker"], ascending=[False, False, True], kind="stable")
    return frames.finish(out.reset_index(drop=True), frames.SPEAKERS, params={"kinds": kinds})
