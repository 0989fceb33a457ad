"""The built wheel carries the files the app needs, and an installed copy finds them.

The wheel is built from a copy of the source tree (nothing is written into the checkout) and installed
into a fresh virtual environment outside it. Run there, from a folder that is not the checkout, the
installed program must load the question templates, the Spanish translation and the style: before they
were found through the source tree's paths, and an installed app silently had none of them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.qt  # the installed copy is run with Qt's GUI (make test-core leaves it out)

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p.name for p in (ROOT / "mbc_vault" / "resources" / "question_templates").glob("*.json"))

CHECK = """
import json, sys
import mbc_vault, ui
from mbc_vault.care.store import question_templates
from PySide6.QtCore import QCoreApplication
from ui.app import load_translations, setup_application

app = setup_application(["check"])
spanish = bool(load_translations(app, "es"))
print(json.dumps({
    "core": mbc_vault.__file__,
    "app": ui.__file__,
    "templates": len(question_templates()),
    "spanish": spanish and QCoreApplication.translate("WelcomeScreen", "Create my vault"),
    "style": len(app.styleSheet()),
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache"),
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (found,) = (work / "dist").glob("mbc_vault-*.whl")
    return found


def test_the_wheel_holds_the_templates_translations_and_style(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert len(TEMPLATES) == 7
    assert {f"mbc_vault/resources/question_templates/{name}" for name in TEMPLATES} <= names
    assert {
        "ui/resources/i18n/mbc_vault_es.qm",
        "ui/resources/styles/app.qss",
        "ui/resources/icons/mbc-vault.svg",
    } <= names
    assert not any(name.endswith(".ts") for name in names)  # the translators' source stays in git


def test_an_installed_copy_loads_them_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=300)
    python = env / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    # the dependencies (PySide6, cryptography...) come from this test run's environment; the program
    # itself only from the wheel (this environment holds it as an editable install, which PYTHONPATH
    # does not load)
    away = tmp_path / "elsewhere"
    away.mkdir()
    environ = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    environ.update(PYTHONPATH=sysconfig.get_paths()["purelib"], QT_QPA_PLATFORM="offscreen", HOME=str(away))
    ran = subprocess.run(
        [str(python), "-c", CHECK], cwd=away, env=environ, capture_output=True, text=True, timeout=300
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    facts = json.loads(ran.stdout.strip().splitlines()[-1])
    assert str(env) in facts["core"] and str(env) in facts["app"]
    assert not facts["core"].startswith(str(ROOT)) and not facts["app"].startswith(str(ROOT))
    assert facts["templates"] == 7
    assert facts["spanish"] == "Crear mi bóveda"
    assert facts["style"] > 0
