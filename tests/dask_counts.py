"""User-style count functions for the dask aggregate tests (imported by the dask workers by name)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

import toolkit as tk


def word_counts(doc: tk.Document) -> list[dict]:
    """Per-document partial counts: occurrences and document frequency of each lower-cased word."""
    counts = Counter(doc.text[s:e].lower() for s, e in doc.tokens if doc.text[s:e][:1].isalnum())
    return [{"word": w, "count": n, "docs": 1} for w, n in counts.items()]


def rates(counts: pd.DataFrame) -> pd.DataFrame:
    total = counts["count"].sum()
    out = counts.assign(per_million=counts["count"] * 1e6 / total if total else 0.0)
    return out.sort_values(["count", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)


RATES_META = pd.DataFrame({
    "word": pd.Series([], dtype="str"), "count": pd.Series([], dtype="int64"),
    "docs": pd.Series([], dtype="int64"), "per_million": pd.Series([], dtype="float64"),
})
