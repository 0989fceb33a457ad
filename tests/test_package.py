"""The built wheel carries the files the app needs, and an installed copy finds them and works.

The wheel is built from a copy of the source tree (nothing is written into the checkout) and installed
into a fresh virtual environment outside it. Run there, from a folder that is not the checkout, the
installed program must load the question templates, the Spanish translation and the style: before they
were found through the source tree's paths, and an installed app silently had none of them. And with a
PATH that holds only the environment's programs (no poppler, no qpdf, no tesseract: a Windows or macOS
computer has none of them), `mbc-vault demo`, `search`, `packet` and `verify` do a patient's day.
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

import pypdfium2 as pdfium
import pytest

pytestmark = [
    pytest.mark.qt,  # the installed copy is run with Qt's GUI (make test-core leaves it out)
    pytest.mark.xdist_group("package"),  # one worker builds the wheel and its install once (Makefile)
]

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p.name for p in (ROOT / "mbc_vault" / "resources" / "question_templates").glob("*.json"))

CHECK = """
import json, sys
import mbc_vault, ui
from mbc_vault.care.store import question_templates
from PySide6.QtCore import QCoreApplication
from ui.app import load_translations, setup_application
from ui.guide_dialog import GuideDialog

app = setup_application(["check"])
spanish = bool(load_translations(app, "es"))
guide = GuideDialog()
print(json.dumps({
    "core": mbc_vault.__file__,
    "app": ui.__file__,
    "templates": len(question_templates()),
    "spanish": spanish and QCoreApplication.translate("WelcomeScreen", "Create my vault"),
    "style": len(app.styleSheet()),
    "guide": guide.browser.toPlainText().splitlines()[0],
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
        "ui/resources/guide/guide_en.html",
        "ui/resources/guide/guide_es.html",
    } <= names
    assert not any(name.endswith(".ts") for name in names)  # the translators' source stays in git


#: the dependencies (PySide6, cryptography, pypdfium2, pikepdf...) are this test run's own
DEPENDENCIES = sysconfig.get_paths()["purelib"]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the source tree with the wheel installed; its folder.

    The program comes only from the wheel; its dependencies are this test run's, seen through a .pth
    file in the new environment (a path line there adds the folder without running that folder's own
    .pth files, so this run's editable install of the program is not loaded). Not PYTHONPATH: the PDF
    worker runs in isolated mode (python -I), which ignores it, as an installed program would."""
    env = tmp_path_factory.mktemp("installed") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=300)
    done = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (site_packages,) = env.glob("lib/python*/site-packages")
    (site_packages / "zz-test-run-dependencies.pth").write_text(DEPENDENCIES + "\n")
    return env


def test_an_installed_copy_loads_them_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    env, python = installed, installed / "bin" / "python"
    away = tmp_path / "elsewhere"
    away.mkdir()
    environ = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    environ.update(QT_QPA_PLATFORM="offscreen", HOME=str(away))
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
    assert facts["guide"] == "Primeros pasos"  # Help › First steps, in Spanish, from the package


#: programs the app once needed and that a Windows or macOS computer does not have (tesseract stays
#: optional: without it, scans are stored without their text)
OUTSIDE_PROGRAMS = ("pdftotext", "pdfinfo", "pdftoppm", "qpdf", "tesseract")
DEMO_DOCUMENTS = 8


def test_the_installed_program_works_with_no_pdf_programs_on_its_path(
    installed: Path, tmp_path: Path
) -> None:
    """demo, search (a word only in a document's text, so the PDFs were read), packet and verify, from
    a new home folder, with only the environment's own programs on PATH."""
    home = tmp_path / "home"
    home.mkdir()
    path = str(installed / "bin")
    assert [tool for tool in OUTSIDE_PROGRAMS if shutil.which(tool, path=path)] == []
    environ = {"HOME": str(home), "PATH": path, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str, passphrase: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["mbc-vault", *args],
            cwd=home,
            env={**environ, "MBC_VAULT_PASSPHRASE": passphrase} if passphrase else environ,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"mbc-vault {args[0]}: {done.stdout[-1000:]} {done.stderr[-2000:]}"
        return done

    vault = home / "Demo vault"
    made = run("demo", str(vault))
    assert f"Created a demo vault of {DEMO_DOCUMENTS} fictional records" in made.stdout, made.stderr
    passphrase = made.stdout.split("Its passphrase is: ", 1)[1].strip()

    hits = json.loads(run("search", str(vault), "cribriform", "--json", passphrase=passphrase).stdout)
    assert [(h["title"], h["page"]) for h in hits] == [("Surgical pathology: left breast core biopsy", 2)]

    out = home / "packet.pdf"
    packet = json.loads(run("packet", str(vault), "--out", str(out), "--json", passphrase=passphrase).stdout)
    pdf = pdfium.PdfDocument(out.read_bytes())
    assert len(pdf) == packet["pages"] > DEMO_DOCUMENTS
    assert "Surgical pathology" in "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()

    checked = run("verify", str(vault), passphrase=passphrase)
    assert "all intact" in checked.stdout
    assert (home / ".cache" / "mbc-vault").is_dir()  # the record cache, in this user's cache folder
