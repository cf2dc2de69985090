"""The paragraph walk: one document's quoted spans → classified, merged, attributed rows.

Owns: ``_extract(doc)`` — paragraph by paragraph, classify each quoted span
(``_classify``: direct, title/nickname dropped, scare), merge fragments split
by an attribution into one row, search the frame after / between / before
the quote and in a previous paragraph ending with a colon (``_own_frame``),
then a dash after the quote, then an action beat before it,
let a quote paragraph without one inherit the previous quote's speaker
(multi-paragraph quotations: ``attribution="inherited"``; attributed only in
their last paragraph: ``_attribute_earlier``), headlines
(``_headline``), then reported speech per sentence (from
:mod:`toolkit.quotes.indirect`) and the remaining scare quotes.

Must not touch: DataFrames, the runner or public signatures (that is
:mod:`toolkit.quotes.assembly`); the rules it composes live in the modules
below it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ..corpus import Document
from ..text import sentences_of_paragraphs as _sentences_of_paragraphs
from .attribution import (
    _Frame,
    _frame_action_beat,
    _frame_after,
    _frame_after_de,
    _frame_before,
    _frame_dash,
    _frame_line_before,
    _not_name_words,
)
from .clauses import _chunks, _Row, _to_normalized, _to_row, _trim, _trim_clause, _trim_comma
from .cues import (
    _ADDRESSEES,
    _COMPLEMENTIZERS,
    _DE_DEMONSTRATIVES,
    _NON_PERSON,
    _cue_at,
    _cue_positions,
    _grammar,
    _is_stop,
    _lex,
)
from .indirect import _embedded_clause, _reported
from .language import _CURRENT, _profiles
from .marks import _elision, _find_quotes, _Quote
from .reported_de import _naming_de, _reported_de
from .speakers import (
    _antecedent,
    _de_adverbial_word,
    _DocState,
    _last_person_in,
    _remember,
    _resolve,
    _Speaker,
    _Turn,
    _turn_at,
)
from .tokens import _INDEX, _has_word, _Tok, _tokens

_LETTER_RUN = re.compile(r"[^\W\d_]*")


def _rstripped_tail(nt: str, s: int, e: int, size: int = 64) -> str:
    """``nt[s:e].rstrip()``, or its last ``size``-odd characters: O(size) unless the tail is all white space."""
    tail = nt[max(s, e - size) : e].rstrip()
    return tail if tail or e - size <= s else nt[s:e].rstrip()


def _first_words(nt: str, s: int, e: int, enough: int = 9) -> list[str]:
    """The words of ``nt[s:e]``, or at least its first ``enough`` (the rules only compare counts up to 8)."""
    words = nt[s : min(e, s + 400)].split()
    return words if len(words) >= enough or e <= s + 400 else nt[s:e].split()


def _classify(nt: str, q: _Quote, ps: int, toks_before: list[_Tok]) -> str:
    lex = _lex()
    # bounded looks at the quotation and the paragraph before it: with 10^5 nested quotes each one spans
    # most of the text, and whole-span copies made the classification quadratic
    words = _first_words(nt, q.cs, q.ce)
    inner_end = _rstripped_tail(nt, q.cs, q.ce)[-1:]
    prev_tok = toks_before[-1] if toks_before else None
    # titles of works and nicknames
    if prev_tok is not None:
        low = prev_tok.low
        if low == "," and len(toks_before) > 1:
            low = toks_before[-2].low  # his memoir, "Gifted Hands," / the charged term, "radical Islam,"
            if low in lex.title_cues and len(words) <= 8 and inner_end in ",.":
                return "title"
        small = ("of", "the", "and", "a", "in", "to", "for", "on")
        titled = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)
        after = nt[q.close : q.close + 2]
        if titled and len(words) <= 8 and (low in lex.title_cues or low in lex.nickname_cues or low == "as"):
            return "title"
        if titled and len(words) <= 3 and prev_tok.cap and after[:1] == " " and after[1:2].isupper():
            return "title"  # nickname between names: Dwayne "The Rock" Johnson
    if _CURRENT.get() == "de" and _german_name(nt, q, words, inner_end, prev_tok):
        return "title"
    before = _rstripped_tail(nt, ps, q.open)
    if not q.double and not before and len(words) <= 8 and q.closed \
            and not nt[q.close : q.close + 200].split("\n", 1)[0].strip():
        # a paragraph that is only a short single-quoted line: a subheading ('A tough decision.' in news
        # style); not the first paragraph of a quotation over several, which stays open
        return "title"
    if not q.double and not before and inner_end.strip("\"'") not in ".,!?" and nt[q.close : q.close + 1] == " " \
            and nt[q.close + 1 : q.close + 2].isalnum():
        return "embedded"  # a single-quoted word opening a sentence ("'Missing' voters might …"): no utterance
    if q.continued or not before or before[-1] in ":,.!?;-(" or before.endswith("''"):
        if len(words) >= 3 or not before or before[-1] in ":":
            return "direct"
        if inner_end in ".!?," or (_CURRENT.get() != "en" and _cue_follows(nt, q)):
            return "direct"  # German, French and Spanish put the comma after the closing mark
    n = len(toks_before)
    if nt[q.cs : q.cs + 1].isupper() and len(words) >= 4 and any(
        _cue_at(toks_before, i) and all(t.low in _ADDRESSEES or t.cap for t in toks_before[i + 1 :])
        for i in range(max(0, n - 3), n)
    ):
        return "direct"  # He said "We will win."; told reporters "Women in France …"
    return "embedded"


def _german_name(nt: str, q: _Quote, words: list[str], inner_end: str, prev_tok: _Tok | None) -> bool:
    """A quoted name in German, where every noun is capitalised and titles cannot be told by case.

    A capitalised quotation of at most eight words, without a closing
    ``.!?,`` and no comma and reporting cue right after it (``„Nein“, sagte
    er``) is a name after a noun (``der Kategorie „Bester Film“``, ``Motto
    „Freiheit statt Angst“``, also after a hyphenated compound) or, of two
    words or more with at most one in lower case, after an article (``die
    „Neue Rechte“``; one word there is a quoted noun: ``einen
    „Vertrauensbruch“``, and more lower-case words a quoted phrase: ``einer
    „Vernetzung der … und …“``); of at most four words and no comma it is one
    standing alone (a heading, a programme's name). Two words or more whose
    function words are of another language only are a name in that language
    (``„Piper at the Gates of Dawn“``), whatever their case.
    """
    if not words or len(words) > 8 or inner_end in ".!?,":
        return False
    if _cue_follows(nt, q):
        return False
    if prev_tok is not None and prev_tok.low.startswith(_DE_SO_CALLED):
        return True  # a term, not speech: die sogenannte „Tricolore“, der so genannte „Gestapo-Vergleich“
    if len(words) >= 2 and _foreign(words):
        return True  # a name in another language: „Piper at the Gates of Dawn“, „L’Alliance pour la Planète“
    if not words[0][:1].isupper():
        return False
    if prev_tok is not None and prev_tok.cap and prev_tok.t.replace("-", "").isalpha():
        return True  # after a noun: Film „…“, Motto „…“, Internet-Nachrichtensite „Golem“
    if prev_tok is not None and prev_tok.low in _lex().determiners:
        # die „Neue Rechte“, „Ärzte ohne Grenzen“; not einen „Vertrauensbruch“ nor a phrase: einer „Vernetzung der …“
        return len(words) >= 2 and sum(1 for w in words if w[:1].islower()) <= 1
    # standing alone, a short name; not a short sentence with a comma in it (a quotation opening an article)
    return len(words) <= 4 and (prev_tok is None or prev_tok.t in ".:") and "," not in nt[q.cs : q.ce]


#: German adjectives that announce a term in quotation marks (sogenannt, so genannt)
_DE_SO_CALLED = tuple(sorted(_grammar("so_called_de")))


def _foreign(words: list[str]) -> bool:
    """Are the function words among these words (``language_profiles``) all of other languages, none German?

    A word German shares with another language's list (``an``, ``was``: German prepositions and
    question words of ``quote_grammar``) counts for neither.
    """
    profiles = _profiles()
    lows = [w.lower().strip(".,;:!?()") for w in words]
    langs = {profiles.get(w) for w in lows if not _de_adverbial_word(w)} - {None}
    return bool(langs) and "de" not in langs


#: English: characters from the end of a report to an unattributed quote that continues its speaker
_REPORTED_REACH_EN = 120


def _inherit_reported(state: _DocState, rows: list[_Row], ps: int, reach: int = 600) -> None:
    """A direct quote with no attribution continues the speaker reported just before it.

    German, French and Spanish news often report a speaker indirectly and then
    quote them (``Er stellt fest, dass … habe. „…“``): the speaker of the
    nearest earlier row of the paragraph, else the last speaker remembered
    within ``reach`` characters before the paragraph. English news does the same within a paragraph
    (``…, Zapata said, adding it required much endurance. "It's an isometric exercise …"``); the caller
    passes ``reach=0`` there: a named person's report ending at most ``_REPORTED_REACH_EN`` characters
    before the quote, outside transcript turns (an answer's quotes are the people it tells of).
    """
    for row in rows:
        if row.kind != "direct" or row.speaker is not None or row.rule != "direct:no_attribution":
            continue
        before = [r for r in rows if r.speaker is not None and r.speaker.name and r.s < row.s]
        if not reach:  # English: a named person reported in the sentence just before the quote
            before = [r for r in before if r.speaker.person and r.speaker.attribution == "explicit"
                      and r.speaker.name.split()[-1].lower() not in _NON_PERSON and row.s - r.e <= _REPORTED_REACH_EN]
        src = max(before, key=lambda r: r.s).speaker if before else next(
            (sp for sp in reversed(state.history) if sp.ms is not None and ps - reach < sp.ms < row.s and sp.name),
            None) if reach else None
        if src is not None:
            row.speaker = _Speaker(None, None, None, src.name, "inherited", src.person)
            row.rule = "direct:reported_before"


def _new_sentence_de(nt: str, q: _Quote) -> bool:
    """German: does a new sentence follow a quotation that ends with its own ``.``, ``!`` or ``?``?

    ``„Wir sind bereit.“ Sinngemäß hofft er …`` — German writes the attribution after a quotation
    with a comma (``„…“, sagte er``); after a closed sentence only a demonstrative picks the
    quotation up (``Das sagte der Minister``, ``Dies erklärte …``: class ``demonstrative_de``).
    """
    if _rstripped_tail(nt, q.cs, q.ce)[-1:] not in ".!?":
        return False
    after = _tokens(nt, q.close, min(len(nt), q.close + 40))
    return bool(after) and after[0].cap and after[0].low not in _DE_DEMONSTRATIVES


def _one_name_de(nt: str, q: _Quote) -> bool:
    """A name in quotation marks inside German reported speech, not quoted words.

    One capitalised word with no article before it (``„Twitter“``, ``und „Phaeton“``; a quoted
    noun takes its article: ``einen „Vertrauensbruch“``), or several words, the first
    capitalised, at most one in lower case and no closing ``.!?,`` (``„Queer Beograd
    Kollektiv“``; quoted phrases have their function words: ``„Gefahr für Leib und Leben“``).
    """
    words = nt[q.cs : q.ce].split()
    if len(words) > 1 and words[0][:1].isupper() and sum(1 for w in words if w[:1].islower()) <= 1 \
            and _rstripped_tail(nt, q.cs, q.ce)[-1:] not in ".!?,":
        return True  # a capitalised name of several words: „Queer Beograd Kollektiv“
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    before = _tokens(nt, max(0, q.open - 30), q.open)
    return not before or before[-1].low not in _lex().determiners


def _split_partial_de(nt: str, rows: list[_Row], pq: list[_Quote]) -> list[_Row]:
    """German: a reported clause with several quoted fragments gives one ``partial`` row per fragment.

    German news quotes single words and phrases inside reported speech (``Die Lage sei „ernst“
    und „bedrohlich“``); the words between two fragments were not quoted, so a row spanning
    them would claim words nobody said. Each row keeps the clause, speaker and cue.
    """
    out: list[_Row] = []
    for r in rows:
        if r.kind == "partial":  # quoted names only: the row reports, but quotes no words
            inner = [q for q in pq if q.role == "embedded" and q.used and q.double and q.cs < r.e and r.s < q.ce]
            if inner and all(_one_name_de(nt, q) for q in inner):
                r.s, r.e, r.kind, r.rule = r.cs, r.ce, "indirect", r.rule.replace("partial", "indirect")
        if r.kind == "partial" and r.rule.startswith("partial:participle"):
            # German has no participial frames: a cue after a comma is an inverted attribution, and the
            # quoted words after it name its speaker ("…, zitiert „BBC News“ aus ihrer Stellungnahme")
            r.s, r.e, r.kind, r.rule = r.cs, r.ce, "indirect", r.rule.replace("partial", "indirect")
        inner = [q for q in pq if q.role == "embedded" and q.used and q.double and q.cs < r.e and r.s < q.ce] \
            if r.kind == "partial" else []
        sp = r.speaker
        if inner and sp is not None and sp.ms is not None and sp.me is not None and r.cs <= sp.ms < r.ce:
            named = [q for q in inner if sp.ms <= q.open < sp.me]  # the speaker's own name: zitiert die „Zeit“
            inner = [q for q in inner if q not in named]
            if named and not inner:
                r.s, r.e, r.kind, r.rule = r.cs, r.ce, "indirect", r.rule.replace("partial", "indirect")
                out.append(r)
                continue
            if named and len(inner) == 1:
                r.s, r.e = _trim(nt, inner[0].cs, inner[0].ce)
        if len(inner) < 2:
            out.append(r)
            continue
        for q in inner:
            s, e = _trim(nt, q.cs, q.ce)
            if e > s:
                out.append(_Row(s, e, "partial", r.cs, r.ce, list(r.frags), r.speaker, r.cue, r.cue_s, r.cue_e,
                                r.rule))
    return out


def _clause_after_comma_de(nt: str, r: _Row) -> None:
    """German: the reported clause after a reporting verb starts after the comma that closes the main clause.

    ``Die Ministerin kündigte an, die Steuern …``, ``erklärte gegenüber der Zeitung, man habe …``:
    the verb's particle, addressee or adverbials stand before the comma and are not reported.
    A clause opened by ``dass`` or ``ob`` right after the verb is left as it is.
    """
    if r.kind not in ("indirect", "partial") or r.cue_e is None or not r.cue_e <= r.cs < r.ce \
            or len(r.frags) != 1 or r.frags[0] != (r.cs, r.ce):
        return
    toks = _tokens(nt, r.cs, min(r.ce, r.cs + 120))
    if not toks or toks[0].low in _COMPLEMENTIZERS:
        return
    comma = next((i for i, t in enumerate(toks[:9]) if t.t in ",:"), None)
    if comma is None or comma + 3 >= len(toks) or any(t.t in "\"'" for t in toks[:comma]):
        return
    cs = toks[comma + 1].s
    if cs > r.s and r.kind == "partial":
        return  # the quoted words stand before the comma
    r.cs, r.frags = cs, [(cs, r.ce)]
    if r.kind == "indirect":
        r.s = cs


def _cue_follows(nt: str, q: _Quote) -> bool:
    """A comma and a reporting cue right after the closing mark: ``„Ja“, sagte er`` (the comma outside the marks)."""
    after = _tokens(nt, q.close, min(len(nt), q.close + 60))
    return bool(after) and after[0].t == "," and any(_cue_at(after, k) for k in range(1, min(len(after), 4)))


def _extract(doc: Document, lang: str = "en", scare_only: bool = False) -> list[tuple[Any, ...]]:
    """The rows of one document (written in ``lang``) as tuples in :data:`clauses._ROW_KEYS` order.

    ``scare_only``: the ``scare`` rows only, the same as in the full result (for the scare-quote device).
    A scare row is made only from a quoted span ``_classify`` calls ``embedded`` (a pure function of
    the text), and no row's kind changes once the walk has left its paragraph; so the walk stops
    after the last paragraph with such a span and converts only the scare rows.
    """
    token = _CURRENT.set(lang)  # the lexicons and mark conventions the rules below read
    try:
        return _extract_rows(doc, scare_only)
    finally:
        _CURRENT.reset(token)
        _INDEX.clear()  # the token index of this text is not kept past the document



def _sentence_after(nt: str, last: _Quote) -> bool:
    """The quotation ends its own sentence inside the marks (``."``, ``?"``) and a new sentence follows the
    closing mark (no comma or dash after it)."""
    inner = nt[last.cs : last.ce].rstrip()
    return inner[-1:] in ".!?" and nt[last.close : last.close + 3].lstrip(" ")[:1].isupper()


def _line_end_after(nt: str, last: _Quote, end: int) -> int:
    """English: ``end``, or the line break right after the closing mark when the quotation ends its sentence
    with a point inside the marks (or a question or exclamation mark, and the next line opens with a capital):
    the next line is the next paragraph (a text with one line break between paragraphs), not the quotation's
    attribution ('…to be courted."' and a line 'And X … said …'; a lower-case line goes on: '?"' / 'he asked')."""
    mark = nt[last.cs : last.ce].rstrip()[-1:]
    if mark not in ".?!":
        return end
    i = last.close
    while i < end and nt[i] in " \t\xa0":
        i += 1
    if i >= end or nt[i] != "\n":
        return end
    return i if mark == "." or nt[i + 1 : i + 2].isupper() else end


def _closed_then_sentence(nt: str, first: _Quote, last: _Quote) -> bool:
    """English: :func:`_sentence_after`, and a reporting frame may sit right before the opening mark (its
    last characters are a letter, ``,`` or ``:``)."""
    if not _sentence_after(nt, last):
        return False
    head = nt[max(0, first.open - 3) : first.open].rstrip(" ")
    return head[-1:].isalpha() or head[-1:] in (",", ":")


def _before_frame(state: Any, nt: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]],
                  sent_starts: list[int], pq: list[_Quote], index: dict[int, int], pi: int,
                  first: _Quote) -> _Frame | None:
    """The attribution before a quotation's first part: in its sentence, after the previous quote of the
    paragraph, or the previous paragraph's line ending in a colon."""
    ps = paras[pi][0]
    si = bisect_right(sent_starts, first.open) - 1
    s_start = sents[si][0] if si >= 0 else ps
    fi = index[id(first)] - 1
    prev_close = pq[fi].close if fi >= 0 else ps
    start = max(min(s_start, first.open), ps, prev_close)
    if start == first.open and first.open == ps and pi > 0:
        # "Breitbart News responded:" / "And from Chairwoman X:" closing the previous paragraph
        pps, ppe = paras[pi - 1]
        if nt[ppe - 1 : ppe] == ":":
            # the line's last sentence (up to 600 characters): its subject may stand far from the colon
            # ("Mr Medvedev suggested touching base on …, first and foremost in the context of …:")
            ls = bisect_right(sent_starts, ppe - 1) - 1
            lo = sents[ls][0] if ls >= 0 and sents[ls][0] >= pps and _lex().lang == "en" else ppe - 200
            line = _tokens(nt, max(pps, lo, ppe - 600), ppe)
            return _frame_line_before(state, line) or _no_bare_capital(_frame_before(state, line))
        return None
    toks = _tokens(nt, start, first.open)
    if fi >= 0 and prev_close > s_start and toks and toks[0].low in ("and", "but") and _lex().lang == "en":
        # a verb coordinated after an earlier quote of the sentence shares its subject: 'Duda characterised the
        # deaths as "crushing" and wrote "…"' (the frame is the clause without the earlier quote)
        lead = max(s_start, ps, pq[fi - 1].close if fi >= 1 else ps)
        toks = _tokens(nt, lead, pq[fi].open) + toks
    return _frame_before(state, toks)

def _extract_rows(doc: Document, scare_only: bool = False) -> list[tuple[Any, ...]]:
    norm = doc.normalized
    nt = norm.text
    cue_pos = [] if scare_only else _cue_positions(nt)  # (scare_only: below, once the walk's end is known)
    if not scare_only and not cue_pos and '"' not in nt and "'" not in nt and ":" not in nt:
        return []  # (a colon: headlines, transcript labels)
    paras = _to_normalized(doc.paragraphs, norm)
    state = _DocState(nt)
    quotes_ = _find_quotes(nt, doc.text, norm, paras)
    rows: list[_Row] = []
    by_para: dict[int, list[_Quote]] = {}
    for q in quotes_:
        by_para.setdefault(q.para, []).append(q)
    last_para = len(paras) - 1
    if scare_only:
        embedded = [q.para for q in quotes_ if _classify(
            nt, q, paras[q.para][0], _tokens(nt, max(paras[q.para][0], q.open - 60), q.open)) == "embedded"]
        if not embedded:
            return []
        last_para = max(embedded)
        # the rules read cue positions inside the paragraph walked only: those up to its last paragraph's end
        # (and the end of a word running on past it) are the same as in the whole text
        cue_pos = _cue_positions(nt[: _LETTER_RUN.match(nt, paras[last_para][1]).end()])
    sents = _sentences(doc, norm, paras, by_para, cue_pos)
    sent_starts = [s for s, _ in sents]
    prev_direct: _Row | None = None
    prev_direct_para = -10
    lang = _CURRENT.get()
    pending: list[_Row] = []  # unattributed rows of a quotation still open at their paragraph's end
    for pi, (ps, pe) in enumerate(paras):
        if pi > last_para:
            break
        pq = by_para.get(pi, [])
        para_rows: list[_Row] = []
        para_groups: list[tuple[_Row, _Quote, _Quote]] = []  # direct rows with their first and last quote
        # ---- classify the quoted spans of this paragraph
        for q in pq:
            before_toks = _tokens(nt, max(ps, q.open - 60), q.open)
            q.role = _classify(nt, q, ps, before_toks)
        index = {id(q): i for i, q in enumerate(pq)}  # position in the paragraph (pq is in text order)
        directs = [q for q in pq if q.role == "direct"]
        # ---- group direct fragments separated only by an attribution
        groups: list[list[_Quote]] = []
        for q in directs:
            if groups:
                prevq = groups[-1][-1]
                gap_toks = _tokens(nt, prevq.close, q.open)[:60]
                words = [t for t in gap_toks if t.t[:1].isalnum()]
                # quoted titles may sit in the gap ('," said Cuban, a host on the show "Shark Tank." "…')
                other = any(o.role != "title" for o in pq[index[id(prevq)] + 1 : index[id(q)]])
                n_cues = sum(1 for k in range(len(gap_toks)) if _cue_at(gap_toks, k))
                # a sentence after the attribution ('," Ann Lee told him. Omar Haddad shrugged. "') ends the quotation
                stop = next((k for k in range(len(gap_toks)) if _is_stop(gap_toks, k)), len(gap_toks))
                beat = sum(1 for t in gap_toks[stop + 1 :] if t.t[:1].isalnum()) >= 2
                # German reopens a split quotation after a comma (the comma outside the marks: „…“, sagte er, „…“)
                reopen = lang != "de" or not words or nt[prevq.close : q.open].rstrip()[-1:] == ","
                # (German puts the comma after the closing mark: „Wir sind bereit“, sagte er, „aber …“)
                ends_clause = nt[prevq.cs : prevq.ce].rstrip()[-1:] in ",.!?-" or (
                    lang == "de" and nt[prevq.close : prevq.close + 1] == ",")
                if len(words) <= 20 and not other and not beat and (not words or n_cues == 1) and ends_clause \
                        and reopen and q.cs < pe and not _own_frame(nt, q, pe):
                    groups[-1].append(q)
                    continue
            groups.append([q])
        for g in groups:
            first, last = g[0], g[-1]
            frame: _Frame | None = None
            if len(g) > 1:
                frame = _frame_after(state, _tokens(nt, first.close, g[1].open))
                if frame:
                    frame.rule = "direct:split"
            before_tried = False
            if frame is None and lang == "en" and _closed_then_sentence(nt, first, last):
                # 'X said "…." She described him as …': the frame right before a quote that closes its own
                # sentence wins over a new sentence after it
                frame, before_tried = _before_frame(state, nt, paras, sents, sent_starts, pq, index, pi, first), True
            if frame is None and not before_tried:
                # the attribution may sit past a sentence break Punkt saw ('?" he responded',
                # 'George W. Bush speechwriter … said'): _frame_after stops at a real sentence end itself
                li = index[id(last)] + 1
                nxt_open = pq[li].open if li < len(pq) else pe
                end = min(pe, nxt_open, last.close + 250)
                if lang == "en":
                    end = _line_end_after(nt, last, end)
                if lang != "de" or not _new_sentence_de(nt, last):
                    frame = _frame_after(state, _tokens(nt, last.close, end))
                if frame is not None and frame.cue == "according to" and lang == "en" and _sentence_after(nt, last):
                    frame = None  # '…ourselves." Seventeen rockets struck, according to X.': the next sentence's
                if frame is None and lang == "de":
                    frame = _frame_after_de(state, _tokens(nt, last.close, end))
            if frame is None and not before_tried:
                frame = _before_frame(state, nt, paras, sents, sent_starts, pq, index, pi, first)
            if frame is None and before_tried:
                li = index[id(last)] + 1
                end = min(pe, pq[li].open if li < len(pq) else pe, last.close + 250)
                if lang == "en":
                    end = _line_end_after(nt, last, end)
                frame = _frame_after(state, _tokens(nt, last.close, end))
            if frame is None:
                # "…" – Commissioner Jane Doe, after the quote or on the line below it
                frame = _frame_dash(state, _tokens(nt, last.close, min(pe, last.close + 200)))
                if frame is None and last is pq[-1] and not _has_word(nt, last.close, pe) and pi + 1 < len(paras):
                    nps, npe = paras[pi + 1]
                    if npe - nps <= 200 and nt[nps : nps + 1] == "-":
                        frame = _frame_dash(state, _tokens(nt, nps, npe))
            if frame is None and first.open > ps and "\n" not in nt[max(ps, first.open - 3) : first.open]:
                # "Alice began talking. 'Lorem ipsum.'": the sentence before the quote, on its line, is about
                # its speaker
                # (or the rest of the previous direct quote's sentence: '"…," Trump went on, as if … "…"')
                fi = index[id(first)] - 1
                lo = max(ps, pq[fi].close if fi >= 0 else ps, first.open - 400)
                at_start = lo == ps or (fi >= 0 and lo == pq[fi].close and pq[fi].role == "direct")
                frame = _frame_action_beat(state, _tokens(nt, lo, first.open), at_start)
            frags = [(q.cs, q.ce) for q in g]
            s, e = _trim(nt, first.cs, last.ce)
            s = _keep_elision(nt, first.cs, s)
            while e > s and nt[e - 1] in ", ":
                e -= 1
            if e <= s:
                continue
            pieces = [_trim_comma(nt, a, b) for a, b in frags]
            pieces = [(_keep_elision(nt, a, ts), te) for (a, _), (ts, te) in zip(frags, pieces, strict=True)]
            row = _Row(s, e, "direct", s, e, pieces, None, None, None, None, "")
            if frame is not None and frame.speaker is not None:
                row.speaker, row.cue, row.cue_s, row.cue_e, row.rule = (
                    frame.speaker, frame.cue, frame.cs, frame.ce, frame.rule,
                )
            elif prev_direct is not None and prev_direct.speaker is not None and (
                (pi - prev_direct_para <= 1 and (first.open - ps <= 1 or first.continued)) or pi == prev_direct_para
            ):
                sp = prev_direct.speaker
                row.speaker = _Speaker(None, None, None, sp.name, "inherited", sp.person)
                row.rule = "direct:continued" if first.continued else "direct:inherited"
            elif pi > 0 and first.open - ps <= 1 and (name := _last_person_in(state, *paras[pi - 1])):
                # "Asked if …, Lavrov declined a direct response." then a quote paragraph
                row.speaker = _Speaker(None, None, None, name, "inherited", True)
                row.rule = "direct:previous_paragraph"
            else:
                row.rule = "direct:no_attribution"
            for q in g:
                q.used = True
            para_rows.append(row)
            para_groups.append((row, first, last))
            if row.speaker is not None:
                _remember(state, row.speaker)
            if row.speaker is not None:
                prev_direct, prev_direct_para = row, pi
        # ---- reported speech and partial quotes, sentence by sentence
        si = bisect_right(sent_starts, ps) - 1
        si = max(si, 0)
        opens = [q.open for q in pq]
        closes = [q.close for q in pq]
        framed = sorted((r.cue_s, i) for i, r in enumerate(para_rows) if r.cue_s is not None)
        framed_pos = [c for c, _ in framed]
        used_cues = set(framed_pos)
        while si < len(sents) and sents[si][0] < pe:
            ss, se = sents[si]
            si += 1
            if se <= ps:
                continue
            for cs_, ce_ in _chunks(nt, max(ss, ps), min(se, pe)):
                local = pq[bisect_right(closes, cs_) : bisect_left(opens, ce_)]
                done = [para_rows[i] for _, i in framed[bisect_left(framed_pos, cs_) : bisect_left(framed_pos, ce_)]]
                para_rows.extend(_reported(state, nt, cs_, ce_, local, done, cue_pos, used_cues))
                if lang == "de":
                    para_rows.extend(_reported_de(state, nt, cs_, ce_, local, para_rows, ps))
        # ---- leftover embedded quotes: scare quotes
        for q in pq:
            if q.role == "embedded" and not q.used:
                s, e = _trim(nt, q.cs, q.ce)
                if e <= s:
                    continue
                row = None
                if lang == "de":
                    si = bisect_right(sent_starts, q.open) - 1
                    ss, se = (max(sents[si][0], ps), min(sents[si][1], pe)) if si >= 0 else (ps, pe)
                    row = _naming_de(state, nt, q, ss, se, pq)
                row = row or _embedded_clause(state, nt, q, s, e, sents, sent_starts, ps, pe)
                para_rows.append(row or _Row(s, e, "scare", s, e, [(s, e)], None, None, None, None, "scare"))
        if pi == 0:
            para_rows = _headline(state, nt, ps, pe, para_rows)
        turn = _turn_at(state, pe - 1)
        if turn is not None and turn.me <= pe:
            para_rows = _transcript_turn(state, nt, ps, pe, turn, para_rows)
        if lang == "de":
            para_rows = _split_partial_de(nt, para_rows, pq)
            for r in para_rows:
                _clause_after_comma_de(nt, r)
        if lang != "en" or turn is None or turn.me > pe:
            _inherit_reported(state, para_rows, ps, 600 if lang != "en" else 0)
        # pronouns resolved again now that every speaker of the paragraph is known, in text order
        for r in sorted(para_rows, key=lambda r: r.s):
            sp = r.speaker
            if sp is not None and sp.pron is not None and sp.ms is not None:
                sp.name = _antecedent(state, sp.pron, sp.ms)
        pending = _attribute_earlier(pending, para_groups)
        rows.extend(para_rows)
    return [_to_row(doc, norm, r) for r in rows if not scare_only or r.kind == "scare"]


def _attribute_earlier(pending: list[_Row], groups: list[tuple[_Row, _Quote, _Quote]]) -> list[_Row]:
    """A quotation over paragraphs attributed only in a later one gives that speaker to the earlier ones.

    ``pending`` are the unattributed rows of the paragraphs before whose quotation ran on
    to the paragraph end; ``groups`` this paragraph's direct rows. When its first row
    continues that quotation and has a speaker, the pending rows get it
    (``rule="direct:attributed_later"``). Returns the new pending rows.
    """
    if not groups:
        return []
    row, first, _ = groups[0]
    if pending and first.continued and row.speaker is not None and row.speaker.name is not None:
        sp = row.speaker
        for r in pending:
            r.speaker = _Speaker(None, None, None, sp.name, "inherited", sp.person)
            r.rule = "direct:attributed_later"
        pending = []
    elif not first.continued:
        pending = []
    row, _, last = groups[-1]
    if last.closed:
        return []
    if row.speaker is None:
        return [*pending, row] if len(groups) > 1 or first.continued else [row]
    return []


def _no_bare_capital(frame: _Frame | None) -> _Frame | None:
    """A colon line's frame, unless its speaker is only the line's capitalised first word.

    ``Transcript as follows:``, ``Partial transcript as follows:``, ``Here they are:`` name no
    speaker; ``Clinton:`` and ``Senator Ann Lee:`` do.
    """
    sp = frame.speaker if frame is not None else None
    if frame is None or frame.rule != "direct:colon" or sp is None or sp.name is None or sp.mention is None:
        return frame
    words = sp.mention.split()
    if len(sp.name.split()) == 1 and (sp.name.lower() in _not_name_words() or any(w[:1].islower() for w in words)):
        return None
    return frame


def _keep_elision(nt: str, lo: int, s: int) -> int:
    """``s`` (a trimmed start), or one back when the trim took the apostrophe of an elided word ('Tis)."""
    return s - 1 if s > lo and nt[s - 1] == "'" and _elision(nt, s - 1, len(nt)) else s


def _transcript_turn(state: _DocState, nt: str, ps: int, pe: int, turn: _Turn, rows: list[_Row]) -> list[_Row]:
    """A paragraph of a transcript turn ("Vladimir Putin: …" and the paragraphs after it) is the labelled
    speaker's speech: one ``direct`` row (``direct:transcript``; ``direct:transcript_continued`` for the
    turn's later paragraphs). It replaces the rows that only restate it (the speaker's own "I think
    that …", the label read as a headline or a colon attribution); quotations of others inside stay."""
    labelled = ps <= turn.ms < pe
    s, e = _trim(nt, turn.colon + 1 if labelled else ps, pe)
    if len(nt[s:e].split()) < 2:
        return rows
    if turn.name is None:  # "Question:": the label is the mention, no one is named
        speaker = _Speaker(nt[turn.ms : turn.me], turn.ms, turn.me, None, "none", False) if labelled else None
    elif labelled:
        speaker = _Speaker(nt[turn.ms : turn.me], turn.ms, turn.me, turn.name, "explicit", True)
        if not turn.parenthesised:
            _remember(state, speaker)
    else:
        speaker = _Speaker(None, None, None, turn.name, "inherited", True)
    row = _Row(s, e, "direct", s, e, [(s, e)], speaker, ":" if labelled else None,
               turn.colon if labelled else None, turn.colon + 1 if labelled else None,
               "direct:transcript" if labelled else "direct:transcript_continued")

    def restates(r: _Row) -> bool:
        sp = r.speaker
        if r.cue_s == turn.colon or (r.kind != "direct" and r.s < s):
            return True  # the label itself taken as an attribution or a headline
        if sp is None or r.kind == "direct":
            return False
        return sp.name == turn.name or (sp.pron in ("first", "first_plural"))

    return [r for r in rows if not restates(r)] + [row]


def _sentences(
    doc: Document, norm: Any, paras: list[tuple[int, int]], by_para: dict[int, list[_Quote]], cue_pos: list[int],
) -> list[tuple[int, int]]:
    """The sentences the rules look at (normalised offsets): those of paragraphs with a quote or a cue.

    A paragraph with neither gives no row, so Punkt need not split it (unless the document's
    sentences are known already). Sentences never cross paragraphs and each paragraph's first
    sentence starts at the paragraph, so every look-up of the rules finds the same sentence.
    The paragraphs split here are kept in the document, so ``doc.sentences`` (for the devices or
    the lexical profile after the quotes) splits only the others.
    """
    if "sentences" not in doc._cache:
        wanted = [pi for pi, (ps, pe) in enumerate(paras)
                  if pi in by_para or bisect_left(cue_pos, ps) != bisect_left(cue_pos, pe)]
        store = doc._cache.setdefault("paragraph_sentences", {})
        found = _sentences_of_paragraphs(doc.text, paras, norm, wanted, store)
        if found is not None:
            return found
    return _to_normalized(doc.sentences, norm)


def _headline(state: _DocState, nt: str, ps: int, pe: int, rows: list[_Row]) -> list[_Row]:
    """A headline 'Name: claim' ("Doe: No new taxes for the harbour") reports the claim.

    Only the document's first paragraph, when it is one short line opened by one to four
    capitalised words and a colon; quoted words inside make the row ``partial`` and replace the
    rows the quote rules gave them without a speaker.
    """
    if pe - ps > 250 or "\n" in nt[ps:pe]:
        return rows
    toks = _tokens(nt, ps, min(pe, ps + 60))
    k = next((i for i, t in enumerate(toks[:9]) if t.t == ":"), None)
    if k is None or k == 0 or not all(t.cap or t.t == "." for t in toks[:k]):
        return rows
    if sum(1 for t in toks[:k] if t.t != ".") > 4 or toks[0].low in _lex().verbs:
        return rows
    c0, c1 = _trim_clause(nt, toks[k].e, pe)
    if len(nt[c0:c1].split()) < 3 or any(r.speaker is not None and c0 <= r.s < c1 for r in rows):
        return rows
    speaker = _resolve(state, toks[:k], ps)
    if speaker is None:
        return rows
    inner = [r for r in rows if c0 <= r.s < c1]
    kind = "partial" if inner else "indirect"
    s, e = (min(r.s for r in inner), max(r.e for r in inner)) if inner else (c0, c1)
    colon = toks[k]
    row = _Row(s, e, kind, c0, c1, [(c0, c1)], speaker, ":", colon.s, colon.e, f"{kind}:headline")
    _remember(state, speaker)
    return [r for r in rows if r not in inner] + [row]


def _own_frame(nt: str, q: _Quote, pe: int) -> bool:
    """Does a reporting cue follow this quote closely ('"…," he said')? Then it starts a new quotation."""
    toks = _tokens(nt, q.close, min(pe, q.close + 80))
    for k in range(min(len(toks), 6)):
        if toks[k].t in '."' and k > 0:
            return False
        if _cue_at(toks, k):
            return True
    return False
