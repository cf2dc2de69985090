"""Write the tables, figures and an HTML report for any input.

Each entry of :data:`TABLES` is one CSV the report writes; capabilities add
their extractor there. From those tables the report also draws figures
(:mod:`toolkit.plot`, each as PDF, SVG, PNG and the CSV behind it) and writes
one highlighted page per document (:func:`toolkit.highlight`, up to
``pages``) with an index of the pages. ``index.html`` links every file;
everything from the input (names, ids, titles, text) is HTML-escaped.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from . import plot
from .corpus import Corpus, load_corpus
from .devices import devices
from .duplicates import duplicates
from .errors import EmptyInputError, InputError, OutputError, ParameterError, SkippedInputWarning
from .highlight import highlight
from .pipeline import STEPS, analyze
from .profile import lexical_profile
from .quotes import quotes, speakers
from .spreadsheet import spreadsheet_safe, write_csv, write_xlsx

__all__ = ["SINGLE_TABLES", "TABLES", "table", "write_csv", "write_report"]
from .stats import keyness
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


def _corpus(
    inputs: Sequence[str], limit: int | None, origin: dict[str, str] | None = None, *,
    encoding: str | None = None, on_error: str = "raise",
) -> Corpus:
    """Every document of ``inputs``, in memory; an empty input (or, with ``on_error="skip"``, a bad one) is skipped."""
    docs = []
    for src in inputs:
        try:
            corpus = load_corpus(src, encoding=encoding, on_error=on_error)  # type: ignore[arg-type]
            if limit is not None:
                corpus = corpus.head(limit)
            found = list(iter(corpus))  # not list(corpus): its len() would read (and warn) twice
        except InputError as err:
            if on_error != "skip" and not isinstance(err, EmptyInputError):
                raise
            warnings.warn(f"skipped: {err}", SkippedInputWarning, stacklevel=2)
            continue
        for doc in found:
            docs.append(doc)
            if origin is not None:
                origin.setdefault(doc.id, Path(src).name)
    return Corpus.from_documents(docs, source=", ".join(inputs))


def _out_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder; give a folder for the report (it is created if missing)")
    try:
        (out / "tables").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {out} ({exc.strerror or exc})") from None


#: the tables :func:`table` can extract on their own (the command line's ``quotes`` and ``devices``)
SINGLE_TABLES = ("quotes", "devices")


def table(
    name: str, inputs: Sequence[str], *, limit: int | None = None, n_jobs: int = 1,
    encoding: str | None = None, on_error: str = "raise", options: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One of the report's tables for ``inputs``, row for row as the report writes it.

    ``options`` are the keywords of the separate call (``{"lexicons": …}`` for devices).

    Examples
    --------
    >>> table("quotes", ["data/lavrov_2015_afp.txt"])["doc_id"].unique().tolist()
    ['lavrov_2015_afp']
    """
    if name not in SINGLE_TABLES:
        raise ParameterError.choice("name", name, SINGLE_TABLES)
    corpus = _corpus(inputs, limit, encoding=encoding, on_error=on_error)
    return analyze(corpus, [name], n_jobs=n_jobs, options={name: options} if options else None)[name]


def write_report(
    inputs: Sequence[str], out: str | Path, *, limit: int | None = None, n_jobs: int = 1, pages: int = 50,
    encoding: str | None = None, on_error: str = "raise", spreadsheet_safe: bool = False,
) -> list[Path]:
    """Run every extractor on ``inputs``; write CSVs, figures, highlighted pages and ``index.html`` to ``out``.

    Parameters
    ----------
    inputs
        Files or folders, as :func:`toolkit.load_corpus` reads them.
    out
        Output folder: ``tables/`` (one CSV per :data:`TABLES` entry),
        ``figures/`` (PDF, SVG, PNG and CSV per figure), ``pages/`` (one
        highlighted page per document and ``pages/index.html``) and
        ``index.html``.
    limit
        At most this many documents per input.
    n_jobs
        Worker processes for the extractors that take them.
    pages
        Highlighted pages for at most this many documents (0: none).
    encoding, on_error
        As in :func:`toolkit.load_corpus`; an empty input is skipped with a
        warning, and ``on_error="skip"`` skips any input that cannot be read.
    spreadsheet_safe
        Write the CSVs with :func:`toolkit.spreadsheet.spreadsheet_safe` cells.
        Either way every table and figure table is also written as ``.xlsx``
        with text cells (:func:`toolkit.spreadsheet.write_xlsx`): the file to
        open in a spreadsheet.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> files = write_report(["data/lavrov_2015_afp.txt"], tempfile.mkdtemp())
    >>> sorted(p.relative_to(files[-1].parent).as_posix() for p in files if p.suffix == ".html")
    ['index.html', 'pages/0001_lavrov_2015_afp.html', 'pages/index.html']
    """
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 0:
        raise ParameterError(f"pages={pages!r} must be an int >= 0")
    out = Path(out)
    _out_folder(out)
    origin: dict[str, str] = {}
    corpus = _corpus(inputs, limit, origin, encoding=encoding, on_error=on_error)
    written: list[Path] = []
    results: dict[str, pd.DataFrame] = {}
    # the per-document tables in one pass over the corpus (each document modelled once)
    results.update(analyze(corpus, [stem for stem, _, _ in TABLES if stem in STEPS], n_jobs=n_jobs))
    for stem, extractor, parallel in TABLES:
        if stem not in results:
            # speakers: counted from the quotes table, not by extracting the quotes again
            source = results["quotes"] if stem == "speakers" else corpus
            results[stem] = extractor(source, **({"n_jobs": n_jobs} if parallel else {}))
        path = out / "tables" / f"{stem}.csv"
        write_csv(results[stem], path, safe=spreadsheet_safe)
        written += [path, write_xlsx(results[stem], path.with_suffix(".xlsx"), sheet=stem)]
    tables = list(written)
    figures, notes = _figures(results, corpus, origin, inputs, out / "figures", safe=spreadsheet_safe)
    written.extend(figures)
    page_files = _pages(corpus, results, out / "pages", pages) if pages else []
    written.extend(page_files)
    index = out / "index.html"
    index.write_text(_index_html(corpus.source, out, tables, figures, page_files, notes), encoding="utf-8")
    written.append(index)
    return written


# --------------------------------------------------------------------------- figures


def _figures(
    results: dict[str, pd.DataFrame], corpus: Corpus, origin: dict[str, str], inputs: Sequence[str], folder: Path,
    safe: bool = False,
) -> tuple[list[Path], list[str]]:
    """Draw every figure the tables allow; return the files and a note per figure left out."""
    written: list[Path] = []
    notes: list[str] = []

    def draw(stem: str, data: pd.DataFrame, fn: Callable[..., Any], width: plot.Width = "one", height: float = 2.4,
             **kwargs: Any) -> None:
        with plot.style("paper"):
            fig = Figure(figsize=(plot.WIDTHS[width], height), layout="constrained")
            ax = fig.subplots()
            fn(data, ax=ax, **kwargs)
            written.extend(plot.save(fig, folder / stem, data=spreadsheet_safe(data) if safe else data))
            written.append(write_xlsx(data, folder / f"{stem}.xlsx", sheet=stem))

    def rows(n: int) -> float:
        return round(max(1.6, 0.7 + 0.18 * n), 2)

    quotes = results.get("quotes")
    if quotes is not None and not quotes.empty:
        voiced = quotes[~quotes["duplicate"] & (quotes["kind"] != "scare")]
        if voiced["speaker"].notna().any():
            n = min(12, voiced["speaker"].nunique())
            draw("speakers", voiced, plot.speakers, height=rows(n), n=12)
        else:
            notes.append("speakers: no quote has a resolved speaker")
        if not voiced.empty:
            draw("attribution", voiced, plot.voices, height=rows(voiced["attribution"].nunique()),
                 by="attribution", hue="kind")
    else:
        notes.append("speakers, attribution: no quotes found")
    found = results.get("devices")
    if found is not None and not found.empty:
        found = found[~found["duplicate"]]
        n = min(15, found["doc_id"].nunique())
        draw("devices_by_document", found, plot.devices, width="two", height=rows(n), by="doc_id")
        analogies = found[found["device"] == "historical_analogy"].dropna(subset=["referent"])
        if not analogies.empty:
            referents = analogies.assign(referent=analogies["referent"].str.split("; ")).explode(
                "referent", ignore_index=True)
            n = min(15, referents["referent"].nunique())
            draw("historical_referents", referents, plot.voices, height=rows(n), by="referent", n=15)
    else:
        notes.append("devices: no rhetorical devices found")
    profile = results.get("lexical_profile")
    if profile is not None and not profile.empty:
        grouped = profile.assign(input=profile["doc_id"].map(origin))
        draw("readability", grouped, plot.readability, by="input", measure="flesch_reading_ease")
        draw("diversity", grouped, plot.diversity, by="input", measure="mattr")
    if len(inputs) >= 2:

        first = Path(inputs[0]).name
        target = [d for d in corpus if origin.get(d.id) == first]
        reference = [d for d in corpus if origin.get(d.id) != first]
        keys = keyness(target, reference, filter_stops=True, min_freq=3)
        if not keys.empty:
            shown = min(12, int((keys["log_ratio"] > 0).sum())) + min(12, int((keys["log_ratio"] < 0).sum()))
            draw("keyness", keys, plot.keyness, height=round(max(1.6, 0.7 + 0.14 * shown), 2),
                 labels=(first, "the other inputs"))
        else:
            notes.append("keyness: no term occurs often enough")
    return written, notes


# --------------------------------------------------------------------------- pages


def _page_name(i: int, doc_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._")[:60] or "document"
    return f"{i:04d}_{safe}.html"


def _pages(corpus: Corpus, results: dict[str, pd.DataFrame], folder: Path, limit: int) -> list[Path]:
    """One highlighted page per document (up to ``limit``) and an index of them."""

    folder.mkdir(parents=True, exist_ok=True)
    empty = pd.DataFrame(columns=["doc_id", "start", "end"])
    by_doc = {
        name: dict(tuple(table.groupby("doc_id", sort=False))) if table is not None and not table.empty else {}
        for name, table in (("quotes", results.get("quotes")), ("devices", results.get("devices")))
    }
    written: list[Path] = []
    items: list[str] = []
    for i, doc in enumerate(corpus, 1):
        if i > limit:
            break
        q = by_doc["quotes"].get(doc.id, empty)
        d = by_doc["devices"].get(doc.id, empty)
        path = highlight(doc, quotes=q, devices=d).save(folder / _page_name(i, doc.id))
        written.append(path)
        title = doc.meta.get("title") or doc.id
        items.append(
            f'<li><a href="{html.escape(path.name, quote=True)}">{html.escape(str(title))}</a> '
            f"<code>{html.escape(doc.id)}</code> — {len(q)} quotes, {len(d)} devices</li>"
        )
    total = len(corpus)
    more = f"<p>First {limit} of {total} documents.</p>" if total > limit else ""
    index = folder / "index.html"
    index.write_text(
        _page("Highlighted documents", f"<h1>Highlighted documents</h1><p>Input: {html.escape(corpus.source)}</p>"
              f"{more}<ol>\n" + "\n".join(items) + "\n</ol>"),
        encoding="utf-8",
    )
    return [*written, index]


# --------------------------------------------------------------------------- index


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src 'self'\">\n"
        f"<title>{html.escape(title)}</title></head>\n<body style=\"font-family:system-ui,sans-serif;"
        f"max-width:60em;margin:2em auto;padding:0 1em\">\n{body}\n</body></html>\n"
    )


def _link(path: Path, out: Path) -> str:
    rel = path.relative_to(out).as_posix()
    return f'<a href="{html.escape(rel, quote=True)}">{html.escape(path.name)}</a>'


def _index_html(source: str, out: Path, tables: list[Path], figures: list[Path], pages: list[Path],
                notes: list[str]) -> str:
    parts = ["<h1>Discourse report</h1>", f"<p>Input: {html.escape(source)}</p>", "<h2>Tables</h2><ul>"]
    parts += [f"<li>{' · '.join(_link(p, out) for p in tables if p.stem == csv.stem)}</li>"
              for csv in tables if csv.suffix == ".csv"]
    parts.append("</ul><p>Open the <code>.xlsx</code> copies in a spreadsheet: their cells are text, never "
                 "formulas. The CSVs are exact (offsets slice the text) for pandas, R and scripts.</p><ul>")
    parts.append("</ul><h2>Figures</h2>")
    for png in (p for p in figures if p.suffix == ".png"):
        siblings = [p for p in figures if p.stem == png.stem]
        rel = html.escape(png.relative_to(out).as_posix(), quote=True)
        # twice the printed size at 300 dpi (a 3.5 in paper figure is 336 CSS px: too small to read on screen)
        width = int.from_bytes(png.read_bytes()[16:20], "big") * 96 // 300 * 2
        parts.append(
            f'<figure><img src="{rel}" alt="{html.escape(png.stem)}" width="{width}" style="max-width:100%">'
            f"<figcaption>{html.escape(png.stem)}: {' · '.join(_link(p, out) for p in siblings)}</figcaption></figure>"
        )
    if notes:
        parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    parts.append("<h2>Highlighted documents</h2>")
    if pages:
        parts.append(f"<p>{_link(pages[-1], out)} ({len(pages) - 1} pages)</p>")
    else:
        parts.append("<p>No pages written.</p>")
    return _page("Discourse report", "\n".join(parts))
