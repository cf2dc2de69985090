"""Score the toolkit (or any system) against annotated JSONL.

* :mod:`toolkit.evaluate.quotes` — quote extraction and speaker attribution
  (PolNeAR-style records: token-Jaccard matching, who-said-what F1, bootstrap
  intervals), see ``EVALUATION.md``;
* :mod:`toolkit.evaluate.devices` — rhetorical devices (SemEval-2020 Task 11
  partial-overlap span scoring), chiasmus ranking (average precision) and
  sentence-level historical-analogy scoring.

Users can score the toolkit on their own annotations with the same functions.
"""

from .devices import average_precision as average_precision
from .devices import merge_spans as merge_spans
from .devices import precision_at as precision_at
from .devices import referent_matches as referent_matches
from .devices import score_analogy_sentences as score_analogy_sentences
from .devices import score_spans as score_spans
from .quotes import QuoteAnnotation as QuoteAnnotation
from .quotes import from_quotes_table as from_quotes_table
from .quotes import read_quote_annotations as read_quote_annotations
from .quotes import score_document as score_document
from .quotes import score_quotes as score_quotes
