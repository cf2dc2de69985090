"""Tokens of the normalised text for the quote rules: ``_Tok``, ``_tokens(nt, s, e)``, ``Span``.

Owns: the token pattern (``toolkit.text.TOKEN_PATTERN``), one lazily
tokenised index of the current document (``_INDEX``, one document at a time)
from which windows are sliced, and ``_has_word``. Every other quote module
reads tokens through :func:`_tokens`.

Must not touch: quote marks, cues, speakers or rows — this module knows no
rule, only where the words are. It imports no other quote module.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate, chain

from ..text import TOKEN_PATTERN
from .language import _CURRENT

Span = tuple[int, int]


_TOKEN = re.compile(TOKEN_PATTERN)


_WORDCH = re.compile(r"\w")


def _has_word(nt: str, s: int, e: int) -> bool:
    return _WORDCH.search(nt, s, e) is not None


def _finditer_at_word_start(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``re.finditer`` of ``\\b`` followed by ``pattern``, for a pattern whose matches start with a word character.

    A pattern that opens with ``\\b`` gives the regex engine no first characters to skip to, so it tries
    every position; without it the engine jumps to the candidates (``[A-Z]``: the capitals), and the
    boundary is checked here. A candidate after a word character is refused and the search goes on from
    the next position, as ``finditer`` would have done: the same matches in the same order.
    """
    pos = 0
    search = pattern.search
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and _WORDCH.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()


class _Tok:
    """A token of the normalised text: offsets, text, lower case, capitalised."""

    __slots__ = ("cap", "e", "low", "s", "t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self.s, self.e, self.t = s, e, t
        self.low = t.lower()
        self.cap = t[:1].isupper()


# every character that is not white space starts a token (the last alternative of the pattern takes any
# other one), so the text between two tokens is white space: one ``findall`` of (gap, token) pairs gives
# every token's text, and the running sum of the lengths its offsets, with no match object per token
_GAP_TOKEN = re.compile(rf"(\s*)({TOKEN_PATTERN})")
# the same pattern for ASCII text, every class spelled out in ASCII: the engine tests a character against a
# set instead of asking the Unicode database (a third less time on UN and Wikinews windows). In ASCII, \w is
# [A-Za-z0-9_], \d [0-9], a letter [A-Za-z], and \s also takes the separators \x1c-\x1f (str.isspace)
_ASCII_SPACE = r"\t-\r\x1c-\x1f "
_ASCII_WORD = "A-Za-z0-9_"
_GAP_TOKEN_ASCII = re.compile(
    rf"([{_ASCII_SPACE}]*)("
    r"(?:[A-Za-z]\.){2,}"
    r"|[0-9]+(?:[.,:/][0-9]+)*"
    rf"|[{_ASCII_WORD}]+(?:[-'][{_ASCII_WORD}]+)*"
    rf"|[^{_ASCII_WORD}{_ASCII_SPACE}])"
)
_new = object.__new__


def _scan_tokens(nt: str, s: int, e: int) -> list[_Tok]:
    pairs = (_GAP_TOKEN_ASCII if nt[s:e].isascii() else _GAP_TOKEN).findall(nt, s, e)
    ends = list(accumulate(map(len, chain.from_iterable(pairs)), initial=s))
    toks: list[_Tok] = []
    append = toks.append
    for ts, te, (_, t) in zip(ends[1::2], ends[2::2], pairs, strict=True):
        # (built without calling __init__: the same attributes, a third less time per token)
        tok = _new(_Tok)
        tok.s = ts
        tok.e = te
        tok.t = t
        tok.low = t.lower()
        tok.cap = t[:1].isupper()
        append(tok)
    if _CURRENT.get() == "fr" and "-" in nt[s:e]:
        return _split_inversions(toks)
    return toks


# French inversion: verb, euphonic -t- and subject pronoun written as one word (dit-il, a-t-elle)
_INVERSION = re.compile(r"([^\W\d_]+)(?:-t)?-(il|elle|ils|elles|on)", re.IGNORECASE)


def _split_inversions(toks: list[_Tok]) -> list[_Tok]:
    out = []
    for t in toks:
        m = _INVERSION.fullmatch(t.t)
        if m is None:
            out.append(t)
            continue
        out.append(_Tok(t.s, t.s + m.end(1), m.group(1)))
        out.append(_Tok(t.s + m.start(2), t.e, m.group(2)))
    return out


# characters per lazily tokenised segment of the text index: short, because a window tokenises every
# segment it touches whole (with 2,048 the rules made 1.2 tokens per token of a UN speech, with 256 0.73)
_SEGMENT = 256
# windows shorter than this are scanned directly: a sentence is read once, and the index tokenised whole
# segments around it (at 256, 1 MB of UN speeches made 168,000 token objects, at 1,024 139,000; Wikinews
# 170,000 and 161,000); the index serves the long windows, which overlap
_SCAN_BELOW = 1024
_SPACE = re.compile(r"\s")
# segments kept (least recently used dropped): about 32,000 characters of tokens, bounded, not growing with the text
_KEEP_SEGMENTS = 128


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
