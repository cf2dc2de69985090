"""The public API: ``quotes()``, ``speakers()`` and the cached per-document rows ``quote_rows``.

Owns: running ``structure._extract`` over any input through
``toolkit.runner`` (one table with the ``frames.QUOTES`` schema), the shared
per-``Document`` cache used by the scare-quote device, and the speaker
table (``frames.SPEAKERS``: quotes, words and share per speaker).

Must not touch: any detection rule — it only assembles what
:mod:`toolkit.quotes.structure` returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

import pandas as pd

from .. import frames, runner
from ..corpus import Document
from ..errors import ParameterError
from ..text import count_words
from .clauses import _ROW_KEYS, NOUN_PHRASE_RULE
from .language import check_language, document_language
from .structure import _extract


def quotes(x: Any, *, lang: str | None = None, noun_phrases: bool = False, n_jobs: int = 1,
           progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """Quotations, reported speech and who said them, one row per quotation.

    Parameters
    ----------
    x
        A string, :class:`~toolkit.corpus.Document`, :class:`~toolkit.corpus.Corpus`
        or DataFrame with ``id``/``text`` columns.
    lang
        ``"en"``, ``"de"``, ``"fr"`` or ``"es"``: the reporting verbs, speaker
        titles and quotation-mark conventions to use (``de`` reads „…“ and
        »…«). None: per document, its ``lang`` or ``language`` metadata, else
        the language guessed from its function words
        (:func:`toolkit.quotes.language.detect`).
    noun_phrases
        Also return reported speech whose content is a noun phrase rather than
        a clause (``Jane Holloway defended the new border policy``: rule ending
        ``:noun_phrase``). Such a row says what was talked about, not what was
        said, so it is left out by default; PolNeAR annotates these objects as
        attributions, and the evaluator scores with ``noun_phrases=True``.
    n_jobs
        Worker processes (``-1``: every core).
    progress
        Show a progress bar (default: only in notebooks and terminals).
    batch_size
        Documents sent to a worker process at a time.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, text, kind, speaker, speaker_mention,
        speaker_start, speaker_end, content_start, content_end, attribution,
        cue, cue_start, cue_end, paragraph, duplicate, rule, fragments``.
        ``kind`` is ``direct``, ``partial``, ``scare`` or ``indirect``;
        ``attribution`` is ``explicit``, ``pronoun``, ``descriptor``,
        ``inherited`` or ``none``. Offsets are into the original text.

    Raises
    ------
    ParameterError
        ``lang`` (or a document's language metadata) is not a known language.

    Examples
    --------
    >>> q = quotes('"It was a mistake," Sergei Lavrov said. "Gaddafi is the same," he said.')
    >>> q[["text", "speaker", "attribution"]].values.tolist()
    [['It was a mistake', 'Sergei Lavrov', 'explicit'], ['Gaddafi is the same', 'Sergei Lavrov', 'pronoun']]
    >>> quotes("«Me encantan los gatos», dijo Burtón.", lang="es")[["speaker", "cue"]].values.tolist()
    [['Burtón', 'decir']]
    """
    step = quote_step(lang=lang, noun_phrases=noun_phrases)
    return runner.per_document(quote_rows, x, frames.QUOTES, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                               **step.kwargs)


def quote_step(*, lang: str | None = None, noun_phrases: bool = False, **other: Any) -> frames.Step:
    """The per-document step of :func:`quotes` (for :func:`toolkit.analyze`: ``options={"quotes": {"lang": …}}``).

    ``lang`` and ``noun_phrases`` are checked here, before any document is read;
    a default value records no parameter.

    Examples
    --------
    >>> quote_step(lang="DE").kwargs, quote_step().kwargs, quote_step(noun_phrases=True).kwargs
    ({'lang': 'de'}, {}, {'noun_phrases': True})
    """
    if other:
        raise ParameterError(f"quotes takes no options other than lang and noun_phrases (got {sorted(other)})")
    if not isinstance(noun_phrases, bool):
        raise ParameterError(f"noun_phrases must be True or False, not {noun_phrases!r}")
    lang = check_language(lang)
    kwargs: dict[str, Any] = {} if lang is None else {"lang": lang}
    if noun_phrases:
        kwargs["noun_phrases"] = True
    return frames.Step(quote_rows, frames.QUOTES, kwargs)


def quote_rows(doc: Document, lang: str | None = None, noun_phrases: bool = False) -> list[dict[str, Any]]:
    """The rows of :func:`quotes` for one document, computed once per Document and language (copies are returned).

    ``tk.quotes`` and the scare-quote device (and :func:`toolkit.analyze`,
    which runs both) share the result instead of pairing the marks twice.
    Reported speech whose content is a noun phrase (rule ending
    ``:noun_phrase``) is left out unless ``noun_phrases=True``, as in :func:`quotes`.

    Examples
    --------
    >>> doc = Document('He called them "jihadists".')
    >>> quote_rows(doc)[0]["kind"], quote_rows(doc) is not quote_rows(doc)
    ('scare', True)
    """
    lang = document_language(doc.text, doc.meta, lang)
    rows = doc._cached(f"quote_rows:{lang}", lambda: _extract(doc, lang))
    out = [dict(zip(_ROW_KEYS, r, strict=True)) for r in rows]
    return out if noun_phrases else [r for r in out if not r["rule"].endswith(NOUN_PHRASE_RULE)]


def scare_rows(doc: Document, lang: str | None = None) -> list[dict[str, Any]]:
    """The ``scare`` rows of :func:`quote_rows` for one document, without the whole extraction when it can stop early.

    When ``quote_rows`` has run on the document already (``tk.analyze`` with quotes first), its
    cached rows are filtered; otherwise the paragraph walk stops after the last paragraph with a
    quoted span that may be a scare quote (the rows are the same, see ``structure._extract``) and
    nothing is cached.

    Examples
    --------
    >>> [r["text"] for r in scare_rows(Document('The so-called "experts" disagreed. "Yes," he said.'))]
    ['experts']
    """
    lang = document_language(doc.text, doc.meta, lang)
    cached = doc._cache.get(f"quote_rows:{lang}")
    rows = cached if cached is not None else _extract(doc, lang, scare_only=True)
    out = [dict(zip(_ROW_KEYS, r, strict=True)) for r in rows]
    return [r for r in out if r["kind"] == "scare"]


def speakers(
    x: Any, *, kinds: Iterable[str] = ("direct", "partial", "indirect"), lang: str | None = None,
    noun_phrases: bool = False, n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16,
) -> pd.DataFrame:
    """Who is quoted, how often and at what length: one row per speaker.

    Parameters
    ----------
    x
        Anything :func:`quotes` accepts, or a table :func:`quotes` returned.
    lang, noun_phrases, n_jobs, progress, batch_size
        As in :func:`quotes` (unused for a table).
    kinds
        Which quote kinds count (scare quotes have no speaker).

    Returns
    -------
    pandas.DataFrame
        ``speaker, quotes, words, share``: number of quotations, words in
        them (content span) and the share of all attributed words, largest
        first. Rows in duplicate paragraphs and quotes without a resolved
        speaker are left out.

    Examples
    --------
    >>> speakers('"We will win," Sergei Lavrov said. "Never," he said.').values.tolist()
    [['Sergei Lavrov', 2, 4, 1.0]]
    """

    made_by = frames.extractor_of(x) if isinstance(x, pd.DataFrame) or hasattr(x, "npartitions") else None
    if made_by not in (None, "quotes"):
        raise ParameterError(f"speakers() takes a text, a corpus or a tk.quotes table, not a tk.{made_by} table")
    is_table = made_by == "quotes"
    table = x if is_table else quotes(x, lang=lang, noun_phrases=noun_phrases, n_jobs=n_jobs, progress=progress,
                                        batch_size=batch_size)
    wanted = sorted(set(kinds))
    # per piece (the whole table, or each dask partition): quotes and words per speaker, added up, shares once
    return runner.aggregate(table, _speaker_counts, keys=["speaker"], meta=frames.SPEAKERS.empty(),
                                 finalize=partial(_speaker_shares, kinds=wanted), kinds=wanted)


def _speaker_counts(table: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    t = table[table["kind"].isin(kinds) & ~table["duplicate"].astype(bool) & table["speaker"].notna()]
    return pd.DataFrame({
        "speaker": t["speaker"].astype(str), "quotes": 1, "words": t["text"].map(count_words).astype("int64"),
    })


def _speaker_shares(counts: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    total = counts["words"].sum() if len(counts) else 0
    out = counts.assign(share=counts["words"] / total if total else 0.0)
    out = out.sort_values(["words", "quotes", "speaker"], ascending=[False, False, True], kind="stable")
    return frames.finish(out.reset_index(drop=True), frames.SPEAKERS, params={"kinds": kinds})
