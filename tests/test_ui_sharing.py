"""“People and sharing”: the owner adds a family member through the real dialogs, the family member
unlocks with the setup code and chooses a passphrase, sees only what was shared; removal with a key
change (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR, FakeClock
from dialogs import answering
from pdfmaker import text_pdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from mbc_vault.errors import WrongPassphrase
from mbc_vault.vault import Vault
from ui.main_window import MainWindow
from ui.sharing.dialogs import AddPersonDialog, ChangeAccessDialog, RemovePersonDialog, SetupCodeDialog
from ui.unlock import ChoosePassphraseDialog

NEW_PASSPHRASE = "willow harbor copper meadow"


@pytest.fixture
def window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window (conftest); the keys it makes for people use the tests' low work factor."""
    monkeypatch.setattr("ui.sharing.dialogs.WORK_FACTOR", TEST_WORK_FACTOR)
    monkeypatch.setattr("ui.unlock.WORK_FACTOR", TEST_WORK_FACTOR)
    return window


@pytest.fixture
def owner_vault(tmp_path: Path) -> Vault:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    vault.add_document(
        text_pdf(tmp_path / "will.pdf", [["Last will of Jane Example (fictional)"]]),
        category="will",
        title="My will",
        date="2024-02-01",
    )
    vault.add_document(
        text_pdf(tmp_path / "path.pdf", [["Pathology report (fictional)"]]),
        category="pathology-report",
        title="Liver biopsy pathology",
        date="2024-05-20",
    )
    return vault


def add_family_member(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The owner adds Sam (legal only, view only, setup code) through the section; returns (id, code)."""
    section = window.sharing
    window.go_to(section)
    assert section.add_btn.isVisible() and section.add_btn.isEnabled()
    shown: dict[str, str] = {}

    def fill(dialog: AddPersonDialog) -> None:
        assert not dialog.add_btn.isEnabled()  # nothing typed yet
        qtbot.keyClicks(dialog.name_edit, "Sam Example")
        qtbot.keyClicks(dialog.relationship_edit, "husband")
        assert not dialog.add_btn.isEnabled()  # no part chosen yet
        assert dialog.error.text()
        dialog.scope_boxes["legal"].setChecked(True)
        assert dialog.view_radio.isChecked() and dialog.code_radio.isChecked()
        assert not dialog.pass_box.isVisible()
        qtbot.mouseClick(dialog.add_btn, Qt.MouseButton.LeftButton)

    def read_code(dialog: SetupCodeDialog) -> None:
        shown["code"] = dialog.code_label.text()
        assert "Sam Example" in dialog.windowTitle()
        qtbot.mouseClick(dialog.done_btn, Qt.MouseButton.LeftButton)

    added = answering(monkeypatch, qtbot, AddPersonDialog, fill)
    codes = answering(monkeypatch, qtbot, SetupCodeDialog, read_code)
    qtbot.mouseClick(section.add_btn, Qt.MouseButton.LeftButton)
    assert len(added) == 1 and len(codes) == 1 and "code" in shown
    vault = window.session.vault
    sam = next(p for p in vault.people.values() if p.name == "Sam Example")
    assert sam.scopes == ["legal"] and not sam.can_edit and sam.setup_pending
    texts = [section.table.item(r, c).text() for r in range(section.table.rowCount()) for c in range(5)]
    assert "Sam Example" in texts and "View only" in texts and "Setup code not used yet" in texts
    assert "Legal and money papers" in texts
    return sam.id, shown["code"]


def test_family_member_from_setup_code_to_the_will(
    qtbot, window: MainWindow, owner_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.enter_vault(owner_vault)
    assert all(gate.shared for gate in window.gates.values())  # the owner sees every section
    assert not window.documents.scope_note.isVisible()
    sam_id, code = add_family_member(qtbot, window, monkeypatch)
    window.lock()

    # Sam, at his computer: the unlock screen, the code typed loosely (lower case, no dashes)
    window.show_unlock(owner_vault.path)
    screen = window.unlock_screen
    assert screen.code_hint.isVisible()
    with qtbot.waitSignal(screen.unlocked, timeout=20_000):  # the unlock runs in the pool
        qtbot.keyClicks(screen.pass_edit, code.lower().replace("-", " "))
        qtbot.keyClick(screen.pass_edit, Qt.Key.Key_Return)
    dialog = window.first_passphrase_dialog  # window-modal, opened before the main screen
    assert isinstance(dialog, ChoosePassphraseDialog) and dialog.isVisible()
    assert "Sam Example" in dialog.findChild(QWidget, "heading").text()
    qtbot.keyClicks(dialog.pass_edit, "short")
    qtbot.keyClicks(dialog.again_edit, "short")
    assert not dialog.save_btn.isEnabled() and dialog.strength.text().startswith("Too short")
    dialog.pass_edit.clear()
    dialog.again_edit.clear()
    qtbot.keyClicks(dialog.pass_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.again_edit, NEW_PASSPHRASE[:-1] + "x")
    assert dialog.match.text() and not dialog.save_btn.isEnabled()
    dialog.again_edit.clear()
    qtbot.keyClicks(dialog.again_edit, NEW_PASSPHRASE)
    assert dialog.save_btn.isEnabled()
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=20_000)
    vault = window.session.vault
    assert vault.person.id == sam_id and not vault.person.setup_pending
    assert window.stack.currentWidget() is window.vault_screen
    assert "Sam Example" in window.who.text()

    # he sees the will and not the pathology report
    titles = [r.title for r in vault.records()]
    assert titles == ["My will"]
    documents = window.documents
    shown = [documents.model.index(r, 0).data() for r in range(documents.model.rowCount())]
    assert any("My will" in str(t) for t in shown) and not any("pathology" in str(t).lower() for t in shown)
    assert documents.scope_note.isVisible() or not documents.isVisible()
    assert (
        "not shared with you" in documents.scope_note.text()
        and "medical records" in documents.scope_note.text()
    )

    # medical and care sections say they were not shared; legal is open
    for section in (
        window.cancer,
        window.treatment,
        window.symptoms,
        window.labs,
        window.trials,
        window.appointments,
        window.care_team,
        window.people,
        window.priorities,
    ):
        gate = window.gates[section]
        assert not gate.shared and gate.title.text() == "This part was not shared with you"
    assert window.gates[window.legal].shared
    window.go_to(window.cancer)
    assert window.sections.currentWidget() is window.gates[window.cancer]
    assert window.gates[window.cancer].notice.isVisible()

    # the sharing section tells him who he is and what he was given, read-only
    window.go_to(window.sharing)
    sharing = window.sharing
    assert not sharing.add_btn.isVisible() and not sharing.remove_btn.isVisible()
    intro = sharing.intro.text()
    assert "Sam Example" in intro and "Legal and money papers" in intro and "view them, not change" in intro
    window.lock()

    # the setup code no longer opens the vault; his own passphrase does
    with pytest.raises(WrongPassphrase):
        Vault.open(owner_vault.path, code, use_cache=False)
    with Vault.open(owner_vault.path, NEW_PASSPHRASE, use_cache=False) as again:
        assert again.person.id == sam_id


def test_change_access_and_remove_with_key_change(
    qtbot, window: MainWindow, owner_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.enter_vault(owner_vault)
    sam_id, _ = add_family_member(qtbot, window, monkeypatch)
    section = window.sharing
    vault = window.session.vault

    # give Sam the care section too, and the right to edit
    section.select_person(sam_id)
    assert section.change_btn.isEnabled()

    def widen(dialog: ChangeAccessDialog) -> None:
        dialog.scope_boxes["care"].setChecked(True)
        dialog.edit_radio.setChecked(True)
        assert not dialog.rotate_box.isVisible()  # nothing is taken away
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)

    answering(monkeypatch, qtbot, ChangeAccessDialog, widen)
    qtbot.mouseClick(section.change_btn, Qt.MouseButton.LeftButton)
    sam = vault.people[sam_id]
    assert sam.scopes == ["care", "legal"] and sam.can_edit

    # remove him, changing the keys of what he had
    legal_before = vault.folder.keyring.current("legal").generation
    section.select_person(sam_id)

    def confirm(dialog: RemovePersonDialog) -> None:
        assert dialog.rotate_box.isChecked()  # recommended, checked by default
        assert "copy they made earlier" in dialog.rotate_box.text()
        qtbot.mouseClick(dialog.remove_btn, Qt.MouseButton.LeftButton)

    seen = answering(monkeypatch, qtbot, RemovePersonDialog, confirm)
    qtbot.mouseClick(section.remove_btn, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    progress = section.last_key_change
    assert progress is not None
    qtbot.waitUntil(lambda: progress.ok is not None, timeout=30_000)
    assert progress.ok, progress.status.text()
    assert progress.bar.value() == progress.bar.maximum() > 0
    assert progress.close_btn.isVisible() and not progress.stop_btn.isVisible()
    qtbot.mouseClick(progress.close_btn, Qt.MouseButton.LeftButton)
    assert sam_id not in vault.people and not vault.pending_rotation()
    assert vault.folder.keyring.current("legal").generation == legal_before + 1
    names = [section.table.item(r, 0).text() for r in range(section.table.rowCount())]
    assert names == ["Jane Example (you)"]
    assert sam_id not in Vault.person_ids(owner_vault.path)
    assert "was removed" in section.feedback.text()


def test_taking_a_part_away_offers_to_change_its_keys(qtbot) -> None:
    from ui.app import setup_application
    from ui.sharing.dialogs import AccessChoice

    setup_application()
    dialog = ChangeAccessDialog("Sam Example", ["legal", "care"], False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.rotate_box.isVisible()
    assert dialog.answer() == AccessChoice(["legal", "care"], False, [])
    dialog.scope_boxes["care"].setChecked(False)
    dialog.edit_radio.setChecked(True)
    assert dialog.rotate_box.isVisible() and dialog.rotate_box.isChecked()  # recommended
    assert dialog.answer() == AccessChoice(["legal"], True, ["care"])
    dialog.rotate_box.setChecked(False)
    assert dialog.answer() == AccessChoice(["legal"], True, [])
    dialog.scope_boxes["legal"].setChecked(False)
    assert not dialog.save_btn.isEnabled() and dialog.error.text()  # nothing left: remove them instead


def test_view_only_note_and_member_cannot_manage(qtbot, window: MainWindow, owner_vault: Vault) -> None:
    window.enter_vault(owner_vault)
    window.go_to(window.sharing)
    assert (
        "View only is enforced by this program; someone with the files and other tools could still "
        "change them." in " ".join(label.text() for label in window.sharing.findChildren(QWidget, "warning"))
    )
    assert not window.sharing.remove_btn.isEnabled()  # nobody chosen; the owner cannot be removed
    window.sharing.select_person(owner_vault.person.id)
    assert not window.sharing.remove_btn.isEnabled() and not window.sharing.change_btn.isEnabled()


def test_cancelling_the_first_passphrase_keeps_the_setup_code(
    qtbot, window: MainWindow, owner_vault: Vault
) -> None:
    _, code = owner_vault.add_person("Ana Example", "daughter", ["care"], work_factor=TEST_WORK_FACTOR)
    window.show_unlock(owner_vault.path)
    with qtbot.waitSignal(window.unlock_screen.unlocked, timeout=20_000):
        qtbot.keyClicks(window.unlock_screen.pass_edit, code)
        qtbot.keyClick(window.unlock_screen.pass_edit, Qt.Key.Key_Return)
    dialog = window.first_passphrase_dialog
    assert isinstance(dialog, ChoosePassphraseDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert "setup code still works" in window.unlock_screen.error.text()
    assert window.session is None and window.stack.currentWidget() is window.unlock_screen
    with Vault.open(owner_vault.path, code, use_cache=False) as again:
        assert again.person.setup_pending


def test_view_only_people_do_not_see_edit_buttons(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Sam",
        "son",
        ["medical", "legal"],
        can_edit=False,
        passphrase="sam's own passphrase",
        work_factor=TEST_WORK_FACTOR,
    )
    vault.close()
    window.enter_vault(Vault.open(tmp_path / "v", "sam's own passphrase"))
    assert window.documents.import_btn.isHidden() and window.documents.edit_btn.isHidden()
    assert window.treatment.lines.add_btn.isHidden() and window.treatment.lines.remove_btn.isHidden()
    window.lock()
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    assert not window.treatment.lines.add_btn.isHidden()
    assert not window.documents.import_btn.isHidden()
    window.lock()


def test_the_app_notices_files_a_sync_tool_changed(qtbot, window: MainWindow, tmp_path: Path) -> None:
    Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR).close()
    shutil.copytree(tmp_path / "v", tmp_path / "other-computer")
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    assert window.documents.model.rowCount() == 0
    with Vault.open(tmp_path / "other-computer", PASSPHRASE, cache_root=tmp_path / "c2") as other:
        record = other.add_document(
            DATA / "images/lab-report-scan.png", category="lab-result", title="From the laptop"
        )
    for folder in ("documents", "records", "texts"):  # what the sync tool copies across
        for file in (tmp_path / "other-computer" / folder).glob("*.age"):
            shutil.copy2(file, tmp_path / "v" / folder / file.name)
    assert window.session.check_external_changes()
    assert window.documents.model.row_of(record.id) >= 0
    assert "another computer" in window.statusBar().currentMessage()
    assert not window.session.check_external_changes()  # nothing new since
    window.lock()


def test_the_app_own_writes_are_not_announced_as_another_computer(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a person, importing and a second program on this computer: each says what is true."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Mary",
        "sister",
        ["medical"],
        can_edit=True,
        passphrase="mary's own words",
        work_factor=TEST_WORK_FACTOR,
    )
    vault.close()
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    window.statusBar().clearMessage()
    add_family_member(qtbot, window, monkeypatch)  # the app's own write: people, keyrings
    window.session.vault.add_document(
        DATA / "images/lab-report-scan.png", category="lab-result", title="Mine"
    )
    window.statusBar().clearMessage()
    assert not window.session.check_external_changes()
    assert window.statusBar().currentMessage() == ""
    with Vault.open(tmp_path / "v", PASSPHRASE, cache_root=tmp_path / "c2") as cli:  # another program
        cli.add_document(
            text_pdf(tmp_path / "a.pdf", [["Clinic note (fictional)"]]), category="clinical-note"
        )
        cli.add_document(
            text_pdf(tmp_path / "b.pdf", [["Scan report (fictional)"]]), category="imaging-report"
        )
    assert window.session.check_external_changes()
    message = window.statusBar().currentMessage()
    assert message == "2 records added on another computer or from the command line.", message
    with Vault.open(tmp_path / "v", "mary's own words", cache_root=tmp_path / "c3") as mary:
        rid = next(r.id for r in mary.records() if r.category == "clinical-note")
        mary.update_metadata(rid, title="Clinic note, June")
    assert window.session.check_external_changes()
    assert window.statusBar().currentMessage() == "1 record changed by Mary.", (
        window.statusBar().currentMessage()
    )
    window.lock()


def test_compare_and_choose_between_two_computers(
    qtbot, window: MainWindow, tmp_path: Path, clock: FakeClock
) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    rid = vault.add_document(
        DATA / "images/lab-report-scan.png", category="lab-result", title="Blood count"
    ).id
    vault.close()
    shutil.copytree(tmp_path / "v", tmp_path / "laptop")
    with Vault.open(tmp_path / "v", PASSPHRASE, cache_root=tmp_path / "ca") as desk:
        desk.clock = clock
        desk.update_metadata(rid, title="Blood count (desk)")
    clock.advance()  # the laptop's change is the newer
    with Vault.open(tmp_path / "laptop", PASSPHRASE, cache_root=tmp_path / "cb") as laptop:
        laptop.clock = clock
        laptop.update_metadata(rid, title="Blood count (laptop)")
    shutil.copy2(
        tmp_path / "laptop" / "records" / f"{rid}.age",
        tmp_path / "v" / "records" / f"{rid}.sync-conflict-20261127-124501-7XKQ3ZB.age",
    )
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    assert "two computers" in window.statusBar().currentMessage()
    window.conflicts_action.trigger()
    dialog = window.conflicts_dialog
    assert dialog.records.count() == 1 and dialog.table.columnCount() == 2
    titles = [dialog.table.item(0, c).text() for c in range(2)]
    assert sorted(titles) == ["Blood count (desk)", "Blood count (laptop)"]
    assert dialog.table.item(0, 0).font().bold()  # the difference is marked
    older = next(c for c in range(2) if dialog.table.item(0, c).text() == "Blood count (desk)")
    qtbot.mouseClick(dialog.keep_buttons[older], Qt.MouseButton.LeftButton)
    assert dialog.records.count() == 0 and "desk" in dialog.message.text()
    assert window.session.vault.get(rid).title == "Blood count (desk)"
    assert window.session.vault.conflicts() == {}
    dialog.reject()
    window.lock()


def test_change_my_passphrase_from_the_menu(qtbot, window: MainWindow, tmp_path: Path) -> None:
    Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR).close()
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    window.passwd_action.trigger()
    dialog = window.passphrase_dialog
    assert dialog.windowTitle() == "Change my passphrase"
    qtbot.keyClicks(dialog.pass_edit, "a whole new passphrase")
    qtbot.keyClicks(dialog.again_edit, "a whole new passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    window.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "v", PASSPHRASE)
    Vault.open(tmp_path / "v", "a whole new passphrase").close()
