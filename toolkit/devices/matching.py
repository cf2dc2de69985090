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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from .. import lexicons
from .. import text as _text
from ..corpus import Document
from ..errors import LexiconError

Span = tuple[int, int]
_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"\w")
_SPACE = re.compile(r"\s+")


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
        if regex:
            # longest first so that the longest pattern wins at a given start
            order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
            alternation = "|".join(f"(?:{pieces[i]})" for i in order if pieces[i])
        else:
            alternation = _trie_pattern([e for e in self.entries if e.strip()])
        self._any = re.compile(rf"(?<!\w)(?:{alternation})(?:(?<=\W)|(?!\w))", flags) if alternation else None
        self._by_text: dict[str, int] = {}
        if not regex:
            for i, e in enumerate(self.entries):
                self._by_text.setdefault(_SPACE.sub(" ", e if case_sensitive else e.lower()), i)
        self._case_sensitive = case_sensitive

    def _index(self, matched: str) -> int:
        key = _SPACE.sub(" ", matched if self._case_sensitive else matched.lower())
        if key in self._by_text:
            return self._by_text[key]
        for i, pat in enumerate(self._singles):
            if pat.fullmatch(matched):
                return i
        return -1  # pragma: no cover - the alternation only matches its own entries

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Non-overlapping hits, left to right, between ``start`` and ``end``."""
        if self._any is None:
            return
        for m in self._any.finditer(text, start, len(text) if end is None else end):
            yield Hit(m.start(), m.end(), self._index(m.group()), m.group())


class DocContext:
    """One document as the detectors see it (normalised text, sentences, tokens).

    Examples
    --------
    >>> ctx = DocContext(Document("He said \u201cno\u201d. Then he left."))
    >>> ctx.text
    'He said "no". Then he left.'
    >>> [ctx.text[s:e] for s, e in ctx.sentences]
    ['He said "no".', 'Then he left.']
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.norm = doc.normalized
        self.text = self.norm.text

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
        """Token spans of the normalised text."""
        return _text.token_spans(self.text)

    @cached_property
    def sentence_tokens(self) -> list[list[Span]]:
        """For each sentence, its token spans (one pass over both sorted lists)."""
        out: list[list[Span]] = [[] for _ in self.sentences]
        k = 0
        toks = self.tokens
        for i, (s, e) in enumerate(self.sentences):
            while k < len(toks) and toks[k][0] < s:
                k += 1
            j = k
            while j < len(toks) and toks[j][1] <= e:
                out[i].append(toks[j])
                j += 1
            k = j
        return out

    @cached_property
    def sentence_words(self) -> list[list[tuple[int, int, str]]]:
        """For each sentence, its word tokens as ``(start, end, lower-cased text)``."""
        text = self.text
        return [
            [(a, b, text[a:b].lower()) for a, b in toks if _WORD_START.match(text, a)] for toks in self.sentence_tokens
        ]

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


def quoted(s: str, limit: int = 80) -> str:
    """A phrase in typographic quotes for explanations, shortened to ``limit`` characters.

    Examples
    --------
    >>> quoted("very far, very far")
    '“very far, very far”'
    """
    s = _SPACE.sub(" ", s).strip()
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return f"“{s}”"


@cache
def lexicon_matcher(name: str) -> tuple[PhraseMatcher, tuple[dict[str, str], ...]]:
    """The matcher of a packaged cue lexicon (columns ``cue; class; note``) and its rows.

    Examples
    --------
    >>> m, rows = lexicon_matcher("boosters")
    >>> [rows[h.index]["cue"] for h in m.finditer("It is certainly true.")]
    ['certainly']
    """
    rows = lexicons.load(name)
    return PhraseMatcher([r["cue"] for r in rows], regex=True, name=f"{name}.tsv"), rows


def lexicon_hits(ctx: DocContext, name: str) -> Iterator[tuple[Hit, dict[str, str]]]:
    """Every hit of a cue lexicon in the document's normalised text, with its row."""
    matcher, rows = lexicon_matcher(name)
    for h in matcher.finditer(ctx.text):
        yield h, rows[h.index]
