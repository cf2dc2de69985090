"""Score the toolkit (or any system) against annotated JSONL.

* :mod:`toolkit.evaluate.quotes` — quote extraction and speaker attribution
  (PolNeAR-style records: token-Jaccard matching, who-said-what F1, bootstrap
  intervals), see ``EVALUATION.md``;
* :mod:`toolkit.evaluate.devices` — rhetorical devices (SemEval-2020 Task 11
  partial-overlap span scoring), chiasmus ranking (average precision) and
  sentence-level historical-analogy scoring.

Users can score the toolkit on their own annotations with the same functions.
"""
