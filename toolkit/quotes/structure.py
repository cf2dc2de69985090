"""The paragraph walk: one document's quoted spans → classified, merged, attributed rows.

Owns: ``_extract(doc)`` — paragraph by paragraph, classify each quoted span
(``_classify``: direct, title/nickname dropped, scare), merge fragments split
by an attribution into one row, search the frame after / between / before
the quote and in a previous paragraph ending with a colon (``_own_frame``),
let a quote paragraph without one inherit the previous quote's speaker
(multi-paragraph quotations: ``attribution="inherited"``), headlines
(``_headline``), then reported speech per sentence (from
:mod:`toolkit.quotes.indirect`) and the remaining scare quotes.

Must not touch: DataFrames, the runner or public signatures (that is
:mod:`toolkit.quotes.assembly`); the rules it composes live in the modules
below it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from ..corpus import Document
from ..text import sentences_of_paragraphs as _sentences_of_paragraphs
from .attribution import _Frame, _frame_after, _frame_before
from .clauses import _chunks, _Row, _to_normalized, _to_row, _trim, _trim_clause, _trim_comma
from .cues import _ADDRESSEES, _cue_at, _cue_positions, _lex
from .indirect import _embedded_clause, _reported
from .marks import _find_quotes, _Quote
from .speakers import _antecedent, _DocState, _last_person_in, _remember, _resolve, _Speaker
from .tokens import _INDEX, _Tok, _tokens


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
    before = _rstripped_tail(nt, ps, q.open)
    if not q.double and not before and len(words) <= 8 and not nt[q.close : q.close + 200].split("\n", 1)[0].strip():
        return "title"  # a paragraph that is only a short single-quoted line: a subheading
    if q.continued or not before or before[-1] in ":,.!?;-(" or before.endswith("''"):
        if len(words) >= 3 or not before or before[-1] in ":":
            return "direct"
        if inner_end in ".!?,":
            return "direct"
    n = len(toks_before)
    if nt[q.cs : q.cs + 1].isupper() and len(words) >= 4 and any(
        _cue_at(toks_before, i) and all(t.low in _ADDRESSEES or t.cap for t in toks_before[i + 1 :])
        for i in range(max(0, n - 3), n)
    ):
        return "direct"  # He said "We will win."; told reporters "Women in France …"
    return "embedded"


def _extract(doc: Document) -> list[tuple[Any, ...]]:
    """The rows of one document as tuples in :data:`clauses._ROW_KEYS` order."""
    try:
        return _extract_rows(doc)
    finally:
        _INDEX.clear()  # the token index of this text is not kept past the document


def _extract_rows(doc: Document) -> list[tuple[Any, ...]]:
    norm = doc.normalized
    nt = norm.text
    cue_pos = _cue_positions(nt)
    if not cue_pos and '"' not in nt and "'" not in nt and ":" not in nt[:250]:
        return []
    paras = _to_normalized(doc.paragraphs, norm)
    state = _DocState(nt)
    quotes_ = _find_quotes(nt, doc.text, norm, paras)
    rows: list[_Row] = []
    by_para: dict[int, list[_Quote]] = {}
    for q in quotes_:
        by_para.setdefault(q.para, []).append(q)
    sents = _sentences(doc, norm, paras, by_para, cue_pos)
    sent_starts = [s for s, _ in sents]
    prev_direct: _Row | None = None
    prev_direct_para = -10
    for pi, (ps, pe) in enumerate(paras):
        pq = by_para.get(pi, [])
        para_rows: list[_Row] = []
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
                if len(words) <= 20 and not other and (not words or n_cues == 1) and (
                    nt[prevq.cs : prevq.ce].rstrip()[-1:] in ",.!?-"
                ) and q.cs < pe and not _own_frame(nt, q, pe):
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
            if frame is None:
                # the attribution may sit past a sentence break Punkt saw ('?" he responded',
                # 'George W. Bush speechwriter … said'): _frame_after stops at a real sentence end itself
                li = index[id(last)] + 1
                nxt_open = pq[li].open if li < len(pq) else pe
                end = min(pe, nxt_open, last.close + 250)
                frame = _frame_after(state, _tokens(nt, last.close, end))
            if frame is None:
                si = bisect_right(sent_starts, first.open) - 1
                s_start = sents[si][0] if si >= 0 else ps
                fi = index[id(first)] - 1
                prev_close = pq[fi].close if fi >= 0 else ps
                start = max(min(s_start, first.open), ps, prev_close)
                if start == first.open and first.open == ps and pi > 0:
                    # "Breitbart News responded:" closing the previous paragraph
                    pps, ppe = paras[pi - 1]
                    if nt[ppe - 1 : ppe] == ":":
                        frame = _frame_before(state, _tokens(nt, max(pps, ppe - 200), ppe))
                else:
                    frame = _frame_before(state, _tokens(nt, start, first.open))
            frags = [(q.cs, q.ce) for q in g]
            s, e = _trim(nt, first.cs, last.ce)
            while e > s and nt[e - 1] in ", ":
                e -= 1
            if e <= s:
                continue
            row = _Row(s, e, "direct", s, e, [_trim_comma(nt, a, b) for a, b in frags], None, None, None, None, "")
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
        # ---- leftover embedded quotes: scare quotes
        for q in pq:
            if q.role == "embedded" and not q.used:
                s, e = _trim(nt, q.cs, q.ce)
                if e <= s:
                    continue
                row = _embedded_clause(state, nt, q, s, e, sents, sent_starts, ps, pe)
                para_rows.append(row or _Row(s, e, "scare", s, e, [(s, e)], None, None, None, None, "scare"))
        if pi == 0:
            para_rows = _headline(state, nt, ps, pe, para_rows)
        # pronouns resolved again now that every speaker of the paragraph is known, in text order
        for r in sorted(para_rows, key=lambda r: r.s):
            sp = r.speaker
            if sp is not None and sp.pron is not None and sp.ms is not None:
                sp.name = _antecedent(state, sp.pron, sp.ms)
        rows.extend(para_rows)
    return [_to_row(doc, norm, r) for r in rows]


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
