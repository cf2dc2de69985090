"""Frequencies, keyness, collocations and dispersion as tidy tables.

Tokenisation for statistics
---------------------------
Terms are the word tokens of :func:`toolkit.text.token_spans` (tokens with a
letter, digit or combining mark: the word model of :mod:`toolkit.text`), lower-cased by default.
Contractions (``don't``, ``Libya's``), hyphenated words (``US-led``),
acronyms (``U.S.``) and numbers (``5,000``) stay one token each; typographic
apostrophes count as ``'`` (``don’t`` = ``don't``). N-grams of two or more
words and collocation windows never cross a sentence boundary
(``Document.sentences``) and skip punctuation inside a sentence.

Stop words come from ``data/lexicons/stopwords.tsv``: every word has a class,
and ``filter_stops=True`` removes only the default classes (determiners,
prepositions, conjunctions, forms of *be/have/do*, function adverbs).
Pronouns, modals and negation are listed with their own classes and are kept
unless asked for with ``stop_classes`` — they carry stance in discourse.

Every corpus-level function streams: documents are read one at a time and
only counts are kept, so a corpus larger than memory can be processed.

Modules (imports go downward only):

    terms         stop words, the words and n-grams of one document, shared checks
    frequencies   additive count rows per document → per-million frequencies
    keyness       G² and log ratio between two corpora (reuses the counts)
    collocations  NLTK window counts per sentence → association measures
    dispersion    hits per term and document → DP, Juilland's D; term_positions
"""

from __future__ import annotations

from .collocations import MEASURES, Measure, collocations
from .dispersion import dispersion, term_positions
from .frequencies import COUNTS, frequencies
from .keyness import g2, keyness, log_ratio
from .terms import doc_terms, doc_words, stop_classes, stopwords

__all__ = [
    "COUNTS", "MEASURES", "Measure", "collocations", "dispersion", "doc_terms", "doc_words", "frequencies",
    "g2", "keyness", "log_ratio", "stop_classes", "stopwords", "term_positions",
]
