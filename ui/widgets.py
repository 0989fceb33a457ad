"""Small shared widgets and helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.fsutil import portable_file_name

from .file_dialogs import save_file


def application() -> QApplication:
    """The running QApplication (Qt types instance() as the QCoreApplication it may be, or None)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "no QApplication yet: setup_application() makes it"
    return app


def heading(text: str, parent: QWidget | None = None, factor: float = 1.6) -> QLabel:
    """A large bold label."""
    label = QLabel(text, parent)
    label.setObjectName("heading")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setProperty("scale", factor)  # the window re-applies it when the text size changes
    return label


def note(text: str, parent: QWidget | None = None, name: str = "hint") -> QLabel:
    """A wrapped explanatory label (objectName selects its style: hint, warning, error)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def tell(
    parent: QWidget, title: str, text: str, informative: str = "", *, details: str = "", warning: bool = False
) -> QMessageBox:
    """A message box that does not block the event loop; the parent keeps it in `last_message` for
    tests until it closes."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    setattr(parent, "last_message", box)  # noqa: B010 (any widget may be the parent)
    box.destroyed.connect(lambda *_: _forget(parent, box))
    return box


def _forget(parent: QWidget, box: QMessageBox) -> None:
    if getattr(parent, "last_message", None) is box:
        setattr(parent, "last_message", None)  # noqa: B010


def ask_save_path(
    parent: QWidget,
    title: str,
    default_name: str,
    file_filter: str,
    *,
    caution: str | None = "",
    warning: bool = False,
) -> str:
    """Say that the file will not be encrypted (*caution*, a default sentence when ""; None says nothing),
    then ask where to save it ('' if cancelled). *warning* asks the caution as a Yes/No warning."""
    if caution is not None:
        text = caution or QCoreApplication.translate(
            "CareForms",
            "This file will not be encrypted: anyone who can open your computer's files can read it. "
            "Print or share it, then delete it if you no longer need it.",
        )
        Button = QMessageBox.StandardButton
        icon, yes, no = (
            (QMessageBox.Icon.Warning, Button.Yes, Button.No)
            if warning
            else (QMessageBox.Icon.Information, Button.Ok, Button.Cancel)
        )
        box = QMessageBox(icon, title, text, yes | no, parent)
        agreed = ask(box) is box.button(yes)
        box.deleteLater()
        if not agreed:
            return ""
    suggested = Path.home() / portable_file_name(default_name)  # a title may hold "/" or ":"
    return save_file(parent, title, str(suggested), file_filter)


def columns_follow_scroll(table: QTableView) -> None:
    """Columns that fit their contents (ResizeToContents) are measured again as *table* scrolls. A long
    table's columns are measured on the rows around the view only (resizeContentsPrecision: each cell
    costs Qt 30-65 us), so a wider cell further down would stay cut off when scrolled to. (Not a
    QTableView subclass overriding sizeHintForColumn: every virtual call of a Python subclass checks for
    an override under the GIL, and the section's worst stall after a portal import went 98 to 147 ms.)"""
    timer = QTimer(table, singleShot=True, interval=0)  # on the next turn of the event loop
    header = table.horizontalHeader()
    # each section by its own mode: a stretched last column stays stretched
    timer.timeout.connect(lambda: header.resizeSections())

    def scrolled(*_: object) -> None:
        precision = header.resizeContentsPrecision()  # -1: every row was measured already
        if 0 <= precision < table.model().rowCount():
            timer.start()

    table.verticalScrollBar().valueChanged.connect(scrolled)


#: a table of more rows than this measures only the rows in view (and a few past them) as it scrolls:
#: measuring every row of thousands (a portal import) would hold the app up for seconds
MEASURE_ALL_ROWS = 200


def fit_rows(table: QTableView) -> None:
    """Each row's height to its wrapped text: every row of a short table, the rows in view of a long one."""
    rows = table.model().rowCount()
    if rows <= MEASURE_ALL_ROWS:
        table.resizeRowsToContents()
        return
    first = max(0, table.rowAt(0))
    last = table.rowAt(table.viewport().height() - 1)
    for row in range(first, min(rows, (last if last >= 0 else first + 40) + 10)):
        table.resizeRowToContents(row)


def rows_follow_widths(table: QTableView) -> None:
    """Wrapped text: each row's height follows its columns' widths (also after the window is resized,
    and as a long table scrolls)."""
    table.setStyleSheet("QTableView::item { padding-top: 0.2em; padding-bottom: 0.2em; }")
    timer = QTimer(table, singleShot=True, interval=0)  # on the next turn of the event loop
    timer.timeout.connect(lambda: fit_rows(table))
    table.horizontalHeader().sectionResized.connect(lambda *_: timer.start())
    table.model().modelReset.connect(timer.start)
    table.verticalScrollBar().valueChanged.connect(
        lambda *_: timer.start() if table.model().rowCount() > MEASURE_ALL_ROWS else None
    )
    table.setProperty("rowsTimer", timer)  # keeps a handle for callers: table.property("rowsTimer").start()


def passphrase_strength(text: str) -> tuple[int, str]:
    """A rough 0-3 score and a hint; long passphrases of several words are what we encourage."""
    if not text:
        return 0, QCoreApplication.translate(
            "Passphrase", 'Use four or more unrelated words, e.g. "maple river lantern orchard".'
        )
    classes = sum(
        [
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        ]
    )
    words = len([w for w in text.replace("-", " ").split() if w])
    if len(text) < 10:
        return 0, QCoreApplication.translate(
            "Passphrase", "Too short: at least 10 characters, better four or more words."
        )
    if len(text) >= 20 or (words >= 4 and len(text) >= 16):
        return 3, QCoreApplication.translate("Passphrase", "Strong.")
    if len(text) >= 14 or classes >= 3:
        return 2, QCoreApplication.translate("Passphrase", "Fair. A few more words would make it strong.")
    return 1, QCoreApplication.translate("Passphrase", "Weak. Add more words.")


class ScopeGate(QStackedWidget):
    """Wraps a section of one scope (medical, care, legal): for someone who was not given that scope
    it shows a plain note instead of a section that would only look empty."""

    def __init__(self, section: QWidget, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section, self.scope = section, scope
        self.addWidget(section)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 40, 48, 40)
        self.title = heading(self.tr("This part was not shared with you"), page)
        self.message = note(
            self.tr(
                "The owner of this vault chose which parts you can open, and this one is not among them. "
                "Nothing is missing or broken. If you need it, ask them to share it with you."
            ),
            page,
        )
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.notice = page
        self.addWidget(page)

    def set_scopes(self, scopes: set[str] | None) -> None:
        """None (locked) or a set holding this scope shows the section; otherwise the note."""
        self.setCurrentWidget(self.section if scopes is None or self.scope in scopes else self.notice)

    @property
    def shared(self) -> bool:
        return self.currentWidget() is self.section


def visible_scopes(vault: object) -> set[str] | None:
    """The scopes the unlocked person was given (every scope for the owner); None when locked."""
    if vault is None:
        return None
    person = getattr(vault, "person", None)
    if getattr(vault, "is_owner", False):
        return {"medical", "legal", "care"}
    return set(getattr(person, "scopes", []) or [])


MIN_PASSPHRASE_LENGTH = 10


class PassphrasePair:
    """A new passphrase typed twice, with a strength hint and a "they differ" message, added to a form.

    Shared by creating a vault, choosing one's own passphrase and adding a person."""

    def __init__(
        self, form: QFormLayout, parent: QWidget, *, label: str, again_label: str, name: str, again_name: str
    ) -> None:
        self.pass_edit = QLineEdit(parent)
        self.again_edit = QLineEdit(parent)
        for edit, accessible in ((self.pass_edit, name), (self.again_edit, again_name)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(accessible)
        self.strength = note("", parent)
        self.match = note("", parent, "error")
        form.addRow(label, self.pass_edit)
        form.addRow("", self.strength)
        form.addRow(again_label, self.again_edit)
        form.addRow("", self.match)

    def check(self) -> bool:
        """Update the hint and the message; True when long enough and typed the same twice."""
        first, again = self.pass_edit.text(), self.again_edit.text()
        self.strength.setText(passphrase_strength(first)[1])
        same = first == again
        self.match.setText(
            ""
            if same or not again
            else QCoreApplication.translate("Passphrase", "The two passphrases differ.")
        )
        return len(first) >= MIN_PASSPHRASE_LENGTH and same


def ask(box: QMessageBox) -> QAbstractButton | None:
    """Ask a question built in a QMessageBox, modally; the button the person clicked (None if closed).
    The one seam for questions: tests patch this function to answer them."""
    box.exec()
    return box.clickedButton()


def ask_to_widen(parent: QWidget, title: str, text: str, details: str) -> QMessageBox:
    """Ask before a category change lets someone new see a record or file: a real QMessageBox with
    "Change it and let them see it" and "Keep as it was" (the default, and what Esc does).
    Returns the box after it was answered; `allowed(box)` says what the person chose."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(
        details + " " + QCoreApplication.translate("Widening", "“Keep as it was” changes nothing.")
    )
    allow = box.addButton(
        QCoreApplication.translate("Widening", "Change it and let them see it"),
        QMessageBox.ButtonRole.YesRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("Widening", "Keep as it was"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setProperty("allow_button", allow)
    ask(box)
    return box


def allowed(box: QMessageBox) -> bool:
    return box.clickedButton() is box.property("allow_button")


class DialogFooter(QWidget):
    """The foot of a dialog: a progress bar while work runs, a line for a problem, and the buttons.

    With *accept* the buttons are Cancel and Save (or *accept_text*, the default button); without it a
    single Close; *cancel* replaces the dialog's reject for them. *busy* is the bar's accessible name,
    *line* the style of the line (error, hint)."""

    def __init__(
        self,
        dialog: QDialog,
        accept: Callable[[], None] | None = None,
        *,
        accept_text: str = "",
        busy: str = "",
        error_hidden: bool = True,
        line: str = "error",
        cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(dialog)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.busy = QProgressBar(self)  # hidden until working(); range 0-0: busy, not counting
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(busy)
        layout.addWidget(self.busy)
        self.error = note("", self, line)
        self.error.setVisible(not error_hidden)
        layout.addWidget(self.error)
        Button = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(self)
        self.accept_btn: QPushButton | None = None
        self.cancel_btn = self.buttons.addButton(Button.Cancel if accept is not None else Button.Close)
        if accept is not None and accept_text:
            self.accept_btn = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.accept_btn.setDefault(True)
            self.accept_btn.setAccessibleName(accept_text)
        elif accept is not None:
            self.accept_btn = self.buttons.addButton(Button.Save)
        if accept is not None:
            self.buttons.accepted.connect(accept)
        self.buttons.rejected.connect(cancel or dialog.reject)
        layout.addWidget(self.buttons)

    @property
    def save_btn(self) -> QPushButton:
        """The accept button (Save, or the dialog's own word for it)."""
        assert self.accept_btn is not None, "a footer without accept has only Close"
        return self.accept_btn

    def working(self) -> None:
        """Work started: show the bar, clear the line, disable the accept button."""
        self.busy.setVisible(True)
        self.error.setText("")
        if self.accept_btn is not None:
            self.accept_btn.setEnabled(False)

    def done(self, problem: str = "") -> None:
        """Work ended: hide the bar; *problem* (if any) on the line."""
        self.busy.setVisible(False)
        if problem:
            self.error.setText(problem)
