"""Shared fixtures: the seed article, the bundled Wikinews sample, shared corpora."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = DATA / "lavrov_2015_afp.txt"
WIKINEWS = DATA / "wikinews_en_2019_2020.jsonl"
WIKINEWS_FRESH = DATA / "quotes_fresh_wikinews.jsonl"


@cache
def article(doc_id: str, path: Path = WIKINEWS_FRESH) -> str:
    """The text of record ``doc_id`` in a JSON-lines file of ``data/`` (the fresh Wikinews sample by default)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == doc_id:
            return record["text"]
    raise KeyError(doc_id)


def direct_row(text: str, starts: str) -> pd.Series:
    """The one direct quote of ``tk.quotes(text)`` whose text starts with ``starts``."""
    q = tk.quotes(text)
    rows = q[(q["kind"] == "direct") & q["text"].str.startswith(starts)]
    assert len(rows) == 1, q[["kind", "text", "speaker", "rule"]]
    return rows.iloc[0]
# ``TOOLKIT_SHARED`` names the shared directory when the project is not checked out next to it (a git worktree)
SHARED_CORPORA = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpora"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run slow tests (fuzzing, big corpora)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed() -> tk.Document:
    """The 2015 AFP wire story about Lavrov (data/lavrov_2015_afp.txt)."""
    return tk.load(SEED)


@pytest.fixture(scope="session")
def wikinews() -> tk.Corpus:
    """The bundled English Wikinews sample (CC BY 2.5)."""
    return tk.load_corpus(WIKINEWS)


def shared_corpus(*parts: str) -> Path:
    """Path of a file in ../shared/corpora; skips the test when it is absent."""
    path = SHARED_CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (shared corpora are not shipped with the project)")
    return path
