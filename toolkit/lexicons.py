"""Load, validate and cache the packaged data files (lexicons, gazetteers).

Every file lives in ``toolkit/data/lexicons/<name>.tsv`` (UTF-8, tab-separated,
a header row, no quoting) and has a row in ``MANIFEST.csv`` giving its version,
its columns, where it comes from and its licence. A detector cites the entry
that fired in its ``cue`` column; :func:`manifest` lets a notebook show which
versions produced a table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from .errors import LexiconError

_PACKAGE = "toolkit"
_FOLDER = ("data", "lexicons")


def _read(name: str) -> str:
    path = resources.files(_PACKAGE).joinpath(*_FOLDER, name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(name, "file not found in the package") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(name, f"not UTF-8 ({exc.reason})") from exc


@lru_cache(maxsize=1)
def _manifest_rows() -> dict[str, dict[str, str]]:
    rows = {}
    for i, row in enumerate(csv.DictReader(io.StringIO(_read("MANIFEST.csv"))), start=2):
        if not row.get("name") or not row.get("columns"):
            raise LexiconError("MANIFEST.csv", "a row needs 'name' and 'columns'", row=i)
        rows[row["name"]] = row
    return rows


def manifest() -> pd.DataFrame:
    """All packaged data files with version, columns, source and licence.

    Examples
    --------
    >>> "characters" in set(manifest()["name"])
    True
    """
    return pd.DataFrame(list(_manifest_rows().values()))


def version(name: str) -> str:
    """The version of one data file, as recorded in the manifest.

    Examples
    --------
    >>> version("characters")
    '1.0'
    """
    return _entry(name)["version"]


def _entry(name: str) -> dict[str, str]:
    try:
        return _manifest_rows()[name]
    except KeyError:
        raise LexiconError(f"{name}.tsv", "not listed in MANIFEST.csv") from None


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV data file, validated against the manifest.

    Parameters
    ----------
    name
        File name without ``.tsv``, as listed in ``MANIFEST.csv``.

    Returns
    -------
    tuple of dict
        One dict per row, keyed by the manifest's columns; values are strings
        (empty string for an empty cell).

    Raises
    ------
    LexiconError
        The file is missing, not in the manifest, has other columns than the
        manifest says, or a row with the wrong number of cells (file and row
        are named).

    Examples
    --------
    >>> load("abbreviations")[0]["abbreviation"]
    'gov'
    """
    entry = _entry(name)
    expected = entry["columns"].split(";")
    fname = f"{name}.tsv"
    lines = _read(fname).splitlines()
    if not lines:
        raise LexiconError(fname, "file is empty")
    header = lines[0].split("\t")
    if header != expected:
        raise LexiconError(fname, f"header {header} differs from the manifest's {expected}", row=1)
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(expected):
            raise LexiconError(fname, f"expected {len(expected)} cells, found {len(cells)}", row=i)
        rows.append(dict(zip(expected, cells, strict=True)))
    return tuple(rows)


def frame(name: str) -> pd.DataFrame:
    """A packaged data file as a DataFrame (a copy; safe to modify).

    Examples
    --------
    >>> list(frame("abbreviations").columns)
    ['abbreviation', 'note']
    """
    entry = _entry(name)
    return pd.DataFrame(list(load(name)), columns=entry["columns"].split(";"))


def lexicon(name: str | None = None) -> pd.DataFrame:
    """One packaged lexicon or gazetteer as a table, with its provenance in ``attrs``; without a name, the list.

    The same rows the detectors use (``tk.lexicon("reporting_verbs")``), so a
    teacher can show where a cue comes from and a researcher can start their
    own list from it. ``attrs`` holds ``name``, ``version``, ``description``,
    ``source`` and ``licence`` from ``MANIFEST.csv``. ``lexicon()`` lists
    every file (:func:`manifest`).

    Raises
    ------
    LexiconError
        ``name`` is not a packaged data file.

    Examples
    --------
    >>> verbs = lexicon("reporting_verbs")
    >>> verbs.attrs["name"], "said" in set(verbs.iloc[:, 0]) or "say" in set(verbs.iloc[:, 0])
    ('reporting_verbs', True)
    >>> "stopwords" in set(lexicon()["name"])
    True
    """
    if name is None:
        return manifest()
    table = frame(name)
    entry = _entry(name)
    table.attrs = {k: entry.get(k, "") for k in ("name", "version", "description", "source", "licence")}
    return table


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` literally, factored as a prefix tree.

    One alternative per word makes the regex engine try every word at every
    position; sharing prefixes (``sa(?:id|ys?)``) lets it follow one branch,
    so a pattern built from a whole lexicon still scans a text in one pass.
    The words are matched exactly as given (add ``re.IGNORECASE`` to the
    compiled pattern for case-insensitive matching).

    Examples
    --------
    >>> alternation(["say", "says", "said"])
    'sa(?:id|ys?)'
    >>> import re
    >>> re.findall(alternation(["say", "says", "said"]), "he says she said")
    ['says', 'said']
    """
    trie: dict[str, Any] = {}
    for w in set(words) - {""}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a word

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a word ends here; longer words are tried first (greedy), as one alternative per word would be
            body = (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return build(trie)
