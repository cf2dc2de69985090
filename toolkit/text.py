r"""Text units with character offsets into the original text.

* :func:`normalize` unifies typographic quotes, apostrophes, dashes and spaces
  (table: ``data/lexicons/characters.tsv``) and keeps a map back to the
  original offsets, so detectors may match on the normalised view and still
  report offsets into the text the user gave.
* :func:`paragraph_spans` splits on blank lines when a text has them (wire and
  UN texts hard-wrap lines inside paragraphs), else on line breaks.
* :func:`sentence_spans` runs NLTK's Punkt splitter (English model prepared
  offline by :mod:`toolkit.langdata`, plus the abbreviations in
  ``data/lexicons/abbreviations.tsv``) inside each paragraph.
* :func:`token_spans` uses NLTK's ``RegexpTokenizer`` with one linear-time
  pattern: acronyms (``U.S.``), numbers (``5,000``, ``3.5``), words with inner
  hyphens or apostrophes kept whole (``US-led``, ``don't``, ``Libya's``) and
  single punctuation marks.

**The word model** (one definition for every count in the toolkit): a *word*
is a token that holds a letter, digit or combining mark (:func:`is_word`).
:func:`words` and :func:`word_spans` give exactly the tokens of
:func:`token_spans` without the punctuation, in one pass, and
``Document.words`` / ``Document.word_spans`` cache them per document; the
lexical profile, frequencies, keyness, collocations, dispersion, KWIC and the
speaker word counts all count these. The patterns are compiled with the
``regex`` engine, as NLTK's tokenizer compiles them, so ``\w`` is Unicode's
word class *including combining marks*: "नमस्ते" and a decomposed (NFD)
"café" stay one word (Python's ``re`` would cut them at the marks).

All spans are ``(start, end)`` tuples, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import Any

import regex

from . import langdata, lexicons

Span = tuple[int, int]

LINE_BREAK = r"(?:\r\n|\r(?!\n)|[\n\x0b\x0c\x85\u2028\u2029])"
_BLANK_LINE = re.compile(rf"{LINE_BREAK}[^\S\r\n\x0b\x0c\x85\u2028\u2029]*{LINE_BREAK}")
_PARA_SPLIT_BLANK = re.compile(rf"(?:{LINE_BREAK}[^\S\r\n\x0b\x0c\x85\u2028\u2029]*){{2,}}")
_PARA_SPLIT_LINE = re.compile(LINE_BREAK)
#: the characters every match of the three patterns above starts with
_BREAK_CHAR = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]")


def _spans_at_breaks(pattern: re.Pattern[str], text: str, first: bool = False) -> list[Span]:
    """``[m.span() for m in pattern.finditer(text)]`` for a pattern whose matches start with a line break.

    The line-break alternation gives the regex engine no first character to skip to, so a plain
    ``finditer`` tries the pattern at every position; here it is tried only at the line-break characters
    (the same matches: no match can start elsewhere). ``first``: stop after the first match.
    """
    out: list[Span] = []
    pos = 0
    match = pattern.match
    if any(c in text for c in _OTHER_BREAK_CHARS):
        search = _BREAK_CHAR.search

        def find(_: str, start: int) -> int:
            b = search(text, start)
            return -1 if b is None else b.start()
    else:  # only "\n" breaks lines: str.find goes from one to the next many times faster than the class search
        find = text.find
    while (b := find("\n", pos)) >= 0:
        m = match(text, b)
        if m is None:
            pos = b + 1
            continue
        out.append(m.span())
        if first:
            break
        pos = m.end()
    return out


#: the line-break characters of :data:`_BREAK_CHAR` other than "\n"
_OTHER_BREAK_CHARS = "\r\x0b\x0c\x85\u2028\u2029"
_NON_SPACE = re.compile(r"\S")
#: the characters beyond ASCII that a case-insensitive pattern matches with an ASCII letter (İ, ı, ſ and the
#: Kelvin sign): a shortcut that compares lower-cased ASCII must not skip a text holding one (tests check the
#: list against every code point)
ASCII_CASE_VARIANTS = "\u0130\u0131\u017f\u212a"

TOKEN_PATTERN = (
    r"(?:[^\W\d_\u200c\u200d]\.){2,}"  # acronyms with dots: U.S., e.g.
    r"|\d+(?:[.,:/]\d+)*"  # numbers: 5,000 3.5 9/11 10:30
    # words, hyphenated words and contractions kept whole; a word starts with a
    # letter, digit or mark, never with a zero-width joiner (emoji sequences)
    r"|[^\W\u200c\u200d]\w*(?:[-'\u2019]\w+)*"
    r"|[^\w\s]"  # any other single non-space character
)
#: the tokenizer's word alternatives alone: the same word tokens, without a filtering pass; every one starts
#: with a word character, so a look-ahead for one skips the other positions before trying the alternatives
#: (the same matches, a quarter less time: scripts/bench_lexical.py)
WORD_PATTERN = r"(?=\w)(?:" + TOKEN_PATTERN.removesuffix(r"|[^\w\s]") + ")"
_TOKENS = regex.compile(TOKEN_PATTERN)
_WORDS = regex.compile(WORD_PATTERN)
#: the word pattern in Python's ``re``, which scans it faster: the same words in a text whose characters
#: the two engines put in the same classes (:func:`word_scanner`)
_WORDS_RE = re.compile(WORD_PATTERN)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_START = regex.compile(r"\w")


# --------------------------------------------------------------------------- normalise


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of a text with a map back to original offsets.

    Attributes
    ----------
    text
        The normalised text.
    offsets
        ``None`` when normalisation kept every character in place (the usual
        case: the mapping is the identity); else a sequence (a compact
        ``array`` of unsigned ints, 4 bytes a character) giving, for each
        normalised position ``i`` (and ``len(text)``), the original offset.

    Examples
    --------
    >>> n = normalize("He said \u201cno\u2026\u201d")
    >>> n.text
    'He said "no..."'
    >>> n.span_to_original(8, 15)
    (8, 13)
    """

    text: str
    offsets: Sequence[int] | None = None

    def to_original(self, i: int) -> int:
        """Original offset of normalised position ``i`` (0 ≤ i ≤ len)."""
        return i if self.offsets is None else self.offsets[i]

    def span_to_original(self, start: int, end: int) -> Span:
        """Original ``(start, end)`` of a normalised span, end exclusive."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        # the end maps from the last character inside the span, so a span that
        # ends inside an expansion (… → ...) still covers the whole character
        return self.offsets[start], self.offsets[end - 1] + 1 if end > 0 else 0


@lru_cache(maxsize=1)
def _char_table() -> tuple[dict[str, str], re.Pattern[str], dict[int, str], re.Pattern[str]]:
    one_to_one: dict[str, str] = {}
    other: dict[int, str] = {}
    for row in lexicons.load("characters"):
        cp = int(row["codepoint"].removeprefix("U+"), 16)
        rep = {"<space>": " ", "<none>": ""}.get(row["replacement"], row["replacement"])
        if len(rep) == 1:
            one_to_one[chr(cp)] = rep
        else:
            other[cp] = rep
    # a character class + dict lookup is ~10x faster than str.translate on long texts
    simple = re.compile("[" + "".join(re.escape(c) for c in sorted(one_to_one)) + "]")
    pattern = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(other)) + "]")
    return one_to_one, simple, other, pattern


def normalize(text: str) -> Normalized:
    """Unify quotes, apostrophes, dashes and spaces; keep an offset map.

    Parameters
    ----------
    text
        Any string.

    Returns
    -------
    Normalized
        The normalised text and its map to original offsets.

    Examples
    --------
    >>> normalize("\u2018jihadists\u2019 \u2013 \u00abnon\u00bb").text
    '\\'jihadists\\' - "non"'
    """
    one_to_one, simple, other, pattern = _char_table()
    out = simple.sub(lambda m: one_to_one[m.group()], text)
    # (the few characters that grow or go, each looked for by ``in``: several times faster than the class search)
    if not any(chr(c) in out for c in other):
        return Normalized(out)
    pieces: list[str] = []
    offsets = array("I" if len(out) < 2**32 else "Q")
    last = 0
    for m in pattern.finditer(out):
        s = m.start()
        pieces.append(out[last:s])
        offsets.extend(range(last, s))
        rep = other[ord(m.group())]
        pieces.append(rep)
        offsets.extend([s] * len(rep))
        last = s + 1
    pieces.append(out[last:])
    offsets.extend(range(last, len(out) + 1))
    return Normalized("".join(pieces), offsets)


# --------------------------------------------------------------------------- units


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """Shrink a span to exclude leading and trailing white space."""
    m = _NON_SPACE.search(text, start, end)
    if m is None:
        return None
    s = m.start()
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_TERMINAL = re.compile(r"[.!?\u2026:][\"'\u201d\u2019)\]]{0,3}$")
#: lines at most this long, in a text whose lines are all this short, are taken as hard-wrapped
WRAP_WIDTH = 100


_LAST_WORD = re.compile(r"(\w+)\.$")


def _ends_sentence(line: str) -> bool:
    """Sentence-final punctuation at the end of ``line``, not the dot of an abbreviation (``Mr.``, ``Dr.``)."""
    tail = line.rstrip()[-24:]  # a bounded tail keeps this linear; abbreviations are short
    if _TERMINAL.search(tail) is None:
        return False
    m = _LAST_WORD.search(tail)
    return m is None or m.group(1).lower() not in _punkt()._params.abbrev_types


def _is_soft_wrap(prev: str, nxt: str, width: int, terminal: bool | None = None) -> bool:
    """Does the line break between lines ``prev`` and ``nxt`` continue the same paragraph?

    Always when the sentence visibly goes on (``prev`` has no sentence-final
    punctuation and ``nxt`` starts in lower case). In a hard-wrapped text
    (``width > 0``: every line at most :data:`WRAP_WIDTH` characters) also
    whenever ``prev`` does not end a sentence, or ends one on a full-width line
    and ``nxt`` is not indented: a paragraph break there shows as a short line
    or an indent. ``terminal``: ``_ends_sentence(prev)`` when the caller has it.
    """
    if terminal is None:
        terminal = _ends_sentence(prev)
    first = nxt.lstrip()[:1]
    if not terminal and first.islower():
        return True
    if width == 0 or not first:
        return False
    if not terminal:
        return True
    indented = nxt[:1].isspace()
    return not indented and len(prev.rstrip()) >= 0.8 * width


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as ``(start, end)`` spans, white space trimmed.

    A text that contains a blank line is split on blank lines (line breaks
    inside a block are hard wraps). A text without one is split at line
    breaks (one paragraph per line, as in the seed article), except where the
    line break is a hard wrap inside a sentence or a paragraph
    (:func:`_is_soft_wrap`): plain-text e-books, e-mails and typed-up
    examples wrap lines at a fixed width, and those line breaks must not end
    a paragraph or a sentence.

    Examples
    --------
    >>> paragraph_spans("One.\\nTwo.")
    [(0, 4), (5, 9)]
    >>> paragraph_spans("One\\nwrapped.\\n\\nTwo.")
    [(0, 12), (14, 18)]
    >>> paragraph_spans("The budget for the coming\\nyear was approved.\\nThe end.")
    [(0, 44), (45, 53)]
    """
    if _spans_at_breaks(_BLANK_LINE, text, first=True):
        breaks = _spans_at_breaks(_PARA_SPLIT_BLANK, text)
    else:
        breaks = _spans_at_breaks(_PARA_SPLIT_LINE, text)
        if breaks:
            starts = [0, *(e for _, e in breaks)]
            ends = [*(s for s, _ in breaks), len(text)]
            width = max(e - s for s, e in zip(starts, ends, strict=True))
            # hard-wrapped: short lines, most of which stop mid-sentence (one-paragraph-per-line text never does)
            terminal = [_ends_sentence(text[s:e]) for s, e in zip(starts[:-1], ends[:-1], strict=True)]
            open_ends = len(terminal) - sum(terminal)
            width = width if width <= WRAP_WIDTH and len(breaks) >= 2 and 2 * open_ends >= len(breaks) else 0
            breaks = [b for i, b in enumerate(breaks) if not _is_soft_wrap(
                text[starts[i]:ends[i]], text[starts[i + 1]:ends[i + 1]], width, terminal[i])]
    spans = []
    last = 0
    for s, e in breaks:
        span = _trimmed(text, last, s)
        if span:
            spans.append(span)
        last = e
    span = _trimmed(text, last, len(text))
    if span:
        spans.append(span)
    return spans


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    langdata.ensure()
    tokenizer = PunktTokenizer("english")
    tokenizer._params.abbrev_types.update(
        row["abbreviation"] for row in lexicons.load("abbreviations")
    )
    tokenizer.text_contains_sentbreak = _plain_breaks_first(tokenizer)
    tokenizer._lang_vars = _stdlib_patterns(type(tokenizer._lang_vars))()
    return tokenizer


#: the characters the ``regex`` engine's ``\s`` takes (Unicode's White_Space); Python's ``re`` takes
#: the separators ``\x1c``-``\x1f`` as well, so its ``\s`` and ``\S`` are spelled out with this set
UNICODE_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _as_stdlib(pattern: str) -> str:
    r"""A pattern of NLTK's written for ``regex``, with ``\s`` and ``\S`` as classes that ``re`` reads alike."""
    return pattern.replace(r"\s", f"[{UNICODE_SPACE}]").replace(r"\S", f"[^{UNICODE_SPACE}]")


def _stdlib_patterns(base: type) -> type:
    r"""Punkt's language variables with its two per-paragraph patterns compiled by ``re``.

    NLTK compiles every pattern with the ``regex`` engine under a time limit, a guard against
    patterns that backtrack; the candidate-break pattern (an end mark and a look-ahead at the next
    token) and the realignment pattern (closing marks after a break) are linear, and ``re`` runs
    them in about half the time (Punkt over the UN sample's paragraphs: 0.104 → 0.053 s). The same
    pattern strings (``\s``/``\S`` as the ``regex`` set, :data:`UNICODE_SPACE`), the same flags: the
    same matches. Subclassing the language variables is NLTK's own way to change them.
    """
    realign = base.re_boundary_realignment

    class StdlibPatterns(base):  # type: ignore[misc, valid-type]
        __slots__ = ()
        re_boundary_realignment = re.compile(_as_stdlib(realign.pattern), realign.flags & _RE_FLAGS)

        def period_context_re(self) -> re.Pattern[str]:
            try:
                return self._re_period_context
            except AttributeError:
                found = super().period_context_re()
                self._re_period_context = re.compile(_as_stdlib(found.pattern), found.flags & _RE_FLAGS)
                return self._re_period_context

    return StdlibPatterns


#: the flags ``re`` and ``regex`` share (NLTK's patterns use ``VERBOSE`` and ``MULTILINE``; ``UNICODE`` is
#: ``re``'s default for str patterns)
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE


#: a candidate break "word. Next" / "word? Next" / 'word."': letters (hyphenated words too), one end
#: mark, then white space and a token or a closing mark
_PLAIN_END = re.compile(r"([A-Za-z]{2,}(?:-[A-Za-z]+)*)([.?!])(?:\s+\S+|[\")\]])")
#: a candidate break after a number, "142. The" (numbered paragraphs): digits, a dot, white space, a word
_NUMBER_END = re.compile(r"(\d+)\.\s+([A-Za-z]+)")
#: a candidate break after a word's dot, the word not glued to a letter before it ("‘Mr. President", not
#: "Vermögen. Die")
_TITLE_END = re.compile(r"(?<![^\W\d_])(?<!\.)([A-Za-z]{2,})\.\s+\S+$")


def _plain_breaks_first(tokenizer: Any) -> Callable[[str], bool]:
    """Punkt's ``text_contains_sentbreak``, answering the plainest contexts without building its tokens.

    Punkt decides each candidate break from its context string alone. For a
    context of two or more ASCII letters (or letters joined by hyphens),
    ``?`` or ``!``, then white space and a token or a closing mark, its tokens
    are ``word``, ``?``, ``Next`` and the mark is a break; with ``.`` its
    tokens are ``word.``, ``Next`` and the dot is a break unless ``word`` or
    its last hyphenated part is a known abbreviation (Punkt's first pass) or
    ``word`` is the first word of one of its collocations (the only rule of the second pass that applies to
    a word that is neither an initial, a number nor an abbreviation). After a
    number and before a word, the dot is a break unless number and word are
    a collocation or Punkt's orthographic heuristic says the word does not
    start sentences (its rule for numbers, asked with the one token). Anything
    else goes to Punkt itself. Same answers, a fraction of the cost: plain
    contexts are most of them.
    """
    punkt_decides = tokenizer.text_contains_sentbreak
    abbreviations = tokenizer._params.abbrev_types
    collocations = tokenizer._params.collocations
    collocation_starts = frozenset(first for first, _ in collocations)
    # a title stands before a name, so its dot never ends a sentence: Punkt's orthographic rule would
    # break "under what Mr. Hedge called" (hedge is mostly a lower-case word)
    titles = frozenset(row["abbreviation"] for row in lexicons.load("abbreviations") if row["class"] == "title")

    def contains_sentbreak(context: str) -> bool:
        # (a title is one of the abbreviations, so neither shortcut below answers a context ending in one)
        m = _PLAIN_END.fullmatch(context)
        if m is not None and (m.group(2) != "." or (
                (word := m.group(1).lower()) not in abbreviations and word not in collocation_starts
                and word.rpartition("-")[2] not in abbreviations)):
            return True
        m = _NUMBER_END.fullmatch(context)
        if m is not None and m.group(1) not in abbreviations:
            following = tokenizer._Token(m.group(2))
            if ("##number##", following.type_no_sentperiod) in collocations:
                return False
            return tokenizer._ortho_heuristic(following) is not False
        t = _TITLE_END.search(context)
        if t is not None and t.group(1).lower() in titles:
            return False
        return punkt_decides(context)

    return contains_sentbreak


def sentence_spans(
    text: str, paragraphs: list[Span] | None = None, norm: Normalized | None = None,
    known: dict[int, list[Span]] | None = None,
) -> list[Span]:
    """Sentences as ``(start, end)`` spans; never across a paragraph break.

    Punkt runs on the normalised view (typographic quotes unified), and spans
    are mapped back to the original text. ``norm`` is that view when the
    caller has it already (``Document`` passes its cached one); ``known``
    holds the sentences of some of ``paragraphs`` already split by
    :func:`sentences_of_paragraphs` (paragraph number → spans), which are
    not split again.

    Examples
    --------
    >>> s = 'Mr. Lavrov spoke on Tuesday. The U.S. disagreed.'
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['Mr. Lavrov spoke on Tuesday.', 'The U.S. disagreed.']
    """
    norm = normalize(text) if norm is None else norm
    ntext = norm.text
    if paragraphs is None:
        nparas = paragraph_spans(ntext)
    elif norm.offsets is None:
        nparas = paragraphs
    else:
        nparas = paragraph_spans(ntext)
    tokenizer = _punkt()
    spans: list[Span] = []
    if nparas is not paragraphs:
        known = None  # split afresh on the normalised text: other paragraph numbers
    for i, (p_start, p_end) in enumerate(nparas):
        if known and i in known:
            spans.extend(known[i])
            continue
        chunk = ntext[p_start:p_end]
        for s, e in tokenizer.span_tokenize(chunk):
            spans.append(norm.span_to_original(p_start + s, p_start + e))
    return spans


def sentences_of_paragraphs(
    text: str, paragraphs: list[Span], norm: Normalized, wanted: Iterable[int],
    store: dict[int, list[Span]] | None = None,
) -> list[Span] | None:
    """The sentences of :func:`sentence_spans` that lie in the paragraphs numbered ``wanted``.

    Punkt splits each paragraph on its own, so the sentences of some
    paragraphs can be had without splitting the others (an extractor that
    needs sentences only around its candidates). Returns ``None`` when the
    normalised view moved characters (``norm.offsets``): :func:`sentence_spans`
    then splits paragraphs of the normalised text, which need not be
    ``paragraphs``, and the caller should take every sentence. ``store``
    receives each paragraph's sentences, for ``sentence_spans(..., known=store)``.

    Examples
    --------
    >>> s = "One. Two.\\n\\nThree. Four."
    >>> sentences_of_paragraphs(s, paragraph_spans(s), normalize(s), [1])
    [(11, 17), (18, 23)]
    """
    if norm.offsets is not None:
        return None
    tokenizer = _punkt()
    ntext = norm.text
    spans: list[Span] = []
    for i in wanted:
        p_start, p_end = paragraphs[i]
        found = [(p_start + s, p_start + e) for s, e in tokenizer.span_tokenize(ntext[p_start:p_end])]
        spans.extend(found)
        if store is not None:
            store[i] = found
    return spans


@lru_cache(maxsize=1)
def _regexp_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


def token_spans(text: str) -> list[Span]:
    """Word and punctuation tokens as ``(start, end)`` spans.

    Examples
    --------
    >>> s = "The US-led coalition didn't stop, Lavrov said."
    >>> [s[a:b] for a, b in token_spans(s)]
    ['The', 'US-led', 'coalition', "didn't", 'stop', ',', 'Lavrov', 'said', '.']
    """
    return list(_regexp_tokenizer().span_tokenize(text))


def is_word(token: str) -> bool:
    """True when a token contains a letter, digit or combining mark (not punctuation).

    Examples
    --------
    >>> is_word("U.S."), is_word(","), is_word("\u0301")
    (True, False, True)
    """
    return _WORD_START.search(token) is not None


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` as written: :func:`token_spans` without punctuation.

    Examples
    --------
    >>> words("I don't know, he said.")
    ['I', "don't", 'know', 'he', 'said']
    >>> len(words("cafe\u0301 re\u0301sume\u0301"))  # decomposed accents stay inside the word
    2
    """
    end = len(text) if end is None else end
    return word_scanner(text, start, end).findall(text, start, end)


@lru_cache(maxsize=4096)
def _same_classes(c: str) -> bool:
    r"""Whether ``re`` and ``regex`` agree that ``c`` is (or is not) a word character and a digit.

    The word pattern tests characters only by those classes and by literals, so in a text of such
    characters the two engines find the same words (``re`` puts combining marks outside ``\w``).
    """
    return (_RE_WORD.match(c) is None) == (_REGEX_WORD.match(c) is None) and (
        _RE_DIGIT.match(c) is None) == (_REGEX_DIGIT.match(c) is None)


_RE_WORD, _RE_DIGIT = re.compile(r"\w"), re.compile(r"\d")
_REGEX_WORD, _REGEX_DIGIT = regex.compile(r"\w"), regex.compile(r"\d")


def word_scanner(text: str, start: int, end: int) -> Any:
    """The compiled word pattern to scan ``text[start:end]`` with: ``re``'s when it finds the same words there,
    else ``regex``'s. Only the scanned range is tested (the pattern looks at no character outside it), so a
    caller scanning a long text sentence by sentence tests each character once, not the whole text per call.

    Examples
    --------
    >>> word_scanner("Caf\u00e9 talks", 0, 11) is _WORDS_RE, word_scanner("cafe\u0301", 0, 5) is _WORDS
    (True, True)
    """
    part = text if start <= 0 and end >= len(text) else text[start:end]
    if part.isascii() or all(map(_same_classes, set(_NON_ASCII.findall(part)))):
        return _WORDS_RE
    return _WORDS


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """``(start, end)`` of each word of ``text[start:end]`` (see :func:`words`).

    Examples
    --------
    >>> word_spans("Hi, you.")
    [(0, 2), (4, 7)]
    """
    return [m.span() for m in _WORDS.finditer(text, start, len(text) if end is None else end)]


def first_word(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first word of ``text[start:end]``, or None.

    Examples
    --------
    >>> first_word("  -- Well, yes.")
    'Well'
    """
    m = _WORDS.search(text, start, len(text) if end is None else end)
    return None if m is None else m.group()


def count_words(text: str) -> int:
    """Number of words in ``text`` (the word model of :func:`words`).

    Examples
    --------
    >>> count_words("I don't know.")
    3
    """
    return sum(1 for _ in _WORDS.finditer(text))


def index_of(spans: list[Span], offset: int) -> int:
    """Index of the span containing ``offset`` (or the last one before it).

    Returns -1 when ``offset`` lies before the first span.

    Examples
    --------
    >>> index_of([(0, 4), (5, 9)], 6)
    1
    """
    starts = [s for s, _ in spans]
    return bisect_right(starts, offset) - 1


# --------------------------------------------------------------------------- repeated paragraphs

MIN_WORDS = 5
THRESHOLD = 0.8
_MAX_POSTINGS = 20
_WORD_RUN = re.compile(r"[^\W_]+")


def paragraph_key(text: str) -> str:
    """The comparison key of a paragraph: normalised, lower-cased words.

    Examples
    --------
    >>> paragraph_key("\u2018Jihadists\u2019 could go \u201cvery far\u201d.")
    'jihadists could go very far'
    """
    return " ".join(_key_words(text))


def _key_words(text: str) -> list[str]:
    """The words of :func:`paragraph_key` (the runs of letters and digits that it joins with spaces)."""
    return _normalized_key_words(normalize(text).text)


def _normalized_key_words(normalized: str) -> list[str]:
    """:func:`_key_words` of a text whose normalised form is ``normalized``."""
    low = normalized.lower()
    if low.isascii():
        # in ASCII text the runs of [^\W_] are those of [A-Za-z0-9]: every other character made a space,
        # split() gives the same words as the regex scan, in about half its time
        return low.translate(_ASCII_NON_ALNUM_TO_SPACE).split()
    return _WORD_RUN.findall(low)


#: every ASCII character that is no letter or digit, mapped to a space (``str.translate`` of ASCII text)
_ASCII_NON_ALNUM_TO_SPACE = {c: " " for c in range(128) if not chr(c).isalnum()}


def _anchors(words: list[str]) -> set[str]:
    """Three word 3-grams (first, middle, last): any two paragraphs that differ
    in at most two words still share one, so they become candidates."""
    n = len(words)
    mid = max(0, n // 2 - 1)
    return {" ".join(words[i : i + 3]) for i in (0, mid, max(0, n - 3))}


def match_paragraphs(
    texts: Iterable[str], threshold: float = THRESHOLD, *, normalized: Iterable[str] | None = None,
) -> list[tuple[int, str, float] | None]:
    """For each paragraph text: (index of the earlier one it repeats, match type, similarity) or None.

    Exact repeats first, then repeats after :func:`normalize` and lower-casing,
    then (``threshold < 1``) near repeats: Jaccard similarity of the word sets
    at least ``threshold`` between paragraphs sharing an anchor 3-gram.
    Paragraphs under :data:`MIN_WORDS` words never match.

    ``texts`` is consumed once, paragraph by paragraph: what is kept of an
    earlier paragraph is a 128-bit digest of its text and of its key and its
    word set as word numbers, so a long document is not held twice over.
    ``normalized``, when given, holds each paragraph's text after
    :func:`normalize`, in the same order (a slice of the document's normalised
    text, when that is at hand), so that it is not normalised again.

    Examples
    --------
    >>> match_paragraphs(["A lead with five words here.", "Body.", "A lead with five words here."])
    [None, None, (0, 'exact', 1.0)]
    """
    result: list[tuple[int, str, float] | None] = []
    first_exact: dict[bytes, int] = {}
    first_key: dict[bytes, int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    vocabulary: dict[str, int] = {}
    numbers = count()
    word_sets: dict[int, array[int]] = {}  # only paragraphs that can be matched later
    norms = None if normalized is None else iter(normalized)
    for i, txt in enumerate(texts):
        words = _key_words(txt) if norms is None else _normalized_key_words(next(norms))
        result.append(None)
        if len(words) < MIN_WORDS:
            continue
        key = " ".join(words)
        # a number per distinct word, new words taking fresh ones from the counter (in C, no Python loop);
        # the numbers only need to be unique, since only the sizes of their sets are compared
        vocab = set(map(vocabulary.setdefault, set(words), numbers))
        shingles = _anchors(words)
        txt_digest, key_digest = _digest(txt), _digest(key)
        if txt_digest in first_exact:
            result[i] = (first_exact[txt_digest], "exact", 1.0)
        elif key_digest in first_key:
            result[i] = (first_key[key_digest], "normalized", 1.0)
        elif threshold < 1.0:
            candidates: set[int] = set()
            for sh in shingles:
                candidates.update(postings.get(sh, ())[:_MAX_POSTINGS])
            best = None
            for j in sorted(candidates):
                other = word_sets[j]
                inter = len(vocab.intersection(other))
                union = len(vocab) + len(other) - inter
                sim = inter / union if union else 0.0
                if sim >= threshold and (best is None or sim > best[1]):
                    best = (j, sim)
            if best is not None:
                result[i] = (best[0], "near", round(best[1], 4))
        if result[i] is None:
            first_exact.setdefault(txt_digest, i)
            first_key.setdefault(key_digest, i)
            if threshold < 1.0:
                word_sets[i] = array("L", vocab)  # (any order: only the sizes of intersections are read)
                for sh in shingles:
                    postings[sh].append(i)
    return result


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
