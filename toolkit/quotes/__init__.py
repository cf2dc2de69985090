"""Quotations and who said them: ``tk.quotes`` and ``tk.speakers``.

A rule system, explainable row by row (the ``rule`` column names the rule that
fired, ``cue`` the reporting verb lemma). It works on the normalised view of
each document (typographic quotes unified, see :func:`toolkit.text.normalize`)
and reports offsets into the original text.

How it works, in document order, paragraph by paragraph:

1. **Quote marks.** Double marks (``"`` “ ” „ « », NYT-style ``''`` and
   LaTeX ````…''``) are paired by context — a mark after a space opens, a mark
   before a space or punctuation closes — never by alternation alone; an
   opening mark inside a quote nests (``“how “are” you?”`` is one quote). A
   single mark between two letters (``Libya's``, ``They've``, ``Assange’s``) or
   before an elided word (``'tis``, ``'em``, ``'90s``) is an apostrophe, and
   ``the students'`` closes no quote when a closing mark follows; single quotes
   pair opener-with-closer inside one paragraph. Quotes inside quotes (of
   either kind) are not separate rows. An unclosed double mark runs to the
   paragraph end (the news convention for quotes over several paragraphs), an
   unclosed single one when the next paragraph reopens with a mark; nothing
   ever raises on unbalanced marks.
2. **Titles and nicknames** (``the book "Fire and Fury"``, ``Dwayne "The Rock"
   Johnson``) are dropped: they are not quotations.
3. **Direct quotes** are quoted spans that stand as an utterance (at a
   paragraph or sentence start, or after ``:``/``,``). Fragments of one
   paragraph separated only by an attribution (``"X," he said, "Y."``) are
   merged into ONE row: ``start``/``end`` cover the hull from the first quoted
   word to the last, ``text`` is ``original[start:end]`` (so it contains the
   interruption) and ``fragments`` lists the quoted pieces as
   ``"start-end;start-end"`` original offsets. The attribution is searched
   after the quote, between fragments, before it (``Lavrov said: "…"``), in a
   previous paragraph ending with a colon (``And from Chairwoman X:``), after a
   dash (``"…" – Jane Doe``) and in an action beat (``Alice began talking.
   "…"``); a quote paragraph with none inherits the previous quote's speaker
   (``attribution="inherited"``), or the speaker of the paragraph that closes
   its quotation.
4. **Reported speech** in every sentence: a reporting verb (lexicon
   ``reporting_verbs``) with a subject and a clause (``he said the plan…``,
   ``, adding however he was…``), a clause closed by ``, X said.``, or
   ``according to X``. When the clause contains quoted words the row is
   ``partial`` (``start``/``end`` = the quoted words, ``content_*`` = the
   clause), otherwise ``indirect``.
5. Remaining embedded quoted words are ``scare`` quotes (no speaker).

Languages: ``lang="en"``, ``"de"``, ``"fr"`` or ``"es"`` (default: the
document's ``lang``/``language`` metadata, else detected from its function
words) picks the reporting verbs, speaker titles, pronouns and quotation-mark
conventions (German „…“ and »…«, French and Spanish « … » with the comma
after the closing mark); German word order (verb-second: ``Dazu sagte die
Ministerin``), German reported speech without a verb (``laut X``, ``X
zufolge``, ``, so X``, Konjunktiv I sentences), French ``a déclaré`` /
``a-t-il dit`` and Spanish ``dijo X`` are handled (see docs/quotes.md,
*Languages*).

Speakers: titles are stripped (``Russian Foreign Minister Sergei Lavrov`` →
``Sergei Lavrov``); a short form takes the longest earlier mention with the
same last name (``Lavrov`` → ``Sergei Lavrov``); ``he``/``she`` resolve to the
most recent person speaker; a definite description with a role noun
(``Moscow's top diplomat``) resolves to the most recent named person speaker.

Where each step lives (imports go downward only, in this order)::

    language     the document's language (lang=, lang/language metadata, function-word detection), marks per language
    tokens       the token index of the normalised text (_Tok, _tokens)
    cues         lexicon files (reporting_verbs, speaker_titles, pronouns, ...), cue detection
    marks        step 1: quote marks paired, apostrophes, nesting, unclosed marks
    speakers     speaker noun phrases; explicit / pronoun / descriptor names, canonical forms
    clauses      the row under construction (_Row), trimming, clause ends, to-dict conversion
    attribution  step 3 frames: '"...," X said' and 'X said: "..."'
    indirect     step 4: reported speech (indirect, partial), claim nouns, evidentials
    reported_de  step 4 in German: laut X, X zufolge, nach Angaben von X, heißt es, Konjunktiv I sentences
    structure    steps 2, 3 and 5: the paragraph walk (_extract), merging, inherited speakers
    assembly     quotes(), speakers(), quote_rows(), scare_rows(): the runner and the output tables

Data flow: ``Document`` → ``structure._extract`` (normalised text →
``marks._find_quotes`` → per paragraph classify / merge / ``attribution``
frames → per sentence ``indirect._reported`` → ``clauses._to_row`` with
original offsets) → ``assembly.quote_rows`` (cached per Document) →
``runner.per_document`` → ``frames.finish`` (``frames.QUOTES``) →
``speakers`` aggregates that table (``frames.SPEAKERS``).
"""

from __future__ import annotations

from .assembly import quote_rows, quote_step, quotes, scare_rows, speakers

__all__ = ["quote_rows", "quote_step", "quotes", "scare_rows", "speakers"]
