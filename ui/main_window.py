"""The main window: welcome, unlock and the unlocked sections; menus, status bar, locking.

Long on purpose: the menus, locking and the window's own commands (kit, demo, check) share one session."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QWidget,
)

from mbc_vault.scrub import release_freed_memory
from mbc_vault.vault import NotAVault, Vault, read_marker

from .errors import describe_problem
from .file_dialogs import choose_folder
from .guide_dialog import GuideDialog
from .i18n import QT_TRANSLATE_NOOP
from .idle import IdleWatcher
from .keyboard import enter_presses
from .reflow import CurrentPageStack, SectionList, fit_all_headers, fit_to_screen
from .settings import AppSettings, default_vault_path, demo_vault_path, former_default_vault_path
from .unlock import ChoosePassphraseDialog, UnlockScreen
from .welcome import WelcomeScreen
from .widgets import ScopeGate, application, ask_save_path, tell, visible_scopes
from .workers import TaskWorker, keep_until_done, start

if TYPE_CHECKING:  # pragma: no cover
    from mbc_vault.search import SearchHit

    from .sections.documents import DocumentsSection
    from .sections.overview import OverviewSection
    from .session import VaultSession


@dataclass(frozen=True)
class Section:
    """One section of the vault screen: a row of SECTIONS."""

    key: str  # the window's attribute (window.labs)
    make: Callable[[QUndoStack, QWidget], QWidget]
    scope: str | None  # someone not given this scope sees a "not shared with you" note
    shortcut: str | None  # in the View menu
    label: str  # in the sidebar: a QT_TRANSLATE_NOOP string of the MainWindow context
    menu: str  # in the View menu, with its accelerator
    entries: bool = True  # an entry section (the overview and documents are not)


def _entries(cls: str) -> Callable[[QUndoStack, QWidget], QWidget]:
    """An entry section's maker; its module ("labs:LabsSection", in ui.sections) is imported when it
    is first made, at the first unlock, so the unlock screen shows without it."""
    return lambda undo_stack, parent: _section_class(cls)(undo_stack, parent)


def _plain(cls: str) -> Callable[[QUndoStack, QWidget], QWidget]:
    return lambda _, parent: _section_class(cls)(parent)


def _section_class(where: str) -> Any:
    module, _, name = where.partition(":")
    return getattr(importlib.import_module(f".{module}", __package__), name)


# the sections, in the order of the sidebar and the View menu
SECTIONS = (
    Section("overview", _plain("sections.overview:OverviewSection"), None, "Ctrl+1",
            QT_TRANSLATE_NOOP("MainWindow", "Overview"),
            QT_TRANSLATE_NOOP("MainWindow", "&Overview"), entries=False),
    Section("documents", _entries("sections.documents:DocumentsSection"), None, "Ctrl+2",
            QT_TRANSLATE_NOOP("MainWindow", "Documents"),
            QT_TRANSLATE_NOOP("MainWindow", "&Documents"), entries=False),
    Section("cancer", _entries("sections.cancer:CancerSection"), "medical", "Ctrl+3",
            QT_TRANSLATE_NOOP("MainWindow", "My cancer"),
            QT_TRANSLATE_NOOP("MainWindow", "&My cancer")),
    Section("treatment", _entries("sections.treatment:TreatmentSection"), "medical", "Ctrl+4",
            QT_TRANSLATE_NOOP("MainWindow", "Treatment"),
            QT_TRANSLATE_NOOP("MainWindow", "&Treatment")),
    Section("symptoms", _entries("sections.symptoms:SymptomsSection"), "medical", "Ctrl+5",
            QT_TRANSLATE_NOOP("MainWindow", "Symptoms"),
            QT_TRANSLATE_NOOP("MainWindow", "S&ymptoms")),
    Section("labs", _entries("sections.labs:LabsSection"), "medical", "Ctrl+6",
            QT_TRANSLATE_NOOP("MainWindow", "Tumor markers and labs"),
            QT_TRANSLATE_NOOP("MainWindow", "&Labs")),
    Section("appointments", _entries("sections.appointments:AppointmentsSection"), "care", "Ctrl+7",
            QT_TRANSLATE_NOOP("MainWindow", "Appointments"),
            QT_TRANSLATE_NOOP("MainWindow", "&Appointments")),
    Section("care_team", _entries("sections.care_team:CareTeamSection"), "care", "Ctrl+8",
            QT_TRANSLATE_NOOP("MainWindow", "Care team"),
            QT_TRANSLATE_NOOP("MainWindow", "&Care team")),
    Section("legal", _entries("sections.legal:LegalSection"), "legal", "Ctrl+9",
            QT_TRANSLATE_NOOP("MainWindow", "Legal and planning"),
            QT_TRANSLATE_NOOP("MainWindow", "Le&gal and planning")),
    Section("people", _entries("sections.people_to_tell:PeopleToTellSection"), "care", None,
            QT_TRANSLATE_NOOP("MainWindow", "People to tell"),
            QT_TRANSLATE_NOOP("MainWindow", "&People to tell")),
    Section("priorities", _entries("sections.priorities:PrioritiesSection"), "care", None,
            QT_TRANSLATE_NOOP("MainWindow", "My care priorities"),
            QT_TRANSLATE_NOOP("MainWindow", "My care pr&iorities")),
    Section("trials", _entries("sections.trials:TrialsSection"), "medical", None,
            QT_TRANSLATE_NOOP("MainWindow", "Clinical trials"),
            QT_TRANSLATE_NOOP("MainWindow", "Clinical t&rials")),
    Section("history", _entries("sections.history:HistorySection"), "medical", None,
            QT_TRANSLATE_NOOP("MainWindow", "Health history"),
            QT_TRANSLATE_NOOP("MainWindow", "H&ealth history")),
    Section("sharing", _plain("sharing.section:SharingSection"), None, None,
            QT_TRANSLATE_NOOP("MainWindow", "People and sharing"),
            QT_TRANSLATE_NOOP("MainWindow", "People and s&haring")),
)  # fmt: skip
#: the section that shows each kind of entry (and a question of a question list), for search hits
SECTION_OF_KIND = {
    "diagnosis": "cancer",
    "metastasis": "cancer",
    "biopsy": "cancer",
    "treatment-line": "treatment",
    "medication": "treatment",
    "symptom": "symptoms",
    "lab-value": "labs",
    "clinical-trial": "trials",
    "appointment": "appointments",
    "question-list": "appointments",
    "question": "appointments",
    "contact": "care_team",
    "person-to-tell": "people",
    "care-priorities": "priorities",
    "legal-item": "legal",
    "patient-details": "history",
    "allergy": "history",
    "condition": "history",
    "procedure": "history",
    "radiation": "history",
    "immunization": "history",
    "visit": "history",
}
#: what _make_sections sets on the window
_MADE_WITH_SECTIONS = frozenset({spec.key for spec in SECTIONS} | {"gates", "entry_sections"})


class MainWindow(QMainWindow):
    """Switches between the welcome, unlock and vault screens."""

    overview: OverviewSection
    documents: DocumentsSection

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.session: VaultSession | None = None
        self.vault_path: Path | None = None
        self._clipboard_text: str | None = None
        self._base_point_size = max(11.0, QApplication.font().pointSizeF())
        self.apply_text_scale(self.settings.text_scale())
        self._workers: set[TaskWorker] = set()
        self.setWindowTitle("")  # the system shows the application's display name, "MBC Vault"
        fit_to_screen(self, 1200, 780)
        self.undo_stack = QUndoStack(self)

        self.stack = CurrentPageStack(self, preferred_height=True)
        self.welcome = WelcomeScreen(self)
        self.unlock_screen = UnlockScreen(self.settings, self)
        self.vault_screen = QWidget(self)
        self.sidebar = SectionList(self.vault_screen)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setAccessibleDescription(
            self.tr("The arrow keys choose a section; Tab moves into it. Ctrl+1 to Ctrl+9 go straight there.")
        )
        self.sections = CurrentPageStack(self.vault_screen)
        self._sections_made = False  # the sections are made at the first unlock (_make_sections)
        for spec in SECTIONS:
            self.sidebar.addItem(self.tr(spec.label))
        self._size_sidebar()
        self.sidebar.currentRowChanged.connect(self.sections.setCurrentIndex)
        self.sidebar.currentRowChanged.connect(self._reload_chosen_section)
        row = QHBoxLayout(self.vault_screen)
        row.setContentsMargins(0, 0, 0, 0)
        # a section larger than the window (200 % text on a small screen) scrolls instead of widening it
        self.section_scroller = QScrollArea(self.vault_screen)
        self.section_scroller.setWidgetResizable(True)
        self.section_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.section_scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop; it follows the focus
        self.section_scroller.setWidget(self.sections)
        self.section_scroller.viewport().setAutoFillBackground(False)
        self.sidebar.currentRowChanged.connect(lambda _: self._fit_sidebar())
        row.addWidget(self.sidebar)
        row.addWidget(self.section_scroller, 1)
        for screen in (self.welcome, self.unlock_screen, self.vault_screen):
            self.stack.addWidget(screen)
        # the welcome and unlock screens scroll when 200 % text makes them taller than the screen
        self.screen_scroller = QScrollArea(self)
        self.screen_scroller.setWidgetResizable(True)
        self.screen_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.screen_scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop; it follows the focus
        self.screen_scroller.setWidget(self.stack)
        self.screen_scroller.viewport().setAutoFillBackground(False)
        self.setCentralWidget(self.screen_scroller)
        enter_presses(*self.stack.findChildren(QPushButton))  # Enter presses the focused button, as Space

        self.who = QLabel(self)
        self.who.setAccessibleName(self.tr("Who is signed in"))
        self.statusBar().addPermanentWidget(self.who)

        self.welcome.create_requested.connect(self.create_vault)
        self.welcome.open_shared_requested.connect(self.choose_vault_folder)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_chosen.connect(lambda path: self.show_unlock(Path(path)))
        self.unlock_screen.unlocked.connect(self._unlocked)
        self.unlock_screen.back_requested.connect(self.show_welcome)

        self.idle = IdleWatcher(self.settings.idle_minutes(), self)
        self.idle.idle.connect(self.lock_after_idle)
        application().installEventFilter(self.idle)
        self._build_menus()
        self.start()

    def _make_sections(self) -> None:
        """Make the vault screen's sections (once): at the first unlock, or when one is first asked
        for, so that starting the app imports and builds only what the unlock screen needs."""
        if self._sections_made:
            return
        self._sections_made = True
        # sections of one scope show "This part was not shared with you" to someone without it
        self.gates: dict[QWidget, ScopeGate] = {}
        self.entry_sections: list[QWidget] = []
        for spec in SECTIONS:
            section = spec.make(self.undo_stack, self)
            setattr(self, spec.key, section)
            if spec.entries:
                self.entry_sections.append(section)
            if spec.scope is not None:
                self.gates[section] = ScopeGate(section, spec.scope, self)
            status = getattr(section, "status_message", None)
            if status is not None:
                status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.sections.addWidget(self.gates.get(section, section))
        self.overview.import_requested.connect(self._import)
        self.overview.search_requested.connect(self.find_records)
        self.overview.record_chosen.connect(self._open_record)
        self.documents.entry_requested.connect(self.open_hit)
        enter_presses(*self.sections.findChildren(QPushButton))  # as for the screens (__init__)

        fit_all_headers(self)
        # the preview's share of the documents screen, as the person left it (a number, no names)
        self.documents.splitter.set_share(self.settings.pane_share("documents_preview", 0.5))
        self._fit_sidebar()

    def _fill_columns_menu(self, menu: QMenu) -> None:
        """View › Document columns: the documents table's column choices (its header's right-click
        menu), added when the menu first opens, so that building the menus does not make the sections."""
        if not menu.actions():
            menu.addActions(self.documents.table.horizontalHeader().actions())

    def __getattr__(self, name: str) -> Any:
        """A section (window.labs), `gates` or `entry_sections` asked for before the first unlock:
        the sections are made then."""
        if name in _MADE_WITH_SECTIONS and not self.__dict__.get("_sections_made", True):
            self._make_sections()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # menus ----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&New vault…"), self.create_vault, QKeySequence.StandardKey.New)
        )
        file_menu.addAction(
            self._action(self.tr("&Open vault…"), self.choose_vault_folder, QKeySequence.StandardKey.Open)
        )
        self.import_action = self._action(self.tr("&Import documents…"), self._import, "Ctrl+I")
        file_menu.addAction(self.import_action)
        self.portal_action = self._action(
            self.tr("Import &records from a patient portal…"), self.import_portal_records
        )
        file_menu.addAction(self.portal_action)
        file_menu.addAction(self._action(self.tr("Explore a &demo vault"), self.open_demo))
        file_menu.addSeparator()
        self.symptom_action = self._action(self.tr("Log a s&ymptom…"), self.log_symptom, "Ctrl+Shift+S")
        file_menu.addAction(self.symptom_action)
        self.packet_action = self._action(
            self.tr("Second-opinion &packet…"), self.open_packet_wizard, "Ctrl+Shift+P"
        )
        file_menu.addAction(self.packet_action)
        self.ips_action = self._action(
            self.tr("E&xport as an International Patient Summary (IPS)…"), self.export_ips
        )
        file_menu.addAction(self.ips_action)
        self.kit_action = self._action(self.tr("Save my &emergency kit…"), self.save_emergency_kit)
        file_menu.addAction(self.kit_action)
        self.lock_action = self._action(self.tr("&Lock now"), self.lock, "Ctrl+L")
        file_menu.addAction(self.lock_action)
        self.passwd_action = self._action(self.tr("Change my passp&hrase…"), self.change_passphrase)
        file_menu.addAction(self.passwd_action)
        file_menu.addAction(
            self._action(self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Copy title"), self.copy_title, QKeySequence.StandardKey.Copy)
        )
        edit_menu.addAction(self._action(self.tr("&Find…"), self.find_records, QKeySequence.StandardKey.Find))
        self.conflicts_action = self._action(self.tr("Changes from t&wo computers…"), self.show_conflicts)
        edit_menu.addAction(self.conflicts_action)
        self.trash_action = self._action(
            self.tr("Move to &trash"), self._remove_selected, QKeySequence.StandardKey.Delete
        )
        edit_menu.addAction(self.trash_action)
        view_menu = bar.addMenu(self.tr("&View"))
        for spec in SECTIONS:
            view_menu.addAction(
                self._action(
                    self.tr(spec.menu), lambda _=False, k=spec.key: self._go_to_key(k), spec.shortcut
                )
            )
        view_menu.addSeparator()
        # the documents table's columns, also by keyboard (the header's right-click menu has the same)
        columns = view_menu.addMenu(self.tr("Document col&umns"))
        columns.aboutToShow.connect(lambda: self._fill_columns_menu(columns))
        view_menu.addAction(
            self._action(
                self.tr("Larger te&xt"), lambda: self._step_text(25), QKeySequence.StandardKey.ZoomIn
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("&Smaller text"), lambda: self._step_text(-25), QKeySequence.StandardKey.ZoomOut
            )
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            self.tr("&First steps"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self._action(self.tr("&Check vault for damage"), self.check_vault))
        help_menu.addAction(self._action(self.tr("&About MBC Vault"), self.about))
        self._update_state()

    # screens ---------------------------------------------------------------------
    def start(self) -> None:
        """The first screen: the person's own vault last used here (never the demo, which was only
        tried), else their vault where the app suggests it, else the welcome screen."""
        demo = demo_vault_path().resolve()
        recent = [path for path in self.settings.recent_vaults() if Path(path).resolve() != demo]
        places = (default_vault_path(), former_default_vault_path())
        found = [path for path in places if path is not None and _is_vault(path)]
        if recent:
            self.show_unlock(Path(recent[0]))
        elif found:
            self.show_unlock(found[0])
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_vaults())
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.create_btn.setFocus()
        self._update_state()

    def show_unlock(self, path: Path) -> None:
        self.vault_path = path
        self.unlock_screen.set_vault(path)
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.pass_edit.setFocus()
        self._update_state()

    def _unlocked(self, vault: Vault) -> None:
        """From the unlock screen: someone who typed a one-time setup code first chooses their own
        passphrase (the main screen opens once it is saved)."""
        if not getattr(vault.person, "setup_pending", False):
            self.enter_vault(vault)
            return
        dialog = ChoosePassphraseDialog(vault, self)
        self.first_passphrase_dialog: ChoosePassphraseDialog | None = dialog

        def finished(result: int) -> None:
            self.first_passphrase_dialog = None
            if result == ChoosePassphraseDialog.DialogCode.Accepted:
                self.enter_vault(vault)
                self.statusBar().showMessage(self.tr("Your passphrase is saved. Use it from now on."), 8000)
            else:
                vault.close()
                if self.vault_path is not None:
                    self.show_unlock(self.vault_path)
                self.unlock_screen.error.setText(
                    self.tr(
                        "Your setup code still works: choose your own passphrase the next time you unlock."
                    )
                )

        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def enter_vault(self, vault: Vault) -> None:
        self.vault_path = vault.path
        self.settings.add_recent_vault(vault.path)
        from .session import VaultSession

        self._make_sections()
        self.session = VaultSession(vault, self)
        self.session.external_change.connect(lambda text: self.statusBar().showMessage(text, 10000))
        if vault.conflicts():
            self.statusBar().showMessage(
                self.tr(
                    "Some records were changed on two computers: Edit ▸ Changes from "
                    "two computers… to compare them."
                ),
                15000,
            )
        for spec in SECTIONS:
            getattr(self, spec.key).set_session(self.session)
        scopes = visible_scopes(vault)
        for gate in self.gates.values():
            gate.set_scopes(scopes)
        self.session.build_index()
        self.sidebar.setCurrentRow(0)
        self.stack.setCurrentWidget(self.vault_screen)
        self.idle.set_minutes(self.settings.idle_minutes())
        self.idle.start()
        self._update_state()

    def _reload_chosen_section(self, row: int) -> None:
        """The section chosen reloads what changed while it was hidden (SectionPage.reload_stale; its
        showEvent does it too, but a window not on screen gets none)."""
        from .sections.base import SectionPage  # the sections are imported when first made

        page = self.sections.widget(row)
        section = page.section if isinstance(page, ScopeGate) else page
        if isinstance(section, SectionPage):
            section.reload_stale()

    def go_to(self, section: QWidget) -> None:
        if self.session is not None:
            self.sidebar.setCurrentRow(self.sections.indexOf(self.gates.get(section, section)))

    def _go_to_key(self, key: str) -> None:
        """The View menu's section (by its key): only when unlocked, so its menu makes no section."""
        if self.session is not None:
            self.go_to(getattr(self, key))

    def _remove_selected(self) -> None:
        if self._sections_made:  # nothing is selected before the first unlock
            self.documents.remove_selected()

    def _update_state(self) -> None:
        unlocked = self.session is not None
        if unlocked:
            assert self.session is not None
            self.who.setText(self.tr("Signed in as {0} · Unlocked").format(self.session.person_name))
            # the vault's name only: the system adds the app's name ("Jane's records — MBC Vault")
            self.setWindowTitle(self.session.vault.name if self.session.vault else "")
        else:
            self.who.setText(self.tr("Locked"))
            self.setWindowTitle("")  # the system shows the app's name alone
        vault = self.session.vault if self.session is not None else None
        may_edit = vault is not None and vault.person.can_edit  # view only: no commands that are refused
        scopes = visible_scopes(vault) or set()
        self.lock_action.setEnabled(unlocked)
        self.import_action.setEnabled(may_edit)
        self.portal_action.setEnabled(may_edit and "medical" in scopes)  # everything imported is medical
        self.trash_action.setEnabled(may_edit)
        self.symptom_action.setEnabled(may_edit and "medical" in scopes)
        self.conflicts_action.setEnabled(unlocked)
        self.passwd_action.setEnabled(unlocked)
        self.packet_action.setEnabled(unlocked)
        self.ips_action.setEnabled(unlocked)
        self.kit_action.setEnabled(unlocked)

    # actions ---------------------------------------------------------------------
    def lock_after_idle(self) -> None:
        """Auto-lock: lock, and say on the unlock screen why ("Locked after 10 minutes without use.")."""
        if self.session is None:
            return
        minutes = self.settings.idle_minutes()
        self.lock()
        reason = (
            self.tr("Locked after 1 minute without use.")
            if minutes == 1
            else self.tr("Locked after {0} minutes without use.").format(minutes)
        )
        self.unlock_screen.set_reason(reason)

    def lock(self) -> None:
        """Drop every decrypted model, preview and the search index; clear our clipboard text. The vault
        overwrites its keys (Vault.close); once what was dropped is freed (on the next turn of the
        event loop), freed memory is overwritten or given back (scrub.release_freed_memory)."""
        if self.session is None:
            return
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and hasattr(widget, "reject"):
                widget.reject()  # close open dialogs that may show record data
        for spec in SECTIONS:
            getattr(self, spec.key).set_session(None)
        for gate in self.gates.values():
            gate.set_scopes(None)
        self.undo_stack.clear()
        self.session.close()
        # what an import kept out of the collector (VaultSession.freeze_heap) is collected again, by
        # release_freed_memory below, on this thread (Qt objects among it are deleted where they live)
        gc.unfreeze()
        self.session.deleteLater()
        self.session = None
        clipboard = QGuiApplication.clipboard()
        if self._clipboard_text is not None and clipboard.text() == self._clipboard_text:
            clipboard.clear()
        self._clipboard_text = None
        if self.vault_path is not None:
            self.show_unlock(self.vault_path)
        self.statusBar().showMessage(self.tr("Locked. Your records are closed."), 8000)
        self._update_state()
        QTimer.singleShot(0, release_freed_memory)

    def change_passphrase(self) -> None:
        """The person who unlocked changes their own passphrase (their key file only)."""
        if self.session is not None and self.session.vault is not None:
            self.passphrase_dialog = ChoosePassphraseDialog(self.session.vault, self, first_time=False)
            owner = self.session.vault.is_owner
            saved = (
                self.tr(
                    "Your new passphrase is saved. An old copy of your key file opens nothing written "
                    "from now on. Save a new emergency kit (File ▸ Save my emergency kit…): the old "
                    "one holds the old key."
                )
                if owner
                else self.tr(
                    "Your new passphrase is saved. An old copy of your key file opens nothing written "
                    "after the vault's owner next opens the vault. Save a new emergency kit (File ▸ "
                    "Save my emergency kit…): the old one holds the old key."
                )
            )
            self.passphrase_dialog.accepted.connect(lambda: self.statusBar().showMessage(saved, 15000))
            self.passphrase_dialog.open()

    def show_conflicts(self) -> None:
        """Compare and choose between versions of records changed on two computers."""
        if self.session is not None:
            from .conflicts_dialog import ConflictsDialog

            self.conflicts_dialog = ConflictsDialog(self.session, self)
            self.conflicts_dialog.open()

    def log_symptom(self) -> None:
        """Log a symptom from anywhere in the app (Ctrl+Shift+S)."""
        if self.session is not None:
            from .forms.symptom_dialog import QuickSymptomDialog

            QuickSymptomDialog.ask(self.session, self)

    def open_packet_wizard(self) -> None:
        """Build a second-opinion packet (Ctrl+Shift+P); the wizard is window-modal, not blocking."""
        from .packet.wizard import PacketWizard

        if self.session is not None:
            self.packet_wizard = PacketWizard(self.session, self)
            self.packet_wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.packet_wizard.open()

    def copy_title(self) -> None:
        record = self.documents.selected_record()
        if record is not None:
            self._clipboard_text = record.title
            QGuiApplication.clipboard().setText(record.title)

    def find_records(self) -> None:
        if self.session is not None:
            self.go_to(self.documents)
            self.documents.focus_search()

    def open_hit(self, hit: SearchHit) -> None:
        """Go to the section of a search hit's entry and choose its row (a question: its appointment,
        list and question); a packet's hit opens the packet wizard, which starts from it."""
        if self.session is None:
            return
        if hit.kind == "packet":
            self.open_packet_wizard()
            return
        key = SECTION_OF_KIND.get(hit.kind)
        if key is None:
            return
        section = getattr(self, key)
        self.go_to(section)
        section.show_entry(hit.kind, hit.id, hit.item)

    def _import(self) -> None:
        if self.session is not None:
            self.go_to(self.documents)
            self.documents.choose_and_import()

    def import_portal_records(self) -> None:
        """File ▸ Import records from a patient portal…: choose the files, then review and save."""
        from .portal_import_dialog import choose_and_import

        choose_and_import(self, self.session)

    def _open_record(self, record_id: str) -> None:
        self.go_to(self.documents)
        self.documents.select_record(record_id)

    def create_vault(self) -> None:
        if self.session is not None:
            self.lock()
        folder = default_vault_path()
        if _is_vault(folder) or (folder.exists() and any(folder.iterdir())):
            folder = folder.with_name("My new vault")
        from .create_dialog import CreateVaultDialog

        vault = CreateVaultDialog.ask(folder, self)
        if vault is not None:
            self.enter_vault(vault)
            self.offer_emergency_kit()

    # emergency kit -----------------------------------------------------------------
    def offer_emergency_kit(self) -> QMessageBox:
        """Right after a vault is made: offer the kit, without blocking (the owner may say later)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Your emergency kit"),
            self.tr(
                "If you ever forget your passphrase, or this program is not available, an emergency kit lets "
                "you or someone you trust still open your records.\n\n"
                "It is a one-page PDF with your recovery secret in plain text: print it, store the paper "
                "like a will, and delete the file. Anyone with the kit and a copy of the vault folder can "
                "read everything you can read.\n\n"
                "You can also save it later from the File menu."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        save = box.addButton(self.tr("Save my emergency kit…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        save.clicked.connect(self.save_emergency_kit)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.kit_offer = box
        return box

    def ask_kit_path(self) -> str:
        """Where to save the kit ('' if cancelled)."""
        name = self.tr("emergency-kit") + ".pdf"
        return ask_save_path(self, self.tr("Save my emergency kit"), name, "PDF (*.pdf)", caution=None)

    def save_emergency_kit(self) -> None:
        """Write the unlocked person's emergency kit PDF, off the GUI thread."""
        from mbc_vault.kit import write_emergency_kit

        if self.session is None or self.session.vault is None:
            return
        path = self.ask_kit_path()
        if not path:
            return
        self.statusBar().showMessage(self.tr("Saving your emergency kit…"))
        worker = TaskWorker(write_emergency_kit, self.session.vault, path)
        worker.signals.finished.connect(lambda _: self._kit_saved(path))
        worker.signals.failed.connect(
            lambda message: self.tell(self.tr("Could not save the emergency kit"), message, warning=True)
        )
        self._run(worker)

    def export_ips(self) -> None:
        """File ▸ Export as an International Patient Summary (IPS)… (ui/packet/ips.py)."""
        from .packet.ips import IpsExport

        IpsExport(self).run()

    def _kit_saved(self, path: str) -> None:
        self.statusBar().clearMessage()
        self.tell(
            self.tr("Emergency kit saved"),
            self.tr(
                "Your emergency kit is saved to {0}.\n\nIt holds your recovery secret in plain text. Print "
                "it, store the paper like a will (tell someone you trust where it is), then delete the file."
            ).format(path),
        )

    def choose_vault_folder(self) -> None:
        folder = choose_folder(self, self.tr("Choose the vault folder"), str(Path.home()))
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, path: Path) -> None:
        if not _is_vault(path):
            self.tell(
                self.tr("Not a vault"),
                self.tr(
                    "{0} is not an MBC Vault folder. Choose the folder that contains "
                    "vault.json (or MBC-VAULT.json)."
                ).format(str(path)),
            )
            return
        if self.session is not None:
            self.lock()
        self.show_unlock(path)

    def open_demo(self) -> None:
        from mbc_vault.demo import create_demo_vault

        if self.session is not None:
            self.lock()
        path = demo_vault_path()
        if _is_vault(path):
            self.show_unlock(path)
            self.statusBar().showMessage(
                self.tr("The demo vault's passphrase is: {0}").format(self.settings.demo_passphrase() or "?")
            )
            return
        self.statusBar().showMessage(self.tr("Creating the demo vault with fictional records…"))
        worker = TaskWorker(create_demo_vault, path)
        worker.signals.finished.connect(self._demo_ready)
        worker.signals.failed.connect(
            lambda message: self.tell(self.tr("Could not create the demo vault"), message, warning=True)
        )
        self._run(worker)

    def _demo_ready(self, result: tuple[Vault, str]) -> None:
        vault, passphrase = result
        self.statusBar().clearMessage()
        self.settings.set_demo_passphrase(passphrase)
        self.enter_vault(vault)
        self.tell(
            self.tr("Demo vault"),
            self.tr(
                "This vault holds fictional records only. Its passphrase is:\n\n{0}\n\nLook around freely."
            ).format(passphrase),
        )

    def check_vault(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        self.statusBar().showMessage(self.tr("Checking every file of the vault…"))
        worker = TaskWorker(self.session.vault.verify)
        worker.signals.finished.connect(self._checked)
        worker.signals.failed.connect(
            lambda message: self.tell(self.tr("Check failed"), message, warning=True)
        )
        self._run(worker)

    def _checked(self, report: object) -> None:
        problems = getattr(report, "problems", [])
        if not problems:
            self.tell(
                self.tr("Vault check"),
                self.tr("Everything is intact. Records checked: {0}; documents checked: {1}.").format(
                    getattr(report, "records_checked", 0), getattr(report, "documents_checked", 0)
                ),
            )
        else:
            self.tell(
                self.tr("Vault check"),
                self.tr(
                    "Some files are damaged, or were not written by someone allowed to. They are not used, "
                    "and nothing of yours was changed. Restore them from a backup:\n\n"
                )
                + "\n".join(describe_problem(p) for p in problems[:20]),
                warning=True,
            )

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        if SettingsDialog.ask(self.settings, self):
            self.idle.set_minutes(self.settings.idle_minutes())
            if self.session is not None:
                self.idle.start()
            self.apply_text_scale(self.settings.text_scale())

    def _step_text(self, delta: int) -> None:
        self.settings.set_text_scale(self.settings.text_scale() + delta)
        self.apply_text_scale(self.settings.text_scale())

    def apply_text_scale(self, percent: int) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(self._base_point_size * percent / 100)
        QApplication.setFont(font)
        app = application()
        app.setStyleSheet(app.styleSheet())  # re-polish: paddings in em follow the new size
        if hasattr(self, "sidebar"):
            self._size_sidebar()
            fit_all_headers(self)
        if self.__dict__.get("_sections_made"):
            self.documents.size_filters()  # after the re-polish: the style's paddings are in em
        for label in self.findChildren(QLabel):
            factor = label.property("scale")
            if factor:
                big = QFont(font)
                big.setPointSizeF(font.pointSizeF() * float(factor))
                big.setBold(True)
                label.setFont(big)

    def _size_sidebar(self) -> None:
        """Rows and width follow the text size, so no section name is cut off at 200 %."""
        self.sidebar.fit_names()
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """The sidebar is as wide as its names when the section beside it still fits, narrower (names
        on two lines) when it does not."""
        page = self.sections.currentWidget()
        need = page.minimumSizeHint().width() if page is not None else 0
        need = max(need, self.fontMetrics().averageCharWidth() * 70)  # room to read beside the sidebar
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        row = self.vault_screen.layout()
        spacing = max(0, row.spacing()) if row is not None else 0
        self.sidebar.fit_into(self.vault_screen.width() - need - extent - spacing)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if hasattr(self, "sidebar"):
            self._fit_sidebar()

    def show_guide(self) -> GuideDialog:
        """Help › First steps: the short guide, beside the window (one at a time)."""
        guide = getattr(self, "guide", None)
        if not isinstance(guide, GuideDialog):
            guide = self.guide = GuideDialog(self)
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide

    def about(self) -> None:
        self.tell(
            self.tr("About MBC Vault"),
            self.tr(
                "MBC Vault keeps your records encrypted on your own computer. Every file is a standard age "
                "file: see docs/recovery.md to recover them without this program."
            ),
        )

    def tell(self, title: str, text: str, warning: bool = False) -> QMessageBox:
        """A message box that does not block the event loop."""
        return tell(self, title, text, warning=warning)

    def _run(self, worker: TaskWorker) -> None:
        keep_until_done(self._workers, worker)
        start(worker)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._sections_made:
            self.settings.set_pane_share("documents_preview", self.documents.splitter.share())
        self.lock()
        application().removeEventFilter(self.idle)
        super().closeEvent(event)


def _is_vault(path: Path) -> bool:
    try:
        read_marker(path)
        return True
    except (NotAVault, Exception):
        return False
