"""Symptoms: severity of one symptom over time with the lines of treatment, a table, log/edit/trash.

The frame (chart, table, trash) is ChartedEntriesSection (charted.py), shared with the labs section.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from mbc_vault.cancer.models import Symptom, TreatmentLine
from mbc_vault.cancer.vocab import SYMPTOMS
from mbc_vault.entries import Entry

from ..forms.symptom_dialog import QuickSymptomDialog
from ..vocab_labels import symptom_label, symptom_title
from .charted import ChartedEntriesSection
from .timeseries import legend_html, treatment_bands

COL_DATE, COL_SEVERITY, COL_WHERE, COL_NOTES = range(4)
#: the chart's line is the average severity of this many days up to each day
TREND_DAYS = 28


def display_name(symptom: str) -> str:
    """A stored symptom as the app names it: its label in the app's language ('fatigue' -> 'Cansancio'),
    or the person's own words with a capital ('tingling' -> 'Tingling')."""
    label = symptom_label(symptom)
    return label[:1].upper() + label[1:]


class SymptomsSection(ChartedEntriesSection):
    """How a symptom's severity changed over time, with the lines of treatment."""

    KINDS = (Symptom.KIND, TreatmentLine.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(
            undo_stack,
            parent,
            title=self.tr("Symptoms"),
            choice=self.tr("Symptom:"),
            columns=[
                (self.tr("Date"), lambda e: e.model.date),
                (self.tr("Severity"), lambda e: self.tr("{0} of 10").format(e.model.severity)),
                (self.tr("Where"), lambda e: e.model.location),
                (self.tr("Notes"), lambda e: e.model.notes),
            ],
            stretch_column=COL_NOTES,
            table_share=2,
            tooltip=lambda e, column: e.model.notes if column == COL_NOTES and e.model.notes else None,
        )
        self._by_symptom: dict[str, list[Entry[Symptom]]] = {}
        self.symptom_combo = self.choice
        self.symptom_combo.setAccessibleName(self.tr("Symptom to show"))
        self.symptom_combo.setMinimumContentsLength(14)
        self.log_btn: QPushButton = self.add_button(self.tr("Log a symptom…"), self.log_symptom)
        self.log_btn.setToolTip(self.tr("Shortcut: Ctrl+Shift+S"))
        self.empty_hint.setText(
            self.tr("No symptoms logged yet. Click “Log a symptom…”: it takes a few seconds.")
        )
        self.chart_view.setAccessibleName(self.tr("Chart of the chosen symptom's severity over time"))
        self.chart_view.value_text = lambda v: self.tr("{0} of 10").format(f"{v:g}")
        self.hover_label.setText(self.hover_hint())
        self.hover_label.setAccessibleName(self.tr("Entry under the pointer"))
        self.table.setAccessibleName(self.tr("Entries of the chosen symptom"))
        self.table.setWordWrap(False)
        self.size_columns(
            (
                (COL_DATE, "2099-12-31"),
                (COL_SEVERITY, self.tr("{0} of 10").format(10)),
                (COL_WHERE, "lower back"),
            )
        )
        self._update_actions()

    def hover_hint(self) -> str:
        return self.tr("Point at a dot to see its date and severity.")

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        by_symptom: dict[str, list[Entry[Symptom]]] = defaultdict(list)
        for entry in cancer.symptoms() if cancer else []:
            by_symptom[entry.model.symptom].append(entry)
        self._by_symptom = dict(by_symptom)
        self._lines = cancer.treatment_lines() if cancer else []
        order = {name: i for i, name in enumerate(SYMPTOMS)}
        names = sorted(self._by_symptom, key=lambda n: (order.get(n, len(order)), display_name(n).lower()))
        items = []
        for name in names:
            count = len(self._by_symptom[name])
            label = self.tr("{0} (1 entry)") if count == 1 else self.tr("{0} ({1} entries)")
            items.append((label.format(display_name(name), count), name))
        self.fill_choice(items)
        self.empty_hint.setVisible(cancer is not None and not self._by_symptom)
        self.show_series()

    def current_symptom(self) -> str:
        return self.symptom_combo.currentData() or ""

    def show_series(self) -> None:
        name = self.current_symptom()
        entries = self._by_symptom.get(name, [])
        selected = self.selected_entry()
        self.model.set_entries(list(reversed(entries)))  # newest first
        self.table.setColumnHidden(COL_WHERE, not any(e.model.location for e in entries))
        if self.session is None:
            self.chart_view.clear()
            self.legend.clear()
        else:
            points = [
                (e.model.date, e.model.severity, e.model.location)
                for e in entries
                if e.model.date and e.model.severity is not None
            ]
            self.chart_view.set_data(
                points,
                treatment_bands(self._lines),
                title=display_name(name),
                unit=self.tr("Severity (0 to 10)"),
                y_range=(0, 10),
                trend_days=TREND_DAYS,
            )
            self.chart_view.unit = ""  # the hover text says "6 of 10"
            self.legend.setText(
                self.tr("Dots: each entry. Line: the average of the last {0} days.").format(TREND_DAYS)
                + "<br>"
                + legend_html(self.chart_view.bands)
            )
        self.hover_label.setText(self.hover_hint())
        if selected is not None:
            self.select_entry(selected.id)
        self._update_actions()

    def entry_title(self, entry: Entry[Any]) -> str:
        return symptom_title(entry.model)

    def point_of(self, entry: Entry[Any]) -> tuple[str, float] | None:
        if entry.model.date and entry.model.severity is not None:
            return entry.model.date, float(entry.model.severity)
        return None

    def _update_actions(self) -> None:
        super()._update_actions()
        self.log_btn.setEnabled(self.can_edit())
        self.log_btn.setVisible(self.can_edit())

    # log, edit, trash ---------------------------------------------------------------------------------
    def log_symptom(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        entry = QuickSymptomDialog.ask(
            self.session, self, symptom=self.current_symptom(), known=list(self._by_symptom)
        )
        if entry is not None:
            self.show_saved(entry, entry.model.symptom)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session is None or self.session.vault is None:
            return
        saved = QuickSymptomDialog.ask(self.session, self, entry=entry, known=list(self._by_symptom))
        if saved is not None:
            self.show_saved(saved, saved.model.symptom)
