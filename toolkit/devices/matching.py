"""The one matching mechanism every device detector shares.

* :class:`PhraseMatcher` compiles a list of phrases (or regex fragments from a
  lexicon) into ONE alternation with word boundaries and scans a text once;
  each hit says which entry fired, so a detection can cite its lexicon row.
* :class:`DocContext` is the per-document view the detectors work on: the
  normalised text (typographic quotes and dashes unified), its sentences and
  tokens in normalised offsets, and :meth:`DocContext.row`, which maps a
  normalised span back to the original text and builds the output row.

All patterns are alternations of literals or of short fragments without nested
quantifiers, so scanning stays linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

import regex

from .. import lexicons
from .. import text as _text
from ..corpus import Document
from ..errors import LexiconError

Span = tuple[int, int]
_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"\w")
# the third-party ``regex`` engine (an NLTK dependency), as NLTK's RegexpTokenizer uses it: identical spans,
# without NLTK's per-call timeout wrapper
_TOKEN = regex.compile(_text.TOKEN_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
#: the last white space before a position, and how far back it is looked for
_LAST_SPACE = regex.compile(r"\s(?=\S*\Z)")
_RUN_LOOKBACK = 200
#: the toolkit's word tokens (:data:`toolkit.text.WORD_PATTERN`, the tokenizer without single punctuation marks)
#: for the ``re`` engine: on an ASCII text (where ``\w`` and ``\d`` are the same ASCII classes in both engines) it
#: finds the same tokens as ``regex``, faster, and the pattern names no letter, so it finds them in the
#: lower-cased text as well (any other text: :func:`toolkit.text.word_scanner` picks the engine)
_WORD_TOKEN_ASCII = re.compile(_text.WORD_PATTERN)
_SPACE = re.compile(r"\s+")
#: the most matched texts a matcher remembers the entry of
_INDEXES_KEPT = 50_000
_third = itemgetter(2)


#: the last text :func:`_ascii_lower` was asked about, and its answer
_LOWERED: list[tuple[str, str | None]] = [("", "")]


def _ascii_lower(text: str) -> str | None:
    """The lower-cased copy of an ASCII ``text``, None for any other text.

    The matchers scan a document sentence by sentence over its whole text, so the answer for the last text
    is kept (by identity): the test and the copy cost one pass per document, not one per sentence.

    Examples
    --------
    >>> _ascii_lower("Munich 1938"), _ascii_lower("Zürich")
    ('munich 1938', None)
    """
    last, low = _LOWERED[0]
    if last is not text:
        low = text.lower() if text.isascii() else None
        _LOWERED[0] = (text, low)
    return low


def _trie_pattern(phrases: Sequence[str]) -> str:
    """One regex for many literal phrases, common prefixes factored out (much faster than a flat alternation).

    Words are separated by ``\\s+``; at every branch the longer continuation is tried first.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + walk(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return walk(trie)


def _first_chars(pattern: str, flags: int) -> set[str] | None:
    """Characters a match of ``pattern`` can start with, or None when unknown.

    Used to put a one-character lookahead in front of a big alternation, so the
    regex engine skips most positions at once. Any construct it does not know
    (or a parser change) gives None: no prefilter, same results.
    """
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - defensive: no prefilter
        return None

    def first(items: list[Any]) -> set[str] | None:
        out: set[str] = set()
        for op, av in items:
            name = str(op)
            if name == "LITERAL":
                out.add(chr(av))
                return out
            if name == "IN":
                for sub_op, sub_av in av:
                    if str(sub_op) == "LITERAL":
                        out.add(chr(sub_av))
                    elif str(sub_op) == "RANGE" and sub_av[1] - sub_av[0] < 300:
                        out.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
                    else:
                        return None
                return out
            if name == "BRANCH":
                for branch in av[1]:
                    got = first(list(branch))
                    if got is None:
                        return None
                    out |= got
                return out
            if name == "SUBPATTERN":
                got = first(list(av[-1]))
                if got is None:
                    return None
                return out | got
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                got = first(list(av[2]))
                if got is None:
                    return None
                out |= got
                if av[0] > 0:
                    return out
                continue  # optional: the next item may start the match too
            if name in ("ASSERT", "ASSERT_NOT", "AT"):
                continue  # zero-width
            return None
        return None  # the pattern can match the empty string

    got = first(list(tree))
    if got is None or not got:
        return None
    if flags & re.IGNORECASE:
        got = {c for ch in got for c in (ch.lower(), ch.upper())}
    return got


_WORD_CHARS = re.compile(r"[\w'-]")
_SPLIT_HEAD = re.compile(r"['-]")


def _first_words(pattern: str, flags: int, limit: int = 400) -> set[str] | None:
    """Every possible first word of a match of ``pattern`` (a word: letters, digits, ' and -), or None.

    None when the pattern can start with something else or its first word is
    open-ended (``\\w+``); such entries are found by a regex scan instead.
    """
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - defensive: scan instead
        return None
    States = list[tuple[str, bool]]

    def add_char(states: States, ch: str) -> States:
        if _WORD_CHARS.match(ch):
            return [(w, d) if d else (w + ch, False) for w, d in states]
        return [(w, True) for w, _ in states]

    def walk(items: list[Any], states: States) -> States | None:
        for op, av in items:
            if all(d for _, d in states):
                return states
            name = str(op)
            if name == "LITERAL":
                states = add_char(states, chr(av))
            elif name == "IN":
                new: States = []
                for sub_op, sub_av in av:
                    sub = str(sub_op)
                    if sub == "LITERAL":
                        new += add_char(states, chr(sub_av))
                    elif sub == "RANGE" and sub_av[1] - sub_av[0] < 30:
                        for c in range(sub_av[0], sub_av[1] + 1):
                            new += add_char(states, chr(c))
                    elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_SPACE":
                        new += [(w, True) for w, _ in states]
                    else:
                        return None
                states = list(dict.fromkeys(new))
            elif name == "BRANCH":
                new = []
                for branch in av[1]:
                    got = walk(list(branch), states)
                    if got is None:
                        return None
                    new += got
                states = list(dict.fromkeys(new))
            elif name == "SUBPATTERN":
                got = walk(list(av[-1]), states)
                if got is None:
                    return None
                states = got
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                got = walk(list(av[2]), states)
                if got is None:
                    return None
                if av[1] != 1 and not all(d for _, d in got):
                    return None  # a repeated word character: open-ended first word
                states = list(dict.fromkeys((states if av[0] == 0 else []) + got))
            elif name in ("AT", "ASSERT", "ASSERT_NOT"):
                continue
            else:
                return None
            if len(states) > limit:
                return None
        return states

    got = walk(list(tree), [("", False)])
    if got is None:
        return None
    words = {w.lower() for w, _ in got}
    return None if "" in words else words


def _required_factors(pattern: str, flags: int) -> tuple[str, ...] | None:
    """Literal strings of which every match of ``pattern`` contains one, or None when none can be told.

    Read from the parsed pattern: a run of literal characters, an alternation whose every branch has
    such strings, a group or a repeat of at least once; the most selective choice (longest shortest
    string) is kept. A group with its own flags, a look-around or a character class gives nothing.
    """
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - defensive: no prefilter
        return None

    def exact(items: list[Any]) -> set[str] | None:
        """The strings a run of literals, groups and alternations of them matches, or None."""
        out = {""}
        for op, av in items:
            name = str(op)
            if name == "LITERAL":
                out = {x + chr(av) for x in out}
                continue
            if name == "SUBPATTERN" and not av[1] and not av[2]:
                got = exact(list(av[3]))
            elif name == "BRANCH":
                branches = [exact(list(b)) for b in av[1]]
                got = set().union(*branches) if all(b is not None for b in branches) else None  # type: ignore[arg-type]
            else:
                return None
            if got is None or len(out) * len(got) > 64:
                return None
            out = {x + y for x in out for y in got}
        return out

    def sequence(items: list[Any]) -> set[str] | None:
        options: list[set[str]] = []
        run: list[str] = []
        for op, av in [*items, (None, None)]:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(av))
                continue
            whole = exact([(op, av)]) if run and name in ("SUBPATTERN", "BRANCH") else None
            if whole:  # literals, then an alternation of literals ("-(?:backed|funded)"): "-backed", "-funded"
                options.append({"".join(run) + x for x in whole})
            if run:
                options.append({"".join(run)})
                run = []
            got = None
            if name == "SUBPATTERN" and not av[1] and not av[2]:
                got = sequence(list(av[3]))
            elif name == "BRANCH":
                branches = [sequence(list(b)) for b in av[1]]
                got = set().union(*branches) if all(branches) else None  # type: ignore[arg-type]
            elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
                got = sequence(list(av[2]))
            if got:
                options.append(got)
        return max(options, key=lambda o: min(map(len, o))) if options else None

    got = sequence(list(tree))
    return tuple(sorted(got)) if got and all(got) else None


def _may_contain(text: str, lowered: Callable[[], str], factors: tuple[str, ...], flags: int) -> bool:
    """False only when no factor can occur in ``text`` as the regex engine matches it (True: scan)."""
    if not flags & re.IGNORECASE:
        return any(f in text for f in factors)
    if not all(f.isascii() for f in factors) or any(c in text for c in _text.ASCII_CASE_VARIANTS):
        return True
    # ASCII factors in a text with no character matching ASCII other than ASCII itself: lower-casing both is
    # the engine's case-insensitive comparison
    low = lowered()
    return any(f.lower() in low for f in factors)


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex: words escaped, any run of spaces matches any white space.

    Examples
    --------
    >>> phrase_pattern("God bless  America")
    'God\\\\s+bless\\\\s+America'
    """
    return r"\s+".join(re.escape(w) for w in phrase.split())


@dataclass(frozen=True)
class Hit:
    """One match: normalised ``start``/``end``, the entry index and the matched text."""

    start: int
    end: int
    index: int
    text: str


class PhraseMatcher:
    """Scan a text once for many phrases, with word boundaries.

    Parameters
    ----------
    entries
        Phrases (``regex=False``: matched literally, spaces match any white
        space) or regex fragments (``regex=True``).
    case_sensitive
        Match case exactly (proper names) or ignore it.
    regex
        Treat entries as regex fragments (lexicon cues such as ``remind(?:s|ed)? of``).
    name
        Name of the lexicon, for error messages.

    Examples
    --------
    >>> m = PhraseMatcher(["very far", "far"])
    >>> [(h.text, h.index) for h in m.finditer("go very far, far")]
    [('very far', 0), ('far', 1)]
    """

    def __init__(
        self, entries: Sequence[str], *, case_sensitive: bool = False, regex: bool = False, name: str = "lexicon"
    ) -> None:
        flags = 0 if case_sensitive else re.IGNORECASE
        self.entries = list(entries)
        pieces = [e.replace(" ", r"\s+") if regex else phrase_pattern(e) for e in self.entries]
        self._singles: list[re.Pattern[str]] = []
        for i, p in enumerate(pieces):
            try:
                self._singles.append(re.compile(p, flags))
            except re.error as exc:
                raise LexiconError(name, f"entry {self.entries[i]!r} is not a valid pattern ({exc})") from None
        #: regex entries -> their place in the alternation (the first that matches at a position wins)
        self._rank: dict[int, int] = {}
        if regex:
            # longest first so that the longest pattern wins at a given start
            order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
            alternation = "|".join(f"(?:{pieces[i]})" for i in order if pieces[i])
            self._rank = {i: r for r, i in enumerate(i for i in order if pieces[i])}
        else:
            alternation = _trie_pattern([e for e in self.entries if e.strip()])
        if alternation:
            chars = _first_chars(alternation, flags)
            # the look-behind first: inside a word (most positions) it fails before the case-folded look-ahead
            lead = "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])" if chars else ""
            body = rf"(?<!\w){lead}(?:{alternation})(?:(?<=\W)|(?!\w))"
            self._any: re.Pattern[str] | None = re.compile(body, flags)
        else:
            self._any = None
        # literal phrases in lower case matched in any case: in an ASCII text their hits are those of the exact
        # pattern in the lower-cased text (no character of the phrases equals an ASCII letter case-insensitively,
        # :data:`toolkit.text.ASCII_CASE_VARIANTS`), which the engine scans about twice as fast
        self._lower_any: re.Pattern[str] | None = None
        if alternation and not case_sensitive and not regex and all(
                e.lower() == e and not any(c in e for c in _text.ASCII_CASE_VARIANTS) for e in self.entries):
            chars = _first_chars(alternation, 0)
            lead = "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])" if chars else ""
            self._lower_any = re.compile(rf"(?<!\w){lead}(?:{alternation})(?:(?<=\W)|(?!\w))")
        # regex lexicons: entries indexed by their possible first words, tried only where such a word starts
        self._by_first: dict[str, list[int]] = {}
        self._scan_only: list[int] = []
        self._factors: dict[int, tuple[str, ...] | None] = {}  # scan-only entry -> strings every match holds
        self._anchored: list[re.Pattern[str]] = []
        if regex:
            boundary = r"(?:(?<=\W)|(?!\w))"
            self._anchored = [re.compile(f"(?:{p}){boundary}", flags) for p in pieces]
            for i, p in enumerate(pieces):
                words = _first_words(p, flags) if not case_sensitive else None
                if words is None:
                    self._scan_only.append(i)
                    self._factors[i] = _required_factors(self._anchored[i].pattern, flags)
                else:
                    for w in words:
                        self._by_first.setdefault(w, []).append(i)
        self._by_text: dict[str, int] = {}
        if not regex:
            for i, e in enumerate(self.entries):
                self._by_text.setdefault(_SPACE.sub(" ", e if case_sensitive else e.lower()), i)
        self._case_sensitive = case_sensitive
        self._indexes: dict[str, int] = {}  # matched text -> entry, of regex entries (see _index)

    def _index(self, matched: str) -> int:
        known = self._indexes.get(matched)
        if known is not None:
            return known
        key = _SPACE.sub(" ", matched if self._case_sensitive else matched.lower())
        if key in self._by_text:
            return self._by_text[key]
        # a regex entry: the first whose pattern matches the whole text (remembered: cue texts recur)
        found = next((i for i, pat in enumerate(self._singles) if pat.fullmatch(matched)), -1)
        if len(self._indexes) < _INDEXES_KEPT:
            self._indexes[matched] = found
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Non-overlapping hits, left to right, between ``start`` and ``end``."""
        if self._any is None:
            return
        end = len(text) if end is None else end
        low = _ascii_lower(text) if self._lower_any is not None else None
        if low is not None:
            for m in self._lower_any.finditer(low, start, end):
                s, e = m.span()
                yield Hit(s, e, self._index(text[s:e]), text[s:e])
            return
        for m in self._any.finditer(text, start, end):
            yield Hit(m.start(), m.end(), self._index(m.group()), m.group())


    def finditer_tokens(self, text: str, tokens: Sequence[Span]) -> list[Hit]:
        """The hits of :meth:`finditer` (longest at each start, non-overlapping), found faster.

        Regex entries are tried only at tokens that can be their first word;
        the few entries whose first word cannot be listed are scanned for.
        Falls back to :meth:`finditer` for literal matchers.
        """
        if not self._anchored:
            return list(self.finditer(text))
        found: list[tuple[int, int, int]] = []
        by_first = self._by_first
        anchored = self._anchored
        for s, e in tokens:
            word = text[s:e].lower()
            idxs = by_first.get(word)
            if ("'" in word or "-" in word) and len(word) > 1:
                head = by_first.get(_SPLIT_HEAD.split(word, 1)[0])  # "we've" starts with "we"
                if head:
                    idxs = (idxs or []) + head
            if idxs:
                for i in idxs:
                    m = anchored[i].match(text, s)
                    if m and m.end() > s:
                        found.append((s, m.end(), i))
        if self._scan_only:
            found.extend(self.scan_only_hits(text, {s for s, _e in tokens}))
        return _non_overlapping(text, found)

    def scan_only_hits(self, text: str, starts: set[int] | Callable[[int], bool]) -> list[tuple[int, int, int]]:
        """``(start, end, entry)`` of the entries that cannot be indexed by a first word, at token ``starts``.

        Each entry's pattern is searched once through the text (position by position, so overlapping
        hits are all seen) instead of being tried at every token.
        """
        out = []
        is_start = starts.__contains__ if isinstance(starts, set) else starts
        lowered = lru_cache(maxsize=1)(text.lower)
        for i in self._scan_only:
            pattern = self._anchored[i]
            factors = self._factors[i]
            if factors is not None and not _may_contain(text, lowered, factors, pattern.flags):
                continue  # every match holds one of these strings, and the text holds none: no match
            pos = 0
            while (m := pattern.search(text, pos)) is not None:
                if m.end() > m.start() and is_start(m.start()):
                    out.append((m.start(), m.end(), i))
                pos = m.start() + 1
        return out


class MatcherGroup:
    """Several regex :class:`PhraseMatcher` scanned in one pass: each one's :meth:`PhraseMatcher.finditer` hits.

    A matcher's alternation tries its entries one by one at every word start. The group instead finds, with
    one regex over every possible first word of every entry, the few positions where an entry can start, and
    there tries the entries of that word in the alternation's order (one regex per word and matcher): the
    first that matches wins and the scan goes on after it, as in the alternation, so the hits are the same.
    Entries whose first word cannot be listed are searched for on their own, at word starts. A matcher the
    group cannot index (literal entries, non-ASCII first words), a text with a character that matches an
    ASCII letter case-insensitively (:data:`toolkit.text.ASCII_CASE_VARIANTS`) or an empty match falls
    back to the matcher's own scan.

    Examples
    --------
    >>> a = PhraseMatcher(["remind(?:s|ed)? of", "of"], regex=True)
    >>> b = PhraseMatcher(["the days of"], regex=True)
    >>> text = "It reminds of the days of old."
    >>> [[h.text for h in hits] for hits in MatcherGroup([a, b]).finditer(text, 0, len(text))]
    [['reminds of', 'of'], ['the days of']]
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self.matchers = list(matchers)
        # a first word is looked up lower-cased; one holding a character that is equal to an ASCII letter
        # case-insensitively (or the dot of a lower-cased İ) cannot be: such a matcher scans on its own
        odd = _text.ASCII_CASE_VARIANTS + "\u0307"
        self._indexed = [bool(m._anchored) and not any(c in w for w in m._by_first for c in odd)
                         for m in self.matchers]
        index: dict[str, list[tuple[int, int, int]]] = {}  # first word -> (matcher, rank, entry), sorted
        for k, m in enumerate(self.matchers):
            if self._indexed[k]:
                for word, idxs in m._by_first.items():
                    index.setdefault(word, []).extend((k, m._rank[i], i) for i in idxs if i in m._rank)
        self._index = {w: sorted(c) for w, c in index.items() if w and c}
        # first words beyond ASCII: compared case-insensitively as the regex engine does, not lower-cased
        self._wide = [(re.compile(re.escape(w), re.IGNORECASE), w) for w in self._index if not w.isascii()]
        # first word -> per matcher, one pattern: its entries of that word in the alternation's order
        self._gates: dict[str, list[tuple[int, Callable[[str, int, int], re.Match[str] | None]]]] = {}
        for word, cands in self._index.items():
            by_matcher: dict[int, list[int]] = {}
            for k, _rank, i in cands:
                by_matcher.setdefault(k, []).append(i)
            self._gates[word] = [(k, _first_of([self.matchers[k]._anchored[i] for i in idxs]))
                                 for k, idxs in by_matcher.items()]
        # the scan-only entries, searched for at word starts only (where the alternation tries them)
        # (matcher, rank, pattern, strings one of which every match holds: None, or lower-cased when the
        # pattern ignores case; whether it does)
        self._scan: list[tuple[int, int, re.Pattern[str], tuple[str, ...] | None, bool]] = []
        for k, m in enumerate(self.matchers):
            for i in m._scan_only if self._indexed[k] else ():
                if i in m._rank:
                    pattern = re.compile(rf"(?<!\w)(?:{m._anchored[i].pattern})", m._anchored[i].flags)
                    factors = m._factors[i]
                    if factors is not None and pattern.flags & re.IGNORECASE:
                        factors = tuple(f.lower() for f in factors) if all(f.isascii() for f in factors) else None
                    self._scan.append((k, m._rank[i], pattern, factors, bool(pattern.flags & re.IGNORECASE)))
        # a position where one of the first words starts, followed by the matchers' word boundary; the run of
        # word characters there is captured (the first word is the run or a part of it cut at ' or -)
        starts = rf"(?<!\w)(?=(?:{_trie_pattern(list(self._index))})(?:(?<=\W)|(?!\w)))(?=([\w'-]+))"
        self._starts = re.compile(starts, re.IGNORECASE) if self._index else None
        # the first words are in lower case: in an ASCII text, the same positions as the exact pattern finds in
        # the lower-cased text (scanned faster; see PhraseMatcher)
        self._lower_starts = (re.compile(starts) if self._index and all(w.lower() == w for w in self._index)
                              else None)

    def finditer(self, text: str, start: int, end: int, which: Sequence[int] | None = None) -> list[list[Hit]]:
        """For each matcher of ``which`` (indices, default all): ``list(matcher.finditer(text, start, end))``."""
        which = range(len(self.matchers)) if which is None else which
        wanted = {k for k in which if self._indexed[k]}
        if self._starts is None or not wanted or _CASE_VARIANT.search(text, start, end) is not None:
            return [list(self.matchers[k].finditer(text, start, end)) for k in which]
        scanned = self._scan_only(text, start, end, wanted)
        found_by: dict[int, list[Hit]] = {k: [] for k in wanted}
        last = dict.fromkeys(wanted, -1)
        empty: set[int] = set()
        gates, matchers = self._gates, self.matchers
        low = _ascii_lower(text) if self._lower_starts is not None else None
        if low is not None:
            found = self._lower_starts.finditer(low, start, end)
        else:
            found = self._starts.finditer(text, start, end)
        events: Iterable[tuple[int, str]] = (m.span(1) for m in found)
        if scanned:  # no indexed entry can start where the first-word pattern does not fire
            spans = dict(events)
            events = sorted((p, text[p : spans[p]] if p in spans else "") for p in spans.keys() | scanned.keys())
        else:
            events = ((p, text[p:e]) for p, e in events)
        for p, run in events:
            if p in scanned or "'" in run or "-" in run or not run.isascii():
                best = self._first_entries(text, p, end, run, scanned.get(p, ()), wanted, last)
            else:  # one first word and no other entry can start here: the word's patterns decide
                best = {}
                for k, gate in gates.get(run.lower(), ()):
                    if k in wanted and p >= last[k] and (got := gate(text, p, end)) is not None:
                        best[k] = got.end()
            for k, e in best.items():
                if e == p:
                    empty.add(k)
                found_by[k].append(Hit(p, e, matchers[k]._index(text[p:e]), text[p:e]))
                last[k] = e
        return [found_by[k] if k in wanted and k not in empty else list(matchers[k].finditer(text, start, end))
                for k in which]

    def _scan_only(self, text: str, start: int, end: int, wanted: set[int]
                   ) -> dict[int, list[tuple[int, int, int]]]:
        """Position -> (matcher, rank, end) of the scan-only entries that match there."""
        out: dict[int, list[tuple[int, int, int]]] = {}
        lowered: str | None = None
        for k, rank, pattern, factors, ignore_case in self._scan:
            if k not in wanted:
                continue
            if factors is not None:
                if ignore_case:  # ASCII factors, no ASCII case variant in the text
                    lowered = text[start:end].lower() if lowered is None else lowered
                    if not any(f in lowered for f in factors):
                        continue
                elif not any(f in text[start:end] for f in factors):
                    continue
            pos = start
            while (found := pattern.search(text, pos, end)) is not None:
                out.setdefault(found.start(), []).append((k, rank, found.end()))
                pos = found.start() + 1
        return out

    def _first_entries(self, text: str, p: int, end: int, run: str, scanned: Sequence[tuple[int, int, int]],
                       wanted: set[int], last: dict[int, int]) -> dict[int, int]:
        """Matcher -> end of the first entry in its alternation's order that matches at ``p`` (the slow path)."""
        keys = [run] + [run[: j + d] for j, ch in enumerate(run) if ch in "'-" for d in (0, 1)] if run else []
        best: dict[int, tuple[int, int]] = {}  # matcher -> (rank, end)
        for k, rank, e in scanned:
            if p >= last[k] and (k not in best or rank < best[k][0]):
                best[k] = (rank, e)
        words = [key.lower() if key.isascii() else w for key in dict.fromkeys(keys)
                 for w in ([key] if key.isascii() else [w for pat, w in self._wide if pat.fullmatch(key)])]
        for k, rank, i in sorted(c for w in words for c in self._index.get(w, ())):
            if k not in wanted or p < last[k] or (k in best and best[k][0] <= rank):
                continue
            if (got := self.matchers[k]._anchored[i].match(text, p, end)) is not None:
                best[k] = (rank, got.end())
        return {k: e for k, (_rank, e) in sorted(best.items())}


#: a character equal to an ASCII letter case-insensitively (:data:`toolkit.text.ASCII_CASE_VARIANTS`)
_CASE_VARIANT = re.compile(f"[{_text.ASCII_CASE_VARIANTS}]")


def _first_of(patterns: list[re.Pattern[str]]) -> Callable[[str, int, int], re.Match[str] | None]:
    """``match(text, pos, end)`` of the first of ``patterns`` that matches there: one regex where they can join."""
    if len(patterns) == 1:
        return patterns[0].match
    if len({p.flags for p in patterns}) == 1 and not any(_GROUP_REFERENCE.search(p.pattern) for p in patterns):
        try:
            return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags).match
        except re.error:  # e.g. a pattern with global inline flags, which must open the whole pattern
            pass

    def first(text: str, pos: int, end: int) -> re.Match[str] | None:
        for p in patterns:
            if (m := p.match(text, pos, end)) is not None:
                return m
        return None

    return first


def _non_overlapping(text: str, found: list[tuple[int, int, int]]) -> list[Hit]:
    """Left to right, the longest hit at each start, skipping hits that overlap a kept one."""
    found.sort(key=lambda x: (x[0], -x[1], x[2]))
    out: list[Hit] = []
    last = -1
    for s, e, i in found:
        if s >= last:
            out.append(Hit(s, e, i, text[s:e]))
            last = e
    return out


class DocContext:
    """One document as the detectors see it (normalised text, sentences, tokens, lexicons).

    ``lexicons`` are users' :class:`~toolkit.lexicons.Lexicon` records that
    replace packaged files of the same name; detectors read every lexicon
    through :meth:`lexicon`.

    Examples
    --------
    >>> ctx = DocContext(Document("He said \u201cno\u201d. Then he left."))
    >>> ctx.text
    'He said "no". Then he left.'
    >>> [ctx.text[s:e] for s, e in ctx.sentences]
    ['He said "no".', 'Then he left.']
    """

    def __init__(self, doc: Document, lexicons: Sequence[lexicons.Lexicon] = ()) -> None:
        self.doc = doc
        self.norm = doc.normalized
        self.text = self.norm.text
        self._lexicons = {lex.name: lex for lex in lexicons}

    def lexicon(self, name: str) -> lexicons.Lexicon:
        """The lexicon ``name`` this document is matched with: the user's if given, else the packaged file."""
        return self._lexicons.get(name) or lexicons.packaged(name)

    # ----------------------------------------------------------------- offsets
    def to_norm(self, i: int) -> int:
        """Normalised position of original offset ``i``."""
        if self.norm.offsets is None:
            return i
        return bisect_left(self.norm.offsets, i)

    def to_original(self, start: int, end: int) -> Span:
        """Original ``(start, end)`` of a normalised span."""
        return self.norm.span_to_original(start, end)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans in normalised offsets."""
        if self.norm.offsets is None:
            return list(self.doc.sentences)
        return [(self.to_norm(s), self.to_norm(e)) for s, e in self.doc.sentences]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing normalised ``pos`` (-1 before the first)."""
        return bisect_right(self._sentence_starts, pos) - 1

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraph spans in normalised offsets."""
        if self.norm.offsets is None:
            return list(self.doc.paragraphs)
        return [(self.to_norm(s), self.to_norm(e)) for s, e in self.doc.paragraphs]

    @cached_property
    def tokens(self) -> list[Span]:
        """Token spans of the normalised text (the pattern of :func:`toolkit.text.token_spans`, run directly)."""
        return [m.span() for m in _TOKEN.finditer(self.text)]

    @cached_property
    def token_starts(self) -> set[int]:
        """Start offsets of :attr:`tokens`."""
        return {s for s, _e in self.tokens}

    def is_token_start(self, pos: int) -> bool:
        """Whether a token starts at normalised ``pos`` (same answer as ``pos in token_starts``).

        Tokens never contain white space, so only the run of non-space characters around ``pos`` is
        tokenised (whole: a hyphen's token depends on what follows it); a run longer than
        :data:`_RUN_LOOKBACK` either way falls back to the document's tokens.
        """
        text = self.text
        lo, hi = max(0, pos - _RUN_LOOKBACK), min(len(text), pos + _RUN_LOOKBACK)
        before = _LAST_SPACE.search(text, lo, pos)
        after = _SPACE.search(text, pos, hi)
        if (before is None and lo > 0) or (after is None and hi < len(text)):
            return pos in self.token_starts
        start = before.end() if before is not None else lo
        for t in _TOKEN.finditer(text, start, after.start() if after is not None else hi):
            if t.start() >= pos:
                return t.start() == pos
        return False

    @cached_property
    def sentence_words(self) -> list[list[tuple[int, int, str]]]:
        """For each sentence, its word tokens as ``(start, end, lower-cased text)`` (the toolkit's token pattern)."""
        text = self.text
        if text.isascii():
            low = text.lower()
            return [[(m.start(), m.end(), m.group()) for m in _WORD_TOKEN_ASCII.finditer(low, s, e)]
                    for s, e in self.sentences]
        scanner = _text.word_scanner(text, 0, len(text))  # re where it finds the same words (faster), else regex
        return [
            [(m.start(), m.end(), m.group().lower()) for m in scanner.finditer(text, s, e)]
            for s, e in self.sentences
        ]

    @cached_property
    def sentence_lower(self) -> list[list[str]]:
        """For each sentence, the lower-cased words of :attr:`sentence_words` alone (built once, read by several
        detectors)."""
        return [list(map(_third, sw)) for sw in self.sentence_words]

    def words_between(self, start: int, end: int) -> int:
        """Number of words (``\\w+`` runs) in the normalised slice."""
        if end <= start:
            return 0
        return sum(1 for _ in _WORD.finditer(self.text, start, end))

    # ----------------------------------------------------------------- rows
    def row(self, start: int, end: int, device: str, cue: str, explanation: str, **extra: Any) -> dict[str, Any]:
        """An output row for the normalised span ``[start, end)``."""
        s, e = self.to_original(start, end)
        return {
            "start": s, "end": e, "device": device, "text": self.doc.text[s:e], "cue": cue,
            "explanation": explanation, **extra,
        }


_CLAUSE_EDGE = re.compile(r"[,;:.!?]")


def clause_span(ctx: DocContext, start: int, end: int) -> Span:
    """The clause around a normalised span: out to the nearest punctuation mark inside its sentence.

    Examples
    --------
    >>> ctx = DocContext(Document("Well, there is no alternative, he said."))
    >>> s, e = clause_span(ctx, 15, 29)
    >>> ctx.text[s:e]
    'there is no alternative'
    """
    si = ctx.sentence_of(start)
    if si < 0:
        return start, end
    ss, se = ctx.sentences[si]
    left = ss
    for m in _CLAUSE_EDGE.finditer(ctx.text, ss, start):
        left = m.end()
    m = _CLAUSE_EDGE.search(ctx.text, end, se)
    right = m.start() if m else se
    while left < start and ctx.text[left] in " \"'":
        left += 1
    return left, max(right, end)


_FUNCTION_CLASSES = {"determiner", "preposition", "conjunction", "auxiliary", "pronoun", "contraction", "modal",
                     "negated_auxiliary"}
_WORDLIKE = re.compile(r"\w")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(r["word"] for r in lexicons.load("stopwords") if r["class"] in _FUNCTION_CLASSES)


@lru_cache(maxsize=65536)
def is_content(word: str) -> bool:
    """Whether a lower-cased word is a content word: not a function word of ``stopwords.tsv``, not a number.

    Examples
    --------
    >>> is_content("far"), is_content("that"), is_content("1990")
    (True, False, False)
    """
    return word not in _function_words() and not word.isdigit() and _WORDLIKE.search(word) is not None


def quoted(s: str, limit: int = 80) -> str:
    """A phrase in typographic quotes for explanations, shortened to ``limit`` characters.

    Examples
    --------
    >>> quoted("very far, very far")
    '“very far, very far”'
    """
    s = " ".join(s.split())  # (white space runs as one space, none at the ends)
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return f"“{s}”"


@lru_cache(maxsize=64)
def lexicon_matcher(lex: lexicons.Lexicon | str) -> tuple[PhraseMatcher, tuple[dict[str, str], ...]]:
    """The matcher of a cue lexicon (columns ``cue; class; note``) and its rows; a name means the packaged file.

    Examples
    --------
    >>> m, rows = lexicon_matcher("boosters")
    >>> [rows[h.index]["cue"] for h in m.finditer("It is certainly true.")]
    ['certainly']
    """
    if isinstance(lex, str):
        lex = lexicons.packaged(lex)
    return PhraseMatcher([r["cue"] for r in lex.rows], regex=True, name=lex.label), lex.rows


#: cue lexicons the detectors use; their hits are found in one pass over a document's tokens
CUE_LEXICONS = (
    "hedges", "boosters", "us_them", "flag_waving", "thought_terminating_cliches", "slogans", "black_and_white",
    "whataboutism", "name_calling", "doubt", "exaggeration", "fear", "appeal_to_authority", "causal_oversimplification",
)


#: a pattern that refers to its own groups by number or name cannot join an alternation of other patterns
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _gate(word: str, patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches at a position exactly when one of ``patterns`` does (None: no gain or not possible).

    Tried before the patterns of a common first word ("the" opens 14 cue entries): where it fails (nearly
    everywhere), none of them is tried. No gate when one of them is the word alone ("we"): it would always pass.
    """
    if len(patterns) < 2 or len({p.flags for p in patterns}) != 1 \
            or any(_GROUP_REFERENCE.search(p.pattern) for p in patterns) \
            or any(p.match(word + " ") for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # e.g. a pattern with global inline flags, which must open the whole pattern
        return None


@lru_cache(maxsize=16)
def _union_index(lexs: tuple[lexicons.Lexicon, ...]
                 ) -> tuple[dict[str, list[tuple[str, int]]], dict[str, re.Pattern[str] | None]]:
    """First word -> the (lexicon, entry) pairs it may open, and -> the gate of their patterns."""
    index: dict[str, list[tuple[str, int]]] = {}
    matchers = {lex.name: lexicon_matcher(lex)[0] for lex in lexs}
    for lex in lexs:
        for word, idxs in matchers[lex.name]._by_first.items():
            index.setdefault(word, []).extend((lex.name, i) for i in idxs)
    gates = {word: _gate(word, [matchers[name]._anchored[i] for name, i in cands]) for word, cands in index.items()}
    return index, gates


def _all_cue_hits(ctx: DocContext) -> dict[str, list[Hit]]:
    cached = ctx.__dict__.get("_cue_hits")
    if cached is not None:
        return cached
    lexs = tuple(ctx.lexicon(name) for name in CUE_LEXICONS)
    index, gates = _union_index(lexs)
    text = ctx.text
    found: dict[str, list[tuple[int, int, int]]] = {name: [] for name in CUE_LEXICONS}
    matchers = {lex.name: lexicon_matcher(lex)[0] for lex in lexs}
    for s, _e, word in chain.from_iterable(ctx.sentence_words):
        cands = index.get(word)
        split = ("'" in word or "-" in word) and len(word) > 1
        if cands is None and not split:
            continue  # most words open no entry
        if cands is not None and (gate := gates[word]) is not None and gate.match(text, s) is None:
            cands = None  # none of the entries this word opens matches here
        if split:
            first = _SPLIT_HEAD.split(word, 1)[0]
            head = index.get(first)  # "we've" starts with "we"
            if head and (gate := gates[first]) is not None and gate.match(text, s) is None:
                head = None
            if head:
                cands = (cands or []) + head
        if cands:
            for name, i in cands:
                m = matchers[name]._anchored[i].match(text, s)
                if m and m.end() > s:
                    found[name].append((s, m.end(), i))
    out: dict[str, list[Hit]] = {}
    for name, hits in found.items():
        matcher = matchers[name]
        if matcher._scan_only:  # entries whose first word cannot be listed
            hits.extend(matcher.scan_only_hits(text, ctx.is_token_start))
        out[name] = _non_overlapping(text, hits)
    ctx.__dict__["_cue_hits"] = out
    return out


def lexicon_hits(ctx: DocContext, name: str) -> Iterator[tuple[Hit, dict[str, str]]]:
    """Every hit of a cue lexicon in the document's normalised text, with its row.

    Examples
    --------
    >>> ctx = DocContext(Document("It is certainly true, and we've seen it."))
    >>> [(h.text, row["class"]) for h, row in lexicon_hits(ctx, "boosters")]
    [('certainly', 'adverb')]
    """
    matcher, rows = lexicon_matcher(ctx.lexicon(name))
    hits = _all_cue_hits(ctx)[name] if name in CUE_LEXICONS else matcher.finditer_tokens(ctx.text, ctx.tokens)
    for h in hits:
        yield h, rows[h.index]
