"""The overview: a greeting, what is in the vault, and the most recent documents."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from mbc_vault.categories import CATEGORIES

from ..session import VaultSession
from ..widgets import heading, note

SCOPE_TITLES = {"medical": QT_TRANSLATE_NOOP("OverviewSection", "Medical records"),
                "legal": QT_TRANSLATE_NOOP("OverviewSection", "Legal and planning"),
                "care": QT_TRANSLATE_NOOP("OverviewSection", "Care notes")}


class OverviewSection(QWidget):
    """A calm summary page; buttons lead to the common tasks."""

    import_requested = Signal()
    search_requested = Signal()
    record_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self.greeting = heading("", self, 1.7)
        self.summary = note("", self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.summary)
        self.counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        for column, scope in enumerate(SCOPE_TITLES):
            title = QLabel("<b>" + self.tr(SCOPE_TITLES[scope]) + "</b>", self)
            value = heading("0", self, 2.0)
            self.count_labels[scope] = value
            self.counts.addWidget(title, 0, column)
            self.counts.addWidget(value, 1, column)
        layout.addLayout(self.counts)
        row = QHBoxLayout()
        self.import_btn = QPushButton(self.tr("Import documents…"), self)
        self.search_btn = QPushButton(self.tr("Search my records"), self)
        self.import_btn.setAccessibleName(self.tr("Import documents"))
        self.search_btn.setAccessibleName(self.tr("Search my records"))
        self.import_btn.clicked.connect(self.import_requested)
        self.search_btn.clicked.connect(self.search_requested)
        row.addWidget(self.import_btn)
        row.addWidget(self.search_btn)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>" + self.tr("Recently added") + "</b>", self))
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(self.tr("Recently added documents"))
        self.recent.itemActivated.connect(lambda item: self.record_chosen.emit(item.data(256)))
        layout.addWidget(self.recent, 1)

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is not None:
            session.records_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        vault = self.session.vault if self.session else None
        self.recent.clear()
        if vault is None:
            self.greeting.setText("")
            self.summary.setText("")
            return
        records = vault.records()
        first_name = vault.person.name.split()[0] if vault.person.name else ""
        self.greeting.setText(self.tr("Hello, {0}").format(first_name) if first_name else self.tr("Hello"))
        by_scope = Counter(CATEGORIES[r.category][0] for r in records if r.category in CATEGORIES)
        for scope, label in self.count_labels.items():
            label.setText(str(by_scope.get(scope, 0)))
        trash = len(vault.trash())
        text = self.tr("{0} documents in “{1}”.").format(len(records), vault.name)
        if trash:
            text += " " + self.tr("{0} in the trash.").format(trash)
        if vault.load_problems:
            text += " " + self.tr("{0} files could not be read: use Help ▸ Check vault for damage.").format(
                len(vault.load_problems))
        self.summary.setText(text)
        for record in sorted(records, key=lambda r: r.created, reverse=True)[:8]:
            self.recent.addItem(f"{record.title}  ·  {record.date or ''}")
            self.recent.item(self.recent.count() - 1).setData(256, record.id)
