"""Exact and near-duplicate paragraphs (scraping artefacts, doubled leads).

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

import re
from collections import defaultdict
from typing import Any, Literal

import pandas as pd

from . import frames
from .corpus import Document, as_documents
from .errors import ParameterError
from .text import normalize

MIN_WORDS = 5
THRESHOLD = 0.8
_MAX_POSTINGS = 20
_NON_WORD = re.compile(r"[\W_]+")


def paragraph_key(text: str) -> str:
    """The comparison key of a paragraph: normalised, lower-cased words.

    Examples
    --------
    >>> paragraph_key("\u2018Jihadists\u2019 could go \u201cvery far\u201d.")
    'jihadists could go very far'
    """
    return _NON_WORD.sub(" ", normalize(text).text.lower()).strip()


def _anchors(words: list[str]) -> set[str]:
    """Three word 3-grams (first, middle, last): any two paragraphs that differ
    in at most two words still share one, so they become candidates."""
    n = len(words)
    mid = max(0, n // 2 - 1)
    return {" ".join(words[i : i + 3]) for i in (0, mid, max(0, n - 3))}


def _matches(doc: Document, threshold: float) -> list[tuple[int, int, str, float] | None]:
    """For each paragraph: (original index, -, match kind, similarity) or None."""
    texts = [doc.text[s:e] for s, e in doc.paragraphs]
    keys = [paragraph_key(t) for t in texts]
    result: list[tuple[int, int, str, float] | None] = [None] * len(texts)
    first_exact: dict[str, int] = {}
    first_key: dict[str, int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    word_sets: list[set[str]] = []
    for i, (txt, key) in enumerate(zip(texts, keys, strict=True)):
        words = key.split()
        shingles = _anchors(words) if len(words) >= MIN_WORDS else set()
        vocab = set(words)
        word_sets.append(vocab)
        if len(words) < MIN_WORDS:
            continue
        if txt in first_exact:
            result[i] = (first_exact[txt], 0, "exact", 1.0)
        elif key in first_key:
            result[i] = (first_key[key], 0, "normalized", 1.0)
        elif threshold < 1.0:
            candidates: set[int] = set()
            for sh in shingles:
                candidates.update(postings.get(sh, ())[:_MAX_POSTINGS])
            best = None
            for j in sorted(candidates):
                inter = len(vocab & word_sets[j])
                union = len(vocab) + len(word_sets[j]) - inter
                sim = inter / union if union else 0.0
                if sim >= threshold and (best is None or sim > best[1]):
                    best = (j, sim)
            if best is not None:
                result[i] = (best[0], 0, "near", round(best[1], 4))
        if result[i] is None:
            first_exact.setdefault(txt, i)
            first_key.setdefault(key, i)
            for sh in shingles:
                postings[sh].append(i)
    return result


def repeated_paragraphs(doc: Document, *, threshold: float = THRESHOLD) -> list[int | None]:
    """For each paragraph of ``doc``, the index of the earlier one it repeats.

    Examples
    --------
    >>> d = Document("A lead with five words here.\\nBody.\\nA lead with five words here.")
    >>> repeated_paragraphs(d)
    [None, None, 0]
    """
    return [None if m is None else m[0] for m in _matches(doc, threshold)]


def _document_rows(doc: Document, threshold: float) -> list[dict[str, Any]]:
    rows = []
    for i, m in enumerate(_matches(doc, threshold)):
        if m is None:
            continue
        j, _, kind, sim = m
        s, e = doc.paragraphs[i]
        os_, oe = doc.paragraphs[j]
        rows.append({
            "doc_id": doc.id, "start": s, "end": e, "paragraph": i, "text": doc.text[s:e],
            "match": kind, "similarity": sim, "original_doc_id": doc.id,
            "original_paragraph": j, "original_start": os_, "original_end": oe,
        })
    return rows


def duplicates(
    x: Any,
    *,
    threshold: float = THRESHOLD,
    scope: Literal["document", "corpus"] = "document",
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
        of an earlier document (exact or normalised matches only).

    Returns
    -------
    pandas.DataFrame
        One row per repeated paragraph: ``doc_id, start, end, paragraph,
        text, match`` (``exact`` | ``normalized`` | ``near``), ``similarity``,
        ``original_doc_id, original_paragraph, original_start,
        original_end``.

    Examples
    --------
    >>> seed = "Russia urged a coalition to act.\\nRussia urged a coalition to act."
    >>> duplicates(seed)[["paragraph", "match", "original_paragraph"]].values.tolist()
    [[1, 'exact', 0]]
    """
    if scope not in ("document", "corpus"):
        raise ParameterError.choice("scope", scope, ["document", "corpus"])
    if not 0.0 < threshold <= 1.0:
        raise ParameterError(f"threshold={threshold!r} must be in (0, 1]")
    from . import distributed

    if distributed.is_dask(x):
        if scope == "corpus":
            raise ParameterError("scope='corpus' compares documents across partitions; use scope='document' on dask")
        return distributed.map_frames(duplicates, x, frames.DUPLICATES.empty(), threshold=threshold, scope=scope)
    rows: list[dict[str, Any]] = []
    seen: dict[str, tuple[str, int, int, int]] = {}
    seen_text: dict[str, str] = {}
    for doc in as_documents(x):
        doc_rows = _document_rows(doc, threshold)
        rows.extend(doc_rows)
        if scope == "corpus":
            inside = {r["paragraph"] for r in doc_rows}
            for i, (s, e) in enumerate(doc.paragraphs):
                if i in inside:
                    continue
                key = paragraph_key(doc.text[s:e])
                if len(key.split()) < MIN_WORDS:
                    continue
                if key in seen and seen[key][0] != doc.id:
                    od, oi, os_, oe = seen[key]
                    rows.append({
                        "doc_id": doc.id, "start": s, "end": e, "paragraph": i,
                        "text": doc.text[s:e], "similarity": 1.0,
                        "match": "exact" if seen_text[key] == doc.text[s:e] else "normalized",
                        "original_doc_id": od, "original_paragraph": oi,
                        "original_start": os_, "original_end": oe,
                    })
                elif key not in seen:
                    seen[key] = (doc.id, i, s, e)
                    seen_text[key] = doc.text[s:e]
    return frames.finish(rows, frames.DUPLICATES, params={"threshold": threshold, "scope": scope})
