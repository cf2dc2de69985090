"""Tidy tables of the text units: paragraphs, sentences, tokens.

Examples
--------
>>> sentences("One. Two.")["text"].tolist()
['One.', 'Two.']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import frames, runner
from .corpus import Document
from .text import is_word


def _paragraph_rows(doc: Document) -> list[frames.Row]:
    return [
        {"start": s, "end": e, "paragraph": i, "text": doc.text[s:e]}
        for i, (s, e) in enumerate(doc.paragraphs)
    ]


def _sentence_rows(doc: Document) -> list[frames.Row]:
    return [
        {"start": s, "end": e, "sentence": i, "text": doc.text[s:e]}
        for i, (s, e) in enumerate(doc.sentences)
    ]


def _token_rows(doc: Document) -> list[frames.Row]:
    rows = []
    for s, e in doc.tokens:
        tok = doc.text[s:e]
        rows.append({
            "start": s, "end": e, "token": tok, "lower": tok.lower(), "is_word": is_word(tok),
            "sentence": doc.sentence_at(s),
        })
    return rows


def paragraphs(x: Any, *, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, start, end, paragraph, text, duplicate``.

    Examples
    --------
    >>> paragraphs("A.\\nB.")["paragraph"].tolist()
    [0, 1]
    """
    return runner.per_document(_paragraph_rows, x, frames.PARAGRAPHS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size)


def sentences(x: Any, *, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """One row per sentence: ``doc_id, start, end, sentence, paragraph, text, duplicate``.

    Examples
    --------
    >>> len(sentences("Mr. Lavrov spoke. He left."))
    2
    """
    return runner.per_document(_sentence_rows, x, frames.SENTENCES, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size)


def tokens(x: Any, *, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """One row per token: ``doc_id, start, end, token, lower, is_word, sentence, paragraph, duplicate``.

    Examples
    --------
    >>> tokens("US-led raids.")["token"].tolist()
    ['US-led', 'raids', '.']
    """
    return runner.per_document(_token_rows, x, frames.TOKENS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size)
