"""Attribution frames of direct quotes: ``"…," X said`` after, ``X said: "…"`` before, and frames with no verb.

Owns: ``_Frame`` (speaker, cue, content span, rule), ``_frame_after`` and
``_frame_before`` (a cue plus a speaker noun phrase next to a quote),
``_window_np`` (a fallback mention), ``_subject`` (the subject before a cue,
also used by reported speech), and the attributions without a reporting verb:
``_frame_action_beat`` (the sentence before the quote is about a person:
``Alice began talking. 'Lorem ipsum.'``), ``_frame_dash`` (``"…" – Jane Doe``)
and ``_frame_line_before`` (``And from Chairwoman Maria Lopez:`` closing the
paragraph before).

Must not touch: quote marks, the paragraph walk or the reported-speech rules;
depends on clauses, speakers, cues, tokens and the lexicon loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .clauses import _Row
from .cues import (
    _ABBREV,
    _APPROXIMATORS,
    _BE,
    _CLAUSE_WORDS,
    _COMPLEMENTIZERS,
    _DE_AUX,
    _DE_DEMONSTRATIVES,
    _DE_HEARSAY,
    _DE_HEARSAY_PLACE,
    _DE_PREPOSITIONS,
    _FINITE_AUX,
    _INDEFINITE,
    _NEGATION,
    _NOT_NAME,
    _NOUN_DET,
    _OPENERS,
    _PARTICLES,
    _QUANTIFIERS,
    _TIME_WORDS,
    _VERB_CONTRACTIONS,
    _cue_at,
    _grammar,
    _is_aux,
    _is_opener,
    _is_stop,
    _lex,
    _ly_adverb,
    _numeral,
    _stopword_classes,
)
from .speakers import (
    _DE_ADVERB_ENDINGS,
    _DOCUMENT_NOUNS,
    _de_adverbial,
    _de_inverted,
    _de_subject,
    _DocState,
    _is_role,
    _np_backward,
    _np_forward,
    _resolve,
    _Speaker,
)
from .tokens import _Tok


@dataclass
class _Frame:
    speaker: _Speaker | None
    cue: str | None
    cs: int | None
    ce: int | None
    rule: str


def _window_np(toks: list[_Tok], a: int, b: int) -> list[_Tok]:
    """toks[a:b] as a speaker mention when nothing better parses ("one P&G employee told")."""
    end = b
    while b > a and (_is_aux(toks[b - 1].low) or toks[b - 1].t == ","):
        b -= 1
    while a < b and toks[a].t in ",-'\"":
        a += 1
    if b <= a or b - a > 10 or any(t.t in "();:'\"" for t in toks[a:b]):
        return []
    window = toks[a:b]
    if any(t.low in _BE for t in window):
        return []  # "Sexton was quick to" is a clause, not a speaker
    function = _stopword_classes() if _lex().lang == "en" else {}  # English function words
    if function.get(window[0].low) == "preposition" and not (
            window[0].low in _APPROXIMATORS and len(window) > 1 and _numeral(window[1])):
        return []  # "for a normal fear …": a prepositional phrase is no subject (but "About one in five say")
    while window and (window[0].low in _OPENERS or function.get(window[0].low) in ("adverb", "conjunction")) \
            and not (len(window) > 1 and window[0].low in _QUANTIFIERS and window[1].low == "of"):  # "Most of …"
        window = window[1:]  # "initially we all think", "Maybe the neighbours told"
    if not window or any(
        "'" in t.low and t.low.split("'")[0] in _lex().pronouns and t.low.endswith(_VERB_CONTRACTIONS) for t in window
    ):
        return []  # "for a normal …", "so it's kind of hard to say": no subject here
    # a finite auxiliary, a negation or an infinitive "to" ends the subject: "they did not",
    # "Trump never", "nobody even bothered to", "Should" (nothing before it: no subject)
    cut = next((i for i, t in enumerate(window) if t.low in _FINITE_AUX or t.low in _NEGATION or t.low == "to"), None)
    window = window[:cut]
    if len(window) > 1 and (window[0].low in _lex().pronouns or window[0].low in _INDEFINITE):
        window = window[:1]  # "I like to show …", "nobody even bothered to": the pronoun is the subject
    if not window:
        return []
    head = window[-1]
    after_det = len(window) > 1 and (window[-2].low in _NOUN_DET or (_lex().lang == "en" and _numeral(window[-2])))
    lex = _lex()
    # English: a verb's -s form right before the cue is a plural noun, as two finite verbs do not stack
    # ("reports said", "estimates show")
    plural_noun = lex.lang == "en" and end == b and end < len(toks) and toks[end].low in lex.verbs \
        and head.low.endswith("s") and head.low in lex.verbs and head.low != lex.verbs[head.low][0]
    if not (head.t.isalpha() or head.cap) or (_ly_adverb(head.low) and not after_det) or (
        head.low in lex.verbs and not after_det and not plural_noun
    ):
        return []  # an adverb or a verb, unless a determiner makes it a noun: "voters in each state", "a rally"
    return window


def _according_to(state: _DocState, toks: list[_Tok], k: int, cue: tuple[str, int, int]) -> _Frame:
    """'according to X' at ``toks[k]``: X (the noun phrase after the two cue words) is the speaker."""
    np = _np_forward(toks, k + 2)
    return _Frame(_resolve(state, np, cue[1]), "according to", cue[1], cue[2], "direct:according_to")


def _frame_heisst_es(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """German ``heißt es in X`` (``In dem Antrag heißt es:``, ``„…“, heißt es in einer Mitteilung des
    Vereins``): the text X, after ``in``/``im``/``auf`` in the same clause, is the source.

    The verb and the prepositions are the classes ``hearsay_de`` and ``hearsay_place_de`` of
    ``quote_grammar``.
    """
    k = next((i for i in range(len(toks) - 1) if toks[i].low in _DE_HEARSAY and (
        toks[i + 1].low == "es" or (i > 0 and toks[i - 1].low == "es"))), None)
    if k is None:
        return None
    for i, t in enumerate(toks):
        if _is_stop(toks, i) or (t.t == ":" and i > k):
            break
        if t.low in _DE_HEARSAY_PLACE and i + 1 < len(toks):
            np = _np_forward(toks, i + 1)
            if np and np[-1].cap:
                return _Frame(_resolve(state, np, np[0].s), "heißen", toks[k].s, toks[k].e, "direct:heisst_es")
    return None


#: English: tokens after a quote within which its reporting verb may stand ('"...," James B. Comey Jr., the
#: director of the Federal Bureau of Investigation, said'); a sentence end stops the search before
_AFTER_WINDOW_EN = 24


def _according_source(toks: list[_Tok], k: int, limit: int) -> tuple[list[_Tok], int]:
    """The source of ``according to`` at ``toks[k]`` and the index of the token that ends it.

    The source runs to the next comma (or the sentence end): the noun phrase after ``to``, or all the
    words up to the comma when they are at most ``limit`` (``according to excerpts of his speech released
    by the White House``), except after a pronoun (``according to you so that …`` is ``you``).
    """
    j = k + 2
    while j < len(toks) and toks[j].t not in ",;:" and not _is_stop(toks, j):
        j += 1
    np = _np_forward(toks, k + 2)
    if not np or (np[-1].e < toks[j - 1].e and j - k - 2 <= limit and np[0].low not in _lex().pronouns):
        np = toks[k + 2 : j] if 0 < j - k - 2 <= limit else np
    return np, j


def _outer_according_to(state: _DocState, toks: list[_Tok], k: int) -> _Frame | None:
    """English ``"…," X said, according to Y``: ``according to`` frames the whole report, so Y (a transcript,
    a newspaper, excerpts of a speech) is the quote's source; None when no ``, according to`` follows the
    cue at ``toks[k]`` in its sentence."""
    for i in range(k + 1, min(len(toks) - 2, k + 14)):
        if _is_stop(toks, i):
            return None
        if toks[i].low == "according" and toks[i + 1].low == "to" and toks[i - 1].t == ",":
            np = _according_source(toks, i, 12)[0]
            if not np:
                return None
            return _Frame(_resolve(state, np, toks[i].s), "according to", toks[i].s, toks[i + 1].e,
                          "direct:according_to")
    return None


#: English verbs of talking about a topic that frame a direct quotation when no topic follows them
#: ("McCready commented, "…"", "…," she commented.; ``quote_grammar`` class ``topic_speech_verb``)
_TOPIC_SPEECH = _grammar("topic_speech_verb")


def _topic_speech_frame(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """English: a verb of talking about a topic (class ``stance`` of ``reporting_verbs``, lemma in
    ``topic_speech_verb``) with no object, right before a comma, colon or sentence end: the frame of a
    direct quotation ('Philip Hammond commented, "…"'); None otherwise (``commented on the plan`` is
    read as stance by the reported-speech rule)."""
    lex = _lex()
    info = lex.stance.get(toks[k].low) if lex.lang == "en" else None
    if info is None or info[0].split()[0] not in _TOPIC_SPEECH or toks[k].cap:
        return None
    if k + 1 < len(toks) and toks[k + 1].t not in (",", ":", ".", "!", "?"):
        return None
    if k > 0 and (toks[k - 1].low in _NOUN_DET or toks[k - 1].low.endswith("'s")):
        return None  # a noun: "his comments", "the talks"
    return info[0].split()[0], toks[k].s, toks[k].e


def _frame_after(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """Attribution following a quote: ', he said', ', said X', ' X told Y in an interview'."""
    if not toks:
        return None
    if _lex().lang == "de" and (frame := _frame_heisst_es(state, toks[:16])) is not None:
        return frame
    english = _lex().lang == "en"
    k0 = 0
    if english:
        while k0 < min(2, len(toks) - 1) and toks[k0].t == "'":
            k0 += 1  # "... on 'Fox and Friends,''' said X": a nested quote's closing mark next to the outer one
    k0 += 1 if toks[k0].t in ",-" else 0
    for k in range(k0, min(len(toks), k0 + (_AFTER_WINDOW_EN if english else 16))):
        if _is_stop(toks, k):
            break
        cue = _cue_at(toks, k) or _topic_speech_frame(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            return _according_to(state, toks, k, cue)
        if english and (outer := _outer_according_to(state, toks, k)) is not None:
            return outer
        if k == k0 + 1 and toks[k0].low in _DE_DEMONSTRATIVES and _lex().lang == "de":
            np = _np_forward(toks, k + 1)  # "„…“ Das sagte der Minister": the demonstrative is the quotation
            if np:
                return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:demonstrative")
            return None
        if k > k0 and not all(_is_aux(tt.low) for tt in toks[k0:k]):  # ", a déclaré le ministre"
            np = _np_backward(toks, k)
            if not np or np[0].s < toks[k0].s:
                np = _window_np(toks, k0, k)
            if np:
                return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:speaker_cue")
            return None
        np = _np_forward(toks, k + 1)
        if english and (not np or all(t.low in _lex().determiners or t.low in _TIME_WORDS for t in np)):
            np = _inverted_description(toks, k + 1) or _named_description(toks, k + 1) or np
        if english and np:
            np = _appositive_name(toks, k + 1, np) or np
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:cue_speaker")
        return None
    return None


def _name_run(seg: list[_Tok]) -> bool:
    """Two or more capitalised words (name particles between them allowed), no possessive: a name."""
    return len(seg) >= 2 and seg[0].cap and seg[-1].cap and all(
        (t.cap and not t.low.endswith("'s")) or t.low in _PARTICLES or t.t == "." for t in seg)


def _name_like(seg: list[_Tok]) -> bool:
    """Capitalised words with ``of``/``the``/``and`` between them: "University of California"."""
    return bool(seg) and seg[0].cap and all(t.cap or t.low in ("of", "the", "and", "for") for t in seg)


def _description(seg: list[_Tok]) -> bool:
    """Up to six words ending in a lower-case word, with no verb: 'his father', "San Diego's chancellor"."""
    lex = _lex()
    return 0 < len(seg) <= 6 and seg[-1].t.isalpha() and seg[-1].t.islower() and not any(
        t.low in lex.verbs or t.low in _TIME_WORDS for t in seg)


def _appositive_name(toks: list[_Tok], k: int, np: list[_Tok]) -> list[_Tok]:
    """English inverted subject that describes its speaker before naming them: the name, or [].

    ``'"…," said his father, Abdullah Kurdi, following …'`` and ``"said University of California, San Diego's
    chancellor, Pradeep Khosla."``: a description (its last word a lower-case noun) and, after a comma, a
    name of two or more capitalised words: the name is the speaker (apposition). ``'said study co-author and
    Royal Society University Research Fellow Martin How.'``: a subject that starts with lower-case
    descriptions and ends in a capitalised run: the run. ``'said Colin Strother, a campaign spokesman'``
    names first and is left alone.
    """
    segs: list[list[_Tok]] = [[]]
    for t in toks[k : k + 24]:
        if t.t in ".;:!?" and not (t.t == "." and segs[-1] and (
                segs[-1][-1].low in _ABBREV or (len(segs[-1][-1].t) == 1 and segs[-1][-1].cap))):
            break
        if t.t == ",":
            if len(segs) == 4:
                break
            segs.append([])
            continue
        segs[-1].append(t)
    for i in range(len(segs) - 1):
        if _description(segs[i]) and _name_run(segs[i + 1]) and all(
                _description(seg) or _name_like(seg) for seg in segs[:i]):
            return segs[i + 1]
    first = segs[0]
    if not any(t.cap for t in np) and first and first[0].t.islower():
        i = 0
        while i < len(first) and not first[i].cap:
            i += 1  # the lower-case descriptions ("study co-author and")
        j = i
        while j < len(first) and (first[j].cap or (first[j].low in _PARTICLES and j + 1 < len(first)
                                                    and first[j + 1].cap)):
            j += 1  # the first capitalised run ("Professor Carl Lipo", not "… of Binghamton University")
        if j - i >= 2 and _name_run(first[i:j]):
            return first[i:j]
    return []


#: English prepositions that open the complement of an inverted subject ('," reads an editorial in X')
_DESCRIPTION_LINKS = frozenset(("of", "in", "from", "by", "at", "on", "for", "with"))


def _inverted_description(toks: list[_Tok], k: int) -> list[_Tok]:
    """English: the subject after the cue of an inverted attribution that is a determiner, modifiers
    (numbers, time words) and common nouns before a prepositional complement ('"…," concluded a 2013
    article in the journal', '"…," reads a Wednesday editorial in The Register'): in that position the
    phrase is the subject whatever its noun; the determiner and nouns (the complement left out), or []."""
    lex = _lex()
    if k >= len(toks) or toks[k].low not in lex.determiners:
        return []
    j = k + 1
    while j < len(toks) and j - k <= 5 and toks[j].low not in _DESCRIPTION_LINKS and toks[j].low not in lex.verbs \
            and (toks[j].t.replace("-", "").isalnum() and (toks[j].t.islower() or toks[j].t.isdigit()
                                                          or toks[j].low in _TIME_WORDS)):
        j += 1
    if j == k + 1 or not toks[j - 1].t.islower() or toks[j - 1].low.endswith("ly"):
        return []
    if j < len(toks) and toks[j].low not in _DESCRIPTION_LINKS and toks[j].t not in ".,;:!?":
        return []
    return toks[k:j]


#: English words that give an unnamed source the name it is known by ("a protester using the pseudonym
#: Katya", "a man who gave his name as Ali"; ``quote_grammar`` class ``naming_word``)
_NAMING_WORDS = _grammar("naming_word")


def _named_description(toks: list[_Tok], k: int) -> list[_Tok]:
    """English: the subject after the cue of an inverted attribution that is a determiner and one to three
    common nouns, a phrase with a naming word and the name it gives, closing the clause ('"…," said a
    protester using the pseudonym Katya.', 'a man who gave his name as Ali'); the whole phrase, or []."""
    lex = _lex()
    if k >= len(toks) or toks[k].low not in lex.determiners:
        return []
    j = k + 1
    while j < len(toks) and j - k <= 3 and toks[j].t.isalpha() and toks[j].t.islower() \
            and toks[j].low not in _NAMING_WORDS and toks[j].low not in lex.verbs:
        j += 1
    if j == k + 1:
        return []
    named = False
    while j < len(toks) and j - k <= 10 and toks[j].t.islower() and toks[j].t.isalpha():
        named = named or toks[j].low in _NAMING_WORDS
        j += 1
    n = j
    while n < len(toks) and toks[n].cap and toks[n].t.isalpha():
        n += 1
    if not named or n == j or (toks[j - 1].low not in _NAMING_WORDS and toks[j - 1].low != "as") \
            or (n < len(toks) and toks[n].t not in ".,;!?"):
        return []  # (the name right after the naming word or "as": not "a source known to Reuters")
    return toks[k:n]


def _frame_after_de(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """German attributions after a quotation that name no listed reporting verb.

    ``„…“, führte er aus``, ``„…“, wird Mike Downey zitiert``, ``„…“, wollen die Demonstranten
    wissen``: after the quotation and its comma German puts the finite verb first and the
    speaker right after it, whatever the verb (``direct:after_verb``, the cue is the verb as
    written). ``„…“. Das ist die Aussage einer Studie`` / ``Das sagte der Minister``: a
    demonstrative, a verb and the speaker start the next sentence (``direct:demonstrative``).
    """
    lex = _lex()
    if len(toks) < 3:
        return None
    rule = "direct:after_verb"
    k = 1
    if toks[0].t == "." and toks[1].low in _DE_DEMONSTRATIVES:
        rule, k = "direct:demonstrative", 2
    elif toks[0].t != ",":
        return None
    if k + 1 >= len(toks):
        return None
    verb = toks[k]
    if not verb.t.isalpha() or not verb.t.islower() or verb.low in lex.determiners or _de_adverbial(verb) \
            or verb.low in _COMPLEMENTIZERS or verb.low in lex.pronouns:
        return None
    j = k + 1
    while j < len(toks) and (toks[j].low in _DE_AUX or _de_adverbial(toks[j])) and toks[j].low not in _DE_PREPOSITIONS:
        j += 1
    np = _np_forward(toks, j) if j < len(toks) else []
    if not np or not (np[-1].cap or np[-1].low in lex.pronouns or _is_role(np[-1].low)) or _de_adverbial(np[0]):
        return None
    return _Frame(_resolve(state, np, np[0].s), verb.low, verb.s, verb.e, rule)


def _frame_before(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """Attribution preceding a quote: 'Lavrov said: "', 'He added, "', 'According to X, "'."""
    if not toks:
        return None
    # only the last sentence before the quote
    for k in range(len(toks) - 2, -1, -1):
        if _is_stop(toks, k):
            toks = toks[k + 1 :]
            break
    if not toks:
        return None
    last = toks[-1].t
    n = len(toks)
    if _lex().lang == "de" and last in (":", ",") and (frame := _frame_heisst_es(state, toks)) is not None:
        return frame
    if last not in (":", ",") and toks[-1].low not in ("that",) and not any(
        _cue_at(toks, i) for i in range(max(0, n - 3), n)
    ):
        return None
    for k in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        cue = _cue_at(toks, k) or _topic_speech_frame(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            return _according_to(state, toks, k, cue)
        if toks[k].low.endswith("ing") and k > 0 and toks[k - 1].low not in _BE:
            sp = _subject(state, toks, k, [], [])
            return _Frame(sp, cue[0], cue[1], cue[2], "direct:before_participle") if sp else None
        np = _np_backward(toks, k)
        if not np and _lex().lang == "en" and k > 1:
            # a common-noun subject of the frame: "The ad claims "…"", "In the morning, a young boy shouted, "…""
            b = max((i + 1 for i in range(k) if toks[i].t in ",;:"), default=0)
            window = _window_np(toks, b, k) if k - b <= 6 and toks[b].low in _NOUN_DET else []
            np = window if window and not any(t.low in _lex().verbs or t.t in ",;:" for t in window) else []
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        np = _np_forward(toks, k + 1)
        if np and cue[0] not in ("tell", "ask"):
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        sp = _subject(state, toks, k, [], [])
        return _Frame(sp, cue[0], cue[1], cue[2], "direct:before") if sp else None
    if last == ":" and _lex().lang == "en" and (frame := _document_colon(state, toks)) is not None:
        return frame
    if last == ":" and 1 <= len(toks) - 1 <= 6:
        np = _window_np(toks, 0, len(toks) - 1)
        if np and np[-1].cap:
            c = toks[-1]
            return _Frame(_resolve(state, np, np[0].s), ":", c.s, c.e, "direct:colon")  # 'Clinton: "…"'
    if last == ":":
        sp = _subject(state, toks, len(toks) - 1, [], [])
        if sp is not None:
            c = toks[-1]
            return _Frame(sp, ":", c.s, c.e, "direct:colon")
    return None


def _document_colon(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """English colon frame that announces a document: ``The palace issued the following statement from the
    king:`` (the source after ``from``), ``The ministry released a statement:`` (the clause's subject, before
    its verb). ``toks`` ends with the colon; None when no determiner and document noun follow a verb."""
    lex = _lex()
    n = len(toks) - 1
    d = next((i for i in range(n - 1, 0, -1) if toks[i].low in _DOCUMENT_NOUNS
              and any(x.low in lex.determiners or x.low == "following" for x in toks[max(0, i - 3) : i])), None)
    if d is None:
        return None
    colon = toks[n]
    if d + 2 < n and toks[d + 1].low == "from":
        np = _np_forward(toks, d + 2)
        if np:
            return _Frame(_resolve(state, np, np[0].s), ":", colon.s, colon.e, "direct:document_colon")
    v = next((i for i in range(1, d) if toks[i].t.islower()
              and (toks[i].low.endswith("ed") or toks[i].low in lex.verbs)), None)
    np = _window_np(toks, 0, v) if v is not None else []
    if not np:
        return None
    return _Frame(_resolve(state, np, np[0].s), ":", colon.s, colon.e, "direct:document_colon")


def _subject(state: _DocState, toks: list[_Tok], k: int, out: list[_Row], done: list[_Row]) -> _Speaker | None:
    """Subject of the main clause for a participial cue (', warning that …')."""
    start = toks[0].s
    for r in reversed(out + done):
        if r.speaker is not None and r.cue_s is not None and start <= r.cue_s < toks[k].s:
            sp = r.speaker
            return _Speaker(sp.mention, sp.ms, sp.me, sp.name, sp.attribution, sp.person)
    if _lex().lang == "de":
        np = _de_subject(toks, k)
        if np:
            return _resolve(state, np, np[0].s)
    # the nearest comma-separated segment before the cue that starts with a noun phrase
    # followed by more words (its verb): "Asked if …, Lavrov declined to answer, adding …"
    bounds = [i + 1 for i in range(k) if toks[i].t == ","]
    for b in reversed([0, *bounds]):
        j = b
        while j < k and toks[j].t in ('"', "'"):
            j += 1
        if j >= k - 1:
            continue
        if _is_opener(toks[j]) and not (
                _lex().lang == "en" and toks[j].cap and toks[j].low not in _OPENERS and j + 1 < k
                and not toks[j + 1].cap and (toks[j + 1].low in _lex().verbs or toks[j + 1].low in _BE
                                             or (len(toks[j + 1].low) > 4 and toks[j + 1].low.endswith("ed")))):
            continue  # "Citing …,", "In a subsequent tweet," — not the subject (but "Ebeling walked …": a name)
        if _lex().lang == "de" and (_de_adverbial(toks[j]) or toks[j].low.endswith(_DE_ADVERB_ENDINGS)):
            inverted = _de_inverted(toks, j, k)  # "Dazu gab das Ministerium bekannt:", "Relativierend fügt Gall hinzu:"
            if inverted:
                return _resolve(state, inverted, inverted[0].s)
        np = _np_forward(toks, j)
        if np and toks.index(np[-1]) < k - 2 and np[-1].e <= toks[k].s:
            return _resolve(state, np, np[0].s)
    return None


def _person_np(state: _DocState, np: list[_Tok], at: int) -> _Speaker | None:
    """``np`` as the speaker of an action beat when it names or describes one person.

    A name (titles and determiners before it allowed, ``the oversized Trump`` is no
    subject), ``he`` or ``she``, or a role noun (``the minister``). A single capitalised
    word is a name unless it is a function word ("Nothing", "Everyone", "This" open
    sentences too) or a plural not known as a name ("Environmentalists hated it."); "The
    crowd" or "The meeting" name no speaker.
    """
    if not np:
        return None
    head = np[-1]
    lex = _lex()
    if lex.lang == "de" and (_de_adverbial(np[0]) or (len(np) == 1 and head.low.endswith(_DE_ADVERB_ENDINGS))):
        return None  # "Aktuell bestehe …", "Nach eingehender Prüfung …": an adverbial, no person
    if len(np) == 1 and head.low in lex.pronouns:
        if lex.pronouns[head.low] not in ("male", "female"):
            return None  # "I", "we", "they": the writer, an interviewee or a group
    elif head.cap:
        if any(not t.cap and t.low not in lex.determiners and t.low not in lex.titles and not t.t.endswith("'s")
               and t.t not in (".", "'") for t in np):
            return None
        names = [t for t in np if t.cap and t.low not in lex.determiners]
        if not names:
            return None
        if len(names) == 1:
            word = names[0]
            plural = word.low.endswith("s") and word.t not in state.names
            if word.low in _not_name_words() or word.t.isupper() or plural:
                return None
    elif not _is_role(head.low):
        return None
    sp = _resolve(state, np, at)
    return sp if sp is not None and sp.name is not None else None


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Capitalised at a sentence start but no name: stop words, clause words, openers."""
    return frozenset(_stopword_classes()) | _NOT_NAME | _CLAUSE_WORDS | _OPENERS


def _beat_link(t: _Tok) -> bool:
    """A conjunction, adverb or comma before the subject of a beat ("And then Alice …", "Still, she …")."""
    return t.t == "," or _stopword_classes().get(t.low) in ("conjunction", "adverb")


def _not_verb(t: _Tok) -> bool:
    """A word that cannot be the verb after a subject: a determiner, preposition, conjunction, pronoun."""
    return _stopword_classes().get(t.low) in ("determiner", "preposition", "conjunction", "pronoun")


def _frame_action_beat(state: _DocState, toks: list[_Tok], at_start: bool) -> _Frame | None:
    """An action beat: the sentence just before a quote has a person as its subject and no cue.

    ``Alice began talking. 'Lorem ipsum.'`` — in narrative and in news a quotation that
    follows a sentence about someone, with no attribution of its own, is theirs.
    ``toks`` end with the beat sentence's final punctuation; only that sentence is read, and
    it must start after a sentence end in ``toks`` or, with ``at_start``, at their start (a
    paragraph start).
    """
    if len(toks) < 3 or toks[-1].t not in (".", "!", "?") or not _is_stop(toks, len(toks) - 1):
        return None
    beat = toks if at_start else []
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].t in ("'", '"', ":"):
            return None  # the sentence holds a quote or a colon: not a sentence about someone
        if _is_stop(toks, k):
            beat = toks[k + 1 :]
            break
    if len(beat) < 3:
        return None
    j = 0
    while j < len(beat) and _beat_link(beat[j]):
        if beat[j].low in _CLAUSE_WORDS and beat[j].low not in ("and", "but", "or"):
            return None  # "Though Lorenzo was forecast to weaken, gusts …": a subordinate clause comes first
        j += 1  # "And then Alice …"
    if j < len(beat) and _is_opener(beat[j]):
        comma = next((i for i in range(j, min(len(beat), j + 10)) if beat[i].t == ","), None)
        if comma is None:
            return None
        j = comma + 1  # "At the podium, Alice …"
    if any(_cue_at(beat, i) for i in range(len(beat))):
        return None  # a sentence with its own reporting verb is reported speech, not a beat
    np = _np_forward(beat, j)
    if not np:
        return _named_in_beat(state, beat)
    k = beat.index(np[-1]) + 1
    if k >= len(beat) - 1 or not beat[k].t.isalpha() or not beat[k].t.islower() or _not_verb(beat[k]):
        return None  # the subject is followed by its verb: "Alice began", "The minister paused"
    sp = _person_np(state, np, np[0].s)
    if sp is None and _lex().lang == "en":
        return _named_in_beat(state, beat)
    return _Frame(sp, None, None, None, "direct:action_beat") if sp is not None else None


def _named_in_beat(state: _DocState, beat: list[_Tok]) -> _Frame | None:
    """English: a beat whose subject is no person but that names one person quoted before, and no one else
    ("The home side was on the receiving end of two yellow cards, leaving Ingram unimpressed. "One of them
    …"": the sentence is about Ingram); None otherwise."""
    quoted = {sp.name for sp in state.history if sp.person and sp.name}
    found: dict[str, _Speaker] = {}
    i = 1  # (the sentence's first word is capitalised whatever it is)
    while i < len(beat):
        if not beat[i].cap:
            i += 1
            continue
        j = i
        while j < len(beat) and beat[j].cap:
            j += 1
        if beat[i - 1].low not in _lex().determiners:  # (a person's name takes no article: not "the new States")
            sp = _resolve(state, beat[i:j], beat[i].s)
            if sp is not None and sp.name:
                found[sp.name] = sp
        i = j
    if len(found) != 1:
        return None
    sp = next(iter(found.values()))
    return _Frame(sp, None, None, None, "direct:action_beat") if sp.name in quoted else None


def _frame_dash(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """A dash attribution after a quote: ``"…" – Commissioner Jane Doe`` (a byline, an epigraph).

    ``toks`` start after the closing mark (or at a line that follows the quote). One or two
    dashes, a noun phrase with a capitalised head, then nothing or a short affiliation after a
    comma or parenthesis (``— Jane Doe, UNICEF representative``), and no verb of saying.
    """
    k = 0
    while k < len(toks) and k < 2 and toks[k].t in (",", "."):
        k += 1
    n_dash = 0
    while k < len(toks) and toks[k].t == "-" and n_dash < 2:
        k += 1
        n_dash += 1
    if not n_dash:
        return None
    np = _np_forward(toks, k)
    if not np or not np[-1].cap:
        return None
    rest = toks[toks.index(np[-1]) + 1 :]
    if rest and (rest[0].t not in (",", "(", ".") or len(rest) > 16 or any(t.t in ('"', "'") for t in rest)):
        return None
    if any(_cue_at(toks, i) for i in range(k, len(toks))):
        return None
    dash = toks[k - 1]
    sp = _resolve(state, np, np[0].s)
    return _Frame(sp, "-", dash.s, dash.e, "direct:dash") if sp is not None else None


def _frame_line_before(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """A line before a quote paragraph that names its source and ends with a colon, without a verb.

    ``And from Chairwoman Maria Lopez:``, ``A statement by the ministry's spokeswoman, Ann
    Lee:`` — the noun phrase after the last *from* / *by* (a name in apposition to a role
    noun is preferred). Lines with a reporting verb are read by :func:`_frame_before`.
    """
    if len(toks) < 3 or toks[-1].t != ":":
        return None
    for i in range(len(toks) - 2, -1, -1):
        if _is_stop(toks, i):
            toks = toks[i + 1 :]  # the line's last sentence
            break
    if len(toks) < 3 or any(_cue_at(toks, i) for i in range(len(toks))):
        return None
    k = next((i for i in range(len(toks) - 2, -1, -1) if toks[i].low in ("from", "by")), None)
    if k is None:
        return None
    np = _np_forward(toks, k + 1)
    if not np:
        return None
    e = toks.index(np[-1]) + 1
    name = _np_forward(toks, e + 1) if e + 1 < len(toks) and toks[e].t == "," else []
    if name and name[-1].cap and toks.index(name[-1]) + 1 == len(toks) - 1:
        np = name  # a name in apposition: "the chair of the finance committee, Maria Lopez:"
    else:
        cut = next((i for i in range(1, len(np) - 1) if np[i].low == "of" and np[i + 1].low in _lex().determiners),
                   None)
        np = np[:cut]  # "Chairwoman Maria Lopez of the finance committee" -> the name ("Secretary of State" stays)
    if not (np[-1].cap or _is_role(np[-1].low)):
        return None
    colon = toks[-1]
    sp = _resolve(state, np, np[0].s)
    return _Frame(sp, ":", colon.s, colon.e, "direct:line_before") if sp is not None else None
