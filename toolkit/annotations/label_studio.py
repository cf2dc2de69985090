"""Label Studio: ``tasks.json`` (tasks with the findings as ``predictions``) and ``config.xml``.

Create a project, paste ``config.xml`` under *Settings → Labeling Interface →
Code*, import ``tasks.json``; the findings show as pre-annotations to accept
or correct. Export the project as *JSON* and give that file to
:func:`toolkit.import_annotations`.

Each task is ``{"data": {"text", "doc_id", "toolkit"}, "predictions": [{"model_version", "result"}]}``;
``result`` holds one ``labels`` region per finding (``value.start``/``end``/
``text``/``labels``), per-region ``choices`` (``attribution``) and
``textarea`` results (``speaker``, ``referent``, ``target``) with the
region's id, and ``relation`` results (``said``) from a speaker region to a
quote region. ``data.toolkit`` keeps the other columns per region (matched
back by region id, or by label and span when Label Studio renamed the region).

Offsets: Label Studio stores region offsets in Unicode code points, like
Python (its front end counted UTF-16 units before the fix of
HumanSignal/label-studio#1559, merged with label-studio-frontend#308; issue
#1347 shows the old behaviour). On import each region's ``value.text`` is
checked against the text; offsets that match only when read as UTF-16 units
(an older Label Studio) or with ``\\r\\n`` counted as one character are
converted, anything else is an error naming the file and line.
``config.xml`` sets ``white-space: pre-wrap`` so every space and line break
of the original text is shown and counted.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..errors import AnnotationFormatError
from ..version import __version__
from ._model import (
    ATTRIBUTIONS,
    DEVICE_ATTRS,
    SAID,
    SPEAKER,
    AnnDoc,
    Link,
    Region,
    inverse,
    labels,
    offset_table,
)

FROM = "label"
TO = "text"
TEXTAREAS = ("speaker", *DEVICE_ATTRS)
_COLOURS = {"quote": "#56B4E9", SPEAKER: "#E69F00"}


def config() -> str:
    """The labelling config (XML) that matches the tasks."""
    label_tags = "\n".join(
        f'    <Label value={quoteattr(lab)} background="'
        f'{_COLOURS["quote"] if lab.startswith("quote_") else _COLOURS.get(lab, "#009E73")}"/>'
        for lab in labels()
    )
    choices = "\n".join(f"      <Choice value={quoteattr(a)}/>" for a in ATTRIBUTIONS)
    areas = "\n".join(
        f'    <Header value="{name}"/>\n'
        f'    <TextArea name="{name}" toName="{TO}" perRegion="true" editable="true" maxSubmissions="1"/>'
        for name in TEXTAREAS
    )
    return (
        "<View>\n"
        "  <Style>.htx-text{ white-space: pre-wrap; }</Style>\n"
        f'  <Relations>\n    <Relation value="{SAID}"/>\n  </Relations>\n'
        f'  <Labels name="{FROM}" toName="{TO}">\n{label_tags}\n  </Labels>\n'
        f'  <Text name="{TO}" value="$text"/>\n'
        '  <View visibleWhen="region-selected">\n'
        '    <Header value="attribution (quotes)"/>\n'
        f'    <Choices name="attribution" toName="{TO}" perRegion="true">\n{choices}\n    </Choices>\n'
        f"{areas}\n"
        "  </View>\n"
        "</View>\n"
    )


def _span(doc: AnnDoc, r: Region) -> dict[str, Any]:
    return {"start": r.start, "end": r.end, "text": doc.text[r.start:r.end]}


def task(doc: AnnDoc, number: int = 1) -> dict[str, Any]:
    """One Label Studio task with the document's findings as predictions (region ids ``<number>_<id>``)."""
    result: list[dict[str, Any]] = []
    keep = []
    rid = {r.id: f"{number}_{r.id}" for r in doc.regions}
    for r in doc.regions:
        base = {"id": rid[r.id], "to_name": TO}
        result.append({**base, "from_name": FROM, "type": "labels", "value": {**_span(doc, r), "labels": [r.label]}})
        if "attribution" in r.attrs:
            result.append({**base, "from_name": "attribution", "type": "choices",
                           "value": {"start": r.start, "end": r.end, "choices": [r.attrs["attribution"]]}})
        for name in TEXTAREAS:
            if name in r.attrs:
                result.append({**base, "from_name": name, "type": "textarea",
                               "value": {"start": r.start, "end": r.end, "text": [r.attrs[name]]}})
        if r.extras:
            keep.append({"id": rid[r.id], "label": r.label, **r.extras})
    for link in doc.links:
        result.append({"type": "relation", "from_id": rid[link.source], "to_id": rid[link.target], "direction": "right",
                       "labels": [link.label]})
    return {
        "data": {"text": doc.text, "doc_id": doc.doc_id, "toolkit": keep},
        "predictions": [{"model_version": f"discourse-toolkit {__version__}", "result": result}],
    }


def write(adocs: list[AnnDoc], out: Path) -> list[str]:
    """Write ``tasks.json`` and ``config.xml``; the file of each document."""
    tasks = [task(d, i) for i, d in enumerate(adocs, 1)]
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8", newline="\n")
    (out / "config.xml").write_text(config(), encoding="utf-8", newline="\n")
    return ["tasks.json"] * len(adocs)


# --------------------------------------------------------------------------- reading


class _Locator:
    """Line numbers of region ids and document ids in the raw JSON (read once), for error messages."""

    _ID = re.compile(r'"(?:id|from_id|doc_id)":\s*"((?:[^"\\]|\\.)*)"')

    def __init__(self, raw: str) -> None:
        self.lines: dict[str, int] = {}
        line, pos = 1, 0
        for m in self._ID.finditer(raw):
            line += raw.count("\n", pos, m.start())
            pos = m.start()
            self.lines.setdefault(m[1], line)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)


def read(path: Path, *, annotator: str | int | None = None) -> list[AnnDoc]:
    """Documents from a Label Studio JSON export (or the ``tasks.json`` the toolkit wrote)."""
    raw = path.read_text(encoding="utf-8-sig")
    try:
        tasks = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnnotationFormatError(f"not valid JSON ({exc.msg}, column {exc.colno})", path=path,
                                    line=exc.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise AnnotationFormatError("a Label Studio export is a JSON list of tasks", path=path, line=1)
    loc = _Locator(raw)
    docs = []
    for i, t in enumerate(tasks, 1):
        where = f"task {i}" + (f" (id {t.get('id')})" if isinstance(t, dict) and "id" in t else "")
        if not isinstance(t, dict) or not isinstance(t.get("data"), dict) or not isinstance(t["data"].get("text"), str):
            raise AnnotationFormatError(f"{where} has no data.text string", path=path)
        data = t["data"]
        doc_id = str(data.get("doc_id") or t.get("id") or f"task-{i}")
        doc = AnnDoc(doc_id, data["text"], path=str(path))
        text_line = loc.line(doc_id) or 1
        result, source = _pick(t, annotator, where, path, text_line)
        _regions(doc, result, data.get("toolkit") or [], loc, where, text_line)
        doc.source = source
        docs.append(doc)
    return docs


def _who(annotation: dict[str, Any]) -> Any:
    who = annotation.get("completed_by")
    return who.get("email", who.get("id")) if isinstance(who, dict) else who


def _pick(t: dict[str, Any], annotator: str | int | None, where: str, path: Path, line: int) -> tuple[list, str]:
    annotations = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
    if annotator is not None:
        annotations = [a for a in annotations if str(_who(a)) == str(annotator)]
    if len(annotations) > 1:
        who = ", ".join(str(_who(a)) for a in annotations)
        raise AnnotationFormatError(f"{where} has {len(annotations)} annotations (by {who}); pass annotator=... "
                                    "to read one annotator's work", path=path, line=line)
    if annotations:
        return annotations[0].get("result") or [], "annotation"
    if annotator is not None:
        raise AnnotationFormatError(f"{where} has no annotation by {annotator!r}", path=path, line=line)
    predictions = [p for p in t.get("predictions") or [] if isinstance(p, dict)]
    if t.get("predictions") and not predictions:  # Label Studio's export lists only prediction ids
        raise AnnotationFormatError(f"{where} has no annotation, and its predictions are only ids in this "
                                    "export; annotate the task or export with predictions", path=path, line=line)
    if len(predictions) > 1:
        raise AnnotationFormatError(f"{where} has no annotation and {len(predictions)} predictions; "
                                    "keep one", path=path, line=line)
    return (predictions[0].get("result") or [] if predictions else []), "prediction"


def _offsets(doc: AnnDoc, value: dict[str, Any], line: int | None) -> tuple[int, int]:
    try:
        start, end = int(value["start"]), int(value["end"])
    except (KeyError, TypeError, ValueError):
        raise AnnotationFormatError("a region without integer value.start/value.end", path=doc.path,
                                    line=line) from None
    written = value.get("text")
    if not isinstance(written, str) or doc.text[start:end] == written:
        return start, end
    for back in _fallbacks(doc.text):
        if start in back and end in back and doc.text[back[start]:back[end]] == written:
            return back[start], back[end]
    raise AnnotationFormatError(
        f"region [{start}, {end}) reads {doc.text[start:end][:40]!r} but Label Studio saved {written[:40]!r}",
        path=doc.path, line=line)


@lru_cache(maxsize=8)
def _fallbacks(text: str) -> tuple[dict[int, int], ...]:
    """Other ways a Label Studio may have counted: UTF-16 units (before #1559), CRLF as one, both."""
    return tuple(inverse(offset_table(text, utf16=u, universal_newlines=n))
                 for u, n in ((True, False), (False, True), (True, True)))


def _regions(doc: AnnDoc, result: list, keep: list, loc: _Locator, where: str, line0: int) -> None:
    by_id: dict[str, Region] = {}
    extra_rows: list[dict[str, Any]] = []
    for item in result:
        if not isinstance(item, dict):
            raise AnnotationFormatError(f"{where}: a result item is not an object", path=doc.path, line=line0)
        rid = str(item.get("id"))
        line = loc.line(rid) or line0
        kind = item.get("type")
        value = item.get("value") or {}
        if kind == "labels":
            labs = value.get("labels") or []
            if len(labs) != 1:
                raise AnnotationFormatError(f"region {rid} has {len(labs)} labels; give it exactly one",
                                            path=doc.path, line=line)
            start, end = _offsets(doc, value, line)
            by_id[rid] = Region(rid, str(labs[0]), start, end, line=line)
            doc.regions.append(by_id[rid])
        elif kind == "relation":
            labs = item.get("labels") or [SAID]
            line = loc.line(str(item.get("from_id"))) or line0
            src, dst = str(item.get("from_id")), str(item.get("to_id"))
            if item.get("direction") == "left":
                src, dst = dst, src
            doc.links.append(Link(f"{src}->{dst}", str(labs[0]), src, dst, line))
        elif kind in ("choices", "textarea"):
            extra_rows.append((item, line))
        else:
            raise AnnotationFormatError(f"{where}: result type {kind!r} is not one the toolkit writes or reads",
                                        path=doc.path, line=line)
    for item, line in extra_rows:
        rid = str(item.get("id"))
        name = item.get("from_name")
        if rid not in by_id:
            raise AnnotationFormatError(f"{name} result for region {rid}, which has no label", path=doc.path,
                                        line=line)
        values = (item.get("value") or {}).get("choices" if item["type"] == "choices" else "text") or []
        if name not in ("attribution", *TEXTAREAS) or len(values) > 1:
            raise AnnotationFormatError(f"{name} result of region {rid}: expected one value of attribution, "
                                        f"{', '.join(TEXTAREAS)}", path=doc.path, line=line)
        if values and str(values[0]).strip():
            by_id[rid].attrs[name] = str(values[0]).strip()
    _attach_extras(doc, by_id, keep)


def _attach_extras(doc: AnnDoc, by_id: dict[str, Region], keep: list) -> None:
    free = list(doc.regions)
    for entry in keep:
        if not isinstance(entry, dict):
            continue
        extras = {k: v for k, v in entry.items() if k not in ("id", "label")}
        region = by_id.get(str(entry.get("id")))
        if region is None or region.label != entry.get("label"):
            region = next((r for r in free if r.label == entry.get("label") and [r.start, r.end] == entry.get("at")
                           and not r.extras), None)
        if region is not None:
            region.extras = extras
            if region in free:
                free.remove(region)

