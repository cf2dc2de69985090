"""Quote marks: pairing, nesting, apostrophes, unclosed marks — ``_find_quotes`` returns ``_Quote`` spans.

Owns: deciding per mark whether it opens or closes (by context, never by
alternation alone: ``_mark_kind``), pairing double marks (``_pair_doubles``)
and single marks inside one paragraph (``_pair_singles``), a single mark
between letters as an apostrophe, single quotes nested in double ones,
markup tags skipped, and the paragraph-end rule for an unclosed mark (the
news convention for a quotation over several paragraphs). Nothing here raises
on unbalanced marks.

Must not touch: what a quoted span is (direct, title, scare: that is
:mod:`toolkit.quotes.structure`), cues or speakers; depends only on
:mod:`toolkit.quotes.tokens`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .language import mark_hints
from .tokens import Span, _has_word

_MARK = re.compile(r"''|[\"']")
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
