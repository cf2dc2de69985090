"""Exact and near-duplicate paragraphs (scraping artefacts, doubled leads) as a table.

The matching itself (:func:`toolkit.text.match_paragraphs`) lives with text
handling, below the document model, which uses it to mark duplicates.

Two paragraphs are duplicates when

* ``exact``: their text is identical;
* ``normalized``: they are identical after the normalised view (quotes,
  apostrophes, dashes unified), lower-casing and collapsing punctuation and
  white space — the seed article's lead appears once with ’ and once with ';
* ``near``: they share their first, middle or last word 3-gram and their
  word sets have Jaccard similarity ≥ ``threshold`` (default 0.8), e.g. a lead
  re-sent with one or two words changed.

Only paragraphs of at least :data:`MIN_WORDS` words are candidates, so short
repeated lines (``* * *``, ``Read more``) are not flagged. The later copy is
the duplicate; the first occurrence is the original. Every extractor marks
rows inside a duplicate paragraph with ``duplicate=True``.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from . import distributed, frames, runner
from .corpus import Document
from .errors import ParameterError
from .text import MIN_WORDS, THRESHOLD, match_paragraphs, paragraph_key


def _texts(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.paragraphs]


def _document_rows(doc: Document, *, threshold: float, scope: str) -> list[dict[str, Any]]:
    """Repeats inside ``doc``; with ``scope="corpus"`` also the keys of its other paragraphs (``_key`` rows)."""
    rows = []
    matches = match_paragraphs(_texts(doc), threshold)
    for i, m in enumerate(matches):
        s, e = doc.paragraphs[i]
        if m is None:
            if scope == "corpus":
                key = paragraph_key(doc.text[s:e])
                if len(key.split()) >= MIN_WORDS:
                    rows.append({"start": s, "end": e, "paragraph": i, "text": doc.text[s:e], "match_type": _KEY,
                                 "similarity": 0.0, "original_doc_id": key, "original_paragraph": -1,
                                 "original_start": -1, "original_end": -1})
            continue
        j, kind, sim = m
        os_, oe = doc.paragraphs[j]
        rows.append({
            "start": s, "end": e, "paragraph": i, "text": doc.text[s:e],
            "match_type": kind, "similarity": sim, "original_doc_id": doc.id,
            "original_paragraph": j, "original_start": os_, "original_end": oe,
        })
    return rows


_KEY = "_key"  # a paragraph's comparison key, carried to the cross-document pass in original_doc_id


def _across_documents(table: pd.DataFrame) -> pd.DataFrame:
    """Turn ``_key`` rows into cross-document repeats (the first document with a key is the original)."""
    keys = table["match_type"] == _KEY
    first: dict[str, tuple[str, int, int, int, str]] = {}
    keep = ~keys.to_numpy()
    out = table.copy()
    for pos in keys[keys].index:
        row = table.loc[pos]
        key = row["original_doc_id"]
        if key not in first:
            first[key] = (row["doc_id"], row["paragraph"], row["start"], row["end"], row["text"])
            continue
        od, oi, os_, oe, otext = first[key]
        if od == row["doc_id"]:
            continue
        out.loc[pos, ["match_type", "similarity", "original_doc_id", "original_paragraph", "original_start",
                      "original_end"]] = ["exact" if otext == row["text"] else "normalized", 1.0, od, oi, os_, oe]
        keep[pos] = True
    return out[keep].reset_index(drop=True)


def duplicates(
    x: Any,
    *,
    threshold: float = THRESHOLD,
    scope: Literal["document", "corpus"] = "document",
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """Paragraphs that repeat an earlier paragraph.

    Parameters
    ----------
    x
        Text, Document, Corpus or DataFrame with ``id``/``text``.
    threshold
        Jaccard similarity of the word sets above which two paragraphs that
        share an anchor 3-gram are near-duplicates (1.0 keeps exact and
        normalised matches only).
    scope
        ``"document"``: repeats inside each document (what extractors mark
        ``duplicate``). ``"corpus"``: also paragraphs that repeat a paragraph
        of an earlier document (exact or normalised matches only; on dask,
        ``"document"`` only).
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        One row per repeated paragraph: ``doc_id, start, end, paragraph,
        text, match_type`` (``exact`` | ``normalized`` | ``near``), ``similarity``,
        ``original_doc_id, original_paragraph, original_start,
        original_end``.

    Examples
    --------
    >>> seed = "Russia urged a coalition to act.\\nRussia urged a coalition to act."
    >>> duplicates(seed)[["paragraph", "match_type", "original_paragraph"]].values.tolist()
    [[1, 'exact', 0]]
    """
    if scope not in ("document", "corpus"):
        raise ParameterError.choice("scope", scope, ["document", "corpus"])
    if not 0.0 < threshold <= 1.0:
        raise ParameterError(f"threshold={threshold!r} must be in (0, 1]")
    if scope == "corpus" and distributed.is_dask(x):
        raise ParameterError("scope='corpus' compares documents across partitions; use scope='document' on dask")
    table = runner.per_document(_document_rows, x, frames.DUPLICATES, n_jobs=n_jobs, progress=progress,
                                batch_size=batch_size, threshold=threshold, scope=scope)
    if scope == "corpus":
        table = frames.finish(_across_documents(table), frames.DUPLICATES, params=table.attrs["params"])
    return table
