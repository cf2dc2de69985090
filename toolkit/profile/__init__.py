"""Lexical profile: counts, lexical diversity and readability per document.

:func:`lexical_profile` returns one row per document. The default engine
(``engine="toolkit"``) follows the published definitions (see
``docs/readability.md`` for every formula, its source and the measured
differences from textstat); ``engine="textstat"`` computes the seven
readability columns with textstat instead, for comparison with work that used
it.

Counting rules of the toolkit engine
------------------------------------
* **Sentences** come from the toolkit's splitter (``Document.sentences``,
  NLTK Punkt); a sentence counts when it holds at least one word.
* **Words** are the tokens of :func:`toolkit.text.token_spans` that contain a
  letter or digit (:func:`toolkit.text.is_word`), over the whole text.
  Contractions (``don't``), hyphenated words (``US-led``), acronyms (``U.S.``)
  and numbers (``5,000``) are one word each, as Flesch (1948) counts them.
* **Syllables** come from the CMU Pronouncing Dictionary (first pronunciation;
  for an all-capital token such as ``NATO`` the longest one; two capitals
  such as ``UN``, ``US`` are spelled out). Unknown words use the fallback rule of
  :func:`syllables`: hyphenated parts are added up, possessive ``'s`` adds a
  syllable after a sibilant, numbers are read aloud as English cardinals
  (``1945`` as "nineteen forty-five"), dotted acronyms are spelled, and
  anything else counts vowel groups with a silent final *e*, *-es* and *-ed*.
* **Letters** (Coleman–Liau) are alphabetic characters of the words;
  **characters** (ARI) are letters and digits, never punctuation.
* **Types** and the diversity measures use the lower-cased words.

Modules (imports go downward only): ``words`` (syllables, familiar and
complex words), ``diversity`` (TTR, MATTR, MTLD, HD-D), ``readability`` (the
formulas), ``table`` (one row per document: :func:`lexical_profile`).
"""

from __future__ import annotations

from .diversity import hdd, mattr, mtld, ttr
from .readability import ENGINES, READABILITY, Engine, readability
from .table import lexical_profile, profile_step, sentence_words
from .words import easy_words, is_familiar, syllables

__all__ = [
    "ENGINES", "READABILITY", "Engine", "easy_words", "hdd", "is_familiar", "lexical_profile", "mattr", "mtld",
    "profile_step", "readability", "sentence_words", "syllables", "ttr",
]
