"""What a person would see cut off in a window: the layout faults tests/test_ui_fit.py looks for.

`faults(window)` walks the visible widgets of one top-level window and returns one plain line per
fault: a widget whose rectangle leaves the window (or its parent), a widget squeezed below the
smallest size its layout promised, a label, button or check box whose text does not fit, a wrapped
label (or wrapping check box or radio button) shorter than its text, a combo box whose current text
is cut, or a table header whose section is narrower than its title (unless the model gives that
title a tooltip: then eliding is by design).
Widgets inside a scroll area's viewport may lie outside it: they scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

#: pixels of rounding allowed
SLACK = 1
#: a focused field's border is 1 px wider on each side (app.qss), after its layout was computed
FOCUS_BORDER = 2


def _scrolls(widget: QWidget) -> bool:
    """Inside the viewport of a scroll area (or an item view): it may be scrolled out of sight."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    label = widget.objectName() or widget.accessibleName() or text
    return f"{type(widget).__name__}({label[:40]!r})"


def _window_rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _inside(inner: QRect, outer: QRect) -> bool:
    return (
        inner.left() >= outer.left() - SLACK
        and inner.top() >= outer.top() - SLACK
        and inner.right() <= outer.right() + SLACK
        and inner.bottom() <= outer.bottom() + SLACK
    )


def _text_faults(widget: QWidget) -> list[str]:
    name = _name(widget)
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return []
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return [f"{name}: wrapped text needs {need} px height, has {widget.height()}"]
            return []
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK or widget.fontMetrics().height() > widget.height() + SLACK:
            return [
                f"{name}: text needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}"
            ]
        return []
    if isinstance(widget, QCheckBox | QRadioButton) and widget.text() and widget.hasHeightForWidth():
        need = widget.heightForWidth(widget.width())  # its text wraps (ui/dialog_fit.py): like a label
        if need > widget.height() + SLACK:
            return [f"{name}: wrapped text needs {need} px height, has {widget.height()}"]
        return []
    if isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + 2 * SLACK + 2:
            return [
                f"{name}: text needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}"
            ]
        return []
    if isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        need = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if need > field.width() + SLACK:
            return [f"{name}: current text needs {need} px, its field has {field.width()}"]
        return []
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        model = widget.model()
        if model is None:
            return []
        found = []
        for section in range(widget.count()):
            if widget.isSectionHidden(section):
                continue
            need = widget.sectionSizeFromContents(section).width()
            has = widget.sectionSize(section)
            tooltip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            last = max(i for i in range(widget.count()) if not widget.isSectionHidden(i))
            stretches = widget.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch or (
                widget.stretchLastSection() and section == last
            )
            elides = stretches and bool(tooltip) and widget.textElideMode() != Qt.TextElideMode.ElideNone
            if need > has + SLACK and not elides:
                title = model.headerData(section, Qt.Orientation.Horizontal)
                found.append(
                    f"{name}: column {title!r} needs {need} px, has {has} (and does not elide with a tooltip)"
                )
        return found
    return []


def faults(top: QWidget) -> list[str]:
    """Every fault of the visible widgets of the window *top* (an empty list when everything fits)."""
    found: list[str] = []
    frame = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.window() is not top:
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        scrolls = _scrolls(widget)
        if not scrolls:
            rect = _window_rect(widget, top)
            if not _inside(rect, frame):
                found.append(f"{_name(widget)} at {rect.getRect()} leaves the window {frame.getRect()}")
                continue
            parent = widget.parentWidget()
            if parent is not None and not _inside(widget.geometry(), parent.rect()):
                found.append(
                    f"{_name(widget)} at {widget.geometry().getRect()} leaves its parent {_name(parent)}"
                )
                continue
        policy = widget.sizePolicy()
        minimum = widget.minimumSizeHint()
        squeezable = QSizePolicy.Policy.Ignored
        managed = widget.parentWidget() is not None and widget.parentWidget().layout() is not None
        if managed and minimum.isValid():
            if policy.horizontalPolicy() != squeezable and minimum.width() > widget.width() + SLACK:
                found.append(f"{_name(widget)}: squeezed to width {widget.width()} below {minimum.width()}")
                continue
            if policy.verticalPolicy() != squeezable and minimum.height() > widget.height() + FOCUS_BORDER:
                found.append(
                    f"{_name(widget)}: squeezed to height {widget.height()} below {minimum.height()}"
                )
                continue
        found.extend(_text_faults(widget))
    return found
