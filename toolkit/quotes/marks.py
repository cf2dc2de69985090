"""Quote marks: pairing, nesting, apostrophes, unclosed marks — ``_find_quotes`` returns ``_Quote`` spans.

Owns: deciding per mark whether it opens or closes (by context, never by
alternation alone: ``_mark_kind``), pairing double marks with a stack so that
the same mark nests (``“how “are” you”``; ``_pair_nested``, with pairing in
turn when the marks do not nest: ``_pair_in_turn``) and single marks per
paragraph (``_pair_singles``), a single mark between letters as an
apostrophe, the apostrophe of an elided word (``'tis``, ``'em``, rock ``'n'``
roll, ``'90s``: lexicon ``apostrophe_words``, ``_elision``), a closing-looking
mark after a plural possessive or a dropped g (``the students' books``,
``goin'``) skipped when a closing mark follows, quotes nested in quotes of the
same or the other kind (dropped: they are part of the outer one), markup tags
skipped, and the paragraph-end rules for an unclosed mark (a double one runs
to the paragraph end, the news convention for a quotation over several
paragraphs; a single one only when the next paragraph reopens with a mark).
Nothing here raises on unbalanced marks.

Must not touch: what a quoted span is (direct, title, scare: that is
:mod:`toolkit.quotes.structure`), cues or speakers; depends only on
:mod:`toolkit.quotes.tokens` and the lexicon loader.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import lexicons
from .language import mark_hints
from .tokens import Span, _has_word

_MARK = re.compile(r"''|[\"']")
_LETTER = re.compile(r"[^\W\d_]{2}")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_SPACE_BEFORE_OPEN = set(" \t\n\r([{/-—")
_CLOSE_AFTER = set(" \t\n\r.,;:!?)]}/-")


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
    open_hint, close_hint = mark_hints()  # the document's language: German „…“ and »…«
    if ch in open_hint:
        return "open"
    if ch in close_hint:
        return "close"
    return "amb"


def _pair_nested(kinds: list[tuple[int, int, str]], ps: int, pe: int, pi: int, carry: bool,
                 nt: str) -> list[_Quote] | None:
    """Pair one paragraph's double marks with a stack: an opening mark inside a quote nests.

    ``“how “are” you doing?”`` is one quotation with another inside it (the inner one is
    dropped later, as nested single quotes are). ``None`` when more than one mark is
    still open at the paragraph end, or one is while another was nested in it
    (``of "what if … situation? "What if …?" I think``: a typo'd closing mark, not
    nesting): the caller pairs them one after the other instead.
    """
    out: list[_Quote] = []
    stack: list[tuple[int, int, bool]] = []  # (position, length, continued)
    nested = False
    for n, (i, length, kind) in enumerate(kinds):
        if kind == "open" or (kind == "amb" and not stack):
            nested = nested or bool(stack)
            stack.append((i, length, n == 0 and carry and nt[ps:i].strip() == ""))
        elif stack:
            o, olen, continued = stack.pop()
            out.append(_Quote(o, o + olen, i, i + length, True, pi, True, continued=continued))
        elif n == 0 and carry:
            out.append(_Quote(ps, ps, i, i + length, True, pi, True, continued=True))
    if len(stack) > 1 or (stack and nested):
        return None
    if stack:
        o, olen, continued = stack[0]
        if nt[o - 1 : o].isspace() and nt[o + olen : o + olen + 1].isspace():
            return out  # a stray mark between spaces that never closes ('Hello, " he said, …') opens nothing
        out.append(_Quote(o, o + olen, pe, pe, True, pi, False, continued=continued))
    return out


def _pair_in_turn(kinds: list[tuple[int, int, str]], ps: int, pe: int, pi: int, carry: bool,
                  nt: str) -> list[_Quote]:
    """Pair one paragraph's double marks one after the other (any mark closes an open quote)."""
    out: list[_Quote] = []
    inside: int | None = None
    inside_len = 0
    first = True
    continued = False
    for i, length, kind in kinds:
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
    return out


def _closes_after_unmarked(nt: str, orig: str, norm: Any, paras: list[Span], starts: list[int], pi: int,
                           marks: list[tuple[int, int]], mi: int) -> bool:
    """Whether paragraph ``pi`` (no double mark in it, the one before ended inside a quotation) is quoted.

    A quotation over several paragraphs has, by the news convention, an opening mark at the start of
    each; some texts (letters and messages printed whole) mark only the first paragraph's start and the
    last one's end. The paragraphs between are quoted when the next paragraph with a double mark
    starts with a closing one (``… long life.”``) and nothing else in between has a mark.
    """
    if mi >= len(marks):
        return False
    i, length = marks[mi]
    pj = bisect_right(starts, i, lo=pi) - 1
    ps, pe = paras[pj]
    if nt[ps:i].strip() == "" and pj > pi:
        return False  # the next marked paragraph opens with a mark: the convention of one mark per paragraph
    return _mark_kind(nt, orig, i, length, ps, pe, norm) == "close"


def _pair_doubles(nt: str, orig: str, norm: Any, paras: list[Span], marks: list[tuple[int, int]]) -> list[_Quote]:
    out: list[_Quote] = []
    mi = 0
    carry = False  # previous paragraph ended inside a quote
    closes_later: int | None = None  # the run of unmarked paragraphs ending in a closing mark runs to here
    starts = [s for s, _ in paras]
    for pi, (ps, pe) in enumerate(paras):
        while mi < len(marks) and marks[mi][0] < ps:
            mi += 1
        kinds = []
        while mi < len(marks) and marks[mi][0] < pe:
            i, length = marks[mi]
            mi += 1
            kinds.append((i, length, _mark_kind(nt, orig, i, length, ps, pe, norm)))
        if not kinds and carry:
            if closes_later is None or closes_later < ps:
                later = _closes_after_unmarked(nt, orig, norm, paras, starts, pi, marks, mi)
                closes_later = marks[mi][0] if later else -1
            if closes_later > ps:
                if _LETTER.search(nt, ps, pe):  # (a page number or document code between pages is not quoted)
                    out.append(_Quote(ps, ps, pe, pe, True, pi, False, continued=True))
                continue  # (still inside: carry stays on)
        found = _pair_nested(kinds, ps, pe, pi, carry, nt)
        if found is None:
            found = _pair_in_turn(kinds, ps, pe, pi, carry, nt)
        out.extend(found)
        carry = any(not q.closed for q in found)
    return out


@lru_cache(maxsize=1)
def _apostrophe_words() -> frozenset[str]:
    """Words that begin with an apostrophe ('tis, 'em, 'n'), lower case, apostrophes included."""
    return frozenset(r["word"] for r in lexicons.load("apostrophe_words"))


_WORD_AFTER = re.compile(r"[A-Za-z]{1,12}'?")
_DECADE = re.compile(r"\d\ds(?![\w'])")


def _elision(nt: str, i: int, pe: int) -> int:
    """Length of an elided word whose apostrophe is at ``i`` ('tis, 'em, rock 'n' roll, '90s); 0 if none.

    A bare two-digit year ('14) is left out: ``''10 times the size''`` (NYT-style marks) and
    ``'10 years on,' he said`` open quotations.
    """
    if i > 0 and nt[i - 1].isalnum():
        return 0
    m = _WORD_AFTER.match(nt, i + 1, pe)
    if m is not None:
        word = m.group()
        if word.endswith("'") and "'" + word.lower() in _apostrophe_words():
            return 1 + len(word)  # 'n': both apostrophes belong to the word
        word = word.rstrip("'")
        after = nt[i + 1 + len(word) : i + 2 + len(word)]
        if "'" + word.lower() in _apostrophe_words() and after != "'" and not after.isalnum():
            return 1 + len(word)  # not "'em'" (a quoted word) nor "'Tisdale"
        return 0
    m = _DECADE.match(nt, i + 1, pe)
    return 1 + len(m.group()) if m is not None else 0


def _single_kinds(nt: str, ps: int, pe: int, marks: list[int], forced: set[int]) -> list[tuple[int, str]]:
    """The single marks of one paragraph that may pair: ``open``, ``close`` or ``soft``.

    A mark between two letters (``Libya's``) and the apostrophe of an elided word
    (``'tis``, ``'em``, ``'90s``) are left out. ``soft`` is a closing mark that may be
    the apostrophe of a plural possessive or a dropped ``g`` (``the students' books``,
    ``goin' home``): a word follows it.
    """
    out: list[tuple[int, str]] = []
    skip_to = -1
    for i in marks:
        if i < skip_to:
            continue
        if i in forced:
            out.append((i, "open"))  # the first mark of "''Tis": an opening single quote
            continue
        prev = nt[i - 1] if i > ps else " "
        nxt = nt[i + 1] if i + 1 < pe else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: Libya's, They've
        if nxt.isalnum():
            n = _elision(nt, i, pe)
            if n:
                skip_to = i + n
                continue
        if (prev in _SPACE_BEFORE_OPEN or prev == '"') and (nxt.isalnum() or nxt == '"'):
            out.append((i, "open"))
        elif (prev.isalnum() or prev in '.,!?"') and (nxt in _CLOSE_AFTER or nxt == '"'):
            word_follows = nxt == " " and nt[i + 2 : i + 3].isalnum()
            soft = word_follows and (prev == "s" or nt[i - 2 : i] == "in")
            out.append((i, "soft" if soft else "close"))
    return out


def _opens_dialogue(nt: str, ps: int, i: int) -> bool:
    """Does the single mark at ``i`` open at a paragraph start or after a clause end (``:``, ``,``, ``.``)?"""
    before = nt[max(ps, i - 8) : i].rstrip()
    return i == ps or not before or before[-1] in ":,.!?-"


_SINGLE_REACH = 300  # characters a single quote may span inside a paragraph
_DIALOGUE_REACH = 2000  # the same, when it opens a paragraph or follows a clause end


def _pair_singles(nt: str, paras: list[Span], marks: list[int], forced: set[int]) -> list[_Quote]:
    out: list[_Quote] = []
    mi = 0
    carry = False  # the previous paragraph's single quote runs on into this one
    for pi, (ps, pe) in enumerate(paras):
        lo = mi
        while mi < len(marks) and marks[mi] < pe:
            mi += 1
        kinds = _single_kinds(nt, ps, pe, [m for m in marks[lo:mi] if m >= ps], forced)
        opener: int | None = None
        reach = _SINGLE_REACH
        continued = False
        for n, (i, kind) in enumerate(kinds):
            if kind == "open":
                opener = i
                reach = _DIALOGUE_REACH if _opens_dialogue(nt, ps, i) else _SINGLE_REACH
                continued = carry and i == ps
            elif opener is not None and i - opener <= reach:
                nxt = kinds[n + 1] if n + 1 < len(kinds) else None
                if kind == "soft" and nxt is not None and nxt[1] == "close" and nxt[0] - opener <= reach:
                    continue  # a possessive ('the students' books are …,'): the quote closes further on
                out.append(_Quote(opener, opener + 1, i, i + 1, False, pi, True, continued=continued))
                opener = None
        carry = False
        if opener is not None and pi + 1 < len(paras):
            # the convention for a quotation over several paragraphs: each paragraph opens with a
            # mark, only the last one closes
            nps = paras[pi + 1][0]
            if nt[nps : nps + 1] == "'" and nt[nps + 1 : nps + 2].isalnum() and not _elision(nt, nps, paras[pi + 1][1]):
                out.append(_Quote(opener, opener + 1, pe, pe, False, pi, False, continued=continued))
                carry = True
    return out


def _outermost(qs: list[_Quote]) -> list[_Quote]:
    """The quotes not inside another one of the list (nested pairs close before their outer quote)."""
    qs = sorted(qs, key=lambda q: (q.open, -q.close))
    out: list[_Quote] = []
    end = -1
    for q in qs:
        if q.open < end and q.close <= end:
            continue
        out.append(q)
        end = max(end, q.close)
    return out


def _find_quotes(nt: str, orig: str, norm: Any, paras: list[Span]) -> list[_Quote]:
    doubles: list[tuple[int, int]] = []
    singles: list[int] = []
    forced: set[int] = set()  # single marks that open a quote whatever their context
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
        elif m.group() == "''" and orig[norm.to_original(m.start())] != "`" and _elision(nt, m.start() + 1, len(nt)):
            singles.append(m.start())  # "''Tis nobler'": an opening single mark, then 'Tis
            forced.add(m.start())
        else:
            doubles.append((m.start(), m.end() - m.start()))
    dq = _pair_doubles(nt, orig, norm, paras, doubles)
    dq = _outermost(dq)  # a double quote nested in another ("how "are" you") is part of it
    # single marks inside a double quote are nested: never separate rows
    inner = [(q.cs, q.ce) for q in dq]
    starts = [s for s, _ in inner]
    sq = []
    for q in _pair_singles(nt, paras, singles, forced):
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
