"""brat standoff: one ``<doc>.txt`` (the original text, byte for byte) and ``<doc>.ann`` per document.

``.ann`` lines (brat's standoff grammar, http://brat.nlplab.org/standoff.html):

* ``T1<TAB>quote_direct 369 539<TAB>It is absolutely…`` — a text-bound region,
  ``end`` exclusive. Offsets count characters the way brat does: it reads the
  ``.txt`` as UTF-8 with universal newlines, so ``\\r\\n`` is one character
  (nlplab/brat#853); the ``.txt`` itself is written byte for byte and the
  offsets are converted both ways. A region that crosses a line break is
  written as fragments ``s1 e1;s2 e2`` around the break (brat's own way), and
  read back as one span.
* ``R1<TAB>said Arg1:T2 Arg2:T1`` — the speaker ``T2`` said quote ``T1``.
* ``A1<TAB>Attribution T1 pronoun`` — the closed-set attribute of a quote.
* ``#1<TAB>AnnotatorNotes T1<TAB>{"speaker": "Sergei Lavrov", "toolkit": {…}}``
  — free-text fields (canonical ``speaker``, device ``referent``/``target``)
  and the toolkit's other columns as one JSON object. brat attribute values
  are single tokens from a declared list, so open-ended names live in notes.

``annotation.conf`` declares the labels, the relation and the attribute, so
brat shows and checks them. Device kinds are the entity types.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..corpus import decode
from ..errors import AnnotationFormatError
from ._model import (
    ATTRIBUTIONS,
    QUOTE_KINDS,
    SAID,
    SPEAKER,
    AnnDoc,
    Link,
    Region,
    doc_id_of,
    dumps_extras,
    file_stem,
    inverse,
    labels,
    loads_extras,
    offset_table,
)

#: characters after which any line reader starts a new line (str.splitlines' set)
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = re.compile(f"[{BREAKS}]+")
T_LINE = re.compile(r"^T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.DOTALL)
R_LINE = re.compile(r"^R(\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)$")
A_LINE = re.compile(r"^A(\d+)\t(\S+) (T\d+)(?: (\S+))?$")
NOTE_LINE = re.compile(r"^#(\d+)\tAnnotatorNotes (T\d+)\t(.*)$", re.DOTALL)
ATTRIBUTE = "Attribution"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``[start, end)`` between line breaks (brat's discontinuous span).

    Examples
    --------
    >>> fragments("ab\\r\\ncd", 0, 6)
    [(0, 2), (4, 6)]
    """
    out = []
    pos = start
    for m in _BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def config() -> str:
    """``annotation.conf``: entity types, the ``said`` relation, the attribution attribute."""
    quote_labels = "|".join(f"quote_{k}" for k in QUOTE_KINDS)
    ents = "\n".join(labels())
    return (
        "# written by the discourse toolkit (tk.export_annotations)\n"
        f"[entities]\n{ents}\n\n"
        f"[relations]\n{SAID}\tArg1:{SPEAKER}, Arg2:{quote_labels}\n"
        "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n"
        f"[attributes]\n{ATTRIBUTE}\tArg:{quote_labels}, Value:{'|'.join(ATTRIBUTIONS)}\n"
    )


def ann_text(doc: AnnDoc) -> str:
    """The ``.ann`` file of one document."""
    lines = []
    units = offset_table(doc.text, universal_newlines=True)
    tid: dict[str, str] = {}
    n_attr = n_note = 0
    for i, r in enumerate(doc.regions, 1):
        tid[r.id] = f"T{i}"
        pieces = fragments(doc.text, r.start, r.end)
        if not pieces:
            raise AnnotationFormatError(
                f"region [{r.start}, {r.end}) of document {doc.doc_id!r} holds only line breaks; brat cannot show it"
            )
        spans = ";".join(f"{units[s]} {units[e]}" for s, e in pieces)
        lines.append(f"T{i}\t{r.label} {spans}\t{' '.join(doc.text[s:e] for s, e in pieces)}")
        note = {k: v for k, v in r.attrs.items() if k != "attribution"}
        extras = dict(r.extras)
        if (pieces[0][0], pieces[-1][1]) != (r.start, r.end):
            extras.setdefault("at", [r.start, r.end])  # line breaks at an edge: the fragments leave them out
        if extras:
            note["toolkit"] = extras
        if "attribution" in r.attrs:
            n_attr += 1
            lines.append(f"A{n_attr}\t{ATTRIBUTE} T{i} {r.attrs['attribution']}")
        if note:
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes T{i}\t{dumps_extras(note)}")
    for j, link in enumerate(doc.links, 1):
        lines.append(f"R{j}\t{link.label} Arg1:{tid[link.source]} Arg2:{tid[link.target]}")
    return "".join(line + "\n" for line in lines)


def write(adocs: list[AnnDoc], out: Path) -> list[str]:
    """Write ``.txt``/``.ann`` pairs and ``annotation.conf``; the file stems in order."""
    stems = []
    for doc in adocs:
        stem = file_stem(doc.doc_id)
        (out / f"{stem}.txt").write_bytes(doc.text.encode("utf-8"))
        (out / f"{stem}.ann").write_bytes(ann_text(doc).encode("utf-8"))
        stems.append(stem)
    (out / "annotation.conf").write_text(config(), encoding="utf-8", newline="\n")
    return stems


def read_doc(ann: Path, doc_id: str | None = None) -> AnnDoc:
    """One document from its ``.ann`` file and the ``.txt`` beside it."""
    txt = ann.with_suffix(".txt")
    if not txt.exists():
        raise AnnotationFormatError(f"no text file {txt.name} beside it", path=ann)
    doc = AnnDoc(doc_id or doc_id_of(ann.stem), decode(txt.read_bytes(), path=txt), path=str(ann))
    back = inverse(offset_table(doc.text, universal_newlines=True))
    data = decode(ann.read_bytes(), path=ann) if ann.stat().st_size else ""
    by_t: dict[str, Region] = {}
    attrs: list[tuple[int, re.Match[str]]] = []
    notes: list[tuple[int, re.Match[str]]] = []
    for line_no, line in enumerate(data.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        if m := T_LINE.match(line):
            by_t[f"T{m[1]}"] = _region(doc, m, line_no, back)
            doc.regions.append(by_t[f"T{m[1]}"])
        elif m := R_LINE.match(line):
            doc.links.append(Link(f"R{m[1]}", m[2], m[3], m[4], line_no))
        elif m := A_LINE.match(line):
            attrs.append((line_no, m))
        elif m := NOTE_LINE.match(line):
            notes.append((line_no, m))
        else:
            kind = line[:1]
            what = {"E": "an event", "N": "a normalization", "*": "an equivalence", "M": "a modification"}.get(kind)
            reason = f"{what} annotation, which the toolkit does not read" if what else "not a brat standoff line"
            raise AnnotationFormatError(f"{reason}: {line[:60]!r}", path=ann, line=line_no)
    for line_no, m in attrs:
        target = _target(doc, by_t, m[3], line_no)
        if m[2] != ATTRIBUTE:
            raise AnnotationFormatError(f"unknown attribute {m[2]!r}; the only attribute is {ATTRIBUTE!r}",
                                        path=ann, line=line_no)
        if m[4] is None:
            raise AnnotationFormatError(f"attribute {ATTRIBUTE} needs a value ({'|'.join(ATTRIBUTIONS)})",
                                        path=ann, line=line_no)
        target.attrs["attribution"] = m[4]
    for line_no, m in notes:
        target = _target(doc, by_t, m[2], line_no)
        note = loads_extras(doc, m[3], line_no)
        extras = note.pop("toolkit", {})
        if not isinstance(extras, dict):
            raise AnnotationFormatError("'toolkit' in the note must be a JSON object", path=ann, line=line_no)
        target.extras.update(extras)
        for k, v in note.items():
            if k not in ("speaker", "referent", "target") or not isinstance(v, str):
                raise AnnotationFormatError(f"note field {k!r}={v!r}: only speaker, referent and target "
                                            "(strings) and toolkit are read", path=ann, line=line_no)
            target.attrs[k] = v
    for r in doc.regions:  # a region with a line break at an edge comes back whole while it is unchanged
        at = r.extras.get("at")
        if not (isinstance(at, list) and len(at) == 2 and all(isinstance(x, int) for x in at)):
            continue
        if 0 <= at[0] < at[1] <= len(doc.text) and fragments(doc.text, *at) == fragments(doc.text, r.start, r.end):
            r.start, r.end = at
    for link in doc.links:  # links name T ids; the model names regions by the same ids
        for end in (link.source, link.target):
            if end not in by_t:
                raise AnnotationFormatError(f"relation {link.id} points to {end}, which is not defined",
                                            path=ann, line=link.line)
    return doc


def _target(doc: AnnDoc, by_t: dict[str, Region], tid: str, line_no: int) -> Region:
    if tid not in by_t:
        raise AnnotationFormatError(f"{tid} is not defined in this file", path=doc.path, line=line_no)
    return by_t[tid]


def _region(doc: AnnDoc, m: re.Match[str], line_no: int, back: dict[int, int]) -> Region:
    written = [tuple(int(x) for x in part.split(" ")) for part in m[3].split(";")]
    prev = -1
    for s, e in written:
        if not prev <= s < e or e not in back:
            raise AnnotationFormatError(
                f"fragment {s} {e} is empty, out of order or outside the text ({max(back)} characters as brat "
                "counts them)", path=doc.path, line=line_no)
        prev = e
    pieces = [(back[s], back[e]) for s, e in written]
    text = " ".join(doc.text[s:e] for s, e in pieces)
    if m[4] != text:
        raise AnnotationFormatError(
            f"the text field {m[4][:40]!r} does not match the text at {m[3]} ({text[:40]!r}); "
            "offsets must count characters of the .txt file as brat does", path=doc.path, line=line_no)
    start, end = pieces[0][0], pieces[-1][1]
    if fragments(doc.text, start, end) != pieces:
        raise AnnotationFormatError(
            f"discontinuous region {m[3]}: the toolkit reads fragments only around line breaks",
            path=doc.path, line=line_no)
    return Region(f"T{m[1]}", m[2], start, end, line=line_no)
