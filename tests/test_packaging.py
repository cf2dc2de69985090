"""Packaging: environment.yml agrees with pyproject.toml; CLI; layout; README test command."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_every_runtime_dependency():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    pip = {_name(d) for d in next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))}
    required = {_name(d) for d in pyproject["project"]["dependencies"]}
    assert required <= conda | pip, required - (conda | pip)
    assert "-e ." in next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    minimum = pyproject["project"]["requires-python"].removeprefix(">=")
    assert python.split("=")[1] >= minimum
    assert env["channels"] == ["conda-forge"]


def test_environment_yml_has_every_extra_so_conda_users_can_run_the_tests():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    names |= {_name(d) for d in next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))}
    extras = {_name(d) for reqs in pyproject["project"]["optional-dependencies"].values() for d in reqs}
    extras.discard("discourse-toolkit")  # the dev extra pulls in the other extras
    assert extras <= names, extras - names


def test_library_and_cli_do_not_need_jupyter():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {_name(d) for d in pyproject["project"]["dependencies"]}
    assert not runtime & {"jupyterlab", "notebook", "ipykernel", "ipywidgets"}
    assert "jupyterlab" in {_name(d) for d in pyproject["project"]["optional-dependencies"]["notebooks"]}


def test_same_version_bounds_in_both_files():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    specs = [d for d in env["dependencies"] if isinstance(d, str)]
    specs += next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    by_name = {_name(s): s.replace(" ", "") for s in specs}
    for req in pyproject["project"]["dependencies"]:
        assert by_name[_name(req)].lower() == req.replace(" ", "").lower()


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make run" in readme
    assert [line.strip() for line in ci.splitlines() if line.strip().startswith("make")] == ["make test"]


def test_top_level_layout():
    for name in ("notebooks", "toolkit", "tests", "data", "environment.yml", "README.md",
                 "pyproject.toml", "Makefile", ".ci/run", "LICENSE"):
        assert (ROOT / name).exists(), name


def test_cli_report_writes_tables_and_html(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "report", str(ROOT / "data" / "lavrov_2015_afp.txt"), "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").exists()
    dups = (out / "tables" / "duplicates.csv").read_text(encoding="utf-8").splitlines()
    assert len(dups) == 2 and "normalized" in dups[1]


def test_cli_bad_input_is_a_clear_error_not_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "report", str(tmp_path / "missing.txt"), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
