"""The package's architecture: the layers of `.importlinter` hold (and the check fails on an upward
import), the import graph has no cycle, and every import of a package module is at the top of its module."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_layers_hold():
    run = _lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The analysis importing a page's module (a deliberate upward import) fails the check, naming it."""
    shutil.copytree(ROOT / "report", tmp_path / "report", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    claims = tmp_path / "report" / "analysis" / "claims.py"
    claims.write_text(claims.read_text(encoding="utf-8") + "\nfrom ..tables import lists  # noqa: E402,F401\n",
                      encoding="utf-8")
    run = _lint_imports(tmp_path)
    assert run.returncode != 0
    assert "report.analysis.claims -> report.tables.lists" in run.stdout
    assert "2 broken" in run.stdout  # the layers and the rule that the analysis imports no display


def _cycle(graph: grimp.ImportGraph) -> list[str] | None:
    """A cycle of direct imports between modules of the package (a package's import of its own
    submodules excepted: `report.analysis` re-exports them), or None."""
    edges = {m: {i for i in graph.find_modules_directly_imported_by(m) if not i.startswith(m + ".")}
             for m in graph.modules}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(edges):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_cycle():
    graph = grimp.build_graph("report")
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for m in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(m)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    assert _cycle(graph) is None
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycle(graph) == ["p.a", "p.b", "p.c", "p.a"]


def function_level_imports(root: Path = ROOT / "report") -> list[str]:
    """Imports of the package's own modules inside a function or method, as "path:line"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for sub in ast.walk(node):
                    own = (isinstance(sub, ast.ImportFrom) and (sub.level > 0 or (sub.module or "").startswith("report"))
                           or isinstance(sub, ast.Import) and any(a.name.startswith("report") for a in sub.names))
                    if own:
                        found.append(f"{path.relative_to(ROOT)}:{sub.lineno}")
    return sorted(set(found))


def test_package_imports_are_at_the_top_of_each_module():
    assert function_level_imports() == []
