"""Load, validate and cache the packaged data files (lexicons, gazetteers).

Every file lives in ``toolkit/data/lexicons/<name>.tsv`` (UTF-8, tab-separated,
a header row, no quoting) and has a row in ``MANIFEST.csv`` giving its version,
its columns, where it comes from and its licence. A detector cites the entry
that fired in its ``cue`` column; :func:`manifest` lets a notebook show which
versions produced a table.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import LexiconError, ParameterError

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
    ['abbreviation', 'note', 'class']
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


#: lexicons whose columns after the first only describe the entry; a plain list of cues may stand for them
_DESCRIPTIVE = ("class", "note")
_USER_CLASS = "user"


@dataclass(frozen=True)
class Lexicon:
    """One lexicon's rows, packaged or the user's, identified by name and content digest.

    Detectors read every lexicon through this record, so a user's table and a
    packaged file take the same path; compiled matchers are cached by
    ``(name, digest)``, which survives pickling to worker processes.

    Attributes
    ----------
    name
        The packaged file it stands for (``"name_calling"``).
    label
        What explanations cite: ``"name_calling.tsv"`` or ``"user lexicon 'name_calling'"``.
    digest
        BLAKE2b of the cells: equal content, equal digest.

    Examples
    --------
    >>> lex = packaged("hedges")
    >>> lex.label, lex.rows[0]["cue"] == load("hedges")[0]["cue"]
    ('hedges.tsv', True)
    """

    name: str
    label: str
    digest: str
    columns: tuple[str, ...] = field(compare=False, repr=False)
    cells: tuple[tuple[str, ...], ...] = field(compare=False, repr=False)

    @cached_property
    def rows(self) -> tuple[dict[str, str], ...]:
        """The rows as dicts keyed by the manifest's columns (like :func:`load`)."""
        return tuple(dict(zip(self.columns, c, strict=True)) for c in self.cells)

    @property
    def user(self) -> bool:
        """Whether the rows come from the user rather than the package."""
        return not self.label.endswith(".tsv")


def _digest(cells: tuple[tuple[str, ...], ...]) -> str:
    h = hashlib.blake2b(digest_size=8)
    for row in cells:
        h.update("\t".join(row).encode("utf-8", "surrogatepass") + b"\n")
    return h.hexdigest()


@cache
def packaged(name: str) -> Lexicon:
    """The packaged data file ``name`` as a :class:`Lexicon` (validated like :func:`load`).

    Examples
    --------
    >>> packaged("boosters").name
    'boosters'
    """
    columns = tuple(_entry(name)["columns"].split(";"))
    cells = tuple(tuple(r[c] for c in columns) for r in load(name))
    return Lexicon(name, f"{name}.tsv", _digest(cells), columns, cells)


def custom(name: str, table: Any) -> Lexicon:
    """A user's lexicon standing in for the packaged file ``name``.

    Parameters
    ----------
    name
        The packaged lexicon it replaces (``tk.lexicon()`` lists them).
    table
        A DataFrame with the packaged file's columns (``tk.lexicon(name)`` is
        a template; extra columns are ignored), a path to such a ``.tsv`` or
        ``.csv`` file, or — for cue lists whose other columns only describe
        the entry (``cue; class; note``) — an iterable of cue strings.
        Cues are regex fragments, as in the packaged files.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        Unknown name, a missing column, an empty cue, an unreadable file
        (named), or a cue list for a lexicon that needs more than cues.

    Examples
    --------
    >>> lex = custom("name_calling", ["warmonger", "puppet regime"])
    >>> lex.label, lex.rows[1]
    ("user lexicon 'name_calling'", {'cue': 'puppet regime', 'class': 'user', 'note': 'user lexicon'})
    """
    columns = tuple(_entry(name)["columns"].split(";"))
    label = f"user lexicon {name!r}"
    if isinstance(table, str | Path):
        label = f"user lexicon {name!r} ({Path(table).name})"
        table = _read_user_file(Path(table))
    if isinstance(table, pd.DataFrame):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise LexiconError(label, f"missing column(s) {missing}; the columns are {list(columns)} "
                                      f"(tk.lexicon({name!r}) is a template)")
        frame_ = table[list(columns)]
        cells = tuple(tuple("" if pd.isna(v) else str(v) for v in row) for row in frame_.itertuples(index=False))
        first = 2  # row numbers as in a file with a header
    elif isinstance(table, Iterable) and not isinstance(table, bytes | dict):
        if columns[1:] != _DESCRIPTIVE:
            raise LexiconError(label, f"needs a table with columns {list(columns)}, not a list of strings")
        items = list(table)
        bad = [v for v in items if not isinstance(v, str)]
        if bad:
            raise LexiconError(label, f"cues must be strings, got {type(bad[0]).__name__} {bad[0]!r}")
        cells = tuple((v, _USER_CLASS, "user lexicon") for v in items)
        first = 1
    else:
        raise LexiconError(label, f"expected a DataFrame, a file path or a list of cues, got {type(table).__name__}")
    for i, row in enumerate(cells, start=first):
        if not row[0].strip():
            raise LexiconError(label, f"empty {columns[0]!r}", row=i)
    return Lexicon(name, label, _digest(cells), columns, cells)


def _read_user_file(path: Path) -> pd.DataFrame:
    sep = "," if path.suffix.lower() == ".csv" else "\t"
    try:
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL
                           if sep == "," else csv.QUOTE_NONE, encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(str(path), "file not found") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(str(path), f"not UTF-8 ({exc.reason})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise LexiconError(str(path), f"not a readable {'CSV' if sep == ',' else 'TSV'} file ({exc})") from None


def resolve(user: dict[str, Any] | None, allowed: Iterable[str]) -> tuple[Lexicon, ...]:
    """Users' lexicons for a detector call, checked against the names it reads.

    Examples
    --------
    >>> [lex.name for lex in resolve({"hedges": ["arguably"]}, ["hedges", "boosters"])]
    ['hedges']
    """
    if not user:
        return ()
    allowed = set(allowed)
    out = []
    for name, table in user.items():
        if name not in allowed:
            raise ParameterError.choice("lexicons", name, allowed)
        out.append(table if isinstance(table, Lexicon) else custom(name, table))
    return tuple(out)


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
