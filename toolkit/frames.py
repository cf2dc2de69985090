"""Table schemas and the one finishing step every extractor goes through.

Each extractor declares a :class:`Schema` (column names in order, dtypes) here
and returns ``finish(rows, SCHEMA, params=...)``: the same column order and
dtypes whatever the input (also for zero rows), rows in document order and
then by offset, and ``DataFrame.attrs`` recording the extractor, its
parameters and the toolkit version. Running an extractor over a corpus is
:mod:`toolkit.runner`'s job; this module only shapes tables (and adds up count
tables, :func:`sum_counts`), so it imports nothing else from the toolkit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .version import __version__

Row = dict[str, Any]
DocFunction = Callable[..., list[Row]]


@dataclass(frozen=True)
class Schema:
    """Name, ordered columns and dtypes of one extractor's table.

    Examples
    --------
    >>> s = Schema("demo", {"doc_id": "str", "start": "int64"})
    >>> s.empty().dtypes.astype(str).tolist()
    ['str', 'int64']
    """

    name: str
    columns: dict[str, str]
    sort: tuple[str, ...] = ("start", "end")

    def empty(self) -> pd.DataFrame:
        """A zero-row frame with the right columns and dtypes."""
        return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in self.columns.items()})


_SPAN = {"doc_id": "str", "start": "int64", "end": "int64"}
_PYTHON_STR = pd.StringDtype("python", na_value=float("nan"))
DOC_SEQ = "_doc_seq"  # hidden row key: the document's position in the input (dropped by finish)

QUOTES = Schema("quotes", {
    **_SPAN, "text": "str", "kind": "str", "speaker": "str", "speaker_mention": "str",
    "speaker_start": "Int64", "speaker_end": "Int64", "content_start": "int64",
    "content_end": "int64", "attribution": "str", "cue": "str", "cue_start": "Int64",
    "cue_end": "Int64", "paragraph": "int64", "duplicate": "bool", "rule": "str",
    "fragments": "str",
})
SPEAKERS = Schema("speakers", {
    "speaker": "str", "quotes": "int64", "words": "int64", "share": "float64",
}, sort=())
DEVICES = Schema("devices", {
    **_SPAN, "device": "str", "text": "str", "cue": "str", "explanation": "str",
    "referent": "str", "target": "str", "score": "float64", "paragraph": "int64",
    "duplicate": "bool",
}, sort=("start", "end", "device"))
DUPLICATES = Schema("duplicates", {
    **_SPAN, "paragraph": "int64", "text": "str", "match_type": "str", "similarity": "float64",
    "original_doc_id": "str", "original_paragraph": "int64", "original_start": "int64",
    "original_end": "int64",
})
PARAGRAPHS = Schema("paragraphs", {
    **_SPAN, "paragraph": "int64", "text": "str", "duplicate": "bool",
})
SENTENCES = Schema("sentences", {
    **_SPAN, "sentence": "int64", "paragraph": "int64", "text": "str", "duplicate": "bool",
})
TOKENS = Schema("tokens", {
    **_SPAN, "token": "str", "lower": "str", "is_word": "bool", "sentence": "int64",
    "paragraph": "int64", "duplicate": "bool",
})

# lexical statistics (toolkit/profile/, toolkit/stats/, toolkit/kwic.py)
LEXICAL_PROFILE = Schema("lexical_profile", {
    "doc_id": "str", "tokens": "int64", "types": "int64", "sentences": "int64", "syllables": "int64",
    "polysyllables": "int64", "complex_words": "int64", "difficult_words": "int64", "letters": "int64",
    "characters": "int64", "ttr": "float64", "root_ttr": "float64", "mattr": "float64", "mtld": "float64",
    "hdd": "float64", "flesch_reading_ease": "float64", "flesch_kincaid_grade": "float64",
    "gunning_fog": "float64", "smog_index": "float64", "coleman_liau_index": "float64",
    "automated_readability_index": "float64", "dale_chall": "float64", "mean_sentence_length": "float64",
    "engine": "str",
}, sort=())
FREQUENCIES = Schema("frequencies", {
    "group": "str", "term": "str", "freq": "int64", "per_million": "float64", "doc_freq": "int64",
    "doc_share": "float64", "rank": "int64",
}, sort=())
KEYNESS = Schema("keyness", {
    "term": "str", "freq_target": "int64", "freq_reference": "int64", "per_million_target": "float64",
    "per_million_reference": "float64", "g2": "float64", "p": "float64", "log_ratio": "float64",
    "direction": "str",
}, sort=())
COLLOCATIONS = Schema("collocations", {
    "term": "str", "w1": "str", "w2": "str", "freq": "int64", "freq_w1": "int64", "freq_w2": "int64",
    "score": "float64", "measure": "str", "window": "int64",
}, sort=())
KWIC = Schema("kwic", {
    **_SPAN, "left": "str", "match": "str", "right": "str", "pattern": "str", "context_start": "int64",
    "context_end": "int64", "paragraph": "int64", "duplicate": "bool",
})
DISPERSION = Schema("dispersion", {
    "term": "str", "freq": "int64", "parts": "int64", "range": "int64", "dp": "float64",
    "dp_norm": "float64", "juilland_d": "float64",
}, sort=())
DISPERSION_POSITIONS = Schema("dispersion_positions", {
    **_SPAN, "term": "str", "match": "str", "word_index": "int64", "doc_words": "int64", "position": "float64",
    "paragraph": "int64", "duplicate": "bool",
})

#: every public table schema, for :func:`extractor_of`
SCHEMAS = (QUOTES, SPEAKERS, DEVICES, DUPLICATES, PARAGRAPHS, SENTENCES, TOKENS, LEXICAL_PROFILE, FREQUENCIES,
           KEYNESS, COLLOCATIONS, KWIC, DISPERSION, DISPERSION_POSITIONS)


def finish(
    rows: Iterable[Row] | pd.DataFrame,
    schema: Schema,
    *,
    params: dict[str, Any] | None = None,
    doc_order: list[str] | None = None,
) -> pd.DataFrame:
    """Build the final table: columns, dtypes, stable order, ``attrs``.

    Parameters
    ----------
    rows
        Dicts (missing keys become missing values) or a DataFrame.
    schema
        The extractor's schema.
    params
        Parameters to record in ``df.attrs["params"]``.
    doc_order
        Document ids in input order; rows are sorted by it, then by the
        schema's sort columns. Without it, the order of first appearance.

    Examples
    --------
    >>> finish([{"doc_id": "a", "start": 3, "end": 4}], Schema("t", _SPAN)).shape
    (1, 3)
    """
    rows = rows.copy() if isinstance(rows, pd.DataFrame) else list(rows)
    try:
        df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    except UnicodeEncodeError:
        df = pd.DataFrame(rows, dtype=object)
    if df.empty:
        out = schema.empty()
    else:
        # per_document numbers the documents, so two documents that share an id never interleave
        seq = df.pop(DOC_SEQ).to_numpy() if DOC_SEQ in df.columns else None
        for col, _dtype in schema.columns.items():
            if col not in df.columns:
                df[col] = None
        df = df[list(schema.columns)]
        try:
            out = df.astype(schema.columns)
        except UnicodeEncodeError:
            # lone surrogates (legal in Python strings, e.g. from JSON "\\ud800") cannot be
            # stored as Arrow strings: keep the same ``str`` dtype with Python storage
            out = df.astype(object).astype({c: _PYTHON_STR if t == "str" else t for c, t in schema.columns.items()})
        keys = [c for c in schema.sort if c in out.columns]
        if "doc_id" in out.columns and keys:
            if seq is not None:
                out = out.assign(_doc_rank=seq)
            else:
                order = doc_order or list(dict.fromkeys(out["doc_id"].tolist()))
                rank = {d: i for i, d in enumerate(order)}
                out = out.assign(_doc_rank=out["doc_id"].map(rank))
            out = out.sort_values(["_doc_rank", *keys], kind="stable").drop(columns="_doc_rank")
        out = out.reset_index(drop=True)
    out.attrs = {
        "extractor": schema.name,
        "params": dict(params or {}),
        "toolkit_version": __version__,
    }
    return out


@dataclass(frozen=True)
class Step:
    """One per-document extractor: its row function, schema and keywords.

    :func:`toolkit.runner.per_document_many` runs several steps in one pass.

    Examples
    --------
    >>> Step(len, Schema("t", _SPAN), {}).schema.name
    't'
    """

    fn: DocFunction
    schema: Schema
    kwargs: dict[str, Any]


def extractor_of(x: Any) -> str | None:
    """The extractor that made table ``x``: ``attrs["extractor"]``, else the schema whose columns it has.

    A table read back from CSV has lost its ``attrs``; it is still recognised
    when it has every column of one schema (the widest such schema wins). A
    corpus frame (``id``, ``text`` and metadata such as a ``kind`` column)
    gives ``None``.

    Examples
    --------
    >>> extractor_of(SPEAKERS.empty()), extractor_of(pd.DataFrame({"id": ["a"], "text": ["b"], "kind": ["x"]}))
    ('speakers', None)
    """
    attrs = getattr(x, "attrs", None) or {}
    if isinstance(attrs.get("extractor"), str):
        return attrs["extractor"]
    columns = set(getattr(x, "columns", ()))
    fits = [s for s in SCHEMAS if set(s.columns) <= columns]
    return max(fits, key=lambda s: len(s.columns)).name if fits else None


# --------------------------------------------------------------------------- count tables


def sum_counts(parts: pd.DataFrame | Iterable[pd.DataFrame], keys: Sequence[str]) -> pd.DataFrame:
    """Add up partial count tables: one row per key, every other column summed.

    Keys keep the order of their first appearance, so adding partitions in
    order gives the same table as counting everything at once. Missing keys
    (``None``) are a group of their own.

    Examples
    --------
    >>> import pandas as pd
    >>> sum_counts(pd.DataFrame({"k": ["x", "y", "x"], "n": [1, 2, 3]}), ["k"])["n"].tolist()
    [4, 2]
    """
    frame = parts if isinstance(parts, pd.DataFrame) else _concat(list(parts))
    keys = list(keys)
    if frame.empty or not keys:
        return frame.reset_index(drop=True)
    return frame.groupby(keys, sort=False, dropna=False, observed=True).sum().reset_index()


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    non_empty = [p for p in parts if not p.empty]
    if not non_empty:
        return parts[0].iloc[:0] if parts else pd.DataFrame()
    return non_empty[0] if len(non_empty) == 1 else pd.concat(non_empty, ignore_index=True)
