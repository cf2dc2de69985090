"""Documents and corpora: the only place that converts input types.

``load`` reads one text (a ``.txt`` file or a string); ``load_corpus`` streams
many (a folder of ``.txt``, ``.jsonl``/``.jsonl.gz``, ``.csv``, a DataFrame);
:func:`as_documents` turns anything an extractor accepts into an iterator of
:class:`Document`. A :class:`Corpus` re-reads its source on every pass, so a
corpus larger than memory can be processed document by document.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from . import text as _text
from .errors import EmptyInputError, InputError, ParameterError, SkippedInputWarning

OnError = Literal["raise", "skip"]
_BOMS = {
    b"\xff\xfe\x00\x00": "utf-32",
    b"\x00\x00\xfe\xff": "utf-32",
    b"\xff\xfe": "utf-16",
    b"\xfe\xff": "utf-16",
}
_CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".csv", ".txt")


# --------------------------------------------------------------------------- decoding


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, *, path: str | os.PathLike[str] | None = None, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (with or without BOM), or as ``encoding``.

    Raises
    ------
    InputError
        Naming the file, the line of the first undecodable byte and the
        encoding tried; a UTF-16/32 byte-order mark or NUL bytes (a binary
        file) are reported as such.

    Examples
    --------
    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
    'café'
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ParameterError(f"encoding={encoding!r} is not a known codec") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"byte {exc.start} cannot be decoded ({exc.reason})",
                path=path, line=_line_of(data, exc.start), encoding=encoding,
            ) from None
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise InputError(
                f"the file starts with a {name.upper()} byte-order mark; pass encoding={name!r}",
                path=path, line=1, encoding="utf-8",
            )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        result = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} ({exc.reason}); "
            "pass encoding=... (e.g. 'cp1252' or 'latin-1') if you know the file's encoding",
            path=path, line=_line_of(data, exc.start), encoding="utf-8",
        ) from None
    nul = result.find("\x00")
    if nul >= 0 and result.count("\x00") * 20 > len(result) + 20:
        utf16 = result[1::2].count("\x00") * 2 > len(result) * 0.8 or result[::2].count("\x00") * 2 > len(result) * 0.8
        hint = "; if it is UTF-16 text without a byte-order mark, pass encoding='utf-16-le' (or -be)" if utf16 else ""
        raise InputError(
            f"looks like a binary file (many NUL bytes), not text{hint}",
            path=path, line=result.count("\n", 0, nul) + 1, encoding="utf-8",
        )
    return result


# --------------------------------------------------------------------------- documents


class Document:
    """One text with an id, metadata and lazily computed units.

    Parameters
    ----------
    text
        The original text; every offset the toolkit reports points into it.
    id
        Document id (``doc_id`` in every table); ``"doc"`` if not given.
    meta
        Other fields (title, date, country…), carried into corpus tables.

    Examples
    --------
    >>> d = Document('"Hi," he said.\\nBye.', id="a")
    >>> d.paragraphs
    [(0, 14), (15, 19)]
    >>> d.sentence_texts()
    ['"Hi," he said.', 'Bye.']
    """

    __slots__ = ("_cache", "id", "meta", "text")

    def __init__(self, text: str, id: str | None = None, meta: Mapping[str, Any] | None = None) -> None:
        if not isinstance(text, str):
            raise InputError(f"document text must be str, not {type(text).__name__}")
        self.text = text
        self.id = "doc" if id is None else str(id)
        self.meta = dict(meta or {})
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        preview = self.text[:40].replace("\n", " ")
        return f"Document(id={self.id!r}, chars={len(self.text)}, text={preview!r}…)"

    def __len__(self) -> int:
        return len(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Document) and (self.id, self.text, self.meta) == (
            other.id, other.text, other.meta,
        )

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[str, str, dict[str, Any]]:
        return self.id, self.text, self.meta

    def __setstate__(self, state: tuple[str, str, dict[str, Any]]) -> None:
        self.id, self.text, self.meta = state
        self._cache = {}

    def _cached(self, key: str, make: Callable[[], Any]) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
            return value

    @property
    def normalized(self) -> _text.Normalized:
        """The normalised view with its offset map (see :func:`toolkit.text.normalize`)."""
        return self._cached("normalized", lambda: _text.normalize(self.text))

    @property
    def paragraphs(self) -> list[_text.Span]:
        """Paragraph spans."""
        return self._cached("paragraphs", lambda: _text.paragraph_spans(self.text))

    @property
    def sentences(self) -> list[_text.Span]:
        """Sentence spans (never across paragraphs)."""
        return self._cached("sentences", lambda: _text.sentence_spans(
            self.text, self.paragraphs, self.normalized, known=self._cache.pop("paragraph_sentences", None)))

    @property
    def tokens(self) -> list[_text.Span]:
        """Word and punctuation token spans."""
        return self._cached("tokens", lambda: _text.token_spans(self.text))

    @property
    def words(self) -> list[str]:
        """The document's words as written: the tokens without punctuation (the toolkit's one word model).

        Every count in the toolkit (lexical profile, frequencies, keyness,
        dispersion, KWIC, speaker word counts) counts these; see
        :mod:`toolkit.text` for the definition.
        """
        return self._cached("words", lambda: _text.words(self.text))

    @property
    def word_spans(self) -> list[_text.Span]:
        """``(start, end)`` of each of :attr:`words`."""
        return self._cached("word_spans", lambda: _text.word_spans(self.text))

    @property
    def duplicate_of(self) -> list[int | None]:
        """For each paragraph, the index of the earlier paragraph it repeats, or None."""
        def build() -> list[int | None]:
            norm = self._cache.get("normalized")
            # normalisation replaces characters one by one; with the identity offset map no character grew or
            # went, so a paragraph's normalised text is the same slice of the document's normalised text
            known = None if norm is None or norm.offsets is not None else (norm.text[s:e] for s, e in self.paragraphs)
            matches = _text.match_paragraphs((self.text[s:e] for s, e in self.paragraphs), normalized=known)
            return [None if m is None else m[0] for m in matches]

        return self._cached("duplicate_of", build)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing (or preceding) ``offset``; -1 before the first."""
        starts = self._cached("paragraph_starts", lambda: [s for s, _ in self.paragraphs])
        return _text.bisect_right(starts, offset) - 1

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``; -1 before the first."""
        starts = self._cached("sentence_starts", lambda: [s for s, _ in self.sentences])
        return _text.bisect_right(starts, offset) - 1

    def is_duplicate(self, offset: int) -> bool:
        """True when ``offset`` lies inside a paragraph that repeats an earlier one."""
        i = self.paragraph_at(offset)
        return i >= 0 and self.duplicate_of[i] is not None

    def sentence_texts(self) -> list[str]:
        """The sentences as strings (a convenience for notebooks)."""
        return [self.text[s:e] for s, e in self.sentences]


@dataclass
class Skipped:
    """One input that was skipped (``on_error="skip"``): where, and why."""

    path: str | None
    line: int | None
    reason: str


@dataclass
class Corpus:
    """A re-iterable, streaming collection of documents.

    Build one with :func:`load_corpus`. Iterating reads the source again, one
    document at a time; ``len()`` counts documents (one pass, then cached).

    Examples
    --------
    >>> c = Corpus.from_texts(["One.", "Two."])
    >>> [d.id for d in c], len(c)
    (['doc-1', 'doc-2'], 2)
    """

    _factory: Callable[[], Iterator[Document]]
    source: str = "<memory>"
    skipped: list[Skipped] = field(default_factory=list)
    _length: int | None = None

    def __post_init__(self) -> None:
        if not callable(self._factory):
            raise InputError(f"Corpus() takes a function that yields documents, not a {type(self._factory).__name__}; "
                             "for documents in memory use Corpus.from_documents(docs), for strings Corpus.from_texts")

    def __iter__(self) -> Iterator[Document]:
        self.skipped.clear()
        count = 0
        for doc in self._factory():
            count += 1
            yield doc
        self._length = count

    def __len__(self) -> int:
        if self._length is None:
            self._length = sum(1 for _ in self)
        return self._length

    def __repr__(self) -> str:
        n = "?" if self._length is None else self._length
        return f"Corpus(source={self.source!r}, documents={n})"

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, int):
            if key < 0:
                key += len(self)
            for i, doc in enumerate(self):
                if i == key:
                    return doc
            raise IndexError(key)
        for doc in self:
            if doc.id == key:
                return doc
        raise KeyError(key)

    def head(self, n: int = 5) -> Corpus:
        """A corpus of the first ``n`` documents (still streaming)."""
        factory = self._factory

        def first() -> Iterator[Document]:
            for i, doc in enumerate(factory()):
                if i >= n:
                    return
                yield doc

        return Corpus(first, source=f"{self.source}[:{n}]")

    def filter(self, predicate: Callable[[Document], bool]) -> Corpus:
        """A corpus of the documents for which ``predicate(doc)`` is true."""
        factory = self._factory
        return Corpus(lambda: (d for d in factory() if predicate(d)), source=f"{self.source}|filter")

    def to_frame(self) -> pd.DataFrame:
        """``id``, ``text`` and the metadata columns, one row per document."""
        rows = [{"id": d.id, "text": d.text, **d.meta} for d in self]
        try:
            return pd.DataFrame(rows, columns=_columns(rows))
        except UnicodeEncodeError:  # a lone surrogate cannot be an Arrow string; keep Python str objects
            return pd.DataFrame(rows, columns=_columns(rows), dtype=object)

    @classmethod
    def from_documents(cls, docs: Iterable[Document], source: str = "<memory>") -> Corpus:
        """A corpus over documents already in memory."""
        items = list(docs)
        return cls(lambda: iter(items), source=source, _length=len(items))

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, prefix: str = "doc") -> Corpus:
        """A corpus from plain strings, with ids ``doc-1``, ``doc-2``…"""
        return cls.from_documents(Document(t, id=f"{prefix}-{i}") for i, t in enumerate(texts, 1))

    @classmethod
    def from_frame(
        cls, df: pd.DataFrame, *, id_col: str = "id", text_col: str = "text", on_error: OnError = "raise"
    ) -> Corpus:
        """A corpus from a DataFrame with ``id`` and ``text`` columns.

        A row whose text is not a string (e.g. NaN) raises :class:`InputError`
        naming the row, or with ``on_error="skip"`` is skipped with a warning and
        listed in ``corpus.skipped``.
        """
        if text_col not in df.columns:
            raise InputError(
                f"the DataFrame has no {text_col!r} column (columns: {list(df.columns)})"
            )
        given = df[id_col].tolist() if id_col in df.columns else [None] * len(df)
        meta_cols = [c for c in df.columns if c not in (id_col, text_col)]
        records = df[meta_cols].to_dict("records") if meta_cols else [{}] * len(df)
        docs: list[Document | Skipped] = []
        for row_no, (value, txt, meta) in enumerate(zip(given, df[text_col].tolist(), records, strict=True), 1):
            doc_id = _document_id(value, f"doc-{row_no}")
            err = None
            if isinstance(doc_id, InputError):
                err = InputError(f"row {row_no}: {doc_id.message}")
            elif not isinstance(txt, str):
                err = InputError(f"row {row_no} (id {doc_id!r}): text is {type(txt).__name__}, not str")
            if err is not None:
                if on_error == "raise":
                    raise err
                docs.append(Skipped("<DataFrame>", row_no, err.message))
                continue
            docs.append(Document(txt, id=doc_id, meta=meta))

        def each() -> Iterator[Document]:
            for item in docs:
                if isinstance(item, Skipped):  # reported on every pass, like a bad line of a file
                    corpus.skipped.append(item)
                    warnings.warn(f"skipped: DataFrame {item.reason}", SkippedInputWarning, stacklevel=3)
                    continue
                yield item

        corpus = cls(each, source="<DataFrame>", _length=sum(isinstance(d, Document) for d in docs))
        return corpus


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {"id": None, "text": None}
    for row in rows:
        cols.update(dict.fromkeys(row))
    return list(cols)


# --------------------------------------------------------------------------- loading


def _looks_like_path(x: str) -> bool:
    return "\n" not in x and len(x) < 4096 and x.lower().endswith((*_CORPUS_SUFFIXES, ".gz"))


def load(
    path_or_text: str | os.PathLike[str],
    *,
    id: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Load one document from a ``.txt`` file or a string.

    Parameters
    ----------
    path_or_text
        A ``pathlib.Path``, a string ending in ``.txt`` (read as a file), or
        the text itself.
    id
        Document id; defaults to the file's stem, or ``"doc"`` for a string.
    encoding
        Force an encoding; by default UTF-8 with or without BOM is accepted
        and anything else raises :class:`InputError` naming the file.

    Examples
    --------
    >>> load("Some text.").id
    'doc'
    """
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str) and _looks_like_path(path_or_text)
    ):
        path = Path(path_or_text)
        text = _read_text_file(path, encoding)
        return Document(text, id=path.stem if id is None else id, meta={"path": str(path)})
    if not isinstance(path_or_text, str):
        raise InputError(f"cannot load a {type(path_or_text).__name__}; give a path or a string")
    return Document(path_or_text, id=id)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder; use tk.load_corpus for folders", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path) from None


def _read_text_file(path: Path, encoding: str | None) -> str:
    data = _read_bytes(path)
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    text = decode(data, path=path, encoding=encoding)
    if not text.strip():  # e.g. only a byte-order mark
        raise EmptyInputError("the file is empty", path=path)
    return text


def load_corpus(
    source: str | os.PathLike[str] | pd.DataFrame | Iterable[Any],
    *,
    id_col: str = "id",
    text_col: str = "text",
    encoding: str | None = None,
    on_error: OnError = "raise",
) -> Corpus:
    """Open a corpus for streaming.

    Parameters
    ----------
    source
        A folder of ``.txt`` files (searched recursively, sorted by path), a
        ``.jsonl``/``.jsonl.gz``/``.csv`` file with ``id`` and ``text``
        columns (other columns become metadata), a single ``.txt`` file, a
        pandas DataFrame, or an iterable of strings/documents.
    id_col, text_col
        Column names of the id and the text.
    encoding
        Force an encoding for text files (default: UTF-8, BOM allowed).
    on_error
        ``"raise"`` (default): a bad file or record raises :class:`InputError`
        with file and line (an empty ``.txt`` file in a folder is skipped with a
        warning either way: it holds no document). ``"skip"``: it is skipped with a
        :class:`SkippedInputWarning`, and listed in ``corpus.skipped``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = load_corpus(pd.DataFrame({"id": ["a"], "text": ["Hi."], "year": [2015]}))
    >>> c[0].meta
    {'year': 2015}
    """
    if on_error not in ("raise", "skip"):
        raise ParameterError.choice("on_error", on_error, ["raise", "skip"])
    if isinstance(source, pd.DataFrame):
        return Corpus.from_frame(source, id_col=id_col, text_col=text_col, on_error=on_error)
    if isinstance(source, Corpus):
        return source
    if (
        isinstance(source, str)
        and not _looks_like_path(source)
        and ("\n" in source or not os.path.exists(source))
    ):
        raise InputError("not a file or folder (use tk.load for a text string)", path=source)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            return _folder_corpus(path, encoding, on_error)
        if not path.exists():
            raise InputError("file not found", path=path)
        name = path.name.lower()
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json.gz")):
            return _stream(path, _jsonl_records, id_col, text_col, on_error)
        if name.endswith((".csv", ".csv.gz")):
            return _stream(path, _csv_records, id_col, text_col, on_error)
        if name.endswith(".txt"):
            return Corpus.from_documents([load(path, encoding=encoding)], source=str(path))
        raise InputError(
            "unknown corpus format; use a folder of .txt, .jsonl, .jsonl.gz or .csv", path=path
        )
    if isinstance(source, Iterable) and not isinstance(source, (Mapping, bytes, bytearray)):
        return Corpus.from_documents(_coerce_items(source), source="<iterable>")
    raise InputError(f"cannot make a corpus from a {type(source).__name__}")


def _coerce_items(items: Iterable[Any]) -> Iterator[Document]:
    for i, item in enumerate(items, 1):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            yield Document(item, id=f"doc-{i}")
        else:
            raise InputError(f"item {i} is a {type(item).__name__}, not a str or Document")


def _skip(corpus: Corpus, path: Path, err: InputError) -> None:
    corpus.skipped.append(Skipped(str(path), err.line, err.message))
    warnings.warn(f"skipped: {err}", SkippedInputWarning, stacklevel=3)


def _folder_corpus(folder: Path, encoding: str | None, on_error: OnError) -> Corpus:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise InputError("the folder holds no .txt files", path=folder)

    def docs() -> Iterator[Document]:
        for f in files:
            try:
                text = _read_text_file(f, encoding)
            except InputError as err:
                # an empty file holds no document: skipped with a warning even when on_error="raise"
                if on_error == "raise" and not isinstance(err, EmptyInputError):
                    raise
                _skip(corpus, f, err)
                continue
            rel = f.relative_to(folder).with_suffix("").as_posix()
            yield Document(text, id=rel, meta={"path": str(f)})

    corpus = Corpus(docs, source=str(folder))
    return corpus


def _open_binary(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _lines(path: Path) -> Iterator[tuple[int, str | None, InputError | None]]:
    """Physical lines of a UTF-8 file: ``(line_no, text, error)``.

    Each line is decoded on its own, so an undecodable byte is reported on
    its own line (``text`` then holds the line with U+FFFD replacements and
    reading goes on). A UTF-16/32 byte-order mark or an unreadable
    (e.g. truncated gzip) file gives ``text=None`` and ends the file.
    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as with ``newline=""``.
    """
    line_no = 0
    try:
        with _open_binary(path) as fh:
            for chunk in fh:
                for raw in chunk.splitlines(keepends=True):
                    line_no += 1
                    if line_no == 1:
                        for bom, name in _BOMS.items():
                            if raw.startswith(bom):
                                yield line_no, None, InputError(
                                    f"the file starts with a {name.upper()} byte-order mark; "
                                    "re-save it as UTF-8 (nothing in it was read)",
                                    path=path, line=1, encoding="utf-8",
                                )
                                return
                        raw = raw.removeprefix(b"\xef\xbb\xbf")
                    try:
                        yield line_no, raw.decode("utf-8"), None
                    except UnicodeDecodeError as exc:
                        yield line_no, raw.decode("utf-8", errors="replace"), InputError(
                            f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1} ({exc.reason})",
                            path=path, line=line_no, encoding="utf-8",
                        )
    except (OSError, EOFError) as exc:
        yield line_no + 1, None, InputError(
            f"cannot read the rest of the file ({exc})", path=path, line=line_no + 1
        )


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    for line_no, line, error in _lines(path):
        if error is not None:
            yield line_no, error
            continue
        assert line is not None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, InputError(f"not valid JSON ({exc.msg}, column {exc.colno})", path=path, line=line_no)
            continue
        if not isinstance(record, dict):
            yield line_no, InputError(f"a JSON {type(record).__name__}, not an object", path=path, line=line_no)
            continue
        yield line_no, record


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    bad: dict[int, InputError] = {}
    fatal: list[InputError] = []

    def text_lines() -> Iterator[str]:
        for line_no, line, error in _lines(path):
            if line is None:
                fatal.append(error)  # type: ignore[arg-type]
                return
            if error is not None:
                bad[line_no] = error
            yield line

    reader = csv.DictReader(text_lines())
    try:
        for record in reader:
            # a record with an undecodable byte on any of its lines is reported, not read
            errors = [bad.pop(n) for n in sorted(bad) if n <= reader.line_num]
            yield (errors[0].line or reader.line_num, errors[0]) if errors else (reader.line_num, record)
    except csv.Error as exc:
        yield reader.line_num + 1, InputError(f"cannot parse CSV ({exc})", path=path, line=reader.line_num + 1)
    for line_no in sorted(bad):
        yield line_no, bad[line_no]
    for error in fatal:
        yield error.line or 1, error


def _stream(
    path: Path,
    reader: Callable[[Path], Iterator[tuple[int, dict[str, Any] | InputError]]],
    id_col: str,
    text_col: str,
    on_error: OnError,
) -> Corpus:
    def docs() -> Iterator[Document]:
        seen_any = False
        for line_no, record in reader(path):
            if isinstance(record, dict):
                record = _check_record(record, path, line_no, id_col, text_col)
            if isinstance(record, InputError):
                if on_error == "raise":
                    raise record
                _skip(corpus, path, record)
                continue
            seen_any = True
            text = record.pop(text_col)
            doc_id = _document_id(record.pop(id_col, None), f"{path.stem.split('.')[0]}-{line_no}")
            assert isinstance(doc_id, str)  # (_check_record refused the others)
            yield Document(text, id=doc_id, meta=record)
        if not seen_any and not corpus.skipped:
            if on_error == "raise":
                raise EmptyInputError("no documents in the file", path=path)
            _skip(corpus, path, EmptyInputError("no documents in the file", path=path))

    corpus = Corpus(docs, source=str(path))
    return corpus


def _check_record(
    record: dict[str, Any], path: Path, line_no: int, id_col: str, text_col: str
) -> dict[str, Any] | InputError:
    if text_col not in record:
        return InputError(f"the record has no {text_col!r} field (fields: {sorted(record)})", path=path, line=line_no)
    if not isinstance(record[text_col], str):
        return InputError(f"{text_col!r} is a {type(record[text_col]).__name__}, not a string", path=path, line=line_no)
    doc_id = _document_id(record.get(id_col), "")
    if isinstance(doc_id, InputError):
        return InputError(doc_id.message, path=path, line=line_no)
    return record


def _document_id(value: Any, numbered: str) -> str | InputError:
    """The id a record's id field gives: a string as it is, a number as its text; ``numbered`` when there is none.

    No id is ``None``, an empty or blank string, NaN or ``pd.NA`` (a blank CSV cell, a JSON ``null``, a
    missing value in a DataFrame column). A list, an object or a boolean is not an id: the error says
    what it is; any other value (a date) is its text.

    Examples
    --------
    >>> _document_id(7, "doc-1"), _document_id(" ", "doc-1")
    ('7', 'doc-1')
    """
    if isinstance(value, str):
        return value if value.strip() else numbered
    if isinstance(value, (bool, list, tuple, dict, set)):
        return InputError(f"the id is a {type(value).__name__} ({str(value)[:40]}), not a string or a number")
    if value is None or pd.isna(value):  # None, NaN, NaT, pd.NA
        return numbered
    return str(value)


def as_documents(x: Any) -> Iterator[Document]:
    """Iterate the documents of anything an extractor accepts.

    ``str`` (the text itself), :class:`Document`, :class:`Corpus`, a pandas
    DataFrame with ``id``/``text`` columns, a ``pathlib.Path``, or a list of
    strings or documents.

    Examples
    --------
    >>> [d.id for d in as_documents("Some text.")]
    ['doc']
    """
    if isinstance(x, Document):
        yield x
    elif isinstance(x, str):
        yield load(x) if _looks_like_path(x) else Document(x)
    elif isinstance(x, Corpus):
        yield from x
    elif isinstance(x, pd.DataFrame):
        yield from Corpus.from_frame(x)
    elif isinstance(x, os.PathLike):
        yield from load_corpus(x)
    elif isinstance(x, Iterable) and not isinstance(x, (Mapping, bytes, bytearray)):
        yield from _coerce_items(x)
    else:
        raise InputError(
            f"cannot read a {type(x).__name__}; give a str, Document, Corpus or DataFrame with id/text"
        )
