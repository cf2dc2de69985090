"""INCEpTION: UIMA CAS XMI (XML 1.0), one ``<doc>.xmi`` per document, plus ``TypeSystem.xml``.

Why XMI and not WebAnno TSV 3: neither format brings its own layers into an
INCEpTION project — the INCEpTION maintainers say a project must first hold
the layers a TSV, XMI or UIMA JSON file uses (inception-project/inception#4006)
— but XMI needs no more than that one step, done from the file we write:
*Project settings → Layers → Import* ``TypeSystem.xml`` (a UIMA type system;
INCEpTION turns each type into a layer). Then upload the ``.xmi`` files as
*UIMA CAS XMI (XML 1.0)*. XMI also keeps the text exactly: the document is
the ``sofaString`` attribute, with ``\\r`` and ``\\n`` written as character
references, where TSV 3 re-tokenises the text and rewrites its line breaks.

Layers (types ``webanno.custom.*``): ``Quote`` (span; features ``kind``,
``attribution``, ``speaker``, ``toolkit``), ``Speaker`` (span), ``Device``
(span; ``kind``, ``referent``, ``target``, ``toolkit``) and ``Said`` (relation
from a ``Speaker`` — ``Governor`` — to a ``Quote`` — ``Dependent``).
``toolkit`` keeps the other columns as JSON.

Offsets: ``begin``/``end`` count UTF-16 code units, as Java strings do (an
emoji counts two); they are converted from and to Python's code points.
Export the corrected documents as *UIMA CAS XMI (XML 1.0)* and give the
folder (or the ``.xmi`` files, unzipped) to :func:`toolkit.import_annotations`.
Tokens, sentences and document metadata INCEpTION adds are read past.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..errors import AnnotationFormatError
from ._model import (
    SAID,
    SPEAKER,
    AnnDoc,
    Link,
    Region,
    doc_id_of,
    dumps_extras,
    file_stem,
    inverse,
    loads_extras,
    utf16_offsets,
)

XMI = "http://www.omg.org/XMI"
CAS = "http:///uima/cas.ecore"
CUSTOM = "http:///webanno/custom.ecore"
TS = "http://uima.apache.org/resourceSpecifier"
STRING = "uima.cas.String"
#: layer -> features (all strings); relation ends are references
LAYERS: dict[str, tuple[str, ...]] = {
    "Quote": ("kind", "attribution", "speaker", "toolkit"),
    "Speaker": (),
    "Device": ("kind", "referent", "target", "toolkit"),
}
#: types INCEpTION writes for its own use: read past, never turned into findings
INFRASTRUCTURE = re.compile(
    r"^(http:///uima/tcas\.ecore DocumentAnnotation"
    r"|http:///de/tudarmstadt/ukp/dkpro/core/api/(segmentation|metadata)/type\.ecore \w+)$"
)
_NOT_XML10 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def type_system() -> str:
    """``TypeSystem.xml``: the custom layers as a UIMA type system description."""
    root = ET.Element("typeSystemDescription", xmlns=TS)
    types = ET.SubElement(root, "types")

    def add(name: str, features: list[tuple[str, str]]) -> None:
        t = ET.SubElement(types, "typeDescription")
        ET.SubElement(t, "name").text = f"webanno.custom.{name}"
        ET.SubElement(t, "supertypeName").text = "uima.tcas.Annotation"
        if features:
            fs = ET.SubElement(t, "features")
            for fname, rng in features:
                f = ET.SubElement(fs, "featureDescription")
                ET.SubElement(f, "name").text = fname
                ET.SubElement(f, "rangeTypeName").text = rng
    for layer, feats in LAYERS.items():
        add(layer, [(f, STRING) for f in feats])
    add("Said", [("Governor", "webanno.custom.Speaker"), ("Dependent", "webanno.custom.Quote")])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _layer(label: str) -> tuple[str, dict[str, str]]:
    if label.startswith("quote_"):
        return "Quote", {"kind": label.removeprefix("quote_")}
    if label == SPEAKER:
        return "Speaker", {}
    return "Device", {"kind": label}


def xmi(doc: AnnDoc) -> str:
    """The XMI document of one annotated document."""
    bad = _NOT_XML10.search(doc.text)
    if bad:
        raise AnnotationFormatError(
            f"document {doc.doc_id!r} holds U+{ord(bad.group()):04X} at offset {bad.start()}, which XML 1.0 "
            "cannot carry; use format='brat' or 'label-studio' for this text")
    units = utf16_offsets(doc.text)
    ET.register_namespace("xmi", XMI)
    ET.register_namespace("cas", CAS)
    ET.register_namespace("custom", CUSTOM)
    root = ET.Element(f"{{{XMI}}}XMI", {f"{{{XMI}}}version": "2.0"})
    ET.SubElement(root, f"{{{CAS}}}NULL", {f"{{{XMI}}}id": "0"})
    sofa_id = "1"
    ids: dict[str, str] = {}
    members = []
    next_id = 2
    for r in doc.regions:
        layer, feats = _layer(r.label)
        ids[r.id] = str(next_id)
        attrs = {f"{{{XMI}}}id": ids[r.id], "sofa": sofa_id, "begin": str(units[r.start]), "end": str(units[r.end]),
                 **feats, **{k: v for k, v in r.attrs.items() if k in LAYERS[layer]}}
        if r.extras and "toolkit" in LAYERS[layer]:
            attrs["toolkit"] = dumps_extras(r.extras)
        ET.SubElement(root, f"{{{CUSTOM}}}{layer}", attrs)
        members.append(ids[r.id])
        next_id += 1
    ends = {r.id: r for r in doc.regions}
    for link in doc.links:
        dep = ends[link.target]
        ET.SubElement(root, f"{{{CUSTOM}}}Said", {
            f"{{{XMI}}}id": str(next_id), "sofa": sofa_id, "begin": str(units[dep.start]), "end": str(units[dep.end]),
            "Governor": ids[link.source], "Dependent": ids[link.target]})
        members.append(str(next_id))
        next_id += 1
    ET.SubElement(root, f"{{{CAS}}}Sofa", {f"{{{XMI}}}id": sofa_id, "sofaNum": "1", "sofaID": "_InitialView",
                                          "mimeType": "text", "sofaString": doc.text})
    ET.SubElement(root, f"{{{CAS}}}View", {"sofa": sofa_id, "members": " ".join(members)})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write(adocs: list[AnnDoc], out: Path) -> list[str]:
    """Write one ``.xmi`` per document and ``TypeSystem.xml``."""
    stems = []
    texts = [xmi(d) for d in adocs]  # check every document before writing any file
    for doc, text in zip(adocs, texts, strict=True):
        stem = file_stem(doc.doc_id)
        (out / f"{stem}.xmi").write_text(text, encoding="utf-8", newline="\n")
        stems.append(stem)
    (out / "TypeSystem.xml").write_text(type_system(), encoding="utf-8", newline="\n")
    return stems


# --------------------------------------------------------------------------- reading


def _elements(path: Path) -> list[tuple[str, dict[str, str], int]]:
    """Top-level elements of the XMI root: ``(namespace-uri local-name, attributes, line)``."""
    out: list[tuple[str, dict[str, str], int]] = []
    depth = 0
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth == 2:
            out.append((name, attrs, parser.CurrentLineNumber))

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(path.read_bytes(), True)
    except expat.ExpatError as exc:
        raise AnnotationFormatError(f"not well-formed XML ({expat.errors.messages[exc.code]})", path=path,
                                    line=exc.lineno) from None
    return out


def read_doc(path: Path, doc_id: str | None = None) -> AnnDoc:
    """One document from an XMI file."""
    elements = _elements(path)
    sofas = [(a, line) for name, a, line in elements if name == f"{CAS} Sofa"]
    if len(sofas) != 1 or "sofaString" not in sofas[0][0]:
        raise AnnotationFormatError(f"expected one cas:Sofa with a sofaString, found {len(sofas)}", path=path,
                                    line=sofas[1][1] if len(sofas) > 1 else None)
    doc = AnnDoc(doc_id or doc_id_of(path.stem), sofas[0][0]["sofaString"], path=str(path))
    back = inverse(utf16_offsets(doc.text))
    regions: dict[str, Region] = {}
    links: list[tuple[dict[str, str], int]] = []
    for name, a, line in elements:
        uri, _, local = name.rpartition(" ")
        if uri in (XMI, CAS) or INFRASTRUCTURE.match(name):
            continue
        if uri != CUSTOM or local not in (*LAYERS, "Said"):
            raise AnnotationFormatError(f"annotation type {local!r} ({uri}) is not one of the toolkit's layers "
                                        f"({', '.join((*LAYERS, 'Said'))})", path=path, line=line)
        if local == "Said":
            links.append((a, line))
            continue
        regions[a.get(f"{XMI} id", "")] = _region(doc, local, a, line, back)
    doc.regions = list(regions.values())
    for a, line in links:
        gov, dep = a.get("Governor"), a.get("Dependent")
        if gov is None or dep is None:
            raise AnnotationFormatError("a Said relation without Governor or Dependent", path=path, line=line)
        doc.links.append(Link(a.get(f"{XMI} id", "?"), SAID, gov, dep, line))
    return doc


def _region(doc: AnnDoc, layer: str, a: dict[str, str], line: int, back: dict[int, int]) -> Region:
    try:
        begin, end = int(a["begin"]), int(a["end"])
    except (KeyError, ValueError):
        raise AnnotationFormatError(f"{layer} without integer begin/end", path=doc.path, line=line) from None
    if begin not in back or end not in back:
        raise AnnotationFormatError(f"{layer} [{begin}, {end}) is outside the text or splits a character",
                                    path=doc.path, line=line)
    if layer == "Speaker":
        label = SPEAKER
    else:
        kind = a.get("kind")
        if not kind:
            raise AnnotationFormatError(f"{layer} without a kind", path=doc.path, line=line)
        label = f"quote_{kind}" if layer == "Quote" else kind
    attrs = {k: a[k] for k in LAYERS[layer] if k not in ("kind", "toolkit") and a.get(k)}
    extras: dict[str, Any] = loads_extras(doc, a["toolkit"], line) if a.get("toolkit") else {}
    return Region(a.get(f"{XMI} id", "?"), label, back[begin], back[end], attrs, extras, line)
