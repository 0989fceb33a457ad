"""The review of a portal import as a tree: one checkable row per kind ("Medications (3)"), under it
one checkable row per entry the import would create (its title, date, and "Already in your vault" for
a duplicate, which cannot be ticked). A kind's tick is the tick of its new entries: ticking or
unticking it ticks or unticks them all; some ticked shows it partly ticked.

The ticks are the plan's own (`Proposed.chosen`): what is saved is what the tree shows. Rows are made
when the view asks for them (a 10,000-entry bundle opens at once)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mbc_vault.portal.review import MODELS, ImportPlan, Proposed

from ..vocab_labels import entry_title

COL_ENTRY, COL_DATE, COL_NOTE = range(3)
#: the internal id of a kind's row (an entry's row holds its kind's position + 1)
_KIND_ROW = 0
#: the order of the kinds in the tree (a kind the core adds later comes after them)
KIND_ORDER = (
    "patient-details",
    "diagnosis",
    "biopsy",
    "medication",
    "treatment-line",
    "lab-value",
    "allergy",
    "condition",
    "procedure",
    "radiation",
    "immunization",
    "visit",
)
Index = QModelIndex | QPersistentModelIndex


def kind_name(kind: str) -> str:
    """A kind of entry as the tree names its group, in the app's language ("Medications")."""
    names = {
        "patient-details": QCoreApplication.translate("PortalReview", "About me"),
        "diagnosis": QCoreApplication.translate("PortalReview", "Diagnosis"),
        "biopsy": QCoreApplication.translate("PortalReview", "Biomarkers (on a biopsy)"),
        "medication": QCoreApplication.translate("PortalReview", "Medications"),
        "treatment-line": QCoreApplication.translate("PortalReview", "Lines of treatment"),
        "lab-value": QCoreApplication.translate("PortalReview", "Lab values"),
        "allergy": QCoreApplication.translate("PortalReview", "Allergies and intolerances"),
        "condition": QCoreApplication.translate("PortalReview", "Other conditions"),
        "procedure": QCoreApplication.translate("PortalReview", "Surgeries and procedures"),
        "radiation": QCoreApplication.translate("PortalReview", "Radiation"),
        "immunization": QCoreApplication.translate("PortalReview", "Immunizations"),
        "visit": QCoreApplication.translate("PortalReview", "Past visits"),
    }
    return names.get(kind, kind)


class PortalReviewModel(QAbstractItemModel):
    """A tree over an ImportPlan's items, grouped by kind; ticking changes `Proposed.chosen`."""

    #: a tick changed (the number of entries to add changed)
    choice_changed = Signal()

    def __init__(self, plan: ImportPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan
        by_kind: dict[str, list[Proposed]] = {}
        for item in plan.items:
            by_kind.setdefault(item.kind, []).append(item)
        order = {kind: n for n, kind in enumerate(KIND_ORDER)}
        self.kinds = sorted(by_kind, key=lambda kind: order.get(kind, len(order)))
        #: each kind's entries: new ones first, then the duplicates
        self.groups = [sorted(by_kind[kind], key=lambda item: item.duplicate) for kind in self.kinds]
        #: each kind's duplicates (fixed by the plan): counted once, not at each paint of its row
        self._duplicates = [sum(item.duplicate for item in group) for group in self.groups]
        self._texts: dict[int, tuple[str, str]] = {}  # id(item) -> (title, date), made when shown

    # the tree ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _KIND_ROW)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _KIND_ROW:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _KIND_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        if not parent.isValid():
            return len(self.kinds)
        if parent.internalId() == _KIND_ROW and parent.column() == 0:
            return len(self.groups[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return (
            QCoreApplication.translate("PortalReview", "What will be added"),
            QCoreApplication.translate("PortalReview", "Date"),
            QCoreApplication.translate("PortalReview", "Note"),
        )[section]

    # what a row shows ---------------------------------------------------------------
    def item(self, index: Index) -> Proposed | None:
        """The entry of an entry's row (None for a kind's row)."""
        if not index.isValid() or index.internalId() == _KIND_ROW:
            return None
        return self.groups[index.internalId() - 1][index.row()]

    def _texts_of(self, item: Proposed) -> tuple[str, str]:
        key = id(item)
        if key not in self._texts:
            model_type = MODELS.get(item.kind)
            title, date = item.title, ""
            if model_type is not None:
                model = model_type.from_data(item.data)
                title, date = entry_title(model) or item.title, model.sort_date() or ""
            self._texts[key] = (title, date)
        return self._texts[key]

    def kind_state(self, row: int) -> Qt.CheckState:
        """A kind's tick: ticked when all its new entries are, partly when some are."""
        group = self.groups[row]
        new = len(group) - self._duplicates[row]
        chosen = sum(1 for item in group[:new] if item.chosen)  # the new ones come first
        if not new or not chosen:
            return Qt.CheckState.Unchecked
        return Qt.CheckState.Checked if chosen == new else Qt.CheckState.PartiallyChecked

    def _kind_data(self, row: int, column: int, role: int) -> Any:
        group = self.groups[row]
        duplicates = self._duplicates[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_ENTRY:
                return QCoreApplication.translate("PortalReview", "{0} ({1})").format(
                    kind_name(self.kinds[row]), len(group) - duplicates
                )
            if column == COL_NOTE and duplicates:
                return QCoreApplication.translate("PortalReview", "{0} already in your vault").format(
                    duplicates
                )
            return ""
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_ENTRY:
            return self.kind_state(row)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        item = self.item(index)
        if item is None:
            return self._kind_data(index.row(), column, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            title, date = self._texts_of(item)
            if column == COL_ENTRY:
                return title
            if column == COL_DATE:
                return date
            if item.duplicate:
                return QCoreApplication.translate("PortalReview", "Already in your vault")
            if item.optional:
                return QCoreApplication.translate("PortalReview", "Added only if you tick it")
            return ""
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_ENTRY:
            return Qt.CheckState.Checked if item.chosen and not item.duplicate else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and item.duplicate:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != COL_ENTRY:
            return flags
        item = self.item(index)
        if item is None:
            if self._duplicates[index.row()] < len(self.groups[index.row()]):
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif not item.duplicate:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # ticking ------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != COL_ENTRY:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        chosen = state != Qt.CheckState.Unchecked
        item = self.item(index)
        if item is None:
            return self.set_kind_chosen(index.row(), chosen)
        if item.duplicate:
            return False
        item.chosen = chosen
        self.dataChanged.emit(index, index, [role])
        kind_index = self.index(index.internalId() - 1, COL_ENTRY)
        self.dataChanged.emit(kind_index, kind_index, [role])
        self.choice_changed.emit()
        return True

    def set_kind_chosen(self, row: int, chosen: bool) -> bool:
        """Tick or untick every new entry of the kind in *row* (duplicates stay unticked)."""
        group = self.groups[row]
        if not any(not item.duplicate for item in group):
            return False
        for item in group:
            if not item.duplicate:
                item.chosen = chosen
        kind_index = self.index(row, COL_ENTRY)
        self.dataChanged.emit(kind_index, kind_index, [Qt.ItemDataRole.CheckStateRole])
        if group:
            self.dataChanged.emit(
                self.index(0, COL_ENTRY, kind_index),
                self.index(len(group) - 1, COL_ENTRY, kind_index),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.choice_changed.emit()
        return True

    def kind_row(self, kind: str) -> int:
        """The row of *kind* (-1 when the plan has none of it)."""
        return self.kinds.index(kind) if kind in self.kinds else -1

    def chosen_count(self) -> int:
        """How many entries would be added: the ticked new ones."""
        return sum(1 for item in self.plan.items if item.chosen and not item.duplicate)
