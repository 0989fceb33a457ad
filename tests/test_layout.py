"""Architecture rules that are cheap to break and cheap to check."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "mbc_vault"


def _imports(path: Path) -> set[str]:
    """Modules *path* names in import statements and in `importlib.import_module("...")` or
    `__import__("...")` calls (which import-linter's static graph cannot see)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and _called_name(node.func) in {"import_module", "__import__"}:
            names.update(
                a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    return names


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: the Qt modules mbc_vault.render may use: painting, never widgets
RENDER_QT = {"PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtSvg"}


def _offences(names: set[str], in_render: bool) -> set[str]:
    """What a core module may not import: ui, QtWidgets, and Qt at all outside mbc_vault.render
    (import-linter checks this too, per package; this sees Qt's modules and importlib calls)."""
    bad = set()
    for name in names:
        top, qt_module = name.split(".")[0], ".".join(name.split(".")[:2])
        if top == "ui" or "QtWidgets" in name:
            bad.add(name)
        elif top == "PySide6" and not (in_render and qt_module in RENDER_QT):
            bad.add(name)
    return bad


def test_core_never_imports_widgets_or_the_ui_and_only_render_imports_qt() -> None:
    offenders = {}
    for path in CORE.rglob("*.py"):
        bad = _offences(_imports(path), in_render=path.relative_to(CORE).parts[0] == "render")
        if bad:
            offenders[str(path.relative_to(CORE))] = sorted(bad)
    assert offenders == {}


def test_the_layout_check_sees_importlib_calls_and_qt_modules(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.py"
    scratch.write_text(
        "import importlib\nimportlib.import_module('ui.app')\n__import__('PySide6.QtCore')\n"
        "from PySide6.QtWidgets import QWidget\nfrom PySide6.QtGui import QImage\n"
    )
    names = _imports(scratch)
    assert _offences(names, in_render=False) == names - {"importlib"}
    assert _offences(names, in_render=True) == {"ui.app", "PySide6.QtWidgets", "PySide6.QtWidgets.QWidget"}


def test_cli_runs_without_loading_qt() -> None:
    code = (
        "import sys; from ui import launch; from mbc_vault import cli; cli.build_parser(); "
        "import mbc_vault.vault; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _modules(root: Path) -> set[str]:
    return {
        ".".join(p.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in root.rglob("*.py")
    }


def _core_graph(root: Path = CORE) -> dict[str, set[str]]:
    """module of the package at *root* -> the modules of it that it imports (relative and absolute, at
    any depth of the file, TYPE_CHECKING blocks left out: they never run)."""
    graph: dict[str, set[str]] = {}
    known = _modules(root)
    for path in root.rglob("*.py"):
        rel = path.relative_to(root.parent).with_suffix("")
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
                    if f"{target}.{alias.name}" in known:
                        out.add(f"{target}.{alias.name}")
                if target in known:
                    out.add(target)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name in known)
        graph[module] = out - {module}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
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
    return cycles


def test_the_app_imports_no_circle() -> None:
    """ui/ has no import circle either, not even through an import inside a function: a page that
    needs its wizard is handed what it needs; the window and the app entry point do not import each
    other."""
    graph = _core_graph(CORE.parent / "ui")
    assert "ui.main_window" in graph and "ui.packet.build" in graph
    assert _cycles(graph) == []


def test_the_vault_layers_import_no_circle() -> None:
    """The vault core is built in layers (docs/architecture.md): no module imports one that imports it
    back, at the top of the file or inside a function."""
    graph = _core_graph()
    cycles = _cycles(graph)
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
