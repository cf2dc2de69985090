"""Historical analogies: a past person, event or era used to characterise a present one.

Two data files drive the detector (``toolkit/data/lexicons``):

* ``historical_gazetteer.tsv`` — canonical name, aliases, present-day place
  names, period, type. Aliases (``Munich Agreement``, ``Saddam Hussein``,
  ``appeasement``) are past entities by themselves; *places* (``Iraq``,
  ``Munich``, ``Vietnam``) are also present-day names, so a bare mention such as
  "progress in Iraq" never counts: they need a cue that applies to places.
  Capitalised aliases match case-sensitively, lower-case ones in any case.
  Years (1500–1999) and decades ("the 1930s") are referents too.
* ``historical_expressions.tsv`` — general past-time expressions that name no
  single event: kinds of past event ("genocide", "a depression"), periods ("the
  post-war period", "the nineteenth century", "colonial times") and times counted
  back ("more than 20 years ago"). They count only with the cue kinds their row
  lists (renewal, comparison, lesson), and a listed name always wins over them.
* ``analogy_cues.tsv`` — the constructions that turn a mention into an
  analogy, each with its position relative to the mention and a word window:
  comparison ("reminiscent of", "like", "the same way as", "is the same"),
  identity transfer ("another Munich", "a new Cold War", "neo-McCarthyism",
  "Hitler's footsteps"), lesson ("the lesson of Munich", "mistakes of the
  past"), precedent ("We have been through this." before the sentence; "been
  to Afghanistan … look where … now").

The document's date bounds what is *past*: a referent whose period has not ended before the
document's year (an episode of several years that ends in that very year may be just over and still
counts) (the Cold War named in a 1951 speech, a conference "in 1998" announced in 1996) is
present or future there, not historical, and never counts, except right after a renewal cue ("a new
cold war" in 1981 presupposes an earlier one). The year comes from the document's metadata
(``year``, else the first year in ``date``) or, without metadata, from a full date in the text's first
300 characters (a dateline); when neither gives one the rule is off. Each row's explanation says
which year was used and where it came from.

A mention plus a cue that fits gives one row per sentence: ``referent`` lists
the canonical names (``; ``-separated), ``target`` is the present thing being
characterised, read from the grammar of the comparison by
:func:`toolkit.devices.analogy_target.present_target` (for ``analogy_candidate`` rows too),
else the nearest person named earlier in the text (``Gaddafi is the same`` → the Bashar
al-Assad of the previous paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .. import lexicons
from ..errors import LexiconError
from . import analogy_model, analogy_target
from .matching import DocContext, Hit, MatcherGroup, PhraseMatcher, quoted

DEVICE = "historical_analogy"
#: a sentence the learned model scores as a likely analogy where no construction rule fired: a candidate for review
CANDIDATE = "analogy_candidate"
_RECENT_YEARS = 1  # a bare year at most this many years before the document's is recent news, not history
_NEAREST_HITS = 32  # cue hits considered on each side of a mention (bounds the work in a huge sentence)

_YEAR = re.compile(  # the lookahead skips, in C, every position no year or decade can start at
    r"(?=[tml1e])(?<![\w/])(?:(?:the\s+)?(?:early\s+|mid-|late\s+)?(1[5-9][0-9]0)s|(1[5-9][0-9]{2}))(?![\w/])"
)
_COMPASS = re.compile(r"\b(?:North|South|East|West|New|Northern|Southern)\s+$")
_OF_OR_RELATIVE = re.compile(r"\b(?:of|that|which|who|whom|whose)\b", re.IGNORECASE)
#: a year compared in a sentence that measures something ("up 5 per cent compared with 1990") is a baseline
_MEASURE = re.compile(r"\d\s*(?:per\s*cent|percent|%)|\btimes\s+as\s+(?:many|much)\b|\bper\s+capita\b", re.IGNORECASE)
_LEVEL_AFTER = re.compile(r"\s+(?:levels?|figures?|prices?|rates?|values?|base\s+year)\b", re.IGNORECASE)
_POST = re.compile(r"\bpost[-\s]+$", re.IGNORECASE)
#: a year right after a measured quantity ("emission levels in 1990") is a statistical baseline, not a referent
_BASELINE = re.compile(
    r"\b(?:levels?|rates?|figures?|values?|prices?|terms|output|growth|emissions?|spending|budgets?)\s+"
    r"(?:of\s+|in\s+|at\s+|for\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[.;:!?()\[\]]")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: a full date near the top of a text (a dateline): "12 October 1951", "October 12, 1951", "2015-03-14", "02/10/2015"
_DATELINE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+(1[89]\d\d|20\d\d)|{_MONTH}\s+\d{{1,2}},?\s+(1[89]\d\d|20\d\d)"
    r"|(1[89]\d\d|20\d\d)-[01]\d-[0-3]\d|[0-3]?\d/[01]?\d/(1[89]\d\d|20\d\d))\b"
)
_META_YEAR = re.compile(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)")
_WORD_RUN = re.compile(r"\w+")
_NAME = re.compile(
    r"(?<![\w-])[A-Z][a-z]+(?:(?:\s+|-)(?:(?:al|el|bin|ibn|de|van|von|da)[- ])?[A-Z][A-Za-z'-]+)+"
)
#: what an identity label (a ``label`` cue: "is a Nazi", "fascist methods") can transfer: a person, a regime,
#: an era's movement or a policy has an identity to give a present actor; a war, a treaty or a date has none
_LABEL_TYPES = frozenset(["person", "regime", "era", "policy", "system"])


@lru_cache(maxsize=1)
def _speech_verbs() -> tuple[str, ...]:
    """Finite forms (past, third person) from ``reporting_verbs.tsv`` of the ``speech_verb`` lemmas of
    ``target_name_filters.tsv`` ("said", "told", "replied"), longest first."""
    lemmas = {r["word"] for r in lexicons.load("target_name_filters") if r["class"] == "speech_verb"}
    forms = {r["form"] for r in lexicons.load("reporting_verbs")
             if r["lemma"] in lemmas and r["form"] != r["lemma"] and not r["form"].endswith("ing")}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def _speech_after() -> re.Pattern[str]:
    """A reporting verb right after a name ("Lavrov said"): the name is a speaker, not the target."""
    return re.compile(r"\s*(?:,\s*)?(?:" + "|".join(map(re.escape, _speech_verbs())) + r")\b")


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry."""

    canonical: str
    period: str
    type: str
    note: str


@dataclass(frozen=True)
class Cue:
    """One row of ``analogy_cues.tsv``."""

    kind: str
    position: str
    window: int
    places: bool
    requires: re.Pattern[str] | None
    unless_before: re.Pattern[str] | None
    not_for: frozenset[str]
    explanation: str


@dataclass(frozen=True)
class Mention:
    """A past entity found in the text (normalised offsets)."""

    start: int
    end: int
    entity: Entity
    place: bool
    surface: str
    general: bool = False  # a general past-time expression (historical_expressions.tsv), not a named entity
    kinds: frozenset[str] = frozenset()  # for a general expression: the cue kinds it counts with


#: the lexicons this detector reads (a user's table may replace any of them)
LEXICONS = ("historical_gazetteer", "historical_events", "historical_expressions", "analogy_cues", "analogy_model")
#: the cue kinds a general past-time expression may count with (its row's ``kinds`` picks among them): it names
#: no single event, so it needs a renewal ("yet another genocide"), a comparison ("reminiscent of the early
#: post-war period") or a lesson; a label, a precedent or a continuation needs a named past
_GENERAL_KINDS = frozenset(["identity", "comparison", "lesson"])
#: the kinds of entity that may still go on at the document's date and yet have earlier years a speaker can use as a
#: source (an era, a system, a regime, a policy: "the cold war of the fifties" in a 1985 speech); a war, crisis or
#: event going on then is the present news, a person or a state a present actor, a place name the present place, and
#: an entity that begins after the document's year the future
_ONGOING_SOURCES = frozenset(["era", "system", "regime", "policy"])


def _gazetteer_of(ctx: DocContext | None = None) -> tuple[PhraseMatcher, PhraseMatcher, list[tuple[Entity, bool]],
                                                           list[tuple[Entity, bool]]]:
    """The gazetteer matchers for a document (its user lexicons, else the packaged files); the case-insensitive
    one also holds the phrase aliases of the general past-time expressions (one scan for both)."""
    if ctx is None:
        return _gazetteer(lexicons.packaged("historical_gazetteer"), lexicons.packaged("historical_events"),
                          lexicons.packaged("historical_expressions"))
    return _gazetteer(ctx.lexicon("historical_gazetteer"), ctx.lexicon("historical_events"),
                      ctx.lexicon("historical_expressions"))


@lru_cache(maxsize=8)
def _gazetteer(gazetteer: lexicons.Lexicon, events: lexicons.Lexicon, expressions: lexicons.Lexicon
               ) -> tuple[PhraseMatcher, PhraseMatcher, list[tuple[Entity, bool]], list[tuple[Entity, bool]]]:
    cs: list[str] = []
    ci: list[str] = []
    cs_info: list[tuple[Entity, bool]] = []
    ci_info: list[tuple[Entity, bool]] = []
    seen: dict[str, str] = {}
    for row in gazetteer.rows:
        ent = Entity(row["canonical"], row["period"], row["type"], row["note"])
        names = [(a, False) for a in row["aliases"].split("|") if a] + [
            (p, True) for p in row["places"].split("|") if p
        ]
        for name, place in names:
            if name in seen and seen[name] != ent.canonical:
                raise LexiconError(
                    gazetteer.label, f"alias {name!r} is listed for {seen[name]!r} and {ent.canonical!r}"
                )
            seen[name] = ent.canonical
            if name.lower() == name:
                ci.append(name)
                ci_info.append((ent, place))
            else:
                cs.append(name)
                cs_info.append((ent, place))
    # the broad event list: aliases only (never places); a name the curated file has is left to it
    for row in events.rows:
        ent = Entity(row["canonical"], row["period"], row["type"], row["source"])
        for name in row["aliases"].split("|"):
            if not name or name in seen:
                continue
            seen[name] = ent.canonical
            (ci if name.lower() == name else cs).append(name)
            (ci_info if name.lower() == name else cs_info).append((ent, False))
    # the general past-time expressions' phrases (their entities carry _GENERAL_NOTE); a name of the curated or the
    # event list is left to it
    named = {n for n in seen if n.lower() == n}  # the case-insensitive names (a capitalised one is scanned apart)
    for name, (ent, _, _) in _expressions(expressions).phrases:
        words = name.lower().split()
        if any(" ".join(words[i:j]) in named for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
            continue  # holds a name of the lists ("the colonial era", "the days of colonialism"): that name wins
        ci.append(name)
        ci_info.append((ent, False))
    return (
        PhraseMatcher(cs, case_sensitive=True, name=gazetteer.label),
        PhraseMatcher(ci, case_sensitive=False, name=gazetteer.label),
        cs_info,
        ci_info,
    )


@lru_cache(maxsize=8)
def _cues(lex: lexicons.Lexicon) -> list[tuple[str, PhraseMatcher, list[list[Cue]]]]:
    """One matcher per cue position (cues of different positions may overlap); identity-label cues get a
    matcher of their own, since a label predicate ("is the …") spans words other cues start with
    ("the greatest … since")."""
    by_position: dict[tuple[str, bool], dict[str, list[Cue]]] = {}
    for i, row in enumerate(lex.rows, start=2):
        try:
            cue = Cue(
                kind=row["kind"],
                position=row["position"],
                window=int(row["window"] or 0),
                places=row["applies"] == "any",
                requires=re.compile(row["requires"], re.IGNORECASE) if row["requires"] else None,
                unless_before=re.compile(row["unless_before"], re.IGNORECASE) if row["unless_before"] else None,
                not_for=frozenset(x for x in row["not_for"].split(";") if x),
                explanation=row["explanation"],
            )
        except (ValueError, re.error) as exc:
            raise LexiconError(lex.label, str(exc), row=i) from None
        if cue.position not in ("before", "after", "sentence", "previous", "suffix"):
            raise LexiconError(lex.label, f"unknown position {cue.position!r}", row=i)
        if cue.position == "suffix":
            continue  # attached to the mention: matched there, not scanned for (see _suffixes)
        for alt in _top_level_alternatives(row["cue"]):
            by_position.setdefault((cue.position, cue.kind == "label"), {}).setdefault(alt, []).append(cue)
    return [
        (position, PhraseMatcher(list(table), regex=True, name=lex.label), list(table.values()))
        for (position, _), table in by_position.items()
    ]


@lru_cache(maxsize=8)
def _suffixes(lex: lexicons.Lexicon) -> list[tuple[re.Pattern[str], Cue]]:
    """Cues written onto the end of the mention itself ("Nazi-style", "Marshall Plan-type")."""
    out = []
    for row in lex.rows:
        if row["position"] == "suffix":
            cue = Cue(row["kind"], "suffix", 0, row["applies"] == "any", None, None,
                      frozenset(x for x in row["not_for"].split(";") if x), row["explanation"])
            out.append((re.compile(f"(?:{row['cue']})(?![\\w-])", re.IGNORECASE), cue))
    return out


#: an alias of historical_expressions.tsv with regex syntax; it must end in a literal word (its anchor: "ago")
_REGEX_ALIAS = re.compile(r"[()\[\]?*+\\{}]")
_ANCHOR = re.compile(r"([A-Za-z]+)$")
_ANCHOR_REACH = 80  # characters before its anchor word a regex alias may start at


_GENERAL_NOTE = "general past-time expression"
_ExprInfo = tuple[Entity, "re.Pattern[str] | None", frozenset[str]]


@dataclass(frozen=True)
class _Expressions:
    """The general past-time expressions: phrase aliases (matched with the gazetteer's case-insensitive names) and
    regex aliases, each searched for only just before its anchor word."""

    phrases: list[tuple[str, _ExprInfo]]
    by_canonical: dict[str, _ExprInfo]
    # (anchor word in lower case, alias pattern, info) for each regex alias
    anchored: list[tuple[str, re.Pattern[str], _ExprInfo]]


@lru_cache(maxsize=8)
def _expressions(lex: lexicons.Lexicon) -> _Expressions:
    """The general past-time expressions (``historical_expressions.tsv``), case-insensitive. Aliases are phrases,
    or regex fragments ending in a literal word, searched for only just before that word ("… years ago")."""
    phrases: list[tuple[str, _ExprInfo]] = []
    by_canonical: dict[str, _ExprInfo] = {}
    anchored = []
    for i, row in enumerate(lex.rows, start=2):
        ent = Entity(row["canonical"], row["period"], row["type"], _GENERAL_NOTE)
        kinds = frozenset(k for k in row["kinds"].split(";") if k)
        if not kinds or not kinds <= _GENERAL_KINDS:
            raise LexiconError(lex.label, f"kinds must be among {sorted(_GENERAL_KINDS)}, not {row['kinds']!r}", row=i)
        try:
            unless = re.compile(row["unless_before"], re.IGNORECASE) if row["unless_before"] else None
        except re.error as exc:
            raise LexiconError(lex.label, str(exc), row=i) from None
        info = (ent, unless, kinds)
        by_canonical[ent.canonical] = info
        for name in _top_level_alternatives(row["aliases"]):
            if not _REGEX_ALIAS.search(name):
                phrases.append((name, info))
                continue
            anchor = _ANCHOR.search(name)
            if anchor is None:
                raise LexiconError(lex.label, f"regex alias {name!r} must end in a literal word", row=i)
            try:
                pattern = re.compile(rf"(?<!\w)(?:{name.replace(' ', chr(92) + 's+')})(?!\w)", re.IGNORECASE)
            except re.error as exc:
                raise LexiconError(lex.label, f"alias {name!r}: {exc}", row=i) from None
            anchored.append((anchor.group(1).lower(), pattern, info))
    return _Expressions(phrases, by_canonical, anchored)


def _expression_hits(ctx: DocContext, phrases: list[Hit], ci_info: list[tuple[Entity, bool]]
                     ) -> list[tuple[Hit, _ExprInfo]]:
    """The general expressions of a text: the phrase hits the gazetteer scan set aside, and the regex aliases."""
    exprs = _expressions(ctx.lexicon("historical_expressions"))
    hits = [(h, exprs.by_canonical[ci_info[h.index][0].canonical]) for h in phrases]
    text = ctx.text
    for anchor, pattern, info in exprs.anchored:
        # the anchor word in lower case, found by str.find (a regex scan of the whole text costs more)
        at = text.find(anchor)
        while at >= 0:
            end = at + len(anchor)
            if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
                m = pattern.search(text, max(0, at - _ANCHOR_REACH), end)  # not inside a word ("Chicago")
                if m is not None and m.end() == end:
                    hits.append((Hit(m.start(), m.end(), -1, m.group()), info))
            at = text.find(anchor, end)
    if exprs.anchored:
        hits.sort(key=lambda hit: (hit[0].start, -hit[0].end))
    return hits


@lru_cache(maxsize=8)
def _cue_group(matchers: tuple[PhraseMatcher, ...]) -> MatcherGroup:
    """The cue matchers of :func:`_cues`, scanned together (same hits as each one's ``finditer``)."""
    return MatcherGroup(matchers)


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex on the ``|`` that are not inside parentheses."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
    parts.append(pattern[last:])
    return [p for p in parts if p]


def gazetteer_names() -> list[str]:
    """Every alias and place name of the gazetteer (for documentation and tests).

    Examples
    --------
    >>> "Munich Agreement" in gazetteer_names()
    True
    """
    cs, ci, _, ci_info = _gazetteer_of()
    return cs.entries + [n for n, (ent, _) in zip(ci.entries, ci_info, strict=True) if ent.note != _GENERAL_NOTE]


def _mentions(ctx: DocContext) -> list[Mention]:
    cs, ci, cs_info, ci_info = _gazetteer_of(ctx)
    found: list[Mention] = []
    phrases: list[Hit] = []
    for matcher, info in ((cs, cs_info), (ci, ci_info)):
        for h in matcher.finditer(ctx.text):
            ent, place = info[h.index]
            if ent.note == _GENERAL_NOTE:
                phrases.append(h)
                continue
            if place and _COMPASS.search(ctx.text, max(0, h.start - 8), h.start):
                continue  # North Korea, South Sudan: another place, not the past event
            if _POST.search(ctx.text, max(0, h.start - 6), h.start):
                continue  # the post-cold-war era is the present after it, not the past episode
            found.append(Mention(h.start, h.end, ent, place, h.text))
    for m in _YEAR.finditer(ctx.text):
        label = f"the {m.group(1)}s" if m.group(1) else m.group(2)
        ent = Entity(label, label.removeprefix("the "), "year", "")
        found.append(Mention(m.start(), m.end(), ent, True, m.group()))
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    last_end = -1
    for m in found:  # drop mentions inside a longer one
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    # general past-time expressions ("yet another genocide", "the early post-war period") are candidates where
    # no named entity or date is: a named one always wins over them
    general = []
    starts = [m.start for m in out]
    for h, (ent, unless, kinds) in _expression_hits(ctx, phrases, ci_info):
        if unless is not None and unless.search(ctx.text, max(0, h.start - 30), h.start):
            continue
        at = bisect_left(starts, h.end)
        if any(m.start < h.end and h.start < m.end for m in out[max(0, at - 2) : at + 1]):
            continue
        if general and h.start < general[-1].end:
            continue  # the literal and the anchored aliases are matched apart: keep the first of two overlapping
        general.append(Mention(h.start, h.end, ent, False, h.text, general=True, kinds=kinds))
    if general:
        out = sorted(out + general, key=lambda x: (x.start, -x.end))
    return out


def document_year(ctx: DocContext) -> tuple[int, str] | None:
    """The year a document dates from, and where that came from (metadata ``year``/``date``, else a dateline).

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> document_year(DocContext(Document("Text.", meta={"year": 1990})))
    (1990, 'metadata year')
    >>> document_year(DocContext(Document("Moscow, 14 March 2015. Talks began.")))
    (2015, 'the date at the top of the text')
    >>> document_year(DocContext(Document("The war ended in 1945."))) is None
    True
    """
    meta = ctx.doc.meta
    for key in ("year", "date"):
        value = meta.get(key)
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, int):
            return value, f"metadata {key}"
        found = _META_YEAR.search(str(value))
        if found:
            return int(found.group(1)), f"metadata {key}"
    m = _DATELINE.search(ctx.text, 0, min(len(ctx.text), 300))
    if m:
        return int(next(g for g in m.groups() if g)), "the date at the top of the text"
    return None


def _not_past(m: Mention, hit: Hit, cue: Cue, year: int | None, text: str) -> bool:
    """The referent's period has not ended before the document's year (present or future there)."""
    if year is None:
        return False
    span = _span_of(m.entity)
    # years are coarse: an episode of several years that ends in the document's year may be just over
    # (Kosovo, 1998-1999, in a September 1999 speech); a one-year event of that year is this year's news
    if span is None or span[1] < year or (span[1] == year and span[0] < year):
        return False
    # a renewal cue right before it presupposes an earlier, finished episode: "a new cold war" (1981)
    # ("the new …" of a thing still going on is a new part of it: "the new cold war attempts" in 1964)
    # ("a return to the days of the 'cold war'" in 1978: only quotes or an article may stand between)
    # A system still in place (colonialism in 1957) is not renewed by "a new kind of" it: that is a variant of
    # the present system, as neo-colonialism is; only an episode or an era can be over and come back
    renewal = (cue.kind == "identity" and cue.position == "before" and span[0] < year and hit.end <= m.start
               and m.entity.type != "system" and not _PART_OF.search(hit.text)
               and not _RENEWAL_GAP.sub("", text[hit.end : m.start])
               and not hit.text.lower().startswith(("neo", "the ")))
    return not renewal


def _past_date(entity: Entity, year: int) -> bool:
    """Whether a year or decade mention can be a past referent in a document of ``year`` (see ``_not_past``
    and ``_RECENT_YEARS``)."""
    span = _span_of(entity)
    if span is None:
        return True
    if entity.canonical.isdigit() and year - span[1] <= _RECENT_YEARS:
        return False
    return span[1] < year or (span[1] == year and span[0] < year)


def _dating(ents: list[Entity], dated: tuple[int, str] | None, renewed: bool = True) -> str:
    """What the document's year says about the referents, for the explanation (``renewed`` false: a learned
    candidate whose referents all go on at that year)."""
    if dated is None:
        return ""
    year, source = dated
    spans = [sp for e in ents if (sp := _span_of(e))]
    if not spans:
        return f" (document year {year}, from its {source})"
    if all(b < year or a < b == year for a, b in spans):
        return f" (over before {year}, the document's year from its {source})"
    if not renewed:
        return f" (still going on in {year}, the document's year from its {source}: no rule counts it, the model may)"
    return f" (still going on in {year}, the document's year from its {source}, but named as a renewed episode)"


def _gap_ok(ctx: DocContext, a: int, b: int, window: int, commas: bool = False) -> bool:
    if b < a or (not commas and "," in ctx.text[a:b]):
        return False
    # count at most window + 1 words, so a long gap costs O(window), not O(gap) (linear time on huge sentences)
    words = sum(1 for _ in islice(_WORD_RUN.finditer(ctx.text, a, b), window + 1))
    return words <= window and not _BREAK.search(ctx.text, a, b)


def _supports(ctx: DocContext, m: Mention, hit: Hit, cue: Cue, sent: tuple[int, int], prev: tuple[int, int],
              year: int | None = None, memo: dict[tuple[str, int], bool] | None = None) -> bool:
    if m.place and not cue.places:
        return False
    if m.general and (cue.kind not in m.kinds or "general" in cue.not_for):
        return False
    if _not_past(m, hit, cue, year, ctx.text):
        return False
    if m.entity.canonical in cue.not_for or f"type:{m.entity.type}" in cue.not_for:
        return False
    if m.entity.type == "year" and cue.kind not in ("comparison", "lesson"):
        return False
    if cue.kind == "label" and (m.entity.type not in _LABEL_TYPES or (
            # a system's name as predicate classifies ("the worst form of interference is colonialism");
            # a label names an agent ("is a Nazi", "are fascists", "is Hitler")
            cue.position == "before" and m.surface.lower().endswith("ism"))):
        return False
    if m.entity.type == "year" and (_BASELINE.search(ctx.text, max(0, m.start - 40), m.start)
                                    or _LEVEL_AFTER.match(ctx.text, m.end)
                                    or (cue.kind == "comparison" and _measures(ctx, sent, memo))):
        # "1990 levels", "down 10 per cent compared with 1980", "30 per cent lower than those of 1980": a baseline
        return False
    if (m.entity.type == "year" and year is not None and m.entity.canonical.isdigit()
            and year - int(m.entity.canonical) <= _RECENT_YEARS):
        return False  # "as was the case in 1986" said in 1987: last year's figures or news, not a historical referent
    if cue.unless_before is not None and cue.unless_before.search(ctx.text[max(0, hit.start - 30) : hit.start]):
        return False
    if cue.requires is not None:
        # one search per sentence and pattern: many mentions of one long sentence must not each rescan it
        key = (cue.requires.pattern, sent[0])
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = cue.requires.search(ctx.text, sent[0], sent[1]) is not None
            if memo is not None:
                memo[key] = found
        if not found:
            return False
    if cue.position == "before":
        if hit.end > m.start:
            return False
        if not _gap_ok(ctx, hit.end, m.start, cue.window):
            # a comparison or lesson may reach its referent through a noun of time or episode that heads it
            # ("since the end of the Second World War", "the experience of the events of the 1930s"): those
            # words do not count against the window
            if cue.kind not in ("comparison", "lesson") or m.start - hit.end > 120:
                return False
            framed = _FRAMES.search(ctx.text, hit.end, m.start)
            if framed is None or not _gap_ok(ctx, hit.end, framed.start(), cue.window):
                return False
        # (the gap is a few words here) "a new member of the League", "the new order that fascism wanted":
        # an identity cue must make a new X, not a new thing of X or a clause about X
        return cue.kind != "identity" or not _OF_OR_RELATIVE.search(ctx.text, hit.end, m.start)
    if cue.position == "after":
        return hit.start >= m.end and _gap_ok(ctx, m.end, hit.start, cue.window, commas=True)
    if cue.position == "sentence":
        return sent[0] <= hit.start < sent[1]
    return not m.place and prev[0] <= hit.start < sent[1]  # previous sentence or this one


def _measures(ctx: DocContext, sent: tuple[int, int], memo: dict[tuple[str, int], bool] | None) -> bool:
    """Whether the sentence measures something (a percentage, "times as many"), searched once per sentence."""
    key = ("measure", sent[0])
    if memo is not None and key in memo:
        return memo[key]
    found = _MEASURE.search(ctx.text, sent[0], sent[1]) is not None
    if memo is not None:
        memo[key] = found
    return found


@lru_cache(maxsize=1)
def _name_filters() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rows = lexicons.load("target_name_filters")
    return (
        frozenset(r["word"] for r in rows if r["class"] == "title"),
        frozenset(r["word"] for r in rows if r["class"] in ("title", "prefix")),
        frozenset(r["word"] for r in rows if r["class"] == "not_person"),
    )


def _names_before(ctx: DocContext, pos: int) -> list[tuple[int, str]]:
    """Person names before ``pos``: capitalised names whose surname appears after a title somewhere before."""
    cs, _, _, _ = _gazetteer_of(ctx)
    titles, prefixes, not_person = _name_filters()
    lo = max(0, pos - 3000)
    past = {h.start for h in cs.finditer(ctx.text, lo, pos)}
    out = []
    titled: set[str] = set()
    for m in _NAME.finditer(ctx.text, lo, pos):
        words = m.group().replace("-", " - ").split()
        had_title = False
        while words and words[0] in prefixes:
            had_title = had_title or words[0] in titles
            words.pop(0)
        words = [w for w in words if w != "-"]
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        had_title = had_title or bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.\s*$", before))
        if len(words) < 2 or any(w in not_person for w in words):
            continue
        name = m.group()[m.group().find(words[0]) :]
        start = m.end() - len(name)
        if any(start <= p < m.end() for p in past):
            continue
        if had_title:
            titled.add(_surname(name))
        if _speech_after().match(ctx.text, m.end()):
            continue
        out.append((start, name))
    return [(s, n) for s, n in out if _surname(n) in titled]


def _surname(name: str) -> str:
    last = re.split(r"[\s]+", name)[-1]
    return re.sub(r"^(?:al|el)-", "", last)


def _context_target(ctx: DocContext, pos: int) -> str | None:
    names = _names_before(ctx, pos)
    if not names:
        return None
    nearest = names[-1][1]
    same = [n for _, n in names if _surname(n) == _surname(nearest)]
    return max(same, key=len)


def _target(ctx: DocContext, kind: str | None, position: str | None, hit: Hit | None, sent: tuple[int, int],
            first: Mention, others: list[Mention]) -> str | None:
    """The present target of a row (:func:`toolkit.devices.analogy_target.present_target`, for a rule's row with
    the cue that fired, for a learned candidate with the referent alone); for a rule's row that names none
    (but for a precedent cue in the sentence), the person named earlier in the text whom it is about ("Gaddafi is the
    same" → the Bashar al-Assad of the paragraphs before). ``others``: the sentence's other past mentions, which
    are never the present target."""
    attached = position == "suffix" or (kind == "label" and position == "after")
    found = analogy_target.present_target(ctx.text, sent, (first.start, first.end),
                                          (hit.start, hit.end) if hit is not None else None, kind, attached,
                                          [(m.start, m.end) for m in others])
    if found or kind is None or (kind == "precedent" and hit is not None and hit.start >= sent[0]):
        return found  # a precedent in the sentence ("They've been to Afghanistan") is about its own subject
    return _context_target(ctx, sent[0])


def _describe(ent: Entity) -> str:
    if ent.type == "year":
        return f"a past date ({ent.canonical})"
    if ent.note == _GENERAL_NOTE:
        kind = {"generic": "kind of past event", "era": "past period"}.get(ent.type, f"past {ent.type}")
        return f"a {kind} ({ent.canonical}; {ent.note}, historical_expressions.tsv)"
    period = "" if not ent.period or any(ch.isdigit() for ch in ent.canonical) else f", {ent.period}"
    return f"a past {ent.type} ({ent.canonical}{period})"


_PERIOD_YEAR = re.compile(r"\d{4}s?")
#: nouns of time or of an episode that head a referent ("the end of X", "the bitter experience of the events of
#: X"): a chain of them right before the mention, each with its "of" (and article or possessive)
_FRAMES = re.compile(
    r"(?:\s*\b(?:the|its|their|our|his|her|this|that)?\s*(?:[a-z]+\s+)?(?:end|beginning|start|outbreak|eve|aftermath|"
    r"wake|days?|times?|era|period|years|events?|experiences?|horrors?|tragedy|tragedies|memory|memories|"
    r"victims|legacy|history)\s+of\s+(?:the\s+)?)+$",
    re.IGNORECASE,
)
#: "a new phase / wave / chapter of" X names a part of X, which goes on: no renewal of a finished episode
_PART_OF = re.compile(r"\b(?:phases?|waves?|chapters?|stages?|rounds?)\s+of\s*$", re.IGNORECASE)
#: what may stand between a renewal cue and its mention: quotes and an article ("the days of the 'cold war'")
_RENEWAL_GAP = re.compile(r"[\s\"'“”‘’]+|\bthe\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _span_of(entity: Entity) -> tuple[int, int] | None:
    """First and last year of an entity's period ("1938", "1969-2011", "1920s-1940s"), or None."""
    years = _PERIOD_YEAR.findall(entity.period)
    if not years:
        return None
    last = years[-1]
    return int(years[0][:4]), int(last[:4]) + (9 if last.endswith("s") else 0)


def _without_covered_years(hits: list[tuple[Mention, Hit, Cue]]) -> list[tuple[Mention, Hit, Cue]]:
    """Drop a bare year that a named episode of the same analogy covers ("the Munich Agreement … 1938"):
    one referent, not two. A year no named episode covers stays."""
    spans = [sp for m, _, _ in hits if m.entity.type != "year" and (sp := _span_of(m.entity))]
    if not spans:
        return hits
    kept = [(m, h, c) for m, h, c in hits
            if not (m.entity.type == "year" and m.entity.canonical.isdigit()
                    and any(a <= int(m.entity.canonical) <= b for a, b in spans))]
    return kept or hits


_Group = list[tuple[Mention, Hit, Cue]]


def _rule_groups(ctx: DocContext) -> tuple[list[Mention], tuple[int, str] | None, dict[int, _Group],
                                           dict[int, list[tuple[Hit, Cue]]]]:
    """The document's mentions (years not past at its date left out), its date, per sentence index the
    (mention, cue hit, cue) triples the construction rules support, and per sentence index every cue hit in
    it (whether or not a rule's position and window let it support a mention)."""
    mentions = _mentions(ctx)
    if not mentions:
        return [], None, {}, {}
    dated = document_year(ctx)
    year = dated[0] if dated else None
    if year is not None:
        # a year or decade that is not past at the document's date can never be supported (no renewal cue
        # applies to a date): its sentence need not be scanned for cues
        mentions = [m for m in mentions if m.entity.type != "year" or _past_date(m.entity, year)]
        if not mentions:
            return [], dated, {}, {}
    # cues are looked for in the sentences with a mention; the sentence before is read only for the
    # cues that may stand there ("We have been through this.") — the others must share the sentence
    own = {ctx.sentence_of(m.start) for m in mentions} - {-1}
    before = {si - 1 for si in own if si > 0}
    by_sentence: dict[int, list[tuple[Hit, Cue]]] = {}
    cues = _cues(ctx.lexicon("analogy_cues"))
    group = _cue_group(tuple(matcher for _, matcher, _ in cues))
    everywhere = range(len(cues))
    previous = [k for k, (position, _, _) in enumerate(cues) if position == "previous"]
    for si in sorted(own | before):
        s, e = ctx.sentences[si]
        which = everywhere if si in own else previous
        for k, hits in zip(which, group.finditer(ctx.text, s, e, which), strict=True):
            infos = cues[k][2]
            for h in hits:
                for cue in infos[h.index]:
                    by_sentence.setdefault(si, []).append((h, cue))
    groups: dict[int, list[tuple[Mention, Hit, Cue]]] = {}
    memo: dict[tuple[str, int], bool] = {}
    nearby: dict[int, tuple[list[int], list[tuple[Hit, Cue]]]] = {}
    for m in mentions:
        si = ctx.sentence_of(m.start)
        if si < 0:
            continue
        sent = ctx.sentences[si]
        prev = ctx.sentences[si - 1] if si > 0 else sent
        if si not in nearby:
            pool = sorted(by_sentence.get(si, []) + by_sentence.get(si - 1, []), key=lambda hc: hc[0].start)
            nearby[si] = ([h.start for h, _ in pool], pool)
        starts, pool = nearby[si]
        # only the cue hits nearest the mention are candidates: in one huge sentence every mention would
        # otherwise be paired with every hit (quadratic); natural sentences hold far fewer than this
        at = bisect_left(starts, m.start)
        best: tuple[int, Hit, Cue] | None = None
        for h, cue in pool[max(0, at - _NEAREST_HITS) : at + _NEAREST_HITS]:
            if _supports(ctx, m, h, cue, sent, prev, year, memo):
                dist = min(abs(h.start - m.end), abs(m.start - h.end))
                if best is None or dist < best[0]:
                    best = (dist, h, cue)
        for pattern, cue in _suffixes(ctx.lexicon("analogy_cues")):
            attached = pattern.match(ctx.text, m.end)
            if not attached or (m.place and not cue.places) or m.entity.type == "year":
                continue
            hit = Hit(attached.start(), attached.end(), -1, attached.group())
            if m.entity.canonical not in cue.not_for and not _not_past(m, hit, cue, year, ctx.text):
                best = (0, hit, cue)
                break
        if best is not None:
            groups.setdefault(si, []).append((m, best[1], best[2]))
    return mentions, dated, groups, by_sentence


def _candidates(ctx: DocContext, mentions: list[Mention], dated: tuple[int, str] | None
                ) -> dict[int, tuple[list[Mention], bool]]:
    """Per sentence index, the mentions the learned model reads and whether they are past: the mentions past at
    the document's date (all of them when it has none), else, in a sentence with none, the named ones still going
    on at that date that are eras, systems, regimes or policies (:data:`_ONGOING_SOURCES`), not a place or the
    future (the Cold War in a 1980s speech: no rule counts it, but a sentence may still use its earlier years to
    characterise the present; the model reads them with the mark ``<notpast>``)."""
    past: dict[int, list[Mention]] = {}
    present: dict[int, list[Mention]] = {}
    for m in mentions:
        si = ctx.sentence_of(m.start)
        if si < 0:
            continue
        if dated is not None and (span := _span_of(m.entity)) is not None and not _past_date(m.entity, dated[0]):
            if span[0] <= dated[0] and not m.place and m.entity.type in _ONGOING_SOURCES:
                present.setdefault(si, []).append(m)
        else:
            past.setdefault(si, []).append(m)
    out = {si: (ms, True) for si, ms in past.items()}
    out.update({si: (ms, False) for si, ms in present.items() if si not in past})
    return dict(sorted(out.items()))


def _features(ctx: DocContext, si: int, ms: list[Mention], kind: str | None,
              cue_hits: dict[int, list[tuple[Hit, Cue]]], year: int | None, past: bool = True) -> list[str]:
    """The model features of sentence ``si``: its words, and what the rules know about it — the rule kind that
    fired (``kind``), the kinds of the cues it holds wherever they stand (``<cue:lesson>``), the referents' types
    (``<type:war>``, ``<place>``), ``<notpast>`` when none of them is over at the document's date (``past``
    false), and the sentence's structure (:func:`toolkit.devices.analogy_model.structure_marks`: each cue's side
    of and distance to the referent, the referents' ages at the document's ``year``, how many referents and cues).
    """
    s, e = ctx.sentences[si]
    marks = [f"<rule:{kind}>", "<rule>"] if kind else []
    marks += [] if past else ["<notpast>"]
    inside = [(h.start - s, h.end - s, cue.kind) for h, cue in cue_hits.get(si, []) if s <= h.start < e]
    marks += sorted({f"<cue:{k}>" for _, _, k in inside})
    for m in ms:
        marks.append("<type:general>" if m.general else f"<type:{m.entity.type}>")
        if m.place:
            marks.append("<place>")
    spans = [(m.start - s, m.end - s) for m in ms]
    ages = [year - span[1] for m in ms if year is not None and (span := _span_of(m.entity)) is not None]
    marks += analogy_model.structure_marks(ctx.text[s:e], spans, inside, ages)
    return analogy_model.sentence_features(ctx.text[s:e], spans, marks)


def sentence_features(ctx: DocContext) -> dict[int, list[str]]:
    """Model features (:func:`_features`) of every sentence that names a past referent, by sentence index:
    the input of the learned decision, for :func:`detect` and the training script alike."""
    mentions, dated, groups, cue_hits = _rule_groups(ctx)
    year = dated[0] if dated else None
    return {si: _features(ctx, si, ms, groups[si][0][2].kind if si in groups else None, cue_hits, year, past)
            for si, (ms, past) in _candidates(ctx, mentions, dated).items()}


def _ongoing(described: str) -> str:
    """"a past era (Cold War, …)" → "an era (Cold War, …)": a referent not over at the document's date."""
    rest = described.removeprefix("a past ")
    return described if rest == described else ("an " if rest[:1] in "aeiou" else "a ") + rest


def _learned_rows(ctx: DocContext, mentions: list[Mention], dated: tuple[int, str] | None,
                  groups: dict[int, _Group], cue_hits: dict[int, list[tuple[Hit, Cue]]]) -> list[dict]:
    """``analogy_candidate`` rows: sentences that name a past referent, that no rule made an analogy and that the
    learned model scores at or above its threshold (recall for review, at a lower precision: docs/analogy.md)."""
    lex = ctx.lexicon("analogy_model")
    model = analogy_model.model(lex)
    rows = []
    year = dated[0] if dated else None
    for si, (ms, past) in _candidates(ctx, mentions, dated).items():
        if si in groups:
            continue
        features = _features(ctx, si, ms, None, cue_hits, year, past)
        if model.score(features) < model.threshold:
            continue
        p, parts = model.probability(features)
        top = [(f, c) for f, c in parts if c > 0][:4]  # the features (words and marks) that raised the score most
        words = [f for f, c in parts if c > 0 and not f.startswith("<")]  # the cue column: the top word
        ents = list(dict.fromkeys(m.entity for m in ms))
        names = " and ".join(quoted(x) for x in list(dict.fromkeys(m.surface for m in ms))[:3])
        verb = "names" if len({m.surface for m in ms}) == 1 else "name"
        described = " and ".join(_describe(x) if past else _ongoing(_describe(x)) for x in ents[:3])
        raised = ", ".join(f"{analogy_model.describe(f)} ({c:+.2f})" for f, c in top)
        explanation = (
            f"{names} {verb} {described}{_dating(ents, dated, renewed=past)}; no construction rule fired, but the "
            f"learned model ({lex.label}) scores the sentence {p:.2f}, at or above its threshold "
            f"{model.threshold:.2f}; the features that raised the score most (X = the referent): {raised or 'none'} "
            "(rule: learned)."
        )
        start, end = min(m.start for m in ms), max(m.end for m in ms)
        rows.append(ctx.row(start, end, CANDIDATE, words[0] if words else "",
                            explanation, referent="; ".join(dict.fromkeys(x.canonical for x in ents)),
                            target=next(filter(None, (_target(ctx, None, None, None, ctx.sentences[si], m, ms)
                                                      for m in ms)), None), score=round(p, 4)))
    return rows


def detect(ctx: DocContext) -> list[dict]:
    """Historical-analogy rows for one document.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document("We must not repeat the mistakes of Vietnam.")))
    >>> rows[0]["referent"], rows[0]["cue"]
    ('Vietnam War', 'repeat the mistakes of')
    """
    mentions, dated, groups, cue_hits = _rule_groups(ctx)
    if not mentions:
        return []
    rows = []
    for si, found in groups.items():
        hits = _without_covered_years(found)
        sent = ctx.sentences[si]
        first_m, first_h, first_c = hits[0]
        inside = [(m.start, m.end) for m, _, _ in found] + [  # the span covers every mention, also a dropped year
            (h.start, h.end) for _, h, _ in found if sent[0] <= h.start < sent[1]
        ]
        start = min(s for s, _ in inside)
        end = max(e for _, e in inside)
        referents = list(dict.fromkeys(m.entity.canonical for m, _, _ in hits))
        surfaces = list(dict.fromkeys(m.surface for m, _, _ in hits))
        names = " and ".join(quoted(x) for x in surfaces[:3])
        ents = list(dict.fromkeys(m.entity for m, _, _ in hits))
        if len(ents) > 1 and len({e.type for e in ents}) == 1 and ents[0].type != "year":
            described = f"past {ents[0].type}s ({'; '.join(e.canonical for e in ents[:3])})"
        else:
            described = " and ".join(_describe(e) for e in ents[:3])
        verb = "names" if len(surfaces) == 1 else "name"
        where = " in the sentence before" if first_h.start < sent[0] else ""
        when = _dating(ents, dated)
        explanation = (
            f"{names} {verb} {described}{when}; {quoted(first_h.text)}{where} {first_c.explanation}, "
            f"so the past is used to characterise the present (rule: {first_c.kind} cue)."
        )
        rows.append(ctx.row(
            start, end, DEVICE, first_h.text, explanation,
            referent="; ".join(referents),
            target=_target(ctx, first_c.kind, first_c.position, first_h, sent, first_m, [m for m, _, _ in found]),
        ))
    rows += _learned_rows(ctx, mentions, dated, groups, cue_hits)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows
