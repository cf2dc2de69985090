"""The package's import graph: every internal import is a top-level one, and the graph has no cycle.

An import hidden inside a function hides a dependency loop (corpus → duplicates →
distributed → frames → corpus was one). The lazy imports allowed are the ones
that keep heavy optional libraries out of ``import toolkit``: ``tk.plot``
(matplotlib) from the package ``__init__`` and the report from the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import toolkit

PACKAGE = Path(toolkit.__file__).parent
ALLOWED_LAZY = {("toolkit", "toolkit.plot"), ("toolkit.cli", "toolkit.report"), ("toolkit.cli", "toolkit.langdata")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level:
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if not target.startswith("toolkit"):
        return []
    # "from . import frames" names modules; "from .frames import Schema" names the module itself
    names = [f"{target}.{a.name}" for a in node.names]
    return [n for n in names if (PACKAGE.parent / Path(*n.split("."))).with_suffix(".py").exists()
            or (PACKAGE.parent / Path(*n.split(".")) / "__init__.py").exists()] or [target]


def _imports() -> dict[str, list[tuple[str, bool]]]:
    """module -> [(imported toolkit module, at top level?)]"""
    graph: dict[str, list[tuple[str, bool]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(n) for n in tree.body}
        edges = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for target in _resolve(module, path.name == "__init__.py", node):
                    edges.append((target, id(node) in top))
            elif isinstance(node, ast.Import):
                edges.extend((a.name, id(node) in top) for a in node.names if a.name.startswith("toolkit"))
        graph[module] = edges
    return graph


def test_internal_imports_are_top_level() -> None:
    lazy = sorted((m, t) for m, edges in _imports().items() for t, at_top in edges
                  if not at_top and t != m and (m, t) not in ALLOWED_LAZY)
    assert not lazy, f"imports inside functions (move them to the top, downward): {lazy}"


def test_import_graph_has_no_cycle() -> None:
    graph = {m: sorted({t for t, _ in edges if t in _imports_keys() and t != m}) for m, edges in _imports().items()}
    # a package imports its own submodules (toolkit.devices -> toolkit.devices.analogy): not a loop
    for m in graph:
        graph[m] = [t for t in graph[m] if not t.startswith(m + ".")]
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in graph.get(m, []):
            if state.get(t) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path[path.index(t):], t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def _imports_keys() -> set[str]:
    return {_module_name(p) for p in PACKAGE.rglob("*.py")}


def test_the_runner_layers_import_downward() -> None:
    """runner -> distributed -> streaming -> frames; frames imports no toolkit module but version."""
    graph = {m: {t for t, _ in edges} for m, edges in _imports().items()}
    assert graph["toolkit.frames"] <= {"toolkit.version"}
    assert "toolkit.runner" not in graph["toolkit.distributed"] | graph["toolkit.streaming"]
    assert "toolkit.distributed" not in graph["toolkit.streaming"]
