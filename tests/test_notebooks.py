"""The notebooks: committed without outputs, and each runs top to bottom on a fresh kernel.

Execution uses scripts/run_notebooks.py (the same code as ``make run``) with
``TOOLKIT_OUTPUT`` in a temporary folder, the bundled UN sample
(``TOOLKIT_CORPUS=sample``) and a small ``TOOLKIT_SAMPLE_SIZE`` so the whole
set stays quick.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
EXPECTED = ["01_quick_start", "02_voices_in_the_news", "03_historical_analogies", "04_lexical_comparison",
            "05_classroom_worksheet", "06_correct_and_rescore"]


def _runner():
    spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "scripts" / "run_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_all_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_and_parameters_first(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.get("outputs") == [], f"{path.name}: outputs committed in {cell['source'][:1]}"
        assert cell.get("execution_count") is None, f"{path.name}: execution count committed"
    assert "widgets" not in nb["metadata"]
    first = code[0]
    assert "parameters" in first["metadata"].get("tags", []), f"{path.name}: first code cell not tagged"
    assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1
    source = "".join(first["source"])
    assert "TOOLKIT_OUTPUT" in source
    # parameters live only in the first cell: no other cell reads the environment
    assert all("os.environ" not in "".join(c["source"]) for c in code[1:])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_a_fresh_kernel(path, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_OUTPUT", str(tmp_path))
    monkeypatch.setenv("TOOLKIT_CORPUS", "sample")
    monkeypatch.setenv("TOOLKIT_SAMPLE_SIZE", "12")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    result = _runner().run_notebook(path, tmp_path / "executed", timeout=600)
    assert result.error is None, result.error
    written = {p.suffix for p in (tmp_path / path.stem).rglob("*")}
    assert {".png", ".svg", ".pdf", ".csv"} <= written, f"{path.stem} wrote {sorted(written)}"
    if path.stem in ("01_quick_start", "02_voices_in_the_news", "03_historical_analogies", "05_classroom_worksheet"):
        assert ".html" in written
    executed = json.loads((tmp_path / "executed" / path.name).read_text(encoding="utf-8"))
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_a_failing_cell_is_reported_with_notebook_and_cell(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# broken"), new_code_cell("x = 1"),
                             new_code_cell("import toolkit as tk\ntk.load_corpus('no/such/file.jsonl')")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    result = _runner().run_notebook(path, tmp_path / "executed", timeout=120)
    assert result.error is not None
    assert result.error.startswith("99_broken.ipynb: cell 3 ('import toolkit as tk') failed")
    assert "InputError" in result.error and "\x1b[" not in result.error
    assert (tmp_path / "executed" / "99_broken.ipynb").exists()  # the partial run is kept for reading
