"""Speech cues and the word lists the quote rules read: verbs, titles, pronouns, grammar words.

Owns: loading the lexicon files under ``toolkit/data/lexicons/`` through
``toolkit.lexicons`` — ``reporting_verbs`` (form → lemma, class, complement),
``speaker_titles``, ``pronouns``, ``anonymous_sources``, ``quote_contexts``
and the function-word classes of ``quote_grammar`` (``_grammar(cls)``) — and
recognising a cue in a token list: ``_cue_at`` (a listed reporting verb or a
fixed phrase such as *according to*), ``_generic_cue`` (an unlisted verb +
*that*), ``_cue_positions`` (where cues may start), ``_is_stop``,
``_next_is_frame``, ``_is_opener``. To add a speech verb, add a row to
``reporting_verbs.tsv``; a language gets its own file (``reporting_verbs_de.tsv``),
listed in ``_VERB_LEXICONS``, and its own titles and determiners
(``speaker_titles_de.tsv``, listed in ``_TITLE_LEXICONS``). ``_lex()`` is the
lexicon of the current document's language (:mod:`toolkit.quotes.language`).

Must not touch: quote marks, speaker resolution or rows; depends only on
:mod:`toolkit.quotes.tokens` and :mod:`toolkit.quotes.language`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from .language import _CURRENT
from .tokens import _Tok


@dataclass(frozen=True)
class _Lex:
    verbs: dict[str, tuple[str, str, str]]  # form -> (lemma, class, complement)
    first_words: frozenset[str]  # first word of every cue form, lower case
    titles: dict[str, set[str]]
    pronouns: dict[str, str]
    anon_heads: frozenset[str]
    anon_qualifiers: tuple[str, ...]
    title_cues: frozenset[str]
    nickname_cues: frozenset[str]
    determiners: frozenset[str]
    lang: str = "en"
    compounds: bool = False  # German: a compound ending in a title or role noun is one (Außenminister)
    definite: frozenset[str] = frozenset(("the", "this", "that"))  # determiners of a definite description
    #: English verbs of stance toward an object (supported the plan, talked about the war): form -> (lemma,
    #: class, complement: ``object`` or the preposition before the object); read by the reported-speech rule only
    stance: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: English stance readings of verbs listed with another class, read only before their preposition (agreed with
    #: the plan: the verb of thinking *agree* takes a that-clause or an infinitive, the stance verb *agree with* an
    #: object): form -> {preposition: (lemma, "stance", preposition)}
    prep_stance: dict[str, dict[str, tuple[str, str, str]]] = field(default_factory=dict)

    def title_classes(self, low: str) -> set[str]:
        """The classes of a title word; in German also of a compound ending in one (Regierungssprecher)."""
        found = self.titles.get(low)
        if found is not None or not self.compounds:
            return found or set()
        for i in range(2, len(low) - 3):
            head = self.titles.get(low[i:])
            if head is not None and head & {"title", "role"}:
                return head & {"title", "role"}
        return set()


#: the reporting-verb files per language (same columns); English is read in every language
#: (news in any language quotes English speakers, and no form collides)
_VERB_LEXICONS = {"en": ("reporting_verbs",), "de": ("reporting_verbs", "reporting_verbs_de"),
                  "es": ("reporting_verbs", "reporting_verbs_es"), "fr": ("reporting_verbs", "reporting_verbs_fr")}
#: speaker titles, role nouns and determiners per language (``term, class``; class ``determiner``
#: adds an article to the determiners)
_TITLE_LEXICONS = {"en": ("speaker_titles",), "de": ("speaker_titles", "speaker_titles_de"),
                   "es": ("speaker_titles", "speaker_titles_es"), "fr": ("speaker_titles", "speaker_titles_fr")}

_PRONOUN_LEXICONS = {"en": ("pronouns",), "de": ("pronouns", "pronouns_de"), "es": ("pronouns", "pronouns_es"),
                     "fr": ("pronouns", "pronouns_fr")}


def _de_cue_words() -> frozenset[str]:
    """German words that can make a sentence reported speech without a reporting verb: ``so`` (``, so X``),
    the according-to words (``laut``, ``zufolge``, ``nach Angaben``), ``heißt es`` and the Konjunktiv I forms."""
    return frozenset({"so", "nach"}) | _grammar("source_preposition_de") | _grammar("source_postposition_de") \
        | _grammar("konjunktiv_de") | _grammar("hearsay_de")


def _lex() -> _Lex:
    """The lexicon of the current document's language."""
    return _lex_for(_CURRENT.get())


@lru_cache(maxsize=8)
def _lex_for(lang: str) -> _Lex:
    rows = [r for name in _VERB_LEXICONS[lang] for r in lexicons.load(name)]
    verbs = {r["form"]: (r["lemma"], r["class"], r["complement"]) for r in rows if r["class"] != "stance"}
    stance = {r["form"]: (r["lemma"], r["class"], r["complement"]) for r in rows
              if r["class"] == "stance" and lang == "en" and r["form"] not in verbs}
    prep_stance: dict[str, dict[str, tuple[str, str, str]]] = {}
    for r in rows:
        if r["class"] == "stance" and lang == "en" and r["form"] in verbs and r["complement"] != "object":
            prep_stance.setdefault(r["form"], {})[r["complement"]] = (r["lemma"], r["class"], r["complement"])
    forms = sorted(verbs, key=len, reverse=True)
    extra = _de_cue_words() if lang == "de" else frozenset()
    view = _grammar("view_noun") | _grammar("opening_source") | {
        p.split()[0] for p in _grammar("topic_noun") | _grammar("topic_adjective") | _grammar("intent_noun")
        | _grammar("agent_noun")} | _SELF_LABEL_HEADS \
        if lang == "en" else frozenset()
    first_words = frozenset({f.split()[0] for f in forms} | {"according"} | extra | set(stance) | view)
    titles: dict[str, set[str]] = {}
    extra_determiners = set()
    for name in _TITLE_LEXICONS[lang]:
        for r in lexicons.load(name):
            if r["class"] == "determiner":
                extra_determiners.add(r["term"])
            else:
                titles.setdefault(r["term"], set()).add(r["class"])
    ctx = lexicons.load("quote_contexts")
    anon = lexicons.load("anonymous_sources")
    return _Lex(
        verbs=verbs,
        first_words=first_words,
        titles=titles,
        pronouns={r["pronoun"]: r["kind"] for name in _PRONOUN_LEXICONS[lang] for r in lexicons.load(name)},
        anon_heads=frozenset(r["term"] for r in anon if r["class"] == "head"),
        anon_qualifiers=tuple(r["term"] for r in anon if r["class"] == "qualifier"),
        title_cues=frozenset(r["word"] for r in ctx if r["class"] == "title_cue"),
        nickname_cues=frozenset(r["word"] for r in ctx if r["class"] == "nickname_cue"),
        determiners=frozenset(r["word"] for r in ctx if r["class"] == "determiner") | extra_determiners,
        lang=lang,
        compounds=lang == "de",
        definite=frozenset(("the", "this", "that")) | {d for d in extra_determiners if not d.startswith(("ein", "un"))},
        stance=stance,
        prep_stance=prep_stance,
    )


def _grammar(cls: str) -> frozenset[str]:
    """One word class of the ``quote_grammar`` data file (function words the rules rely on)."""
    return frozenset(r["word"] for r in lexicons.load("quote_grammar") if r["class"] == cls)


_ABBREV = _grammar("abbreviation")
_STOP_BACK = _grammar("clause_boundary")
_AUX = _grammar("auxiliary")
#: English nouns in -ly that are no adverbs ("a pro-Trump rally said", "the Khan family")
_LY_NOUNS = _grammar("ly_noun")
#: English adjectives that stand before a noun, after which a verb's -s form is a noun ("best wishes")
_PRENOMINAL = _grammar("prenominal")
_COORD_VERB = _grammar("coordinated_verb")
_BE = _grammar("be")
_ADDRESSEES = _grammar("addressee")
_CLAUSE_SKIP = _grammar("clause_adverb")
_ORG_WORDS = _grammar("organisation_word")
_PARTICLES = _grammar("name_particle")
_CLAUSE_WORDS = _grammar("clause_word")
_NOT_NAME = _grammar("not_name")
#: days, months and other time nouns: "police on Thursday" is "police", "This past Friday" no speaker
_TIME_WORDS = _grammar("time_word")
#: heads of a description that never stand for a person ("the statement", "the police"), with _ORG_WORDS
_NON_PERSON_HEADS = _grammar("non_person_head")
_NON_PERSON = _NON_PERSON_HEADS | _ORG_WORDS
#: words after which "back" is a particle or an adverb ("come back", "years back"), not the verb of support
_BACK_PARTICLE = _grammar("back_particle")
_BACK_AFTER = _grammar("back_after")
#: contracted forms that never name a speaker ("That's mostly bugfixes", "Let's say")
_NOT_SPEAKER = _grammar("not_speaker")
#: English: subjects that attribute a claim to no one ("no one", "one": the writer's own claim)
_NO_SOURCE = _grammar("no_source")
#: English: the verb of a first-person exhortation ("let" + us / me)
_HORTATIVE = _grammar("hortative")
_CLAUSE_CUT = _grammar("clause_cut")
_FINITE_AUX = _grammar("finite_auxiliary")
_COMPLEMENTIZERS = _grammar("complementizer")  # that, whether, if; dass, ob; que
_DROPPED_COMPLEMENTIZERS = _grammar("complementizer_dropped")  # left out of the reported content (that)
_NEGATION = _grammar("negation")
_OPENERS = _grammar("opener")
_NOUN_DET = _grammar("noun_determiner")
_FRAME_LINK = _grammar("frame_link")
_ASK_OPENERS = _grammar("ask_opener")
_ASK_WORDS = _grammar("ask_word")
_FINDING_SOURCES = _grammar("finding_source")
_PASSIVE_REPORT = _grammar("passive_report")
_RESPONSE_VERBS = _grammar("response_verb")  # English lemmas: "responded to the remarks" (the topic after to)
_PASSIVE_AS = _grammar("passive_report_as")  # English: "is widely regarded as", "is seen as": a judgement, no speaker
_CLAIM_NOUNS = _grammar("claim_noun")
#: English frames of a that-clause with no reporting verb (quote_grammar 2.7): adjectives of certainty and
#: feeling after *be* (is confident that), nouns a light verb takes (made the case that), light verbs,
#: linking verbs before an adjective, and participles of an impersonal passive report (it was announced that)
_REPORT_ADJECTIVES = _grammar("report_adjective")
_REPORT_NOUNS = _grammar("report_noun") | _CLAIM_NOUNS
_LIGHT_VERBS = _grammar("light_verb")
_LINKING_VERBS = _grammar("linking_verb")
_IMPERSONAL_REPORT = _grammar("impersonal_report")
#: English nouns of a point of view that frame a clause: "In Smith's view, …", "in the opinion of X, …"
_VIEW_NOUNS = _grammar("view_noun")
#: English nouns of a source that frames the clause after an opening "In …,": "In a CBS News poll last month, …"
_OPENING_SOURCES = _grammar("opening_source")
def _topic_words(cls: str) -> dict[str, frozenset[str]]:
    """A ``quote_grammar`` class of ``word preposition`` pairs as word -> its prepositions."""
    out: dict[str, frozenset[str]] = {}
    for pair in _grammar(cls):
        word, prep = pair.split()
        out[word] = out.get(word, frozenset()) | {prep}
    return out


#: English nominalisations of reporting and stance verbs, and adjectives of stance, with the preposition that
#: takes their topic (``topic_noun``: his criticism of X, attacks on X, calls for X; ``topic_adjective``: is
#: critical of X): word -> prepositions
_TOPIC_NOUNS = _topic_words("topic_noun")
_TOPIC_ADJECTIVES = _topic_words("topic_adjective")
#: English agent nouns of stance with the preposition of what they stand for or against (``agent_noun``:
#: supporters of X, a critic of Y, an advocate for Z; Quirk et al. 1985, 17.52, agentive nominalisations): the
#: holder is the agent noun's own phrase, or the subject it is predicated of or set in apposition to
_AGENT_NOUNS = _topic_words("agent_noun")
#: English compounds of *self-* with a participle of naming (``self_label``: a self-described socialist): the
#: noun phrase they modify is what its referent calls itself (a cue at the letters before the hyphen)
_SELF_LABELS = _grammar("self_label")
#: the word before the hyphen of those compounds (*self*): what the cue scan and its prefilter meet first
_SELF_LABEL_HEADS = frozenset(w.split("-")[0] for w in _SELF_LABELS)
#: English nouns of intention, decision and commitment whose complement is a to-infinitive (his plan to …)
_INTENT_NOUNS = _grammar("intent_noun")
#: English verbs whose participle with a noun-phrase object after a noun modifies that noun and reports nothing
_MODIFIER_PARTICIPLES = _grammar("modifier_participle")
#: simple past forms of irregular verbs (``quote_grammar`` class ``past_irregular``)
_PAST_IRREGULAR = _grammar("past_irregular")
_DE_PREPOSITIONS = _grammar("preposition_de")
_DE_FRONTED = _grammar("fronted_adverb_de")
_DE_AUX = _grammar("auxiliary_de")
#: German adverbs, pronominal adverbs, conjunctions and question words that open a clause and are no subject
_DE_ADVERBS = _grammar("adverb_de")
_DE_DEMONSTRATIVES = _grammar("demonstrative_de")  # das, dies: "Das sagte der Minister" after a quotation
_DE_HEARSAY = _grammar("hearsay_de")  # heißt, hieß: "heißt es in der Mitteilung"
_DE_HEARSAY_PLACE = _grammar("hearsay_place_de")  # in, im, auf: the text that says it
_DE_FINITE_AUX = _grammar("finite_auxiliary_de")  # hat, hatte, ist, wurde …: the finite verb before a participle
_DE_COORD = _grammar("coordinator_de")  # und, oder, sowie: they join two phrases of one constituent
#: auxiliaries before a participle cue, per language (German also the adverbs between subject and cue)
_LANG_AUX = {"de": _DE_AUX, "fr": _grammar("auxiliary_fr"), "es": _grammar("auxiliary_es")}
_PREPOSITIONS = frozenset({"to", "with", "for", "on", "in", "at", "from", "by", "about", "over", "against"})


def _cue_at(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """A reporting cue starting at toks[k]: (lemma, start, end)."""
    lex = _lex()
    t = toks[k]
    low = t.low
    if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
        return "according to", t.s, toks[k + 1].e
    if low in ("pointed", "points", "point", "pointing") and k + 1 < len(toks) and toks[k + 1].low == "out":
        return "point out", t.s, toks[k + 1].e
    if low in ("call", "calls", "called", "calling") and k + 1 < len(toks) and toks[k + 1].low == "for" \
            and not (k > 0 and toks[k - 1].low in _NOUN_DET):
        return "call for", t.s, toks[k + 1].e  # "called for a ban on …": the demand is the content
    if low in ("put", "puts") and k + 1 < len(toks) and toks[k + 1].low == "it":
        return "put it", t.s, toks[k + 1].e  # "as X put it, "…""
    if low == "so" and lex.lang == "de" and k > 0 and toks[k - 1].t == "," and k + 1 < len(toks) and (
        toks[k + 1].cap or toks[k + 1].low in lex.determiners
    ):
        return "so", t.s, t.e  # German ", so der Sprecher": the attribution after a quotation or a clause
    v = lex.verbs.get(low)
    if v is None or v[0] == "point out" or v[2] == "evidential":
        return None
    if t.cap and k > 0 and toks[k - 1].t not in ('"', "'", ",", ":", "-", "("):
        title_case = (toks[k - 1].cap and k + 1 < len(toks) and toks[k + 1].cap and t.t[1:].islower()
                      and (v[0] in ("say", "tell", "warn", "claim", "admit", "insist", "predict", "vow")
                           or (lex.lang == "en" and v[2] != "frame" and _title_case(toks))))
        if not title_case:
            return None  # "United States", "Reports"; not a headline's "Doe Says She …"
    if lex.lang == "en" and v[0] == "add" and k + 1 < len(toks) and toks[k + 1].low == "to":
        return None  # "adding to his lead": to increase, not to say more
    compound_past = lex.lang in ("fr", "es") and k > 0 and toks[k - 1].low in _LANG_AUX[lex.lang]  # a déclaré
    if k > 0 and toks[k - 1].low in _NOUN_DET and not compound_past:
        return None  # a noun after a determiner: "the state", "a report", "his claims"
    if _noun_after_preposition(toks, k):
        return None
    if lex.lang == "en" and k > 0 and low.endswith("s") and not low.endswith("ss") and _numeral(toks[k - 1]) \
            and toks[k - 1].low not in ("one", "1", "each"):
        return None  # after a plural number the -s form is a plural noun, not a verb: "in five states", "two reports"
    if lex.lang == "en" and k > 0 and not low.endswith("ing") and (
        toks[k - 1].low == "of" or (toks[k - 1].low.endswith("'s") and toks[k - 1].cap
                                    and toks[k - 1].low.split("'")[0] not in lex.pronouns)
    ) and k + 1 < len(toks) and toks[k + 1].t.isalpha() and toks[k + 1].t.islower() \
            and toks[k + 1].low not in _COMPLEMENTIZERS and toks[k + 1].low not in lex.determiners \
            and toks[k + 1].low != "to":
        return None  # a participle before a noun: "the number of confirmed cases", "Biden's alleged decline"
    return v[0], t.s, t.e


#: openers of an adverbial clause ("because", "while"): they end a noun-phrase object
_OBJECT_CUT = _grammar("object_cut")
#: endings of adjectives and participles: a base or -s form after such a word is a noun ("popular support")
_ADJECTIVE_ENDINGS = tuple(sorted(_grammar("adjective_suffix")))


def _title_case(toks: list[_Tok]) -> bool:
    """Is the sentence a headline in title case (every word of four letters or more capitalised)?"""
    words = [x for x in toks if len(x.t) > 3 and x.t.isalpha()]
    return len(words) >= 2 and all(x.t[0].isupper() for x in words)


def _noun_after_preposition(toks: list[_Tok], k: int) -> bool:
    """English: is the cue word toks[k] a base or -s form right after a preposition other than *to* or an
    adjective that only stands before a noun, so a noun ("resigned in protest", "declined a request for
    comment", "despite claims", "the new rules")?"""
    low, prev = toks[k].low, toks[k - 1].low if k > 0 else ""
    return _lex().lang == "en" and k > 0 and prev != "to" \
        and (_stopword_classes().get(prev) == "preposition" or prev in _PRENOMINAL) \
        and not low.endswith(("ed", "ing")) and low not in _PAST_IRREGULAR


def _stance_cue(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """An English verb of stance with its object ("endorsed Clinton", "talked about the war"): (lemma, start, end).

    The cue ends at the preposition a prepositional form takes ("referring to"); a word after a
    determiner is a noun ("his support"), a capitalised one inside a sentence a name.
    """
    lex = _lex()
    t = toks[k]
    info = lex.stance.get(t.low) or _prep_stance(toks, k)
    if info is None or (k > 0 and toks[k - 1].low in _NOUN_DET) or _noun_after_preposition(toks, k):
        return None
    if info[0] == "back" and ((k > 0 and toks[k - 1].low in _BACK_PARTICLE)
                              or (k + 1 < len(toks) and toks[k + 1].low in _BACK_AFTER)):
        return None  # "come back home", "a few years back", "backed away from": not "backed the plan"
    if t.cap and k > 0 and toks[k - 1].t not in ('"', "'", ",", ":", "-", "(") and not (
            toks[k - 1].cap and k + 1 < len(toks) and toks[k + 1].cap and t.t[1:].islower() and _title_case(toks)):
        return None  # a name ("Family Support Services"), unless in a title-case headline: "Le Pen Backs Trump"
    base = info[0].split()[0]
    if k > 0 and t.low in (base, base + "s", base + "es"):
        # a base or -s form is also a noun: not after a possessive or a word with a suffix of adjectives or
        # participles ("Rubio's campaign for", "popular support", "dampened plans", "growing support")
        prev = toks[k - 1]
        if prev.low.endswith("'s") or (prev.low not in lex.pronouns and prev.low not in _AUX and len(prev.low) > 4
                                       and prev.low.endswith(_ADJECTIVE_ENDINGS)) or prev.low in _PRENOMINAL:
            return None  # (also after an adjective that only stands before a noun: "exchanged best wishes")
    if t.low.endswith("ing") and info[0] == "plan" and 0 < k < len(toks) - 1 and toks[k - 1].t.isalpha() \
            and toks[k - 1].t.islower() and toks[k - 1].low not in _NOUN_DET and toks[k - 1].low not in _BE \
            and toks[k - 1].low not in _AUX and toks[k - 1].low not in lex.pronouns and toks[k + 1].t.isalpha() \
            and toks[k + 1].t.islower() and toks[k + 1].low not in _NOUN_DET and toks[k + 1].low not in lex.pronouns \
            and toks[k + 1].low not in _PREPOSITIONS and toks[k + 1].low not in _COMPLEMENTIZERS:
        return None  # "family planning policies", "urban planning": a noun, not the verb of intention
    if info[2] == "object":
        return info[0], t.s, t.e
    if k + 1 < len(toks) and toks[k + 1].low == info[2]:
        words = info[0].split()
        if len(words) == 3 and words[1] == info[2] and k + 2 < len(toks) and toks[k + 2].low == words[2]:
            return info[0], t.s, toks[k + 2].e  # a verb with a particle and a preposition: "weighed in on"
        return info[0], t.s, toks[k + 1].e
    p = _preposition_after_adjunct(toks, k, info[2]) if lex.lang == "en" else None
    return (info[0], t.s, toks[p].e) if p is not None else None


def _prep_stance(toks: list[_Tok], k: int) -> tuple[str, str, str] | None:
    """English: the stance reading of a verb listed with another class when its preposition follows it
    (``agreed with the nationalization of …``: *agree* with a that-clause is a verb of thinking, *agree with* an
    object a verb of stance; Quirk et al. 1985, 16.5 ff., prepositional verbs): (lemma, "stance", preposition), else
    None."""
    readings = _lex().prep_stance.get(toks[k].low)
    return readings.get(toks[k + 1].low) if readings and k + 1 < len(toks) else None


#: prepositions that open an adjunct of time, place or manner (at the rally, on Tuesday, in a speech)
_ADJUNCT_PREPOSITIONS = _grammar("adjunct_preposition")
#: words that end the search for a verb's preposition past an adjunct: a clause or a coordination goes on
_ADJUNCT_BREAKS = frozenset(("and", "or", "but", "that", "who", "which", "whom", "whose", "what", "to", "of", "as"))


def _preposition_after_adjunct(toks: list[_Tok], k: int, prep: str) -> int | None:
    """English: the index of the preposition ``prep`` of a prepositional verb at ``toks[k]`` when an adverb
    in -ly or an adjunct phrase of time or place stands between them (``spoke at the town hall on Tuesday
    about …``, ``talked openly about …``): an adjunct may come between a verb and its prepositional
    complement (Quirk et al. 1985, 8.21, 16.5). At most seven words, no punctuation, no verb; else None."""
    if k + 2 >= len(toks) or not (toks[k + 1].low in _ADJUNCT_PREPOSITIONS or _ly_adverb(toks[k + 1].low)):
        return None
    lex = _lex()
    for i in range(k + 2, min(len(toks), k + 9)):
        x = toks[i]
        if x.low == prep:
            return i
        if not x.t[:1].isalnum() or x.low in lex.verbs or x.low in _ADJUNCT_BREAKS or x.low in _COMPLEMENTIZERS:
            return None
    return None


def _ly_adverb(low: str) -> bool:
    """Does ``low`` end in -ly as an adverb does (in English not a noun such as *rally*, *family*)?"""
    return low.endswith("ly") and not (low in _LY_NOUNS and _lex().lang == "en")


def _is_aux(low: str) -> bool:
    """An auxiliary or adverb between a speaker and a cue: English, or the document language's (a déclaré)."""
    if low in _AUX:
        return True
    lang = _lex().lang
    return lang in ("fr", "es") and low in _LANG_AUX[lang]


def _generic_cue(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """An unlisted verb with a that-clause after a named or pronoun subject ("Sanders believes that …").

    The cue column then holds the verb as written (no lemma is known).
    """
    t = toks[k]
    if k == 0 or k + 1 >= len(toks) or toks[k + 1].low != "that" or t.cap or not t.t.isalpha():
        return None
    if not (t.low.endswith("ed") or t.low.endswith("s")) or t.low in _NOT_NAME or t.low in _CLAUSE_WORDS:
        return None
    prev = toks[k - 1]
    if not (prev.low in _lex().pronouns or (prev.cap and not prev.t.endswith("'s"))) or prev.low in ("it",):
        return None
    return t.low, t.s, t.e


def _is_stop(toks: list[_Tok], k: int) -> bool:
    t = toks[k]
    if t.t == ".":
        if k + 1 < len(toks) and toks[k + 1].t == "," and _CURRENT.get() == "en":
            return False  # a point before a comma ends an abbreviation, not a sentence: "Allentown, Pa., said"
        return not (k > 0 and (toks[k - 1].low in _ABBREV or (len(toks[k - 1].t) == 1 and toks[k - 1].cap)))
    return t.t in "!?;" or t.t == '"'


def _cue_positions(nt: str) -> list[int]:
    """Start offsets of every word that can begin a reporting cue (one pass over the text)."""
    first = _lex().first_words | {"that"}
    if _CURRENT.get() != "en":
        return [m.start() for m in _LETTERS.finditer(nt) if m.group().lower() in first]  # erklärte, déclaré
    words, after_other = _first_word_pattern(first)
    out: list[int] = []
    start = 0
    while start < len(nt):
        # pieces of about _PIECE characters cut before a white space (no run of letters crosses a cut), so
        # that the lower-cased copy stays small next to a long text
        cut = nt.find(" ", start + _PIECE)
        end = len(nt) if cut < 0 else cut
        piece = nt[start:end]
        low = piece.lower()
        # the runs of ASCII letters of the lower-cased text are those of the text when lower-casing keeps
        # every length and no other character becomes an ASCII letter (only U+0130 and U+212A do)
        if len(low) == len(piece) and "\u212a" not in piece:
            if (run := _LOWER_RUN.match(low)) is not None and run.group() in words:
                out.append(start)
            out.extend(start + 1 + m.start() for m in after_other.finditer(low))
        else:
            out.extend(m.start() for m in _ALPHA.finditer(nt, start, end) if m.group().lower() in first)
        start = end
    return out


_PIECE = 1 << 16


@lru_cache(maxsize=4)
def _first_word_pattern(first: frozenset[str]) -> tuple[frozenset[str], re.Pattern[str]]:
    """The words of ``first`` that are runs of two or more ASCII letters, and a pattern for such a word as a
    whole run of ASCII letters after a character that is no letter, in lower-cased text (``finditer``: a
    match starts one before the word; case-sensitive: faster than testing every run against the set).

    With the run at the text's start looked up in the set, the matches of ``(?<![a-z])word(?![a-z])``: a
    pattern that opens with a character class lets the regex engine skip to the characters of that class,
    one with a look-behind has it try the alternation at every position.
    """
    words = frozenset(w for w in first if re.fullmatch("[a-z]{2,}", w))
    return words, re.compile(rf"[^a-z](?:{lexicons.alternation(sorted(words))})(?![a-z])")


_LOWER_RUN = re.compile("[a-z]+")


_ALPHA = re.compile(r"[A-Za-z]{2,}")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _next_is_frame(toks: list[_Tok], i: int) -> bool:
    """Does a new frame start after the comma toks[i] (', telling reporters', ',” adding')?"""
    i += 1
    while i < len(toks) and toks[i].t in ('"', "'"):
        i += 1
    if i >= len(toks):
        return False
    nxt = toks[i]
    if nxt.low == "according":
        return True
    info = _lex().verbs.get(nxt.low)
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    # ", adding that …", ", telling reporters …" — not ", responding to pressure …"
    return info is not None and nxt.low.endswith("ing") and info[1] == "speech" and after not in _PREPOSITIONS


def _is_opener(t: _Tok) -> bool:
    """A sentence-opening adverbial rather than a subject: a preposition or a participle."""
    low = t.low
    return low in _OPENERS or (len(low) > 4 and low.endswith(("ing", "ed", "ly")) and not t.t[:2].isupper())


@lru_cache(maxsize=1)
def _stopword_classes() -> dict[str, str]:
    """Function word -> its class in ``stopwords.tsv`` (preposition, adverb, modal, pronoun…)."""
    return {r["word"]: r["class"] for r in lexicons.load("stopwords")}


#: words that stand for a person without naming one ("somebody wants to …")
_INDEFINITE = _grammar("indefinite_pronoun")
#: what follows the apostrophe of a pronoun-verb contraction ("it's", "we're", "I've")
_VERB_CONTRACTIONS = tuple(sorted(_grammar("verb_contraction")))
#: quantifiers that head a noun phrase with "of" ("most of the landlords", "all of them")
_QUANTIFIERS = _grammar("quantifier")
#: English number words ("five states", "one in five"): a verb form after one is a noun
_NUMBER_WORDS = _grammar("number_word")
#: English words before a number that make no prepositional phrase ("About one in five say")
_APPROXIMATORS = _grammar("approximator")


def _numeral(tok: _Tok) -> bool:
    """English: a number in digits or words, or a quantifier ("10", "five", "dozens", "several")."""
    return tok.t[:1].isdigit() or tok.low in _NUMBER_WORDS or tok.low in _QUANTIFIERS
#: subject pronouns that open a new clause after a comma (", he clarified …")
_SUBJECT_PRONOUNS = _grammar("subject_pronoun")
#: object forms of the English personal pronouns (an addressee or object before a participle: "emailed them asking")
_OBJECT_PRONOUNS = _grammar("object_pronoun")
#: words that join a title to its object in a transcript label ("President of Russia Vladimir Putin")
_TITLE_LINKS = _grammar("title_link")
