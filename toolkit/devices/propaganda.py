"""Propaganda techniques with surface cues (names follow SemEval-2020 Task 11).

Each device is a lexicon of regex fragments (``toolkit/data/lexicons``):

* ``flag_waving`` (``flag_waving.tsv``) — appeals to the nation, a people,
  patriotism or "our values" to justify a position;
* ``thought_terminating_cliche`` (``thought_terminating_cliches.tsv``) —
  phrases that end a discussion instead of arguing ("it is what it is",
  "enough is enough", "fake news");
* ``slogan`` (``slogans.tsv``) — known slogans and chants, plus two rules: a
  hashtag, and a short exclamation of at most six words ("Build the wall!");
* ``black_and_white`` (``black_and_white.tsv``) — false dilemmas ("there is no
  alternative", "either with us or against us"); the row covers the clause;
* ``whataboutism`` (``whataboutism.tsv``) — "what about…", "double standards",
  pointing at the accuser's silence; the row covers the clause;
* ``appeal_to_authority`` (``appeal_to_authority.tsv``) — a claim held true
  because experts, studies or a revered authority say so ("according to
  experts", "studies show", "X, a leading expert"); the row covers the sentence;
* ``causal_oversimplification`` (``causal_oversimplification.tsv``) — one cause
  or one party to blame ("the real reason … is", "X is to blame for", a
  sentence that opens "Because of X, …"); the row covers the sentence.
"""

from __future__ import annotations

import re

from .matching import DocContext, clause_span, lexicon_hits, quoted

_IMPERATIVE = (
    r"(?:stop|never|end|build|drain|lock|make|save|free|defend|ban|keep|vote|bring|take|remember|fight|resist|"
    r"unite|wake|down|no|enough|protect|support|stand|join|march|boycott|impeach|repeal|abolish|send|give|close|"
    r"smash|crush|kill|throw|let|get)"
)
_HASHTAG = re.compile(rf"(?<![\w#])#(?i:{_IMPERATIVE})[A-Z]\w+|(?<![\w#])#(?i:maga)\b")
_IMPERATIVE_START = re.compile(rf"^(?i:{_IMPERATIVE})\b")
# two or more words in capitals, not after a word character or an apostrophe; the look-behind comes after the first
# capital ((?<![\w'][A-Z]) there is (?<![\w']) before it), so that the pattern opens with a character class and the
# regex engine skips to the capitals instead of trying every position
_CAPS = re.compile(r"[A-Z](?<![\w'][A-Z])[A-Z]+(?:[ ,]+[A-Z]{2,}){1,6}(?![\w'])")
_WORDS = re.compile(r"\w+")
_EDGE = frozenset(" \n\"'")

_LEXICAL = {
    "flag_waving": ("flag_waving", "appeals to national or group feeling"),
    "thought_terminating_cliche": ("thought_terminating_cliches", "ends the discussion instead of giving a reason"),
    "slogan": ("slogans", "is a known slogan or catch-phrase"),
    "black_and_white": ("black_and_white", "presents only two options (false dilemma)"),
    "whataboutism": ("whataboutism", "deflects to another case or to the accuser"),
    "appeal_to_authority": ("appeal_to_authority", "rests the claim on an authority"),
    "causal_oversimplification": ("causal_oversimplification", "gives a single cause"),
}
_CLAUSE_DEVICES = {"black_and_white", "whataboutism"}
_SENTENCE_DEVICES = {"appeal_to_authority", "causal_oversimplification"}
#: lexicon class whose cues count only at the start of a sentence ("Because of X, …")
_OPENING = "opening"
#: the lexicons this family reads (a user's table may replace any of them)
LEXICONS = tuple(lexicon for lexicon, _ in _LEXICAL.values())


def _lexical(ctx: DocContext) -> list[dict]:
    out = []
    for device, (lexicon, what) in _LEXICAL.items():
        label = ctx.lexicon(lexicon).label
        for h, row in lexicon_hits(ctx, lexicon):
            if row["class"] == _OPENING and not _opens_sentence(ctx, h.start):
                continue
            if device in _SENTENCE_DEVICES:
                s, e = _sentence_span(ctx, h.start, h.end)
            else:
                s, e = (clause_span(ctx, h.start, h.end) if device in _CLAUSE_DEVICES else (h.start, h.end))
            out.append(ctx.row(s, e, device, h.text,
                               f"{quoted(h.text)} {what} ({row['note']}) (rule: {label})."))
    return out


def _opens_sentence(ctx: DocContext, pos: int) -> bool:
    si = ctx.sentence_of(pos)
    return si >= 0 and not ctx.text[ctx.sentences[si][0] : pos].strip(" \n\"'")


def _sentence_span(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """The sentence around a cue, quote marks and spaces at its edges left out."""
    si = ctx.sentence_of(start)
    if si < 0:
        return start, end
    ss, se = ctx.sentences[si]
    while ss < start and ctx.text[ss] in _EDGE:
        ss += 1
    while se > end and ctx.text[se - 1] in _EDGE:
        se -= 1
    return ss, max(se, end)


def _slogan_rules(ctx: DocContext) -> list[dict]:
    out = []
    for m in _HASHTAG.finditer(ctx.text) if "#" in ctx.text else ():
        out.append(ctx.row(m.start(), m.end(), "slogan", m.group(),
                           f"The hashtag {quoted(m.group())} packs a call to action into a catch-phrase "
                           f"(rule: imperative hashtag)."))
    for m in _CAPS.finditer(ctx.text):
        if _IMPERATIVE_START.match(m.group()):
            out.append(ctx.row(m.start(), m.end(), "slogan", m.group(),
                               f"{quoted(m.group())} is a call to action shouted in capitals, the form of a slogan "
                               f"(rule: imperative phrase in capitals)."))
    if "!" not in ctx.text:
        return out
    for s, e in ctx.sentences:
        if "!" not in ctx.text[e - 3 : e]:
            continue
        sent = ctx.text[s:e].strip(" \"'")
        if sent.endswith("!") and 1 <= len(_WORDS.findall(sent)) <= 6 and _IMPERATIVE_START.match(sent):
            a = s + ctx.text[s:e].find(sent)
            out.append(ctx.row(a, a + len(sent), "slogan", "!",
                               f"{quoted(sent)} is a short call to action ending in '!', the form of a slogan "
                               f"(rule: imperative exclamation of at most six words)."))
    return out


def detect(ctx: DocContext) -> list[dict]:
    """Rows for the propaganda techniques with surface cues in one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document("There is no alternative, the minister said. It is what it is.")))
    >>> [(r["device"], r["text"]) for r in rows]
    [('thought_terminating_cliche', 'It is what it is'), ('black_and_white', 'There is no alternative')]
    """
    return [*_lexical(ctx), *_slogan_rules(ctx)]
