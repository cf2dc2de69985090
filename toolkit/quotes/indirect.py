"""Reported speech: ``indirect`` and ``partial`` rows inside one sentence.

Owns: ``_reported`` (a reporting verb with a subject and a clause, a clause
closed by ``, X said``, ``according to X``, asks, findings, passives),
``_claim_noun`` (``his claim that …``), ``_evidential`` (``X found that …``)
and ``_embedded_clause`` (a longer quoted stretch in a sentence said by its
subject). When the clause contains quoted words the row is ``partial``.

Must not touch: the pairing of marks, direct-quote frames or the paragraph
walk (it is called by :mod:`toolkit.quotes.structure`); depends on
attribution, clauses, speakers, marks, cues, tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise

from .. import lexicons
from ..text import ASCII_CASE_VARIANTS
from .attribution import _according_source, _subject, _window_np
from .clauses import (
    _MIN_CLAUSE_QUOTE,
    NOUN_PHRASE_RULE,
    _clause_end,
    _clause_start,
    _finite_like,
    _new_subject,
    _opener_only,
    _prev_comma,
    _Row,
    _short_tail,
    _trim,
    _trim_clause,
    _verb_like,
)
from .cues import (
    _ABBREV,
    _ADDRESSEES,
    _ADJECTIVE_ENDINGS,
    _ADJUNCT_PREPOSITIONS,
    _AGENT_NOUNS,
    _ASK_OPENERS,
    _ASK_WORDS,
    _AUX,
    _BE,
    _CLAIM_NOUNS,
    _CLAUSE_SKIP,
    _CLAUSE_WORDS,
    _COMPLEMENTIZERS,
    _DE_PREPOSITIONS,
    _DROPPED_COMPLEMENTIZERS,
    _FINDING_SOURCES,
    _FINITE_AUX,
    _IMPERSONAL_REPORT,
    _INTENT_NOUNS,
    _LIGHT_VERBS,
    _LINKING_VERBS,
    _MODIFIER_PARTICIPLES,
    _NOUN_DET,
    _OBJECT_CUT,
    _OBJECT_PRONOUNS,
    _OPENERS,
    _OPENING_SOURCES,
    _PASSIVE_AS,
    _PASSIVE_REPORT,
    _PAST_IRREGULAR,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _REPORT_ADJECTIVES,
    _REPORT_NOUNS,
    _RESPONSE_VERBS,
    _SELF_LABEL_HEADS,
    _SELF_LABELS,
    _SUBJECT_PRONOUNS,
    _TIME_WORDS,
    _TOPIC_ADJECTIVES,
    _TOPIC_NOUNS,
    _VIEW_NOUNS,
    _cue_at,
    _generic_cue,
    _grammar,
    _is_opener,
    _is_stop,
    _lex,
    _ly_adverb,
    _numeral,
    _prep_stance,
    _stance_cue,
    _stopword_classes,
)
from .marks import _Quote
from .speakers import (
    _TIME_PREPOSITIONS,
    _de_adverbial,
    _de_inverted,
    _DocState,
    _negation,
    _np_backward,
    _np_forward,
    _remember,
    _resolve,
    _Speaker,
)
from .tokens import Span, _Tok, _tokens

#: cue words that are not reporting verbs themselves ("according to", "pointed out", "in X's view")
_OTHER_CUES = ("according", "pointed", "points", *sorted(_VIEW_NOUNS | _OPENING_SOURCES),
               *sorted(_SELF_LABEL_HEADS),
               *sorted(_TOPIC_NOUNS.keys() | _TOPIC_ADJECTIVES.keys() | _INTENT_NOUNS | _AGENT_NOUNS.keys()))
_OTHER_CUE_WORDS = frozenset(_OTHER_CUES)  # (for membership: one hash look-up, not a pass over the tuple)
#: adverbial-clause openers that end a noun-phrase object ("opposed the plan because it …")


_HAVE = frozenset(("has", "have", "had"))
#: dashes that set off a phrase (a spaced hyphen too: "WASHINGTON (Reuters) - …")
_DASHES = frozenset(("-", "—", "–", "--"))


def _passive_by(toks: list[_Tok], k: int) -> tuple[int, int, list[_Tok]] | None:
    """A passive cue with its agent ("was criticized by the mayor", "is widely supported by voters"):
    (index where the subject starts, index where it ends, the agent's noun phrase), or None.

    English also reads a reduced relative, a participle of stance or judgement with its agent after a noun
    phrase (Quirk et al. 1985, 17.30: "a measure strongly opposed by unions", "The bill, opposed by House
    Republicans, …"): the noun phrase is what the agent's stance is about."""
    t = toks[k]
    if not t.low.endswith("ed") or k < 2 or k + 2 >= len(toks):
        return None
    i = k - 1
    if toks[i].low in _AUX or (len(toks[i].low) > 4 and toks[i].low.endswith("ly")):
        i -= 1  # "was widely criticized", "was first reported"
    elif _lex().lang == "en" and _negation(toks[i].low):
        i -= 1  # "was never mentioned by"
    if toks[k + 1].low != "by":
        return None
    if toks[i].low not in _BE:
        return _reduced_passive(toks, k, i)
    end = i
    if _lex().lang == "en":
        # the rest of the verb group before the form of "be": "has been criticized", "had been soundly rejected"
        while i > 0 and (toks[i - 1].low in _HAVE or toks[i - 1].low in _FINITE_AUX or _negation(toks[i - 1].low)):
            i -= 1
        end = i
    agent = _passive_agent(toks, k)
    if not agent:
        return None
    b = 0
    if _is_opener(toks[0]):
        b = next((x + 1 for x in range(i) if toks[x].t == ","), 0)
    if i - b < 1 or i - b > 15 or any(x.t in ",;:" or x.low in _lex().verbs for x in toks[b:i]):
        return None
    if _lex().lang != "en":
        end = k - 1 if toks[k - 1].low in _BE else k - 2
    return b, end, agent


#: words that end the head phrase of a long agent (a modifier or a coordinated phrase follows)
_AGENT_CUT = frozenset(("of", "who", "which", "whose", "that", "and", "or"))


def _passive_agent(toks: list[_Tok], k: int) -> list[_Tok]:
    """The agent after ``by`` at ``toks[k + 1]``: a noun phrase, or a short run of words up to punctuation."""
    stop = next((x for x in range(k + 2, len(toks)) if not toks[x].t[:1].isalnum()), len(toks))
    agent = _np_forward(toks, k + 2) or (_window_np(toks, k + 2, stop) if stop - k - 2 <= 6 else [])
    if not agent and _lex().lang == "en" and stop - k - 2 > 6:
        # a longer agent: its head phrase names it ("by overwhelming majorities of both men and women")
        agent = _window_np(toks, k + 2, next((x for x in range(k + 3, stop) if toks[x].low in _AGENT_CUT
                                              or toks[x].low in _PREPOSITIONS), stop))
    return agent


def _reduced_passive(toks: list[_Tok], k: int, i: int) -> tuple[int, int, list[_Tok]] | None:
    """English: a participle of stance or judgement at ``toks[k]`` (an adverb before it, ``toks[i]`` the word
    before both) with ``by`` and its agent after a noun phrase, or after a comma closing one: (the noun phrase's
    start, its end, the agent)."""
    lex = _lex()
    info = lex.stance.get(toks[k].low) or lex.verbs.get(toks[k].low)
    if lex.lang != "en" or info is None or info[1] not in ("stance", "naming") or toks[k].low in _LIGHT_VERBS:
        return None  # (not a light verb: "the change offered by Trump")
    end = i + 1  # the noun phrase ends before the adverb or the participle
    supplementive = toks[i].t == "," and i > 1
    if supplementive:
        i -= 1  # a participle clause between commas: "The bill, opposed by House Republicans, never …"
    prev = toks[i]
    if not prev.t.isalpha() or (not prev.cap and (prev.low in lex.pronouns or _verb_like(prev.low)
                                                 or _stopword_classes().get(prev.low) is not None)):
        return None  # (not after a verb or a function word: "and opposed by", "was then endorsed by")
    b = i  # the noun phrase back to its determiner (at most eight words of it)
    while b > 0 and i - b < 7 and toks[b - 1].t[:1].isalnum() and toks[b].low not in _NOUN_DET \
            and (toks[b - 1].cap or toks[b - 1].low in _NOUN_DET or toks[b - 1].t.endswith(("'s", "’s")) or not (
                _verb_like(toks[b - 1].low) or toks[b - 1].low in lex.pronouns
                or _stopword_classes().get(toks[b - 1].low) in ("preposition", "conjunction", "adverb"))):
        b -= 1
    if supplementive and b > 0 and toks[b - 1].t[:1].isalnum():
        return None  # set off by commas, the participle describes the subject ("… through the Senate, supported by")
    agent = _passive_agent(toks, k)
    return (b, end, agent) if agent else None


def _reduced_relative(toks: list[_Tok], k: int) -> list[_Tok]:
    """The noun phrase right before a participle cue with no comma between ("a group backing Cruz",
    "voters saying …"): the participle's subject (empty when a verb, a function word or a comma precedes)."""
    if k == 0:
        return []
    prev = toks[k - 1]
    if not prev.t[:1].isalpha() or prev.low in _AUX or prev.low in _FINITE_AUX or prev.low in _lex().verbs \
            or prev.low in _PREPOSITIONS or prev.low in _CLAUSE_WORDS or _stance_cue(toks, k - 1):
        return []
    if not prev.cap and (prev.low in _lex().pronouns or len(prev.low) < 3 or prev.low.endswith(("ing", "ed", "ly"))):
        return []
    return _np_backward(toks, k)


#: English verbs whose base form ends in -ing: after "to" they are infinitives ("to bring", "to sing")
_ING_BASES = frozenset(("bring", "sing", "ring", "sting", "swing", "cling", "fling", "spring", "string", "wring"))
_TO_GERUND = re.compile(r"to (\w+ing)\b")


def _gerund_after_to(nt: str, start: int) -> bool:
    """English: does the content at ``start`` open with ``to`` and a gerund (``to killing``, ``to acting
    alone``), a prepositional object rather than an infinitive clause?"""
    m = _TO_GERUND.match(nt, start)
    return m is not None and len(m.group(1)) > 5 and m.group(1).lower() not in _ING_BASES


#: English verbs that report someone's words with "as saying": cited X as saying, quoted X as saying
_QUOTING_VERBS = frozenset(("cite", "cites", "cited", "citing", "quote", "quotes", "quoted", "quoting"))
#: participles of saying after "as" in that construction
_AS_SAYING = frozenset(("saying", "telling", "stating", "writing", "warning", "describing"))


def _as_saying(toks: list[_Tok], k: int) -> bool:
    """English: does ``as saying`` (or telling, stating …) follow the quoting verb at ``toks[k]`` within
    its clause (``cited Budi Gunawan, chief of …, as saying``)?"""
    for i in range(k + 1, min(len(toks) - 1, k + 24)):
        if toks[i].t in ".;:!?":
            return False
        if toks[i].low == "as" and toks[i + 1].low in _AS_SAYING:
            return True
    return False


def _as_saying_source(toks: list[_Tok], k: int) -> list[_Tok]:
    """English: the speaker of ``as saying`` at ``toks[k]``: the object of the quoting verb before it
    (``quoted a senior official as saying``: up to its first comma), or the subject of its passive
    (``X was quoted as saying``); [] when ``toks[k]`` is not such a participle."""
    if toks[k].low not in _AS_SAYING or k < 2 or toks[k - 1].low != "as":
        return []
    v = next((i for i in range(k - 2, max(-1, k - 24), -1) if toks[i].low in _QUOTING_VERBS
              or toks[i].t in ".;:!?"), None)
    if v is None or toks[v].low not in _QUOTING_VERBS:
        return []
    if v == k - 2:
        return _np_backward(toks, v - 1) if v > 0 and toks[v - 1].low in _BE else []
    end = next((i for i in range(v + 1, k - 1) if toks[i].t == ","), k - 1)
    obj = toks[v + 1 : end]
    return obj if obj and all(x.t[:1].isalnum() or x.t in (".", "'s", "-") for x in obj) else []


def _noun_use(toks: list[_Tok], k: int) -> bool:
    """Is the cue toks[k] a base form after a word that is neither its subject nor an auxiliary, so a
    noun ("his home state of Vermont")?"""
    t, prev = toks[k], toks[k - 1] if k > 0 else None
    if prev is None or t.low != _lex().verbs.get(t.low, (t.low,))[0]:
        return False
    return not (prev.cap or prev.low in _lex().pronouns or prev.low in _AUX or prev.low in _FINITE_AUX
                or prev.low == "to")


def _object_end(toks: list[_Tok], j: int, se: int) -> int:
    """Where the object of a stance verb starting at toks[j] ends: a that-clause or an infinitive runs
    as a reported clause does; a noun phrase ends at the next comma, dash, colon or parenthesis or
    before an adverbial clause ("… because …")."""
    end = _clause_end(toks, j, se)
    if toks[j].low in _COMPLEMENTIZERS or toks[j].low == "to":
        return end
    listed = False  # a comma of a list seen: the next comma may be the serial comma before "and"
    for i in range(j + 1, len(toks)):
        x = toks[i]
        if x.s >= end:
            break
        if x.t == "," and _list_comma(toks, i, end, listed):
            listed = True
            continue  # a coordinated list: "criticized X, Y and Z", "a kind, loving and admirable person"
        if x.t in (",", ";", ":", "(", "-", "—", "--") or x.low in _OBJECT_CUT:
            return x.s
    return end


def _name_object_end(toks: list[_Tok], j: int, end: int) -> int:
    """English: where a noun-phrase object that is a personal pronoun or a proper name ends. Neither takes a
    restrictive postmodifier (Quirk et al. 1985, 17.2; a name is already definite), so a prepositional phrase
    right after it is an adjunct of the verb (``endorsed Trump in early June``, ``supported her by a wide
    margin``), not part of what was said. Else ``end``."""
    if toks[j].low in _OBJECT_PRONOUNS:
        i = j + 1
    elif toks[j].cap and toks[j].low not in _lex().determiners:
        i = j
        while i < len(toks) and toks[i].s < end and (toks[i].cap or (toks[i].t == "." and toks[i - 1].low in _ABBREV)):
            i += 1
    else:
        return end
    if i < len(toks) and toks[i].s < end and toks[i].low in _ADJUNCT_PREPOSITIONS:
        return toks[i].s
    return end


_SPEECH_EVENTS = _grammar("speech_event")
_SETTING_PREPOSITIONS = frozenset(("in", "on", "at"))


def _setting_adjunct(toks: list[_Tok], i: int, end: int) -> bool:
    """English: does ``toks[i]`` open an adjunct of the time or the occasion of the reporting event after a
    noun-phrase object (``thanked supporters at a rally in Ohio``, ``praised the plan in an interview``,
    ``announced his candidacy in June 2015``; Quirk et al. 1985, 8.46 ff.): *in*, *on* or *at* before a time
    word, a year, or (within three words) a noun of a speech event?"""
    if toks[i].low not in _SETTING_PREPOSITIONS or i + 1 >= len(toks) or toks[i + 1].s >= end:
        return False
    nxt = toks[i + 1]
    if nxt.low in _TIME_WORDS or (len(nxt.t) == 4 and nxt.t.isdigit()):
        return True
    for x in toks[i + 1 : i + 4]:
        if x.s >= end or not x.t[:1].isalpha():
            return False
        if x.low in _SPEECH_EVENTS:
            return True
    return False


def _adjunct_start(toks: list[_Tok], j: int, end: int) -> int | None:
    """English: where an adjunct of time or occasion after a noun-phrase object starting at ``toks[j]`` begins
    (``endorsed Trump last week``, ``… during the debate``, ``… at a rally``), or None."""
    n = len(toks)
    return next((x.s for i, x in enumerate(toks[j + 1 :], j + 1) if x.s < end and (
        x.low == "during" or (x.low == "last" and i + 1 < n and toks[i + 1].low in _TIME_WORDS)
        or _setting_adjunct(toks, i, end))), None)


def _list_comma(toks: list[_Tok], i: int, end: int, listed: bool) -> bool:
    """English: is the comma at toks[i] inside a noun-phrase object one of a coordinated list (Quirk et al.
    1985, 13.60): at most four words with no verb, then *and* / *or* or another list comma ("X, Y and Z",
    "X, Y, and Z"), or the serial comma right before *and* / *or* after a list comma?"""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.s >= end:
        return False
    if nxt.low in ("and", "or"):
        return listed
    for a in range(i + 1, min(len(toks), i + 6)):
        x = toks[a]
        if x.s >= end:
            return False
        if x.low in ("and", "or"):
            return a > i + 1 and a + 1 < len(toks) and toks[a + 1].s < end and not _new_subject(toks, a + 1)
        if x.t == ",":
            return a > i + 1 and not listed and _list_comma(toks, a, end, True)
        if not x.t[:1].isalnum() or _verb_like(x.low) or x.low in _CLAUSE_WORDS or x.low in _OBJECT_CUT \
                or x.low in _COMPLEMENTIZERS:
            return False
    return False


def _relative_object_end(toks: list[_Tok], k: int, j: int, end: int) -> int:
    """English: where the object at ``toks[j]`` of a verb of stance ``toks[k]`` in a subject relative clause
    ends (``students who support Sanders are …``, ``those who backed the plan have …``): before the main
    clause's verb, a form of *be* or *have*, a modal or a past form, when the relative pronoun follows the
    sentence's first noun phrase with no verb before it. Otherwise ``end``."""
    r = k - 1
    while r > 0 and (_ly_adverb(toks[r].low) or toks[r].low in _AUX or toks[r].low in ("has", "have", "had")):
        r -= 1  # "who have long supported", "who also backed"
    if r < 1 or toks[r].low not in ("who", "that") or toks[j].low == "to" or toks[j].low in _COMPLEMENTIZERS \
            or toks[j].low in _WH_COMPLEMENT:
        return end
    if any(_finite_like(x) or x.low in _lex().stance or _past_verb(toks, i) or x.t in ",;:"
           for i, x in enumerate(toks[:r]) if x.t[:1].isalpha() or x.t in ",;:"):
        return end  # a verb before the relative: "She thanked the voters who supported her in May"
    for i in range(j + 1, len(toks)):
        x = toks[i]
        if x.s >= end:
            break
        if x.low in _SUBJECT_PRONOUNS or x.low in _CLAUSE_WORDS or x.low in ("than", "as"):
            return end  # a clause of the object's own: "the energy he is known for", "more than they do"
        if not x.cap and (x.low in _BE or x.low in _FINITE_AUX or x.low in ("has", "have", "had")
                          or _past_verb(toks, i)):
            return x.s
    return end


def _relative_word(toks: list[_Tok], p: int, pronouns: tuple[str, ...]) -> int | None:
    """English: the start of the relative word right before the subject at ``toks[p]`` of an object relative clause
    (Quirk et al. 1985, 17.15): one of ``pronouns``, or *that* after a noun (not after a verb or a noun of claiming,
    where it opens a complement clause: "said that", "the claim that"); None otherwise. ``p`` ≥ 1."""
    prev, lex = toks[p - 1], _lex()
    if prev.low in pronouns:
        return prev.s
    if prev.low == "that" and p > 1 and toks[p - 2].t[:1].isalpha() and toks[p - 2].low not in lex.verbs \
            and not _verb_like(toks[p - 2].low) and toks[p - 2].low not in _CLAIM_NOUNS:
        return prev.s
    return None


def _contact_head(prev: _Tok) -> bool:
    """English: can ``prev``, right before a subject, be the head noun of a contact clause ("a deal she once
    supported"): a lower-case word that is no time word, verb, function word or -ly adverb?"""
    lex = _lex()
    return prev.t.isalpha() and prev.t.islower() and prev.low not in _TIME_WORDS and prev.low not in lex.verbs \
        and not _stopword_classes().get(prev.low) and not _verb_like(prev.low) and not _ly_adverb(prev.low)


def _stranded_object(toks: list[_Tok], np: list[_Tok], k: int) -> int | None:
    """English: where the object of a verb of stance at ``toks[k]`` stands when nothing follows the verb and its
    subject ``np`` opens an object relative clause (Quirk et al. 1985, 17.15): the relative pronoun before the
    subject (``…, which he has denied``, ``…, a charge that Mrs. Clinton has always denied``) or, in a contact
    clause, a noun phrase opened by a determiner right before it (``a deal she once supported``); else None."""
    p = next((i for i in range(k - 1, max(-1, k - 12), -1) if toks[i] is np[0]), -1)
    if p < 1 or any(_verb_like(x.low) or x.low in _CLAUSE_WORDS for x in np):
        return None
    lex = _lex()
    relative = _relative_word(toks, p, ("which", "whom"))
    if relative is not None:
        return relative
    if np[0].low not in _SUBJECT_PRONOUNS and not np[0].cap:
        return None
    if not _contact_head(toks[p - 1]):
        return None  # (the head noun right before the subject: "a deal she …")
    for d in range(p - 2, max(-1, p - 6), -1):
        x = toks[d]
        if x.low in ("a", "an", "the") or (x.low in _NOUN_DET and x.low not in lex.pronouns):
            return x.s if d == 0 or toks[d - 1].t in ",;:—–-" or toks[d - 1].low in ("is", "was") else None
        if not x.t.isalpha() or _verb_like(x.low) or _stopword_classes().get(x.low):
            return None
    return None


def _relative_head(toks: list[_Tok], np: list[_Tok], k: int, ce: int) -> int | None:
    """English: where an object relative clause whose subject is ``np`` (before the cue ``toks[k]``) starts,
    or None. A relative pronoun before the subject (``…, which officials said will go into effect``), or a
    contact clause (Quirk et al. 1985, 17.15): a
    noun phrase opened by a determiner right before a subject pronoun (``the employees they thought were the
    best fit``), when the reported clause after the verb lacks its subject (a modal, *be*, *have* or a past form
    follows the verb) and the noun phrase is no opening adverbial (``In the morning he said …``)."""
    p = next((i for i in range(k - 1, -1, -1) if toks[i] is np[0]), -1)
    if p < 1:
        return None
    prev, lex = toks[p - 1], _lex()
    after = next((x for x in toks[k + 1 :] if x.s >= ce), None)
    if after is None or after.cap or not (
            after.low in _FINITE_AUX or after.low in _BE or after.low in ("has", "have", "had")
            or _past_verb(toks, toks.index(after))):
        return None  # the reported clause lacks its subject: "which officials said will go into effect"
    if any(_verb_like(x.low) or x.low in _CLAUSE_WORDS for x in np):
        return None
    relative = _relative_word(toks, p, ("which",))
    if relative is not None:
        return relative
    if np[0].low not in _SUBJECT_PRONOUNS or np[0].low == "i":
        return None  # (a name after a noun may be its apposition: "his wife Bernadette said")
    if not _contact_head(prev):
        return None
    for d in range(p - 2, max(-1, p - 7), -1):
        x = toks[d]
        if x.low in _NOUN_DET and x.low not in _lex().pronouns:
            if d == 0 or toks[d - 1].t in ",;:" or (d > 0 and _stopword_classes().get(toks[d - 1].low) == "preposition"
                                                   and (d == 1 or toks[d - 2].t in ",;:")):
                return None if d > 0 and _stopword_classes().get(toks[d - 1].low) == "preposition" else x.s
            return x.s
        if not x.t.isalpha() or (x.low in lex.verbs and x.low != "of") or _verb_like(x.low) \
                or (_stopword_classes().get(x.low) and x.low != "of"):
            return None
    return None


def _has_verb(toks: list[_Tok], j: int, end: int) -> bool:
    """Whether the words from toks[j] up to ``end`` look like a clause (a cheap test that a bare
    complement is a clause, not a noun-phrase object: "said the mayor leading", "said the agency lost the
    money", not "defended the policy")."""
    return any(_verb_like(x.low, participles=True) or x.low in _PAST_IRREGULAR for x in toks[j:] if x.s < end)


def _object_clause(toks: list[_Tok], j: int, end: int) -> bool:
    """English: is what follows a verb of stance at toks[j] (up to ``end``) a clause, not a noun phrase?
    Opened by a complementiser, a question word or *to*, or holding a finite auxiliary, *be*/*have* or an
    irregular past form not coordinated with the verb of stance ("expects the bill will pass", "doubts he
    was there"); a form in -ed may be a participle after a noun ("see participants locked in a room")."""
    if toks[j].low in _COMPLEMENTIZERS or toks[j].low in _WH_COMPLEMENT or toks[j].low == "to":
        return True
    return any((_clause_verb(x) or x.low in _BE or (x.low in _PAST_IRREGULAR and _past_verb(toks, i)))
               and toks[i - 1].low not in ("and", "or", "but")
               for i, x in enumerate(toks[j + 1 :], j + 1) if x.s < end)


def _object_participle(toks: list[_Tok], j: int, end: int) -> bool:
    """English: is the bare complement at toks[j] a name or object pronoun and a participle in -ing with its
    own object, so the verb's object and a participle phrase, not a clause ("emailed Amazon Web Services
    informing them of …", "called him asking for …")?"""
    i = j + 1 if toks[j].low in _OBJECT_PRONOUNS else next(
        (i for i in range(j, min(len(toks), j + 6)) if not toks[i].cap), len(toks))
    if i == j or i + 1 >= len(toks) or toks[i + 1].s >= end:
        return False
    x, nxt = toks[i], toks[i + 1]
    return x.low.endswith("ing") and len(x.low) > 4 and x.t.islower() and (
        nxt.low in _lex().determiners or nxt.low in _OBJECT_PRONOUNS or nxt.cap)


#: one-word answers that are the whole content of "said …" ("said yes", "said so")
_ANSWERS = frozenset(("yes", "no", "so"))
#: a one-word answer, then a comma or an adverbial that is no part of it ("said yes while …", "said so in December")
_ANSWER_AFTER = re.compile(r"((?i:yes|no|so))(?=\s*[,;.—–-]|\s+(?:while|but|and|after|when|before|in|on|at|last|"
                           r"this|then|too|again|earlier|later|today|yesterday)\b)")
#: English question words that open a reported question ("did not say how the justices had voted"); not
#: *when*/*which*, which also open adverbial and relative clauses after the cue
#: the question words of _WH_COMPLEMENT that also open a relative clause after a noun
_RELATIVE_WH = frozenset(("who", "where"))
_WH_COMPLEMENT = frozenset(("what", "how", "why", "whether", "who", "where"))
#: English contracted auxiliaries ("they'll", "he's", "we'd")
_CONTRACTED = re.compile(r"^\w+['’](?:ll|s|re|d|ve|m)$")


def _coordinated_subject(toks: list[_Tok], b: int, k: int) -> bool:
    """English: is ``toks[b:k]`` two noun phrases joined by *and* / *or* with no verb ("Bush and his
    rivals", "Democrats and civil rights groups")? Then the conjunction is no clause boundary."""
    if _lex().lang != "en" or k - b < 3:
        return False
    cue = k
    while k > b + 2 and (toks[k - 1].low in _AUX or toks[k - 1].low in _BE or _negation(toks[k - 1].low)
                         or toks[k - 1].low in ("both", "all")):
        k -= 1  # the verb group before the cue: "Cruz and Rubio have both urged …"
    window = toks[b:k]
    joins = [i for i in range(b + 1, k - 1) if toks[i].low in ("and", "or")]
    if not joins or any(toks[i + 1].low in _PREPOSITIONS for i in joins):
        return False  # "showings on Super Tuesday and in the four states": phrases after a noun, not subjects
    if cue + 1 < len(toks) and (toks[cue + 1].low in _BE or toks[cue + 1].low in _FINITE_AUX):
        return False  # "the pay, benefits and pension plan are good": the cue word is a noun
    return not any(x.t in ("-", "—", "--", "(", ")") or (x.low in _CLAUSE_WORDS and x.low not in ("and", "or"))
                   or _verb_like(x.low, participles=True) or x.low in _PAST_IRREGULAR for x in window)


def _catenative_subject(toks: list[_Tok], k: int) -> list[_Tok]:
    """English: the subject of a verb that takes the cue as its infinitive ("Sanders has continued to push
    for …", "the mayor tried to explain …", "who wants to ban …"): the noun phrase before that verb, or []."""
    if k < 3 or toks[k - 1].low != "to":
        return []
    v = k - 2
    while v > 1 and toks[v].low.endswith("ly") and not toks[v].cap and toks[v].low not in _CATENATIVE_ADJECTIVES:
        v -= 1  # "tried repeatedly to …" (not "likely to …")
    verb = toks[v]
    if verb.cap or not verb.t.isalpha() or toks[v - 1].low in _NOUN_DET or toks[v - 1].t.endswith("'s"):
        return []  # "the decision to …", "his plan to …", "Trump's push to …": a noun, not a verb
    if verb.low in _CATENATIVE_ADJECTIVES:
        # "Democratic voters are slightly more likely to say …": an adjective after be takes the infinitive
        b = v - 1
        while b > 0 and (_ly_adverb(toks[b].low) or toks[b].low in ("more", "less", "most", "least", "very", "so",
                                                                     "not", "also", "still", "even")):
            b -= 1
        if b <= 0 or toks[b].low not in _BE:
            return []
        while b > 0 and (toks[b - 1].low in _AUX or toks[b - 1].low in _BE):
            b -= 1
        return _np_backward(toks, b)
    if not (_verb_like(verb.low) or verb.low in _PAST_IRREGULAR or verb.low in _lex().stance
            or toks[v - 1].low in _AUX or toks[v - 1].low in _FINITE_AUX):
        return []
    return _np_backward(toks, v)


#: English adjectives that take a to-infinitive after be, whose subject is the infinitive's (Quirk et al. 1985,
#: 16.75: likely, eager, willing, …)
_CATENATIVE_ADJECTIVES = frozenset(("likely", "unlikely", "eager", "willing", "unwilling", "ready", "reluctant",
                                    "quick", "prepared", "keen", "anxious", "determined", "careful", "slow"))


def _amount_start(toks: list[_Tok], j: int) -> bool:
    """English: does an amount open the clause at ``toks[j]`` (a currency sign, *at least* / *at most*): "showed
    $200,000 in payments", "reported at least six planes filled the skies"?"""
    t = toks[j]
    if t.t in ("$", "£", "€"):
        return j + 1 < len(toks) and toks[j + 1].t[:1].isdigit()
    return t.low == "at" and j + 1 < len(toks) and toks[j + 1].low in ("least", "most")


def _time_tail(tail: list[_Tok]) -> bool:
    """English: is ``tail`` (after a cue) at most a time phrase up to the sentence end ("…, a study concluded
    this year.", "…, the court ruled on Tuesday.")? Then the cue has no object and closes the clause before."""
    for words, t in enumerate(tail):
        if t.t in ".!?":
            return True
        if not (t.low in _TIME_WORDS or t.low in _TIME_PREPOSITIONS or t.t[:1].isdigit()) or words >= 4:
            return False
    return False


def _inverted_tail(tail: list[_Tok]) -> bool:
    """English: is ``tail`` (after a cue that follows the reported clause) only a noun phrase and its
    apposition up to the sentence end ("…, said the company's chief executive, John J. Ferriola.")?"""
    if not tail or tail[0].low not in _NOUN_DET:
        return False
    words = 0
    for t in tail:
        if t.t in ".!?":
            return words > 1
        if t.t in ('"', "'", ":", ";") or t.low == "that" or t.low in _BE or _clause_verb(t) \
                or (t.low in _lex().verbs and not t.cap) or words >= 12:
            return False
        words += 1
    return words > 1


def _object_infinitive(toks: list[_Tok], j: int, to: int) -> bool:
    """English: is ``toks[j:to]`` the object of a to-verb that is the subject of its infinitive ("urged the
    Manhattan mogul to …", "expect the agency to …", "asked him to …"): a determiner, an object pronoun
    or a name, at most six words, no verb and no punctuation?"""
    first = toks[j]
    if to - j > 6 or not (first.low in _NOUN_DET or first.low in ("him", "her", "them", "us", "me")
                          or (first.cap and first.low not in _TIME_WORDS)):
        return False
    return not any((not x.t[:1].isalnum() and x.t != "'s") or _verb_like(x.low) or x.low in _CLAUSE_WORDS
                   or x.low in _TIME_WORDS for x in toks[j:to])


def _progressive_negated(toks: list[_Tok], k: int) -> bool:
    """A negated progressive before the -ing cue ("isn't saying", "is not saying"): the cue is finite."""
    prev = toks[k - 1].low.replace("’", "'")
    if prev in ("isn't", "wasn't", "aren't", "weren't"):
        return True
    return k > 1 and _negation(prev) and toks[k - 2].low in _BE


def _before_verb_group(toks: list[_Tok], k: int) -> int:
    """The index of the token before the cue's verb group (English auxiliaries and negations skipped:
    "and did not say" → the index of "and"); k - 1 in other languages."""
    i = k - 1
    while _lex().lang == "en" and i > 0 and (toks[i].low in _AUX or _negation(toks[i].low)):
        i -= 1
    return max(i, 0)


def _comma_before(toks: list[_Tok], k: int) -> bool:
    """Does a comma close the clause right before toks[k] (in English also inside a closing mark: '…,"
    said X')?"""
    i = k - 1
    while i > 0 and toks[i].t in ('"', "'") and _lex().lang == "en":
        i -= 1
    return i >= 0 and toks[i].t == ","


def _past_verb(toks: list[_Tok], i: int) -> bool:
    """English: is ``toks[i]`` a past verb form that is not an adjective after a determiner ("hacked",
    "deserved", "won"; not "a prepared statement")? Lower case, not a listed cue."""
    t = toks[i]
    if t.cap or t.low in _lex().verbs or not (t.low in _PAST_IRREGULAR or (len(t.low) > 4 and t.low.endswith("ed"))):
        return False
    return i == 0 or not (toks[i - 1].low in _NOUN_DET or toks[i - 1].low in _PREPOSITIONS or toks[i - 1].low in _BE
                          or toks[i - 1].low in _AUX)


def _clause_verb(t: _Tok) -> bool:
    """Is ``t`` the finite verb of a clause that has begun (a modal, *has*/*have*/*had*, a pronoun with
    a contracted auxiliary)? A complementiser after it belongs to that clause, not to the cue."""
    if t.low in _FINITE_AUX or t.low in ("has", "have", "had"):
        return not t.cap  # (not the month: "told reporters in May that …")
    return _CONTRACTED.match(t.low) is not None and t.low.split("'")[0].split("’")[0] in _SUBJECT_PRONOUNS


def _de_subject_after_cue(toks: list[_Tok], b: int, k: int) -> list[_Tok]:
    """German verb-second order with the cue as the finite verb: an adverbial before it, the subject after it.

    ``So erklärte FDP-Finanzexperte Jürgen Koppelin, dass …``, ``Dazu sagte die Ministerin …``:
    ``toks[b:k]`` (the words before the cue in its clause) open with an adverb or a
    prepositional phrase; the noun phrase after the cue (adverbs such as ``auch`` skipped) speaks.
    """
    if b >= k or not _de_adverbial(toks[b]):
        return []
    return _de_inverted(toks, b, len(toks)) if toks[b].low in _DE_PREPOSITIONS or k == b + 1 else []


def _adverbial_window(np: list[_Tok]) -> bool:
    """English: whether a fallback speaker phrase is an adverbial (its first word after -ly adverbs is a
    preposition: ``especially until a few years back``), not a noun phrase."""
    i = 0
    while i < len(np) - 1 and np[i].t.islower() and np[i].low.endswith("ly"):
        i += 1
    return np[i].t.islower() and _stopword_classes().get(np[i].low) == "preposition"


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
    if _lex().lang == "de" and np and _de_adverbial(np[0]):
        # "Außerdem halte die Fraktion den Schritt für „…“", "Von einem „…“ spricht der Gesetzentwurf": the
        # subject after the verb, which may follow the quotation (its words and marks left out)
        whole = [t for t in _tokens(nt, toks[j].s, min(sents[si][1] if si >= 0 else pe, pe))
                 if t.t != '"' and not q.cs <= t.s < q.ce]
        np = _de_inverted(whole, 0, len(whole)) or np
    if not np or (np[0].low in _lex().pronouns and np[0].low not in ("he", "she", "they", "we", "i")):
        return None
    # English: 'The "animosity is …," he told …', 'That makes her "…"': words quoted, no subject that speaks
    unsaid = _lex().lang == "en" and (all(x.low in _lex().determiners for x in np) or np[0].low in ("that", "this"))
    last = next((i for i, t in enumerate(toks) if t.s == np[-1].s), None)  # (np may come from a new token list)
    if last is None:
        cs = toks[j].s  # German, the subject after the quotation: the clause is the whole sentence
    else:
        k = last + 1
        while k < len(toks) and toks[k].low in _AUX:
            k += 1
        k += 1  # the verb
        cs = toks[k].s if k < len(toks) else q.open
    speaker = None if unsaid else _resolve(state, np, np[0].s)
    if speaker is None and not unsaid:
        return None
    # the clause runs on after the quoted words: wanted to "go an extra step" to try to understand …
    se = min(sents[si][1] if si >= 0 else pe, pe)
    rest = _tokens(nt, q.close, min(se, q.close + 400))
    end = _clause_end(rest, 0, se) if rest else q.ce
    c0, c1 = _trim_clause(nt, cs, max(q.ce, end))
    if speaker is not None:
        _remember(state, speaker)
    return _Row(s, e, "partial", c0, c1, [(c0, c1)], speaker, None, None, None, "partial:subject")


def _candidate_indices(toks: list[_Tok], cues: list[int]) -> list[int]:
    """The indices of the tokens the rules of :func:`_reported` look at, in order: a token that starts at a
    cue position (``cues``, sorted), and the token before it.

    The same tokens as testing every token and its successor against the positions, without a Python step
    per token: each position is found among the token starts by bisection.
    """
    starts = [t.s for t in toks]
    found: set[int] = set()
    for c in cues:
        k = bisect_left(starts, c)
        if k < len(starts) and starts[k] == c:
            found.add(k)
            if k:
                found.add(k - 1)
    return sorted(found)


def _reported(
    state: _DocState, nt: str, ss: int, se: int, pq: list[_Quote], done: list[_Row], cue_pos: list[int],
    used_cues: set[int],
) -> list[_Row]:
    """Indirect and partial quotes in one sentence (``pq``: the quotes that overlap it,
    ``done``: the direct quotations attributed by a cue inside it)."""
    lex = _lex()
    lo, hi = bisect_left(cue_pos, ss), bisect_left(cue_pos, se)
    if lo == hi or not _may_report(nt, ss, se, cue_pos[lo:hi]):
        return []
    blocked = [(r.s, r.e) for r in done if r.kind == "direct"] + [
        (q.open, q.close) for q in pq if q.role == "direct"
    ]
    toks = _tokens(nt, ss, se)
    out: list[_Row] = []
    reported: set[tuple[int, int]] = set()  # the content spans of this sentence's reports (in blocked)
    n = len(toks)

    aside: list[_Row] = []  # rows whose holder is no subject a later participle may take (_subject reads out)

    def take(row: _Row | None, report: bool = True, into: list[_Row] = out, block: bool = True) -> bool:
        """Keep a frame rule's row unless it overlaps a span already taken; its content then blocks others
        (unless not ``block``: a noun's topic may hold a report of its own, "a plan that X proposed")."""
        if row is None or any(a < row.ce and row.cs < b for a, b in blocked):
            return False
        into.append(row)
        if block:
            blocked.append((row.cs, row.ce))
        if report:
            reported.add((row.cs, row.ce))
        used_cues.add(row.cue_s)
        return True

    for k in _candidate_indices(toks, cue_pos[lo:hi]):
        t = toks[k]
        if t.low in _CLAIM_NOUNS and 0 < k < n - 2 and toks[k + 1].low == "that" \
                and not any(a <= t.s < b for a, b in blocked) and not any(q.cs <= t.s < q.ce for q in pq) \
                and take(_claim_noun(state, nt, toks, k, se, pq), report=False):
            continue
        if lex.lang == "en" and t.low in _OPENING_SOURCES and take(_opening_source(state, nt, toks, k, se, pq)):
            continue
        if lex.lang == "en" and t.low in _BACKED_NOUNS and 1 < k < n - 2 and toks[k + 1].low in ("of", "from") \
                and not any(q.cs <= t.s < q.ce for q in pq) \
                and take(_backed_subject(state, nt, toks, k, se), into=aside):
            continue  # (aside: the holder is no subject for a later participle, "…, echoing …" is X's)
        if lex.lang == "en" and t.low in _VIEW_NOUNS and take(_point_of_view(state, nt, toks, k, se, pq)):
            continue
        if lex.lang == "en" and (t.low in _TOPIC_NOUNS or t.low in _TOPIC_ADJECTIVES or t.low in _INTENT_NOUNS
                                 or t.low in _AGENT_NOUNS) and 0 < k < n - 2:
            if not any(a <= t.s < b for a, b in blocked) and not any(q.cs <= t.s < q.ce for q in pq) \
                    and take(_topic_object(state, nt, toks, k, se, pq), into=aside, block=False):
                continue
            if t.low not in lex.verbs and t.low not in lex.stance:
                continue
        if lex.lang == "en" and t.low in _SELF_LABELS:
            if 0 < k < n - 1 and not any(q.cs <= t.s < q.ce for q in pq):
                take(_self_label(state, nt, toks, k, pq))
            continue
        if lex.lang == "en" and t.low == "known":
            # "known as/for" names or fames with no speaker; otherwise the participle is no cue here ("known to leap",
            # "had known him for years"; "it is known that" is read at "that")
            if 0 < k < n - 2 and toks[k + 1].low in ("as", "for") and toks[k - 1].low not in _HAVE \
                    and not toks[k - 1].low.endswith(("'ve", "’ve")) and not any(q.cs <= t.s < q.ce for q in pq):
                take(_known_as(nt, toks, k, se))
            continue
        if lex.lang == "en" and t.low == "that" and 1 < k < n - 2 and not any(a <= t.s < b for a, b in blocked) \
                and not any(q.cs <= t.s < q.ce for q in pq):
            take(_frame_that(state, nt, toks, k, se, pq))
            continue
        if t.low not in lex.verbs and t.low not in _OTHER_CUE_WORDS and t.low not in lex.stance \
                and not (0 < k < n - 1 and toks[k + 1].low == "that" and _generic_cue(toks, k)):
            continue  # (a generic cue needs a word before it and "that" after it: _generic_cue's first test)
        if (blocked and any(a <= t.s < b for a, b in blocked)) or t.s in used_cues:
            continue
        if pq and any(q.cs <= t.s < q.ce for q in pq):
            continue  # inside a quoted fragment
        passive = k > 0 and toks[k - 1].low in _BE and t.low in _PASSIVE_REPORT and k + 1 < n \
            and toks[k + 1].low == "to"
        if lex.lang == "en" and not passive and k > 1 and k + 1 < n and (
                (t.low in _PASSIVE_REPORT and toks[k + 1].low == "to")
                or (t.low in _PASSIVE_AS and toks[k + 1].low == "as")):
            kb = k - 1
            while kb > 1 and kb > k - 4 and (_ly_adverb(toks[kb].low) or _negation(toks[kb].low)
                                             or toks[kb].low in _CLAUSE_SKIP):
                kb -= 1  # "is widely expected to", "is not expected to", "has been widely regarded as"
            passive = toks[kb].low in _BE or (toks[kb].low in ("'s", "’s") and kb < k - 1)
        if lex.verbs.get(t.low, ("", "", ""))[2] == "evidential" or passive:
            # (also "The new line is expected to …", "he is said to …": a passive report, no speaker)
            row = _evidential(nt, toks, k, se, pq)
            if row is not None:
                out.append(row)
                blocked.append((row.cs, row.ce))
            continue
        prep = _prep_stance(toks, k) if lex.lang == "en" else None
        cue = _stance_cue(toks, k) if prep else _cue_at(toks, k) or _generic_cue(toks, k) or _stance_cue(toks, k)
        if cue is None:
            continue
        if lex.lang == "en" and t.low in _QUOTING_VERBS and _as_saying(toks, k):
            continue  # "cited X as saying …": X said it, the report is read at "saying"
        lemma, cs, ce = cue
        info = (lemma, "speech", "bare") if lemma in ("call for", "point out") else (
            prep or lex.verbs.get(t.low) or lex.stance.get(t.low) or (lemma, "other", "that"))
        takes_object = info[1] == "stance"
        reduced: list[_Tok] = []
        limit = se  # where the content must end
        if lemma == "put it" or (info[2] == "frame" and not (
                lex.lang == "en" and k + 1 < n and toks[k + 1].low in _COMPLEMENTIZERS)):
            continue  # "continued", "exclaimed", "put it": only next to a direct quotation (or with "that …")
        speaker: _Speaker | None = None
        content: Span | None = None
        gap: tuple[Span, Span] | None = None
        rule = ""
        forget = False  # a speaker not kept in the document's history
        by = _passive_by(toks, k) if lex.lang == "en" else None
        if by is not None:
            # "The meeting was first reported by Politico": the subject is what was reported, the agent said it
            b, g, agent = by
            speaker = _resolve(state, agent, agent[0].s)
            content = _trim_clause(nt, toks[b].s, toks[g].s)
            rule = "indirect:passive_by"
            if not _has_verb(toks, b, content[1]):
                rule += NOUN_PHRASE_RULE  # "The plan was criticized by local farmers": a stance on the plan
        elif t.low == "asked" and (k == 0 or toks[k - 1].low in _ASK_OPENERS) and k + 1 < n \
                and toks[k + 1].low in _ASK_WORDS:
            # "Asked whether he would run, Smith said …": the question, put by an unnamed asker
            e = next((x.s for x in toks[k + 2 :] if x.t in ",;"), se)
            content = _trim_clause(nt, toks[k + 1].s, e)
            rule = "indirect:asked"
        elif lemma == "according to":
            np, j = _according_source(toks, k, 24 if k == 0 else 12)
            if not np:
                continue
            speaker = _resolve(state, np, np[0].s)
            after = [x for x in toks[j + 1 :] if x.t[:1].isalnum()] if j < len(toks) else []
            par = next((i for i in range(k - 1, -1, -1) if toks[i].t in ("(", ")")), None) \
                if lex.lang == "en" else None
            if par is not None and toks[par].t == "(" and par + 2 < k:
                # inside parentheses the report is the parenthetical: "Iowa (93 percent …, according to X)"
                content = _trim_clause(nt, toks[par + 1].s, toks[k - 1].e if toks[k - 1].t != "," else toks[k - 1].s)
            elif k == 0 or (k <= 3 and toks[0].low in ("but", "and", "yet", "so")) or toks[k - 1].t in (":", ";"):
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
            is_participle = t.low.endswith("ing") and k > 0 and toks[k - 1].low not in _BE and not (
                lex.lang == "en" and _progressive_negated(toks, k))
            np = [] if is_participle else _np_backward(toks, k)
            if not np and not is_participle and lex.lang == "en":
                np = _catenative_subject(toks, k)  # "Sanders has continued to push for …"
            if np and lex.lang == "en" and not is_participle:
                np = _closing_subject(toks, k, np)  # "…, a study by the council found."
            kc = k + 1
            while kc < n and toks[kc].e <= ce:
                kc += 1  # past a cue of two words: "the complaint pointed out, …"
            tail = toks[kc:]
            if not np and not is_participle and k > 1:
                # ", the association says.": a common-noun speaker between a comma and a closing cue
                b = max((i + 1 for i in range(k) if toks[i].t in ",;:"), default=0)
                comma = toks[b - 1].t == "," if b > 0 else False
                while lex.lang == "en" and comma and b < k - 1 and toks[b].t in ('"', "'"):
                    b += 1  # the closing mark after the comma: '… since he was 5," his childhood friend told …'
                if comma and k - b <= 6 and (toks[b].low in _NOUN_DET or toks[b].cap or (
                        lex.lang == "en" and _bare_plural_source(toks, b, k))) \
                        and not any(x.low in ("and", "or") for x in toks[b:k]) and _short_tail(tail) \
                        and ((info[1] in ("speech", "writing") and info[2] == "bare") or lemma == "show"
                             or (lex.lang == "en" and info[1] == "cognition" and info[2] == "bare")
                             or (lex.lang == "en" and _time_tail(tail))):
                    np = _window_np(toks, b, k)
            # "The move, Carr explained, was the result of …": a parenthetical attribution
            comma = _prev_comma(toks, np[0]) if np and np[0].s > ss else None
            pc = 0  # the comma closing the parenthetical, in tail
            if lex.lang == "en" and comma is not None and tail and tail[0].low in _PREPOSITIONS:
                # a short adverbial inside the parenthetical: "If …, Clinton suggested in a tweet, women won't …"
                pc = next((i for i in range(2, min(len(tail), 7)) if not tail[i].t[:1].isalnum()), 0)
                if tail[pc].t != "," or any((_verb_like(x.low) and tail[i].low not in _NOUN_DET) or x.low == "that"
                                            for i, x in enumerate(tail[1:pc])):
                    pc = 0  # (a verb form after a determiner is a noun: "in a tweet")
            rest = [x for x in tail[pc + 1 :] if x.t[:1].isalnum()] if tail and tail[pc].t == "," else []
            if lex.lang == "en" and ((takes_object and not _time_tail(tail)) or info[2] == "quote" or (
                    info[2] == "to" and tail and tail[0].low == "to")):
                pass  # these report what follows them, never the clause before ("…, Bloomberg endorsed X")
            elif comma is not None and len(rest) >= 3 and comma.s > ss and rest[0].low not in lex.verbs:
                speaker = _resolve(state, np, np[0].s)
                content = _trim_clause(nt, ss, se)
                gap = (_trim_clause(nt, ss, comma.s), _trim_clause(nt, tail[pc].e, se))
                rule = "indirect:parenthetical"
            # ", he said." closing a clause
            elif np and np[0].s > ss and k - len(np) - 1 >= 0 and _prev_comma(toks, np[0]) \
                    and (_short_tail(tail) or (lex.lang == "en" and _addressee_tail(tail, lemma))) \
                    and not _opener_only(toks, toks.index(np[0]) - 1) and not (
                        lex.lang == "en" and lemma not in _TELL_VERBS and _object_tail(tail)):
                # (not after an opening adverbial alone: "In a radio address, she declared …"; not an apposition
                # before a verb with its object: "X, the president of …, explained the decision")
                speaker = _resolve(state, np, np[0].s)
                comma = _prev_comma(toks, np[0])
                content = _trim_clause(nt, ss, comma.s)
                rule = "indirect:clause_speaker_cue"
            elif not np and not is_participle and k > 0 and _comma_before(toks, k) and (
                    _short_tail(tail, 10) or (lex.lang == "en" and _inverted_tail(tail))) and not (
                    lex.lang == "en" and info[1] not in ("speech", "writing") and _interrupted_subject(toks, k, k)):
                # (English inverts a verb of saying, not of finding: "The poll, released …, showed X leading")
                np2 = _np_forward(toks, k + 1)
                if not np2:
                    # "said lobbyist and GOP strategist Charlie Black, …": up to the comma
                    b = k + 1
                    while b < len(toks) and toks[b].t not in ",;." and b - k <= 10:
                        b += 1
                    np2 = toks[k + 1 : b] if b > k + 1 and b - k <= 10 and toks[b - 1].cap else []
                after_np = toks.index(np2[-1]) + 1 if np2 else len(toks)
                if lex.lang == "en" and after_np < len(toks) and not toks[after_np].cap \
                        and (_finite_like(toks[after_np]) or toks[after_np].low in _FINITE_AUX):
                    np2 = []  # "X, who …, said Latino voters are interested …": the phrase is the clause's subject
                if lex.lang == "en" and np2 and any(_past_verb(toks, i) for i in range(k + 2, min(n, after_np + 2))
                                                    if toks[i].t[:1].isalpha()):
                    np2 = []  # "X, a Republican, said the family deserved better": a clause, not an inverted speaker
                if np2:
                    speaker = _resolve(state, np2, np2[0].s)
                    content = _trim_clause(nt, ss, toks[k - 1].s)
                    rule = "indirect:clause_cue_speaker"
            if content is None:
                if not np and k > 0 and toks[k - 1].t == ",":
                    np = _interrupted_subject(toks, k, k) if lex.lang == "en" and not t.low.endswith("ing") else []
                    forget = bool(np)  # "The company, which employs 500 people, said …"
                    is_participle = not np  # "Moscow's top diplomat whose …, warned that …"
                source = _as_saying_source(toks, k) if lex.lang == "en" and is_participle else []
                if source:
                    # "Reuters quoted a senior official as saying …", "X was quoted as saying …"
                    speaker = _resolve(state, source, source[0].s)
                    rule = "indirect:as_saying"
                elif is_participle and lex.lang == "en" and (k == 0 or (k == 1 and toks[0].low in _OPENERS)):
                    # "When announcing the shutdown on Monday, Prime Minister Tuilaepa called on …": a
                    # participle or gerund clause opening the sentence has the main clause's subject (Quirk et al.
                    # 1985, 15.58: the attachment rule of non-finite adverbial clauses)
                    comma, np2 = _main_subject(toks, k)
                    if not np2 or (info[2] == "that" and toks[k + 1].low not in _COMPLEMENTIZERS):
                        continue  # (a verb of class that takes its clause right after it: not "establishing quotas
                        # or taking other steps that …")
                    speaker = _resolve(state, np2, np2[0].s)
                    rule = "indirect:opener"
                    limit = toks[comma].s
                elif is_participle:
                    reduced = _reduced_relative(toks, k) if lex.lang == "en" else []
                    # "the super PAC backing Bush": the participle modifies the noun phrase before it
                    speaker = _resolve(state, reduced, reduced[0].s) if reduced else _subject(state, toks, k, out, done)
                    rule = "indirect:participle"
                elif not np and lex.lang == "en" and 1 < k < 5 and toks[0].low.endswith("ing") \
                        and _is_opener(toks[0]) and toks[k - 1].low == "to":
                    # "Continuing to explain his view, the mayor …": the opener's subject is the main clause's
                    comma, np2 = _main_subject(toks, k)
                    if not np2:
                        continue
                    speaker = _resolve(state, np2, np2[0].s)
                    rule = "indirect:opener"
                    limit = toks[comma].s
                elif np:
                    # "Mehrdad Pahlavanzadeh, the president of the federation, explained …": the apposition
                    # speaks for the name before it, and stays out of the history later pronouns read
                    forget = lex.lang == "en" and _apposed(toks, toks.index(np[0]))
                    speaker = _resolve(state, np, np[0].s)
                    rule = "indirect:speaker_cue"
                else:
                    # "Some advocates for stem cell research said …", "Graham called … and said …"
                    dashes = [i for i in range(k) if toks[i].t in _DASHES and toks[i].e < toks[i + 1].s] \
                        if lex.lang == "en" else []
                    b = max((i + 1 for i in range(k) if toks[i].t in ",;:" or (len(dashes) == 1 and i == dashes[0])),
                            default=0)
                    # (English: also after one spaced dash: "WASHINGTON (AP) — the senator on Tuesday said …"; two
                    # dashes set off an insertion: "Democrats — and some Republicans — say")
                    while b < k - 1 and toks[b].low in _CLAUSE_WORDS:
                        b += 1  # "…, when many commentators called him …"
                    kv = k
                    while lex.lang == "en" and t.low.endswith("ing") and kv > b + 1 and (
                            toks[kv - 1].low in _BE or _negation(toks[kv - 1].low)):
                        kv -= 1  # a progressive (not a passive): "Full-blown capitalists are saying …"
                    while lex.lang == "en" and kv > b + 2 and toks[kv - 1].low in ("both", "all") \
                            and _coordinated_subject(toks, b, k):
                        kv -= 1  # "Cruz and Rubio have both urged": the floating quantifier is no subject word
                        while kv > b + 2 and (toks[kv - 1].low in _AUX or _negation(toks[kv - 1].low)):
                            kv -= 1
                    np = _window_np(toks, b, kv) if k - b <= 12 and not any(
                        (x.low in _CLAUSE_WORDS and not (i > b and _coordinated_subject(toks, b, k)))
                        or (x.low in lex.verbs and toks[i - 1].low not in _NOUN_DET
                            and not (lex.lang == "en" and len(toks[i - 1].low) > 4
                                     and toks[i - 1].low.endswith((*_ADJECTIVE_ENDINGS, "er")))
                            and not (lex.lang == "en" and _numeral(toks[i - 1]))  # "in five states say"
                            and not (lex.lang == "en" and i == kv - 1 and kv == k and x.low.endswith("s")
                                     and x.low != lex.verbs[x.low][0]))  # "reports said": no two finite verbs
                        for i, x in enumerate(toks[b:kv], b)
                    ) else []
                    if lex.lang == "de" and (not np or _de_adverbial(np[0])):
                        np = _de_subject_after_cue(toks, b, k) or np
                    if lex.lang == "en" and np and b > 1 and toks[b - 1].t == "," and _adverbial_window(np):
                        # "People, especially until a few years back, hated …": an adverbial between commas
                        # is no subject; the noun phrase before it, alone in its segment, is
                        b0 = max((i + 1 for i in range(b - 1) if toks[i].t in ",;:"), default=0)
                        lead = _np_forward(toks, b0)
                        np = lead if lead and toks.index(lead[-1]) == b - 2 else []
                    if np:
                        speaker = _resolve(state, np, np[0].s)
                        rule = "indirect:speaker_cue"
                    elif k > 0 and toks[_before_verb_group(toks, k)].low in ("and", "but", "then"):
                        speaker = _subject(state, toks, k, out, done)  # (also "… and did not say …")
                        rule = "indirect:coordinated"
                    elif lex.lang == "en" and info[1] in ("speech", "cognition", "writing", "stance"):
                        raw = _bare_subject(toks, b, kv) or _interrupted_subject(toks, b, kv)
                        if raw:
                            np = raw
                            # "Six in 10 say …", "Most believe that …", "Majorities of Democrats in five states
                            # say …": a subject the noun-phrase readers refuse, whole up to the verb (not
                            # remembered: a later pronoun refers to a speaker named plainly)
                            speaker = _resolve(state, raw, raw[0].s)
                            rule = "indirect:speaker_cue"
                            forget = True
                    if speaker is None:
                        continue
                j = k + 1
                while j < len(toks) and toks[j].e <= ce:
                    j += 1  # past a cue of two words: "called for"
                if info is not None and info[2] == "quote":
                    # naming verbs count only with a quoted fragment: called the suspension "arbitrary"
                    q = next((q for q in pq if q.role == "embedded" and not q.used and ce < q.open <= ce + 100
                              and q.ce <= se and ";" not in nt[ce : q.open]), None)
                    if j >= len(toks) or (q is None and lex.lang != "en"):
                        continue
                    if q is None:
                        takes_object = True  # English: "praised the decision", "described the dinner as …"
                    else:
                        # the clause runs on after the quoted words: called Rubio "Little Marco" multiple times
                        start = toks[j].s
                        end = _clause_end(toks, j, se)
                        i0 = toks.index(np[0]) - 1 if np else -1
                        while lex.lang == "en" and i0 > 0 and (toks[i0].t == "." or toks[i0].low in _ABBREV):
                            i0 -= 1  # "what Mr. Hedge called"
                        if np and i0 >= 0 and toks[i0].low == "what":
                            start = toks[i0].s  # 'what aide Kevin Phillips called "the beginning of …"'
                            if lex.lang == "en":
                                end = q.ce  # the free relative ends with the name: 'under what X called "…", the club'
                        if lex.lang == "en" and nt[q.close : q.close + 3].lstrip()[:1] in ("-", "—", "–"):
                            end = q.ce  # a dash after the name opens an apposition: 'called him "…" – the founder …'
                        content = _trim_clause(nt, start, max(q.ce, end))
                        rule += ":naming"
                elif lemma in _TELL_VERBS and j < len(toks):
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
                if content is None and lex.lang == "en" and j + 1 < len(toks) and (
                        (takes_object and info[1] == "naming" and toks[j].low in _PREPOSITIONS)
                        or (info[1] in ("speech", "cognition", "writing") and toks[j].low in ("about", "of")
                            and not _noun_use(toks, k))
                        or (lemma in _RESPONSE_VERBS and toks[j].low == "to" and not _noun_use(toks, k))):
                    # the topic after a preposition: "referring to the plan", "complained about the tone"
                    takes_object = True
                    j += 1
                if content is None and takes_object:
                    while j < len(toks) and toks[j].low in _CLAUSE_SKIP:
                        j += 1
                    stranded = lex.lang == "en" and np and (j >= len(toks) or toks[j].t in ",.;:!?)—–-")
                    h = _stranded_object(toks, np, k) if stranded else None
                    if h is not None:
                        # an object relative clause: 'a deal she once supported', ', which he has denied,'
                        content = _trim_clause(nt, h, np[0].s)
                        rule += NOUN_PHRASE_RULE
                    elif j >= len(toks) or not _clause_start(toks[j]) or toks[j].t in ('"', "'"):
                        continue
                if content is None and takes_object:
                    end = min(limit, _object_end(toks, j, se))
                    if lex.lang == "en":
                        end = _relative_object_end(toks, k, j, end)  # "those who favor the tax agree that …"
                        end = _name_object_end(toks, j, end)  # "endorsed Trump in early June"
                    if reduced:
                        # the sentence's verb follows the participle's object: "a group backing Cruz bought …"
                        end = next((x.s for x in toks[j + 1 :] if x.s < end and not x.cap and _finite_like(x)), end)
                    pairs = zip(toks[j:], toks[j + 1 :], strict=False)
                    if any(x.low in _CLAIM_NOUNS and y.low == "that" for x, y in pairs if y.s < end):
                        continue  # "rejected Smith's claim that …": the claim is the report
                    content = _trim_clause(nt, toks[j].s, end)
                    if not _has_verb(toks, j, end) or (lex.lang == "en" and info[2] == "object"
                                                       and not _object_clause(toks, j, end)):
                        rule += NOUN_PHRASE_RULE  # "endorsed Clinton", "opposed the plan": what the stance is about
                        if lex.lang == "en":
                            # a time adjunct is no part of the object: "endorsed Trump last week", "… during the debate"
                            e2 = _adjunct_start(toks, j, end)
                            if e2 is not None:
                                content = _trim_clause(nt, toks[j].s, e2)
                if content is None and lex.lang == "en" and j < len(toks) and toks[j].low in ("that", "this") \
                        and (j + 1 == len(toks) or toks[j + 1].t in ".!?;"):
                    # a demonstrative object refers to what was said before: "by the time he said that."
                    content = _trim_clause(nt, toks[j].s, toks[j].e)
                    rule += NOUN_PHRASE_RULE
                if content is None:
                    while j < len(toks) and (toks[j].low in _CLAUSE_SKIP or toks[j].t == ","):
                        j += 1
                    if lex.lang == "en" and j < len(toks) and toks[j].t in _DASHES:
                        # an insertion between dashes before "that": "said — on Twitter, as it happens — that …"
                        d = next((i for i in range(j + 2, min(len(toks) - 1, j + 12)) if toks[i].t in _DASHES), None)
                        if d is not None and toks[d + 1].low in _COMPLEMENTIZERS:
                            j = d + 1
                    # an adverbial before the complementiser: "said earlier on Friday during a news conference that"
                    nested = object_to = False
                    j_first = j  # the first word after the cue (or its addressee)
                    for look in range(j, min(len(toks), j + 13)):
                        if info[2] == "to" and toks[look].low == "to" and lex.lang == "en" and look > j \
                                and _object_infinitive(toks, j, look):
                            object_to = True  # "urged the mogul to release …", "expect the agency to dial back …"
                            break
                        if info[2] == "to" and toks[look].low == "to" and lex.lang == "en" and (
                                look == j or (look - j <= 3 and not any(x.cap and x.low not in _TIME_WORDS
                                                                        for x in toks[j:look]))):
                            j = look  # the infinitive is the content: "refused to speak to reporters as she …",
                            break  # also after a short adverbial: "declined at first to …", "promised Monday to …"
                        inner_cue = _cue_at(toks, look) if look > j else None
                        if inner_cue is not None and inner_cue[0] in ("say", "tell"):
                            nested = True  # "reported its source said that …": the inner report wins
                            break
                        if toks[look].low in _COMPLEMENTIZERS or toks[look].t in ",.;":
                            if toks[look].low in _COMPLEMENTIZERS:
                                j = look
                            elif lex.lang == "en" and toks[look].t == "," and look - j <= 4:
                                # a parenthetical before "that": "believes, for example, that …", "said on
                                # Monday, in a statement, that …"
                                j = next((c + 1 for c in range(look, min(len(toks) - 1, look + 7))
                                          if toks[c].t == "," and toks[c + 1].low in _COMPLEMENTIZERS), j)
                            break
                        if toks[look].low in _BE:
                            break  # a clause has begun: "say she is likely to argue that …"
                        if lex.lang == "en" and toks[look].low in _WH_COMPLEMENT:
                            j = look  # "did not say what other techniques he would support"
                            break
                        if lex.lang == "en" and _clause_verb(toks[look]):
                            break  # "said the coverage would resemble that of …", "said they'll undo … if"
                        if lex.lang == "en" and look > j and _past_verb(toks, look):
                            break  # "said Russian services hacked … and she …": the clause has its verb
                        if lex.lang == "en" and look == j and info[2] == "to" and toks[look].low in _OBJECT_PRONOUNS \
                                and look + 1 < len(toks) and toks[look + 1].low == "to":
                            continue  # the object of the infinitive's verb: "urged him to resign"
                        if toks[look].low in lex.pronouns and not (look > j and toks[look - 1].low in _PREPOSITIONS):
                            if look > j and toks[look].low in ("he", "she", "they", "i", "we", "it"):
                                j = look  # "said on Monday he sold …" (not "in her remarks")
                            break
                    if nested:
                        continue
                    has_that = j < len(toks) and toks[j].low in _COMPLEMENTIZERS
                    if has_that:
                        j += 1 if toks[j].low in _DROPPED_COMPLEMENTIZERS else 0
                        if lex.lang == "en" and j + 1 < len(toks) and toks[j].t == "," and toks[j + 1].low in _OPENERS:
                            j += 1  # an adverbial between commas opens the clause: "found that, on average, …"
                    elif info is not None and info[2] == "to" and j < len(toks) and (toks[j].low == "to" or object_to):
                        pass  # "pledged to oppose …": the infinitive (with its subject) is the content
                    elif info is not None and info[2] == "that" and np and (np[-1].low in _FINDING_SOURCES or (
                            lex.lang == "en" and _finding_subject(toks, k))):
                        pass  # "a survey found the mayor receiving …": a poll or study finds without "that"
                    elif info is not None and info[2] == "to" and info[1] in ("cognition", "speech") \
                            and lex.lang == "en" and any(x.low in _FINITE_AUX or x.low in _BE
                                                         for x in toks[j + 1 : j + 8]):
                        pass  # "officials hope the technology can aid …": a clause with a finite verb
                    elif lex.lang == "en" and j + 1 < len(toks) and toks[j].low in _WH_COMPLEMENT \
                            and toks[j + 1].t[:1].isalnum() and (j == j_first or toks[j].low not in _RELATIVE_WH):
                        # an interrogative clause: "asked Richards what impact …", "did not explain how …", "did not
                        # say Monday whether …" (who or where only right after the verb or its addressee: after a
                        # noun they open a relative clause, "X who sponsored the bill")
                        pass
                    elif info is not None and info[2] != "bare":
                        continue
                    if j >= len(toks) or not (_clause_start(toks[j]) or (
                            has_that and lex.lang == "en" and toks[j].low in _OPENERS) or (
                            lex.lang == "en" and _amount_start(toks, j))):
                        continue  # (after "that" an adverbial may open the clause: "found that in such districts, …")
                    end = min(limit, _clause_end(toks, j, se))
                    if lex.lang == "en" and not has_that and not object_to and _object_participle(toks, j, end):
                        rule += NOUN_PHRASE_RULE  # "emailed the firm informing it of …": an object, a participle
                        end = next((x.s for x in toks[j:] if x.t in ",;:" and x.s < end), end)  # (up to a comma)
                    elif not has_that and not object_to and (toks[j].low in _NOUN_DET or (
                            lex.lang == "en" and toks[j].low != "to" and not (np and (
                                np[-1].low in _FINDING_SOURCES or _finding_subject(toks, k)))  # (a poll finds X with …)
                            and not any(x.low in _WH_COMPLEMENT for x in toks[j:] if x.s < end))) \
                            and not _has_verb(toks, j, end):
                        # "defended the new border policy": what was said about, not a reported clause;
                        # PolNeAR annotates such objects as attributions: kept, marked, left out by default
                        rule += NOUN_PHRASE_RULE
                    content = _trim_clause(nt, toks[j].s, end)
        if content is None or (speaker is None and rule != "indirect:asked"):
            continue
        if lex.lang == "en" and rule.startswith("indirect:speaker_cue") and np and info[1] in ("speech", "cognition"):
            head = _relative_head(toks, np, k, ce)
            if head is not None:
                # an object relative clause: the head or relative pronoun is what the verb is about
                # ("the crude insults he sprays at opponents", ", which private lenders still considered too risky")
                content = _trim_clause(nt, head, content[1])
                rule = rule.removesuffix(NOUN_PHRASE_RULE)
        if lex.lang == "en" and rule == "indirect:participle" + NOUN_PHRASE_RULE and lemma in _MODIFIER_PARTICIPLES:
            continue  # "a study comparing the two plans", "candidates seeking the nomination": the participle modifies
        if lex.lang == "en" and not rule.endswith(NOUN_PHRASE_RULE) and _gerund_after_to(nt, content[0]):
            rule += NOUN_PHRASE_RULE  # "confessed to killing his sister": a preposition and a gerund, no clause
        c0, c1 = content
        if lex.lang == "en" and rule.startswith("indirect:participle") and lemma == "say" \
                and nt[c0:c1].split(" ", 1)[0].lower() in ("who", "which", "when", "whose"):
            continue  # "…, said six million people who …", "…, said when X asked him": no reported clause here
        # English: a closing attribution frames the reports inside its clause too ("Russians now say they …,
        # a study concluded."): their spans do not cut its content (direct quotations still do)
        closing = lex.lang == "en" and rule in ("indirect:clause_speaker_cue", "indirect:clause_cue_speaker",
                                                "indirect:according_to")
        for a, b in blocked:
            if closing and (a, b) in reported and c0 <= a and b <= c1:
                continue
            if c0 <= a < c1:
                c1 = _trim_clause(nt, c0, a)[1]  # never run into a direct quotation
            elif a <= c0 < b:
                c1 = c0
        if lex.lang == "en" and lemma in ("say", "answer", "reply", "respond"):
            answer = _ANSWER_AFTER.match(nt, c0, c1)
            if answer is not None:
                c1 = c0 + len(answer.group(1))  # the answer alone: "72 percent said yes while 48 percent …"
        # (a naming verb's pronoun and one quoted word stay a scare quote: 'called them "jihadists"')
        shortest = 1 if rule.endswith(NOUN_PHRASE_RULE) else 2 if nt[c0 : c0 + 3] == "to " or (
            lex.lang == "en" and not rule.endswith(":naming")) else 3
        if len(nt[c0:c1].split()) < shortest and not (
                lex.lang == "en" and lemma in ("say", "answer", "reply", "respond") and nt[c0:c1].lower() in _ANSWERS):
            continue  # (a one-word answer is what was said: "75 percent said yes", "half said so")
        if lex.lang == "en" and rule.endswith(NOUN_PHRASE_RULE) and all(
                w.lower().strip(".,") in _TIME_WORDS or w.lower() in _TIME_PREPOSITIONS for w in nt[c0:c1].split()):
            continue  # a time adjunct is no object: "said Thursday", "endorsed on Monday"
        if lex.lang == "en" and rule.endswith(NOUN_PHRASE_RULE) and nt[c0:c1].lower() in _ANSWERS:
            rule = rule[: -len(NOUN_PHRASE_RULE)]  # "He said no": an answer, not a noun phrase
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
        if speaker is not None and not forget:
            _remember(state, speaker)
        used_cues.add(cs)
        blocked.append((c0, c1))
        reported.add((c0, c1))
    if aside:
        # a noun's topic inside another report's content is part of that report ("The call for a ban was rejected")
        out += [r for r in aside if not any(o.cs <= r.cs and r.ce <= o.ce for o in out)]
    return out


@lru_cache(maxsize=1)
def _prefilter() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str] | None]:
    """Patterns for the text a rule of :func:`_reported` can fire on, compiled from the lexicons, and the
    cue words they look for (lower case; None when one of them is not a run of two or more ASCII letters
    that begins a cue, ``_Lex.first_words``: then the cue positions cannot stand in for a scan)."""
    lex = _lex()
    words = [f for f in [*lex.verbs, *lex.stance] if " " not in f] + list(_OTHER_CUES)
    cues = lexicons.alternation(words)
    ends = lexicons.alternation(["ed", "s", "clear", *_CLAIM_NOUNS, *_REPORT_NOUNS, *_REPORT_ADJECTIVES])
    lower = frozenset(w.lower() for w in words)
    positions = all(w in lex.first_words and re.fullmatch("[a-z]{2,}", w) for w in lower)
    return (
        re.compile(rf"(?<![^\W\d])(?:{cues})(?!\w)", re.IGNORECASE),  # a cue word as a whole token
        re.compile(rf"(?:{cues})(?!\w)", re.IGNORECASE),  # ... at the window's start (a cut token)
        re.compile(rf"(?:{ends})\s+that", re.IGNORECASE),  # "X believes that", "his claim that"
        lower if positions else None,
    )


@lru_cache(maxsize=1)
def _that_ends() -> tuple[str, ...] | None:
    """The words of the *… that* pattern of :func:`_prefilter` in lower case (``ed``, ``s``, ``clear``, the
    claim and report nouns and adjectives), or None if one is not ASCII letters (then the pattern decides)."""
    words = tuple(sorted({w.lower() for w in ["ed", "s", "clear", *_CLAIM_NOUNS, *_REPORT_NOUNS, *_REPORT_ADJECTIVES]}))
    return words if all(re.fullmatch("[a-z]+", w) for w in words) else None


def _ends_before_that(low: str, ends: tuple[str, ...]) -> bool:
    """Does ``(?:ends)\\s+that`` match in ``low`` (a lower-cased window with no character that folds to an
    ASCII letter, see :func:`_may_report`)?

    Each *that* is looked up with ``str.find``; before it a run of white space, and before that run one of
    ``ends`` (they end in a letter, so such a word ends where the run starts). The regex, with no first
    character to skip to, tried its alternation at every position of the window.
    """
    i = low.find("that")
    while i >= 0:
        j = i
        while j > 0 and low[j - 1].isspace():
            j -= 1
        if j < i and low.endswith(ends, 0, j):
            return True
        i = low.find("that", i + 1)
    return False


_RUN = re.compile(r"[A-Za-z]+")
_FOLDS_TO_ASCII = re.compile(f"[{ASCII_CASE_VARIANTS}]")
_LETTER_BEFORE = re.compile(r"[^\W\d]")  # what the whole-token pattern's look-behind refuses
_WORD_AFTER = re.compile(r"\w")


def _cue_word_at(nt: str, starts: list[int], e: int, words: frozenset[str]) -> bool:
    """Does one of the words starting at ``starts`` (cue positions inside a window ending at ``e``) match the
    whole-token pattern of :func:`_prefilter` by itself? A listed cue word, not after a letter, not followed
    by a word character before ``e``: then the pattern's search finds a match, without scanning the window."""
    for c in starts:
        m = _RUN.match(nt, c, e)
        if m is None or m.group().lower() not in words:
            continue
        end = m.end()
        if (c == 0 or _LETTER_BEFORE.match(nt, c - 1) is None) and (end == e or _WORD_AFTER.match(nt, end) is None):
            return True
    return False


def _may_report(nt: str, s: int, e: int, starts: list[int] | None = None) -> bool:
    """Can a rule of :func:`_reported` fire in ``nt[s:e]``? Cheap regex checks that spare the tokens.

    Every rule needs a token that is a listed cue (a reporting verb, *according*,
    *pointed*/*points*) or a word before *that* (an unlisted verb in *-ed*/*-s*,
    a claim noun). A token starts after a non-letter (or at ``s``) and ends
    before a non-word character (or at ``e``), so the patterns below find every
    such token; a false alarm only costs the full look.
    """
    if _lex().lang != "en":
        return True  # the patterns are English (the -ed/-s before "that"); other languages take the full look
    whole, at_start, before_that, words = _prefilter()
    if starts is not None and words is not None:
        # the words at the cue positions (``starts``: those in the window) decide the whole-token pattern
        # without a scan: every match of it is a run of ASCII letters, not after a letter, and such runs
        # are cue positions (every cue word is a first word of a cue), unless a character that matches an
        # ASCII letter case-insensitively is about or a run goes on past the window's end
        if _cue_word_at(nt, starts, e, words):
            return True
        if at_start.match(nt, s, e):
            return True
        if _FOLDS_TO_ASCII.search(nt, s, e) is None and not (e < len(nt) and _RUN.fullmatch(nt, e - 1, e + 1)):
            ends = _that_ends()
            if ends is None:
                return "that" in nt[s:e].lower() and before_that.search(nt, s, e) is not None
            return _ends_before_that(nt[s:e].lower(), ends)
    return bool(whole.search(nt, s, e) or at_start.match(nt, s, e) or before_that.search(nt, s, e))


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}


def _content_clause(nt: str, toks: list[_Tok], j: int, se: int, pq: list[_Quote]) -> tuple[int, int] | None:
    """The reported clause opening at ``toks[j]`` (trimmed, to its clause end), or None when it is under three
    words or holds a direct quotation (that one is a quote of its own)."""
    c0, c1 = _trim_clause(nt, toks[j].s, _clause_end(toks, j, se))
    if len(nt[c0:c1].split()) < 3 or any(q.role == "direct" and c0 <= q.open < c1 for q in pq):
        return None
    return c0, c1


def _clause_row(state: _DocState | None, nt: str, pq: list[_Quote], c0: int, c1: int, speaker: _Speaker | None,
                cue: _Tok, name: str, remember: bool = True) -> _Row:
    """The row of a reported clause ``nt[c0:c1]`` framed by ``cue``: *partial* when quoted fragments stand
    inside it (they are used up, and the row spans them), else *indirect*; rule ``"{kind}:{name}"``. With
    ``remember`` a speaker named in the text becomes the document's last-named source."""
    inner = [q for q in pq if q.role == "embedded" and not q.used and c0 <= q.cs and q.ce <= c1 + 1]
    for q in inner:
        q.used = True
    kind = "partial" if inner else "indirect"
    s, e = _trim(nt, inner[0].cs, inner[-1].ce) if inner else (c0, c1)
    if remember and state is not None and speaker is not None and speaker.ms is not None:
        _remember(state, speaker)
    return _Row(s, e, kind, c0, c1, [(c0, c1)], speaker, cue.low, cue.s, cue.e, f"{kind}:{name}")


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
    elif _lex().lang == "en":
        return _held_claim(state, nt, toks, k, se, pq)
    else:
        return None
    if not np:
        return None
    j = k + 2
    if j >= len(toks) or not _clause_start(toks[j]):
        return None
    clause = _content_clause(nt, toks, j, se, pq)
    if clause is None:
        return None
    c0, c1 = clause
    speaker = _resolve(state, np, np[0].s)
    if speaker is None:
        return None
    speaker.mention, speaker.ms, speaker.me = nt[prev.s : prev.e] if len(np) == 1 else speaker.mention, \
        speaker.ms, speaker.me
    return _clause_row(state, nt, pq, c0, c1, speaker, toks[k], "claim_noun")


def _held_claim(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """English: a noun of saying with no possessor and its appositive that-clause ("made the claim that …",
    "amid fears that …", "the suggestion that …"): held by the subject of the verb whose object the noun is,
    else by no one named (in a sentence without quotation marks). A that-clause with no subject of its own
    ("the claim that was made") is a relative clause, no report."""
    i = k - 1
    words = 0
    while i > 0 and words < 2 and toks[i].t.isalpha() and toks[i].t.islower() and toks[i].low not in _NOUN_DET \
            and toks[i].low not in _lex().verbs and toks[i].low not in _PREPOSITIONS and not _past_verb(toks, i) \
            and toks[i].low not in _lex().pronouns and toks[i].low not in _CLAUSE_WORDS \
            and not toks[i].low.endswith("s"):
        i -= 1  # adjectives: "the widespread belief that", "the repeated claims that"
        words += 1
    owner = toks[i]
    preposition = owner.low in _PREPOSITIONS or _stopword_classes().get(owner.low) == "preposition"
    if not (owner.low in _NOUN_DET or preposition) or owner.low in _POSSESSIVE_PRONOUNS:
        return None
    j = k + 2
    nxt = toks[j]
    if not _clause_start(nxt) or nxt.low in _BE or nxt.low in _FINITE_AUX or nxt.low in ("has", "have", "had") \
            or _verb_like(nxt.low) or nxt.low in _PAST_IRREGULAR:
        return None
    clause = _content_clause(nt, toks, j, se, pq)
    if clause is None:
        return None
    c0, c1 = clause
    np: list[_Tok] = []
    v = i - 1 if owner.low in _NOUN_DET else -1
    if v > 0 and not toks[v].cap and (toks[v].low in _LIGHT_VERBS or toks[v].low in _lex().verbs
                                      or _past_verb(toks, v) or toks[v].low in _PAST_IRREGULAR):
        while v > 0 and (toks[v - 1].low in _AUX or _ly_adverb(toks[v - 1].low)):
            v -= 1
        np = _catenative_subject(toks, v) if v > 0 and toks[v - 1].low == "to" else _np_backward(toks, v)
    speaker = _resolve(state, np, np[0].s) if np else None
    if speaker is None and (np or pq):
        return None
    return _clause_row(state, nt, pq, c0, c1, speaker, toks[k], "claim_noun", remember=False)


def _opening_source(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """English: "In an NBC News poll released Monday, 50 percent chose …": a sentence opened by *in* and a
    poll, survey or study (at most 12 words to the comma, no verb but a participle after the noun) reports the
    clause after the comma when that clause has no reporting verb of its own; the source is the phrase."""
    i = 0
    while i < k and toks[i].low in ("but", "and", "yet", "so"):
        i += 1
    if toks[i].low != "in" or k - i > 8 or k - i < 2 or not (toks[i + 1].low in _NOUN_DET or toks[i + 1].cap):
        return None
    comma = next((x for x in range(k + 1, min(len(toks), k + 8)) if toks[x].t == ","), None)
    if comma is None or comma + 3 >= len(toks) or any(
            not x.t[:1].isalnum() and x.t not in ("/", "-", "'s", "’s") for x in toks[i + 1 : comma]):
        return None
    if any(x.low in _lex().verbs or x.low in _lex().stance for x in toks[comma + 1 :]):
        return None  # "In a statement, the company said …": the clause's own report
    j = comma + 1
    if not _clause_start(toks[j]) or not _has_verb(toks, j, se):
        return None
    clause = _content_clause(nt, toks, j, se, pq)
    if clause is None:
        return None
    c0, c1 = clause
    np = toks[i + 1 : comma]
    speaker = _Speaker(nt[np[0].s : np[-1].e], np[0].s, np[-1].e, None, "explicit", False)
    return _clause_row(state, nt, pq, c0, c1, speaker, toks[k], "opening_source", remember=False)


def _point_of_view(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """English: "In Smith's view, …", "In the opinion of many economists, …" opening a sentence (after *but*,
    *and*, *yet* or *so*): the holder of the view says the clause after the comma."""
    i = 0
    while i < k and toks[i].low in ("but", "and", "yet", "so"):
        i += 1
    if toks[i].low != "in" or k - i not in (2, 3):
        return None
    np: list[_Tok] = []
    comma = k + 1
    owner = toks[k - 1]
    if k - i == 2 and owner.low in _POSSESSIVE_PRONOUNS:
        np = [_Tok(owner.s, owner.e, _POSSESSIVE_PRONOUNS[owner.low])]
    elif owner.low.endswith(("'s", "’s")) and owner.cap:
        np = [x for x in _np_backward(toks, k - 1) if x.s > toks[i].s and x is not owner] + [
            _Tok(owner.s, owner.e - 2, owner.t[:-2])]
    elif k - i == 2 and owner.low == "the" and comma < len(toks) and toks[comma].low == "of":
        np = _np_forward(toks, comma + 1)
        if not np:
            return None
        comma = next((x for x in range(comma + 1, len(toks)) if toks[x].s >= np[-1].e), len(toks))
    if not np or comma >= len(toks) - 1 or toks[comma].t != ",":
        return None
    j = comma + 1
    if not _clause_start(toks[j]):
        return None
    clause = _content_clause(nt, toks, j, se, pq)
    if clause is None:
        return None
    c0, c1 = clause
    speaker = _resolve(state, np, np[0].s)
    if speaker is None:
        return None
    return _clause_row(state, nt, pq, c0, c1, speaker, toks[k], "point_of_view")


#: English quantifiers and pronouns that are a whole subject ("Most believe …", "others say …")
_BARE_SUBJECTS = frozenset(("most", "many", "some", "others", "several", "few", "all", "both", "half", "majorities"))


def _bare_subject(toks: list[_Tok], b: int, k: int) -> list[_Tok]:
    """English: ``toks[b:k]``, the words between a clause's start and its verb of saying, as the subject when
    the noun-phrase readers found none: at most 14 words, opening with a capital, a number word, a determiner or
    a quantifier (``Six in 10``, ``One in four voters in a poll last year``, ``Most``), with no punctuation but
    an abbreviation's point, no *to*, no relative or subordinating word, no verb form (*be*, *have*, a modal, a
    past in -ed, a reporting verb) and not headed by a number, a date or a possessive; -ly adverbs before the
    verb are left out ("The proclamation specifically said")."""
    while b < k and toks[b].low in ("and", "but", "yet", "so"):
        b += 1
    while k > b and _ly_adverb(toks[k - 1].low):
        k -= 1
    window = toks[b:k]
    dashes = [i for i, x in enumerate(window) if x.t in ("—", "–", "--", "-") and i and window[i - 1].e < x.s]
    if len(dashes) == 2 and dashes[0] > 0 and dashes[1] == len(window) - 1:
        window = window[: dashes[0]]  # "Democrats — and some Republicans — say": the insertion is left out
    if not window or len(window) > 14 or k >= len(toks) or toks[k - 1].low == "to":
        return []
    first, head = window[0], window[-1]
    if not (first.cap or _numeral(first) or first.low in _NOUN_DET or first.low in _BARE_SUBJECTS) \
            or first.low in _CLAUSE_WORDS or first.low in _OPENERS or first.low in _lex().pronouns \
            or (first.t[:1].isdigit() and (len(window) == 1 or window[1].low not in ("percent", "%", "in", "of"))):
        return []  # (not "In 2018 recorded …", "21 visited …")
    if (head.t[:1].isdigit() and not (len(window) > 2 and window[-2].low == "in")) or head.low in _TIME_WORDS \
            or head.t in ("'s", "’s") or head.low.endswith(("'s", "’s")) \
            or _stopword_classes().get(head.low) == "preposition":
        return []  # "The June 15 date …", "the president's …", "Markets fell amid …" (but "Six in 10 say")
    lex = _lex()
    for i, x in enumerate(window):
        if not (x.t[:1].isalnum() or x.t in ("%", "&") or (x.t == "." and i and window[i - 1].low in _ABBREV)):
            return []
        if x.low in ("to", "that", "which", "who", "whose", "where", "what", "if", "when", "as") or x.low in _BE \
                or x.low in _FINITE_AUX or x.low in ("has", "have", "had") or _negation(x.low) \
                or (i and _past_verb(toks, b + i) and not any(w.low in _FINDING_SOURCES for w in window[:i])) \
                or ((x.low in lex.verbs or x.low in lex.stance) and i and window[i - 1].low not in _NOUN_DET):
            return []
    return window


#: verbs of saying whose object is the addressee ("told state media", "warned reporters")
_TELL_VERBS = frozenset(("tell", "warn", "ask", "remind", "assure", "inform"))


#: prepositions that open a modifier inside a subject ("a study by the council", "an official with the agency")
_SUBJECT_PREPOSITIONS = frozenset(("by", "of", "from", "in", "at", "for", "with", "on"))


def _closing_subject(toks: list[_Tok], k: int, np: list[_Tok]) -> list[_Tok]:
    """English: the subject of a closing attribution whose head has a prepositional modifier (``…, a study by
    the council found.``, ``…, an official with the agency said.``): the noun-phrase reader stops at the
    preposition's object; the subject is the whole phrase from the comma to the verb, opened by a determiner,
    with no verb or conjunction in it, and only a short adverbial after the verb. Otherwise ``np``."""
    p = next((i for i in range(k - 1, -1, -1) if toks[i] is np[0]), -1)
    if p > 1 and toks[p - 1].t[:1].isalpha() and toks[p - 1].low not in _SUBJECT_PREPOSITIONS:
        # lower-case modifiers the reader left out: ", Algerian foreign affairs ministry spokesman X said Thursday."
        b = next((i + 1 for i in range(p - 1, max(-1, p - 6), -1) if not toks[i].t[:1].isalnum()), None)
        if b is not None and b > 0 and toks[b - 1].t == "," and toks[b].cap and _time_tail(toks[k + 1 :]) \
                and not any(_verb_like(x.low) or _stopword_classes().get(x.low) for x in toks[b:p]):
            return toks[b:p] + np
        return np
    if p < 3 or toks[p - 1].low not in _SUBJECT_PREPOSITIONS:
        return np
    b = next((i + 1 for i in range(p - 2, max(-1, p - 9), -1) if toks[i].t in ",;:"), None)
    if b is None or toks[b - 1].t != "," or b >= p - 1 or toks[b].low not in _NOUN_DET:
        return np
    if any(_verb_like(x.low, participles=True) or x.low in ("and", "or") for x in toks[b : p - 1]) \
            or not _short_tail(toks[k + 1 :]):
        return np
    return _window_np(toks, b, k) or np


def _addressee_tail(tail: list[_Tok], lemma: str) -> bool:
    """English: is the tail of a closing verb of telling its object pronoun and the sentence end (``…, the
    president told her.``, ``…, she assured them on Monday.``)? (:func:`_short_tail` refuses a pronoun after
    the verb: after other verbs it opens a clause.)"""
    return lemma in _TELL_VERBS and len(tail) > 1 and tail[0].low in _OBJECT_PRONOUNS \
        and tail[0].low not in _SUBJECT_PRONOUNS and tail[0].low not in ("it", "you") \
        and (tail[1].t in ".!?" or tail[1].low in _TIME_WORDS or tail[1].low in _PREPOSITIONS) and _short_tail(tail[1:])


def _apposed(toks: list[_Tok], a: int) -> bool:
    """English: is the noun phrase at ``toks[a]`` (after a comma) in apposition to the subject that opens the
    sentence ("Mehrdad Pahlavanzadeh, the president of the federation, explained …")?"""
    return a >= 2 and toks[a - 1].t == "," and bool(_bare_subject(toks, 0, a - 1)) \
        and not any(x.t == "," for x in toks[: a - 1])


def _object_tail(tail: list[_Tok]) -> bool:
    """English: does the verb's object follow it (a lower-case word that is no preposition, time word, adverb
    or addressee: "…, the state next to Belgium, announced tighter controls")? Then the phrase between commas
    before the verb is an apposition of the subject, not a closing attribution ("…, the spokesman said on
    Tuesday")."""
    if not tail or not tail[0].t.isalpha() or not tail[0].t.islower():
        return False
    low = tail[0].low
    return not (_stopword_classes().get(low) in ("preposition", "adverb") or low in _TIME_WORDS or low in _ADDRESSEES
                or _ly_adverb(low) or low in _TIME_PREPOSITIONS or low in _lex().pronouns)


def _finding_subject(toks: list[_Tok], k: int) -> bool:
    """English: is the subject of the verb ``toks[k]`` headed by a poll, survey or study with its modifiers (``A
    survey by the group in March found …``, ``A study of 200 districts found …``): a finding-source noun
    among the ten words before the verb, with no punctuation or other verb between?"""
    for i in range(k - 1, max(-1, k - 11), -1):
        x = toks[i]
        if x.low in _FINDING_SOURCES and not x.cap:
            return True
        if x.t in (",", ";", ":", '"', "'") or x.low in _BE or x.low in _lex().verbs or x.low in _CLAUSE_WORDS:
            return False
    return False


def _bare_plural_source(toks: list[_Tok], b: int, k: int) -> bool:
    """English: is ``toks[b:k]`` a bare plural noun phrase closing a clause before its verb (``…, records show.``,
    ``…, new fundraising reports show.``, ``…, disclosures filed on Sunday night revealed.``): lower-case words
    with no determiner, its head (the last word before a participle's modifier, or the last word) in -s?"""
    words = toks[b:k]
    if not words or not all(x.t.isalpha() and x.t.islower() for x in words):
        return False
    head = next((x for i, x in enumerate(words) if i and _past_verb(toks, b + i)), None)
    head_i = words.index(head) - 1 if head is not None else len(words) - 1
    h = words[head_i].low
    right_before = head_i == len(words) - 1  # (then a verb form in -s is the plural noun: "reports show")
    return h.endswith("s") and not h.endswith("ss") and (right_before or not _verb_like(h)) \
        and all(not _verb_like(x.low) for x in words[:head_i])


def _interrupted_subject(toks: list[_Tok], b: int, k: int) -> list[_Tok]:
    """English: the subject before a parenthetical that ends with a comma right before the verb (``b``: the
    token after that comma, ``k``: the verb): "The company, which employs 500 people, said …", "Authorities in
    the state, the state next to Belgium, announced …", "Democratic economists, like their Republican
    counterparts, say …". The subject is the sentence's first segment, read as :func:`_bare_subject` reads it
    (after an opening adverbial and its comma: "In a statement, the company, which …, said …")."""
    v = b
    while v < k and (_ly_adverb(toks[v].low) or toks[v].low in _AUX or toks[v].low in ("has", "have", "had")):
        v += 1  # "…, also said", "…, has said"
    if v != k or b < 4 or toks[b - 1].t != ",":
        return []
    commas = [i for i in range(b - 1) if toks[i].t == ","]
    if not commas:
        return []
    s0, c1 = 0, commas[0]
    if len(commas) > 1 and toks[0].cap and _stopword_classes().get(toks[0].low) == "preposition":
        s0, c1 = commas[0] + 1, commas[1]  # an opening adverbial: "In a statement, the company, …, said"
    if c1 >= b - 2 or any(x.t in (";", ":", '"', "'") for x in toks[s0:b]):
        return []
    if _stopword_classes().get(toks[s0].low) == "preposition" and toks[s0].low not in _BARE_SUBJECTS:
        return []  # "In Washington, …"
    return _bare_subject(toks, s0, c1)


#: nouns of support whose holder follows in an of- or from-phrase; verbs of having that take them
_BACKED_NOUNS = _grammar("backed_noun")
_POSSESSION_VERBS = _grammar("possession_verb")


def _backed_subject(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int) -> _Row | None:
    """English: ``X has the support of Y``, ``X received support from Y``, ``X won the backing of Y``: a noun of
    support after a verb of having (adjectives and adverbs between them) with its holder in the of- or from-phrase
    (Quirk et al. 1985, 17.52: the nominalisation's subject); Y's stance is about the clause's subject X. Speaker:
    the holder's noun phrase; content: the subject (a ``:noun_phrase`` row)."""
    i = k - 1
    words = 0
    while i > 0 and words < 3 and toks[i].t.replace("-", "").isalpha() and toks[i].t.islower() \
            and toks[i].low not in _POSSESSION_VERBS:
        i -= 1  # "the full", "overwhelming", "even stronger", "more"
        words += 1
    if toks[i].low not in _POSSESSION_VERBS:
        return None
    v = i
    while v > 0 and (toks[v - 1].low in _AUX or toks[v - 1].low in _HAVE or _negation(toks[v - 1].low)
                     or toks[v - 1].low in _BE):
        v -= 1  # "has won", "has consolidated", "is receiving"
    b = max((x + 1 for x in range(v) if toks[x].t in ",;:" or toks[x].low in _CLAUSE_WORDS), default=0)
    if v - b < 1 or v - b > 8 or any(_verb_like(x.low) and not x.cap for x in toks[b:v]):
        return None  # (the subject: a short noun phrase with no verb of its own)
    agent = _passive_agent(toks, k)
    if not agent:
        return None
    c0, c1 = _trim_clause(nt, toks[b].s, toks[v - 1].e)
    if c1 <= c0:
        return None
    speaker = _resolve(state, agent, agent[0].s)
    if speaker is None:
        return None
    t = toks[k]
    return _Row(c0, c1, "indirect", c0, c1, [(c0, c1)], speaker, t.low, t.s, t.e,
                "indirect:backed" + NOUN_PHRASE_RULE)


def _main_subject(toks: list[_Tok], k: int) -> tuple[int, list[_Tok]]:
    """English: the comma that closes an opening adverbial clause holding the cue ``toks[k]`` and the subject of the
    main clause after it (the noun phrase right after the comma and before its first finite verb, auxiliary or verb
    of stance, at most ten words on); (0, []) when there is none."""
    n = len(toks)
    comma = next((i for i in range(k + 1, n) if toks[i].t == ","), None)
    if comma is None:
        return 0, []
    verb = next((i for i in range(comma + 2, min(n, comma + 12)) if toks[i].low in _lex().stance
                 or _finite_like(toks[i]) or toks[i].low in _AUX), None)
    np = (_np_backward(toks, verb) or _window_np(toks, comma + 1, verb)) if verb is not None else []
    return comma, np if np and np[0] is toks[comma + 1] else []  # (the subject opens the main clause)


def _agent_holder(toks: list[_Tok], k: int) -> list[_Tok]:
    """English: who holds the stance of the agent noun at ``toks[k]`` (``supporters of X``, ``a critic of Y``):
    the subject it is predicated of (``X is a longtime critic of Y``: before *be* or a linking verb) or set in
    apposition to (``Eleanor Roosevelt, a champion of Y``), else the agent noun's own phrase with its modifiers
    and determiner (``the main backers of X``, ``his critics``). An agent noun that is also a verb's form
    (``advocates``) needs a determiner or a modifier before it; empty when none is found."""
    i = k - 1
    lex = _lex()
    while i >= 0 and k - i <= 3 and toks[i].t.replace("-", "").isalpha() and toks[i].low not in _NOUN_DET \
            and toks[i].low not in lex.pronouns and toks[i].low not in _AUX and toks[i].low not in _BE \
            and toks[i].low not in _PREPOSITIONS and toks[i].low not in _CLAUSE_WORDS \
            and toks[i].low not in lex.verbs and toks[i].low not in lex.stance and not _past_verb(toks, i) \
            and toks[i].low not in _stopword_classes():
        i -= 1  # "main", "early", "longtime" (a function word ends the modifiers: "among supporters of …")
    det = i >= 0 and (toks[i].low in _NOUN_DET or toks[i].low in _POSSESSIVE_PRONOUNS
                      or toks[i].low in _QUANTIFIERS)  # (also "some", "both", "many")
    if not det and i == k - 1 and (toks[k].low in lex.verbs or toks[k].low in lex.stance):
        return []  # "the group advocates for …": the verb
    if det and i > 0 and toks[i].low in ("a", "an", "the"):
        if toks[i - 1].t == ",":
            return _np_backward(toks, i - 1)  # "Eleanor Roosevelt, a champion of …"
        v = i - 1
        while v > 0 and (_ly_adverb(toks[v].low) or toks[v].low in _CLAUSE_SKIP):
            v -= 1  # "was also an outspoken opponent of", "is increasingly a critic of"
        if toks[v].low in _BE or toks[v].low in _LINKING_VERBS:
            while v > 0 and (toks[v - 1].low in _AUX or toks[v - 1].low in _BE or _ly_adverb(toks[v - 1].low)):
                v -= 1  # "has long been a critic of"
            return _np_backward(toks, v)
    return toks[i if det else i + 1 : k + 1]


def _self_label(state: _DocState, nt: str, toks: list[_Tok], k: int, pq: list[_Quote]) -> _Row | None:
    """English: the noun phrase after a *self-* compound of naming at ``toks[k]`` is what its referent calls
    itself (``Fields, a self-described Neo-Nazi``, a Wikinews story). Only in a classifying phrase, after
    *a*/*an*, *and* or a comma (an apposition or a predicative complement, Quirk et al. 1985, 17.65 ff.): a
    definite phrase refers (``the self-proclaimed masters of the universe``, a UN speech) and reports nothing.
    The holder is the phrase it is in apposition to or the subject it is predicated of (as for an agent noun);
    the content runs to the first word that is not part of a noun phrase, at most six words (a
    ``:noun_phrase`` row)."""
    prev = toks[k - 1].low
    if prev not in ("a", "an", "and", ","):
        return None
    j = k + 1
    while j < len(toks) and j - k <= 6 and toks[j].t.replace("-", "").replace("'", "").isalnum() \
            and toks[j].low not in _CLAUSE_WORDS and toks[j].low not in _BE and toks[j].low not in _AUX \
            and toks[j].low not in _FINITE_AUX and not _past_verb(toks, j):
        j += 1
    if j == k + 1 or j - k > 6:
        return None
    np = _agent_holder(toks, k) if prev in ("a", "an") else []
    speaker = _resolve(state, np, np[0].s) if np and np[-1] is not toks[k] else None
    return _clause_row(state, nt, pq, toks[k + 1].s, toks[j - 1].e, speaker, toks[k],
                       "self_label" + NOUN_PHRASE_RULE, remember=False)


def _topic_object(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """English: the topic of a noun of saying or stance, or of an adjective of stance, after its preposition.

    A nominalisation keeps the complement of its verb (Quirk et al. 1985, 17.52): ``his criticism of the
    plan``, ``Trump's attacks on Rubio``, ``X launched an attack against Y``, ``Republicans have been
    critical of Y``. The holder is the possessor before the noun (adjectives between them), the subject of
    the verb that takes the noun as its object, or the subject before *be* and the adjective; the content is
    the noun phrase after the preposition (a ``:noun_phrase`` row, as for verbs of stance).
    """
    t, prep = toks[k], toks[k + 1]
    infinitive = t.low in _INTENT_NOUNS and prep.low == "to"
    agent = prep.low in _AGENT_NOUNS.get(t.low, ())
    adjective = t.low in _TOPIC_ADJECTIVES and not (t.low in _TOPIC_NOUNS and prep.low in _TOPIC_NOUNS[t.low])
    if (not infinitive and not agent
            and prep.low not in (_TOPIC_ADJECTIVES if adjective else _TOPIC_NOUNS).get(t.low, ())) or t.cap:
        return None
    np: list[_Tok] = []
    i = k - 1
    if agent:
        np = _agent_holder(toks, k)
        if not np:
            return None
    elif adjective:
        while i > 0 and (_ly_adverb(toks[i].low) or toks[i].low in ("very", "so", "not", "quite", "more", "less",
                                                                    "increasingly", "deeply", "sharply")):
            i -= 1
        if not (toks[i].low in _BE or toks[i].low in _LINKING_VERBS):
            return None
        v = i
        while v > 0 and (toks[v - 1].low in _AUX or toks[v - 1].low in _BE):
            v -= 1
        b = max((x + 1 for x in range(v) if toks[x].t in ",;:" or toks[x].low in _CLAUSE_WORDS), default=0)
        np = _np_backward(toks, v) or _bare_subject(toks, b, v)  # ("Many voters are unhappy with …")
    else:
        words = 0
        while i > 0 and words < 3 and (
                toks[i].t.replace("-", "").isalpha() and toks[i].t.islower() and toks[i].low not in _NOUN_DET
                and toks[i].low not in _POSSESSIVE_PRONOUNS and toks[i].low not in _lex().verbs
                and toks[i].low not in _LIGHT_VERBS and not _past_verb(toks, i) and toks[i].low not in _lex().pronouns
                and toks[i].low not in _PREPOSITIONS and toks[i].low not in _CLAUSE_WORDS
                and toks[i].low not in _PAST_IRREGULAR and toks[i].low not in _AUX
                and (not toks[i].low.endswith("s") or toks[i].low.endswith("ous"))):  # (not "the researchers plan")
            # adjectives before the noun: "his controversial remarks", "withering attacks", "a pre-emptive attack"
            words += 1
            i -= 1
        owner = toks[i]
        if owner.low in _POSSESSIVE_PRONOUNS:
            np = [_Tok(owner.s, owner.e, _POSSESSIVE_PRONOUNS[owner.low])]
        elif owner.low.endswith(("'s", "’s")) and owner.cap:
            np = [x for x in _np_backward(toks, i) if x is not owner] + [_Tok(owner.s, owner.e - 2, owner.t[:-2])]
            while np and not np[0].cap:
                np.pop(0)
        else:
            det = owner.low in _NOUN_DET
            if det:
                i -= 1  # "launched a pre-emptive attack", "made several statements"
            verb = toks[i] if i >= 0 else None
            takes = verb is not None and not verb.cap and (verb.low in _LIGHT_VERBS or verb.low in _lex().verbs
                                                           or _past_verb(toks, i) or verb.low in _PAST_IRREGULAR)
            base = (_lex().verbs.get(t.low) or _lex().stance.get(t.low) or ("",))[0].split(" ")[0]
            if not (det or takes or owner.low in _PREPOSITIONS) or (owner.low == "to" and t.low == base):
                # "Republicans plan to …", "she calls for …", "continued to push for": a verb (but "led to calls
                # for …": an -s form after "to" is a noun)
                return None
            if takes:
                v = i
                while v > 0 and (toks[v - 1].low in _AUX or _ly_adverb(toks[v - 1].low)):
                    v -= 1
                np = _catenative_subject(toks, v) if v > 0 and toks[v - 1].low == "to" else _np_backward(toks, v)
    if not np and adjective:
        return None
    j = k + 2
    if not _clause_start(toks[j]) or toks[j].t in ('"', "'") or (infinitive and toks[j].low in _NOUN_DET):
        return None
    if infinitive:
        j = k + 1  # "his plan to cut taxes": the infinitive with its "to", as for verbs (refused to …)
    end = _object_end(toks, j, se)
    if any(toks[j].s <= q.open < _clause_end(toks, j, se) for q in pq):
        return None  # quoted words in the clause: the quote's own rules attribute them
    if toks[j].low not in _WH_COMPLEMENT:
        # the noun phrase ends before the verb of the sentence ("Trump's criticism of the deal was …"), unless a
        # relative clause has begun ("support for research that could …"); a participle after a determiner is
        # an adjective ("the proposed deal")
        for i in range(j + 2 if infinitive else j + 1, len(toks)):  # (the infinitive's own verb: "to be")
            x = toks[i]
            if x.s >= end or x.low in ("that", "who", "which", "whose"):
                break
            if not x.cap and (x.low in _BE or x.low in _FINITE_AUX or x.low in ("has", "have", "had")
                              or _past_verb(toks, i) or (
                    x.low in _lex().verbs and x.low.endswith(("s", "ed")) and toks[i - 1].low not in _NOUN_DET)):
                end = x.s
                break
    c0, c1 = _trim_clause(nt, toks[j].s, end)
    if c1 <= c0:
        return None
    speaker = _resolve(state, np, np[0].s) if np else None
    if speaker is None and (np or pq):
        return None  # (no holder named: only in a sentence without quotation marks, whose quotes are others')
    return _clause_row(state, nt, pq, c0, c1, speaker, t, "topic" + NOUN_PHRASE_RULE, remember=False)


def _frame_that(state: _DocState, nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """English: a that-clause at ``toks[k]`` framed by no reporting verb, after general English grammar.

    ``X is confident that …`` (an adjective of certainty or feeling after *be* or a linking verb),
    ``X made the case that …``, ``X gave assurances that …``, ``X made it clear that …`` (a light verb and
    a noun of saying), ``X's position is that …``, ``It was announced that …`` (an impersonal passive:
    no speaker). The content is the that-clause; the speaker the subject before the verb.
    """
    i = k - 1
    prev = toks[i]
    verb = -1  # the index of the verb whose subject speaks (-1: none)
    possessor: list[_Tok] = []
    impersonal = False
    if prev.low in _REPORT_ADJECTIVES and not prev.cap:
        j = i - 1
        while j > 0 and (_ly_adverb(toks[j].low) or toks[j].low in ("very", "so", "not", "quite", "more", "less",
                                                                     "increasingly", "fully", "absolutely")):
            j -= 1
        if toks[j].low in _BE or toks[j].low in _LINKING_VERBS or toks[j].low.endswith("'s"):
            verb = j
    elif prev.low in _REPORT_NOUNS or prev.low == "clear":
        j = i - 1
        if prev.low == "clear" and j > 0 and toks[j].low == "it":
            j -= 1  # "made it clear that"
        words = 0
        while j > 0 and words < 3 and toks[j].t.isalpha() and toks[j].t.islower() and toks[j].low not in _LIGHT_VERBS \
                and (toks[j].low in _NOUN_DET or toks[j].low not in _lex().verbs):
            j -= 1
            words += 1
        if toks[j].low in _LIGHT_VERBS and (prev.low != "clear" or toks[j].low.startswith(("mak", "made"))):
            verb = j
    elif prev.low in _BE and i > 1 and (toks[i - 1].low in _REPORT_NOUNS or toks[i - 1].low in ("position", "view")):
        owner = toks[i - 2]
        if owner.low in _POSSESSIVE_PRONOUNS:
            possessor = [_Tok(owner.s, owner.e, _POSSESSIVE_PRONOUNS[owner.low])]
        elif owner.low.endswith(("'s", "’s")) and owner.cap:
            possessor = [x for x in _np_backward(toks, i - 2) if x is not owner] + [_Tok(owner.s, owner.e - 2,
                                                                                       owner.t[:-2])]
            while possessor and not possessor[0].cap:
                possessor.pop(0)
        if not possessor:
            return None
    elif prev.low in _IMPERSONAL_REPORT and i > 1 and toks[i - 1].low in _BE:
        j = i - 2
        if toks[j].low in ("been",) and j > 0:
            j -= 1  # "it has been reported that"
        while j > 0 and toks[j].low in _AUX:
            j -= 1
        impersonal = toks[j].low == "it"
        if not impersonal:
            return None
    else:
        return None
    if verb < 0 and not possessor and not impersonal:
        return None
    j = k + 1
    if j >= len(toks) or not _clause_start(toks[j]):
        return None
    clause = _content_clause(nt, toks, j, se, pq)
    if clause is None:
        return None
    c0, c1 = clause
    speaker: _Speaker | None = None
    if not impersonal:
        if possessor:
            np = possessor
        elif toks[verb].low.endswith("'s"):
            np = [_Tok(toks[verb].s, toks[verb].e - 2, toks[verb].t[:-2])]  # "she's confident that"
        else:
            v = verb
            while v > 0 and (toks[v - 1].low in _AUX or toks[v - 1].low in _CLAUSE_SKIP):
                v -= 1  # (also an adverb of time: "Twitter has now made clear that")
            b = max((x + 1 for x in range(v) if toks[x].t in ",;:"), default=0)
            if v > 0 and toks[v - 1].low == "to":
                np = _catenative_subject(toks, v)  # "wants to make the case that"; not "Allow me to express …"
            else:
                np = _np_backward(toks, v) or (_window_np(toks, b, v) if v - b <= 8 else [])
        if not np:
            return None
        speaker = _resolve(state, np, np[0].s)
        if speaker is None:
            return None
    return _clause_row(state, nt, pq, c0, c1, speaker, prev, "frame_that")


#: adverbs between a form of "be" (or a noun) and "known as/for": "is perhaps best known for", "now known as"
_KNOWN_ADVERBS = _grammar("known_adverb")


def _known_as(nt: str, toks: list[_Tok], k: int, se: int) -> _Row | None:
    """English: ``known as Y`` / ``known for Y`` at ``toks[k]``, what a thing or a person is called or famed for by
    people at large (no speaker): ``the string of contests known as Super Tuesday``, ``Ginsburg is known for
    speaking her mind``. The content runs from the noun phrase it describes (the subject before *be* or
    *become*, or the noun phrase before the participle) to the end of the noun phrase or clause after *as* /
    *for*; a noun phrase, so the row is in the table only with ``noun_phrases=True``."""
    j = k + 2
    if not toks[j].t[:1].isalnum() and toks[j].t not in ('"', "'", "“", "‘"):
        return None
    end = _object_end(toks, j, se)
    # the complement ends before the sentence's verb: "the cyclone known as Hurricane Dorian finally cleared …"
    end = next((x.s for m, x in enumerate(toks[j + 1 :], j + 1) if x.s < end and not x.cap and (
        x.low in _BE or x.low in _FINITE_AUX or x.low in _HAVE or _past_verb(toks, m)
        or (_ly_adverb(x.low) and toks[m - 1].cap))), end)
    i = k - 1
    while i > 0 and (toks[i].low in _KNOWN_ADVERBS or _ly_adverb(toks[i].low)):
        i -= 1
    if toks[i].low in _BE or toks[i].low in ("become", "became", "becomes"):
        i -= 1
        while i > 0 and (toks[i].low in _AUX or toks[i].low in _FINITE_AUX or _negation(toks[i].low)):
            i -= 1
    elif toks[i].t == ",":
        i -= 1  # "Mr. Bush, known as Jeb, …"
    if i < 0 or not toks[i].t[:1].isalnum():
        return None
    b = i  # the noun phrase back to its determiner, a comma or a clause word (at most eight words)
    while b > 0 and i - b < 7 and toks[b - 1].t[:1].isalnum() and toks[b].low not in _NOUN_DET \
            and toks[b - 1].low not in _CLAUSE_WORDS and not _verb_like(toks[b - 1].low) \
            and (toks[b - 1].low == "of" or _stopword_classes().get(toks[b - 1].low) not in ("preposition",
                                                                                          "conjunction")):
        b -= 1  # (an of-phrase is part of the noun phrase: "the string of contests known as …")
    c0, c1 = _trim_clause(nt, toks[b].s, end)
    if c1 <= toks[j].s:
        return None
    t = toks[k]
    return _Row(c0, c1, "indirect", c0, c1, [(c0, c1)], None, f"known {toks[k + 1].low}", t.s, toks[k + 1].e,
                "indirect:known_as" + NOUN_PHRASE_RULE)


#: English words after which the clause of an evidential verb begins (conjunctions and relative words)
_EVIDENTIAL_BREAKS = frozenset(("but", "and", "who", "which", "that", "when", "while", "as", "after", "before",
                                "because", "although", "though", "since", "if"))


def _evidential(nt: str, toks: list[_Tok], k: int, se: int, pq: list[_Quote]) -> _Row | None:
    """'The committee seemed to be losing patience', 'X seems unlikely to …': the writer's inference, no speaker.

    The content is the whole clause, subject included (after an opening adverbial); with
    'it seems/appears that …' it is the that-clause.
    """
    t = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    it_that = k > 0 and toks[k - 1].low == "it"
    if _lex().lang == "en" and any(x.low == "according" and y.low == "to" for x, y in pairwise(toks)):
        return None  # the sentence names its source: "X appears to …: potentially, according to Y, …"
    if nxt is None or (not it_that and nxt.t in (",", ".", "!", "?", ";")) \
            or (nxt.low in _PREPOSITIONS and nxt.low != "to") or (_lex().lang == "en" and nxt.low == "before") \
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
        if not pq:
            # the clause of the verb: after the last comma, conjunction or relative word before it ("…, but it
            # was Mr. Trump who seemed …"; a sentence with quotation marks keeps its whole clause for them)
            b = max([b] + [i + 1 for i in range(b, k - 1) if toks[i].t == "," or (
                toks[i].low in _EVIDENTIAL_BREAKS and not (toks[i].low == "and" and not any(
                    _verb_like(x.low) for x in toks[b:i])))])  # (not "Mrs. Clinton and Mr. Sanders appeared")
            if b > 0 and toks[b - 1].low in ("who", "which"):
                b -= 1  # a relative clause keeps its pronoun: "…, which is widely expected to come on Dec. 16"
            if _lex().lang == "en" and k > 2 and toks[k - 1].t == ",":
                # a parenthetical between the subject and the verb: "The statistics, gathered by …, appear to …"
                c0 = next((i for i in range(k - 2, 0, -1) if toks[i].t == ","), None)
                if c0 is not None and c0 < k - 2 and b == c0 + 1:
                    b0 = max([0] + [i + 1 for i in range(0, c0)
                                    if toks[i].t in ",;:" or toks[i].low in _EVIDENTIAL_BREAKS])
                    if b0 < c0 and not any(_verb_like(x.low) for x in toks[b0:c0]) \
                            and not any(x.low in _CLAUSE_WORDS for x in toks[c0 + 1 : k - 1][:1]):
                        b = b0
        while b < k and (toks[b].t in ",-" or toks[b].low in _CLAUSE_SKIP):
            b += 1
        if k - b < 1 or k - b > 20 or any((x.low in _lex().verbs and not (
                _lex().lang == "en" and i > b
                and (toks[i - 1].low in _NOUN_DET or toks[i - 1].t.endswith(("'s", "’s")))))
                or x.t in ";:" for i, x in enumerate(toks[b:k], b)):
            return None  # (English: a verb form after a determiner or a possessive is a noun: "her use of …")
        if _lex().lang == "en" and toks[b].t.islower() and (toks[b].low in _BE or toks[b].low in _HAVE):
            return None  # a second predicate with no subject of its own: "…, and has been widely regarded as …"
        end = _clause_end(toks, k + 1, se)
        if _lex().lang == "en" and not pq:  # (the judgement ends at a comma: "…, with potentially sharp …")
            end = next((x.s for i, x in enumerate(toks[k + 1 :], k + 1) if x.s < end and x.t == ","
                        and not _list_comma(toks, i, end, False)), end)
        c0, c1 = _trim_clause(nt, toks[b].s, end)
    if len(nt[c0:c1].split()) < 3 or any(q.role == "direct" and c0 <= q.open < c1 for q in pq):
        return None
    return _clause_row(None, nt, pq, c0, c1, None, t, "evidential")
