"""The row under construction and the clause arithmetic shared by direct and reported speech.

Owns: ``_Row`` (one finding in normalised offsets) and its conversion to the
output row (a tuple in ``_ROW_KEYS`` order) with original offsets (``_to_row``, ``_to_normalized``); span
trimming (``_trim``, ``_trim_comma``, ``_trim_clause``); where a reported
clause ends (``_clause_end``) and starts (``_clause_start``, ``_prev_comma``,
``_short_tail``, ``_opener_only``); chunking long sentences (``_chunks``).

Must not touch: which rule fires (attribution, indirect, structure decide),
DataFrames (assembly); depends on speakers, cues and tokens only.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from ..corpus import Document
from .cues import (
    _ABBREV,
    _AUX,
    _BE,
    _CLAUSE_CUT,
    _CLAUSE_WORDS,
    _COMPLEMENTIZERS,
    _COORD_VERB,
    _FINITE_AUX,
    _FRAME_LINK,
    _NOUN_DET,
    _OPENERS,
    _PAST_IRREGULAR,
    _QUANTIFIERS,
    _SUBJECT_PRONOUNS,
    _VERB_CONTRACTIONS,
    _cue_at,
    _is_opener,
    _lex,
    _next_is_frame,
    _stopword_classes,
)
from .speakers import _Speaker
from .tokens import Span, _Tok


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


def _trim_clause(nt: str, s: int, e: int) -> Span:
    s, e = _trim(nt, s, e)
    while e > s and nt[e - 1] in ".,;:!?- \"'":
        e -= 1
    while s < e and nt[s] in ",;: -":
        s += 1
    return s, e


#: the tokens at which :func:`_clause_end` can end a clause (lower case; punctuation is its own lower case)
_CLAUSE_END_AT = frozenset((";", ",", "—", "–", "-", "--", "but", "and")) | _FRAME_LINK


def _clause_end(toks: list[_Tok], j: int, se: int) -> int:
    """Where a reported clause starting at toks[j] ends: the sentence end, or before a new
    frame (", adding …"), a coordinated verb ("… but did not …", "… and said …") or an
    apposition or concession (", a charge that …", ", despite …")."""
    lex = _lex()
    relative = lex.lang == "en" and any(t.low in ("who", "which") for t in toks[max(0, j - 4) : j])
    # a clause that opens with an adverbial ("if Rubio ran, he would lose", "in such districts, shocks can …"):
    # its first comma ends the adverbial, and the subject after it is the reported clause's own
    opened = lex.lang == "en" and 0 < j < len(toks) and (toks[j].low in _OPENERS or (
        toks[j].low in _COMPLEMENTIZERS and j + 1 < len(toks) and toks[j + 1].low in _OPENERS))
    # a that-clause is finite: a comma before its verb sets off an insertion in its subject (_VerbSeen)
    finite = lex.lang == "en" and j < len(toks) and (toks[j].low == "that" or (j > 0 and toks[j - 1].low == "that"))
    verbs = _VerbSeen(toks, j)  # (asked only when ``finite``; with nothing put off, its cut is the rule's)
    for i in range(j, len(toks)):
        x = toks[i]
        if x.low not in _CLAUSE_END_AT:
            continue  # (every test below needs one of these tokens: most tokens are passed by this one look-up)
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if x.t == ";" or ((x.t in (",", "—", "-", "--") or x.low in _FRAME_LINK) and _next_is_frame(toks, i)):
            return verbs.cut(i, x.s)  # a new frame: ", adding …", "— asserting …", "before claiming …"
        if x.low in ("but", "and") and (nxt in lex.verbs or nxt in _COORD_VERB) and not (
                finite and x.low == "and" and nxt in _FINITE and nxt not in lex.verbs and verbs.before(i)):
            # (in a that-clause with its verb, "and is …", "and has …" go on with the clause's own subject:
            # "that the investigation is independent and is being conducted by career lawyers")
            return verbs.cut(i, x.s)
        if x.low == "but" and i - j >= 3 and len(nxt) > 4 and nxt.endswith("ed") and toks[i - 1].t != ",":
            return verbs.cut(i, x.s)  # a second verb of the subject: "… he is friendly with X but objected to …"
        if x.t in ("—", "--", "–", "-") and lex.lang == "en" and i - j >= 3 and nxt in ("a", "an") \
                and i + 2 < len(toks) and toks[i + 2].t.islower():
            # an apposition after a dash comments on the report: "… by the plan — a modest boost …"
            return verbs.cut(i, x.s)
        if x.low == "and" and lex.lang == "en" and i - j >= 2 and _second_predicate(toks, i + 1) \
                and not any(_finite_like(t) for t in toks[j:i]):
            # an object and the subject's next verb: 'called her "third-rate" and boycotted one of the debates'
            # (a reported clause with a verb of its own keeps its coordination: "she was … and was …")
            return verbs.cut(i, x.s)
        if x.low in ("but", "and") and i + 2 < len(toks) and (nxt in lex.pronouns or toks[i + 1].cap) \
                and _cue_at(toks, i + 2):
            return verbs.cut(i, x.s)  # "… but she said …", "… and Trump says …"
        if x.t == "," and opened and toks[j - 1].t == ",":
            opened = False
            continue  # an adverbial between commas opens the clause: "said that, after the first Olympiad, a …"
        if x.t == "," and nxt in _CLAUSE_CUT and i - j >= 3:
            if finite and verbs.pending is None and not verbs.before(i) and not (
                    nxt == "even" and i + 2 < len(toks) and toks[i + 2].low in ("though", "if")):
                verbs.put_off(i, x.s)  # a subject and an insertion, the verb still to come: "that X, who …, would"
                continue
            return verbs.cut(i, x.s)
        if lex.lang != "en":
            continue  # the rules below read English clause structure
        if x.t == "," and i - j >= 2 and nxt in lex.verbs and not nxt.endswith("ing") and _cue_at(toks, i + 1):
            return verbs.cut(i, x.s)  # the main verb after a relative clause: "X, who estimated that …, said he …"
        if x.t == "," and opened:
            opened = False
            continue
        if x.t == "," and i - j >= 3 and nxt in _SUBJECT_PRONOUNS and i + 2 < len(toks) and (
                _finite_like(toks[i + 2]) or (lex.lang == "en" and toks[i + 2].low in _PAST_IRREGULAR)):
            return verbs.cut(i, x.s)  # a new clause with its own subject: "…, he clarified that …", "…, we got …"
        if x.t == "," and i - j >= 3 and lex.lang == "en" and _pronoun_contracted(nxt) \
                and not any(c in t.t for t in toks[j:] for c in '"“”'):  # (quoted words may run on)
            return verbs.cut(i, x.s)  # a pronoun and its contracted auxiliary: "…, they're also hostile to …"
        if x.t == "," and i - j >= 2 and relative and i + 1 < len(toks) and not toks[i + 1].cap \
                and (_finite_like(toks[i + 1]) or nxt in lex.stance) and (not finite or verbs.before(i)):
            # (not when the clause so far is its subject and an insertion: "who suggested that X, under fire, would")
            return verbs.cut(i, x.s)  # the main verb after a relative clause: "X, who thinks …, backed the bill"
        if x.t == "," and i - j >= 3 and _new_subject(toks, i + 1):
            return verbs.cut(i, x.s)  # a clause with its own subject: "While X agrees …, critics fear …"
        if x.t == "," and i - j >= 3 and finite and nxt in ("and", "but") and verbs.before(i) \
                and (_second_predicate(toks, i + 2) or (i + 2 < len(toks) and toks[i + 2].low in _PAST_IRREGULAR)):
            # the reporter's second predicate after a complete that-clause: "joked that X was his answer, but
            # went on to say …"
            return verbs.cut(i, x.s)
        if x.t == "," and i - j >= 3 and nxt in ("and", "but") and _new_subject(toks, i + 2):
            return verbs.cut(i, x.s)  # a coordinated clause with its own subject: "…, and the city has sued …"
        if x.t == "," and i - j >= 3 and nxt.endswith("ing") and len(nxt) > 5 and toks[i + 1].t.islower() \
                and nxt not in _NOT_PARTICIPLE_FRAME and not any(c in t.t for t in toks[j:i] for c in '"“”') \
                and not (i + 2 < len(toks) and toks[i + 2].low in ("and", "or", ",")) \
                and not any(t.low.endswith("ing") and t.t.islower() and _stopword_classes().get(toks[m - 1].low)
                            == "preposition" for m, t in enumerate(toks[j:i], j) if m > j):
            # (not a list: "farms, housing and land", "was given to guaranteeing X, improving Y")
            # a participle clause comments on the report: "…, raising fears that …", "…, giving employees …"
            return verbs.cut(i, x.s)
        if x.t == "," and i - j >= 3 and nxt in ("and", "but") and _coordinated_clause(toks, i + 2) \
                and not any(c in t.t for t in toks[j:] for c in '"“”'):  # (quoted words may run on)
            return verbs.cut(i, x.s)  # (a longer subject: "…, and the Civil Liberties Union of Ohio has sued …")
    return verbs.cut(len(toks), se)


class _VerbSeen:
    """Whether a reported clause starting at ``toks[j]`` has a verb before a given token (English): a that-clause
    is finite (Quirk et al. 1985, 15.3), so a comma before its verb sets off an insertion in the subject ("that the
    billionaire, who is now the nominee, would unite …"), not the clause's end. One pass over the tokens for all
    the questions of one :func:`_clause_end` (they come in increasing order)."""

    def __init__(self, toks: list[_Tok], j: int) -> None:
        self.toks, self.at, self.last = toks, j, -1  # scanned up to ``at``; the last verb seen, -1 for none
        self.pending: int | None = None  # a cut put off until the clause shows its verb
        self.pending_i = -1

    def _scan(self, i: int) -> None:
        while self.at < min(i, len(self.toks)):
            t = self.toks[self.at]
            if t.t[:1].islower() and (_verb_like(t.low) or t.low in _AUX):
                self.last = self.at
            self.at += 1

    def before(self, i: int) -> bool:
        """Is there a verb before ``toks[i]``?"""
        self._scan(i)
        return self.last >= 0

    def put_off(self, i: int, end: int) -> None:
        """Put off the cut at ``end`` (before ``toks[i]``) until the clause shows its verb."""
        self._scan(i)
        self.pending, self.pending_i = end, i

    def cut(self, i: int, end: int) -> int:
        """Where the clause ends when a rule ends it at ``end`` (before ``toks[i]``): at the put-off cut when no verb
        came after it either (the comma ended a noun phrase: "said no record of the class, which …")."""
        if self.pending is None:
            return end
        self._scan(i)
        return end if self.last > self.pending_i else self.pending


#: English words in -ing after a comma that open no participle clause ("…, including the mayor")
_NOT_PARTICIPLE_FRAME = frozenset(("including", "according", "notwithstanding", "concerning", "regarding", "during",
                                   "nothing", "something", "anything", "everything", "morning", "evening"))


def _pronoun_contracted(low: str) -> bool:
    """English: a subject pronoun (or *it*) with its contracted auxiliary, one token: *they're*, *it's*, *we'll*."""
    head, sep, tail = low.replace("’", "'").partition("'")
    return bool(sep) and (head in _SUBJECT_PRONOUNS or head == "it") and "'" + tail in _VERB_CONTRACTIONS


def _coordinated_clause(toks: list[_Tok], k: int) -> bool:
    """English: does a clause with its own subject start at ``toks[k]`` (after ``, and`` / ``, but``): at most
    ten words of a noun phrase with no punctuation (an abbreviation's point aside), opened by a determiner, a
    capital, a quantifier or a plural noun, then a form of *be* or *have*, a modal or a past form in -ed?"""
    if k < len(toks) and toks[k].low.replace("’", "'").split("'")[0] in _SUBJECT_PRONOUNS \
            and toks[k].low.replace("’", "'").endswith(("'s", "'re", "'ll", "'d", "'ve", "'m")):
        return True  # a pronoun with its contracted auxiliary: "…, and he's even springing for …"
    if k >= len(toks) or not toks[k].t[:1].isalpha() or toks[k].low in _COMPLEMENTIZERS \
            or toks[k].low in _CLAUSE_WORDS or toks[k].low in _lex().verbs or toks[k].low.endswith("ing") \
            or _verb_like(toks[k].low) or toks[k].low in _AUX or toks[k].low in _lex().stance \
            or (toks[k].low.endswith("ly") and toks[k].t.islower()) \
            or _stopword_classes().get(toks[k].low) in ("preposition", "adverb", "conjunction"):
        return False  # (a second predicate of the same subject: "…, but hasn't decided …", "…, but strongly favored …")
    for i in range(k + 1, min(len(toks), k + 11)):
        x = toks[i]
        if x.t == "." and (toks[i - 1].low in _ABBREV or len(toks[i - 1].t) == 1):
            continue
        if not x.t[:1].isalnum() or x.low in _CLAUSE_WORDS or x.low in _COMPLEMENTIZERS or x.low == "to":
            return False  # (an infinitive is no clause of its own: "…, and five to be chosen by …")
        if not x.cap and (x.low in _FINITE or (len(x.low) > 4 and x.low.endswith("ed")
                                               and toks[i - 1].low not in _NOUN_DET)):
            return True
        if x.low in _lex().verbs:
            return False
    return False


def _second_predicate(toks: list[_Tok], k: int) -> bool:
    """English: does a second predicate of the clause's subject start at ``toks[k]`` (after *and*): a past
    form in -ed or an irregular past, after at most one -ly adverb ("and pointedly saying" too)?"""
    if k < len(toks) and toks[k].low.endswith("ly") and toks[k].t.islower():
        k += 1
    if k >= len(toks) or not toks[k].t.isalpha() or not toks[k].t.islower():
        return False
    low = toks[k].low
    return (len(low) > 4 and low.endswith("ed")) or low in _PAST_IRREGULAR or (
        low.endswith("ing") and len(low) > 5 and low in _lex().verbs)


def _new_subject(toks: list[_Tok], k: int) -> bool:
    """Does a clause with its own subject start at toks[k]: a subject pronoun, or a determiner or a
    capitalised word and at most five more words of a noun phrase, then a finite verb?"""
    if k >= len(toks):
        return False
    first = toks[k]
    if first.low in _SUBJECT_PRONOUNS:
        return k + 1 < len(toks) and (_finite_like(toks[k + 1]) or (
            _lex().lang == "en" and toks[k + 1].low in _lex().stance))  # "…, and he wants …"
    if not (first.cap or first.low in _NOUN_DET or first.low in _QUANTIFIERS) or first.low in _COMPLEMENTIZERS:
        return False
    for i in range(k + 1, min(len(toks), k + 7)):
        x = toks[i]
        if _finite_like(x) and not x.cap:
            return i > k
        if x.t == "." and (toks[i - 1].low in _ABBREV or len(toks[i - 1].t) == 1):
            continue  # "Ms. Lee"
        if not (x.t[:1].isalnum() or x.t == "'s") or x.low in _CLAUSE_WORDS:
            return False
    return False


def _verb_like(low: str, participles: bool = False) -> bool:
    """Can this (lower-case) word be a clause's verb? No tagger: a cue verb, a form of *be* or *have*,
    a finite auxiliary, a negated verb, a form in -ed (and in -ing with ``participles``)."""
    ends = ("ed", "ing") if participles else ("ed",)
    return low in _lex().verbs or low in _FINITE or low.endswith("n't") or (len(low) > 4 and low.endswith(ends)) \
        or (len(low) == 4 and low.endswith("ied"))  # died, lied, tied


def _finite_like(t: _Tok) -> bool:
    """The finite verb after a subject pronoun (", he clarified"): a cue verb, an auxiliary or adverb
    of the verb group, a form of *be*, a past form in -ed (the set the clause-end rule was measured
    with; :func:`_verb_like` also takes negations and *should*/*must*)."""
    low = t.low
    return low in _lex().verbs or low in _AUX or low in _BE or (len(low) > 4 and low.endswith("ed"))


#: forms of *be*, *have* and the finite auxiliaries: any of them makes a run of words a clause
_FINITE = _BE | _FINITE_AUX | {"has", "have", "had"}


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


#: the suffix of the rule of reported speech whose content is a noun phrase, not a clause
#: ("defended the new border policy"); ``tk.quotes`` leaves such rows out unless ``noun_phrases=True``
NOUN_PHRASE_RULE = ":noun_phrase"

#: the columns of one extracted row, in order; rows are cached as tuples (a dict per row
#: costs about four times the memory) and handed out as fresh dicts by ``quote_rows``
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
