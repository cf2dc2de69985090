"""Normalised view, paragraphs, sentences and tokens with offsets into the original text."""

from __future__ import annotations

import toolkit as tk
from tests.conftest import ROOT
from toolkit.text import normalize, paragraph_spans, sentence_spans, token_spans

FOUR = (
    'Mr. Lavrov told Bloomberg TV on Tuesday. The U.S. disagreed. "They took Idleb," he said. '
    "Dr. Smith left at 5 p.m. on Jan. 3."
)


def test_the_four_sentence_case():
    assert [FOUR[s:e] for s, e in sentence_spans(FOUR)] == [
        "Mr. Lavrov told Bloomberg TV on Tuesday.",
        "The U.S. disagreed.",
        '"They took Idleb," he said.',
        "Dr. Smith left at 5 p.m. on Jan. 3.",
    ]


def test_a_title_before_a_name_that_is_also_a_word_ends_no_sentence():
    # Punkt's orthographic rule breaks after an abbreviation when the next word is mostly seen in
    # lower case ("frost", "snow"); a title always stands before a name (abbreviations class title)
    text = "The plan, Gen. Frost said, was ready. Under what Ms. Snow called a reset, talks resumed."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The plan, Gen. Frost said, was ready.",
        "Under what Ms. Snow called a reset, talks resumed.",
    ]
    # a word that only ends like a title still ends its sentence: "Vermögen." is no "gen."
    de = "Er sprach vom Vermögen. Die Regierung schwieg."
    assert len(sentence_spans(de)) == 2


def test_normalised_lead_equals_its_duplicate(seed):
    first, second = seed.paragraphs[:2]
    a = normalize(seed.text[slice(*first)]).text
    b = normalize(seed.text[slice(*second)]).text
    assert a == b
    assert "\u2019jihadists\u2019" in seed.text[slice(*first)]


def test_normalised_offsets_map_back_through_expansions():
    text = "Wait\u2026 \u201cvery far\u201d\u00a0\u2014 he\u00adsaid"
    norm = normalize(text)
    assert norm.text == 'Wait... "very far" - hesaid'
    i = norm.text.index('"very far"')
    s, e = norm.span_to_original(i, i + len('"very far"'))
    assert text[s:e] == "\u201cvery far\u201d"
    s, e = norm.span_to_original(0, 7)
    assert text[s:e] == "Wait\u2026"


def test_seed_paragraphs_are_its_lines(seed):
    lines = seed.text.split("\n")
    assert [seed.text[s:e] for s, e in seed.paragraphs] == lines


def test_blank_line_paragraphs_keep_hard_wraps_together():
    text = "The coalition against\nterrorism should act.\n\nNext paragraph here."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "The coalition against\nterrorism should act.",
        "Next paragraph here.",
    ]


def test_crlf_and_lone_cr_line_ends():
    text = "One.\r\nTwo.\rThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]


def test_sentences_stay_inside_paragraphs(seed):
    for s, e in seed.sentences:
        p = seed.paragraph_at(s)
        ps, pe = seed.paragraphs[p]
        assert ps <= s < e <= pe


def test_seed_rhetorical_question_is_one_sentence(seed):
    assert (
        "Do you believe that the American troops are the only troops who can do the trick?"
        in seed.sentence_texts()[-2]
    )


def test_tokens_keep_contractions_hyphens_and_acronyms():
    text = "They've been to Iraq; the US-led coalition and the U.S. didn't agree on 5,000 troops."
    toks = [text[s:e] for s, e in token_spans(text)]
    assert "They've" in toks and "US-led" in toks and "U.S." in toks and "didn't" in toks
    assert "5,000" in toks and ";" in toks


def test_words_scanned_with_re_are_the_regex_words(wikinews):
    # where the two engines class every character alike, words() scans with re: the same words as the
    # regex engine's scan (Wikinews 2019-2020, CC BY 2.5: texts with accents, Devanagari and typography)
    from toolkit import text as T

    texts = [doc.text for doc in wikinews]
    scanned = [T.word_scanner(t, 0, len(t)) is T._WORDS_RE for t in texts]
    assert any(scanned) and not all(scanned)  # a Hindi text (combining vowel signs) stays with regex
    assert any(s and not t.isascii() for s, t in zip(scanned, texts, strict=True))
    for t in texts:
        assert T.words(t) == T._WORDS.findall(t)
        assert T.words(t, 10, 500) == T._WORDS.findall(t, 10, 500)
    assert T.words("cafe\u0301 re\u0301sume\u0301") == ["cafe\u0301", "re\u0301sume\u0301"]


def test_words_sentence_by_sentence_tests_each_character_once(seed, monkeypatch):
    # collocations and frequencies scan a document sentence by sentence; choosing the scanner must test the
    # sentence, not the whole text per sentence (quadratic on one big document: 2 MB took 132.6 s)
    from toolkit import text as T
    from toolkit.corpus import Document
    from toolkit.profile import sentence_words

    tested: list[int] = []
    pattern = T._NON_ASCII

    class Counting:
        def findall(self, part: str) -> list[str]:
            tested.append(len(part))
            return pattern.findall(part)

    doc = Document(seed.text * 20)  # each copy holds a typographic apostrophe (U+2019): a non-ASCII sentence
    expected = sentence_words(doc)
    monkeypatch.setattr(T, "_NON_ASCII", Counting())
    assert sentence_words(doc) == expected
    assert len(tested) >= 20
    assert sum(tested) <= len(doc.text)


def test_token_table_offsets_match_text(seed):
    table = tk.tokens(seed)
    assert (table["token"] == [seed.text[s:e] for s, e in zip(table.start, table.end, strict=True)]).all()
    assert table["duplicate"].sum() > 0  # the doubled lead


def test_sentence_table_marks_the_duplicate_lead(seed):
    table = tk.sentences(seed)
    assert table.loc[table.paragraph == 1, "duplicate"].all()
    assert not table.loc[table.paragraph != 1, "duplicate"].any()


def test_empty_text_gives_empty_tables_with_columns():
    for fn in (tk.paragraphs, tk.sentences, tk.tokens):
        out = fn("")
        assert out.empty and {"doc_id", "start", "end"} <= set(out.columns)


# --------------------------------------------------------------------------- hard-wrapped text


def _wrapped_blocks() -> list[str]:
    """Hard-wrapped paragraphs of the bundled UN speeches (CC0): blocks whose lines are all ≤ 100 characters."""
    import re

    blocks = []
    for doc in tk.load_corpus(ROOT / "data" / "ungdc_sample.jsonl.gz"):
        for block in re.split(r"\n[ \t]*\n", doc.text):
            lines = block.split("\n")
            if len(lines) >= 4 and max(map(len, lines)) <= 100:
                blocks.append(block)
    return blocks


def test_line_breaks_inside_hard_wrapped_sentences_do_not_end_them():
    """A wrapped paragraph on its own (no blank line anywhere) splits like the same words on one line."""
    import re

    blocks = _wrapped_blocks()
    assert len(blocks) >= 100
    same = 0
    for block in blocks:
        flat = re.sub(r"\s*\n\s*", " ", block)
        wrapped = [re.sub(r"\s+", " ", s) for s in tk.sentences(block)["text"]]
        same += wrapped == tk.sentences(flat)["text"].tolist()
    # the few that differ put a list item or a quotation after "…:" at the start of a line on its own
    assert same / len(blocks) >= 0.97, f"{same} of {len(blocks)}"


def test_wrapped_readability_equals_unwrapped():
    import re

    block = max(_wrapped_blocks(), key=len)
    wrapped = tk.lexical_profile(block).iloc[0]
    flat = tk.lexical_profile(re.sub(r"\s*\n\s*", " ", block)).iloc[0]
    assert wrapped["sentences"] == flat["sentences"]
    assert wrapped["flesch_reading_ease"] == flat["flesch_reading_ease"]


def test_one_paragraph_per_line_text_is_not_taken_as_wrapped(seed):
    # every line of the seed is a paragraph: long lines that end their sentences
    lines = [ln for ln in seed.text.splitlines() if ln.strip()]
    assert len(seed.paragraphs) == len(lines)
    # short lines that each end a sentence stay paragraphs too
    text = "Russia urged restraint.\nThe talks resumed.\nNothing changed."
    assert len(paragraph_spans(text)) == 3


def test_quotes_run_across_hard_wraps(seed):
    """The seed article wrapped at 72 columns (no blank lines): quotes that now span line breaks are whole."""
    import re
    import textwrap

    wrapped = "\n".join(textwrap.fill(p, 72) for p in seed.text.split("\n") if p.strip())
    original = {re.sub(r"\s+", " ", t) for t in tk.quotes(seed)["text"]}
    q = tk.quotes(wrapped)
    across = q[(q["kind"] == "direct") & q["text"].str.contains("\n")]
    assert len(across) >= 4
    assert {re.sub(r"\s+", " ", t) for t in across["text"]} <= original
    assert len(tk.sentences(wrapped)) == len(tk.sentences(seed))


def _nine_sentences(seed) -> list[str]:
    """Nine consecutive one-line sentences of the seed article, white space collapsed."""
    import re

    one_line = [seed.text[s:e] for s, e in seed.sentences if "\n" not in seed.text[s:e]]
    return [re.sub(r"\s+", " ", s) for s in one_line[3:12]]


def test_nine_hard_wrapped_sentences_stay_nine(seed):
    """#14.5: a worked example typed as short hard-wrapped passages (as in Dale & Chall 1948) keeps its
    sentence count: a single line break never ends a sentence, a blank line still ends a paragraph."""
    import textwrap

    nine = _nine_sentences(seed)
    assert len(tk.sentences(" ".join(nine))) == 9
    passages = [" ".join(nine[i : i + 3]) for i in (0, 3, 6)]
    layouts = {
        "one block": lambda w: textwrap.fill(" ".join(nine), w),
        "three passages, blank lines": lambda w: "\n\n".join(textwrap.fill(p, w) for p in passages),
        "three passages, no blank line": lambda w: "\n".join(textwrap.fill(p, w) for p in passages),
        "a sentence per passage": lambda w: "\n".join(textwrap.fill(s, w) for s in nine),
        "CRLF line ends": lambda w: "\r\n".join(textwrap.fill(" ".join(nine), w).splitlines()),
    }
    for name, layout in layouts.items():
        for width in (40, 60, 80):
            text = layout(width)
            assert "\n" in text
            assert len(tk.sentences(text)) == 9, (name, width)
            assert tk.lexical_profile(text).iloc[0]["sentences"] == 9, (name, width)


def test_plain_break_shortcut_answers_as_punkt_does(seed, wikinews):
    """The shortcut in front of Punkt's break test gives Punkt's answer on every candidate break.

    (Except after a title, where the dot deliberately never ends a sentence.)
    """
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from toolkit import lexicons
    from toolkit.text import _NUMBER_END, _PLAIN_END, _TITLE_END, _punkt

    tokenizer = _punkt()
    docs = [seed, *wikinews, *tk.load_corpus(ROOT / "data" / "ungdc_sample.jsonl.gz")]
    contexts = set()
    for doc in docs:
        ntext = normalize(doc.text).text
        for s, e in paragraph_spans(ntext):
            contexts.update(c for _, c in tokenizer._match_potential_end_contexts(ntext[s:e]))
    titles = {row["abbreviation"] for row in lexicons.load("abbreviations") if row["class"] == "title"}
    contexts = {c for c in contexts if not ((t := _TITLE_END.search(c)) and t.group(1).lower() in titles)}
    shortcut = [c for c in contexts if _PLAIN_END.fullmatch(c) or _NUMBER_END.fullmatch(c)]
    assert len(shortcut) > 0.8 * len(contexts)  # the shortcut answers most of them
    assert any("-" in c for c in shortcut) and any(c.endswith('"') for c in shortcut)
    numbered = [c for c in shortcut if _NUMBER_END.fullmatch(c)]
    assert {tokenizer.text_contains_sentbreak(c) for c in numbered} == {True, False}
    differ = [c for c in shortcut
              if tokenizer.text_contains_sentbreak(c) != PunktSentenceTokenizer.text_contains_sentbreak(tokenizer, c)]
    assert differ == []


def test_unicode_space_is_the_regex_engines_white_space():
    # Punkt's two per-paragraph patterns run on re with \s and \S spelled as this set: it must be exactly the
    # characters the regex engine (which NLTK compiles them with) takes for \s
    import re
    import sys

    import regex

    from toolkit.text import UNICODE_SPACE

    ours, theirs = re.compile(f"[{UNICODE_SPACE}]"), regex.compile(r"\s")
    assert all((ours.match(c) is None) == (theirs.match(c) is None)
               for c in map(chr, range(sys.maxunicode + 1)))
    assert re.match(r"\s", "\x1c") and not ours.match("\x1c")  # re alone takes the separators


def test_sentences_with_stdlib_patterns_are_nltks(seed, wikinews):
    # the same sentence spans as Punkt with NLTK's own language variables, on every paragraph of the bundled
    # texts and on separators and line breaks where re's and regex's white space differ
    import re

    from nltk.tokenize.punkt import PunktLanguageVars

    from toolkit.text import _punkt

    tokenizer = _punkt()
    paras = ["One.\x1cTwo. Three.\x1d (Four.) Five!\x1f\"Six?\" he said.\u2028Seven.\x85Eight.\u3000Nine."]
    for doc in [seed, *wikinews, *tk.load_corpus(ROOT / "data" / "ungdc_sample.jsonl.gz")]:
        ntext = normalize(doc.text).text
        paras += [ntext[s:e] for s, e in paragraph_spans(ntext)]
    ours = [list(tokenizer.span_tokenize(p)) for p in paras]
    stdlib_vars = tokenizer._lang_vars
    try:
        tokenizer._lang_vars = PunktLanguageVars()
        theirs = [list(tokenizer.span_tokenize(p)) for p in paras]
    finally:
        tokenizer._lang_vars = stdlib_vars
    assert isinstance(stdlib_vars.period_context_re(), re.Pattern)
    assert ours == theirs
    assert ours[0] == theirs[0] and len(ours[0]) >= 5
