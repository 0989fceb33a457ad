"""The bundle's build files agree with the code: the Qt modules PyInstaller keeps are the ones the
sources import, the entry script serves the PDF worker, the desktop entry and MIME type name what the
app and the vault use. (`make package-check` builds and runs the bundle itself.)"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mbc_vault.layout import MARKER, MARKERS
from mbc_vault.pdf import client
from mbc_vault.pdf.client import PdfWorker
from mbc_vault.pdf.worker import WORKER_FLAG
from mbc_vault.vault import Vault

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _spec_constant(name: str) -> object:
    tree = ast.parse((PACKAGING / "mbc-vault.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def _qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for package in ("mbc_vault", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                found.update(n.split(".")[1] for n in names if n.startswith("PySide6."))
    return found


def test_the_bundle_keeps_exactly_the_qt_modules_the_sources_import() -> None:
    assert _spec_constant("QT_USED") == _qt_modules_imported()


def test_the_bundle_leaves_out_none_of_the_libraries_the_pdf_worker_imports() -> None:
    """Pillow was left out of the bundle while nothing used it; the worker decodes images with it now."""
    worker_imports: set[str] = set()
    for path in (ROOT / "mbc_vault" / "pdf").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                worker_imports.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                worker_imports.update(a.name.split(".")[0] for a in node.names)
    assert {"PIL", "pikepdf", "pypdfium2"} <= worker_imports
    left_out = {str(name).split(".")[0] for name in _spec_constant("NOT_BUNDLED")}  # type: ignore[attr-defined]
    assert worker_imports & left_out == set()


@pytest.mark.parametrize("script", ["mbc_vault_entry.py", "rthook_pdf_worker.py"])
def test_the_bundle_runs_the_pdf_worker_when_the_app_asks(
    script: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled program is started as [itself, WORKER_FLAG]: the runtime hook that runs first in it
    serves the worker (before Qt loads), and so would the entry script. Here each stands in for it."""
    assert WORKER_FLAG in (PACKAGING / script).read_text(encoding="utf-8")
    command = [sys.executable, "-I", str(PACKAGING / script), WORKER_FLAG]
    monkeypatch.setattr(client, "worker_command", lambda: command)
    with PdfWorker(time_limit=20) as worker:
        try:
            reply = worker.call("echo", {"from": script}, [b"%PDF-"])
        except client.PdfError as exc:  # the process did something else and ended: no worker there
            pytest.fail(f"{script} did not serve the worker ({exc.code})")
    assert reply == {"args": {"from": script}, "sizes": [5], "store": []}


def test_the_entry_script_is_the_command_line_with_arguments() -> None:
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "mbc_vault_entry.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: mbc-vault") and "self-check" in done.stdout


@pytest.mark.qt  # ui.app (DESKTOP_FILE) imports Qt's GUI
def test_the_desktop_entry_opens_a_vault_file_with_the_app_and_its_icon() -> None:
    from ui.app import DESKTOP_FILE
    from ui.launch import OPEN_FLAG

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "mbc-vault.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f"mbc-vault {OPEN_FLAG} %f"
    assert desktop["Icon"] == DESKTOP_FILE == "mbc-vault"
    assert (ROOT / "ui" / "resources" / "icons" / f"{desktop['Icon']}.svg").is_file()
    mime = ET.parse(PACKAGING / "linux" / "mbc-vault-mime.xml").getroot().find(f"{MIME}mime-type")
    assert mime is not None and desktop["MimeType"] == f"{mime.get('type')};"


def test_the_mime_type_names_every_marker_and_its_magic_matches_a_new_vaults_marker(tmp_path: Path) -> None:
    mime = ET.parse(PACKAGING / "linux" / "mbc-vault-mime.xml").getroot().find(f"{MIME}mime-type")
    assert mime is not None
    assert {g.get("pattern") for g in mime.iter(f"{MIME}glob")} == set(MARKERS)
    match = mime.find(f"{MIME}magic/{MIME}match")
    assert match is not None and match.get("type") == "string"
    start, end = (int(n) for n in str(match.get("offset")).split(":"))
    vault = Vault.create(tmp_path / "vault", "correct horse battery staple", work_factor=12)
    vault.close()
    head = (tmp_path / "vault" / MARKER).read_bytes()[: end + len(str(match.get("value")))]
    assert head.find(str(match.get("value")).encode(), start) != -1, head


@pytest.mark.qt
def test_the_icon_renders_at_every_hicolor_size(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec is not None and spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)

    written = make_icons.render(tmp_path)
    assert [p.name for p in written] == [f"{n}x{n}.png" for n in (16, 24, 32, 48, 64, 128, 256, 512)]
    for path in written:
        image = QImage(str(path))
        size = int(path.name.split("x")[0])
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the page, not a hole
        assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner
