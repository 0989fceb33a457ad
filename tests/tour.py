"""A walk through every screen of the app, for tests that check all of them (keyboard, names, access).

`screens(qtbot, window, tmp_path)` yields (name, widget) for: the welcome and unlock screens, the vault
screen with each section shown, each dialog and each page of the packet wizard. The window must have a
vault open by its owner (the demo vault: every section has something to show). Each dialog is made for
real, shown (not modally), handed over, then closed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ui.main_window import SECTIONS, MainWindow


def sections(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The vault screen with each section shown in turn (as the window, menus and all)."""
    for spec in SECTIONS:
        section = getattr(window, spec.key)
        window.go_to(section)
        assert window.sections.currentWidget() is window.gates.get(section, section)
        yield f"section {spec.key}", window


def dialogs(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    """Each dialog of the app, shown over the open vault."""
    from ui.conflicts_dialog import ConflictsDialog
    from ui.create_dialog import CreateVaultDialog
    from ui.edit_dialog import EditRecordDialog
    from ui.forms.lab_dialog import LabValueDialog
    from ui.forms.symptom_dialog import QuickSymptomDialog
    from ui.import_dialog import ImportDialog
    from ui.sections.entry_list import EntryListBox
    from ui.settings_dialog import SettingsDialog
    from ui.sharing.dialogs import AddPersonDialog, ChangeAccessDialog, RemovePersonDialog, SetupCodeDialog
    from ui.unlock import ChoosePassphraseDialog

    session = window.session
    assert session is not None and session.vault is not None
    vault = session.vault
    record = vault.records()[0]
    note = tmp_path / "tour-note.txt"
    note.write_text("Questions for the oncologist (fictional).\n")
    made: list[tuple[str, QDialog]] = [
        ("create vault", CreateVaultDialog(tmp_path / "tour-new", window)),
        ("settings", SettingsDialog(window.settings, window)),
        ("edit record", EditRecordDialog(record, window)),
        ("quick symptom", QuickSymptomDialog(session, window)),
        ("lab value", LabValueDialog(session, window)),
        ("choose passphrase", ChoosePassphraseDialog(vault, window, first_time=False)),
        ("conflicts", ConflictsDialog(session, window)),
        ("add person", AddPersonDialog(session, window)),
        ("setup code", SetupCodeDialog("Sam Example", "ABCD-EFGH-JKLM", window)),
        ("change access", ChangeAccessDialog("Sam Example", ["legal"], False, window)),
        ("remove person", RemovePersonDialog("Sam Example", window)),
    ]
    for box in window.findChildren(EntryListBox):
        store = box.store(session)
        assert store is not None
        form = box.form_class(
            box.title(), box.new_model(), box.fields(), store, documents=box._documents(), parent=box
        )
        made.append((f"form {box.kind}", form))
    from mbc_vault.history.models import PatientDetails
    from ui.forms.entry_form import EntryFormDialog
    from ui.forms.history_forms import details_fields

    assert session.history is not None
    made.append(
        ("form about me", EntryFormDialog("About me", PatientDetails(), details_fields(), session.history))
    )
    for name, dialog in made:
        dialog.show()
        try:
            yield name, dialog
        finally:
            dialog.reject()
            dialog.deleteLater()
    importing = ImportDialog(session, [str(note)], window)
    importing.show()
    try:
        qtbot.waitUntil(lambda: importing._worker is None, timeout=30_000)  # the files are read
        yield "import", importing
    finally:
        importing.reject()
        importing.deleteLater()
    from ui.portal_import_dialog import PortalImportDialog

    portal_file = Path(__file__).parent / "data" / "portal" / "mcode-breast.json"
    portal = PortalImportDialog(session, [portal_file], window)
    portal.show()
    try:
        qtbot.waitUntil(lambda: not portal.working, timeout=30_000)  # read and reviewed
        yield "portal import", portal
    finally:
        portal.reject()
        portal.deleteLater()


def wizard_pages(qtbot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Each page of the packet wizard, in order (the last one before anything is built)."""
    from ui.packet.wizard import PacketWizard

    assert window.session is not None
    wizard = PacketWizard(window.session, window)
    wizard.show()
    try:
        for step in range(len(wizard.pageIds())):
            yield f"packet wizard page {step + 1}", wizard
            if step + 1 < len(wizard.pageIds()):
                wizard.next()
    finally:
        wizard.reject()
        wizard.deleteLater()


def front(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The welcome and unlock screens (shown over the open vault, then the vault screen again)."""
    assert window.vault_path is not None
    window.welcome.set_recent([str(window.vault_path)])
    window.stack.setCurrentWidget(window.welcome)
    yield "welcome", window
    window.unlock_screen.set_vault(window.vault_path)
    window.stack.setCurrentWidget(window.unlock_screen)
    yield "unlock", window
    window.stack.setCurrentWidget(window.vault_screen)


def screens(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    """Every screen of the app: see the module's docstring. Leaves the vault open and unlocked."""
    assert window.session is not None and window.vault_path is not None
    yield from front(window)
    yield from sections(window)
    yield from dialogs(qtbot, window, tmp_path)
    yield from wizard_pages(qtbot, window)
