"""Correct and rescore: findings to annotation tools and back.

:func:`export_annotations` writes quotes (with their speakers linked) and
devices (with referent and target) for **Label Studio**, **brat** or
**INCEpTION**; :func:`import_annotations` reads the corrected files back into
the tables of ``tk.quotes`` and ``tk.devices``. One mechanism
(:mod:`toolkit.annotations._model`) turns tables into labelled regions and
links and back; each format module only writes and reads its files
(:mod:`~toolkit.annotations.label_studio`, :mod:`~toolkit.annotations.brat`,
:mod:`~toolkit.annotations.inception`). Offsets always point into the
original text as loaded (CRLF, astral characters and all); each format's own
unit (code points for Label Studio, code points with ``\\r\\n`` as one for
brat, UTF-16 units for INCEpTION) is converted at the file boundary. See
``docs/annotations.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..corpus import as_documents
from ..errors import AnnotationFormatError, InputError, ParameterError
from ..version import __version__
from . import brat, inception, label_studio
from ._model import AnnDoc, table_kind, to_docs, to_tables

__all__ = ["FORMATS", "export_annotations", "import_annotations"]

Format = Literal["label-studio", "brat", "inception"]
FORMATS = ("label-studio", "brat", "inception")
MANIFEST = "toolkit-export.json"
_WRITERS = {"label-studio": label_studio.write, "brat": brat.write, "inception": inception.write}


def _tables(findings: Any) -> tuple[dict[str, pd.DataFrame], bool]:
    """``{"quotes": df, "devices": df}`` from one table or a mapping of them; True when one table was given."""
    if isinstance(findings, pd.DataFrame):
        return {table_kind(findings): findings}, True
    if isinstance(findings, Mapping):
        out = {}
        for name, df in findings.items():
            if not isinstance(df, pd.DataFrame):
                raise ParameterError(f"findings[{name!r}] is a {type(df).__name__}, not a DataFrame")
            if {"start", "end", "doc_id"} <= set(df.columns):  # span tables; count tables have no offsets
                kind = table_kind(df)
                if kind in out:
                    raise ParameterError(f"two {kind} tables in findings")
                out[kind] = df
        if not out:
            raise ParameterError("findings holds no quotes or devices table")
        return out, False
    raise ParameterError(
        f"findings must be a tk.quotes/tk.devices table or a dict of them, not {type(findings).__name__}"
    )


def export_annotations(
    findings: pd.DataFrame | Mapping[str, pd.DataFrame],
    corpus: Any,
    *,
    format: Format = "label-studio",
    out: str | Path,
) -> Path:
    """Write findings as pre-annotations for an annotation tool.

    Parameters
    ----------
    findings
        A ``tk.quotes`` or ``tk.devices`` table, or a dict of both (e.g. what
        ``tk.analyze`` returns; tables without offsets are left out).
    corpus
        The documents the findings come from (anything an extractor accepts).
        Every document is exported, also those without findings, so
        annotators can add what the toolkit missed.
    format
        ``"label-studio"`` (``tasks.json`` + ``config.xml``), ``"brat"``
        (``.txt``/``.ann`` per document + ``annotation.conf``) or
        ``"inception"`` (UIMA CAS XMI per document + ``TypeSystem.xml``).
    out
        Folder to write (created; files of the same names are replaced).
        ``toolkit-export.json`` records the format, tables and documents.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    ParameterError
        An unknown format, or findings that are not extractor tables.
    InputError
        A finding of a document not in the corpus, or offsets outside it.

    Examples
    --------
    >>> import tempfile, toolkit as tk
    >>> doc = tk.load('"We will win," Lavrov said.')
    >>> folder = tk.export_annotations(tk.quotes(doc), doc, format="brat", out=tempfile.mkdtemp())
    >>> (folder / "doc.ann").read_text().splitlines()[0].split(chr(9))
    ['T1', 'quote_direct 1 12', 'We will win']
    """
    if format not in FORMATS:
        raise ParameterError.choice("format", format, FORMATS)
    tables, single = _tables(findings)
    docs = list(as_documents(corpus))
    adocs = to_docs(tables, docs)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    files = _WRITERS[format](adocs, folder)
    manifest = {
        "format": format, "toolkit_version": __version__, "tables": list(tables), "single_table": single,
        "documents": [{"doc_id": d.doc_id, "file": f} for d, f in zip(adocs, files, strict=True)],
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8", newline="\n")
    return folder


def _detect(path: Path) -> tuple[str, list[Path], dict[str, Any] | None]:
    """The format, the files to read and the manifest (when the toolkit wrote the folder)."""
    if not path.exists():
        raise InputError("file or folder not found", path=path)
    manifest = None
    if path.is_dir():
        mpath = path / MANIFEST
        if mpath.exists():
            try:
                manifest = json.loads(mpath.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise AnnotationFormatError(f"not valid JSON ({exc.msg})", path=mpath, line=exc.lineno) from None
        found = {
            "brat": sorted(path.glob("*.ann")),
            "inception": sorted(path.glob("*.xmi")),
            "label-studio": sorted(p for p in path.glob("*.json") if p.name != MANIFEST),
        }
        present = [f for f, files in found.items() if files]
        if manifest and manifest.get("format") in FORMATS:
            fmt = manifest["format"]
        elif len(present) == 1:
            fmt = present[0]
        else:
            raise InputError(f"cannot tell the format: the folder holds {', '.join(present) or 'no'} annotation "
                             "files (.ann for brat, .xmi for INCEpTION, .json for Label Studio)", path=path)
        files = found[fmt]
        if manifest and fmt != "label-studio":
            order = {d["file"]: i for i, d in enumerate(manifest.get("documents", []))}
            files.sort(key=lambda p: (order.get(p.stem, len(order)), p.name))
        if fmt == "label-studio" and len(files) > 1:
            files = [p for p in files if p.name == "tasks.json"] or files
            if len(files) > 1:
                raise InputError(f"several .json files ({', '.join(p.name for p in files)}); give the Label "
                                 "Studio export file itself", path=path)
        if not files:
            raise InputError(f"no {fmt} files in the folder", path=path)
        return fmt, files, manifest
    suffix = path.suffix.lower()
    fmt = {".json": "label-studio", ".ann": "brat", ".xmi": "inception"}.get(suffix)
    if fmt is None:
        raise InputError("not an annotation file: give a folder, a Label Studio .json, a brat .ann or an "
                         "INCEpTION .xmi (unzip INCEpTION's export first)", path=path)
    return fmt, [path], None


def import_annotations(
    path: str | Path,
    *,
    table: Literal["quotes", "devices"] | None = None,
    annotator: str | int | None = None,
) -> pd.DataFrame | dict[str, pd.DataFrame]:
    """Read corrected annotations back into the extractors' tables.

    Parameters
    ----------
    path
        A folder written by :func:`export_annotations` (after correction), a
        Label Studio JSON export, a brat ``.ann`` (its ``.txt`` beside it) or
        an INCEpTION ``.xmi`` file, or a folder of such files.
    table
        ``"quotes"`` or ``"devices"`` to get that one table. By default the
        result has the shape that was exported: one table if one was
        exported, else a dict ``{"quotes": df, "devices": df}``.
    annotator
        Label Studio only: whose annotation to read when a task has several
        (``completed_by``: the user's id or e-mail). A task without an
        annotation is read from its predictions (listed in
        ``df.attrs["from_predictions"]``).

    Returns
    -------
    pandas.DataFrame or dict
        Tables with exactly the columns and dtypes of ``tk.quotes`` and
        ``tk.devices``. ``df.attrs["texts"]`` maps each document id to its
        text (for :func:`toolkit.score`).

    Raises
    ------
    AnnotationFormatError
        Anything malformed, naming the file and line: an unknown label,
        offsets outside the text or not matching the text, a relation to
        nothing, a quote with two speakers, an annotation type the toolkit
        does not read. Nothing is skipped silently.

    Examples
    --------
    >>> import tempfile, toolkit as tk
    >>> doc = tk.load('"We will win," Lavrov said.')
    >>> folder = tk.export_annotations(tk.quotes(doc), doc, format="inception", out=tempfile.mkdtemp())
    >>> tk.import_annotations(folder)[["text", "kind", "speaker"]].values.tolist()
    [['We will win', 'direct', 'Lavrov']]
    """
    if table not in (None, "quotes", "devices"):
        raise ParameterError.choice("table", table, ["quotes", "devices"])
    fmt, files, manifest = _detect(Path(path))
    ids = {d["file"]: d["doc_id"] for d in (manifest or {}).get("documents", [])}
    adocs: list[AnnDoc] = []
    if fmt == "label-studio":
        for f in files:
            adocs.extend(label_studio.read(f, annotator=annotator))
    else:
        if annotator is not None:
            raise ParameterError("annotator= is for Label Studio exports (brat and INCEpTION hold one annotator)")
        reader = brat.read_doc if fmt == "brat" else inception.read_doc
        adocs = [reader(f, ids.get(f.stem)) for f in files]
    tables = to_tables(adocs)
    texts = {d.doc_id: d.text for d in adocs}
    for df in tables.values():
        df.attrs["texts"] = texts
        df.attrs["format"] = fmt
        df.attrs["from_predictions"] = [d.doc_id for d in adocs if d.source == "prediction"]
    if table is not None:
        return tables[table]
    if manifest and manifest.get("single_table") and len(manifest.get("tables", [])) == 1:
        return tables[manifest["tables"][0]]
    return tables
