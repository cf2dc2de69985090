"""Figures of repetition: repeated message, epizeuxis, anaphora, epistrophe, tricolon, antimetabole.

* ``repetition``, two rules:

  - repeated message (the PTC guidelines' Repetition: the same message, a word
    or phrase, said over and over so that the audience accepts it; annotators
    mark the repeated occurrences): a phrase of 1–3 words that opens and ends
    with a content word and holds a charged word — a strongly negative word of
    ``emotive_words.tsv`` (valence ≤ :data:`MESSAGE_VALENCE`, not an event word
    of ``loaded_context.tsv``) or a ``name_calling.tsv`` label — said at least :data:`MESSAGE_MIN_COUNT` times in
    the document; one row per occurrence after the first, ``score`` the number
    of occurrences (a topic word said often is not a message: it must be charged);
  - epizeuxis: the same word or phrase (1–4 words) said twice in a row, at most
    a comma between ("very far, very far").

  A phrase made only of function words ("that that", "had had") does not count;
  the word classes come from ``stopwords.tsv``.
* ``anaphora``: consecutive clauses or sentences of a paragraph that open with
  the same words ("They've been to Afghanistan, they've been to Iraq").
* ``epistrophe``: consecutive clauses or sentences that end with the same words.
* ``tricolon``: three parallel items in a row, "A, B and C", that open with the
  same word or have the same length.
* ``antimetabole`` (chiasmus of words): A B … B A inside a sentence ("a ban
  with permit reservation to a permit with ban reservation"); ``score`` ranks
  candidates (see :func:`chiasmus_score`), rows are kept from
  :data:`MIN_CHIASMUS_SCORE`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from .emotive import loaded_context, rated_words
from .matching import DocContext, is_content, lexicon_hits, quoted

#: lowest antimetabole score reported as a device
MIN_CHIASMUS_SCORE = 3.0
#: a repeated message: how often the phrase is said in the document, at least (chosen by 5-fold cross-validation
#: on PTC dev, grid 2-8, the same value in every fold)
MESSAGE_MIN_COUNT = 5
#: a repeated message holds a word of at most this valence (VADER, -4 … +4) or a name-calling label
MESSAGE_VALENCE = -1.5
#: longest repeated-message phrase, in words
MESSAGE_MAX_WORDS = 3
#: the lexicons this family reads (a user's table may replace any of them)
LEXICONS = ("emotive_words", "loaded_context", "name_calling")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s-\s")
#: :data:`_CLAUSE_BREAK` in a span without "-" (the same matches; a plain class is scanned for faster)
_CLAUSE_MARK = re.compile(r"[,;:]")
_LEAD = re.compile(r"[ \"']*")
_start_of, _end_of = itemgetter(0), itemgetter(1)
_HINGE = frozenset(["and", "but", "or", "not", "nor", "to", "from", "versus", "vs", "than", "into", "becomes",
                    "for", "is", "are"])


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    w = word.lower().removesuffix("'s")
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


@lru_cache(maxsize=65536)
def _content_lemma(word: str) -> str | None:
    """The :func:`_lemma` of a lower-cased content word, None for a function word or a number."""
    return _lemma(word) if is_content(word) else None


# --------------------------------------------------------------------------- repeated message


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _message(ctx: DocContext) -> list[dict]:
    lex = ctx.lexicon("emotive_words")
    events = loaded_context(ctx.lexicon("loaded_context"))[0]
    sentences = ctx.sentence_words
    charged = {(si, k) for si, k, v, base in rated_words(ctx)
               if v <= MESSAGE_VALENCE and base not in events and sentences[si][k][2] not in events
               and is_content(sentences[si][k][2])}
    for h, _row in lexicon_hits(ctx, "name_calling"):
        si = ctx.sentence_of(h.start)
        if si >= 0:
            k = bisect_left(sentences[si], h.start, key=lambda w: w[0])
            if k < len(sentences[si]) and sentences[si][k][0] == h.start:
                charged.add((si, k))
    if len(charged) < MESSAGE_MIN_COUNT:
        return []
    counts = Counter(_lemma(sentences[si][k][2]) for si, k in charged)
    charged = {(si, k) for si, k in charged if counts[_lemma(sentences[si][k][2])] >= MESSAGE_MIN_COUNT}
    grams: dict[tuple[str, ...], set[tuple[int, int]]] = {}
    for si, c in charged:  # every phrase of 1-3 words around a charged word, opening and ending with a content word
        words = sentences[si]
        for n in range(1, MESSAGE_MAX_WORDS + 1):
            for i in range(max(0, c - n + 1), min(c, len(words) - n) + 1):
                if is_content(words[i][2]) and is_content(words[i + n - 1][2]):
                    grams.setdefault(tuple(_lemma(w) for _, _, w in words[i : i + n]), set()).add((si, i))
    out = []
    taken: set[tuple[int, int]] = set()
    for key in sorted(grams, key=lambda k: -len(k)):  # the longest phrase first; its words are not cited again
        if len(grams[key]) < MESSAGE_MIN_COUNT:
            continue
        starts = sorted(grams[key])
        n = len(key)
        s0, i0 = starts[0]
        first = ctx.text[sentences[s0][i0][0] : sentences[s0][i0 + n - 1][1]]
        for k, (si, i) in enumerate(starts[1:], start=2):
            if any((si, j) in taken for j in range(i, i + n)):
                continue
            taken.update((si, j) for j in range(i, i + n))
            s, e = sentences[si][i][0], sentences[si][i + n - 1][1]
            out.append(ctx.row(s, e, "repetition", first,
                               f"{quoted(ctx.text[s:e])} is said for the {_ordinal(k)} of {len(starts)} times: a "
                               f"charged word or label repeated so that it sticks (rule: repeated message, "
                               f"{lex.label} valence ≤ {MESSAGE_VALENCE} or a name-calling label, "
                               f"at least {MESSAGE_MIN_COUNT} times).", score=float(len(starts))))
    return out


# --------------------------------------------------------------------------- epizeuxis


def _epizeuxis(ctx: DocContext) -> list[dict]:
    out = []
    for words, ws in zip(ctx.sentence_words, ctx.sentence_lower, strict=True):
        n_words = len(words)
        i = 0
        while i < n_words:
            step = 1
            if ws[i] not in ws[i + 1 : i + 5]:
                i += 1  # no repetition can start here (most words): skip the four window sizes
                continue
            for n in (4, 3, 2, 1):
                if i + 2 * n > n_words or ws[i] != ws[i + n]:
                    continue
                a = ws[i : i + n]
                if a != ws[i + n : i + 2 * n] or not any(is_content(w) for w in a):
                    continue
                gap = ctx.text[words[i + n - 1][1] : words[i + n][0]]
                if gap.strip(" ,\"'") or gap.count(",") > 1:
                    continue
                s, e = words[i][0], words[i + 2 * n - 1][1]
                phrase = ctx.text[words[i][0] : words[i + n - 1][1]]
                out.append(ctx.row(s, e, "repetition", phrase,
                                   f"{quoted(phrase)} is said twice in a row ({quoted(ctx.text[s:e])}) for emphasis "
                                   f"(rule: epizeuxis, immediate repetition)."))
                step = 2 * n
                break
            i += step
    return out


# --------------------------------------------------------------------------- anaphora / epistrophe


def _units(ctx: DocContext) -> list[list[tuple[int, int, list[str]]]]:
    """Per paragraph: clauses (split at , ; : and sentence ends) with their words (cached on the context)."""
    cached = ctx.__dict__.get("_units")
    if cached is not None:
        return cached
    paras: dict[int, list[tuple[int, int, list[str]]]] = {}
    text = ctx.text
    para_starts = [s for s, _e in ctx.doc.paragraphs]
    for (s, e), sw, low in zip(ctx.sentences, ctx.sentence_words, ctx.sentence_lower, strict=True):
        if not sw:
            continue
        units = paras.setdefault(bisect_right(para_starts, ctx.to_original(s, e)[0]) - 1, [])
        breaks = list((_CLAUSE_BREAK if text.find("-", s, e) >= 0 else _CLAUSE_MARK).finditer(text, s, e))
        if not breaks:  # one clause, all the sentence's words
            units.append((_LEAD.match(text, s, e).end(), e, low[:]))
            continue
        start = s
        k = 0
        n = len(sw)
        for m in [*breaks, None]:
            end = m.start() if m else e
            # the words of [start, end): tokens are sorted and do not overlap, so both bounds are bisections
            k = bisect_left(sw, start, k, n, key=_start_of)
            j = bisect_right(sw, end, k, n, key=_end_of)
            if j > k:
                lead = _LEAD.match(text, start, end).end() - start
                units.append((start + lead, end, low[k:j]))
            k = j
            if m:
                start = m.end()
    ctx.__dict__["_units"] = out = [units for units in paras.values() if units]
    return out


_OPENERS = frozenset(["and", "but", "or", "so"])
_PRONOUN_OPENERS = frozenset([
    "we", "you", "they", "i", "he", "she", "let", "no", "not", "never", "if", "when", "it's", "we'll", "we're",
    "they're", "they've", "we've", "you're",
])
_RELATIVE = frozenset(["which", "who", "whom", "whose", "that", "where", "when", "and", "or", "but"])


def _shared(a: list[str], b: list[str], from_end: bool) -> list[str]:
    if from_end:
        a, b = a[::-1], b[::-1]
    else:
        a = a[1:] if a and a[0] in _OPENERS and len(a) > 1 else a
        b = b[1:] if b and b[0] in _OPENERS and len(b) > 1 else b
    out = []
    for x, y in zip(a, b, strict=False):
        if x != y or len(out) == 3:
            break
        out.append(x)
    return out[::-1] if from_end else out


def _edge(words: list[str], from_end: bool) -> str:
    """The word :func:`_shared` compares first: the last, or the first after an opening conjunction."""
    if from_end:
        return words[-1]
    return words[1] if words[0] in _OPENERS and len(words) > 1 else words[0]


def _parallel(ctx: DocContext, device: str, from_end: bool) -> list[dict]:
    out = []
    for units in _units(ctx):
        edges = [_edge(u[2], from_end) for u in units]
        i = 0
        while i < len(units) - 1:
            if edges[i] != edges[i + 1]:
                i += 1  # no shared words (most pairs of clauses)
                continue
            common = _shared(units[i][2], units[i + 1][2], from_end)
            opener = bool(common) and (common[0] in _PRONOUN_OPENERS or is_content(common[0]))
            content = any(is_content(w) for w in common)
            if not common or not (content if from_end else (opener and (content or len(common) >= 2))):
                i += 1
                continue
            j = i + 1
            while j + 1 < len(units) and _shared(units[j][2], units[j + 1][2], from_end)[: len(common)] == common:
                j += 1
            count = j - i + 1
            if len(common) >= 2 or count >= 3:
                phrase = " ".join(common)
                where = "open" if not from_end else "end"
                rule = "anaphora" if not from_end else "epistrophe"
                out.append(ctx.row(units[i][0], units[j][1], device, phrase,
                                   f"{count} clauses in a row {where} with the same words {quoted(phrase)} "
                                   f"(rule: {rule})."))
                i = j + 1
            else:
                i += 1
    return out


# --------------------------------------------------------------------------- tricolon


_ITEM_SPLIT = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _tricolon(ctx: DocContext) -> list[dict]:
    out = []
    for (s, e), low in zip(ctx.sentences, ctx.sentence_lower, strict=True):
        if "and" not in low and "or" not in low:
            continue  # a separator with "and" or "or" has the word as a token of the sentence: none, no tricolon
        seps = list(_ITEM_SPLIT.finditer(ctx.text, s, e))
        if len(seps) < 2:
            continue
        bounds = [s, *[x for m in seps for x in (m.start(), m.end())], e]
        items = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
        for k in range(len(items) - 2):
            last_sep = seps[k + 1].group()
            if "and" not in last_sep and "or" not in last_sep:
                continue
            if "and" in seps[k].group() or "or" in seps[k].group().replace(",", ""):
                continue
            trio = [ctx.text[a:b].strip() for a, b in items[k : k + 3]]
            words = [t.lower().split() for t in trio]
            if not all(2 <= len(w) <= 6 for w in words) or any(w[0] in _RELATIVE for w in words) or any(
                '"' in t for t in trio
            ):
                continue
            one_opener = len({w[0] for w in words}) == 1
            same_start = one_opener and (is_content(words[0][0]) or words[0][0] in _PRONOUN_OPENERS)
            same_len = len({len(w) for w in words}) == 1 and len(words[0]) >= 3
            if not (same_start or same_len):
                continue
            first = ctx.text[items[k][0] : items[k][1]]
            start = items[k][0] + len(first) - len(first.lstrip())
            end = items[k + 2][1]
            why = "open with the same word" if same_start else f"have the same length ({len(words[0])} words)"
            out.append(ctx.row(start, end, "tricolon", ctx.text[start:end],
                               f"Three parallel items in a row ({'; '.join(quoted(t, 30) for t in trio)}) {why} "
                               f"(rule: tricolon, A, B and C)."))
            break
    return out


# --------------------------------------------------------------------------- antimetabole


def chiasmus_score(
    words: list[str], a: int, b: int, c: int, d: int, *, counts: dict[str, int] | None = None
) -> float:
    """Score a criss-cross candidate A B … B' A' over a sentence's lower-cased words.

    Higher is more likely a real antimetabole: both pairs are content words,
    the stretch is short, the words between A and B recur between B' and A'
    ("security *without* development … development *without* security"), a hinge word ("and", "not",
    "to"…) sits in the middle, and neither word occurs again elsewhere in the
    sentence (repetition elsewhere makes the pattern accidental).

    Examples
    --------
    >>> w = ["no", "security", "without", "development", "or", "development", "without", "security"]
    >>> chiasmus_score(w, 1, 3, 5, 7) > chiasmus_score(w, 1, 2, 6, 7)
    True
    """
    la, lb = _lemma(words[a]), _lemma(words[b])
    score = _BASE
    for lem in (la, lb):
        if not is_content(lem):
            score -= _BASE
    if counts is None:  # lemma counts of the sentence; pass them when scoring many candidates (linear time)
        counts = Counter(_lemma(w) for w in words)
    score -= _penalty(counts[la]) + _penalty(counts[lb])
    score -= 0.08 * (d - a)
    if words[a + 1 : b] and words[a + 1 : b] == words[c + 1 : d]:
        score += _SAME_GAPS
    middle = words[b + 1 : c]
    if any(w in _HINGE for w in middle):
        score += _HINGE_BONUS
    if len(middle) <= 3:
        score += _SHORT_MIDDLE
    if b - a == d - c:
        score += _BALANCED
    return round(score, 3)


# the weights of chiasmus_score, and the highest score it can give before the penalty for words
# repeated elsewhere in the sentence (the antimetabole search prunes with it, so both use these names)
_BASE, _SAME_GAPS, _HINGE_BONUS, _SHORT_MIDDLE, _BALANCED = 2.0, 1.0, 0.75, 0.5, 0.5
_CEILING = _BASE + _SAME_GAPS + _HINGE_BONUS + _SHORT_MIDDLE + _BALANCED


def _penalty(count: int) -> float:
    return 0.75 * (count - 2)


def _antimetabole(ctx: DocContext) -> list[dict]:
    out = []
    for words, low in zip(ctx.sentence_words, ctx.sentence_lower, strict=True):
        if len(words) < 4:
            continue
        content = list(filter(None, map(_content_lemma, low)))  # (a lemma is never empty: words open with \w)
        if len(set(content)) > len(content) - 2:
            continue  # fewer than two repeated content words: no A B … B A possible
        lem = list(map(_lemma, low))
        pos: dict[str, list[int]] = {}
        for i, x in enumerate(lem):
            pos.setdefault(x, []).append(i)
        counts = {x: len(p) for x, p in pos.items()}
        # the positions a B can stand at: a content word said again in the sentence (a word said once has no B')
        again = [i for i, x in enumerate(lem) if counts[x] > 1 and is_content(x)]
        best: tuple[float, int, int, int, int] | None = None
        for la, pa in pos.items():
            room = _CEILING - _penalty(counts[la])  # the best score any pair with this A can still reach
            if len(pa) < 2 or not is_content(la) or room < MIN_CHIASMUS_SCORE:
                continue  # a word this frequent in the sentence cannot reach the reporting score (exact pruning)
            for k, ia in enumerate(pa):
                # positions are sorted: stop at the first idd beyond 30 words (linear time on huge sentences)
                for idd in pa[k + 1 : bisect_right(pa, ia + 30, k + 1)]:
                    if idd <= ia + 2:
                        continue
                    for ib in again[bisect_right(again, ia) : bisect_left(again, idd - 1)]:
                        lb = lem[ib]
                        if lb == la or room - _penalty(counts[lb]) < MIN_CHIASMUS_SCORE:
                            continue
                        pb = pos[lb]
                        for ic in pb[bisect_right(pb, ib) : bisect_left(pb, idd)]:
                            if ib < ic < idd:
                                sc = chiasmus_score(low, ia, ib, ic, idd, counts=counts)
                                if best is None or sc > best[0]:
                                    best = (sc, ia, ib, ic, idd)
        if best and best[0] >= MIN_CHIASMUS_SCORE:
            sc, ia, ib, ic, idd = best
            s, e = words[ia][0], words[idd][1]
            a_w, b_w = ctx.text[words[ia][0] : words[ia][1]], ctx.text[words[ib][0] : words[ib][1]]
            out.append(ctx.row(s, e, "antimetabole", f"{a_w} … {b_w} … {b_w} … {a_w}",
                               f"The words {quoted(a_w)} and {quoted(b_w)} come back in reverse order (A B … B A), "
                               f"a criss-cross that makes the two halves mirror each other "
                               f"(rule: antimetabole; score {sc} ranks how clear the pattern is).", score=sc))
    return out


def detect(ctx: DocContext) -> list[dict]:
    """Rows for every repetition figure in one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document('They could go "very far, very far" now.')))
    >>> [(r["device"], r["cue"]) for r in rows]
    [('repetition', 'very far')]
    """
    return [
        *_message(ctx),
        *_epizeuxis(ctx),
        *_parallel(ctx, "anaphora", from_end=False),
        *_parallel(ctx, "epistrophe", from_end=True),
        *_tricolon(ctx),
        *_antimetabole(ctx),
    ]
