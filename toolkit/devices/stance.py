"""Stance: hedges, boosters and us-versus-them framing.

* ``hedge`` — a word or phrase from ``hedges.tsv`` that softens a claim
  ("might", "perhaps", "I think", "reportedly"), and a negated intensifier
  ("not very optimistic" is an understatement, not a booster). "May" with a
  capital inside a sentence is the month; "could not"/"cannot" is inability.
* ``booster`` — a word or phrase from ``boosters.tsv`` that strengthens a
  claim or presents it as certain ("absolutely clear", "categorically",
  "of course"); skipped after a negation ("not always", "not absolutely").
* ``us_vs_them`` — a sentence that sets an in-group against an out-group:
  an out-group phrase ("these people", "people like them", "enemies of the
  people") or an explicit pairing ("us and them", "us versus them"); "we/us/our"
  in the same sentence is cited with it. Plain "we … they" is too common to count.
"""

from __future__ import annotations

import re

from .matching import DocContext, lexicon_hits, quoted

#: the lexicons this family reads (a user's table may replace any of them)
LEXICONS = ("hedges", "boosters", "us_them")

_NEGATION_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bhardly|\bno|\bnor|\bscarcely)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOT_AFTER = re.compile(r"\s*(?:not\b|n't\b)", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b(?:what|this|that|a|the|any|every|some|no|which|one|same|this)\s+$", re.IGNORECASE)


def _hedges(ctx: DocContext) -> list[dict]:
    out = []
    label = ctx.lexicon("hedges").label
    for h, row in lexicon_hits(ctx, "hedges"):
        before = ctx.text[max(0, h.start - 30) : h.start]
        if h.text == "May" and before.strip() and before.rstrip()[-1:] not in ".!?\"'":
            continue  # the month
        if row["class"] == "modal" and _NOT_AFTER.match(ctx.text, h.end):
            continue  # could not, might not: inability or negated possibility, not a softener
        if row["cue"].startswith(("kind of", "sort of")) and _NOUN_BEFORE.search(before):
            continue  # "what kind of" is a noun phrase
        if row["class"] == "negated booster":
            why = f"{quoted(h.text)} negates an intensifier: an understatement that softens the claim"
        else:
            why = f"{quoted(h.text)} softens the claim ({row['class']}: {row['note']})"
        out.append(ctx.row(h.start, h.end, "hedge", h.text, f"{why} (rule: hedge lexicon, {label})."))
    return out


def _boosters(ctx: DocContext) -> list[dict]:
    out = []
    label = ctx.lexicon("boosters").label
    for h, row in lexicon_hits(ctx, "boosters"):
        if _NEGATION_BEFORE.search(ctx.text[max(0, h.start - 25) : h.start]):
            continue  # "not always", "not absolutely": no longer a booster
        out.append(ctx.row(h.start, h.end, "booster", h.text,
                           f"{quoted(h.text)} strengthens the claim ({row['class']}: {row['note']}) "
                           f"(rule: booster lexicon, {label})."))
    return out


def _us_vs_them(ctx: DocContext) -> list[dict]:
    label = ctx.lexicon("us_them").label
    per_sentence: dict[int, list] = {}
    for h, row in lexicon_hits(ctx, "us_them"):
        if h.text.isupper() and len(h.text) > 1:
            continue  # "US" is the country, not the pronoun
        per_sentence.setdefault(ctx.sentence_of(h.start), []).append((h, row))
    out = []
    for si, hits in per_sentence.items():
        if si < 0:
            continue
        s, e = ctx.sentences[si]
        us = [h for h, r in hits if r["class"] == "us"]
        strong = [h for h, r in hits if r["class"] == "them" and r["note"] == "strong"]
        if strong:
            cue = strong[0].text
            why = f"{quoted(cue)} sets a group apart as an out-group"
            if us:
                why += f", against {quoted(us[0].text)}"
        else:
            continue
        out.append(ctx.row(s, e, "us_vs_them", cue, f"{why} (rule: us-versus-them, {label})."))
    return out


def detect(ctx: DocContext) -> list[dict]:
    """Hedge, booster and us-versus-them rows for one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document("It is absolutely clear. I am not very optimistic.")))
    >>> [(r["device"], r["cue"]) for r in rows]
    [('hedge', 'not very optimistic'), ('booster', 'It is absolutely clear')]
    """
    return [*_hedges(ctx), *_boosters(ctx), *_us_vs_them(ctx)]
