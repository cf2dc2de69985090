"""Rhetorical questions: questions asked to make a point, not to get an answer.

A sentence ending in a question mark is rhetorical when it opens with a cue
from ``rhetorical_questions.tsv`` ("Do you believe…", "Who would…", "How can…",
negative questions such as "Isn't it…"), or when the speaker answers it
at once in the same paragraph (hypophora: "Why? Because…").
"""

from __future__ import annotations

import re

from .matching import DocContext, lexicon_matcher, quoted

DEVICE = "rhetorical_question"
#: the lexicons this detector reads (a user's table may replace it)
LEXICONS = ("rhetorical_questions",)
_END = re.compile(r"\?[\"')\]]*\s*$")
_LEAD = re.compile(r"^[\"'(\[\s-]*(?:(?:and|but|so|then|now|well|tell me|frankly|honestly|after all),?\s+)?",
                   re.IGNORECASE)
_ANSWER = re.compile(
    r"^[\"'\s]*(?:because|the answer is|nothing|nobody|no one|none)\b",
    re.IGNORECASE,
)


def _strip_marks(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in "\"' (":
        s += 1
    while e > s and text[e - 1] in "\"' )":
        e -= 1
    return s, e


def detect(ctx: DocContext) -> list[dict]:
    """Rhetorical-question rows for one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document("Who would want that? Nobody.")))
    >>> rows[0]["text"], rows[0]["cue"]
    ('Who would want that?', 'Who would')
    """
    lex = ctx.lexicon("rhetorical_questions")
    matcher, rows_ = lexicon_matcher(lex)
    out = []
    sents = ctx.sentences
    for i, (s0, e0) in enumerate(sents):
        s, e = _strip_marks(ctx.text, s0, e0)
        sent = ctx.text[s:e]
        if not sent.endswith("?"):
            continue
        lead = _LEAD.match(sent)
        begin = s + (lead.end() if lead else 0)
        hit = next(matcher.finditer(ctx.text, begin, e), None)
        if hit is not None and hit.start == begin:
            row = rows_[hit.index]
            why = (f"{quoted(hit.text)} opens a question that {row['note'].removeprefix('a question that ')}"
                   if row["note"].startswith("a question that") else f"{quoted(hit.text)} {row['note']}")
            out.append(ctx.row(s, e, DEVICE, hit.text,
                               f"The question {quoted(sent)} is rhetorical: {why} "
                               f"(rule: question opener, {lex.label})."))
            continue
        if i + 1 < len(sents) and ctx.doc.paragraph_at(ctx.to_original(*sents[i + 1])[0]) == ctx.doc.paragraph_at(
            ctx.to_original(s0, e0)[0]
        ):
            nxt = ctx.text[sents[i + 1][0] : sents[i + 1][1]]
            m = _ANSWER.match(nxt)
            if m and not _END.search(nxt):
                cue = m.group().strip(" \"'")
                out.append(ctx.row(s, e, DEVICE, cue,
                                   f"The question {quoted(sent)} is answered at once by the speaker "
                                   f"({quoted(cue)} …), so it is asked to make a point (rule: hypophora)."))
    return out
