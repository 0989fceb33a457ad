"""The overview: the first screen after unlocking. What matters now, in plain words."""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.store import CancerRecord
from mbc_vault.care import vocab as care_vocab
from mbc_vault.care.store import CarePlan
from mbc_vault.categories import CATEGORIES

from ..i18n import QT_TRANSLATE_NOOP
from ..session import VaultSession
from ..vocab_labels import line_title, symptom_title, vocab_label
from ..widgets import heading, note, visible_scopes
from .base import ALL_KINDS, SectionPage

SCOPE_TITLES = {
    "medical": QT_TRANSLATE_NOOP("OverviewSection", "Medical records"),
    "legal": QT_TRANSLATE_NOOP("OverviewSection", "Legal and planning"),
    "care": QT_TRANSLATE_NOOP("OverviewSection", "Care notes"),
}


class Card(QFrame):
    """A titled box with rich text."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title = QLabel(f"<b>{html.escape(title)}</b>", self)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setAccessibleName(title)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)

    def set_html(self, text: str) -> None:
        self.body.setText(text)
        self.setAccessibleDescription(self.body.text())


class OverviewSection(SectionPage):
    """Current treatment, next appointment, reviews due, symptoms, markers, recent documents."""

    import_requested = Signal()
    search_requested = Signal()
    record_chosen = Signal(str)

    KINDS = ALL_KINDS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing; it follows the focus
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        self.greeting = heading("", body, 1.7)
        self.summary = note("", body)
        layout.addWidget(self.greeting)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        self.treatment_card = Card(self.tr("Current treatment"), body)
        self.appointment_card = Card(self.tr("Next appointment"), body)
        self.legal_card = Card(self.tr("Legal papers to review"), body)
        self.symptom_card = Card(self.tr("Latest symptoms"), body)
        self.marker_card = Card(self.tr("Tumor markers"), body)
        self.counts_card = Card(self.tr("In your vault"), body)
        for index, card in enumerate(
            (
                self.treatment_card,
                self.appointment_card,
                self.legal_card,
                self.symptom_card,
                self.marker_card,
                self.counts_card,
            )
        ):
            grid.addWidget(card, index // 3, index % 3)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.import_btn = QPushButton(self.tr("Import documents…"), body)
        self.search_btn = QPushButton(self.tr("Search my records"), body)
        self.import_btn.setAccessibleName(self.tr("Import documents"))
        self.search_btn.setAccessibleName(self.tr("Search my records"))
        self.import_btn.clicked.connect(self.import_requested)
        self.search_btn.clicked.connect(self.search_requested)
        row.addWidget(self.import_btn)
        row.addWidget(self.search_btn)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>" + self.tr("Recently added") + "</b>", body))
        self.recent = QListWidget(body)
        self.recent.setAccessibleName(self.tr("Recently added documents"))
        self.recent.setMinimumHeight(160)
        self.recent.itemActivated.connect(lambda item: self.record_chosen.emit(item.data(256)))
        layout.addWidget(self.recent, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)

    def set_session(self, session: VaultSession | None) -> None:
        super().set_session(session)
        if session is not None:
            self.listen(session.records_changed, self.refresh)

    def refresh(self) -> None:
        vault = self.session.vault if self.session else None
        self.recent.clear()
        cards = (
            self.treatment_card,
            self.appointment_card,
            self.legal_card,
            self.symptom_card,
            self.marker_card,
            self.counts_card,
        )
        if vault is None:
            self.greeting.setText("")
            self.summary.setText("")
            for card in cards:
                card.set_html("")
            return
        records = vault.records()
        self.import_btn.setVisible(vault.person.can_edit)  # view only: no import that would be refused
        first_name = vault.person.name.split()[0] if vault.person.name else ""
        self.greeting.setText(self.tr("Hello, {0}").format(first_name) if first_name else self.tr("Hello"))
        if (visible_scopes(vault) or set()) >= set(SCOPE_TITLES):
            text = self.tr("Documents in “{0}”: {1}.").format(vault.name, len(records))
        else:  # someone given some parts: the count is of those, not of the vault
            text = self.tr("Documents shared with you in “{0}”: {1}.").format(vault.name, len(records))
        if vault.rolled_back:
            text = (
                self.tr(
                    "This vault folder went back to an older state than this computer saw before (an "
                    "older copy or backup was put in its place, or someone rolled it back). Changes are "
                    "refused until the newest copy of the folder is back: restore it from your sync tool "
                    "or backup."
                )
                + " "
                + text
            )
        elif vault.load_problems:
            text += " " + self.tr(
                "{0} files could not be read or were not written by someone allowed to: use "
                "Help ▸ Check vault for damage."
            ).format(len(vault.load_problems))
        self.summary.setText(text)
        cancer, care = CancerRecord(vault), CarePlan(vault)
        scopes = visible_scopes(vault) or set()
        # a part that was not shared says so: "none recorded" would read as a fact about it
        for card, scope, fill in (
            (self.treatment_card, "medical", lambda: self._treatment(cancer)),
            (self.appointment_card, "care", lambda: self._appointment(care)),
            (self.legal_card, "legal", lambda: self._legal(care)),
            (self.symptom_card, "medical", lambda: self._symptoms(cancer, vault.person.can_edit)),
            (self.marker_card, "medical", lambda: self._markers(cancer)),
        ):
            card.set_html(fill() if scope in scopes else self._not_shared())
        by_scope = Counter(CATEGORIES[r.category][0] for r in records if r.category in CATEGORIES)
        self.counts_card.set_html(
            "<br>".join(
                f"{self.tr(SCOPE_TITLES[s])}: "
                + (f"<b>{by_scope.get(s, 0)}</b>" if s in scopes else self.tr("not shared with you"))
                for s in SCOPE_TITLES
            )
            + ("<br>" + self.tr("In the trash: {0}").format(len(vault.trash())) if vault.trash() else "")
        )
        for record in sorted(records, key=lambda r: r.created, reverse=True)[:8]:
            self.recent.addItem(f"{record.title}  ·  {record.date or ''}")
            self.recent.item(self.recent.count() - 1).setData(256, record.id)

    def _not_shared(self) -> str:
        return "<span style='color:#4a5560'>" + html.escape(self.tr("Not shared with you.")) + "</span>"

    def _treatment(self, cancer: CancerRecord) -> str:
        current = [e for e in cancer.treatment_lines() if e.model.ongoing]
        if not current:
            return self.tr("No ongoing line of treatment recorded.")
        line = current[-1].model
        title = line_title(line)
        return self.tr("<b>{0}</b><br>since {1}").format(html.escape(title), line.start)

    def _appointment(self, care: CarePlan) -> str:
        upcoming = care.upcoming()
        if not upcoming:
            return self.tr("No upcoming appointment.")
        entry = upcoming[0]
        open_questions = sum(len(q.model.unanswered()) for q in care.question_lists(entry.id))
        text = (
            f"<b>{html.escape(entry.model.date or '')} {html.escape(entry.model.time)}</b><br>"
            f"{html.escape(entry.model.title())}"
        )
        if entry.model.place:
            text += f"<br>{html.escape(entry.model.place)}"
        return text + "<br>" + self.tr("Open questions: {0}").format(open_questions)

    def _legal(self, care: CarePlan) -> str:
        due = care.reviews_due()
        if not due:
            return self.tr("Nothing to review now.")
        lines = []
        for entry in due[:4]:
            state = entry.model.review_state()
            label = self.tr("overdue since {0}") if state == "overdue" else self.tr("review by {0}")
            color = "#a30000" if state == "overdue" else "#8a5a00"
            lines.append(
                f"<span style='color:{color}'>"
                f"{html.escape(vocab_label(care_vocab.LEGAL_ITEMS, entry.model.item))}: "
                f"{label.format(entry.model.review_by)}</span>"
            )
        return "<br>".join(lines)

    def _symptoms(self, cancer: CancerRecord, may_log: bool = True) -> str:
        latest = cancer.symptoms()[-3:]
        if not latest:
            if not may_log:  # view only: no invitation to something that would be refused
                return self.tr("No symptoms logged.")
            return self.tr("No symptoms logged. Use Ctrl+Shift+S to log one.")
        return "<br>".join(
            f"{html.escape(e.model.date or '')}: {html.escape(symptom_title(e.model))}"
            for e in reversed(latest)
        )

    def _markers(self, cancer: CancerRecord) -> str:
        lines = []
        every = cancer.lab_values()  # loaded once: thousands after a portal import
        for test in cancer.lab_tests(every)[:3]:
            values = [v for v in every if v.model.test == test]
            last = values[-1].model
            trend = ""
            if len(values) > 1:
                before = values[-2].model.value or 0
                change = (last.value or 0) - before
                arrow = "↑" if change > 0 else ("↓" if change < 0 else "→")
                trend = f" {arrow} " + self.tr("from {0:g}").format(before)
            lines.append(
                f"{html.escape(test)}: <b>{last.value:g} {html.escape(last.unit)}</b> "
                f"({html.escape(last.date or '')}){trend}"
            )
        return "<br>".join(lines) or self.tr("No lab values recorded.")
