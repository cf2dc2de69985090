"""German reported speech without a reporting verb: source phrases, Konjunktiv I sentences, naming.

Owns: ``_reported_de`` — for one sentence of a German document that no rule
of :mod:`toolkit.quotes.indirect` reported, a source phrase (``laut X``,
``X zufolge``, ``nach Angaben von X``, ``nach Ansicht des Ministers``,
``…, so X``: the German *according to*, lexicon classes
``source_preposition_de``, ``source_postposition_de`` and ``source_noun_de``
of ``quote_grammar``) makes the sentence reported speech of X
(``indirect:source``); otherwise a verb in the Konjunktiv I (``sei``,
``habe``, ``könne``: class ``konjunktiv_de``), the mood of German reported
speech, makes it reported (``indirect:konjunktiv``): of the main clause's
subject when the Konjunktiv is in a clause after it (``Die Partei begrüßte
den Schritt, weil er zeige …``), else of the speaker reported just before
(``Er sagte, …. Die Lage sei …``, attribution ``inherited``), else of no one
named. Quoted words inside make the rows ``partial``, one per quotation.
``_naming_de``: a leftover quotation after ``als`` with a naming verb in its
sentence (``als „sehr hoch“ eingestuft``, ``partial:naming``).

Must not touch: English rules (only German documents reach it), the pairing of
marks or direct-quote frames; depends on clauses, cues, speakers, marks, tokens.
"""

from __future__ import annotations

from .clauses import _Row, _trim, _trim_clause
from .cues import _DE_HEARSAY, _DE_HEARSAY_PLACE, _grammar, _is_stop, _lex
from .marks import _Quote
from .speakers import (
    _de_adverbial,
    _de_inverted,
    _de_subject,
    _DocState,
    _np_before,
    _np_forward,
    _remember,
    _resolve,
    _Speaker,
)
from .tokens import _Tok, _tokens

_SOURCE_PREP = _grammar("source_preposition_de")  # laut, gemäß
_SOURCE_POST = _grammar("source_postposition_de")  # zufolge
_SOURCE_NOUNS = _grammar("source_noun_de")  # Angaben, Ansicht, Meinung … after "nach"
_KONJUNKTIV = _grammar("konjunktiv_de")  # sei, habe, könne … (third person singular and plural)
_POSSESSIVE_DE = _grammar("possessive_de")  # seine, ihren …: "nach seinen Angaben" is his
#: how far back (characters) a Konjunktiv sentence looks for the speaker it continues
_REACH = 700


def _source(state: _DocState, toks: list[_Tok], pq: list[_Quote]) -> tuple[_Speaker, str, int, int] | None:
    """The source phrase of a sentence: (speaker, cue, cue start, cue end)."""
    lex = _lex()
    for k, t in enumerate(toks):
        low = t.low
        np: list[_Tok] = []
        cue = ""
        cue_e = t.e
        if low in _SOURCE_PREP and k + 1 < len(toks):
            np = _np_forward(toks, k + 1)
            cue = low
        elif low == "so" and 0 < k < len(toks) - 1 and toks[k - 1].t == "," and (
                toks[k + 1].cap or toks[k + 1].low in lex.determiners):
            np = _np_forward(toks, k + 1)  # "Die Lage sei ernst, so der Sprecher."
            cue = low
        elif low in _DE_HEARSAY and ((k + 1 < len(toks) and toks[k + 1].low == "es") or toks[k - 1].low == "es"):
            place = next((i for i in range(len(toks) - 1) if toks[i].low in _DE_HEARSAY_PLACE), None)
            np = _np_forward(toks, place + 1) if place is not None else []  # "In dem Bericht heißt es, …"
            cue = "heißen"
        elif low in _SOURCE_POST and k > 0:
            np = _np_before(toks, k)
            cue = low
        elif low == "nach" and k + 1 < len(toks):
            j = k + 1
            poss = toks[j] if toks[j].low in _POSSESSIVE_DE else None
            if poss is not None or toks[j].low == "eigenen":
                j += 1
            if j >= len(toks) or not toks[j].cap:
                continue
            noun = toks[j].low
            compound = next((n for n in _SOURCE_NOUNS if noun.endswith(n) and len(noun) > len(n) + 2), None)
            if noun not in _SOURCE_NOUNS and compound is None:
                continue
            cue = f"nach {toks[j].t}"
            cue_e = toks[j].e
            if poss is not None:
                np = [_Tok(poss.s, poss.e, "er" if poss.low.startswith("sein") else "sie")]
            elif compound is not None:
                np = [toks[j]]  # nach Polizeiangaben, nach Medienberichten: the compound names the source
            elif j + 1 < len(toks) and toks[j + 1].low == "von":
                np = _np_forward(toks, j + 2)
            elif j + 1 < len(toks) and toks[j + 1].low in lex.determiners:
                np = _np_forward(toks, j + 1)
            elif j + 1 < len(toks) and toks[j + 1].cap:
                np = _np_forward(toks, j + 1)  # nach Angaben Moskaus
        np = [x for x in np if not any(np[0].s < q.open <= x.s for q in pq)]  # never into a quotation after it
        if not np or (_de_adverbial(np[0]) and np[0].low not in lex.pronouns):
            continue
        if not (np[-1].cap or np[-1].low in lex.pronouns):
            continue
        speaker = _resolve(state, np, np[0].s)
        if speaker is None:
            continue
        return speaker, cue, t.s, cue_e
    return None


def _names_source(nt: str, q: _Quote) -> bool:
    """Is the quotation a source's name after ``laut`` (``laut „Tagesspiegel“``)?"""
    before = _tokens(nt, max(0, q.open - 12), q.open)
    return bool(before) and before[-1].low in _SOURCE_PREP


def _konjunktiv(toks: list[_Tok], pq: list[_Quote]) -> _Tok | None:
    """A Konjunktiv I verb of the sentence outside its quoted words (not the first word: ``Sei es …``)."""
    for k, t in enumerate(toks):
        if k > 0 and t.low in _KONJUNKTIV and t.t.islower() and not any(q.cs <= t.s < q.ce for q in pq):
            return t
    return None


def _main_clause_subject(state: _DocState, toks: list[_Tok], verb: _Tok) -> _Speaker | None:
    """The subject of the main clause when the Konjunktiv is in a clause after it.

    ``Die Partei begrüßte den Schritt, weil er zeige, dass …``: the main clause, up to the
    first comma, has its own verb in the indicative; its subject reports the clause after it.
    """
    comma = next((i for i, t in enumerate(toks) if t.t == ","), None)
    if comma is None or toks[comma].s > verb.s or comma < 2:
        return None
    head = toks[:comma]
    np = _de_inverted(head, 0, len(head)) if _de_adverbial(head[0]) else _np_forward(head, 0)
    if not np or not (np[-1].cap or np[-1].low in _lex().pronouns) or _de_adverbial(np[0]):
        return None
    k = head.index(np[-1]) + 1
    if not _de_adverbial(head[0]) and (k >= len(head) or not head[k].t.islower() or head[k].low in _KONJUNKTIV):
        return None  # the phrase must be followed by its verb: "Die Partei begrüßte"
    return _resolve(state, np, np[0].s)


def _previous_subject(state: _DocState, nt: str, ss: int, ps: int) -> _Speaker | None:
    """The subject of the sentence before, in the same paragraph (``Die Schauspielerin hat Klage
    eingereicht. Durch den Test seien hohe Einbußen entstanden.``), when no speaker was reported."""
    toks = [t for t in _tokens(nt, max(ps, ss - 400), ss) if t.t != '"']
    if len(toks) < 3:
        return None
    stop = next((i for i in range(len(toks) - 2, -1, -1) if _is_stop(toks, i)), None)
    if stop is None and ss - 400 > ps:
        return None
    prev = toks[stop + 1 :] if stop is not None else toks
    np = _de_subject(prev, len(prev))
    sp = _resolve(state, np, np[0].s) if np else None
    if sp is None or sp.name is None:
        return None
    return _Speaker(sp.mention, sp.ms, sp.me, sp.name, "inherited", sp.person, pron=sp.pron, gender=sp.gender)


def _continued_speaker(state: _DocState, rows: list[_Row], ss: int, ps: int) -> _Speaker | None:
    """The speaker a Konjunktiv sentence continues: the last one reported before it, in reach."""
    before = [r for r in rows if r.speaker is not None and r.speaker.name and r.s < ss and r.kind != "scare"]
    src = max(before, key=lambda r: r.s).speaker if before else next(
        (sp for sp in reversed(state.history) if sp.ms is not None and max(0, ps - _REACH) < sp.ms < ss and sp.name),
        None)
    if src is None:
        return None
    return _Speaker(src.mention, src.ms, src.me, src.name, "inherited", src.person, gender=src.gender)


def _reported_de(state: _DocState, nt: str, ss: int, se: int, pq: list[_Quote], rows: list[_Row],
                 ps: int) -> list[_Row]:
    """The German rows of one sentence ``nt[ss:se]`` (``pq``: its quotes; ``rows``: the paragraph's rows so far)."""
    if any(r.s < se and ss < r.ce and r.kind != "scare" for r in rows) or any(
            q.role == "direct" and ss <= q.open < se for q in pq):
        return []  # reported already, or a direct quotation's frame
    words = [t for t in _tokens(nt, ss, se) if t.t != '"']  # the quoted words too: laut „Tagesspiegel“
    toks = [t for t in words if not any(q.cs <= t.s < q.ce for q in pq)]
    if len(words) < 4 or not toks:
        return []
    found = _source(state, words, pq)
    source_end = ss
    if found is not None:
        speaker, cue, cue_s, cue_e = found
        rule = "indirect:source"
        source_end = max(cue_e, speaker.me or cue_e)
    else:
        verb = _konjunktiv(toks, pq)
        if verb is None:
            return []
        speaker = _main_clause_subject(state, toks, verb) or _continued_speaker(state, rows, ss, ps) \
            or _previous_subject(state, nt, ss, ps)
        cue, rule, cue_s, cue_e = None, "indirect:konjunktiv", None, None
    c0, c1 = _trim_clause(nt, ss, se)
    if len(nt[c0:c1].split()) < 4:
        return []
    if found is not None:
        # a source phrase opening or closing the sentence is not reported: "Nach Angaben der Polizei | …",
        # "… | , so der Sprecher"
        lo, hi = min(cue_s, speaker.ms if speaker.ms is not None else cue_s), source_end
        if lo <= c0 + 1 and len(nt[hi:c1].split()) >= 3:
            c0 = _trim_clause(nt, hi, c1)[0]
        elif not nt[hi:c1].strip(" .,;:!?\"") and len(nt[c0:lo].split()) >= 3:
            c1 = _trim_clause(nt, c0, lo)[1]
    inner = [q for q in pq if q.role == "embedded" and not q.used and c0 <= q.cs and q.ce <= c1 + 1 and q.double
             and not (found is not None and cue_s <= q.open < source_end) and not _names_source(nt, q)]
    for q in inner:
        q.used = True
    if speaker is not None and speaker.attribution != "inherited":
        _remember(state, speaker)
    if not inner:
        return [_Row(c0, c1, "indirect", c0, c1, [(c0, c1)], speaker, cue, cue_s, cue_e, rule)]
    rule = rule.replace("indirect", "partial")
    return [_Row(*_trim(nt, q.cs, q.ce), "partial", c0, c1, [(c0, c1)], speaker, cue, cue_s, cue_e, rule)
            for q in inner]


def _naming_de(state: _DocState, nt: str, q: _Quote, ss: int, se: int, pq: list[_Quote]) -> _Row | None:
    """A quotation after ``als`` with a naming verb in its sentence: the words someone called it by.

    ``Die Gefahr wird vom Wetterdienst als „sehr hoch“ eingestuft``, ``die Regierung, die den Bericht
    als „falsch“ bezeichnete``: passives and relative clauses that :mod:`toolkit.quotes.indirect`
    does not read. The speaker is the agent of a passive (``von``/``vom`` and a noun phrase) or
    the sentence's subject (:func:`toolkit.quotes.speakers._de_subject`), else none.
    """
    lex = _lex()
    toks = [t for t in _tokens(nt, ss, se) if t.t != '"']
    before = [t for t in toks if t.e <= q.open]
    if not before or before[-1].low != "als":
        return None
    outside = [t for t in toks if not any(o.cs <= t.s < o.ce for o in pq)]
    cue = next((t for t in outside if lex.verbs.get(t.low, ("", "", ""))[2] == "quote" and not t.cap), None)
    if cue is None:
        return None
    np: list[_Tok] = []
    for i, t in enumerate(outside[:-1]):
        if t.low in ("von", "vom") and t.e <= q.open:
            np = _np_forward(outside, i + 1)
            if np and (np[-1].cap or np[-1].low in lex.pronouns) and not _de_adverbial(np[0]):
                break
            np = []
    if not np:
        np = _de_subject(outside, len(outside))
    speaker = _resolve(state, np, np[0].s) if np else None
    c0, c1 = _trim_clause(nt, ss, se)
    s, e = _trim(nt, q.cs, q.ce)
    if e <= s:
        return None
    if speaker is not None and speaker.attribution != "inherited":
        _remember(state, speaker)
    return _Row(s, e, "partial", c0, c1, [(c0, c1)], speaker, lex.verbs[cue.low][0], cue.s, cue.e, "partial:naming")
