"""Figures for papers from the toolkit's tidy tables.

Every function takes a table returned by an extractor (``tk.quotes``,
``tk.speakers``, ``tk.devices``, ``tk.keyness``, ``tk.dispersion``,
``tk.lexical_profile``), draws on ``ax`` (or on a new figure in the
:data:`PAPER` style) and returns the matplotlib ``Axes``. :func:`save` writes
PDF, SVG and PNG plus the CSV of the data behind the figure, byte for byte the
same on every run.

The ``paper`` style: fonts kept as text in PDF (TrueType) and SVG, the
Okabe–Ito colour cycle (distinguishable with the common colour-vision
deficiencies), 8-pt type and widths for one-column (3.5 in) and two-column
(7.2 in) figures.

Examples
--------
>>> import pandas as pd
>>> q = pd.DataFrame({"speaker": ["A", "A", "B"], "kind": ["direct", "partial", "direct"]})
>>> speakers(q).get_ylabel()
'speaker'

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures
and presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import frames
from .errors import ParameterError

#: Okabe & Ito (2008) colours; black last.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442", "#000000",
)
#: Figure widths in inches.
WIDTHS: dict[str, float] = {"one": 3.5, "two": 7.2}

#: Font families tried in order for every glyph (matplotlib ≥ 3.6 falls back per
#: character): DejaVu covers Latin, Greek, Cyrillic and Arabic; the Noto families,
#: where installed, cover Devanagari, CJK and the other scripts DejaVu lacks.
FONTS: tuple[str, ...] = (
    "DejaVu Sans", "Noto Sans", "Noto Sans Devanagari", "Noto Sans Arabic", "Noto Sans Hebrew",
    "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Thai", "Noto Sans Georgian", "Noto Sans Armenian",
    "Noto Sans Ethiopic", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans SC", "Noto Sans JP",
    "Noto Sans KR", "Arial", "Helvetica",
)


#: entry-point group under which ``fontpkg-*`` packages (fonts packaged for Python) announce a family
FONT_PACKAGES = "fontpkg.family"


@lru_cache(maxsize=1)
def _register_font_packages() -> tuple[str, ...]:
    """Add the font files of every installed ``fontpkg-*`` package to matplotlib; their families.

    ``fontpkg-noto-sans-devanagari`` is a dependency (Devanagari has no glyphs in DejaVu);
    ``pip install fontpkg-noto-sans-<script>`` adds another script the same way, nothing to
    configure. A package that cannot be read is skipped (a missing font shows as boxes, it is
    not worth an error).
    """
    import json
    from importlib import import_module
    from importlib.metadata import entry_points

    from matplotlib import font_manager

    families = []
    for ep in entry_points(group=FONT_PACKAGES):
        try:
            root = Path(import_module(ep.value).ROOT)
            meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
            for entry in meta.get("files", ()):
                font_manager.fontManager.addfont(str(root / entry["path"]))
            families.append(meta["family"])
        except (ImportError, OSError, ValueError, KeyError, RuntimeError):
            continue
    return tuple(families)


def _installed_fonts() -> list[str]:
    """The :data:`FONTS` families this machine has (matplotlib warns about absent families)."""
    from matplotlib import font_manager

    _register_font_packages()
    have = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in FONTS if f in have] or ["DejaVu Sans"]


#: Human axis labels for the toolkit's column names (override with ``xlabel=``/``ylabel=``).
LABELS: dict[str, str] = {
    "doc_id": "document", "country_iso3": "country", "country": "country", "year": "year",
    "decade": "decade", "group": "group", "speaker": "speaker", "kind": "quote kind",
    "attribution": "attribution", "cue": "reporting verb", "device": "device", "referent": "historical referent",
    "term": "term", "mtld": "lexical diversity (MTLD)", "mattr": "lexical diversity (MATTR)",
    "ttr": "type–token ratio", "root_ttr": "root type–token ratio", "hdd": "lexical diversity (HD-D)",
    "flesch_reading_ease": "Flesch reading ease", "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog index", "smog_index": "SMOG index", "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "automated readability index", "dale_chall": "Dale–Chall score",
}


def label(column: Any) -> str:
    """The human label of a column name (:data:`LABELS`, else underscores as spaces).

    Examples
    --------
    >>> label("country_iso3"), label("mtld"), label("words_per_sentence")
    ('country', 'lexical diversity (MTLD)', 'words per sentence')
    """
    name = str(column)
    return LABELS.get(name, name.replace("_", " "))


#: The ``paper`` style as matplotlib rc parameters (usable with ``plt.style.use``).
PAPER: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": list(FONTS),
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.frameon": False,
    "axes.prop_cycle": mpl.cycler(color=list(OKABE_ITO)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.titlelocation": "left",
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.2,
    "figure.figsize": (WIDTHS["one"], 2.4),
    "figure.dpi": 110,
    "figure.constrained_layout.use": True,
    "savefig.dpi": 300,
    "savefig.bbox": "standard",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "svg.hashsalt": "discourse-toolkit",
}
_STYLES = {"paper": PAPER}
Width = Literal["one", "two"]
Format = Literal["pdf", "svg", "png"]
_METADATA: dict[str, dict[str, Any]] = {
    "pdf": {"CreationDate": None, "ModDate": None},
    "svg": {"Date": None},
    "png": {},
}


# --------------------------------------------------------------------------- style


@contextlib.contextmanager
def style(name: str = "paper") -> Iterator[None]:
    """Temporarily apply a named style (only ``"paper"`` so far).

    Examples
    --------
    >>> with style():
    ...     mpl.rcParams["pdf.fonttype"]
    42
    """
    if name not in _STYLES:
        raise ParameterError.choice("style", name, _STYLES)
    with _rc(_params(name)):
        yield


def _params(name: str) -> dict[str, Any]:
    """The style's rc parameters, the font list cut to the families installed here."""
    params = dict(_STYLES[name])
    params["font.sans-serif"] = _installed_fonts()
    params["font.family"] = params["font.sans-serif"]
    return params


@contextlib.contextmanager
def _rc(params: dict[str, Any]) -> Iterator[None]:
    """Set ``params`` and restore exactly those keys afterwards.

    Unlike ``matplotlib.rc_context`` this leaves every other setting alone:
    the notebook backend switches on interactive mode while the first figure
    is created, and a full restore would switch it off again, so later
    figures would no longer show inline.
    """
    saved = {k: mpl.rcParams[k] for k in params}
    mpl.rcParams.update(params)
    try:
        yield
    finally:
        mpl.rcParams.update(saved)


def use(name: str = "paper") -> None:
    """Apply a named style for the rest of the session (e.g. at the top of a notebook).

    Examples
    --------
    >>> with mpl.rc_context():
    ...     use("paper")
    ...     mpl.rcParams["font.size"]
    8.0
    """
    if name not in _STYLES:
        raise ParameterError.choice("style", name, _STYLES)
    mpl.rcParams.update(_params(name))


def figure(width: Width = "one", *, height: float | None = None, nrows: int = 1, ncols: int = 1) -> tuple[Figure, Any]:
    """A new figure in the paper style sized for one or two columns.

    Parameters
    ----------
    width
        ``"one"`` (3.5 in) or ``"two"`` (7.2 in).
    height
        Inches; by default 0.68 × the width for one column, 0.4 × for two.

    Returns
    -------
    (Figure, Axes or array of Axes)

    Examples
    --------
    >>> fig, ax = figure("two")
    >>> float(fig.get_figwidth())
    7.2
    """
    import matplotlib.pyplot as plt

    if width not in WIDTHS:
        raise ParameterError.choice("width", width, WIDTHS)
    w = WIDTHS[width]
    h = height if height is not None else round(w * (0.68 if width == "one" else 0.4), 2)
    with style("paper"):
        fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), layout="constrained", squeeze=True)
    return fig, axes


@contextlib.contextmanager
def _canvas(ax: Axes | None, width: Width, height: float | None = None) -> Iterator[Axes]:
    """Yield ``ax``, or a new paper-style Axes drawn under the paper style."""
    if ax is not None:
        yield ax
        return
    _fig, new = figure(width, height=height)
    with style("paper"):
        yield new


# --------------------------------------------------------------------------- helpers


def _need(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"{what}() needs a pandas DataFrame, not {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(
            f"{what}() needs the column(s) {missing}; the table has {list(table.columns)}"
        )


def _first_column(table: pd.DataFrame, candidates: Sequence[str], what: str) -> str:
    for c in candidates:
        if c in table.columns:
            return c
    raise ParameterError(f"{what}() needs one of the columns {list(candidates)}; the table has {list(table.columns)}")


def _label(value: Any, missing: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return missing
    return str(value)


def _short(label: Any, limit: int = 32) -> str:
    """A tick label cut to ``limit`` characters (with an ellipsis)."""
    text = str(label)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _no_data(ax: Axes, xlabel: str, ylabel: str) -> Axes:
    """An empty panel that says so (a figure from an empty table)."""
    ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", va="center", color="#666666")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _bars_height(n: int, per_bar: float = 0.18) -> float:
    """Figure height (inches) for ``n`` horizontal bars or lanes."""
    return round(max(1.6, 0.7 + per_bar * n), 2)


def _colours(n: int) -> list[str]:
    return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(n)]


OTHER_COLOUR = "#BBBBBB"


def _series_colours(columns: Sequence[Any]) -> list[str]:
    """Okabe–Ito colours in order; the catch-all "other" series is always grey."""
    colours = iter(_colours(len(columns)))
    return [OTHER_COLOUR if str(c) == "other" else next(colours) for c in columns]


def _stacked_barh(ax: Axes, counts: pd.DataFrame, *, xlabel: str, ylabel: str) -> Axes:
    """Horizontal stacked bars; rows are bars (top row first), columns are stacks."""
    if counts.empty:
        return _no_data(ax, xlabel, ylabel)
    left = np.zeros(len(counts))
    y = np.arange(len(counts))
    for colour, col in zip(_series_colours(list(counts.columns)), counts.columns, strict=True):
        values = counts[col].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=colour, label=str(col), height=0.7, linewidth=0)
        left += values
    ax.set_yticks(y, [_short(i) for i in counts.index])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if len(counts.columns) > 3:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    elif len(counts.columns) > 1:
        ax.legend(loc="best")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


_INDIRECT = ("indirect", "reported", "mixed")


def _quotes_label(kinds: Any) -> str:
    """The x label of a quote count: says when the bars include reported (indirect) speech."""
    values = {str(k) for k in kinds}
    if values & set(_INDIRECT):
        return "quotes (direct and reported speech)" if values - set(_INDIRECT) else "quotes (reported speech)"
    return "quotes"


def _attach(table: pd.DataFrame, meta: pd.DataFrame | None, by: str) -> pd.DataFrame:
    """Add column ``by`` from ``meta`` (``id`` or ``doc_id`` + ``by``) when the table lacks it."""
    if by in table.columns:
        return table
    if meta is None:
        raise ParameterError(
            f"the table has no column {by!r}; pass meta=corpus.to_frame() (with id and {by!r}) "
            f"or merge it first"
        )
    key = "doc_id" if "doc_id" in meta.columns else "id"
    _need(meta, [key, by], "meta")
    lookup = meta[[key, by]].drop_duplicates(key).rename(columns={key: "doc_id"})
    return table.merge(lookup, on="doc_id", how="left")


# --------------------------------------------------------------------------- voices


def speakers(table: pd.DataFrame, *, n: int = 12, by: str = "kind", unknown: bool = False,
             width: Width = "one", ax: Axes | None = None) -> Axes:
    """Quotes per speaker, the most quoted first, stacked by quote kind.

    Parameters
    ----------
    table
        ``tk.quotes`` output (``speaker`` and ``by`` columns; quotes without
        a speaker count as "(no speaker)") or ``tk.speakers`` output
        (``speaker, quotes``).
    n
        Show the ``n`` most quoted speakers.
    by
        Column of the quotes table to stack by (``kind``, ``attribution``…).
    unknown
        Also show quotes without a resolved speaker, as "(no speaker)".

    Examples
    --------
    >>> s = pd.DataFrame({"speaker": ["A", "B"], "quotes": [3, 1], "words": [30, 5], "share": [.75, .25]})
    >>> [t.get_text() for t in speakers(s).get_yticklabels()]
    ['A', 'B']
    """
    made_by = frames.extractor_of(table)
    if made_by is None:  # a hand-made table: a speakers table has a quotes count, a quotes table the by column
        _need(table, ["speaker"], "speakers")
        made_by = "speakers" if "quotes" in table.columns and by not in table.columns else "quotes"
    if made_by not in ("quotes", "speakers"):
        raise ParameterError(f"speakers() needs a tk.quotes or tk.speakers table, not a tk.{made_by} table")
    if not unknown:
        table = table[table["speaker"].notna()]
    if made_by == "speakers":
        counts = table.assign(speaker=[_label(s, "(no speaker)") for s in table["speaker"]])
        counts = counts.groupby("speaker", sort=False)["quotes"].sum().to_frame("quotes")
    else:
        _need(table, [by], "speakers")
        frame = pd.DataFrame({
            "speaker": [_label(s, "(no speaker)") for s in table["speaker"]],
            by: [_label(v, "(none)") for v in table[by]],
        })
        counts = pd.crosstab(frame["speaker"], frame[by])
    total = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda s: (-total[s], s))[:n]
    kinds = table["kind"] if "kind" in table.columns else (counts.columns if made_by == "quotes" else [])
    with _canvas(ax, width, None if ax else _bars_height(len(order))) as ax:
        ax.set_title(f"Most quoted speakers (top {len(order)})")
        return _stacked_barh(ax, counts.loc[order], xlabel=_quotes_label(kinds), ylabel=label("speaker"))


def voices(table: pd.DataFrame, *, by: str = "attribution", hue: str | None = None, n: int = 12,
           width: Width = "one", ax: Axes | None = None) -> Axes:
    """How quotes are attributed: counts of ``by`` (attribution, cue, kind…), optionally stacked by ``hue``.

    Examples
    --------
    >>> q = pd.DataFrame({"attribution": ["explicit", "pronoun", "explicit"], "kind": ["direct"] * 3})
    >>> [t.get_text() for t in voices(q).get_yticklabels()]
    ['explicit', 'pronoun']
    """
    _need(table, [by] + ([hue] if hue else []), "voices")
    frame = pd.DataFrame({by: [_label(v, "(none)") for v in table[by]]})
    if hue:
        frame[hue] = [_label(v, "(none)") for v in table[hue]]
        counts = pd.crosstab(frame[by], frame[hue])
    else:
        counts = frame[by].value_counts().to_frame("quotes")
    total = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda s: (-total[s], s))[:n]
    kinds = table["kind"] if "kind" in table.columns else []
    if "device" in table.columns and "kind" not in table.columns:  # a tk.devices table (e.g. referents)
        devices_seen = {str(d) for d in table["device"].dropna()}
        what = (label(devices_seen.pop()).replace("historical analogy", "historical analogies")
                if len(devices_seen) == 1 else "devices")
    else:
        what = _quotes_label(kinds)
    with _canvas(ax, width, None if ax else _bars_height(len(order))) as ax:
        ax.set_title(f"{what.split(' (')[0].capitalize()} by {label(by)}")
        return _stacked_barh(ax, counts.loc[order], xlabel=what, ylabel=label(by))


# --------------------------------------------------------------------------- devices


def devices(table: pd.DataFrame, *, by: str = "doc_id", meta: pd.DataFrame | None = None,
            kind: str = "device", n: int = 15, series: int = 7, per_document: bool = False, width: Width = "two",
            ax: Axes | None = None) -> Axes:
    """Devices per document or group (stacked bars) or over time (one line per kind).

    Parameters
    ----------
    table
        ``tk.devices`` output.
    by
        Column to group by: ``doc_id``, or a metadata column such as ``year``
        or ``country`` (taken from ``meta`` when the table lacks it). A
        numeric ``by`` is drawn as time lines, anything else as bars.
    meta
        Document metadata with ``id`` (or ``doc_id``) and ``by``, e.g.
        ``corpus.to_frame()``; it also gives the number of documents per
        group for ``per_document``.
    kind
        Column that names the series (``device``, ``referent``…).
    n
        At most ``n`` groups (bars).
    series
        At most this many series (the most frequent); the rest are summed as "other".
    per_document
        Divide counts by the number of documents in each group (needs ``meta``).

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a", "b"], "device": ["analogy", "irony", "analogy"]})
    >>> [t.get_text() for t in devices(d).get_yticklabels()]
    ['a', 'b']
    """
    _need(table, ["doc_id", kind], "devices")
    frame = _attach(table, meta, by)
    frame = frame.assign(**{kind: [_label(v, "(none)") for v in frame[kind]]})
    top = frame[kind].value_counts()
    if not isinstance(series, int) or series < 1:
        raise ParameterError(f"series={series!r} must be a positive int")
    keep = sorted(top.index, key=lambda k: (-top[k], k))[:series]
    if kind == "device" and "historical_analogy" in top.index and "historical_analogy" not in keep:
        keep = [*keep[: series - 1], "historical_analogy"]  # the headline device never hides in "other"
    series = frame[kind].where(frame[kind].isin(keep), "other")
    counts = pd.crosstab(frame[by], series)
    counts = counts[[c for c in [*keep, "other"] if c in counts.columns]]
    if per_document:
        if meta is None:
            raise ParameterError("per_document=True needs meta= (to count documents per group)")
        _need(meta, [by], "meta")
        docs = meta[by].value_counts()
        counts = counts.reindex(docs.index, fill_value=0).div(docs, axis=0)
    what = "devices per document" if per_document else "devices"
    numeric = pd.api.types.is_numeric_dtype(frame[by]) and by != "doc_id"
    with _canvas(ax, width) as ax:
        if counts.empty or not counts.to_numpy().any():
            return _no_data(ax, label(by) if numeric else what, what if numeric else label(by))
        if numeric:
            counts = counts.sort_index()
            for colour, col in zip(_series_colours(list(counts.columns)), counts.columns, strict=True):
                ax.plot(counts.index, counts[col], marker="o", markersize=2.5, color=colour, label=str(col))
            ax.set_xlabel(label(by))
            ax.set_ylabel(what)
            ax.set_title(f"{label(kind).capitalize()}s by {label(by)}")
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
            return ax
        total = counts.sum(axis=1)
        order = sorted(counts.index, key=lambda g: (-total[g], str(g)))[:n]  # the top n, not the first n
        shown = f"top {len(order)} of {len(counts)}" if len(order) < len(counts) else f"{len(order)}"
        ax.set_title(f"{label(kind).capitalize()}s per {label(by)} ({shown})")
        return _stacked_barh(ax, counts.loc[order], xlabel=what, ylabel=label(by))


# --------------------------------------------------------------------------- lexical


_TERM_COLUMNS = ("term", "ngram", "token", "word", "lower", "feature", "collocation", "pattern")


def keyness(table: pd.DataFrame, *, n: int = 12, measure: str = "log_ratio", width: Width = "one",
            labels: tuple[str, str] = ("target", "reference"), alpha: float = 0.05,
            ax: Axes | None = None) -> Axes:
    """Diverging bars: the ``n`` most over- and under-represented terms.

    Parameters
    ----------
    table
        ``tk.keyness`` output (a term column and ``measure``; ``g2`` is
        signed by ``log_ratio`` when the measure is ``g2``).
    measure
        ``"log_ratio"`` (effect size, default) or ``"g2"``.
    labels
        Names of the target and reference corpora for the legend.
    alpha
        With a ``p`` column, only terms with ``p < alpha`` are drawn: a term
        whose difference is not significant is neither "more in" one corpus
        nor the other (``alpha=1`` draws every term).

    Examples
    --------
    >>> k = pd.DataFrame({"term": ["war", "peace"], "g2": [9.0, 7.0], "log_ratio": [1.5, -1.2]})
    >>> [t.get_text() for t in keyness(k).get_yticklabels()]
    ['war', 'peace']
    """
    if measure not in ("log_ratio", "g2"):
        raise ParameterError.choice("measure", measure, ["log_ratio", "g2"])
    term = _first_column(table, _TERM_COLUMNS, "keyness")
    _need(table, [measure], "keyness")
    values = table[measure].astype(float)
    if measure == "g2" and "log_ratio" in table.columns:
        values = values * np.sign(table["log_ratio"].astype(float))
    frame = pd.DataFrame({"term": table[term].astype(str), "value": values}).dropna()
    if "p" in table.columns:
        frame = frame[table.loc[frame.index, "p"].astype(float) < alpha]
    pos = frame[frame["value"] > 0].sort_values(["value", "term"], ascending=[False, True]).head(n)
    neg = frame[frame["value"] < 0].sort_values(["value", "term"], ascending=[True, True]).head(n)
    shown = pd.concat([pos, neg.iloc[::-1]])
    with _canvas(ax, width, None if ax else _bars_height(len(shown), 0.14)) as ax:
        if shown.empty:
            return _no_data(ax, measure, "term")
        y = np.arange(len(shown))
        colours = [OKABE_ITO[4] if v > 0 else OKABE_ITO[3] for v in shown["value"]]
        ax.barh(y, shown["value"], color=colours, height=0.7, linewidth=0)
        ax.set_yticks(y, [_short(t) for t in shown["term"]])
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel({"log_ratio": "log ratio (binary log of relative frequencies)",
                       "g2": "log-likelihood G² (signed)"}[measure])
        from matplotlib.patches import Patch

        ax.set_title(f"Key terms: {labels[0]} vs {labels[1]}"
                     + (f" (p < {alpha:g})" if "p" in table.columns and alpha < 1 else ""))
        ax.legend(handles=[Patch(color=OKABE_ITO[4], label=f"more in {labels[0]}"),
                           Patch(color=OKABE_ITO[3], label=f"more in {labels[1]}")], loc="lower right")
        return ax


_POSITION_COLUMNS = ("relative_position", "position", "relative_start", "start")


def dispersion(table: pd.DataFrame, *, lanes: str | None = None, documents: Sequence[Any] | None = None,
               width: Width = "two", ax: Axes | None = None) -> Axes:
    """Dispersion lanes: one lane per term (or per ``lanes`` value), a tick at every hit.

    Parameters
    ----------
    table
        ``tk.term_positions`` (or ``tk.kwic``) output: a term column and a
        position (``relative_position`` in 0–1, or ``start`` offsets).
    lanes
        Column naming the lanes; by default the term column, or ``doc_id``
        + term when there are several documents.
    documents
        Every document of the corpus (ids, in order). Lanes are then one per
        document (``lanes`` defaults to ``doc_id``) and a document without a
        single hit keeps its empty lane, marked "(no hits)", instead of
        silently disappearing from the figure.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a"] * 3, "term": ["x", "y", "x"], "start": [1, 5, 9]})
    >>> [t.get_text() for t in dispersion(t, documents=["a", "b"]).get_yticklabels()]
    ['a', 'b (no hits)']
    >>> t = pd.DataFrame({"doc_id": ["a"] * 3, "term": ["x", "y", "x"], "start": [1, 5, 9]})
    >>> [t.get_text() for t in dispersion(t).get_yticklabels()]
    ['x', 'y']
    """
    term = _first_column(table, _TERM_COLUMNS, "dispersion")
    pos = _first_column(table, _POSITION_COLUMNS, "dispersion")
    frame = table.copy()
    if documents is not None and lanes is None:
        lanes = "doc_id"
    if lanes is None:
        if "doc_id" in frame.columns and frame["doc_id"].nunique() > 1:
            frame["_lane"] = frame["doc_id"].astype(str) + " · " + frame[term].astype(str)
        else:
            frame["_lane"] = frame[term].astype(str)
    else:
        _need(frame, [lanes], "dispersion")
        frame["_lane"] = frame[lanes].astype(str)
    names = list(dict.fromkeys(frame["_lane"]))
    empty: set[str] = set()
    if documents is not None:
        _need(frame, ["doc_id"], "dispersion")
        if lanes != "doc_id":
            raise ParameterError("dispersion(documents=...) draws one lane per document; leave lanes= unset")
        ids = [str(d) for d in dict.fromkeys(documents)]
        empty = set(ids) - set(names)
        names = ids + [n for n in names if n not in set(ids)]
    terms = list(dict.fromkeys(frame[term].astype(str)))
    colour_of = {t: OKABE_ITO[i % len(OKABE_ITO)] for i, t in enumerate(terms)}
    with _canvas(ax, width, None if ax else _bars_height(len(names), 0.22)) as ax:
        if not names:
            return _no_data(ax, "position", term)
        for i, name in enumerate(names):
            hits = frame[frame["_lane"] == name]
            colours = [colour_of[str(t)] for t in hits[term]]
            ax.scatter(hits[pos].astype(float), np.full(len(hits), i), marker="|", s=90, c=colours,
                       linewidths=0.9)
        ax.set_yticks(range(len(names)), [_short(n) + (" (no hits)" if n in empty else "") for n in names])
        if empty:
            ax.set_title(f"Where the terms occur ({len(empty)} of {len(names)} documents without a hit)")
        else:
            ax.set_title("Where the terms occur")
        ax.set_ylim(len(names) - 0.5, -0.5)
        ax.set_xlabel("relative position in the document" if pos.startswith("relative") or pos == "position"
                      else "character offset")
        if pos in ("relative_position", "position", "relative_start"):
            ax.set_xlim(0, 1)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        if len(terms) > 1 and len(names) != len(terms):
            from matplotlib.lines import Line2D

            handles = [Line2D([], [], color=colour_of[t], marker="|", linestyle="none", markersize=8,
                              markeredgewidth=1.2, label=_short(t)) for t in terms]
            ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(len(terms), 6),
                      borderaxespad=0.2)
        return ax


READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
               "automated_readability_index", "dale_chall")
DIVERSITY = ("ttr", "root_ttr", "mattr", "mtld", "hdd")


def by_group(table: pd.DataFrame, *, measure: str, by: str, meta: pd.DataFrame | None = None,
             width: Width = "one", ax: Axes | None = None) -> Axes:
    """One measure of ``tk.lexical_profile`` by group: a box per group and every document as a dot.

    Dots are jittered with a fixed seed, so the figure is the same every run.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": list("abcd"), "g": ["x", "x", "y", "y"], "mattr": [.7, .72, .6, .65]})
    >>> by_group(p, measure="mattr", by="g").get_ylabel()
    'lexical diversity (MATTR)'
    """
    frame = _attach(table, meta, by) if "doc_id" in table.columns else table
    _need(frame, [measure, by], "by_group")
    groups = sorted(dict.fromkeys(frame[by].dropna()), key=str)
    data = [frame.loc[frame[by] == g, measure].astype(float).dropna().to_numpy() for g in groups]
    rng = np.random.default_rng(0)
    with _canvas(ax, width) as ax:
        if not groups:
            return _no_data(ax, by, measure)
        ax.boxplot(data, tick_labels=[str(g) for g in groups], widths=0.5, showfliers=False,
                   medianprops={"color": "black"}, boxprops={"linewidth": 0.6},
                   whiskerprops={"linewidth": 0.6}, capprops={"linewidth": 0.6})
        for i, (values, colour) in enumerate(zip(data, _colours(len(groups)), strict=True), 1):
            ax.scatter(i + rng.uniform(-0.15, 0.15, len(values)), values, s=8, color=colour, alpha=0.8,
                       linewidths=0, zorder=3)
        ax.set_ylabel(label(measure))
        ax.set_xlabel(label(by))
        ax.set_title(f"{label(measure)[0].upper()}{label(measure)[1:]} by {label(by)}")
        return ax


def readability(table: pd.DataFrame, *, by: str, measure: str = "flesch_reading_ease",
                meta: pd.DataFrame | None = None, width: Width = "one", ax: Axes | None = None) -> Axes:
    """A readability score by group (see :func:`by_group`).

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "b"], "g": ["x", "y"], "flesch_reading_ease": [50.0, 60.0]})
    >>> readability(p, by="g").get_ylabel()
    'Flesch reading ease'
    """
    if measure not in READABILITY:
        raise ParameterError.choice("measure", measure, READABILITY)
    return by_group(table, measure=measure, by=by, meta=meta, width=width, ax=ax)


def diversity(table: pd.DataFrame, *, by: str, measure: str = "mattr", meta: pd.DataFrame | None = None,
              width: Width = "one", ax: Axes | None = None) -> Axes:
    """A lexical-diversity measure by group (see :func:`by_group`).

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "b"], "g": ["x", "y"], "mattr": [.7, .6]})
    >>> diversity(p, by="g").get_ylabel()
    'lexical diversity (MATTR)'
    """
    if measure not in DIVERSITY:
        raise ParameterError.choice("measure", measure, DIVERSITY)
    return by_group(table, measure=measure, by=by, meta=meta, width=width, ax=ax)


# --------------------------------------------------------------------------- saving


def save(fig_or_ax: Figure | Axes, path_stem: str | Path, *, data: pd.DataFrame | None = None,
         formats: Sequence[Format] = ("pdf", "svg", "png"), dpi: int = 300) -> list[Path]:
    """Write the figure as PDF, SVG and PNG (and ``data`` as CSV) next to each other.

    Output is byte-identical across runs: creation dates are left out and the
    SVG ids come from a fixed salt.

    Parameters
    ----------
    fig_or_ax
        The figure, or any of its Axes.
    path_stem
        Path without suffix, e.g. ``output/figures/speakers``; folders are created.
    data
        The table behind the figure, written as ``<stem>.csv``.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, os
    >>> ax = speakers(pd.DataFrame({"speaker": ["A"], "kind": ["direct"]}))
    >>> [p.suffix for p in save(ax, os.path.join(tempfile.mkdtemp(), "f"), data=pd.DataFrame({"a": [1]}))]
    ['.pdf', '.svg', '.png', '.csv']
    """
    fig = fig_or_ax.figure if isinstance(fig_or_ax, Axes) else fig_or_ax
    if not isinstance(fig, Figure):
        raise ParameterError(f"save() needs a matplotlib Figure or Axes, not {type(fig_or_ax).__name__}")
    bad = [f for f in formats if f not in _METADATA]
    if bad:
        raise ParameterError.choice("formats", bad[0], _METADATA)
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    save_rc = {k: PAPER[k] for k in ("pdf.fonttype", "svg.fonttype", "svg.hashsalt")}
    with _rc(save_rc):
        for fmt in formats:
            path = stem.with_name(f"{stem.name}.{fmt}")
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
            written.append(path)
    if data is not None:
        if not isinstance(data, pd.DataFrame):
            raise ParameterError(f"data= must be a DataFrame, not {type(data).__name__}")
        path = stem.with_name(f"{stem.name}.csv")
        data.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
