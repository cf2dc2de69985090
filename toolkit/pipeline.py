"""Several extractors in one pass over a corpus: :func:`analyze`.

Calling ``tk.quotes``, ``tk.devices`` and ``tk.lexical_profile`` one after the
other reads the corpus three times and builds every document's normalised
view, paragraphs, sentences and duplicate flags three times (and the
scare-quote device pairs the quotation marks again). :func:`analyze` reads each
document once, runs every requested extractor on the same
:class:`~toolkit.corpus.Document` and returns one table per extractor, each
identical to the table of the separate call. It streams like every corpus
call (bounded memory, ``n_jobs`` processes, a progress bar).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import distributed, frames, runner, units
from .devices import device_step
from .errors import ParameterError
from .profile import profile_step
from .quotes import quote_step


def _fixed(fn: frames.DocFunction, schema: frames.Schema) -> Callable[..., frames.Step]:
    def build(**options: Any) -> frames.Step:
        if options:
            raise ParameterError(f"{schema.name} takes no options (got {sorted(options)})")
        return frames.Step(fn, schema, {})

    return build


#: table name -> builder of its step from the options of the separate call
STEPS: dict[str, Callable[..., frames.Step]] = {
    "paragraphs": _fixed(units._paragraph_rows, frames.PARAGRAPHS),
    "sentences": _fixed(units._sentence_rows, frames.SENTENCES),
    "tokens": _fixed(units._token_rows, frames.TOKENS),
    "quotes": quote_step,
    "devices": device_step,
    "lexical_profile": profile_step,
}

DEFAULT_TABLES = ("quotes", "devices", "lexical_profile")


def analyze(
    x: Any,
    tables: Iterable[str] = DEFAULT_TABLES,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
    out: str | Path | None = None,
) -> dict[str, Any]:
    """Run several extractors in one pass; one table per extractor.

    Parameters
    ----------
    x
        A text, Document, Corpus, DataFrame with ``id``/``text`` (streamed), or
        a dask DataFrame (then each table is a lazy dask DataFrame with the
        columns and dtypes of the separate call; computed together, e.g.
        ``dask.compute(*out.values())``, they read each partition once).
    tables
        Names from :data:`STEPS`: ``quotes``, ``devices``, ``lexical_profile``
        (the default), ``paragraphs``, ``sentences``, ``tokens``.
    options
        Per-table options of the separate call, e.g.
        ``{"devices": {"kinds": ["historical_analogy"]}, "lexical_profile": {"window": 100}}``.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).
    out
        A folder: the tables are streamed to ``<out>/<table>.csv`` batch by
        batch (UTF-8, ``\n`` line ends; the same bytes as writing the finished
        table) instead of being held in memory, so memory stays flat for any
        corpus size. The folder is created; existing files are replaced.

    Returns
    -------
    dict of str to pandas.DataFrame, or dict of str to pathlib.Path
        Keyed by table name; ``out["quotes"]`` equals ``tk.quotes(x)`` and so
        on. With ``out``: the CSV paths.

    Raises
    ------
    ParameterError
        An unknown table name, options for a table not requested, or an
        invalid option.

    Examples
    --------
    >>> out = analyze('"We must not repeat the mistakes of Vietnam," he said.', ["quotes", "devices"])
    >>> out["quotes"]["kind"].tolist(), out["devices"]["device"].tolist()
    (['direct'], ['historical_analogy', 'loaded_language'])
    """
    names = [tables] if isinstance(tables, str) else list(dict.fromkeys(tables))
    if not names:
        raise ParameterError("tables is empty: name at least one of " + ", ".join(STEPS))
    for name in names:
        if name not in STEPS:
            raise ParameterError.choice("tables", name, STEPS)
    options = dict(options or {})
    stray = sorted(set(options) - set(names))
    if stray:
        raise ParameterError(f"options given for tables not requested: {', '.join(stray)}")
    # quotes run first on each document: their rows are cached on it and the scare-quote device reads them
    # instead of walking the quotes again; the tables come back in the order asked for
    steps = {name: STEPS[name](**dict(options.get(name, {}))) for name in sorted(names, key=lambda n: n != "quotes")}
    if out is not None and distributed.is_dask(x):
        raise ParameterError("out= streams local results; with dask, write the lazy tables with to_csv/to_parquet")
    if out is None:
        tables = runner.per_document_many(steps, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                                          desc="+".join(names))
        return {name: tables[name] for name in names}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in names}
    for path in paths.values():
        path.unlink(missing_ok=True)

    def append(name: str, frame: Any) -> None:
        path = paths[name]
        header = not path.exists()
        with path.open("a", encoding="utf-8", errors="replace", newline="") as fh:
            frame.to_csv(fh, index=False, header=header, lineterminator="\n")

    runner.per_document_many(steps, x, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                             desc="+".join(names), sink=append)
    for name, path in paths.items():  # an input with no documents still gets each table's header
        if not path.exists():
            append(name, steps[name].schema.empty())
    return paths


__all__ = ["DEFAULT_TABLES", "STEPS", "analyze"]
