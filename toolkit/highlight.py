"""An HTML view of documents: quotes coloured by speaker, devices explained on hover.

:func:`highlight` renders any input (text, Document, Corpus, DataFrame) as
HTML. Quotes are coloured by speaker (Okabe–Ito colours, safe for the common
forms of colour blindness; past seven speakers the underline style changes
too), each speaker mention links to the quote it introduces, rhetorical
devices are outlined and explain themselves on hover (``title`` attribute and
a CSS tooltip) and in numbered notes under the text, so a printed page keeps
the explanations. A legend lists speakers, quote kinds and device kinds.

Spans may overlap in any way: the text is cut at every span boundary and each
segment is wrapped in the spans that cover it. Every piece of text and
metadata is HTML-escaped; the standalone page carries no script and a
Content-Security-Policy that forbids scripts, so it is safe to hand out.

Examples
--------
>>> import pandas as pd
>>> q = pd.DataFrame({"doc_id": ["doc"], "start": [1], "end": [3], "speaker": ["Ann"], "kind": ["direct"]})
>>> h = highlight('"Hi" <i>', quotes=q, devices=False)
>>> "&lt;i&gt;" in h.html and "<i>" not in h.html
True
"""

from __future__ import annotations

import html
import importlib
import inspect
import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd

from . import lexicons
from .corpus import Document, as_documents
from .errors import ParameterError

#: Okabe & Ito (2008) colours without black, most distinct first.
OKABE_ITO: tuple[str, ...] = ("#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442")
UNKNOWN_COLOUR = "#999999"
_LINE_STYLES = ("solid", "dashed", "dotted", "double")
_KIND_LABELS = {
    "direct": "direct quote",
    "partial": "partial quote (a fragment inside reported speech)",
    "scare": "scare quote (distancing, no speaker)",
    "indirect": "indirect (reported) speech",
}
#: Outline styles of device kinds; with the seven colours (7 and 3 coprime) 21 kinds look unlike.
_OUTLINE_STYLES = ("dotted", "dashed", "solid")
#: Characters a device span never starts or ends on: quotation marks (they belong to the quote).
_QUOTE_MARKS = "\"'“”‘’„‚«»‹›「」`"
_META_FIELDS = ("title", "date", "country", "speaker", "source", "attribution", "license", "path")

_CSS = """
.tk-hl{font-family:Georgia,'DejaVu Serif',serif;line-height:1.7;color:#1a1a1a;max-width:46em}
.tk-hl .tk-doc{margin:0 0 2.2em 0}
.tk-hl .tk-meta{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85em;color:#444;margin:.2em 0 .8em}
.tk-hl .tk-text{white-space:pre-wrap;overflow-wrap:break-word}
.tk-hl .tk-q{border-bottom-width:3px}
.tk-hl .tk-q.tk-dup{opacity:.55}
.tk-hl .tk-dev{outline:2px dotted #333;outline-offset:1px;position:relative;cursor:help}
.tk-hl .tk-dev:hover::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;z-index:10;
  width:24em;white-space:normal;background:#ffffe8;border:1px solid #888;padding:.4em .5em;
  font:12px/1.35 system-ui,'DejaVu Sans',sans-serif;color:#000;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.tk-hl a.tk-mention{color:inherit;font-weight:bold;text-decoration:underline;text-decoration-thickness:2px}
.tk-hl sup.tk-note{font-size:.65em;font-family:system-ui,sans-serif}
.tk-hl .tk-legend{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85em;border:1px solid #ccc;
  padding:.5em .8em;margin:0 0 1.2em 0;background:#fafafa}
.tk-hl .tk-legend ul{list-style:none;padding:0;margin:.2em 0 .5em}
.tk-hl .tk-legend li{display:inline-block;margin:0 1.2em .2em 0}
.tk-hl .tk-swatch{display:inline-block;width:1.6em;height:.9em;vertical-align:middle;margin-right:.3em;
  border-bottom-width:3px}
.tk-hl .tk-swatch.tk-swatch-outline{width:1.3em;height:.75em;outline-offset:1px;margin:0 .45em 0 .15em}
.tk-hl .tk-notes{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85em;color:#333}
.tk-hl .tk-notes li{margin:.2em 0}
@media print{.tk-hl .tk-dev:hover::after{display:none}.tk-hl{max-width:none}}
"""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _esc(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute.

    A lone surrogate (legal in a Python str, e.g. from JSON ``"\\ud800"``,
    but not encodable as UTF-8) becomes U+FFFD, one character for one.
    """
    return _SURROGATE.sub("\ufffd", html.escape("" if value is None else str(value), quote=True))


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


@dataclass
class _Span:
    start: int
    end: int
    layer: int  # 0 quote, 1 device, 2 mention: the nesting order of the tags
    order: int
    open_tag: str
    first_attrs: str = ""  # extra attributes on the first segment only (ids)
    after: str = ""  # markup after the span's last segment (note markers)


@dataclass
class _DocView:
    index: int
    doc: Document
    spans: list[_Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _speaker_styles(quotes: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Colour and line style per speaker, the most quoted first (ties by name)."""
    if quotes.empty or "speaker" not in quotes.columns:
        return {}
    counts = _speaker_counts(quotes)
    ordered = sorted(counts.index, key=lambda s: (-counts[s], str(s)))
    styles = {}
    for i, name in enumerate(ordered):
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        styles[str(name)] = (colour, _LINE_STYLES[(i // len(OKABE_ITO)) % len(_LINE_STYLES)])
    return styles


def _originals(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes without the repeats of an earlier paragraph (``duplicate``), as ``tk.speakers`` counts."""
    if quotes.empty or "duplicate" not in quotes.columns:
        return quotes
    return quotes[~quotes["duplicate"].fillna(False).astype(bool)]


def _speaker_counts(quotes: pd.DataFrame) -> pd.Series:
    """Quotes per speaker, a duplicated paragraph (the repeated lead) counted once."""
    if quotes.empty or "speaker" not in quotes.columns:
        return pd.Series([], dtype="int64")
    names = [str(s) for s in _originals(quotes)["speaker"].tolist() if _present(s)]
    counts = pd.Series(names, dtype="object").value_counts() if names else pd.Series([], dtype="int64")
    for name in {str(s) for s in quotes["speaker"].tolist() if _present(s)} - set(counts.index):
        counts[name] = 0  # only quoted in a repeated paragraph: still drawn, counted 0
    return counts


def _device_styles(devices: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Outline colour and style per device kind (kinds in name order), each kind its own look."""
    if devices.empty or "device" not in devices.columns:
        return {}
    names = sorted({str(d) for d in devices["device"].tolist() if _present(d)})
    return {name: (OKABE_ITO[i % len(OKABE_ITO)], _OUTLINE_STYLES[i % len(_OUTLINE_STYLES)])
            for i, name in enumerate(names)}


def _device_bounds(doc: Document, s: int, e: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """The device span without quotation marks and, around a quote, without the attribution.

    A device found in a quoted sentence is drawn on the quoted words: when it
    overlaps marked quotes (direct, partial, scare) it is cut to them, so the
    marks and the "…," Lavrov said. after them stay outside; quotation marks
    at either end are never part of a device.
    """
    inside = [(qs, qe) for qs, qe in quoted if qs < e and s < qe]
    if inside:
        s, e = max(s, min(q[0] for q in inside)), min(e, max(q[1] for q in inside))
    text = doc.text
    while s < e and (text[s] in _QUOTE_MARKS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in _QUOTE_MARKS or text[e - 1].isspace()):
        e -= 1
    return s, e


def _tint(colour: str, alpha: float = 0.22) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _check_span(doc: Document, start: Any, end: Any, what: str, row: int) -> tuple[int, int]:
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{what} row {row} of document {doc.id!r}: start/end {start!r}/{end!r} are not integers"
        ) from None
    if not 0 <= s <= e <= len(doc.text):
        raise ParameterError(
            f"{what} row {row} of document {doc.id!r}: span {s}–{e} lies outside the text "
            f"(length {len(doc.text)}); was the table computed on another input?"
        )
    return s, e


def _by_document(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The rows of each document, split once (not filtered again for every document)."""
    if frame.empty:
        return {}
    return {str(k): part for k, part in frame.groupby(frame["doc_id"].astype(str), sort=False)}


def _quote_spans(view: _DocView, quotes: pd.DataFrame, styles: dict[str, tuple[str, str]]) -> None:
    doc, k = view.doc, view.index
    mentions: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for i, (row_no, row) in enumerate(quotes.iterrows()):
        s, e = _check_span(doc, row["start"], row["end"], "quotes", row_no)
        speaker = row.get("speaker")
        speaker = str(speaker) if _present(speaker) else None
        kind = str(row.get("kind")) if _present(row.get("kind")) else "quote"
        colour, line = styles.get(speaker, (UNKNOWN_COLOUR, "solid")) if speaker else (UNKNOWN_COLOUR, "solid")
        if kind == "scare":
            line = "dotted"
        qid = f"tk-d{k}-q{i}"
        tip = [speaker or "no speaker found", _KIND_LABELS.get(kind, kind)]
        for col, label in (("cue", "cue"), ("attribution", "attribution"), ("speaker_mention", "as written")):
            if _present(row.get(col)):
                tip.append(f"{label}: {row.get(col)}")
        dup = " tk-dup" if _present(row.get("duplicate")) and bool(row.get("duplicate")) else ""
        style = f"background:{_tint(colour)};border-bottom:3px {line} {colour}"
        view.spans.append(_Span(
            s, e, 0, i,
            f'<span class="tk-q tk-{_esc(kind)}{dup}" data-speaker="{_esc(speaker or "")}" '
            f'title="{_esc(" — ".join(tip))}" style="{style}"',
            first_attrs=f' id="{qid}"',
        ))
        ms, me = row.get("speaker_start"), row.get("speaker_end")
        if _present(ms) and _present(me):
            ms, me = _check_span(doc, ms, me, "quotes (speaker mention)", row_no)
            if me > ms:
                mentions.setdefault((ms, me), []).append((qid, speaker or "unknown speaker"))
    for j, ((ms, me), targets) in enumerate(sorted(mentions.items())):
        qid, speaker = targets[0]
        more = f" (and {len(targets) - 1} more)" if len(targets) > 1 else ""
        view.spans.append(_Span(
            ms, me, 2, j,
            f'<a class="tk-mention" href="#{qid}" data-quotes="{_esc(" ".join(t for t, _ in targets))}" '
            f'title="{_esc(f"{speaker}: go to the quote{more}")}"',
        ))


def _definitions() -> dict[str, str]:
    """Device name -> one-line plain-language definition (``device_definitions.tsv``)."""
    return {r["device"]: r["definition"] for r in lexicons.load("device_definitions")}


def _device_spans(view: _DocView, devices: pd.DataFrame, styles: dict[str, tuple[str, str]],
                  quotes: pd.DataFrame) -> None:
    doc, k = view.doc, view.index
    if not devices.empty:
        devices = devices.sort_values(["start", "end"], kind="stable")
    quoted: list[tuple[int, int]] = []
    if not quotes.empty and "kind" in quotes.columns:
        marked = quotes[quotes["kind"].isin(["direct", "partial", "scare"])]
        quoted = [(int(a), int(b)) for a, b in zip(marked["start"], marked["end"], strict=True)]
    definitions = _definitions()
    for i, (row_no, row) in enumerate(devices.iterrows()):
        s, e = _check_span(doc, row["start"], row["end"], "devices", row_no)
        s, e = _device_bounds(doc, s, e, quoted)
        if e <= s:
            continue
        name = str(row.get("device", "device"))
        colour, line = styles.get(name, ("#333333", "dotted"))
        label = name.replace("_", " ")
        parts = [label]
        if _present(row.get("explanation")):
            parts.append(str(row["explanation"]))
        for col, tag in (("referent", "referent"), ("target", "target"), ("cue", "cue")):
            if _present(row.get(col)) and str(row.get(col)):
                parts.append(f"{tag}: {row.get(col)}")
        definition = definitions.get(name)
        if definition:
            parts.append(f"what it is: {definition}")
        tip = " — ".join(parts)
        n = len(view.notes) + 1
        nid = f"tk-d{k}-n{n}"
        view.notes.append(f'<li id="{nid}"><b>{_esc(label)}</b>: &#8220;{_esc(doc.text[s:e])}&#8221; — '
                          f"{_esc(' — '.join(parts[1:]))}</li>")
        view.spans.append(_Span(
            s, e, 1, i,
            f'<span class="tk-dev tk-dev-{_esc(name)}" data-device="{_esc(name)}" '
            f'title="{_esc(tip)}" data-tip="{_esc(tip)}" style="outline:2px {line} {colour}"',
            after=f'<sup class="tk-note"><a href="#{nid}">{n}</a></sup>',
        ))


def _render_text(view: _DocView) -> str:
    """Cut the text at every boundary and wrap each segment in the spans covering it."""
    text = view.doc.text
    spans = sorted(view.spans, key=lambda sp: (sp.layer, sp.start, -sp.end, sp.order))
    cuts = sorted({0, len(text), *(sp.start for sp in spans), *(sp.end for sp in spans)})
    opened: set[int] = set()
    out: list[str] = []
    # a sweep over segments: spans are few per document, so a linear scan per segment is fine
    for a, b in pairwise(cuts):
        if a == b:
            continue
        active = [(n, sp) for n, sp in enumerate(spans) if sp.start <= a and b <= sp.end]
        # an <a> inside an <a> is invalid HTML: keep only the first mention covering a segment
        seen_mention = False
        tags = []
        for n, sp in active:
            if sp.layer == 2:
                if seen_mention:
                    continue
                seen_mention = True
            first = n not in opened
            opened.add(n)
            tags.append((sp, sp.open_tag + (sp.first_attrs if first else "") + ">"))
        out.extend(t for _, t in tags)
        out.append(_esc(text[a:b]))
        for sp, _ in reversed(tags):
            out.append("</a>" if sp.layer == 2 else "</span>")
        out.extend(sp.after for _, sp in active if sp.end == b and sp.after)
    return "".join(out)


def _meta_html(doc: Document) -> str:
    bits = [f"<b>{_esc(doc.meta['title'])}</b>"] if _present(doc.meta.get("title")) else []
    for key in _META_FIELDS[1:]:
        if _present(doc.meta.get(key)):
            bits.append(f"{_esc(key)}: {_esc(doc.meta[key])}")
    url = doc.meta.get("url")
    if _present(url) and str(url).lower().startswith(("http://", "https://")):
        bits.append(f'<a href="{_esc(url)}" rel="noopener noreferrer">source</a>')
    bits.append(f"id: <code>{_esc(doc.id)}</code>")
    return '<div class="tk-meta">' + " · ".join(bits) + "</div>"


def _legend(styles: dict[str, tuple[str, str]], quotes: pd.DataFrame, devices: pd.DataFrame,
            device_styles: dict[str, tuple[str, str]]) -> str:
    rows = ['<div class="tk-legend"><b>Legend</b>']
    if styles or not quotes.empty:
        counts = _speaker_counts(quotes)
        items = []
        for name, (colour, line) in styles.items():
            items.append(
                f'<li class="tk-legend-speaker"><span class="tk-swatch" style="background:{_tint(colour)};'
                f'border-bottom:3px {line} {colour}"></span>{_esc(name)} ({int(counts.get(name, 0))})</li>'
            )
        originals = _originals(quotes)
        unknown = int(originals["speaker"].isna().sum()) if not quotes.empty and "speaker" in quotes else 0
        if unknown:
            items.append(
                f'<li><span class="tk-swatch" style="background:{_tint(UNKNOWN_COLOUR)};border-bottom:3px solid '
                f'{UNKNOWN_COLOUR}"></span>no speaker found ({unknown})</li>'
            )
        rows.append("<div>Quotes by speaker (number of quotes, a repeated paragraph counted once, as in "
                    "<code>tk.speakers</code>); <b>bold underlined</b> names link to their "
                    "quote; faded quotes repeat an earlier paragraph:</div><ul>" + "".join(items) + "</ul>")
        kinds = sorted(set(quotes["kind"].dropna().astype(str))) if "kind" in quotes else []
        if kinds:
            rows.append("<div>Quote kinds (hover a quote for details):</div><ul>"
                        + "".join(f"<li>{_esc(_KIND_LABELS.get(k, k))}</li>" for k in kinds) + "</ul>")
    else:
        rows.append("<div>No quotes marked.</div>")
    if not devices.empty:
        counts = devices["device"].astype(str).value_counts()
        items = []
        for name in sorted(counts.index):
            colour, line = device_styles.get(name, ("#333333", "dotted"))
            items.append(f'<li class="tk-legend-device"><span class="tk-swatch tk-swatch-outline" '
                         f'data-legend-device="{_esc(name)}" style="outline:2px {line} {colour};'
                         f'background:{_tint(colour, 0.12)}"></span>'
                         f"{_esc(name.replace('_', ' '))} ({int(counts[name])})</li>")
        rows.append("<div>Rhetorical devices (outlined, each kind in its own colour and line; hover for the "
                    "explanation, numbered notes under the text):</div><ul>" + "".join(items) + "</ul>")
    else:
        rows.append("<div>No rhetorical devices marked.</div>")
    rows.append("</div>")
    return "".join(rows)


def _from_capability(module: str, name: str, docs: list[Document]) -> pd.DataFrame | None:
    """Run ``toolkit.<module>.<name>`` when that capability exists; None otherwise."""
    try:
        mod = importlib.import_module(f"toolkit.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"toolkit.{module}"):
            return None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        return None
    params = inspect.signature(fn).parameters
    quiet = "progress" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())
    return fn(docs, progress=False) if quiet else fn(docs)


def _as_table(value: pd.DataFrame | bool | None, module: str, name: str, docs: list[Document]) -> pd.DataFrame:
    if value is False:
        return pd.DataFrame()
    if value is None or value is True:
        table = _from_capability(module, name, docs)
        return pd.DataFrame() if table is None else table
    if not isinstance(value, pd.DataFrame):
        raise ParameterError(f"{name}= must be a DataFrame, None (compute) or False (leave out), "
                             f"not {type(value).__name__}")
    missing = {"doc_id", "start", "end"} - set(value.columns)
    if missing and not value.empty:
        raise ParameterError(f"{name}= table lacks the column(s) {sorted(missing)}")
    return value


class Highlight:
    """The rendered view; shows itself in notebooks, ``.save(path)`` writes a page.

    Attributes
    ----------
    html
        The body fragment (legend, documents, notes) with its scoped CSS.
    quotes, devices
        The tables that were drawn.
    """

    def __init__(self, fragment: str, title: str, quotes: pd.DataFrame, devices: pd.DataFrame) -> None:
        self.html = fragment
        self.title = title
        self.quotes = quotes
        self.devices = devices

    def __repr__(self) -> str:
        return f"Highlight(quotes={len(self.quotes)}, devices={len(self.devices)}, chars={len(self.html)})"

    def _repr_html_(self) -> str:
        return self.html

    def page(self) -> str:
        """The standalone HTML page (no scripts; CSP forbids them)."""
        return (
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{_esc(self.title)}</title></head>\n<body style=\"margin:2em auto;max-width:50em;"
            f"padding:0 1em\">\n{self.html}\n</body></html>\n"
        )

    def save(self, path: str | Path) -> Path:
        """Write the standalone page (UTF-8) and return its path.

        Examples
        --------
        >>> import tempfile, os
        >>> p = highlight("Plain text.", quotes=False, devices=False).save(os.path.join(tempfile.mkdtemp(), "a.html"))
        >>> p.read_text(encoding="utf-8").startswith("<!doctype html>")
        True
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.page(), encoding="utf-8", newline="\n")
        return path


def highlight(
    x: Any,
    *,
    quotes: pd.DataFrame | bool | None = None,
    devices: pd.DataFrame | bool | None = None,
    limit: int | None = None,
    title: str | None = None,
) -> Highlight:
    """Render documents as HTML with quotes by speaker and devices explained.

    Parameters
    ----------
    x
        A str, Document, Corpus, DataFrame with ``id``/``text``, or a list.
    quotes
        A :func:`toolkit.quotes` table (``doc_id, start, end``; ``speaker``,
        ``kind``, ``speaker_start``/``speaker_end``, ``cue`` are used when
        present). ``None`` computes it with ``tk.quotes`` when that capability
        is installed; ``False`` leaves quotes out.
    devices
        A :func:`toolkit.devices` table (``doc_id, start, end, device``;
        ``explanation``, ``cue``, ``referent``, ``target`` when present).
        ``None`` computes it with ``tk.devices`` when available; ``False``
        leaves devices out.
    limit
        Render at most this many documents (all by default).
    title
        Page title; by default the first document's title or id.

    Returns
    -------
    Highlight
        Displays itself in Jupyter; ``.save(path)`` writes a standalone page,
        ``.html`` is the fragment, ``.quotes``/``.devices`` the tables drawn.

    Raises
    ------
    ParameterError
        A table whose spans do not fit the documents, or a bad ``limit``.

    Examples
    --------
    >>> h = highlight("He said <script>.", quotes=False, devices=False)
    >>> "&lt;script&gt;" in h.html
    True
    """
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise ParameterError(f"limit={limit!r} must be a positive int or None")
    docs: list[Document] = []
    for doc in as_documents(x):
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    q = _as_table(quotes, "quotes", "quotes", docs)
    d = _as_table(devices, "devices", "devices", docs)
    ids = {doc.id for doc in docs}
    if not q.empty:
        q = q[q["doc_id"].astype(str).isin(ids)]
    if not d.empty:
        d = d[d["doc_id"].astype(str).isin(ids)]
    styles = _speaker_styles(q)
    device_styles = _device_styles(d)
    q_of, d_of = _by_document(q), _by_document(d)
    none = pd.DataFrame()
    parts = []
    for k, doc in enumerate(docs):
        view = _DocView(k, doc)
        _quote_spans(view, q_of.get(doc.id, none), styles)
        _device_spans(view, d_of.get(doc.id, none), device_styles, q_of.get(doc.id, none))
        notes = f'<ol class="tk-notes">{"".join(view.notes)}</ol>' if view.notes else ""
        parts.append(
            f'<section class="tk-doc" id="tk-d{k}">{_meta_html(doc)}'
            f'<div class="tk-text">{_render_text(view)}</div>{notes}</section>'
        )
    if title is None:
        title = str(docs[0].meta.get("title") or docs[0].id) if docs else "Empty input"
    fragment = (f'<div class="tk-hl"><style>{_CSS}</style>{_legend(styles, q, d, device_styles)}'
                + "".join(parts) + "</div>")
    return Highlight(fragment, title, q.reset_index(drop=True), d.reset_index(drop=True))
