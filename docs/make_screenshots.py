"""Write screenshots of the main screens to docs/screenshots/ (used by the README).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--lang es] [--sizes]
--sizes also saves the welcome screen, overview, documents, labs, the import dialog and the packet
wizard's pages at 1024×700 (100, 150, 200 % text), 1280×800 (200 %) and 1400×900 (100 %), as
fit-<width>x<height>-<percent>-<section>.png, and the dialogs at the first four sizes
(fit-…-dialog-<name>.png), to check that they fit.
It uses a fresh demo vault of fictional records in a temporary folder; settings and caches
go to temporary folders too, so nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--sizes", action="store_true", help="also the screens at each size and text scale")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mbc-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "MBC_VAULT_CACHE_DIR"):
        os.environ[var] = str(tmp / var.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from pdfmaker_for_docs import sample_incoming
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mbc_vault.demo import create_demo_vault
    from ui.app import load_translations, setup_application
    from ui.create_dialog import CreateVaultDialog
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = setup_application(["screenshots"])
    if args.lang != "en":
        load_translations(app, args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(condition, limit_ms: int = 30_000) -> None:  # type: ignore[no-untyped-def]
        waited = 0
        while not condition() and waited < limit_ms:
            wait(50)
            waited += 50

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1280, 820)
    window.show()
    wait(300)
    save(window, "01-welcome")
    #: (text scale, width, height) of the screens saved with --sizes
    sizes = ((100, 1024, 700), (150, 1024, 700), (200, 1024, 700), (200, 1280, 800), (100, 1400, 900))
    if args.sizes:
        for scale, width, height in sizes:
            window.apply_text_scale(scale)
            window.resize(width, height)
            wait(300)
            save(window, f"fit-{width}x{height}-{scale}-welcome")
        window.apply_text_scale(100)
        window.resize(1280, 820)

    create = CreateVaultDialog(tmp / "My vault", window)
    create.name_edit.setText("Jane Example")
    create.pass_edit.setText("maple river lantern")
    create.again_edit.setText("maple river lantern")
    create.show()
    wait(200)
    save(create, "02-create-vault")
    create.close()

    vault, passphrase = create_demo_vault(tmp / "Demo vault", work_factor=14)
    window.enter_vault(vault)
    until(lambda: window.session is not None and window.session.index is not None)
    wait(300)
    save(window, "03-overview")
    window.go_to(window.documents)
    window.documents.table.selectRow(0)
    preview = window.documents.preview
    until(lambda: preview.stack.currentWidget() is preview.page_view and bool(preview.page_view._images))
    wait(500)
    save(window, "04-documents")
    window.documents.search_edit.setText("cribriform")
    until(lambda: bool(window.documents.results.hits))
    window.documents.results.setCurrentRow(0)
    until(lambda: preview.current_pdf_page() == 2 and 2 in preview.page_view._images)
    wait(500)
    save(window, "05-search")
    # the whole care record: a question of an appointment, a symptom, a medication (issue 12)
    window.documents.search_edit.setText("rash")
    until(lambda: any(hit.kind == "question" for hit in window.documents.results.hits))
    window.documents.results.setCurrentRow(1)
    wait(500)
    save(window, "05-search-care-record")
    window.documents.search_edit.setText("pathalogy")  # a typo: "Did you mean pathology?"
    until(lambda: bool(window.documents.results.suggestion))
    wait(300)
    save(window, "05-search-did-you-mean")
    window.documents.search_edit.clear()
    for number, (section, name) in enumerate(
        (
            (window.cancer, "my-cancer"),
            (window.treatment, "treatment"),
            (window.symptoms, "symptoms"),
            (window.labs, "labs"),
            (window.appointments, "appointments"),
            (window.legal, "legal"),
        ),
        8,
    ):
        window.go_to(section)
        wait(600)
        save(window, f"{number:02d}-{name}")
    if args.sizes:
        for scale, width, height in sizes:
            window.apply_text_scale(scale)
            window.resize(width, height)
            for section, name in (
                (window.overview, "overview"),
                (window.documents, "documents"),
                (window.labs, "labs"),
            ):
                window.go_to(section)
                wait(300)
                save(window, f"fit-{width}x{height}-{scale}-{name}")
        window.apply_text_scale(100)
        window.resize(1280, 820)
        dialog_shots(window, tmp, save, wait)
    window.go_to(window.documents)
    # a photographed lab report (fictional, from the tests' data), shown as an image
    photo = vault.add_document(
        ROOT / "tests" / "data" / "images" / "lab-report-photo.jpg",
        category="lab-result",
        title="Lab report (photo)",
        date="2026-11-20",
    )
    assert window.session is not None
    window.session.record_added(photo)
    window.documents.select_record(photo.id)
    until(lambda: preview.stack.currentWidget() is preview.page_view and bool(preview.page_view._images))
    wait(500)
    save(window, "14-image-preview")
    dialog = window.documents.import_paths([str(p) for p in sample_incoming(tmp / "incoming")])
    assert dialog is not None
    until(lambda: dialog.import_btn.isEnabled())
    wait(300)
    save(dialog, "06-import")
    if args.sizes:  # the import dialog and each packet wizard page at each size
        for scale, width, height in sizes:
            window.apply_text_scale(scale)
            dialog.resize(min(width, 1250), min(height, dialog.height()))
            wait(300)
            save(dialog, f"fit-{width}x{height}-{scale}-import")
            window.packet_action.trigger()
            wizard = window.packet_wizard
            wizard.resize(min(width, wizard.width()), min(height, wizard.height()))
            for number, _ in enumerate(wizard.pageIds()):
                wait(300)
                save(wizard, f"fit-{width}x{height}-{scale}-packet-{number + 1}")
                wizard.next()
            wizard.reject()
        window.apply_text_scale(100)
    dialog.reject()
    # File ▸ Import records from a patient portal…, in its review (fictional and public sample files)
    from ui.portal_import_dialog import open_portal_import

    portal_files = [
        ROOT / "tests" / "data" / "portal" / n for n in ("mcode-breast.json", "IPS-bundle-01.json")
    ]
    portal = open_portal_import(window, window.session, portal_files)
    assert portal is not None
    until(lambda: not portal.working and portal.model is not None)
    portal.tree.expand(portal.model.index(portal.model.kind_row("lab-value"), 0))
    wait(300)
    save(portal, "15-portal-import")
    if args.sizes:
        for scale, width, height in sizes[:4]:
            window.apply_text_scale(scale)
            portal.resize(min(width, portal.width()), min(height, portal.height()))
            wait(300)
            save(portal, f"fit-{width}x{height}-{scale}-portal-import")
        window.apply_text_scale(100)
    portal.reject()
    window.lock()
    wait(300)
    save(window, "07-unlock")
    window.close()
    QApplication.processEvents()
    print(f"demo passphrase was {passphrase}")
    return 0


def dialog_shots(window, tmp: Path, save, wait) -> None:  # type: ignore[no-untyped-def]
    """The dialogs at each size and text scale, as fit-<width>x<height>-<percent>-dialog-<name>.png,
    each made as small as the screen (issue 16: they scroll or wrap, nothing is cut off)."""
    from ui.create_dialog import CreateVaultDialog
    from ui.edit_dialog import EditRecordDialog
    from ui.forms.lab_dialog import LabValueDialog
    from ui.forms.symptom_dialog import QuickSymptomDialog
    from ui.sections.entry_list import EntryListBox
    from ui.settings_dialog import SettingsDialog
    from ui.sharing.dialogs import AddPersonDialog, ChangeAccessDialog, RemovePersonDialog, SetupCodeDialog

    session = window.session
    box = next(b for b in window.findChildren(EntryListBox) if b.store(session) is not None)
    makers = {
        "create": lambda: CreateVaultDialog(tmp / "My vault", window),
        "settings": lambda: SettingsDialog(window.settings, window),
        "edit": lambda: EditRecordDialog(session.vault.records()[0], window),
        "add-person": lambda: AddPersonDialog(session, window),
        "setup-code": lambda: SetupCodeDialog("Mary Example", "ABCD-EFGH-JKLM-NPQR", window),
        "change-access": lambda: ChangeAccessDialog("Mary Example", ["legal", "care"], False, window),
        "remove-person": lambda: RemovePersonDialog("Mary Example", window),
        "lab-value": lambda: LabValueDialog(session, window),
        "symptom": lambda: QuickSymptomDialog(session, window, symptom="pain"),
        "form": lambda: box.form_class(
            box.title(),
            box.new_model(),
            box.fields(),
            box.store(session),
            documents=box._documents(),
            parent=box,
        ),
    }
    for scale, width, height in ((100, 1024, 700), (150, 1024, 700), (200, 1024, 700), (200, 1280, 800)):
        window.apply_text_scale(scale)
        for name, make in makers.items():
            dialog = make()
            dialog.show()
            dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
            wait(150)
            save(dialog, f"fit-{width}x{height}-{scale}-dialog-{name}")
            dialog.reject()
            dialog.deleteLater()
    window.apply_text_scale(100)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
