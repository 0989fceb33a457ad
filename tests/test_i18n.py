"""The Spanish translation: it loads, the main screens use it, and the .ts file is complete and consistent.

Translators are application-wide, so every test that installs them removes them again (fixture cleanup);
the other UI tests expect English.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from ui.app import load_translations, setup_application
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "ui" / "resources" / "i18n"
TS_ES = I18N / "mbc_vault_es.ts"
QM_ES = I18N / "mbc_vault_es.qm"

MAIN_CONTEXTS = (
    "WelcomeScreen",
    "UnlockScreen",
    "CreateVaultDialog",
    "MainWindow",
    "DocumentsSection",
    "OverviewSection",
    "ImportDialog",
    "EditRecordDialog",
    "SettingsDialog",
    "PreviewPane",
    "SearchResultsList",
    "RecordsTableModel",
    "PageView",
    "Passphrase",
    "ErrorPresenter",
)
PLACEHOLDER = re.compile(r"\{\d+\}")
ACCELERATOR = re.compile(r"&(?!&)\S")


@contextmanager
def installed_translators(app: QApplication, language: str) -> Iterator[list[QTranslator]]:
    translators = load_translations(app, language)
    try:
        yield translators
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.fixture
def spanish(qtbot) -> Iterator[list[QTranslator]]:
    app = setup_application()
    with installed_translators(app, "es") as translators:
        yield translators


@pytest.fixture
def spanish_window(spanish: list[QTranslator], window: MainWindow) -> MainWindow:
    """The main window (conftest), made after the Spanish translators were installed."""
    return window


# ---------------------------------------------------------------------------------------------------------
# the app in Spanish


def test_spanish_translator_loads_from_resources(spanish: list[QTranslator]) -> None:
    files = [Path(t.filePath()) for t in spanish]
    assert QM_ES.resolve() in [f.resolve() for f in files]


def test_welcome_screen_and_menus_in_spanish(spanish_window: MainWindow) -> None:
    win = spanish_window
    assert win.stack.currentWidget() is win.welcome
    headings = [label.text() for label in win.welcome.findChildren(QLabel) if label.objectName() == "heading"]
    assert headings == ["Le damos la bienvenida a MBC Vault"]
    buttons = (win.welcome.create_btn, win.welcome.open_btn, win.welcome.demo_btn)
    assert [b.accessibleName() for b in buttons] == [
        "Crear mi bóveda",
        "Abrir una bóveda que alguien compartió conmigo",
        "Explorar una bóveda de demostración",
    ]
    assert win.welcome.create_btn.text().startswith("Crear mi bóveda\n")
    assert "frase de contraseña" in win.welcome.create_btn.accessibleDescription()
    menus = [action.text() for action in win.menuBar().actions()]
    assert menus == ["&Archivo", "&Editar", "&Ver", "Ay&uda"]
    assert win.lock_action.text() == "&Bloquear ahora"
    assert win.who.text() == "Bloqueada"


def test_unlock_screen_in_spanish(spanish_window: MainWindow, tmp_path: Path) -> None:
    spanish_window.show_unlock(tmp_path / "some vault")
    screen = spanish_window.unlock_screen
    assert screen.title.text() == "Desbloquear su bóveda"
    assert screen.unlock_btn.text() == "Desbloquear" and screen.back_btn.text() == "Volver"
    assert screen.where.text() == f"Carpeta de la bóveda: {tmp_path / 'some vault'}"


def test_the_first_steps_guide_in_spanish(spanish_window: MainWindow, qtbot) -> None:
    guide = spanish_window.show_guide()
    qtbot.addWidget(guide)
    assert guide.windowTitle() == "Primeros pasos" and guide.language == "es"
    text = guide.browser.toPlainText()
    assert text.startswith("Primeros pasos") and "Paquete para segunda opinión" in text
    assert "Guardar mi kit de emergencia" in text and "Personas y acceso compartido" in text
    guide.reject()


def test_messages_built_outside_self_tr_are_translated_too(spanish, qtbot) -> None:
    from PySide6.QtGui import QUndoStack

    from ui.sections.documents import DocumentsSection
    from ui.sections.overview import OverviewSection
    from ui.widgets import passphrase_strength

    assert passphrase_strength("")[1].startswith("Use cuatro o más palabras")
    assert passphrase_strength("maple river lantern orchard")[1] == "Fuerte."
    overview = OverviewSection()
    qtbot.addWidget(overview)
    assert QCoreApplication.translate("OverviewSection", "Medical records") == "Registros médicos"
    documents = DocumentsSection(QUndoStack())
    qtbot.addWidget(documents)
    assert (
        QCoreApplication.translate("EntryCommands", "Move “{0}” to the trash")  # TrashCommand's text
        == "Mover “{0}” a la papelera"
    )
    from ui.category_names import category_label

    assert category_label("pathology-report") == "Informe de patología"


def test_english_again_after_removing_translators() -> None:
    app = setup_application()
    with installed_translators(app, "es"):
        assert QCoreApplication.translate("WelcomeScreen", "Create my vault") == "Crear mi bóveda"
    assert QCoreApplication.translate("WelcomeScreen", "Create my vault") == "Create my vault"


# ---------------------------------------------------------------------------------------------------------
# the .ts file


def _messages(contexts: tuple[str, ...] = MAIN_CONTEXTS) -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_ES).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name")
        if name in contexts:
            found.extend((name, message) for message in context.iter("message"))
    return found


def _is_active(message: ET.Element) -> bool:
    """lupdate keeps messages it no longer finds in the sources as vanished/obsolete; lrelease skips them."""
    return message.find("translation").get("type") not in ("vanished", "obsolete")


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_main_context_is_in_the_ts_file() -> None:
    names = {name for name, _ in _messages()}
    assert names == set(MAIN_CONTEXTS)


def test_main_contexts_are_fully_translated_and_keep_placeholders() -> None:
    problems = []
    for context, message in _messages():
        if not _is_active(message):
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        if translation.get("type") == "unfinished":
            problems.append(f"{where} is unfinished")
            continue
        for text in _texts(message):
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if text.count("\n") != source.count("\n"):
                problems.append(f"{where}: line breaks differ in {text!r}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source)):
                problems.append(f"{where}: accelerator (&) missing or doubled in {text!r}")
            if source.endswith("…") != text.endswith("…"):
                problems.append(f"{where}: the trailing … differs in {text!r}")
            if message.get("numerus") == "yes" and "%n" not in text:
                problems.append(f"{where}: %n missing in {text!r}")
    assert problems == []


def test_every_string_in_the_sources_is_translated(tmp_path: Path) -> None:
    """Extract the sources afresh with pyside6-lupdate: every message must have a finished, active
    Spanish translation in the committed .ts (so a new or changed string cannot slip through)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    extracted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    assert len(extracted) > 150
    committed = {
        (context, message.findtext("source")): message
        for context, message in _messages(tuple(c for c, _ in extracted))
    }
    problems = []
    for context, source in sorted(extracted):
        message = committed.get((context, source))
        if message is None:
            problems.append(f"{context}: {source!r} is missing (run pyside6-lupdate, then translate)")
        elif not _is_active(message) or message.find("translation").get("type") == "unfinished":
            problems.append(f"{context}: {source!r} is {message.find('translation').get('type')}")
    assert problems == []


def test_compiled_qm_matches_the_ts_file() -> None:
    """The committed .qm is the output of lrelease for the current .ts (not stale)."""
    translator = QTranslator()
    assert translator.load(str(QM_ES))
    stale = []
    every_context = tuple(c.findtext("name") for c in ET.parse(TS_ES).getroot().iter("context"))
    for context, message in _messages(every_context):
        translation = message.find("translation")
        if not _is_active(message) or translation.get("type") == "unfinished":
            continue
        source = message.findtext("source")
        if message.get("numerus") == "yes":
            got = [translator.translate(context, source, None, n) for n in (1, 2)]
            expected = _texts(message)  # singular, plural; QTranslator leaves %n for the caller to fill in
        else:
            got, expected = translator.translate(context, source), _texts(message)[0]
        if got != expected:
            stale.append(f"{context}: {source!r} -> {got!r}, .ts has {expected!r}")
    assert stale == [], "run pyside6-lrelease (see ui/resources/i18n/README.md)"
