"""Every exception and warning the toolkit raises, in one place.

All errors derive from :class:`ToolkitError`, so ``except tk.ToolkitError``
catches anything the toolkit raises on purpose. Messages name the file, the
line and what to do, so a user never has to read a traceback from deep inside.
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike


class ToolkitError(Exception):
    """Base class of every error raised by the toolkit."""


class InputError(ToolkitError, ValueError):
    """A file, record or value could not be read as text.

    Parameters
    ----------
    message
        What went wrong, in plain words.
    path
        The file that could not be read, when there is one.
    line
        1-based line (or record) number inside ``path``, when known.
    encoding
        The encoding that was tried, when decoding failed.

    Examples
    --------
    >>> str(InputError("not UTF-8", path="a.txt", line=3, encoding="utf-8"))
    'a.txt, line 3: not UTF-8 (encoding tried: utf-8)'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        encoding: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.encoding = encoding
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.line is not None:
            where.append(f"line {self.line}")
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        if self.encoding:
            text += f" (encoding tried: {self.encoding})"
        return text


class EmptyInputError(InputError):
    """A file holds no text (or no record): in a folder it is skipped with a warning, never an error.

    Examples
    --------
    >>> isinstance(EmptyInputError("the file is empty", path="a.txt"), InputError)
    True
    """


class OutputError(ToolkitError, OSError):
    """An output path cannot be written (e.g. a folder was asked for where a file exists).

    Examples
    --------
    >>> str(OutputError("out/ is a file, not a folder"))
    'out/ is a file, not a folder'
    """


class AnnotationFormatError(InputError):
    """An annotation file (Label Studio, brat, INCEpTION) is malformed.

    The message names the file and the line, and says what is wrong, e.g. a
    region outside the text, an unknown label or a relation to nothing.

    Examples
    --------
    >>> str(AnnotationFormatError("unknown label 'Qoute'", path="a.ann", line=7))
    "a.ann, line 7: unknown label 'Qoute'"
    """


class ParameterError(ToolkitError, ValueError, TypeError):
    """A parameter has a value outside the documented set.

    Examples
    --------
    >>> str(ParameterError.choice("engine", "fast", ["toolkit", "textstat"]))
    "engine='fast' is not valid; choose one of: 'textstat', 'toolkit'"
    """

    @classmethod
    def choice(cls, name: str, value: object, valid: Iterable[object]) -> ParameterError:
        options = ", ".join(repr(v) for v in sorted(valid, key=str))
        return cls(f"{name}={value!r} is not valid; choose one of: {options}")


class LexiconError(ToolkitError):
    """A packaged data file (lexicon, gazetteer) is missing or malformed.

    Examples
    --------
    >>> str(LexiconError("hedges.tsv", "missing column 'term'", row=4))
    "hedges.tsv, row 4: missing column 'term'"
    """

    def __init__(self, name: str, message: str, *, row: int | None = None) -> None:
        self.name = name
        self.row = row
        where = name if row is None else f"{name}, row {row}"
        super().__init__(f"{where}: {message}")


class LanguageDataError(ToolkitError, LookupError):
    """Offline language data (Punkt model, CMU dictionary) is not prepared.

    The message says which command prepares it; nothing is ever downloaded.
    """


class ToolkitWarning(UserWarning):
    """Base class of the toolkit's warnings."""


class SkippedInputWarning(ToolkitWarning):
    """Input was skipped because the caller asked to skip bad records."""
