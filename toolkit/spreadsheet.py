"""Tables as files: exact CSV, spreadsheet-safe CSV and ``.xlsx`` with text cells.

A CSV keeps every value exactly (``text[start:end]`` slices the original), so
a cell such as ``=HYPERLINK(...)`` quoted from a document stays as it was, and
a spreadsheet that opens the CSV runs it as a formula. Two safe paths:
:func:`write_xlsx` stores every string as a text cell (never a formula), and
:func:`spreadsheet_safe` prefixes ``'`` to string cells that start with
``= + - @``, a tab or a carriage return (the OWASP advice for CSV injection).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any

import pandas as pd

#: first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MAX_CHARS = 32767  # Excel's limit for one cell, in UTF-16 code units
_XLSX_MAX_ROWS = 1_048_576
# characters XML 1.0 (hence .xlsx) cannot hold: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _escape(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose string cells (and column names) that start with ``= + - @`` tab or CR get a ``'``.

    Only such cells change; numbers stay numbers. The prefixed text no longer
    slices the document at ``start:end``: keep the exact CSV for analysis.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"text": ["=1+1", "ok", "-x"], "n": [-1, 2, 3]}))["text"].tolist()
    ["'=1+1", 'ok', "'-x"]
    """
    out = table.copy()
    out.columns = [_escape(c) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col):
            out.isetitem(i, col.map(_escape).astype(object))
    return out


def write_csv(table: pd.DataFrame, target: str | Path | IO[bytes], *, safe: bool = False) -> None:
    """Write ``table`` as UTF-8 CSV (``\\n`` line ends) to a path or a binary stream.

    ``safe=True`` writes :func:`spreadsheet_safe` cells. A lone surrogate
    (legal in a Python str, e.g. from JSON ``"\\ud800"``) becomes ``?``, one
    character for one, so offsets still hold.
    """
    data = spreadsheet_safe(table) if safe else table
    if isinstance(target, (str, Path)):
        data.to_csv(target, index=False, lineterminator="\n", encoding="utf-8", errors="replace")
    else:
        target.write(data.to_csv(index=False, lineterminator="\n").encode("utf-8", errors="replace"))


def _clip(text: str) -> str:
    text = _XML_ILLEGAL.sub("\ufffd", text)
    if len(text) > _XLSX_MAX_CHARS // 2 and len(text.encode("utf-16-le")) > 2 * _XLSX_MAX_CHARS:
        text = text.encode("utf-16-le")[: 2 * _XLSX_MAX_CHARS].decode("utf-16-le", errors="ignore")
    return text


def _cell_values(col: pd.Series) -> list[Any]:
    values = col.astype(object).tolist()
    out: list[Any] = []
    for v in values:
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, bool | int | float | str) or hasattr(v, "dtype"):
            out.append(str(v) if isinstance(v, float) and v in (float("inf"), float("-inf")) else v)
        elif isinstance(v, pd.Timestamp):
            out.append(v.isoformat() if v.tzinfo is not None else v.to_pydatetime())
        else:
            out.append(str(v))
    return out


def write_xlsx(table: pd.DataFrame, path: str | Path, *, sheet: str = "table") -> Path:
    """Write ``table`` as an ``.xlsx`` workbook where every string is a text cell, never a formula.

    A string that starts with ``= + - @`` tab or CR is stored as text with
    Excel's quote prefix, so it stays text even when edited. What ``.xlsx``
    cannot hold is changed, and only that: characters XML forbids (control
    characters, lone surrogates) become U+FFFD, a cell longer than Excel's
    32,767 characters is cut there, and more than 1,048,575 rows continue on
    further sheets. The file is byte-identical across runs (no timestamps).

    Examples
    --------
    >>> import tempfile, os, openpyxl
    >>> p = write_xlsx(pd.DataFrame({"text": ["=1+1"]}), os.path.join(tempfile.mkdtemp(), "t.xlsx"))
    >>> cell = openpyxl.load_workbook(p).active["A2"]
    >>> cell.value, cell.data_type
    ('=1+1', 's')
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    path = Path(path)
    wb = Workbook(write_only=True)
    columns = [_cell_values(table.iloc[:, i]) for i in range(table.shape[1])]
    header = [str(c) for c in table.columns]
    per_sheet = _XLSX_MAX_ROWS - 1
    n = len(table)
    base = re.sub(r"[\[\]:*?/\\]", "_", sheet)[:25] or "table"
    for part, first in enumerate(range(0, max(n, 1), per_sheet), 1):
        ws = wb.create_sheet(base if part == 1 else f"{base} ({part})")
        ws.freeze_panes = "A2"

        def cells(row: list[Any], ws: Any = ws) -> list[Any]:
            out: list[Any] = []
            for v in row:
                if isinstance(v, str):
                    v = _clip(v)
                    if v.startswith(FORMULA_STARTS):
                        cell = WriteOnlyCell(ws, value=v)
                        cell.data_type = "s"  # openpyxl would store "=..." as a formula
                        cell.quotePrefix = True
                        v = cell
                out.append(v)
            return out

        ws.append(cells(header))
        for row in zip(*(c[first:first + per_sheet] for c in columns), strict=True):
            ws.append(cells(list(row)))
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        _repack(Path(tmp), path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _repack(src: Path, dst: Path) -> None:
    """Copy the zip with fixed entry dates and without the creation/modification dates openpyxl writes."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == "docProps/core.xml":
                zout.writestr(fixed, _CORE_DATES.sub(b"", zin.read(info)))
                continue
            with zin.open(info) as fin, zout.open(fixed, "w") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
