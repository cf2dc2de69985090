"""Offline language data: sentences and Flesch with the network blocked."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

import pytest

from toolkit import langdata

BLOCK_NETWORK = textwrap.dedent(
    """
    import socket
    def _refuse(*args, **kwargs):
        raise OSError("network access blocked by the test")
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    import urllib.request
    urllib.request.urlopen = _refuse
    """
)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_sentences_and_flesch_offline_in_a_fresh_interpreter(tmp_path):
    """A new process with the network blocked and an empty data directory."""
    script = BLOCK_NETWORK + textwrap.dedent(
        """
        import nltk
        nltk.data.path[:] = []  # forget every default location: only what the toolkit prepares counts
        import textstat, toolkit as tk
        nltk.download = lambda *a, **k: (_ for _ in ()).throw(AssertionError("download called"))
        doc = tk.load("data/lavrov_2015_afp.txt")
        print(len(doc.sentences))
        print(round(textstat.flesch_reading_ease("The cat sat on the mat. It was happy."), 2))
        print(nltk.sent_tokenize("Dr. Smith left. He was tired."))
        """
    )
    env = {"TOOLKIT_NLTK_DATA": str(tmp_path / "nltk_data"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
        cwd=str(__import__("tests.conftest", fromlist=["ROOT"]).ROOT),
    )
    assert result.returncode == 0, result.stderr
    sentences, flesch, nltk_sents = result.stdout.splitlines()
    assert int(sentences) == 19
    assert float(flesch) > 90  # short monosyllabic sentences read very easily
    assert nltk_sents == "['Dr. Smith left.', 'He was tired.']"
    assert (tmp_path / "nltk_data" / langdata.PUNKT_DIR / "abbrev_types.txt").exists()


def test_prepare_is_byte_for_byte_reproducible(tmp_path):
    a = langdata.prepare(tmp_path / "a")
    b = langdata.prepare(tmp_path / "b")
    for rel in (langdata.PUNKT_DIR / "abbrev_types.txt", langdata.PUNKT_DIR / "ortho_context.tab",
                langdata.CMUDICT_FILE):
        assert (a / rel).read_bytes() == (b / rel).read_bytes()


def test_cmudict_in_nltk_format_has_variants(tmp_path):
    root = langdata.prepare(tmp_path)
    lines = (root / langdata.CMUDICT_FILE).read_text(encoding="utf-8").splitlines()
    entries = {tuple(line.split()[:2]): line.split()[2:] for line in lines}
    assert entries[("A", "1")] == ["AH0"]
    assert entries[("A", "2")] == ["EY1"]
    assert not any("#" in line for line in lines)


def test_ensure_uses_the_prepared_data_without_network(no_network):
    import nltk

    root = langdata.ensure()
    assert nltk.data.find("tokenizers/punkt_tab/english/")
    assert nltk.data.find("corpora/cmudict")
    assert (root / langdata.STAMP).exists()


def test_no_nltk_download_call_in_the_package():
    from tests.conftest import ROOT

    offenders = [
        str(p) for p in (ROOT / "toolkit").rglob("*.py")
        if "nltk.download(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
