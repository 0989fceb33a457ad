"""Step 5 of the packet wizard: build the packet and look it over before saving it.

The packet is built in memory (mbc_vault.packet.build_packet_bytes: the PDF worker streams it into
a BytesIO), shown page by page as the preview's worker draws it (ui/preview.py), and written where
the person chooses only when they press "Save packet…" (a private file, 0600). Closing the wizard
or locking drops it. The same on every platform: no temporary file, no RAM folder.
Long on purpose: building, previewing and saving share the one packet in memory and its clean-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mbc_vault.errors import Cancelled, VaultError
from mbc_vault.fsutil import atomic_write_private_bytes, portable_file_name
from mbc_vault.packet import (
    PACKET_KIND,
    DocumentProblem,
    PacketChoices,
    PacketProblems,
    PacketResult,
    build_packet_bytes,
    packet_size,
)
from mbc_vault.records import Record
from ui.vocab_labels import progress_text  # absolute: this module moves into ui/packet/

from ..errors import describe
from ..file_dialogs import save_file
from ..preview import PreviewPane
from ..reflow import scroll_body
from ..session import VaultSession
from ..widgets import heading, note
from ..workers import TaskWorker, start
from . import STEPS


@dataclass
class BuildOutcome:
    result: PacketResult | None = None
    data: bytes | None = None  # the finished packet, in memory only
    problems: list[DocumentProblem] | None = None
    cancelled: bool = False


def run_build(vault: Any, choices: PacketChoices, progress: Any = None, cancel: Any = None) -> BuildOutcome:
    """build_packet_bytes for a worker: problems and cancelling come back as outcomes, not error text."""
    try:
        result, data = build_packet_bytes(vault, choices, progress, cancel)
    except PacketProblems as exc:
        return BuildOutcome(problems=exc.problems)
    except Cancelled:
        return BuildOutcome(cancelled=True)
    return BuildOutcome(result=result, data=data)


class BuildPage(QWizardPage):
    """Build the packet in the background, look it over, then save it where the person chooses."""

    def __init__(
        self, session: VaultSession, choices: Callable[[], PacketChoices], parent: QWidget | None = None
    ) -> None:
        """*choices* gives what the earlier steps chose (the wizard's PacketWizard.choices)."""
        super().__init__(parent)
        self.session, self.choices = session, choices
        self.worker: TaskWorker | None = None
        self.result: PacketResult | None = None
        self._choices: PacketChoices | None = None
        self._data: bytes | None = None
        self.saved_path: str = ""
        layout = scroll_body(self)  # at 200 % text on a small screen the page scrolls
        layout.addWidget(
            heading(self.tr("Step {0} of {1}: build and look it over").format(5, STEPS), self, 1.5)
        )
        self.summary = note("", self)
        layout.addWidget(self.summary)
        self.size_warning = note("", self, "warning")  # a very large packet: said before building
        self.size_warning.setAccessibleName(self.tr("Very large packet"))
        layout.addWidget(self.size_warning)
        button_row = QHBoxLayout()
        self.build_btn = QPushButton(self.tr("B&uild the packet"), self)
        self.build_btn.clicked.connect(lambda: self.start_build(False))
        self.save_btn = QPushButton(self.tr("&Save packet…"), self)
        self.save_btn.setAccessibleName(self.tr("Save the packet where you choose"))
        self.save_btn.clicked.connect(self.save_packet)
        self.save_btn.setEnabled(False)
        button_row.addWidget(self.build_btn)
        button_row.addWidget(self.save_btn)
        button_row.addStretch(1)
        layout.addLayout(button_row)
        self.plain_warning = note(
            self.tr(
                "This PDF will not be encrypted: anyone who gets the file can read it. It is written only "
                "where you choose. To protect it for email, go back and set a password."
            ),
            self,
            "warning",
        )
        layout.addWidget(self.plain_warning)

        self.progress_box = QWidget(self)
        progress_row = QHBoxLayout(self.progress_box)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self.progress_box)
        self.progress.setAccessibleName(self.tr("Building progress"))
        self.progress_label = note("", self.progress_box)
        self.cancel_btn = QPushButton(self.tr("Cancel building"), self.progress_box)
        self.cancel_btn.clicked.connect(self.cancel_build)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.cancel_btn)
        layout.addWidget(self.progress_box)

        self.problems_box = QWidget(self)
        problems_layout = QVBoxLayout(self.problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(
            note(
                self.tr(
                    "These documents cannot be included. Nothing was saved yet. Leave them out and build the "
                    "rest, or stop and fix them first (for example, import a clean copy)."
                ),
                self.problems_box,
                "warning",
            )
        )
        self.problems_list = QListWidget(self.problems_box)
        self.problems_list.setAccessibleName(self.tr("Documents that cannot be included"))
        self.problems_list.setWordWrap(True)
        self.problems_list.setMaximumHeight(140)
        problems_layout.addWidget(self.problems_list)
        problem_buttons = QHBoxLayout()
        self.leave_out_btn = QPushButton(self.tr("&Leave them out"), self.problems_box)
        self.stop_btn = QPushButton(self.tr("&Stop"), self.problems_box)
        self.leave_out_btn.clicked.connect(lambda: self.start_build(True))
        self.stop_btn.clicked.connect(self.stop_after_problems)
        problem_buttons.addWidget(self.leave_out_btn)
        problem_buttons.addWidget(self.stop_btn)
        problem_buttons.addStretch(1)
        problems_layout.addLayout(problem_buttons)
        layout.addWidget(self.problems_box)

        self.message = note("", self)
        self.message.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.message)
        self.preview = PreviewPane(self)
        self.preview.show_message(
            self.tr("The packet appears here once it is built, so you can look it over.")
        )
        layout.addWidget(self.preview, 1)
        self.preview.setMinimumHeight(self.fontMetrics().height() * 12)  # a page to look at, scrolled to
        self.progress_box.setVisible(False)
        self.problems_box.setVisible(False)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        choices = self.choices()
        parts = [self.tr("{0} documents").format(len(choices.document_ids))]
        parts.append(self.tr("care summary") if choices.include_summary else self.tr("no care summary"))
        if choices.question_list_id:
            parts.append(self.tr("question list"))
        if choices.include_priorities:
            parts.append(self.tr("care priorities"))
        if choices.materials:
            parts.append(self.tr("materials sheet"))
        parts.append(self.tr("password-protected (AES-256)") if choices.password else self.tr("no password"))
        parts.append(choices.page_size)
        for_whom = ", ".join(x for x in (choices.cover.doctor, choices.cover.center) if x)
        self.summary.setText((self.tr("For {0}: ").format(for_whom) if for_whom else "") + " · ".join(parts))
        self.plain_warning.setVisible(not choices.password)
        self._warn_if_very_large(choices)
        self._update()
        # not Close; tied to the button, so a wizard closed at once does not run it on a deleted button
        QTimer.singleShot(0, self.build_btn, lambda: self.build_btn.setDefault(self.build_btn.isEnabled()))

    def _warn_if_very_large(self, choices: PacketChoices) -> None:
        """Name the biggest documents when the packet would be very large (they may go on anyway)."""
        vault = self.session.vault
        size = packet_size(vault.get(i) for i in choices.document_ids) if vault is not None else None
        self.size_warning.setVisible(size is not None and size.very_large)
        if size is None or not size.very_large:
            self.size_warning.setText("")
            return
        locale = self.locale()

        def mb(count: int) -> str:
            return self.tr("{0} MB").format(locale.toString(max(count, 100_000) / 1_000_000, "f", 1))

        biggest = [
            self.tr("“{0}” (1 page, {1})").format(d.title, mb(d.size))
            if d.pages == 1
            else self.tr("“{0}” ({1} pages, {2})").format(d.title, locale.toString(d.pages), mb(d.size))
            for d in size.biggest
        ]
        self.size_warning.setText(
            self.tr(
                "This packet is very large: {0} pages, {1}. It may be slow to build and too big to "
                "email. The biggest documents: {2}. To leave some out, go back to step 2; or build it "
                "anyway."
            ).format(locale.toString(size.pages), mb(size.size), "; ".join(biggest))
        )

    def cleanupPage(self) -> None:  # noqa: N802 (Qt): going Back
        self.cancel_build()
        self.problems_box.setVisible(False)

    def isComplete(self) -> bool:  # noqa: N802 (Qt): Close is always possible, except while building
        return self.worker is None

    def _update(self) -> None:
        building = self.worker is not None
        self.build_btn.setEnabled(not building)
        self.save_btn.setEnabled(self._data is not None and not building)
        self.build_btn.setDefault(not building and self._data is None)
        self.completeChanged.emit()

    # where to --------------------------------------------------------------------
    def default_file_name(self) -> str:
        cover = self.choices().cover
        words = [self.tr("Second opinion packet")]
        if cover and cover.center:
            words.append(cover.center)
        if cover and cover.date:
            words.append(cover.date)
        return portable_file_name(" - ".join(words) + ".pdf", "packet.pdf")  # a center "A/B: C" too

    def ask_save_path(self) -> str:
        """Test seam: where to write the packet ('' if the person cancelled)."""
        return save_file(
            self,
            self.tr("Save the packet"),
            str(Path.home() / self.default_file_name()),
            self.tr("PDF (*.pdf)"),
        )

    # building --------------------------------------------------------------------
    def start_build(self, leave_out: bool) -> None:
        if self.worker is not None or self.session.vault is None:
            return
        self.drop_packet()
        choices = self.choices()
        choices.skip_problem_documents = leave_out
        self._choices = choices
        self.result = None
        self.preview.show_message(self.tr("Building…"))
        self.problems_box.setVisible(False)
        self.message.setText("")
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Starting…"))
        self.progress_box.setVisible(True)
        self.cancel_btn.setEnabled(True)
        worker = TaskWorker(run_build, self.session.vault, choices)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        self._update()
        start(worker)
        self.cancel_btn.setFocus()

    def _progress(self, done: int, total: int, stage: str, item: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress_label.setText(progress_text(stage, item))

    def cancel_build(self) -> None:
        if self.worker is not None:
            self.worker.cancel.set()
            self.cancel_btn.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping…"))

    def _done(self) -> None:
        self.worker = None
        self.progress_box.setVisible(False)
        self._update()

    def _failed(self, message: str) -> None:
        self._done()
        self.preview.show_message(self.tr("No packet was saved."))
        self.message.setObjectName("error")
        self.message.setText(self.tr("The packet could not be built: {0}").format(message))
        self.message.setStyleSheet("")  # re-polish for the new objectName

    def _finished(self, outcome: BuildOutcome) -> None:
        self._done()
        self.message.setObjectName("hint")
        self.message.setStyleSheet("")
        if outcome.cancelled:
            self.preview.show_message(self.tr("Building stopped. Nothing was saved."))
            self.message.setText(self.tr("Building stopped. Nothing was saved."))
            return
        if outcome.problems:
            self.problems_list.clear()
            for problem in outcome.problems:
                self.problems_list.addItem(
                    self.tr("“{0}”: {1}").format(problem.title, describe(problem.error))
                )
            self.problems_box.setVisible(True)
            self.preview.show_message(self.tr("Nothing was saved yet."))
            self.leave_out_btn.setFocus()
            return
        result = outcome.result
        assert result is not None and outcome.data is not None
        self.result = result
        self.session.entry_saved(PACKET_KIND)
        self.show_result(result, outcome.data)

    def stop_after_problems(self) -> None:
        self.problems_box.setVisible(False)
        self.preview.show_message(self.tr("Stopped. Nothing was saved."))
        self.message.setText(
            self.tr("Stopped. Nothing was saved. You can change the documents on step 2 and build again.")
        )

    def show_result(self, result: PacketResult, data: bytes) -> None:
        """Show the packet built in memory (from a QBuffer, like every preview) until it is saved."""
        password = self._choices.password if self._choices else None
        self.preview.show_document(
            Record(id="", category="packet", title=self.default_file_name(), media_type="application/pdf"),
            data,
            password=password or "",
        )
        self._data = data
        text = self.tr(
            "Built: {0} pages. Look it over; nothing is saved yet. Press “Save packet…” to write "
            "it where you choose."
        ).format(result.pages)
        self._update()
        self.save_btn.setDefault(True)
        self.save_btn.setFocus()
        if result.left_out:
            text += " " + self.tr("Left out: {0}.").format(", ".join(f"“{p.title}”" for p in result.left_out))
        text += " " + (
            self.tr("It opens only with the password.")
            if result.encrypted
            else self.tr("It is not encrypted: keep it safe and delete it when it has been sent.")
        )
        text += " " + self.tr(
            "If something is not right, go Back, change it and build again; "
            "nothing is written until you save."
        )
        self.message.setText(text)

    def save_packet(self) -> None:
        """Write the looked-over packet where the person chooses (the copy in memory stays until the
        wizard closes, to save it again elsewhere)."""
        if self._data is None:
            return
        path = self.ask_save_path()
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:  # a PrivateFile: 0600 from the start, renamed into place, never in place of a device or pipe
            atomic_write_private_bytes(Path(path), self._data, overwrite=True)
        except VaultError as exc:
            self.message.setText(describe(exc))
            return
        except OSError as exc:
            self.message.setText(
                self.tr("The packet could not be saved there ({0}); choose another folder.").format(
                    exc.strerror or exc
                )
            )
            return
        self.saved_path = path
        left_out = self.result.left_out if self.result else []
        notes = (
            (" " + self.tr("Left out: {0}.").format(", ".join(f"“{p.title}”" for p in left_out)))
            if left_out
            else ""
        )
        self.message.setText(
            self.tr("Saved as {0}.").format(path)
            + notes
            + " "
            + (
                self.tr("It opens only with the password.")
                if self.result and self.result.encrypted
                else self.tr("It is not encrypted: keep it safe and delete it when it has been sent.")
            )
        )

    def drop_packet(self) -> None:
        """Forget the packet in memory (the preview is cleared by its owner)."""
        self._data = None

    def preview_page_count(self) -> int:
        return self.preview.page_count()
