"""The three parts of a vault that can be shared (legal, care, medical): their names, what each holds,
and the check boxes and edit/view choice the sharing dialogs show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from mbc_vault.categories import SCOPES

from ..widgets import note


def scope_name(scope: str) -> str:
    names = {
        "legal": QCoreApplication.translate("Sharing", "Legal and money papers"),
        "care": QCoreApplication.translate("Sharing", "Care and appointments"),
        "medical": QCoreApplication.translate("Sharing", "Medical records"),
    }
    return names.get(scope, scope)


def scope_explanation(scope: str) -> str:
    texts = {
        "legal": QCoreApplication.translate(
            "Sharing",
            "Will, living will, advance directives, powers of attorney, insurance and money papers.",
        ),
        "care": QCoreApplication.translate(
            "Sharing", "Appointments, questions for the doctors, care team, people to tell, care priorities."
        ),
        "medical": QCoreApplication.translate(
            "Sharing", "Everything clinical: diagnosis, treatment, symptoms, labs, reports and scans, trials."
        ),
    }
    return texts.get(scope, "")


def scopes_text(scopes: list[str]) -> str:
    shown = [scope_name(s) for s in SCOPES if s in scopes]
    return ", ".join(shown) if shown else QCoreApplication.translate("Sharing", "Nothing yet")


def scope_boxes(parent: QWidget, layout: QVBoxLayout, chosen: list[str]) -> dict[str, QCheckBox]:
    boxes: dict[str, QCheckBox] = {}
    for scope in ("legal", "care", "medical"):
        box = QCheckBox(scope_name(scope), parent)
        box.setChecked(scope in chosen)
        box.setAccessibleDescription(scope_explanation(scope))
        hint = note(scope_explanation(scope), parent)
        hint.setContentsMargins(28, 0, 0, 6)
        layout.addWidget(box)
        layout.addWidget(hint)
        boxes[scope] = box
    return boxes


def ticked(boxes: dict[str, QCheckBox]) -> list[str]:
    return [s for s, box in boxes.items() if box.isChecked()]


def edit_choice(parent: QWidget, layout: QVBoxLayout, can_edit: bool) -> tuple[QRadioButton, QRadioButton]:
    edit = QRadioButton(QCoreApplication.translate("Sharing", "May add and edit records"), parent)
    view = QRadioButton(QCoreApplication.translate("Sharing", "View only"), parent)
    group = QButtonGroup(parent)
    group.addButton(edit)
    group.addButton(view)
    (edit if can_edit else view).setChecked(True)
    row = QHBoxLayout()
    row.addWidget(edit)
    row.addWidget(view)
    row.addStretch(1)
    layout.addLayout(row)
    return edit, view
