"""The shared mechanism behind every annotation format: findings <-> regions and links.

Each format module only translates between its files and a list of
:class:`AnnDoc` (one per document: the original text, labelled regions,
``said`` links and per-region attributes). This module turns tool tables into
those documents (:func:`to_docs`) and back (:func:`to_tables`), counts offsets
in the units a tool uses (:func:`offset_table`, :func:`inverse`) and names
documents' files (:func:`file_stem`).

Labels: ``quote_direct``, ``quote_partial``, ``quote_scare``,
``quote_indirect`` (a quotation; the suffix is ``kind``), ``speaker`` (a
speaker mention) and every device name of :data:`toolkit.devices.REGISTRY`.
A ``said`` link goes from a ``speaker`` region to a quote region.
Attributes an annotator may correct: ``attribution`` and ``speaker`` (the
canonical name) on quotes, ``referent`` and ``target`` on devices. Every other
column travels as ``extras`` (JSON) so the round trip is exact; a region whose
span was moved loses the extras that depend on its span (content, fragments,
paragraph, duplicate), which are then recomputed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote as _quote
from urllib.parse import unquote as _unquote

import pandas as pd

from .. import frames
from ..corpus import Document
from ..devices import REGISTRY
from ..errors import AnnotationFormatError, InputError, ParameterError

QUOTE_KINDS = ("direct", "partial", "scare", "indirect")
ATTRIBUTIONS = ("explicit", "pronoun", "descriptor", "inherited", "none")
SPEAKER = "speaker"
SAID = "said"
QUOTE_ATTRS = ("attribution", "speaker")
DEVICE_ATTRS = ("referent", "target")
#: extras that describe the span itself: dropped when an annotator moved the region
_SPAN_BOUND = ("content_start", "content_end", "fragments", "paragraph", "duplicate")
_QUOTE_EXTRAS = ("cue", "cue_start", "cue_end", "rule", *_SPAN_BOUND)
_DEVICE_EXTRAS = ("cue", "explanation", "score", "paragraph", "duplicate")
MANUAL_RULE = "annotator"


def device_kinds() -> tuple[str, ...]:
    """Every device name (the region labels that are devices)."""

    return tuple(REGISTRY)


def labels() -> tuple[str, ...]:
    """Every region label, quotes first, then ``speaker``, then devices.

    Examples
    --------
    >>> labels()[:5]
    ('quote_direct', 'quote_partial', 'quote_scare', 'quote_indirect', 'speaker')
    """
    return (*(f"quote_{k}" for k in QUOTE_KINDS), SPEAKER, *device_kinds())


@dataclass
class Region:
    """A labelled span of the original text (``end`` exclusive, code points)."""

    id: str
    label: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # where the region is written, for error messages


@dataclass
class Link:
    """A ``said`` relation from a speaker region to a quote region."""

    id: str
    label: str
    source: str
    target: str
    line: int | None = None


@dataclass
class AnnDoc:
    """One document: its original text, regions and links."""

    doc_id: str
    text: str
    regions: list[Region] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    path: str | None = None
    source: str = "file"  # Label Studio: "annotation" or "prediction" (what the regions come from)


# --------------------------------------------------------------------------- offsets and names


def offset_table(text: str, *, utf16: bool = False, universal_newlines: bool = False) -> list[int]:
    """A tool's offset for every code-point offset ``0..len(text)`` of ``text``.

    ``utf16``: astral characters (emoji, U+10000 and above) count two units,
    as in Java (INCEpTION) and JavaScript. ``universal_newlines``: ``\\r\\n``
    counts as one character, as when a file is read with universal newlines
    (brat does, nlplab/brat#853).

    Examples
    --------
    >>> offset_table("a😀b", utf16=True)
    [0, 1, 3, 4]
    >>> offset_table("a\\r\\nb", universal_newlines=True)
    [0, 1, 1, 2, 3]
    """
    out = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        out[i] = n
        if universal_newlines and ch == "\r" and text[i + 1:i + 2] == "\n":
            continue
        n += 2 if utf16 and ord(ch) > 0xFFFF else 1
    out[len(text)] = n
    return out


def inverse(table: list[int]) -> dict[int, int]:
    """The inverse of :func:`offset_table`: tool offset -> code-point offset (the first one when two share it).

    Examples
    --------
    >>> inverse(offset_table("a😀b", utf16=True))
    {4: 3, 3: 2, 1: 1, 0: 0}
    """
    return {u: i for i, u in reversed(list(enumerate(table)))}


def utf16_offsets(text: str) -> list[int]:
    """UTF-16 code-unit offsets (see :func:`offset_table`).

    Examples
    --------
    >>> utf16_offsets("a😀b")
    [0, 1, 3, 4]
    """
    return offset_table(text, utf16=True)


def file_stem(doc_id: str) -> str:
    """A file name for a document id that any file system accepts (reversible).

    Examples
    --------
    >>> file_stem("speeches/USA 2003"), doc_id_of(file_stem("speeches/USA 2003"))
    ('speeches%2FUSA%202003', 'speeches/USA 2003')
    """
    stem = _quote(doc_id, safe="-_.,()+=@")
    return "%2E" + stem[1:] if stem.startswith(".") else stem


def doc_id_of(stem: str) -> str:
    """The document id back from :func:`file_stem`."""
    return _unquote(stem)


def _plain(value: Any) -> Any:
    """A JSON-friendly scalar (numpy ints and floats to Python, NA to None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# --------------------------------------------------------------------------- tables -> documents


def table_kind(df: pd.DataFrame) -> str:
    """``"quotes"`` or ``"devices"``: which extractor a table comes from."""
    name = df.attrs.get("extractor")
    if name in ("quotes", "devices"):
        return name
    if {"kind", "content_start"} <= set(df.columns):
        return "quotes"
    if "device" in df.columns:
        return "devices"

    raise ParameterError(
        f"cannot tell which extractor made this table (columns: {list(df.columns)}); "
        "give a tk.quotes or tk.devices table"
    )


def to_docs(tables: dict[str, pd.DataFrame], docs: list[Document]) -> list[AnnDoc]:
    """Regions and links for every document of ``docs`` from quote and device tables."""

    by_id: dict[str, AnnDoc] = {}
    for d in docs:
        if d.id in by_id:
            raise InputError(f"two documents share the id {d.id!r}; annotation files are named by id")
        by_id[d.id] = AnnDoc(d.id, d.text)
    for name, df in tables.items():
        unknown = sorted(set(df["doc_id"].astype(str)) - set(by_id))
        if unknown:
            raise InputError(f"the {name} table has rows for documents not in the corpus: {unknown[:5]}")
        add = _add_quote if name == "quotes" else _add_device
        for i, row in enumerate(df.to_dict("records")):
            add(by_id[str(row["doc_id"])], row, i)
    return list(by_id.values())


def _check_span(doc: AnnDoc, start: int, end: int, what: str) -> None:

    if not 0 <= start <= end <= len(doc.text):
        raise InputError(f"{what} [{start}, {end}) lies outside document {doc.doc_id!r} ({len(doc.text)} characters)")


def _add_quote(doc: AnnDoc, row: dict[str, Any], i: int) -> None:
    start, end = int(row["start"]), int(row["end"])
    _check_span(doc, start, end, f"quote row {i}")
    qid = f"q{i + 1}"
    attrs = {k: str(row[k]) for k in QUOTE_ATTRS if _plain(row.get(k)) is not None}
    extras: dict[str, Any] = {"at": [start, end]}
    extras.update({k: _plain(row.get(k)) for k in _QUOTE_EXTRAS})
    ss, se = _plain(row.get("speaker_start")), _plain(row.get("speaker_end"))
    mention = _plain(row.get("speaker_mention"))
    if _plain(row.get("speaker")) is None and (mention is not None or ss is not None):
        extras["no_speaker"] = True
    doc.regions.append(Region(qid, f"quote_{row['kind']}", start, end, attrs, extras))
    if ss is not None and se is not None:
        _check_span(doc, ss, se, f"speaker of quote row {i}")
        sid = next((r.id for r in doc.regions if r.label == SPEAKER and (r.start, r.end) == (ss, se)), None)
        if sid is None:
            sid = f"s{sum(r.label == SPEAKER for r in doc.regions) + 1}"
            doc.regions.append(Region(sid, SPEAKER, ss, se))
        doc.links.append(Link(f"r{len(doc.links) + 1}", SAID, sid, qid))
        if mention != doc.text[ss:se]:
            extras["speaker_mention"] = mention
    elif mention is not None:
        extras["speaker_mention"] = mention


def _add_device(doc: AnnDoc, row: dict[str, Any], i: int) -> None:
    start, end = int(row["start"]), int(row["end"])
    _check_span(doc, start, end, f"device row {i}")
    attrs = {k: str(row[k]) for k in DEVICE_ATTRS if _plain(row.get(k)) is not None}
    extras: dict[str, Any] = {"at": [start, end]}
    extras.update({k: _plain(row.get(k)) for k in _DEVICE_EXTRAS})
    if _plain(row.get("text")) != doc.text[start:end]:
        extras["text"] = _plain(row.get("text"))
    doc.regions.append(Region(f"d{i + 1}", str(row["device"]), start, end, attrs, extras))


# --------------------------------------------------------------------------- documents -> tables


def _fail(doc: AnnDoc, line: int | None, message: str) -> AnnotationFormatError:
    return AnnotationFormatError(message, path=doc.path, line=line)


def to_tables(adocs: list[AnnDoc]) -> dict[str, pd.DataFrame]:
    """The ``quotes`` and ``devices`` tables (the extractors' schemas) from annotated documents.

    Raises
    ------
    AnnotationFormatError
        A region with an unknown label or an offset outside the text, a link
        that does not go from a speaker to a quote, a quote with two
        speakers, or a speaker linked to no quote (naming the file and line).
    """
    valid = set(labels())
    quotes: list[dict[str, Any]] = []
    devices: list[dict[str, Any]] = []
    for seq, doc in enumerate(adocs):
        document = Document(doc.text, id=doc.doc_id)
        regions = {}
        for r in doc.regions:
            if r.label not in valid:
                raise _fail(doc, r.line, f"unknown label {r.label!r}; valid labels: {', '.join(sorted(valid))}")
            if not 0 <= r.start < r.end <= len(doc.text):
                raise _fail(doc, r.line, f"region {r.id} [{r.start}, {r.end}) is empty or outside the text "
                                         f"({len(doc.text)} characters)")
            if r.id in regions:
                raise _fail(doc, r.line, f"two regions share the id {r.id!r}")
            regions[r.id] = r
        speaker_of: dict[str, Region] = {}
        for link in doc.links:
            src, dst = regions.get(link.source), regions.get(link.target)
            if link.label != SAID:
                raise _fail(doc, link.line, f"unknown relation {link.label!r}; the only relation is {SAID!r}")
            if src is None or dst is None:
                missing = link.source if src is None else link.target
                raise _fail(doc, link.line, f"relation {link.id} points to {missing!r}, which is not a region")
            if src.label != SPEAKER or not dst.label.startswith("quote_"):
                raise _fail(doc, link.line, f"relation {link.id} must go from a speaker to a quote "
                                            f"(it goes from {src.label!r} to {dst.label!r})")
            if dst.id in speaker_of and speaker_of[dst.id].id != src.id:
                raise _fail(doc, link.line, f"quote {dst.id} has two speakers ({speaker_of[dst.id].id}, {src.id})")
            speaker_of[dst.id] = src
        for r in doc.regions:
            if r.label == SPEAKER:
                if not any(sp.id == r.id for sp in speaker_of.values()):
                    raise _fail(doc, r.line, f"speaker region {r.id} [{r.start}, {r.end}) says no quote; link it "
                                             f"to its quote with a {SAID!r} relation or delete it")
                continue
            if r.label.startswith("quote_"):
                quotes.append(_quote_row(doc, document, r, speaker_of.get(r.id), seq))
            else:
                devices.append(_device_row(doc, document, r, seq))
    return {
        "quotes": frames.finish(quotes, frames.QUOTES, params={"source": "annotations"}),
        "devices": frames.finish(devices, frames.DEVICES, params={"source": "annotations"}),
    }


def _kept(r: Region) -> dict[str, Any]:
    """The region's extras, without those tied to its span when the span was moved."""
    extras = dict(r.extras)
    if extras.get("at") != [r.start, r.end]:
        for k in _SPAN_BOUND:
            extras.pop(k, None)
        extras.pop("text", None)
    return extras


def _quote_row(doc: AnnDoc, document: Document, r: Region, speaker: Region | None, seq: int) -> dict[str, Any]:
    kind = r.label.removeprefix("quote_")
    extras = _kept(r)
    attribution = r.attrs.get("attribution") or ("explicit" if speaker else "none")
    if attribution not in ATTRIBUTIONS:
        raise _fail(doc, r.line, f"attribution {attribution!r} of {r.id} is not one of {', '.join(ATTRIBUTIONS)}")
    mention = extras.get("speaker_mention")
    if speaker is not None and "speaker_mention" not in extras:
        mention = doc.text[speaker.start:speaker.end]
    name = r.attrs.get("speaker") or (None if extras.get("no_speaker") else mention)
    cs = extras.get("content_start", r.start)
    ce = extras.get("content_end", r.end)
    return {
        "doc_id": doc.doc_id, "start": r.start, "end": r.end, "text": doc.text[r.start:r.end], "kind": kind,
        "speaker": name, "speaker_mention": mention,
        "speaker_start": speaker.start if speaker else None, "speaker_end": speaker.end if speaker else None,
        "content_start": cs, "content_end": ce, "attribution": attribution,
        "cue": extras.get("cue"), "cue_start": extras.get("cue_start"), "cue_end": extras.get("cue_end"),
        "paragraph": extras["paragraph"] if "paragraph" in extras else document.paragraph_at(r.start),
        "duplicate": extras["duplicate"] if "duplicate" in extras else document.is_duplicate(r.start),
        "rule": extras.get("rule", MANUAL_RULE), "fragments": extras.get("fragments", f"{cs}-{ce}"),
        frames.DOC_SEQ: seq,
    }


def _device_row(doc: AnnDoc, document: Document, r: Region, seq: int) -> dict[str, Any]:
    extras = _kept(r)
    return {
        "doc_id": doc.doc_id, "start": r.start, "end": r.end, "device": r.label,
        "text": extras.get("text", doc.text[r.start:r.end]), "cue": extras.get("cue"),
        "explanation": extras.get("explanation"), "referent": r.attrs.get("referent"),
        "target": r.attrs.get("target"), "score": extras.get("score"),
        "paragraph": extras["paragraph"] if "paragraph" in extras else document.paragraph_at(r.start),
        "duplicate": extras["duplicate"] if "duplicate" in extras else document.is_duplicate(r.start),
        frames.DOC_SEQ: seq,
    }


def dumps_extras(extras: dict[str, Any]) -> str:
    """The extras as one line of ASCII JSON (nothing in it can break a line, whatever the reader)."""
    return json.dumps(extras, ensure_ascii=True, separators=(", ", ": "))


def loads_extras(doc: AnnDoc, text: str, line: int | None) -> dict[str, Any]:
    """Extras back from :func:`dumps_extras`; a clear error when an annotator broke the JSON."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(doc, line, f"the toolkit note is not valid JSON ({exc.msg}); fix or delete it") from None
    if not isinstance(value, dict):
        raise _fail(doc, line, "the toolkit note must be a JSON object")
    return value
