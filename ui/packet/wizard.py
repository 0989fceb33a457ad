"""The second-opinion packet wizard: checklist, documents, cover, options, then build and look it over.

The packet is built in memory (the PDF worker streams it into a BytesIO), shown page by page as the
preview's worker draws it, and written where the person chooses only when they press "Save packet…".
Closing the wizard or locking drops it. No temporary file or RAM folder, on any platform.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from mbc_vault.packet import PacketChoices

from ..reflow import fit_to_screen
from ..session import VaultSession
from .build import BuildPage
from .checklist import ChecklistPage
from .documents import DocumentsPage
from .pages import CoverPage, OptionsPage


class PacketWizard(QWizard):
    """Second-opinion packet: from the checklist to a finished, looked-over PDF."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert session.vault is not None
        self.session = session
        vault = session.vault
        self.setWindowTitle(self.tr("Second-opinion packet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.checklist_page = ChecklistPage(vault, parent=self)
        self.documents_page = DocumentsPage(vault, self)
        self.cover_page = CoverPage(vault, self)
        self.options_page = OptionsPage(vault, self)
        self.build_page = BuildPage(session, self.choices, self)
        for page in (
            self.checklist_page,
            self.documents_page,
            self.cover_page,
            self.options_page,
            self.build_page,
        ):
            self.addPage(page)
        self.setAccessibleName(self.tr("Second-opinion packet"))
        fit_to_screen(self, 1040, 780)  # never larger than a small laptop's screen

    def choices(self) -> PacketChoices:
        options = self.options_page
        return PacketChoices(
            cover=self.cover_page.cover(),
            include_summary=options.summary_check.isChecked(),
            question_list_id=options.questions_combo.currentData(),
            include_priorities=options.priorities_check.isChecked(),
            materials=options.materials(),
            document_ids=self.documents_page.document_ids(),
            page_size=options.page_size_combo.currentData(),
            footer=options.footer_check.isChecked(),
            password=options.password(),
        )

    def reject(self) -> None:
        self.build_page.cancel_build()  # a build in progress stops; nothing is left at the chosen path
        super().reject()

    def done(self, result: int) -> None:
        if self.build_page.worker is not None:
            self.build_page.cancel_build()
        self.build_page.preview.stop()  # drop the decrypted packet from memory, and the preview's worker
        self.build_page.drop_packet()
        self.options_page.password_edit.clear()
        self.options_page.password_again_edit.clear()
        super().done(result)
