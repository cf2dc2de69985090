"""The present target of a historical analogy: the present-day thing a past referent is compared to.

One finder serves both analogy devices: the construction rules (``historical_analogy``, which know the cue
that fired) and the learned candidates (``analogy_candidate``, which know only the referent). It reads the
grammar of the comparison in the sentence, with no tagger: word classes come from
``target_name_filters.tsv`` (determiners, prepositions, auxiliaries and linking verbs, subordinators,
pronouns, comparison words, naming verbs), the finite forms of ``reporting_verbs.tsv`` and the irregular past
forms of ``quote_grammar.tsv``.

What the target is, by construction (``docs/analogy.md``):

* a noun phrase modified by the comparison: "a plan similar to the Marshall Plan", "arrangements … like the
  arrangements of 1957", "a Nazi-style crackdown" — that noun phrase;
* a renewal: "a new cold war mentality", "another invidious type of colonialism" — the phrase it forms,
  unless that phrase is itself a predicate ("which could have been another Great Depression");
* two things compared: "compare A with B", "A, just as B …", "the resemblance between A and B" — the side that is
  not the past referent; the last conjunct of a series "A, B and now C";
* a naming verb: "called those actions a threat of a new genocide", "considers Israel to be perpetrating
  apartheid" — its object;
* otherwise the subject of the clause whose predicate holds the comparison ("The crisis in Myanmar is very
  reminiscent of …"), the antecedent when that subject is a relative pronoun ("a collapse — which could
  have been another Great Depression"), the agent of a passive whose subject is the past thing ("the
  mistakes of the League of Nations … repeated by the United Nations"); for a third-person pronoun subject, the
  subject of the clause before it, or of the sentence before ("Even if Israel does not like that appellation, it
  is apartheid"); for a phrase apposed to a predicative complement, the clause's subject;
* nothing, when the clause names no present thing: its subject is the speaker or the audience ("we must not
  repeat …"), an expletive, or the past referent itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..text import sentence_spans

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
_MAX_WORDS = 12  # a target longer than this is cut to its leading noun phrase
_REACH = 1500  # characters read on each side of the construction (a natural sentence is far shorter)


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class Grammar:
    """Word classes of ``target_name_filters.tsv`` (lower case) and the finite reporting-verb forms."""

    classes: dict[str, frozenset[str]]
    verbs: frozenset[str]

    def of(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The word classes the target finder reads (computed once)."""
    classes: dict[str, set[str]] = {}
    for r in lexicons.load("target_name_filters"):
        classes.setdefault(r["class"], set()).add(r["word"].lower())
    verbs = {r["form"] for r in lexicons.load("reporting_verbs")
             if r["form"] != r["lemma"] and not r["form"].endswith("ing")}
    verbs |= {r["word"] for r in lexicons.load("quote_grammar") if r["class"] == "past_irregular"}
    return Grammar({k: frozenset(v) for k, v in classes.items()}, frozenset(verbs))


class _Sentence:
    """A sentence as tokens with the word-class tests the rules need."""

    def __init__(self, text: str, start: int, end: int, pasts: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.pasts = pasts  # the past mentions of the sentence: no target holds one (but a renewal's own phrase)
        self.cue: tuple[int, int] | None = None  # the construction's words: no subject holds them either
        self.opens = start  # where the sentence starts (the one before it is found only for a pronoun's antecedent)
        self.g = grammar()
        self.toks = [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]

    def index(self, pos: int) -> int:
        """The first token ending after ``pos`` (len(toks) if none)."""
        for i, t in enumerate(self.toks):
            if t.end > pos:
                return i
        return len(self.toks)

    def is_(self, i: int, *names: str) -> bool:
        if not 0 <= i < len(self.toks):
            return False
        low = re.split(r"['’](?:ve|s|re|ll|d|m)$", self.toks[i].low)[0]  # "they've" is "they"
        return any(low in self.g.of(n) for n in names)

    def punct(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and not self.toks[i].text[0].isalnum()

    def verb(self, i: int) -> bool:
        """A finite verb or an auxiliary (no tagger: the classes, reporting-verb forms, a lower-case -ed form)."""
        if not 0 <= i < len(self.toks) or self.punct(i):
            return False
        t = self.toks[i]
        if self.is_(i, "auxiliary", "linking_verb"):
            return True
        if t.text[0].isupper() or (self.is_(i - 1, "determiner") and self.toks[i - 1].low != "that"):
            return False
        if (self.is_(i - 1, "modal") or (self.is_(i - 1, "personal_pronoun") and not self.is_(i - 2, "preposition"))
                ) and not self.function(i) and not self.is_(i, "determiner", "adverb", "degree"):
            return True  # "will go", "we alert": the word after a modal or a subject pronoun
        if self.is_(i - 1, "preposition") and self.toks[i - 1].low != "to":
            return False  # a preposition takes a noun phrase: "with unexpected political consequences"
        return t.low in self.g.verbs or (len(t.low) > 4 and t.low.endswith("ed") and not self.is_(i, "not_verb"))

    def dash(self, i: int) -> bool:
        """A dash between words (the normalised text writes one as " - ")."""
        return 0 <= i < len(self.toks) and (self.toks[i].text in ("—", "–") or (self.toks[i].text == "-" and (
            i == 0 or self.toks[i - 1].end < self.toks[i].start)))

    def aside(self, i: int) -> bool:
        """A comma or a dash: what follows may stand in apposition to what precedes."""
        return (0 <= i < len(self.toks) and self.toks[i].text == ",") or self.dash(i)

    def breaks_np(self, i: int) -> bool:
        """A verb that ends a noun phrase; an -s form of the reporting-verb list is read as a plural noun
        inside one ("worrying new challenges", "the lessons")."""
        return self.verb(i) and not (self.toks[i].low.endswith("s") and not self.is_(i, "auxiliary", "linking_verb"))

    def function(self, i: int) -> bool:
        return self.punct(i) or self.is_(i, "preposition", "subordinator", "coordinator", "auxiliary",
                                         "linking_verb", "speaker_pronoun")

    def span(self, a: int, b: int) -> str:
        """The text of tokens a..b-1."""
        return self.text[self.toks[a].start : self.toks[b - 1].end] if a < b else ""

    def np_from(self, i: int, limit: int = _MAX_WORDS, pp: bool = False) -> int:
        """End (exclusive) of the noun phrase starting at token ``i``: determiners, modifiers and nouns, with
        *of* phrases ("the status of the occupied cities of Sebta"), up to a verb, a clause word or punctuation
        (a hyphen-joined or comma-listed adjective stays: "a new, technological, variety of")."""
        j = i
        while j < len(self.toks) and j - i < limit:
            if self.punct(j):
                if self.toks[j].text == "," and self._adjective_comma(i, j):
                    j += 1
                    continue
                break
            if self.is_(j, "preposition") and self.toks[j].low != "of":
                if not pp or j == i:
                    break
                pp = False  # one prepositional phrase after the head ("another Rwanda in Darfur")
                j += 1
                continue
            if j > i and self.is_(j, "determiner") and not self.is_(j - 1, "determiner", "preposition", "coordinator"
                                                                    ) and self.toks[j - 1].low != "of":
                break  # a determiner after a noun opens the next noun phrase ("called those actions a threat")
            if self.toks[j].low == "of" and (j == i or not self._nominal_after(j + 1)):
                break
            if j > i and self.toks[j].low.endswith(("ly", "ing")) and not self.is_(j - 1, "determiner"):
                break  # "Syria sadly stand out", "revanchistes following in": an adverb or a participle after the head
            if self.breaks_np(j) or (self.is_(j, "subordinator", "coordinator") and not self._coordinated_noun(i, j)):
                break
            j += 1
        while j > i and (self.is_(j - 1, "determiner", "preposition", "coordinator") or self.punct(j - 1)):
            j -= 1
        return j

    def _nominal_after(self, i: int) -> bool:
        return i < len(self.toks) and not self.punct(i) and not self.verb(i) and not self.is_(i, "subordinator")

    def _adjective_comma(self, i: int, j: int) -> bool:
        """A comma between modifiers of one noun ("a new, technological, variety of"): a determiner opens the
        phrase and no noun follows it before the next comma or the head."""
        return (self.is_(i, "determiner") and j + 2 < len(self.toks) and j - i <= 5
                and not self.punct(j + 1) and not self.is_(j + 1, "determiner", "preposition", "subordinator",
                                                           "coordinator") and not self.verb(j + 1))

    def _coordinated_noun(self, i: int, j: int) -> bool:
        """"and" between two nouns of one phrase ("fascism and neo-fascism", "Sebta and Melilia")."""
        return (self.toks[j].low in ("and", "or") and j > i and j + 1 < len(self.toks)
                and not self.punct(j + 1) and not self.verb(j + 1) and not self.is_(j + 1, "speaker_pronoun")
                and not self.is_(j + 1, "subordinator", "preposition", "auxiliary"))

    def np_ending(self, j: int, pp: bool = False) -> int:
        """Start of the noun phrase that ends at token ``j`` (see :meth:`_np_ending`); with ``pp`` it may hold one
        prepositional phrase when what it then starts with opens a noun phrase (a determiner, a capital)."""
        short = self._np_ending(j)
        if not pp:
            return short
        long = self._np_ending(j, True)
        return long if long < short and (self.is_(long, "determiner") or self.toks[long].text[:1].isupper()) else short

    def _np_ending(self, j: int, pp: bool = False) -> int:
        """Start of the noun phrase that ends at token ``j`` (exclusive): left over modifiers, nouns and *of*
        phrases, up to a verb, a preposition other than *of*, a clause word or punctuation."""
        i = j
        while i > 0:
            k = i - 1
            if self.punct(k) or self.breaks_np(k) or self.is_(k, "subordinator", "speaker_pronoun"):
                break
            if self.is_(k, "preposition") and self.toks[k].low != "of":
                if not (pp and k > 0 and k < j - 1 and not self.function(k - 1) and not self.breaks_np(k - 1)
                        and not self.is_(k - 1, "determiner", "pronoun")):
                    break
                pp = False  # one prepositional phrase inside ("the Brahimi report on United Nations operations")
            if self.is_(k, "coordinator") and not (k > 0 and not self.function(k - 1)):
                break
            i = k
            if j - i >= _MAX_WORDS:
                break
            if self.is_(k, "determiner") and k > 0 and self.toks[k - 1].low != "of" and not self.is_(
                    k - 1, "determiner", "preposition", "coordinator") and not self.punct(k - 1):
                break  # a determiner opens the noun phrase ("avoid a widespread … collapse with … consequences")
        while i < j and (self.is_(i, "preposition", "coordinator") or self.toks[i].low == "of"):
            i += 1
        return i


def _clean(s: _Sentence, a: int, b: int, renewed: bool = False) -> str | None:
    """The words a..b as a target, or None when they name nothing: edge function words, pronouns and
    punctuation are trimmed; a lone pronoun, a lone verb form or a number names no present thing, and a phrase
    that holds a past mention is the past, not the present (but for a renewal's or a suffix's own phrase,
    ``renewed``: "a new cold war mentality", "Nazi-style crackdown")."""
    while a < b and (s.punct(a) or s.is_(a, "coordinator", "adverb", "preposition", "subordinator", "particle")
                     or (s.toks[a].low.endswith("ly") and not s.is_(a, "determiner"))):
        a += 1
    while b > a and ((s.punct(b - 1) and not _closes_year(s, a, b - 1))
                     or s.is_(b - 1, "determiner", "preposition", "coordinator", "adverb", "subordinator",
                              "speaker_pronoun", "expletive", "particle")
                     or (s.is_(b - 1, "pronoun") and not s.is_(b - 2, "determiner"))):
        b -= 1
    if a >= b or s.is_(a, "speaker_pronoun", "personal_pronoun") or all(
            s.toks[k].text[:1].isdigit() or s.punct(k) for k in range(a, b)):
        return None
    if b - a > _MAX_WORDS:
        b = s.np_from(a)
        if a >= b:
            return None
    if b - a == 1 and (s.is_(a, "speaker_pronoun", "expletive", "relative", "determiner", "pronoun")
                       or s.toks[a].low.endswith(("ing", "ed", "ize", "ise")) or s.toks[a].text[:1].isdigit()):
        return None  # a pronoun refers to a present thing but names none; a lone verb form names nothing
    if all(s.function(k) or s.is_(k, "determiner", "adverb", "degree") for k in range(a, b)):
        return None
    if not renewed and any(p < s.toks[b - 1].end and s.toks[a].start < q for p, q in s.pasts):
        return None
    return s.span(a, b)


def _closes_year(s: _Sentence, a: int, k: int) -> bool:
    """Token ``k`` closes a bracketed year opened after token ``a`` ("resolution 598 (1987)")."""
    return s.toks[k].text == ")" and k - 2 >= a and s.toks[k - 2].text == "(" and s.toks[k - 1].text[:1].isdigit()


def _clause_start(s: _Sentence, i: int) -> int:
    """First token of the clause holding token ``i``: after a semicolon, colon, dash or opening bracket, or after a
    subordinator or relative word before it; a bracketed insertion before ``i`` is passed over whole ("resolution
    435 (1978)", "the alleged interference … (half of the report was about …) is comparable to")."""
    k = i - 1
    while k >= 0:
        t = s.toks[k]
        if t.text == ")":
            o = next((j for j in range(k - 1, -1, -1) if s.toks[j].text in ("(", ")")), -1)
            if o >= 0 and s.toks[o].text == "(":
                k = o - 1
                continue
        if t.text == "(" and k + 2 < len(s.toks) and s.toks[k + 1].text[:1].isdigit() and s.toks[k + 2].text == ")":
            k -= 1  # a year in brackets ("its resolution 435 (1978)") belongs to the phrase before it
            continue
        if t.text in (";", ":", "(", ")") or s.dash(k):
            return k + 1
        if s.is_(k, "subordinator", "relative") and not (t.low == "that" and s.is_(k - 1, "preposition")):
            return k  # ("of that recent past", "like that": a determiner or a pronoun, not a clause)
        k -= 1
    return 0


def _fronted(s: _Sentence, a: int, limit: int) -> int:
    """Skip what stands before a clause's subject: adverbial or subordinate phrases closed by a comma ("In recent
    months, …", "Just as Nazism denied …, so today …", "Even if …, it is …"), each opening with a preposition,
    a subordinator, an adverb, a participle or a number."""
    while a < limit:
        comma = next((k for k in range(a, limit) if s.toks[k].text == ","), None)
        lead = s.toks[a].low
        if comma is None or not (s.is_(a, "preposition", "subordinator", "adverb", "relative")
                                 or lead.endswith(("ly", "ing")) or lead[:1].isdigit()):
            return a
        a = comma + 1
        while a < limit and (s.is_(a, "coordinator") or s.toks[a].low in ("so", "then")):
            a += 1
    return a


def _finite_before(s: _Sentence, a: int, i: int) -> int | None:
    """The first finite verb of the clause a..i (the verb the comparison is the predicate of); a participle
    after *having* / *being* is not one."""
    for k in range(a, i):
        if s.verb(k) and not (k > a and s.toks[k - 1].low in ("having", "being") and s.toks[k].low.endswith("ed")):
            return k
    return None


def _main_clause_after(s: _Sentence, a: int, i: int) -> tuple[int, int] | None:
    """The last clause that starts after a comma between a and i with a subject of its own and its verb before
    i ("As a result of the carnage that has exposed …, millions of people … are fleeing on a scale reminiscent
    of"; "…, but there is a new kind of colonialism"): its first word and its verb."""
    found = None
    depth = 0
    for c in range(a, i):
        depth += {"(": 1, ")": -1}.get(s.toks[c].text, 0)
        if s.toks[c].text != "," or depth > 0:  # a comma inside a bracketed insertion opens no clause
            continue
        b = c + 1
        while b < i and s.is_(b, "coordinator"):
            b += 1
        if b >= i or s.is_(b, "preposition", "subordinator", "adverb", "relative") or s.toks[b].low.endswith(
                ("ly", "ing")) or s.verb(b):
            continue
        v = _finite_before(s, b, i)
        if v is not None and v > b and not any(s.punct(k) for k in range(b, v)):
            found = (b, v)
    return found


def _subject(s: _Sentence, i: int, past: tuple[int, int]) -> str | None:
    """The subject of the clause whose predicate holds token ``i`` (see the module docstring)."""
    a = _clause_start(s, i)
    opened = s.is_(a, "subordinator", "relative") and a < i
    start = a + 1 if opened else a
    start = _fronted(s, start, i if i > start else len(s.toks))  # a fronted cue: what follows its commas
    verb = _finite_before(s, start, i)
    if verb is None and i > 0 and s.toks[i].low == "that" and not s.function(i - 1):
        verb = i - 1  # "propagandists also realize that …": the word before a that-clause is its verb
    if verb is None:
        # the comparison is in the subject ("the lessons of Munich should not be forgotten") or fronted ("Never,
        # since X, has the world been …"): the verb follows
        at = max(i, start)
        stop = next((k for k in range(at + 1, len(s.toks)) if s.punct(k) or s.is_(k, "subordinator")), len(s.toks))
        verb = _finite_before(s, at, stop)
        if verb is None:
            return None
    later = _main_clause_after(s, start, i)
    if later is not None:
        start, verb = later
        opened = False
    if opened and s.is_(a, "relative") and verb == start == a + 1:
        return _antecedent(s, a)  # "… a collapse — which could have been another Great Depression"
    if start > i and not (verb == start and s.is_(verb, "auxiliary")):
        return None  # past the comparison, only an inverted auxiliary ("Never, since X, has the world …") counts
    if verb == start and s.is_(verb, "auxiliary"):
        # a question or a fronted negation inverts subject and auxiliary ("Are the mistakes of the League to be
        # repeated by …", "Never, since X, has the world been so close"): the subject follows the auxiliary
        start = verb + 1
        verb = _finite_before(s, start, len(s.toks))
        if verb is None:
            return None
    if verb == start + 1 and s.toks[start].low == "what":
        verb = _after_free_relative(s, verb, i)  # "what is imposed on us is …": the free relative is the subject
        if verb is None:
            return None
    if start >= verb:
        return None
    cue = s.cue if s.cue is not None else past
    if any(s.toks[start].start < q and p < s.toks[verb - 1].end for p, q in (past, cue)):
        # the past thing or the cue is the subject ("Gaddafi is the same", "the mistakes of the League … repeated by",
        # "Lessons can be learned from X"):
        # the present one is a passive's agent; in a that-clause ("propagandists realize that the lessons of
        # Munich should not be forgotten") the subject of the clause that holds it
        by = next((k for k in range(verb, len(s.toks) - 1) if s.toks[k].low == "by" and s.toks[k - 1].low.endswith(
            ("ed", "en")) and s.toks[k].start > past[1]), None)
        if by is not None:
            return _clean(s, by + 1, s.np_from(by + 1))
        head = s.np_from(start)
        first = min(past[0], cue[0])
        if s.toks[start].start < first and head < verb and s.toks[head - 1].end <= first:
            # "German imperialists and revanchistes following in Hitler's footsteps should …": the head before
            # the modifier that holds the past
            return _clean(s, start, head)
        if opened and s.toks[a].low == "that":
            return _subject(s, a, (s.toks[a].start, s.toks[a].start))
        return None
    if s.is_(start, "expletive") and s.is_(verb, "auxiliary") and verb == start + 1:
        # "There are today dangerous signs … reminiscent of X": the noun phrase the expletive stands for
        b = verb + 1
        while s.is_(b, "adverb"):
            b += 1
        return _clean(s, b, min(s.np_from(b), i)) if b < i else None
    if s.is_(start, "expletive") or (s.toks[start].low == "it" and s.is_(verb, "linking_verb", "auxiliary") and (
            s.is_(verb + 2, "subordinator") or (verb + 2 < len(s.toks) and s.toks[verb + 2].low == "to"))):
        return None  # "there is …", "it is important that …"
    if verb == start + 1 and s.is_(start, "personal_pronoun") and not s.is_(start, "speaker_pronoun"):
        return _pronoun_antecedent(s, start)  # "Even if Israel does not like that appellation, it is apartheid"
    comma = next((k for k in range(start + 1, verb) if s.toks[k].text == ","), verb)
    return _clean(s, start, comma)  # "Some of those crises, particularly in Syria, have": the head, not the aside


def _pronoun_antecedent(s: _Sentence, p: int) -> str | None:
    """The antecedent of a third-person subject pronoun at token ``p``: the subject of the clause before it in
    the sentence (anaphora prefers the preceding subject: "Even if Israel does not like that appellation, it is
    …", "Agdam city was destroyed to such an extent that it was called …"), when that subject is a noun phrase
    followed by its verb; None when the sentence holds no such clause before the pronoun."""
    e = p - 1
    while e >= 0 and (s.punct(e) or s.is_(e, "subordinator", "coordinator")):
        e -= 1
    b = e
    while b > 0 and s.toks[b - 1].text not in (",", ";", ":") and not s.dash(b - 1):
        b -= 1
    while b < e and (s.is_(b, "subordinator", "coordinator", "adverb") or s.toks[b].low.endswith("ly")):
        b += 1
    if b >= e or s.is_(b, "personal_pronoun", "speaker_pronoun", "pronoun", "expletive"):
        return _previous_subject(s) if _finite_before(s, 0, p) is None else None
    end = s.np_from(b)
    if not b < end <= e or not s.verb(end):
        return None
    return _clean(s, b, end)


def _sentence_before(text: str, start: int) -> tuple[int, int] | None:
    """The sentence that ends right before ``start``: the last of the toolkit's sentences
    (:func:`toolkit.text.sentence_spans`, Punkt) in the ``_REACH`` characters before it; None at the start of the
    text."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    lo = max(0, end - _REACH)
    while lo > 0 and lo < end and not text[lo - 1].isspace():
        lo += 1  # (a window start inside a word: from the next word)
    spans = sentence_spans(text[lo:end])
    return (lo + spans[-1][0], lo + spans[-1][1]) if spans else None


def _previous_subject(s: _Sentence) -> str | None:
    """The subject of the sentence before, for a pronoun that opens its clause with nothing before it but fronted
    phrases ("Agdam city was destroyed. It was called …"): a noun phrase after the fronted adverbials, followed by
    its verb."""
    before = _sentence_before(s.text, s.opens)
    if before is None:
        return None
    prev = _Sentence(s.text, *before, s.pasts)
    b = 0
    while b < len(prev.toks) and prev.punct(b):
        b += 1  # an opening quotation mark
    b = _fronted(prev, b, len(prev.toks))
    if b >= len(prev.toks) or prev.function(b) or prev.is_(b, "personal_pronoun", "speaker_pronoun", "expletive"):
        return None  # (a lone demonstrative or other pronoun names nothing either: _clean)
    end = prev.np_from(b)
    return _clean(prev, b, end) if b < end < len(prev.toks) and prev.verb(end) else None


def _after_free_relative(s: _Sentence, v: int, limit: int) -> int | None:
    """The main verb after a free relative whose verb group starts at token ``v`` ("what is imposed on us is",
    "what has become known as X recalls"): the next verb before ``limit`` after a word that is none."""
    k = v
    while k + 1 < limit and s.verb(k + 1):
        k += 1
    return next((j for j in range(k + 2, limit) if s.verb(j) and not s.verb(j - 1)), None)


def _fronted_comparison(s: _Sentence, i: int) -> str | None:
    """"Like X, NP VP", "Just as X did …, so today NP VP", "Having learned from X, NP VP": a comparison or a
    participle phrase that opens the sentence describes the subject of the main clause after it — the first
    comma-closed part that does not open with a preposition, a subordinator, a verb, a participle or a number."""
    a = i
    while True:
        comma = next((k for k in range(a, len(s.toks)) if s.toks[k].text == ","), None)
        if comma is None:
            return None
        b = comma + 1
        if s.is_(b, "coordinator") and s.is_(b + 1, "determiner"):
            a = b + 1  # ", and the meetings …,": another conjunct of the fronted phrase, not the clause after it
            continue
        while b < len(s.toks) and (s.is_(b, "coordinator", "adverb", "degree")):
            b += 1
        if b >= len(s.toks):
            return None
        if (s.is_(b, "preposition", "subordinator", "relative") or s.verb(b) or s.toks[b].text[:1].isdigit()
                or s.toks[b].low.endswith(("ing", "ly")) or s.punct(b)):
            a = b
            continue
        if s.is_(b, "personal_pronoun") and not s.is_(b, "speaker_pronoun") and s.verb(b + 1):
            return _previous_subject(s)  # "Like the invasion of Iraq, it was …": the pronoun's antecedent is before
        return _clean(s, b, s.np_from(b))


def _two_sides(s: _Sentence, past: tuple[int, int]) -> str | None:
    """"compare A with/to B", "the resemblance between A and B", "bears little resemblance to B": the side that is
    not the past referent (a noun of comparison whose to/with side holds the past leaves the clause's subject to
    the other rules)."""
    for k in range(len(s.toks)):
        if not s.is_(k, "comparison_noun") or k + 2 >= len(s.toks):
            continue
        link = s.toks[k + 1].low
        if link == "between":  # the first "and" of the phrase after it joins the two sides
            a = next((j for j in range(k + 3, min(s.np_from(k + 2) + 1, len(s.toks))) if s.toks[j].low == "and"), None)
            if a is not None:
                return _clean(s, k + 2, a) or _clean(s, a + 1, s.np_from(a + 1))
        elif link in ("to", "with") and s.toks[k + 2].start >= past[1]:
            return _clean(s, k + 2, s.np_from(k + 2))
    for k, t in enumerate(s.toks):
        if t.low.startswith("compar") and s.is_(k, "naming_verb"):
            link = next((j for j in range(k + 1, len(s.toks)) if s.toks[j].low in ("to", "with")), None)
            if link is None:
                return None
            if s.toks[link].start >= past[1]:  # the past is the first side: the second is present
                return _clean(s, link + 1, s.np_from(link + 1))
            return _clean(s, k + 1, s.np_from(k + 1))
    return None


def _named_object(s: _Sentence, i: int) -> str | None:
    """"called those actions a threat of …", "considers Israel to be …": the object of a naming verb before
    the comparison."""
    a = _clause_start(s, i)
    for k in range(i - 1, a - 1, -1):
        if s.is_(k, "naming_verb") and not s.toks[k].low.startswith("compar"):
            end = s.np_from(k + 1)
            if k + 1 < end < i + 1:
                return _clean(s, k + 1, end)
            return None
    return None


def present_target(text: str, sent: tuple[int, int], past: tuple[int, int], cue: tuple[int, int] | None = None,
                   kind: str | None = None, attached: bool = False,
                   others: Sequence[tuple[int, int]] = ()) -> str | None:
    """The present thing a past referent characterises in one sentence, or None when none is named there.

    Parameters
    ----------
    text
        The (normalised) document text.
    sent
        Start and end of the sentence.
    past
        Start and end of the past referent's mention.
    cue
        Start and end of the construction that fired (None for a learned candidate: the referent stands for it).
    kind
        The construction's kind (``analogy_cues.tsv``: comparison, identity, label, lesson, precedent,
        continuation), None for a candidate.
    attached
        The cue is written onto the mention or modifies the noun after it ("Nazi-style crackdown", "fascist
        methods"): the target is the noun phrase the mention opens.
    others
        The sentence's other past mentions (start, end): a phrase holding one is never the target.

    Returns
    -------
    str or None

    Examples
    --------
    >>> t = "The crisis in Myanmar is very reminiscent of what happened in Bosnia in 1995."
    >>> present_target(t, (0, len(t)), (t.index("Bosnia"), t.index("Bosnia") + 6), (t.index("reminiscent"), 48),
    ...                "comparison")
    'The crisis in Myanmar'
    >>> t = "We must not repeat the mistakes of Vietnam."
    >>> present_target(t, (0, len(t)), (35, 42), (12, 34), "lesson") is None
    True
    """
    at = cue[0] if cue is not None else past[0]
    lo, hi = max(sent[0], at - _REACH), min(sent[1], max(past[1], at) + _REACH)
    while lo > sent[0] and not text[lo - 1].isspace():  # a huge "sentence" is read only near the construction,
        lo += 1                                          # from a word start (bounded work per row)
    s = _Sentence(text, lo, hi, [past, *others])
    s.cue = cue
    s.opens = sent[0]  # (the window may start inside a huge sentence)
    if not s.toks:
        return None
    anchor = cue if cue is not None and sent[0] <= cue[0] < sent[1] else past
    i = s.index(anchor[0])
    if i >= len(s.toks):
        return None
    if cue is None:
        # a learned candidate: a comparison word just before the referent ("dictators like Al-Qadhafi", "similar
        # to the Marshall Plan") is the construction
        k = i - 1
        while k > i - 4 and s.is_(k, "determiner", "preposition") and not s.is_(k, "comparison_word"):
            k -= 1
        if s.is_(k, "comparison_word"):
            found = _compared(s, k, past)
            if found:
                return found
    if attached:
        j = s.index(past[0])
        return _clean(s, j, s.np_from(j), renewed=True)
    if kind == "continuation" or _series(s, i, cue, past):  # "X, Y and now Z": the present case named after the cue
        j = s.index(cue[1]) if cue is not None else i
        while s.is_(j, "preposition"):
            j += 1
        return _clean(s, j, s.np_from(j))
    side = _two_sides(s, past)
    if side:
        return side
    if kind == "identity" and cue is not None and cue[1] <= past[0] and anchor is cue:
        # a renewal opens a noun phrase through the mention: it is the target unless it is a predicate
        # ("Mao Tse-tung might be another Tito": the subject), except of an expletive ("there is a new kind of")
        head = i + 1 if s.is_(i, "coordinator", "adverb") else i  # "yet another genocide"
        opens = s.np_from(head, pp=True)
        phrase = _clean(s, i, max(opens, s.np_from(s.index(past[0]), pp=True)), renewed=True)
        if s.toks[opens - 1].end < past[0] if opens > head else True:
            phrase = None  # the cue opens no noun phrase through the mention ("return the world to the days of X")
        k = i - 1
        while s.is_(k, "determiner"):
            k -= 1
        if phrase is None:
            return _named_object(s, i) or _subject(s, i, past)
        if s.is_(k, "linking_verb", "auxiliary", "naming_verb"):
            return _named_object(s, i) or _subject(s, i, past) or phrase
        opened, closed = s.np_ending(i), max(s.np_from(i), s.np_from(s.index(past[0])))
        if opened and s.aside(opened - 1) and closed < len(s.toks) and s.aside(closed):
            # "Fields, a self-described neo-Nazi, killed …", "… a model of excluding others - a neo-fascist model -":
            # the phrase stands in apposition to the one before
            return _apposed(s, opened - 1, past) or phrase
        return _named_object(s, i) or phrase
    if s.is_(i, "superlative") or (s.toks[i].low in ("the", "one") and s.is_(i + 1, "superlative")):
        return _superlative(s, i, past)
    if s.is_(i, "comparison_word") or s.toks[i].low == "such" or (
            i + 1 < len(s.toks) and s.toks[i].low == "the" and s.toks[i + 1].low == "same"):
        found = _compared(s, i, past)
        if found:
            return found
    elif kind == "comparison" and _adverbial(s, i):
        # an adverbial comparison ("just as X …", "as in 1949", "in the same way as X"): the clause it modifies
        found = _compared(s, i, past, adverbial=True)
        if found:
            return found
    if _clause_start(s, i) == 0 and s.toks[0].low.endswith("ing") and not s.function(0):
        found = _fronted_comparison(s, i)  # "Having learned from X, Fiji is …": the participle's subject
        if found:
            return found
    return _named_object(s, i) or _subject(s, i, past)


def _series(s: _Sentence, i: int, cue: tuple[int, int] | None, past: tuple[int, int]) -> bool:
    """The cue at token ``i`` is a coordinator and a time adverb after the past mention ("Rwanda, Srebrenica and now
    Syria"): the last conjunct of a series whatever kind the cue row was given."""
    return (cue is not None and past[1] <= cue[0] and s.is_(i, "coordinator") and s.is_(i + 1, "adverb")
            and i + 2 < len(s.toks) and s.toks[i + 1].end <= cue[1] <= s.toks[i + 2].start)


def _adverbial(s: _Sentence, i: int) -> bool:
    """An adverbial comparison opens at token ``i``: "just as", "as in / as was / as happened / as with",
    "in the same way", "in the way that"."""
    words = [t.low for t in s.toks[i : i + 3]]
    return (words[:2] == ["just", "as"] or (words[:1] == ["as"] and words[1:2] and s.is_(i + 1, "preposition"))
            or (words[1:2] in (["was"], ["happened"], ["did"]) and words[:1] == ["as"])
            or (words[:2] == ["in", "the"] and words[2:3] in (["same"], ["way"])))


def _superlative(s: _Sentence, i: int, past: tuple[int, int]) -> str | None:
    """"the worst crisis since X" is the present thing measured; as a predicate ("is the worst since") its
    subject, in apposition ("the current crisis, possibly the worst since") the phrase before."""
    if i >= 2 and s.toks[i - 1].low == "of" and s.toks[i - 2].low == "one":
        i -= 2
    k = _skip_adverbs(s, i - 1)
    if k >= 0 and s.is_(k, "linking_verb", "auxiliary"):
        return _subject(s, i, past)
    if s.aside(k):
        return _apposed(s, k, past)
    stop = next((j for j in range(i, len(s.toks)) if s.toks[j].low in ("since", "ever", "seen")), len(s.toks))
    return _clean(s, i, stop)


def _skip_adverbs(s: _Sentence, k: int) -> int:
    while k >= 0 and (s.is_(k, "adverb", "degree") or (s.toks[k].low.endswith("ly") and not s.function(k))):
        k -= 1
    return k


def _apposed(s: _Sentence, k: int, past: tuple[int, int]) -> str | None:
    """What a comparison set off by a comma or dash at token ``k`` stands in apposition to: the noun phrase
    before it; the antecedent of a relative ("which, like X, overcame"); the subject of the clause before when
    that clause ends in a quantity ("spending exceeded $1 trillion in 2005 — the same level as at X")."""
    j = k - 1
    if j < 0:
        return None
    if s.is_(j, "relative"):
        return _antecedent(s, j)
    if s.toks[j].text[:1].isdigit() or s.is_(j, "measure_noun"):
        return _subject(s, j, past)
    if s.function(j) or s.breaks_np(j):
        return None
    b = s.np_ending(j + 1, pp=True)
    if s.is_(_skip_adverbs(s, b - 1), "linking_verb", "auxiliary"):
        # the phrase apposed to is a predicative complement ("what is imposed on us is a model of excluding others —
        # a neo-fascist model"): both describe the clause's subject
        found = _subject(s, b, past)
        if found:
            return found
    return _clean(s, b, j + 1)


def _antecedent(s: _Sentence, rel: int) -> str | None:
    """The noun phrase a relative pronoun at token ``rel`` refers back to."""
    k = rel - 1
    while k >= 0 and s.punct(k):
        k -= 1
    return _clean(s, s.np_ending(k + 1, pp=True), k + 1) if k >= 0 else None


def _compared(s: _Sentence, i: int, past: tuple[int, int], adverbial: bool = False) -> str | None:
    """The present side of a comparison word at token ``i`` ("like", "similar to", "the same … as"); an
    ``adverbial`` one ("just as", "as in") modifies a clause, never the noun before it."""
    a = _clause_start(s, i)
    k = _skip_adverbs(s, i - 1)
    if s.aside(k):
        if (adverbial or s.toks[k - 1].low == "that") and s.is_(k - 1, "subordinator") and (
                s.toks[k - 1].low == "that" or not s.is_(k - 1, "relative")):
            # "if you think that, as was the case with X, the end of …", "We hope that, like the Geneva conferences of
            # 1982, the international community will give …": the subject of the that-clause after the insertion
            return _fronted_comparison(s, i)
        return _apposed(s, k, past)
    if k < a:
        return _fronted_comparison(s, i) if a == 0 or s.toks[a - 1].text in (";", ":") else None
    if k < 0:
        return None
    if s.is_(k, "linking_verb", "auxiliary") or s.verb(k):
        return _subject(s, i, past)
    if s.function(k) or s.is_(k, "determiner", "pronoun"):
        return None
    if adverbial:
        return _subject(s, i, past)
    b = s.np_ending(k + 1)
    if s.is_(k, "measure_noun") or (b > 0 and s.is_(b - 1, "preposition") and s.toks[b - 1].low != "of"
                                    and b == k):
        # "on a scale reminiscent of X", "at times reminiscent of X": an adverbial, not the thing compared
        return _subject(s, i, past)
    return _clean(s, b, k + 1)
