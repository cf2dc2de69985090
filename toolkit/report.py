"""Write the tables, figures and an HTML report for any input.

Each entry of :data:`TABLES` is one CSV the report writes; capabilities add
their extractor there. The HTML index lists every file written, escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import Corpus, load_corpus
from .devices import devices
from .duplicates import duplicates
from .profile import lexical_profile
from .quotes import quotes, speakers
from .units import paragraphs, sentences

Extractor = Callable[..., pd.DataFrame]

#: (file stem, extractor, accepts n_jobs)
TABLES: list[tuple[str, Extractor, bool]] = [
    ("paragraphs", paragraphs, True),
    ("sentences", sentences, True),
    ("duplicates", duplicates, False),
    ("lexical_profile", lexical_profile, True),
    ("devices", devices, True),
    ("quotes", quotes, True),
    ("speakers", speakers, False),
]


def _corpus(inputs: Sequence[str], limit: int | None) -> Corpus:
    docs = []
    for src in inputs:
        corpus = load_corpus(src)
        if limit is not None:
            corpus = corpus.head(limit)
        docs.extend(corpus)
    return Corpus.from_documents(docs, source=", ".join(inputs))


def write_report(
    inputs: Sequence[str], out: str | Path, *, limit: int | None = None, n_jobs: int = 1
) -> list[Path]:
    """Run every extractor on ``inputs`` and write CSVs and ``index.html`` to ``out``.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> files = write_report(["data/lavrov_2015_afp.txt"], tempfile.mkdtemp())
    >>> sorted(p.name for p in files)[:2]
    ['duplicates.csv', 'index.html']
    """
    out = Path(out)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    corpus = _corpus(inputs, limit)
    written: list[Path] = []
    for stem, extractor, parallel in TABLES:
        kwargs: dict[str, Any] = {"n_jobs": n_jobs} if parallel else {}
        table = extractor(corpus, **kwargs)
        path = out / "tables" / f"{stem}.csv"
        # errors="replace": a lone surrogate (legal in Python str, e.g. JSON "\ud800") becomes "?" (1:1, offsets hold)
        table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", errors="replace")
        written.append(path)
    index = out / "index.html"
    items = "\n".join(
        f'<li><a href="{html.escape(p.relative_to(out).as_posix(), quote=True)}">'
        f"{html.escape(p.name)}</a></li>"
        for p in written
    )
    sources = html.escape(corpus.source)
    index.write_text(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Discourse report</title></head><body><h1>Discourse report</h1>"
        f"<p>Input: {sources}</p><ul>\n{items}\n</ul></body></html>\n",
        encoding="utf-8",
    )
    written.append(index)
    return written
