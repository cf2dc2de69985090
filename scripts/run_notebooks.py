"""Execute every notebook in notebooks/ on a fresh kernel and keep the executed copies.

Usage::

    python scripts/run_notebooks.py --out output            # all notebooks
    python scripts/run_notebooks.py --out output 01_quick_start

Each notebook runs top to bottom in its own new ``python3`` kernel with
``notebooks/`` as the working directory and ``TOOLKIT_OUTPUT`` pointing at
``--out`` (unless already set), so figures and pages land in ``<out>/``. The
executed copies go to ``<out>/notebooks/``. On an error the script names the
notebook, the cell number and the cell's first line, prints the error, keeps
going with the other notebooks and exits with status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Result:
    name: str
    seconds: float
    error: str | None = None


def notebooks(names: list[str] | None = None) -> list[Path]:
    """The notebooks to run, in file-name order (all of them by default)."""
    paths = sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    if names:
        wanted = {n.removesuffix(".ipynb") for n in names}
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise SystemExit(f"error: no such notebook(s) in {NOTEBOOKS}: {sorted(missing)}")
    return paths


def run_notebook(path: Path, executed_dir: Path | None = None, *, timeout: int = 900) -> Result:
    """Execute one notebook on a fresh kernel; write the executed copy to ``executed_dir``."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    error = None
    # Nobody watches this run: progress bars would be saved as frozen widgets, so they are off
    # (TOOLKIT_QUIET, read by the kernel, which inherits this environment). The kernel talks to us
    # over local sockets (IPC), not unencrypted TCP, so it has nothing to warn about.
    with tempfile.TemporaryDirectory(prefix="toolkit-kernel-") as sockets, _env(TOOLKIT_QUIET="1"):
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(
            nb, km=km, timeout=timeout, kernel_name="python3", allow_errors=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except CellExecutionError as exc:
            cell_no, first_line = _failed_cell(nb)
            error = f"{path.name}: cell {cell_no} ({first_line!r}) failed:\n{_ANSI.sub('', str(exc))}"
        finally:  # our manager, so ours to stop (else the kernel warns that its parent vanished)
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    seconds = time.perf_counter() - start
    if executed_dir is not None:
        executed_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, executed_dir / path.name)
    return Result(path.stem, seconds, error)


@contextlib.contextmanager
def _env(**values: str) -> Iterator[None]:
    """Set environment variables (unless already set) for the kernels started inside."""
    added = {k: v for k, v in values.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def _failed_cell(nb: object) -> tuple[int, str]:
    """1-based number (counting every cell) and first line of the cell holding an error output."""
    for i, cell in enumerate(nb.cells, 1):  # type: ignore[attr-defined]
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return i, cell.source.splitlines()[0] if cell.source else ""
    return 0, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook names (default: all)")
    parser.add_argument("--out", default="output", help="output folder (default: output)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    os.environ.setdefault("TOOLKIT_OUTPUT", str(out))
    results = []
    for path in notebooks(args.names):
        print(f"running {path.name} ...", flush=True)
        result = run_notebook(path, out / "notebooks", timeout=args.timeout)
        status = "FAILED" if result.error else "ok"
        print(f"  {status} in {result.seconds:.1f} s", flush=True)
        if result.error:
            print(result.error, file=sys.stderr, flush=True)
        results.append(result)
    failed = [r.name for r in results if r.error]
    if failed:
        print(f"error: {len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"{len(results)} notebooks ran; executed copies in {out / 'notebooks'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
