"""What the notebooks say is what their tables show; executed copies hold no frozen widgets.

Prose claims are checked against the tables they describe, computed on the bundled UN General
Debate sample (data/ungdc_sample.jsonl.gz), the same input the notebooks read in the test run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import toolkit as tk
from toolkit.stats import stopwords

from .test_notebooks import _runner  # the notebook runner of scripts/run_notebooks.py, loaded once there

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "ungdc_sample.jsonl.gz"


def _cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def _markdown(name: str) -> str:
    return "\n".join("".join(c["source"]) for c in _cells(name) if c["cell_type"] == "markdown")


def test_04_stop_word_prose_matches_the_keyness_table():
    speeches = tk.load_corpus(SAMPLE).filter(lambda d: d.meta.get("country_iso3") in ("RUS", "USA")
                                             and d.meta["year"] >= 2000)
    target = speeches.filter(lambda d: d.meta["country_iso3"] == "RUS")
    reference = speeches.filter(lambda d: d.meta["country_iso3"] == "USA")
    keys = tk.keyness(target, reference, filter_stops=True, min_freq=5)
    terms = set(keys["term"])
    assert not terms & stopwords()  # the default classes really are filtered
    kept = stopwords(["pronoun", "modal", "negation"])
    assert terms & kept  # and pronouns/modals really are not: the prose must say so
    prose = _markdown("04_lexical_comparison")
    assert "Stop words are filtered;" not in prose
    assert "pronouns, modals and negation" in prose and "kept" in prose


def test_03_lessons_prose_is_computed_not_asserted():
    prose = _markdown("03_historical_analogies")
    assert "Russian statements" not in prose  # not what the sample (or the full corpus) shows
    code = "\n".join("".join(c["source"]) for c in _cells("03_historical_analogies") if c["cell_type"] == "code")
    assert 'lessons.groupby("country_iso3")' in code and "Not invoked as an analogy by" in code


def test_executed_notebook_has_no_frozen_progress_bar_or_kernel_warning(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("TOOLKIT_OUTPUT", str(tmp_path))
    monkeypatch.setenv("TOOLKIT_CORPUS", "sample")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("TOOLKIT_QUIET", raising=False)
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)  # as under `make run`
    path = ROOT / "notebooks" / "01_quick_start.ipynb"
    result = _runner().run_notebook(path, tmp_path / "executed", timeout=600)
    assert result.error is None, result.error
    executed = json.loads((tmp_path / "executed" / path.name).read_text(encoding="utf-8"))
    outputs = [o for c in executed["cells"] for o in c.get("outputs", [])]
    assert outputs
    widgets = [o for o in outputs if any("widget" in k for k in o.get("data", {}))]
    assert widgets == []
    stderr = ["".join(o["text"]) for o in outputs if o.get("name") == "stderr"]
    assert not any("Glyph" in s or "Warning" in s for s in stderr), stderr
    captured = capfd.readouterr()
    assert "without encryption" not in captured.err + captured.out


@pytest.mark.parametrize("name", ["03_historical_analogies", "04_lexical_comparison", "06_correct_and_rescore"])
def test_notebooks_do_not_undo_the_constrained_layout(name):
    code = "\n".join("".join(c["source"]) for c in _cells(name) if c["cell_type"] == "code")
    assert "tight_layout" not in code  # "layout has changed to tight" warning in make run
