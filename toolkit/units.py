"""Tidy tables of the text units: paragraphs, sentences, tokens.

Examples
--------
>>> sentences("One. Two.")["text"].tolist()
['One.', 'Two.']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import frames
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


def paragraphs(x: Any, **kwargs: Any) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, start, end, paragraph, text, duplicate``.

    Examples
    --------
    >>> paragraphs("A.\\nB.")["paragraph"].tolist()
    [0, 1]
    """
    return frames.per_document(_paragraph_rows, x, frames.PARAGRAPHS, **kwargs)


def sentences(x: Any, **kwargs: Any) -> pd.DataFrame:
    """One row per sentence: ``doc_id, start, end, sentence, paragraph, text, duplicate``.

    Examples
    --------
    >>> len(sentences("Mr. Lavrov spoke. He left."))
    2
    """
    return frames.per_document(_sentence_rows, x, frames.SENTENCES, **kwargs)


def tokens(x: Any, **kwargs: Any) -> pd.DataFrame:
    """One row per token: ``doc_id, start, end, token, lower, is_word, sentence, paragraph, duplicate``.

    Examples
    --------
    >>> tokens("US-led raids.")["token"].tolist()
    ['US-led', 'raids', '.']
    """
    return frames.per_document(_token_rows, x, frames.TOKENS, **kwargs)
