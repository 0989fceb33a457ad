"""Everything fits: each section, dialog and packet wizard page at 100 %, 150 % and 200 % text on a
1024×700 screen, and at 200 % on a 1280×800 one, in English and Spanish, with nothing cut off
(tests/fitcheck.py says what counts as cut off). One window per language, resized and re-scaled."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fitcheck import faults
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QStyle, QStyleOptionButton, QWidget

from mbc_vault.demo import create_demo_vault
from ui.app import load_translations, setup_application
from ui.main_window import SECTIONS, MainWindow
from ui.sections.entry_list import EntryListBox

#: (text scale in percent, screen width, screen height)
SIZES = ((100, 1024, 700), (150, 1024, 700), (200, 1024, 700), (200, 1280, 800))
LANGUAGES = ("en", "es")


@contextmanager
def language(code: str) -> Iterator[None]:
    app = setup_application()
    translators = load_translations(app, code) if code != "en" else []
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest, qtbot) -> Iterator[str]:
    with language(request.param):
        yield request.param


@pytest.fixture
def demo(lang: str, window: MainWindow, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window (conftest, made in *lang*) with the demo vault open; afterwards the
    application's font is back at 100 % (it outlives the window)."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=10)
    window.enter_vault(vault)
    yield window
    window.apply_text_scale(100)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
    # deleteLater()'s deletions too (processEvents leaves them): dialogs left alive would be re-polished
    # at each re-scale, which took most of this file's time
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def rescale(window: MainWindow, scale: int) -> None:
    """Text at *scale* %; not again when it already is (each re-scale re-polishes the whole app:
    about a second)."""
    if window.property("fit_test_scale") != scale:
        window.apply_text_scale(scale)
        window.setProperty("fit_test_scale", scale)


def fit(widget: QWidget, width: int, height: int) -> list[str]:
    """Resize the window *widget* to the screen (*width*×*height*) or less, and what does not fit."""
    widget.resize(min(widget.width(), width), min(widget.height(), height))
    settle()
    problems = faults(widget)
    if widget.width() > width or widget.height() > height:
        problems.append(f"the window is {widget.width()}×{widget.height()}, larger than the screen")
    return problems


def check_main(window: MainWindow, where: str) -> list[str]:
    problems = [f"{where}: {p}" for p in faults(window)]
    for scroller in (window.screen_scroller, window.section_scroller):
        if scroller.isVisible() and scroller.horizontalScrollBar().isVisible():
            problems.append(f"{where}: the screen scrolls sideways")
    return problems


def test_window_opens_within_the_screen(window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()


def test_sections_fit(demo: MainWindow, lang: str) -> None:
    window = demo
    problems: list[str] = []
    for scale, width, height in SIZES:
        window.apply_text_scale(scale)
        window.resize(width, height)
        settle()
        assert (window.width(), window.height()) == (width, height), f"{scale} %: the window cannot shrink"
        for spec in SECTIONS:
            window.go_to(getattr(window, spec.key))
            settle()
            problems += check_main(window, f"{lang} {scale} % {width}×{height} {spec.key}")
        window.lock()
        settle()
        problems += check_main(window, f"{lang} {scale} % unlock screen")
        window.show_welcome()
        settle()
        problems += check_main(window, f"{lang} {scale} % welcome screen")
        if window.vault_path is not None:
            window.show_unlock(window.vault_path)
    assert not problems, "\n".join(problems)


def test_welcome_choices_grow_and_wrap_at_200_percent(lang: str, window: MainWindow) -> None:
    """At 200 % the choices' text is as large as the rest (1.15 times the text), wrapped onto more
    lines within each card, every word painted, nothing cut off, nothing scrolling sideways."""
    from ui.welcome import CHOICE_FONT

    assert window.stack.currentWidget() is window.welcome
    problems: list[str] = []
    try:
        for scale, width, height in SIZES[2:]:
            rescale(window, scale)
            window.resize(width, height)
            settle()
            where = f"{lang} {scale} % {width}×{height} welcome"
            problems += check_main(window, where)
            text_size = QApplication.font().pointSizeF()
            for card in window.welcome.choices():
                name = card.accessibleName()
                if abs(card.font().pointSizeF() - text_size * CHOICE_FONT) > 0.1:
                    problems.append(
                        f"{where} {name!r}: its text does not grow with the text size"
                        f" ({card.font().pointSizeF()} pt, the text {text_size} pt)"
                    )
                lines = card.lines()
                if " ".join(lines).split() != card.text().split():
                    problems.append(f"{where} {name!r}: words are lost in {lines}")
                room = card.style().subElementRect(
                    QStyle.SubElement.SE_PushButtonContents, _option(card), card
                )
                for line in lines:
                    if card.fontMetrics().horizontalAdvance(line) > room.width():
                        problems.append(f"{where} {name!r}: {line!r} is wider than the card")
                if card.height() < card.fontMetrics().lineSpacing() * len(lines):
                    problems.append(f"{where} {name!r}: {len(lines)} lines do not fit its height")
            if lang == "es" and not any(len(card.lines()) > 2 for card in window.welcome.choices()):
                problems.append(f"{where}: no choice wraps at 200 % (the check would be empty)")
    finally:
        window.apply_text_scale(100)
    assert not problems, "\n".join(problems)


def _option(button: QPushButton) -> QStyleOptionButton:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return option


def test_create_dialog_fits(demo: MainWindow, lang: str, tmp_path: Path) -> None:
    """The passphrase fields no longer cover "Choose…" and the strength hint is whole (100 %, 150 %)."""
    from ui.create_dialog import CreateVaultDialog

    problems: list[str] = []
    for scale, width, height in SIZES[:2]:
        demo.apply_text_scale(scale)
        dialog = CreateVaultDialog(tmp_path / "MBC Vault" / "My vault", demo)
        dialog.show()
        dialog.pass_edit.setText("maple")  # the strength hint shows
        settle()
        problems += [f"{lang} {scale} %: {p}" for p in fit(dialog, width, height)]
        dialog.reject()
        dialog.deleteLater()
    settle()
    assert not problems, "\n".join(problems)


def _dialogs(window: MainWindow, tmp_path: Path) -> Iterator[tuple[str, QDialog]]:
    from ui.conflicts_dialog import ConflictsDialog
    from ui.create_dialog import CreateVaultDialog
    from ui.edit_dialog import EditRecordDialog
    from ui.forms.lab_dialog import LabValueDialog
    from ui.forms.symptom_dialog import QuickSymptomDialog
    from ui.settings_dialog import SettingsDialog
    from ui.sharing.dialogs import AddPersonDialog, ChangeAccessDialog, RemovePersonDialog, SetupCodeDialog
    from ui.unlock import ChoosePassphraseDialog

    session = window.session
    assert session is not None and session.vault is not None
    yield "create vault", CreateVaultDialog(tmp_path / "MBC Vault" / "My vault", window)
    yield "settings", SettingsDialog(window.settings, window)
    yield "edit details", EditRecordDialog(session.vault.records()[0], window)
    yield "add a person", AddPersonDialog(session, window)
    typing = AddPersonDialog(session, window)
    typing.pass_radio.setChecked(True)  # the passphrase fields show
    yield "add a person who types a passphrase", typing
    yield "setup code", SetupCodeDialog("Mary Example", "ABCD-EFGH-JKLM-NPQR", window)
    yield "change access", ChangeAccessDialog("Mary Example", ["legal"], False, window)
    yield "remove a person", RemovePersonDialog("Mary Example", window)
    yield "conflicts", ConflictsDialog(session, window)
    yield "lab value", LabValueDialog(session, window)
    yield "log a symptom", QuickSymptomDialog(session, window)
    yield "log pain", QuickSymptomDialog(session, window, symptom="pain")  # with "Where:"
    yield "choose a passphrase", ChoosePassphraseDialog(session.vault, window, first_time=False)
    for box in window.findChildren(EntryListBox):
        store = box.store(session)
        if store is not None:
            yield (
                f"form {box.title()}",
                box.form_class(
                    box.title(), box.new_model(), box.fields(), store, documents=box._documents(), parent=box
                ),
            )


def test_dialogs_fit(demo: MainWindow, lang: str, tmp_path: Path) -> None:
    problems: list[str] = []
    for scale, width, height in SIZES:  # re-scaling re-polishes the app: once per size, not per dialog
        demo.apply_text_scale(scale)
        for name, dialog in _dialogs(demo, tmp_path):
            dialog.show()
            settle()
            problems += [f"{lang} {scale} % {width}×{height} {name}: {p}" for p in fit(dialog, width, height)]
            dialog.reject()
            dialog.deleteLater()
        settle()
    assert not problems, "\n".join(problems)


def test_import_dialog_fits(demo: MainWindow, lang: str, tmp_path: Path, qtbot) -> None:
    from pdfmaker import text_pdf

    files = []
    for number in range(3):
        path = text_pdf(
            tmp_path / f"scan report {number}.pdf", [[f"CT chest abdomen pelvis, report {number}"]]
        )
        files.append(str(path))
    dialog = demo.documents.import_paths(files)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_btn.isEnabled(), timeout=30_000)
    problems: list[str] = []
    for scale, width, height in SIZES:
        rescale(demo, scale)
        problems += [f"{lang} {scale} % {width}×{height}: {p}" for p in fit(dialog, width, height)]
    dialog.reject()
    assert not problems, "\n".join(problems)


def test_portal_import_dialog_fits(demo: MainWindow, lang: str, qtbot) -> None:
    """File ▸ Import records from a patient portal…, in its review, opened at each text size."""
    from ui.portal_import_dialog import open_portal_import

    files = [
        Path(__file__).parent / "data" / "portal" / n for n in ("mcode-breast.json", "IPS-bundle-01.json")
    ]
    problems: list[str] = []
    for scale, width, height in SIZES:
        rescale(demo, scale)
        dialog = open_portal_import(demo, demo.session, files)
        assert dialog is not None
        qtbot.waitUntil(lambda dialog=dialog: not dialog.working, timeout=30_000)
        assert dialog.model is not None and dialog.tree.isVisible()
        problems += [f"{lang} {scale} % {width}×{height}: {p}" for p in fit(dialog, width, height)]
        dialog.reject()
        dialog.deleteLater()
    settle()
    assert not problems, "\n".join(problems)


def test_packet_wizard_pages_fit(demo: MainWindow, lang: str) -> None:
    problems: list[str] = []
    for scale, width, height in SIZES:
        rescale(demo, scale)
        demo.packet_action.trigger()
        wizard = demo.packet_wizard
        pages = wizard.pageIds()
        for number, _ in enumerate(pages):
            settle()
            page = type(wizard.currentPage()).__name__
            problems += [f"{lang} {scale} % {width}×{height} {page}: {p}" for p in fit(wizard, width, height)]
            if number < len(pages) - 1:
                wizard.next()
        assert wizard.checklist_page.checklist.count() == 11
        wizard.reject()
        settle()
    assert not problems, "\n".join(problems)


def test_preview_share_is_remembered(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings

    window.documents.splitter.set_share(0.62)
    window.close()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.pane_share("documents_preview", 0.5) == pytest.approx(0.62)
    again = MainWindow(settings)
    try:
        assert again.documents.splitter.share() == pytest.approx(0.62)
    finally:
        again.close()
        again.deleteLater()
