"""Who speaks: noun phrases around a cue and their resolution to one canonical speaker name.

Owns: the speaker noun phrase (``_np_backward`` / ``_np_forward``, role
nouns ``_is_role``), the per-document memory ``_DocState`` (speakers seen,
name index), and the resolution kinds of the ``attribution`` column:
explicit names with titles stripped (``_strip_titles``) and short forms
mapped to the longest earlier mention (``_canonical``), pronouns
(``_antecedent``: the most recent person speaker whose gender, when known, agrees
with the pronoun: ``person_gender.tsv`` gives honorifics, gendered role nouns and
given names), descriptors with a role noun (the most recent named person),
anonymous sources; ``_remember`` records
a speaker, ``_last_person_in`` / ``_nearest_name`` look back. (``inherited``
is set by the paragraph walk in :mod:`toolkit.quotes.structure`.)

Must not touch: quote marks, rows or DataFrames; depends on
:mod:`toolkit.quotes.cues` and :mod:`toolkit.quotes.tokens` only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from .cues import (
    _ABBREV,
    _AUX,
    _BE,
    _CLAUSE_WORDS,
    _DE_ADVERBS,
    _DE_AUX,
    _DE_COORD,
    _DE_FINITE_AUX,
    _DE_FRONTED,
    _DE_PREPOSITIONS,
    _FINITE_AUX,
    _HORTATIVE,
    _LANG_AUX,
    _NEGATION,
    _NO_SOURCE,
    _NON_PERSON,
    _NON_PERSON_HEADS,
    _NOT_NAME,
    _NOT_SPEAKER,
    _OPENERS,
    _ORG_WORDS,
    _PARTICLES,
    _QUANTIFIERS,
    _STOP_BACK,
    _TIME_WORDS,
    _TITLE_LINKS,
    _grammar,
    _Lex,
    _lex,
    _ly_adverb,
    _numeral,
    _stopword_classes,
)
from .tokens import _finditer_at_word_start, _Tok, _tokens


def _is_role(low: str) -> bool:
    lex = _lex()
    return "role" in lex.title_classes(low) or low in lex.anon_heads


def _np_ok(tok: _Tok) -> bool:
    lex = _lex()
    low = tok.low
    if tok.cap or low in lex.determiners or lex.title_classes(low) or _is_role(low) or low in _PARTICLES:
        return True
    if low.endswith("'s") or low == "'s":
        return True
    return tok.t[:1].isdigit()


def _head_ok(tok: _Tok) -> bool:
    """Can the noun phrase end with this token?"""
    return tok.cap or _is_role(tok.low) or tok.low in _lex().pronouns


def _np_backward(toks: list[_Tok], k: int) -> list[_Tok]:
    """The noun phrase ending just before toks[k] (the cue), skipping auxiliaries and adverbs.

    In German a phrase after a preposition is skipped (``Anda hatte am Mittwoch
    erklärt`` → ``Anda``) and a fronted adverbial is no subject (``Außerdem sagte
    die Ministerin``: nothing here, the caller looks after the verb).
    """
    lang = _lex().lang
    if lang in ("fr", "es"):
        while k > 0 and toks[k - 1].low in _LANG_AUX[lang]:
            k -= 1  # "le ministre a déclaré"
        return _np_before(toks, k)
    if lang != "de":
        return _np_before(toks, k)
    for _ in range(3):
        while k > 0 and toks[k - 1].low in _DE_AUX:
            k -= 1
        out = _np_before(toks, k)
        if not out:
            return out
        cut = max((n + 1 for n, t in enumerate(out) if t.low in _DE_FINITE_AUX), default=0)
        out = out[cut:]  # "Die Ministerin hatte den Bürgermeister": a finite verb ends the subject
        if not out:
            return []
        i = k - len(out)
        while i > 0 and toks[i] is not out[0]:
            i -= 1
        lead = 0
        while lead < len(out) - 1 and _de_adverbial(out[lead]) and out[lead].low not in _DE_PREPOSITIONS:
            lead += 1  # "Wie der Sprecher sagte": the conjunction opens the clause, the phrase after it speaks
        if lead and _head_ok(out[-1]):
            return out[lead:]
        if _de_adverbial(out[0]) or (len(out) == 1 and out[0].low.endswith(_DE_ADVERB_ENDINGS)):
            return []
        if i > 0 and toks[i - 1].low in _DE_PREPOSITIONS:
            k = i - 1
            continue
        return _de_vorfeld(toks, i) or out
    return []


def _de_vorfeld(toks: list[_Tok], i: int) -> list[_Tok]:
    """German: the subject before a finite auxiliary when the phrase at ``toks[i]`` stands after it.

    ``Jüttner hatte Lenz gestern aufgefordert, …``: the participle cue closes the clause and the
    phrase before it (``Lenz``) is its object; the subject stands before the auxiliary.
    """
    a = next((j for j in range(i - 1, -1, -1) if toks[j].low in _DE_FINITE_AUX or toks[j].t in ",;:"), None)
    if a is None or a == 0 or toks[a].t in ",;:":
        return []
    b = next((j + 1 for j in range(a - 1, -1, -1) if toks[j].t in ",;:.!?"), 0)
    head = toks[b : a + 1]
    return _de_subject(head, len(head)) if len(head) > 1 else []


#: endings of German adverbs (relativierend, möglicherweise, erstmals, tatsächlich, allerdings, sinngemäß):
#: capitalised at a sentence start, one such word is no speaker
_DE_ADVERB_ENDINGS = ("end", "weise", "mals", "lich", "dings", "falls", "gemäß", "seits", "ermaßen")


def _de_adverbial(tok: _Tok) -> bool:
    """A German word that opens an adverbial, not a noun phrase: a preposition, a fronted adverb
    (``Außerdem``, ``Dazu``), a conjunction or a question word (lexicon classes ``preposition_de``,
    ``fronted_adverb_de``, ``adverb_de``)."""
    return _de_adverbial_word(tok.low)


def _de_adverbial_word(low: str) -> bool:
    """:func:`_de_adverbial` of a lower-case word."""
    return low in _DE_PREPOSITIONS or low in _DE_FRONTED or low in _DE_ADVERBS


def _de_inverted(toks: list[_Tok], j: int, end: int) -> list[_Tok]:
    """The subject after the finite verb when a German clause opens with an adverbial (verb-second order).

    ``toks[j:end]`` is the clause. When it opens with an adverb (``Dazu gab das Ministerium
    bekannt``, ``Relativierend fügt Gall hinzu``) the verb is the next word; after a
    prepositional phrase (``Zur Lage des Unternehmens sagte Watzke``) it is the first lower-case
    word after a noun. The noun phrase after the verb (adverbs such as ``auch`` skipped) is the
    subject; ``[]`` when the clause does not open so, or no name, role or pronoun follows.
    """
    lex = _lex()
    if j >= end or not (_de_adverbial(toks[j]) or toks[j].low.endswith(_DE_ADVERB_ENDINGS)):
        return []
    v = None
    if toks[j].low not in _DE_PREPOSITIONS:
        v = j + 1
    else:
        for i in range(j + 1, min(end, j + 14)):
            t, prev = toks[i], toks[i - 1]
            if t.t in ",;:":
                break
            if t.t.isalpha() and t.t.islower() and prev.cap and not _de_adverbial(prev) \
                    and t.low not in lex.determiners and not _de_adverbial(t) and t.low not in _DE_COORD:
                v = i
                break
    if v is None or v >= end or not toks[v].t.isalpha() or not toks[v].t.islower() \
            or toks[v].low in lex.determiners or _de_adverbial(toks[v]) or toks[v].low in lex.pronouns:
        return []
    i = v + 1
    while i < end and (toks[i].low in _DE_AUX or _de_adverbial(toks[i])) and toks[i].low not in _DE_PREPOSITIONS:
        i += 1
    np = _np_forward(toks[:end], i) if i < end else []
    if not np or not (np[-1].cap or np[-1].low in lex.pronouns) or _de_adverbial(np[0]):
        return []
    return np


def _de_subject(toks: list[_Tok], end: int) -> list[_Tok]:
    """The subject of a German main clause ``toks[:end]`` (a colon line, a frame before a quotation).

    Verb-second order: the phrase before the finite verb is the subject (``Der Leiter der Studie,
    Paulo Pinheiro, sieht …`` → the name in apposition), unless it is an adverbial, when the subject
    follows the verb (:func:`_de_inverted`) — and a pronoun right after the verb is the subject
    whatever stands before it (``Das sagte er``). ``[]`` when no finite verb follows the phrase.
    """
    lex = _lex()
    if end <= 1:
        return []
    if _de_adverbial(toks[0]) or toks[0].low.endswith(_DE_ADVERB_ENDINGS):
        return _de_inverted(toks, 0, end)
    head = toks[:end]
    np = _np_forward(head, 0)
    if not np or not (np[-1].cap or np[-1].low in lex.pronouns):
        return []
    i = len(np)
    if i < end and head[i].t == ",":
        app = _np_forward(head, i + 1)  # "Der Leiter der UNO-Studie, Paulo Sérgio Pinheiro, sieht …"
        j = i + 1 + len(app)
        if app and app[-1].cap and j < end and head[j].t == ",":
            np, i = app, j + 1
    if i >= end or not head[i].t.isalpha() or not head[i].t.islower() or head[i].low in lex.determiners \
            or _de_adverbial(head[i]):
        return []
    if i + 1 < end and head[i + 1].low in lex.pronouns and head[i + 1].t.islower():
        return [head[i + 1]]  # "Das sagte er", "Die Arbeit der Koalition lobte er"
    return np


def _negation(low: str) -> bool:
    """English: *not*, *never* or a negated auxiliary ("has not said", "didn't disclose", "isn't saying")."""
    return low in _NEGATION or (low.endswith(("n't", "n’t")) and len(low) > 3)


@lru_cache(maxsize=8)
def _qualifier_words(qualifiers: tuple[str, ...]) -> tuple[list[str], ...]:
    """The words of each anonymous-source qualifier (``familiar with`` → ``["familiar", "with"]``), in order."""
    return tuple(q.split() for q in qualifiers)


#: English deictic adverbs of time between a subject and its verb ("The company yesterday said")
_TIME_ADVERBS = _grammar("time_adverb")


def _np_before(toks: list[_Tok], k: int) -> list[_Tok]:
    lex = _lex()
    j = k - 1
    progressive = toks[k].low.endswith("ing") if k < len(toks) else False
    while j >= 0 and (toks[j].low in _AUX or (_ly_adverb(toks[j].low) and not toks[j].cap
                                               and not (j > 0 and toks[j - 1].low in lex.determiners))
                      or (lex.lang == "en" and toks[j].low in _TIME_ADVERBS and not toks[j].cap)
                      or (progressive and toks[j].low in _BE) or (lex.lang == "en" and _negation(toks[j].low))
                      or (lex.lang == "en" and toks[j].low == "since" and j > 0 and toks[j - 1].low in _AUX)):
        j -= 1  # "has also said", "is telling" (not "the family said": after a determiner it is a noun)
    if j < 0:
        return []
    if toks[j].t == ")":
        # a party and state label after a name: "Rep. John Smith (D-Md.) said"
        i = j - 1
        while i > j - 8 and i > 0 and toks[i].t != "(" and (toks[i].cap or not toks[i].t.isalpha()):
            i -= 1
        if i > 0 and toks[i].t == "(" and i < j - 1:
            inner = _np_before(toks, i)
            return inner if inner and inner[-1].cap else []
        return []
    if toks[j].low in lex.pronouns:
        return [toks[j]]
    # anonymous source with a qualifier: "a source familiar with the matter said"
    near = {t.low for t in toks[max(0, j - 4) : j]}  # a qualifier ends on one of these words (back 1 to 4)
    for qwords in _qualifier_words(lex.anon_qualifiers):
        if qwords[-1] not in near:
            continue
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
            if toks[i].t == "," and lex.lang == "en" and j - i == 3 and toks[i + 1].cap and toks[i + 2].t == ".":
                continue  # a place and its state's abbreviation ("in Allentown, Pa., said") are no apposition
            if toks[i].t == ",":
                inner = _np_before(toks, i) if i > 0 and toks[i - 1].t != "," else []
                if inner and inner[-1].cap:
                    return inner
                between = toks[i + 1 : j]
                if inner and _is_role(inner[-1].low) and between and all(
                    t.cap or t.low in _PARTICLES or t.t == "." for t in between
                ) and between[-1].cap:
                    return between  # a description, then the name in apposition: "The party leader, Ann Lee, said"
                # "Lance Beebe, 49, a Navy veteran who …, said": the name opens the sentence
                lead = _np_forward(toks, 0)
                if lead and lead[-1].cap and toks.index(lead[-1]) + 1 < len(toks) and \
                        toks[toks.index(lead[-1]) + 1].t == ",":
                    return lead
                return []
            if toks[i].t == "." and lex.lang == "en" and toks[i + 1].t == ",":
                continue  # an abbreviation's point before a comma ends no sentence: "in Allentown, Pa., said"
            if toks[i].t == "." and lex.lang == "en" and i > 0 and (
                    toks[i - 1].low in _ABBREV or (len(toks[i - 1].t) <= 2 and toks[i - 1].t[:1].isupper())):
                continue  # "Daniel Paluh, a Ph.D. candidate at …, said": an abbreviation inside the apposition
            if toks[i].t in ".;:!?\"" or (toks[i].low in lex.verbs and not (lex.lang == "en" and toks[i].cap)):
                return []  # (a capitalised word inside the clause is a name: "United States forces")
            if lex.lang == "en" and (toks[i].low in _BE or toks[i].low in _FINITE_AUX) and not any(
                    x.low in ("who", "which", "whose", "that") for x in toks[max(0, i - 12) : j]):
                return []  # a clause, not an apposition: "In nearby Decatur, the plant is hanging on, said …"
        return []
    if (toks[j].low == "who" or (toks[j].low == "which" and _lex().lang == "en")) and j > 0:
        return [toks[j]]  # "18% who say …", "the records, which showed …": PolNeAR marks the relative pronoun
    suffix = []
    if toks[j].t == "." and j > 1 and toks[j - 1].low in ("jr", "sr") and toks[j - 2].t == ",":
        pass  # "Joseph Biden, Jr." is read by the apposition rule below
    elif toks[j].t == "." and j > 0 and toks[j - 1].low in ("jr", "sr"):
        suffix = [toks[j - 1], toks[j]]  # "Joseph R. Biden Jr. said": the suffix belongs to the name
        j -= 2
    if j < 0 or not _head_ok(toks[j]):
        if lex.lang == "en" and j > 0 and toks[j].t.isalpha() and toks[j].t.islower() \
                and toks[j].low not in _STOP_BACK and k < len(toks) and toks[k].t.isalpha():  # (not at a comma)
            # "Suman Haripriya of the Hajo assembly said", "Ferrand in relaying the news to parliament said"
            return _name_before_of(toks, j) or _subject_before_adverbial(toks, j, j + 1)
        return []
    out = suffix[::-1]
    lowers = 0
    while j >= 0:
        t = toks[j]
        low = t.low
        if lex.lang == "en" and out and out[-1].cap and j > 0 and toks[j - 1].cap and (
                t.t == "&" or (low in ("on", "for") and toks[j - 1].low in _ORG_WORDS)):
            out.append(t)  # "PG&E", "the Commission on International Religious Freedom", "Center for …"
            j -= 1
            continue
        if lex.lang == "en" and low == "and" and out and out[-1].cap and j > 1 and toks[j - 1].cap \
                and any(x.low == "of" for x in toks[max(0, j - 4) : j - 1]):
            out.append(t)  # an organisation after "of": "Nils-Erik Haagenrud of Rogaland Fire and Rescue said"
            j -= 1
            continue
        if t.t in ",;:!?()" or low in _STOP_BACK or low in lex.pronouns:
            break
        if lex.lang == "en" and out and out[-1].low in ("the", "a", "an") and not t.cap and low != "of" \
                and low not in _QUANTIFIERS and _stopword_classes().get(low) is None:
            break  # an article opens the noun phrase: "a statement to the effect the king considered"
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
    if len(out) == 1 and lex.lang == "en" and (out[0].low in _NOT_NAME or _stopword_classes().get(out[0].low) in (
            "modal", "auxiliary", "adverb", "conjunction", "preposition")):
        return []  # a capitalised function word opening the sentence: "Should have thought …"
    if lex.lang == "en" and out and k < len(toks) and toks[k].t.isalpha():
        b = next(i for i in range(k - 1, -1, -1) if toks[i] is out[0])
        if not out[0].cap and out[0].low not in lex.determiners and b > 0 and toks[b - 1].t.isalpha():
            # the common nouns of a longer phrase: a name with its organisation after "of" ("Crystal C'Bearing
            # of the Northern Arapaho tribal historic preservation office told"): the name is the speaker
            person = _name_before_of(toks, b - 1)
            if person:
                return person
        if b > 1 and toks[b - 1].low != "of" and _stopword_classes().get(toks[b - 1].low) == "preposition" \
                and not (out[0].cap and lex.title_classes(toks[b - 2].low) & {"title", "role"}):
            # (not a title's object before a name: "US Special Representative for Iran Brian Hook said")
            return _subject_before_adverbial(toks, b - 1, b + len(out)) or out
    return out


def _name_before_of(toks: list[_Tok], i: int) -> list[_Tok]:
    """English: the name before "of the …" when ``toks[i]`` is one of the organisation's words (scanning back
    at most 7 words to the determiner): ``Crystal C'Bearing of the … preservation office``; [] otherwise."""
    lex = _lex()
    d = next((x for x in range(i, max(1, i - 7), -1) if not toks[x].t.isalpha() or toks[x].low in lex.determiners
              or toks[x].low in _STOP_BACK or toks[x].low in lex.verbs), None)
    if d is None or d < 2 or toks[d].low not in lex.determiners or toks[d - 1].low != "of" or not toks[d - 2].cap:
        return []
    person = _np_before(toks, d - 1)
    a = d - 1 - len(person)
    if a > 0 and _stopword_classes().get(toks[a - 1].low) == "preposition":
        return []  # itself inside a prepositional phrase: "the majority of States of the world"
    return person if person and person[-1].cap else []


#: English prepositions that also open a clause or a comparison ("Years after Bill Clinton claimed")
_CLAUSE_PREPOSITIONS = _grammar("clause_preposition")


def _subject_before_adverbial(toks: list[_Tok], p: int, end: int) -> list[_Tok]:
    """English: the subject before a prepositional adverbial between it and its verb, the phrase before
    the adverbial's first preposition when a name or a role noun ends it ("John Smith in an interview with
    the BBC said", "Richard Ferrand in relaying the news to parliament said": the object of a preposition
    is no subject); after a determiner and a common noun the whole phrase up to ``end`` (its complement:
    "a study by a sociologist concluded"); [] when a comma, a clause boundary or a finite verb comes first."""
    lex = _lex()
    stops = _stopword_classes()
    for i in range(p, max(0, p - 10), -1):
        t = toks[i]
        if t.low != "of" and stops.get(t.low) == "preposition":
            if t.cap or t.low in _CLAUSE_PREPOSITIONS:
                return []  # a title-case headline ("U.S. Flexes Muscles As Asia Worries"); "Years after X claimed"
            prev = toks[i - 1]
            if _numeral(prev) or (prev.cap and i + 1 < len(toks) and toks[i + 1].cap):
                return []  # "Six in 10 voters said", a name with a preposition inside: "Club for Growth Action"
            if (prev.cap or _is_role(prev.low)) and prev.low not in lex.determiners and prev.low not in lex.pronouns:
                np = _np_before(toks, i)
                a = i - len(np)
                if not np or (a > 0 and stops.get(toks[a - 1].low) == "preposition"):
                    return []  # (itself the object of a preposition: "the conflict initiated by Iraq against")
                if np[-1].cap:
                    return np  # a name: the phrase after it is an adverbial
                # a determiner and a common noun: the phrase after it is its complement ("A spokesman for the
                # ministry said", "a study by a sociologist concluded")
                return toks[a:end] if np[0].low in lex.determiners else []
            continue
        if (not t.t.isalnum() and t.t not in ("-", "'s")) or t.low in _STOP_BACK or t.low in _AUX \
                or (t.low in lex.verbs and not t.low.endswith("ing")) or (t.low.endswith("ed") and not t.cap):
            return []  # (a participle opens a clause of its own: "the resolution adopted by the Assembly")
    return []


def _np_forward(toks: list[_Tok], k: int) -> list[_Tok]:
    """The noun phrase starting at toks[k] (inverted attribution: said Colin Strother, a …)."""
    lex = _lex()
    if k < len(toks) and toks[k].low in lex.pronouns and toks[k].low not in ("her", "him", "them", "it"):
        return [toks[k]]
    if k < len(toks) and toks[k].low in lex.verbs and not _name_word(toks, k):
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
        if lex.lang == "en" and t.low == "and" and out and lex.title_classes(out[-1].low) & {"title", "role"} \
                and j + 2 < len(toks) and toks[j + 1].cap and "title" in lex.title_classes(toks[j + 1].low) \
                and toks[j + 2].cap:
            out.append(t)  # two titles of one person: "Conservative Party leader and Prime Minister Boris Johnson"
            j += 1
            continue
        if t.low in _STOP_BACK or (t.low in lex.verbs and not (lex.lang == "en" and t.cap and out and out[-1].cap)
                                   and not _name_word(toks, j)
                                   and not (lex.lang == "en" and out and out[-1].low.endswith(("'s", "s'")))):
            break  # (a capitalised verb form after a capitalised word is part of the name: "the United States";
            # after a possessive a verb form is a noun: "Miller's ruling")
        if not _np_ok(t):
            if t.t[:1].islower() and t.t.isalpha() and lowers < 2 and (
                not out or not out[-1].cap or out[-1].low in lex.determiners
            ) and not (lex.lang == "en" and _stopword_classes().get(t.low) == "preposition"):
                lowers += 1  # "eyewitness Vinnie DeVita", "talent agent" (not "via Twitter": a preposition)
            else:
                break
        out.append(t)
        j += 1
    while out and not _head_ok(out[-1]):
        out.pop()
    if not out or all(t.low in lex.determiners for t in out):
        # "The" alone names no one: "The team wrote" is "The team" (else "The" stays, resolved to no one)
        return _common_np_forward(toks, k) or out
    return out


def _name_word(toks: list[_Tok], k: int) -> bool:
    """English: is the capitalised toks[k] a title or name word before a name ("Judge Miller", "Press
    Secretary Sarah Sanders"), not the verb its lower-case form also is?"""
    return _lex().lang == "en" and toks[k].cap and k + 1 < len(toks) and toks[k + 1].cap \
        and toks[k].t[1:].islower()


def _common_np_forward(toks: list[_Tok], k: int) -> list[_Tok]:
    """A determiner and one to three common nouns that close the clause (inverted attribution:
    '…," said the guide.') or stand before a reporting verb or auxiliary ("The team wrote that"):
    in that position the phrase is the subject, whatever its noun."""
    lex = _lex()
    if k >= len(toks) or toks[k].low not in lex.determiners:
        return []
    j = k + 1
    # (English: a number and its hyphen count as words: "the 46-year-old", "a 2013 article")
    numeric = lex.lang == "en" and k + 1 < len(toks) and toks[k + 1].t.isdigit()
    while j < len(toks) and j - k <= (5 if numeric else 3) \
            and ((toks[j].t.replace("-", "").isalpha() and toks[j].t.islower())
                 or (numeric and (toks[j].t.isdigit() or (toks[j].t == "-" and toks[j - 1].t.isdigit())))) \
            and toks[j].low not in _STOP_BACK and toks[j].low not in lex.verbs \
            and not (j > k + 1 and _ly_adverb(toks[j].low)):  # "The proclamation specifically said"
        j += 1
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    closed = j == len(toks) or toks[j].t in (".", ";", "!", "?", ":") or toks[j].low in lex.verbs \
        or toks[j].low in _AUX or (_ly_adverb(toks[j].low) and nxt is not None and nxt.low in lex.verbs) \
        or (toks[j].t == "," and (
            # "…, said the old farmer, smiling", "…, said the guide, who …": not ", maintains their routine, have"
            nxt is None or nxt.low in ("who", "a", "an", "the") or nxt.t in ('"', "'")
            or (nxt.low.endswith("ing") and len(nxt.low) > 4)))
    return toks[k:j] if j > k + 1 and closed else []


@dataclass
class _Speaker:
    mention: str | None
    ms: int | None  # mention span (normalised)
    me: int | None
    name: str | None  # canonical
    attribution: str
    person: bool
    pron: str | None = None  # pronoun kind, for re-resolution in text order
    gender: str | None = None  # "male" / "female" when the words or a pronoun say so


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, tuple[str, str]]:
    """Lower-case word -> (gender, class) from ``person_gender.tsv``."""
    return {r["word"]: (r["gender"], r["class"]) for r in lexicons.load("person_gender")}


def _gender(np_words: list[str], name: str | None) -> str | None:
    """A speaker's gender from an honorific or role noun in the phrase, else the name's given name."""
    words = _gender_words()
    for w in np_words:
        hit = words.get(w.lower().rstrip("."))
        if hit is not None and hit[1] != "given_name":
            return hit[0]
    if name and " " in name:
        hit = words.get(name.split()[0].lower())
        if hit is not None and hit[1] == "given_name":
            return hit[0]
    return None


def _agrees(gender: str | None, kind: str) -> bool:
    return gender is None or kind not in ("male", "female") or gender == kind


@dataclass
class _DocState:
    nt: str
    history: list[_Speaker] = field(default_factory=list)
    last_pos: list[int] = field(default_factory=list)
    _names: dict[str, list[tuple[int, str]]] | None = None
    _runs: list[tuple[int, int, str]] = field(default_factory=list)
    _genders: dict[str, str] | None = None
    _turns: list[_Turn] | None = None

    @property
    def names(self) -> dict[str, list[tuple[int, str]]]:
        """Last word -> [(position, full name)], built on first use (many documents never need it)."""
        if self._names is None:
            self._names = _name_index(self.nt, self._runs)
        return self._names

    @property
    def name_genders(self) -> dict[str, str]:
        """Full name -> the gender an honorific before it or its given name shows (built when a pronoun
        needs it)."""
        if self._genders is None:
            _ = self.names  # building the index records the name runs
            self._genders = {}
            for start, end, full in self._runs:
                # the word before the run too: "Mr." is not joined to a capitalised run
                words = self.nt[max(0, start - 6) : start].split()[-1:] + self.nt[start:end].split()
                gender = _gender(words, full)
                if gender is not None:
                    self._genders.setdefault(full, gender)
        return self._genders


# name words are at most 61 characters ({0,60}): with * a long "A-A-A-…" run was rescanned
# from every capital (quadratic time); read with _finditer_at_word_start (the \b before it). The word
# repeats are possessive ({0,60}+): what follows a word in the pattern is a space or a tab (or the match's
# end, reached only when the greedy word was followed by no further name word), never a shorter word, so
# giving back characters never led to a match, and the engine no longer tries (the same matches)
_NAME_RUN = re.compile(
    r"[A-Z](?:\.|[\w'-]{0,60}+)"
    r"(?:[ \t]+(?:(?:al|bin|ibn|de|da|del|van|von|der|la|le)[ \t]+)?[A-Z](?:\.|[\w'-]{0,60}+)){1,7}"
)


def _title_words(lex: _Lex) -> frozenset[str] | None:
    """The title and honorific words of ``lex`` when a word's classes are its own entry's (no compounds), else
    None: then :meth:`_Lex.title_classes` decides."""
    if lex.compounds:
        return None
    found = _TITLE_WORDS.get(lex.lang)
    if found is None or found[0] is not lex:
        words = frozenset(w for w, classes in lex.titles.items() if classes & {"title", "honorific"})
        found = _TITLE_WORDS[lex.lang] = (lex, words)
    return found[1]


#: language -> (its lexicon, the title and honorific words of that lexicon), filled by :func:`_title_words`
_TITLE_WORDS: dict[str, tuple[_Lex, frozenset[str]]] = {}


def _strip_titles(words: list[str]) -> list[str]:
    lex = _lex()
    # everything after the last title word: "Santa Barbara County Sheriff Bill Brown" -> "Bill Brown"
    title_words = _title_words(lex)
    if title_words is not None:  # (the same test as below, one set look-up a word)
        last_title = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in title_words), default=-1)
    else:
        last_title = max((i for i, w in enumerate(words[:-1]) if lex.title_classes(w.lower().rstrip("."))
                          & {"title", "honorific"}), default=-1)
    if last_title >= 0 and words[last_title + 1].lower() in ("of", "for") and lex.lang == "en":
        # "Mayor of London Sadiq Khan" -> "Sadiq Khan"; with no name after the office's object, the office
        # itself: "the acting Prime Minister of Iraq" -> "Prime Minister of Iraq"
        rest = words[last_title + 2 :]
        if len(rest) >= 3 and not any(w.lower() in _ORG_WORDS for w in rest):
            return rest[-2:]
        return words[next(i for i, w in enumerate(words) if lex.title_classes(w.lower().rstrip("."))):]
    words = words[last_title + 1 :]
    i = 0
    while i < len(words) - 1:
        low = words[i].lower().rstrip(".")
        if lex.title_classes(low) or low.endswith("'s") or low in lex.determiners:
            i += 1
        else:
            break
    out = words[i:]
    while out and out[-1].lower().endswith("'s"):
        out = out[:-1]
    return out


def _name_index(nt: str, runs: list[tuple[int, int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Full names by last word; ``runs`` gets each name's run of words ``(start, end, full name)``."""
    index: dict[str, list[tuple[int, str]]] = {}
    lex = _lex()
    lex_en, german = lex.lang == "en", lex.lang == "de"
    for m in _finditer_at_word_start(_NAME_RUN, nt):
        words = m.group().split()
        while words and (words[0].lower() in _CLAUSE_WORDS or words[0].lower() in _NOT_NAME
                         or words[0].lower() in _OPENERS or (german and _de_adverbial_word(words[0].lower()))):
            words = words[1:]  # "So I", "The …", "But Sanders", "Afterwards Trump", "Laut Polizei" at a sentence start
        if len(words) >= 3 and nt[max(0, m.start() - 3) : m.start()] == "of " and lex_en:
            words = words[1:]  # "Mayor of London Sadiq Khan": the run starts with the office's object
        words = _strip_titles(words)
        if len(words) < 2 or any(w.lower() in _ORG_WORDS for w in words) or lex.title_classes(words[0].lower()):
            continue  # one word, an organisation, or an office with no name ("Prime Minister of Iraq")
        last = words[-1].rstrip(".,")
        full = " ".join(w.rstrip(",") for w in words)
        index.setdefault(last, []).append((m.start(), full))
        runs.append((m.start(), m.end(), full))
    for m in _finditer_at_word_start(_honorific_name(), nt):
        # one word is a name after an honorific: "Ms. Kowalczyk" (a longer run is indexed above)
        word = m.group(2)
        if word not in index:
            index[word] = [(m.start(2), word)]
            runs.append((m.start(2), m.end(2), word))
    for entries in index.values():
        entries.sort()
    return index


@lru_cache(maxsize=1)
def _honorific_name() -> re.Pattern[str]:
    """An honorific from ``person_gender.tsv`` and one capitalised word that ends the name (after ``\\b``:
    read with :func:`_finditer_at_word_start`)."""
    words = sorted((w for w, (_, cls) in _gender_words().items() if cls == "honorific" and not w.endswith(".")),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(w.capitalize()) for w in words)  # capitalised: "to miss Paris" is no title
    return re.compile(rf"({alternation})\.?[ \t]+([A-Z][\w'-]{{0,60}})\b(?![ \t]+[A-Z])")


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


#: prepositions that open a time phrase closing a noun phrase ("police on Thursday")
_TIME_PREPOSITIONS = frozenset(["on", "in", "at", "last", "this", "next", "early", "late", "past"])


def _without_time(np: list[_Tok]) -> list[_Tok]:
    """The noun phrase without a closing time phrase (``police on Thursday`` → ``police``, ``a poll
    released on Thursday`` → ``a poll``); empty when nothing but a time is left (``This past Friday``):
    a day or a month names no one (English only)."""
    # the closing run of time tokens ("on Thursday", "last week", "March 1"), with at least one time word
    tail = len(np)
    while tail > 0 and (np[tail - 1].low in _TIME_WORDS or np[tail - 1].low in _TIME_PREPOSITIONS
                        or np[tail - 1].t[:1].isdigit() or np[tail - 1].t == ","):
        tail -= 1
    last_time = max((i for i in range(tail, len(np)) if np[i].low in _TIME_WORDS), default=-1)
    # cut at a time preposition, or at a bare time word after a lower-case word ("a poll released Saturday")
    cut = next((i for i in range(max(tail, 1), last_time + 1)
                if np[i].low in _TIME_PREPOSITIONS or np[i - 1].t.islower()), None)
    if cut is None:
        named = len(np) > 1 and np[-1].t == "Today" and np[-2].cap  # "USA Today", "Psychology Today"
        return [] if np[-1].low in _TIME_WORDS and not named else np
    out = np[:cut]
    lex = _lex()
    while len(out) > 2 and out[-1].t.islower() and out[-2].low not in lex.pronouns and (
            out[-1].low.endswith(("ed", "en")) or out[-1].low == "out"
            or _stopword_classes().get(out[-1].low) == "preposition"):
        out = out[:-1]  # "a poll released", "results tallied through", "a poll out" (not "scholars I interviewed")
    return [] if all(t.low in lex.determiners or t.low in _TIME_PREPOSITIONS for t in out) else out


#: lower-case words inside an organisation's name ("Center for Systems Science and Engineering")
_NAME_CONNECTORS = frozenset(["of", "for", "on", "and", "the", "&"])


def _organisation_name(np: list[_Tok]) -> list[str] | None:
    """The name of an organisation, modifiers kept: ``the Ministry of Foreign Affairs``, ``US State
    Department``, ``the United States Commission on International Religious Freedom`` (title
    stripping would leave ``Affairs``, ``Department``, ``Freedom``): capitalised words and connectors,
    the organisation word last or followed by a connector, at most one word later (``Directorate
    General of Civil Aviation``). None otherwise (``House Speaker Paul
    Ryan``, ``Foreign Ministry Spokeswoman Maria Zakharova``, ``Ross Eisenbrey of the Economic
    Policy Institute`` name a person)."""
    start = next((i for i, t in enumerate(np) if t.cap and t.low not in _lex().determiners), None)
    if start is None:
        return None
    words = np[start:]
    if not words[-1].cap or any(not (t.cap or t.low in _NAME_CONNECTORS or t.t == ".") for t in words):
        return None
    last = max((i for i, t in enumerate(words) if t.low in _ORG_WORDS), default=None)
    if last is None or not (last + 1 == len(words) or words[last + 1].low in _NAME_CONNECTORS
                            or (last + 2 < len(words) and words[last + 2].low in _NAME_CONNECTORS)):
        return None  # "House Speaker Paul Ryan": the organisation word modifies a person's title
    head = next((i for i, t in enumerate(words) if t.low in _NAME_CONNECTORS), len(words))
    if not any(t.low in _ORG_WORDS for t in words[:head]):
        return None  # "Ross Eisenbrey of the Economic Policy Institute": a person of an organisation
    return [t.t for t in words]


#: English: the subject form of the object pronoun of a first-person exhortation ("let" + us / me)
_OBJECT_TO_SUBJECT = {"us": "we", "me": "i"}


def _resolve(state: _DocState, np: list[_Tok], at: int) -> _Speaker | None:
    if not np:
        return None
    lex = _lex()
    if lex.lang == "en":
        lone = np[0].low if len(np) == 1 else ""
        if lone in _NOT_SPEAKER or _stopword_classes().get(lone) == "preposition":
            return None  # "That's mostly …", "Let's say", "instead of admit": no subject, no report
        lows = " ".join(t.low for t in np)
        if lows in _NO_SOURCE:
            # "No one can deny that …", "One might say that …": the writer's own claim, by no one named
            return _Speaker(state.nt[np[0].s : np[-1].e], np[0].s, np[-1].e, None, "none", False)
        if len(np) == 2 and np[0].low in _HORTATIVE and lex.pronouns.get(_OBJECT_TO_SUBJECT.get(np[1].low, "")):
            # "Let us recall that …", "Let me say that …": the speaker exhorts, as "we" / "I" would say it
            kind = lex.pronouns[_OBJECT_TO_SUBJECT[np[1].low]]
            return _Speaker(state.nt[np[0].s : np[-1].e], np[0].s, np[-1].e, _antecedent(state, kind, np[0].s),
                            "pronoun", kind == "first", pron=kind)
        np = _without_time(np)
        if not np:
            return _Speaker(None, None, None, None, "none", False)  # "This past Friday, …": by no one named
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
        if j < k and before[k - 1].cap and not (_lex().lang == "en" and all(t.low in _NOT_NAME for t in before[j:k])):
            sp = _resolve(state, before[j:k], at)  # (not a date: "in July, which showed …")
            if sp is not None and _lex().lang == "en":
                # the mention is the relative pronoun itself (the surface source), the name its antecedent's
                sp.mention, sp.ms, sp.me = mention, ms, me
            return sp
    if all(t.low in lex.determiners or t.low in _RELATIVE_PRONOUNS for t in np):
        # "The" alone at a sentence start, an unresolved "who": the words are reported, by no one named
        return _Speaker(mention, ms, me, None, "none", False)
    pronoun = np[0].low.split("'")[0] if len(np) == 1 else ""  # "I've told them", "It's said"
    if pronoun in lex.pronouns:
        kind = lex.pronouns[pronoun]
        return _Speaker(mention, ms, me, _antecedent(state, kind, ms), "pronoun", kind in ("male", "female", "first"),
                        pron=kind, gender=kind if kind in ("male", "female") else None)
    words = [t.t for t in np if t.t not in ("'s",)]
    caps = [t for t in np if t.cap and t.low not in lex.determiners]
    head = np[-2] if len(np) > 1 and np[-1].t == "." else np[-1]  # "… Biden Jr."
    # German capitalises every noun: a title or role noun at the head is a description ("die Kanzlerin")
    if head.cap and not (lex.compounds and lex.title_classes(head.low) & {"title", "role"}):
        # strip leading titles/modifiers and possessives; keep the last run of capitalised words
        run: list[str] = []
        last_end = -1
        for t in np:
            if run and lex.lang == "en" and t.s == last_end and (t.t == "&" or run[-1].endswith("&")):
                run[-1] += t.t  # "PG&E" is one name word (the tokenizer splits at "&")
            elif t.cap or t.low in _PARTICLES or (t.t == "." and run) or (t.low == "of" and run) or (
                    lex.lang == "en" and t.low == "and" and "of" in run):  # "… of Rogaland Fire and Rescue"
                run.append(t.t)
            else:
                run = []
            last_end = t.e
        run = [w for w in run if w != "."] or words
        stripped = (_organisation_name(np) if lex.lang == "en" else None) or _strip_titles(run)
        stripped = [w for w in stripped if w != "."]
        if not stripped:
            return _Speaker(mention, ms, me, mention, "explicit", False)
        if not (len(stripped) == 1 and lex.lang == "en" and np[0].low in lex.definite
                and lex.title_classes(stripped[0].lower()) & {"title", "role"}):
            name, person = _canonical(state, stripped, ms)
            titled = any(t.low.rstrip(".") in lex.titles and "honorific" in lex.titles.get(t.low.rstrip("."), ())
                         for t in np)
            return _Speaker(mention, ms, me, name, "explicit", person or titled, gender=_gender(words, name))
        # "The President insists": a definite capitalised title alone is a description, as "the president" is
    if lex.lang == "en" and head.low in _DOCUMENT_NOUNS and (author := _possessor(state, np[:-1], at)) is not None:
        # "Stardom's official statement read", "the President Putin's message": a document speaks for its
        # author, the possessor (the mention stays the document)
        return _Speaker(mention, ms, me, author.name, "explicit", author.person, gender=author.gender)
    # a description: resolve a definite one with a role noun to the last named person speaker
    definite = np[0].low in lex.definite or any(t.t.endswith("'s") for t in np[:-1])
    plural = head.low.endswith("s") and not lex.compounds  # German role nouns end in -s in the singular too
    gender = _gender(words, None)
    person = _is_role(head.low) and not plural and head.low not in _NON_PERSON
    if definite and person:
        for sp in reversed(state.history[-8:]):
            if sp.person and sp.name and sp.attribution in ("explicit", "pronoun", "descriptor") \
                    and (gender is None or _agrees(sp.gender, gender)):
                return _Speaker(mention, ms, me, sp.name, "descriptor", True, gender=gender or sp.gender)
    del caps
    # "the minister", "a spokeswoman": a role noun names a person (a pronoun may refer back to it)
    return _Speaker(mention, ms, me, mention, "explicit", person, gender=gender)


#: English nouns of documents, which speak for their author ("the minister's letter reads")
_DOCUMENT_NOUNS = _NON_PERSON_HEADS - _ORG_WORDS - {"police", "military", "army"}


def _possessor(state: _DocState, np: list[_Tok], at: int) -> _Speaker | None:
    """The named possessor ending in ``'s`` among the words before a head noun (``Stardom's official``,
    ``the President Putin's``): the capitalised run up to it, resolved as a speaker; None without one."""
    k = next((i for i in range(len(np) - 1, -1, -1) if np[i].cap and np[i].low.endswith(("'s", "’s"))), None)
    if k is None:
        return None
    j = k
    while j > 0 and np[j - 1].cap:
        j -= 1
    owner = _tokens(state.nt, np[j].s, np[k].e - 2)
    sp = _resolve(state, owner, at) if owner else None
    return sp if sp is not None and sp.name else None


# a transcript's speaker label at a line start: "Vladimir Putin:", "PUTIN:", "Ms. Lee:", "Question:"
# (titles may join capitalised words with the title links: "President of Russia Vladimir Putin")
_LINKS = "|".join(sorted(_TITLE_LINKS))
_LABEL = re.compile(rf"^[ \t]*((?:[A-Z][\w.'’-]{{0,40}}[ \t]+(?:(?:{_LINKS})[ \t]+)?){{0,8}}[A-Z][\w.'’-]{{0,40}})"
                    r"[ \t]*:[ \t]", re.MULTILINE)
# an interview's turn label in double parentheses, as Wikinews' interview templates render: "((WN)) : …",
# "((Name)) …" (the colon may be left out); the label names its speaker whatever its form (initials too)
_PAREN_LABEL = re.compile(r"^[ \t]*\(\(([A-Z][\w.'’ -]{0,60}?)\)\)[ \t]*(:?)[ \t]", re.MULTILINE)


@dataclass(frozen=True)
class _Turn:
    """One labelled turn of a transcript: the label's span, its colon, the canonical speaker (None for
    a role label such as "Question")."""

    ms: int
    me: int
    colon: int
    name: str | None
    #: an interview's label in double parentheses ("((WN)) :"): its speaker is no antecedent for the
    #: article's pronouns (the interviewer's initials)
    parenthesised: bool = False
    #: whether the turn runs on over the unlabelled paragraphs after its own: not when only one side of a
    #: parenthesised interview is labelled (the unlabelled paragraph after "((WN)) : …?" is the answer)
    runs_on: bool = True


def _label_matches(nt: str) -> Iterator[re.Match[str]]:
    """``_LABEL.finditer(nt)``, tried only at the line starts.

    The pattern opens with ``^`` (multi-line: the text's start or after a "\\n") and matches no line
    break, so each match lies in one line and starts at its start; a search would test the anchor at
    every position of the text.
    """
    pos = 0
    match, find = _LABEL.match, nt.find
    while True:
        m = match(nt, pos)
        if m is not None:
            yield m
        newline = find("\n", pos)
        if newline < 0:
            return
        pos = newline + 1


def _turns(state: _DocState) -> list[_Turn]:
    """Speaker turns of a transcript, in text order; empty unless at least two lines start with a
    named label (one "Moscow: …" line, or "Note:" and "Photo:", is no transcript)."""
    if state._turns is None:
        found = []
        labels: Iterable[re.Match[str]] = _label_matches(state.nt)
        if "((" in state.nt:
            labels = sorted([*labels, *_PAREN_LABEL.finditer(state.nt)], key=lambda m: m.start())
        for m in labels:
            if m.re is _PAREN_LABEL:
                colon = m.start(2) if m.group(2) else m.end(1) + 1
                line_end = state.nt.find("\n", colon)
                said = state.nt[colon + 1 : line_end if line_end >= 0 else len(state.nt)].split()
                if sum(1 for w in said if w.strip(".,;:!?'\"").isalpha()) >= 2:
                    words = _strip_titles(m.group(1).split()) or m.group(1).split()
                    name = " ".join(words) if len(words) > 1 else _canonical(state, words, m.start(1))[0]
                    found.append(_Turn(m.start(1), m.end(1), colon, name, parenthesised=True))
                continue
            colon = state.nt.index(":", m.end(1))
            line_end = state.nt.find("\n", colon)
            said = state.nt[colon + 1 : line_end if line_end >= 0 else len(state.nt)].split()
            if sum(1 for w in said if w.strip(".,;:!?'\"").isalpha()) < 2:
                continue  # "Bernie Sanders: 1,481 delegates": a list entry, not a turn of speech
            if _lex().lang == "en" and _headline_words(said):
                continue  # "Bernie Sanders: 'It Is Not A Radical Idea' To Ask For …": a headline in title case
            if m.group(1).lower().endswith(_caption_words()):
                continue  # "Jo JorgensenImage: …", "Photo: …": a picture's caption, no turn of speech
            words = [w.rstrip(".") if w.endswith(".") and len(w) > 3 else w for w in m.group(1).split()]
            words = [w.title() if w.isupper() and len(w) >= 3 else w for w in words]  # "PUTIN" -> "Putin"
            named = len(words) >= 2 or (m.group(1).isupper() and len(words[0]) >= 3)
            if not named and m.group(1).lower() not in _turn_roles():
                continue  # "Image: …", "NG: …": a caption or initials, no turn the rules can name
            last_link = max((i for i, w in enumerate(words) if w in _TITLE_LINKS), default=-1)
            if last_link >= 0 and len(words) - last_link - 1 >= 3:
                last_link += 1  # the title's object is one word: "President of Russia Vladimir Putin"
            words = _strip_titles(words[last_link + 1 :] or words) or words
            name = None
            if named:
                name = " ".join(words) if len(words) > 1 else _canonical(state, words, m.start(1))[0]
            found.append(_Turn(m.start(1), m.end(1), colon, name))
        # a titled label and the bare name of other turns are one speaker: the shortest other label
        # (two words or more) that ends the name ("Russia Vladimir Putin" -> "Vladimir Putin")
        names = {t.name for t in found if t.name}
        short = {n: min((o for o in names if o != n and n.endswith(" " + o) and " " in o), key=len, default=n)
                 for n in names}
        two_sided = len({t.name for t in found if t.parenthesised}) >= 2
        found = [_Turn(t.ms, t.me, t.colon, short.get(t.name, t.name) if t.name else None,
                       t.parenthesised, two_sided or not t.parenthesised)
                 for t in found]
        state._turns = found if sum(t.name is not None for t in found) >= 2 else []
    return state._turns


def _headline_words(words: list[str]) -> bool:
    """English: are the words of a line a headline in title case: at least six words, every word capitalised
    (marks and punctuation aside; short words too, "It Is Not A Radical Idea"), no comma? A turn of speech is
    written in sentence case, and a line of names has commas ("Question: Inessa Zemler, Ekho Moskvy.")."""
    if any("," in w for w in words):
        return False
    alpha = [w for w in (x.strip(".;:!?'\"‘’“”") for x in words) if w[:1].isalpha()]
    return len(alpha) >= 6 and all(w[0].isupper() for w in alpha)


#: named turns from which a transcript's last turn runs on to the end of the document
_LAST_TURN_RUNS_ON = 4
#: paragraphs a turn may run on for before the next label (further away, the text between is narration)
_TURN_PARAGRAPHS = 12


@lru_cache(maxsize=1)
def _turn_roles() -> frozenset[str]:
    """Role labels of transcript turns that name no one ("Question", "Remark"), from ``quote_contexts``."""
    return frozenset(r["word"] for r in lexicons.load("quote_contexts") if r["class"] == "turn_role")


@lru_cache(maxsize=1)
def _caption_words() -> tuple[str, ...]:
    """Words that end a caption's label ("Image", "Photo"), from ``quote_contexts``."""
    return tuple(r["word"] for r in lexicons.load("quote_contexts") if r["class"] == "caption")


def _turn_at(state: _DocState, pos: int) -> _Turn | None:
    """The transcript turn ``pos`` is in (None outside a transcript or before its first label).

    A turn runs on over the paragraphs after its label up to the next label when that is at most
    :data:`_TURN_PARAGRAPHS` paragraphs away; the last turn runs to the end only in a transcript of
    at least :data:`_LAST_TURN_RUNS_ON` named turns (a short exchange quoted in an article ends with its
    paragraph)."""
    turns = _turns(state)
    k = bisect_right(turns, pos, key=lambda turn: turn.ms) - 1
    if k < 0:
        return None
    turn = turns[k]
    own_end = state.nt.find("\n\n", turn.colon)
    if own_end < 0 or pos < own_end:
        return turn
    if not turn.runs_on:
        return None
    if k + 1 < len(turns):
        end = turns[k + 1].ms
    elif sum(t.name is not None for t in turns) >= _LAST_TURN_RUNS_ON:
        end = pos
    else:
        return None
    return turn if _breaks_within(state.nt, turn.colon, end, _TURN_PARAGRAPHS) else None


def _breaks_within(nt: str, start: int, end: int, limit: int) -> bool:
    """Whether ``nt[start:end]`` has at most ``limit`` paragraph breaks (reads at most ``limit + 1`` of them,
    so asking for every paragraph of a long document stays linear)."""
    at = start
    for _ in range(limit + 1):
        at = nt.find("\n\n", at, end)
        if at < 0:
            return True
        at += 2
    return False


def _transcript_speaker(state: _DocState, pos: int) -> str | None:
    """Who says "I" outside quotation marks: the speaker of the transcript turn ``pos`` is in,
    else no one named (the writer; "Question:" turns are unnamed too)."""
    turn = _turn_at(state, pos)
    return turn.name if turn is not None else None


def _antecedent(state: _DocState, kind: str, pos: int) -> str | None:
    """The speaker a pronoun at ``pos`` refers to: the last compatible speaker before it;
    "I" outside quotation marks is the transcript turn's speaker or the writer (no one named)."""
    if kind in ("first", "first_plural"):
        return _transcript_speaker(state, pos)  # ("we" too: the writer's side, not the last source quoted)
    for sp in reversed(state.history):
        if sp.name is None or sp.ms is None or sp.ms >= pos:
            continue
        personal = kind in ("male", "female", "first")
        if (sp.person == personal or kind == "second") and _agrees(sp.gender, kind) \
                and not (kind == "plural" and _lex().lang == "en" and _singular(sp)):
            return sp.name
    if kind in ("male", "female"):
        return _nearest_name(state, pos, kind)
    return None


def _singular(sp: _Speaker) -> bool:
    """English: whether a non-person speaker is one thing ("The committee", "the report", "Fox News" is not
    told apart from a plural): a common-noun mention whose head does not end in -s and that joins no two
    phrases. *They* does not refer back to it."""
    words = (sp.mention or "").split()
    if not words or (words[0][:1].isupper() and all(w[:1].isupper() for w in words)):
        return False  # a name: "Fox News", "Republicans"
    head = words[-1].lower()
    return not head.endswith("s") and "and" not in words and head not in _lex().pronouns


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


def _nearest_name(state: _DocState, pos: int, kind: str = "") -> str | None:
    """The last full name before ``pos`` whose given name does not contradict the pronoun ``kind``."""
    best: tuple[int, str] | None = None
    for entries in state.names.values():
        k = bisect_left(entries, (pos, "")) - 1
        while k >= 0 and not _agrees(state.name_genders.get(entries[k][1]), kind):
            k -= 1
        if k >= 0 and (best is None or entries[k][0] > best[0]):
            best = entries[k]
    return best[1] if best else None
