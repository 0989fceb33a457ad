"""Architecture rules that are cheap to break and cheap to check."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "mbc_vault"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_core_never_imports_widgets_or_the_ui() -> None:
    offenders = {}
    for path in CORE.rglob("*.py"):
        bad = {n for n in _imports(path) if n == "ui" or n.startswith("ui.") or "QtWidgets" in n}
        if bad:
            offenders[str(path.relative_to(CORE))] = sorted(bad)
    assert offenders == {}


def test_cli_runs_without_loading_qt() -> None:
    code = (
        "import sys; from ui import launch; from mbc_vault import cli; cli.build_parser(); "
        "import mbc_vault.vault; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _core_graph() -> dict[str, set[str]]:
    """mbc_vault module -> the mbc_vault modules it imports (relative and absolute, at any depth of
    the file, TYPE_CHECKING blocks left out: they never run)."""
    graph: dict[str, set[str]] = {}
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        package = module if rel.name == "__init__" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(), str(path))
        skip = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If)
            and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING"
            for n in ast.walk(node)
        }
        out: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    if f"{target}.{alias.name}" in _ALL:
                        out.add(f"{target}.{alias.name}")
                if target in _ALL:
                    out.add(target)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name in _ALL)
        graph[module] = out - {module}
    return graph


_ALL = {
    ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in CORE.rglob("*.py")
}


def test_the_vault_layers_import_no_circle() -> None:
    """The vault core is built in layers (docs/architecture.md): no module imports one that imports it
    back, at the top of the file or inside a function."""
    graph = _core_graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    layered = {
        "mbc_vault.vault",
        "mbc_vault.folder",
        "mbc_vault.owner",
        "mbc_vault.rotation",
        "mbc_vault.sharing",
        "mbc_vault.sync_fold",
        "mbc_vault.verify",
        "mbc_vault.people",
        "mbc_vault.keys",
        "mbc_vault.layout",
        "mbc_vault.authority",
        "mbc_vault.upgrade",
        "mbc_vault.progress",
    }
    assert [c for c in cycles if set(c) & layered] == []
    assert "mbc_vault.vault" not in graph["mbc_vault.people"]
    assert "mbc_vault.vault" not in graph["mbc_vault.folder"]
