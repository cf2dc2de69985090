"""Attribution frames of direct quotes: ``"…," X said`` after, ``X said: "…"`` before.

Owns: ``_Frame`` (speaker, cue, content span, rule), ``_frame_after`` and
``_frame_before`` (a cue plus a speaker noun phrase next to a quote),
``_window_np`` (a fallback mention), ``_subject`` (the subject before a cue,
also used by reported speech).

Must not touch: quote marks, the paragraph walk or the reported-speech rules;
depends on clauses, speakers, cues, tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import _Row
from .cues import (
    _BE,
    _FINITE_AUX,
    _INDEFINITE,
    _NEGATION,
    _NOUN_DET,
    _OPENERS,
    _VERB_CONTRACTIONS,
    _cue_at,
    _function_words,
    _is_aux,
    _is_opener,
    _is_stop,
    _lex,
)
from .speakers import _DocState, _np_backward, _np_forward, _resolve, _Speaker
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
    while b > a and (_is_aux(toks[b - 1].low) or toks[b - 1].t == ","):
        b -= 1
    while a < b and toks[a].t in ",-'\"":
        a += 1
    if b <= a or b - a > 10 or any(t.t in "();:'\"" for t in toks[a:b]):
        return []
    window = toks[a:b]
    if any(t.low in _BE for t in window):
        return []  # "Sexton was quick to" is a clause, not a speaker
    function = _function_words() if _lex().lang == "en" else {}  # English function words
    if function.get(window[0].low) == "preposition":
        return []  # "for a normal fear …": a prepositional phrase is no subject
    while window and (window[0].low in _OPENERS or function.get(window[0].low) in ("adverb", "conjunction")):
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
    after_det = len(window) > 1 and window[-2].low in _NOUN_DET
    if not (head.t.isalpha() or head.cap) or (head.low.endswith("ly") and not after_det) or (
        head.low in _lex().verbs and not after_det
    ):
        return []  # an adverb or a verb, unless a determiner makes it a noun: "voters in each state", "a rally"
    return window


def _according_to(state: _DocState, toks: list[_Tok], k: int, cue: tuple[str, int, int]) -> _Frame:
    """'according to X' at ``toks[k]``: X (the noun phrase after the two cue words) is the speaker."""
    np = _np_forward(toks, k + 2)
    return _Frame(_resolve(state, np, cue[1]), "according to", cue[1], cue[2], "direct:according_to")


def _frame_after(state: _DocState, toks: list[_Tok]) -> _Frame | None:
    """Attribution following a quote: ', he said', ', said X', ' X told Y in an interview'."""
    if not toks:
        return None
    k0 = 1 if toks[0].t in ",-" else 0
    for k in range(k0, min(len(toks), k0 + 16)):
        if _is_stop(toks, k):
            break
        cue = _cue_at(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            return _according_to(state, toks, k, cue)
        if k > k0 and not all(_is_aux(tt.low) for tt in toks[k0:k]):  # ", a déclaré le ministre"
            np = _np_backward(toks, k)
            if not np or np[0].s < toks[k0].s:
                np = _window_np(toks, k0, k)
            if np:
                return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:speaker_cue")
            return None
        np = _np_forward(toks, k + 1)
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:cue_speaker")
        return None
    return None


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
    if last not in (":", ",") and toks[-1].low not in ("that",) and not any(
        _cue_at(toks, i) for i in range(max(0, n - 3), n)
    ):
        return None
    for k in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        cue = _cue_at(toks, k)
        if cue is None:
            continue
        if cue[0] == "according to":
            return _according_to(state, toks, k, cue)
        if toks[k].low.endswith("ing") and k > 0 and toks[k - 1].low not in _BE:
            sp = _subject(state, toks, k, [], [])
            return _Frame(sp, cue[0], cue[1], cue[2], "direct:before_participle") if sp else None
        np = _np_backward(toks, k)
        if np:
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        np = _np_forward(toks, k + 1)
        if np and cue[0] not in ("tell", "ask"):
            return _Frame(_resolve(state, np, np[0].s), cue[0], cue[1], cue[2], "direct:before")
        sp = _subject(state, toks, k, [], [])
        return _Frame(sp, cue[0], cue[1], cue[2], "direct:before") if sp else None
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


def _subject(state: _DocState, toks: list[_Tok], k: int, out: list[_Row], done: list[_Row]) -> _Speaker | None:
    """Subject of the main clause for a participial cue (', warning that …')."""
    start = toks[0].s
    for r in reversed(out + done):
        if r.speaker is not None and r.cue_s is not None and start <= r.cue_s < toks[k].s:
            sp = r.speaker
            return _Speaker(sp.mention, sp.ms, sp.me, sp.name, sp.attribution, sp.person)
    # the nearest comma-separated segment before the cue that starts with a noun phrase
    # followed by more words (its verb): "Asked if …, Lavrov declined to answer, adding …"
    bounds = [i + 1 for i in range(k) if toks[i].t == ","]
    for b in reversed([0, *bounds]):
        j = b
        while j < k and toks[j].t in ('"', "'"):
            j += 1
        if j >= k - 1:
            continue
        if _is_opener(toks[j]):
            continue  # "Citing …,", "In a subsequent tweet," — not the subject
        np = _np_forward(toks, j)
        if np and toks.index(np[-1]) < k - 2 and np[-1].e <= toks[k].s:
            return _resolve(state, np, np[0].s)
    return None
