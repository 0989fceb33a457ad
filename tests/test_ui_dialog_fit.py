"""ui/dialog_fit.py, the one way every dialog fits at large text on a small screen: a scrolling body
over a foot that stays in sight, forms whose labels go above their fields when narrow, and check boxes
and radio buttons whose long text wraps. (tests/test_ui_fit.py drives the app's real dialogs.)"""

from __future__ import annotations

from fitcheck import faults
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLineEdit, QPushButton, QScrollArea

from ui.dialog_fit import fit_dialog, scrolling_dialog
from ui.wrapping import WrappingCheckBox, WrappingRadioButton

LONG = (
    "Change the keys of the parts taken away (recommended: a copy they made earlier would otherwise "
    "still open the old files)"
)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _dialog(qtbot, rows: int = 3) -> tuple[QDialog, QFormLayout, WrappingCheckBox, QPushButton]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    body, foot = scrolling_dialog(dialog)
    form = QFormLayout()
    for number in range(rows):
        edit = QLineEdit(dialog)
        edit.setMinimumWidth(200)
        form.addRow(f"A rather long label number {number}:", edit)
    body.addLayout(form)
    box = WrappingCheckBox(LONG, dialog)
    body.addWidget(box)
    button = QPushButton("Save", dialog)
    foot.addWidget(button)
    fit_dialog(dialog, 90)
    return dialog, form, box, button


def test_long_check_box_text_wraps_and_all_of_it_is_the_button(qtbot) -> None:
    dialog, _, box, _ = _dialog(qtbot)
    dialog.show()
    dialog.resize(320, 600)
    settle()
    line = box.fontMetrics().height()
    assert box.width() <= 320 and box.height() >= 3 * line  # wrapped onto several lines, not cut
    assert box.text() == LONG
    assert not faults(dialog)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() // 2, box.height() - line))
    assert box.isChecked()  # a click on the last line of the text ticks it


def test_wrapping_radio_button_is_as_narrow_as_its_widest_word(qtbot) -> None:
    radio = WrappingRadioButton("Give them a one-time setup code (they choose their own passphrase)")
    qtbot.addWidget(radio)
    metrics = radio.fontMetrics()
    assert radio.minimumSizeHint().width() < metrics.horizontalAdvance(radio.text()) // 3
    assert radio.heightForWidth(radio.minimumSizeHint().width()) > 3 * metrics.height()


def test_form_labels_go_above_their_fields_when_narrow_and_back_when_wide(qtbot) -> None:
    dialog, form, _, _ = _dialog(qtbot)
    dialog.show()
    dialog.resize(900, 500)
    settle()
    label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    field = form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
    assert field.y() == label.y()  # beside
    assert dialog.minimumSizeHint().width() < label.sizeHint().width() + 200  # it may be made narrower
    dialog.resize(dialog.minimumSizeHint().width(), 500)
    settle()
    assert field.y() > label.y()  # above
    assert not faults(dialog)
    dialog.resize(900, 500)
    settle()
    assert field.y() == label.y()


def test_body_scrolls_and_the_buttons_stay_in_sight(qtbot) -> None:
    dialog, _, _, button = _dialog(qtbot, rows=30)
    dialog.show()
    dialog.resize(400, 300)
    settle()
    assert (dialog.width(), dialog.height()) == (400, 300)  # it can be made as small as a screen
    scroller = dialog.findChild(QScrollArea)
    assert scroller is not None and scroller.verticalScrollBar().isVisible()
    assert dialog.rect().contains(button.geometry())
    assert not faults(dialog)


def test_the_focused_field_is_scrolled_into_sight(qtbot) -> None:
    dialog, _, _, button = _dialog(qtbot, rows=30)
    dialog.show()
    dialog.resize(400, 300)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    button.setFocus()
    settle()
    scroller = dialog.findChild(QScrollArea)
    assert scroller is not None and scroller.verticalScrollBar().value() == 0
    qtbot.keyClick(button, Qt.Key.Key_Backtab)  # from the foot back into the body: its last control
    settle()
    focused = QApplication.focusWidget()
    assert focused is not None and scroller.widget().isAncestorOf(focused)
    assert scroller.verticalScrollBar().value() > 0
    top_left = focused.mapTo(scroller.viewport(), QPoint(0, 0))
    assert scroller.viewport().rect().contains(top_left)
