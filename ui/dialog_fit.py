"""Dialogs that fit at 200 % text on a small screen (issue 16): one shared way for every dialog.

- `scrolling_dialog`: the dialog's content goes in a body that scrolls when it is taller than the
  screen; the foot (the buttons) stays in sight under it. The dialog can be made as small as the
  screen: the body's narrowest width is that of its widest word or field, never its longest sentence.
- `fit_dialog`: open the dialog about so many characters wide and as tall as its content, at most
  the screen's free area; `refit_dialog` after rows appear or disappear.
The check boxes and radio buttons whose long text wraps are in `wrapping.py`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

#: room left for the window manager's title bar and frame when a dialog opens as tall as the screen
FRAME_ALLOWANCE = 48
#: and for its side borders when it opens as wide as the screen
FRAME_SIDES = 8
#: pixels more than a form needs before its labels go back beside their fields (about a scroll bar)
REFLOW_SLACK = 24


class _BodyScroller(QScrollArea):
    """The scroll area of a dialog's body: as narrow as the body's widest word or field (plus the
    scroll bar), as tall as the body at its width, and a few lines high at the least."""

    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focused field in sight, also when the focus comes from outside the body (Shift+Tab
        from the buttons, or Tab going round): Qt scrolls only for Tab within the scroll area."""
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def _extra(self) -> int:
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        body = self.widget()
        width = (body.minimumSizeHint().width() if body is not None else 0) + self._extra()
        return QSize(width, self.fontMetrics().height() * 4)

    def sizeHint(self) -> QSize:  # noqa: N802
        body = self.widget()
        width = (body.sizeHint().width() if body is not None else 0) + self._extra()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        body = self.widget()
        if body is None:
            return 0
        inner = width - 2 * self.frameWidth()
        need = body.heightForWidth(inner) if body.hasHeightForWidth() else body.sizeHint().height()
        return max(need, body.minimumSizeHint().height()) + 2 * self.frameWidth()


def scrolling_dialog(dialog: QDialog) -> tuple[QVBoxLayout, QVBoxLayout]:
    """Lay *dialog* out as a scrolling body over a foot that stays in sight; returns the two layouts
    (body, foot). Widgets made with *dialog* as parent move into the body when they are added."""
    outer = QVBoxLayout(dialog)
    scroller = _BodyScroller(dialog)
    scroller.setObjectName("dialogBody")
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing; it follows the focus
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    policy.setHeightForWidth(True)
    scroller.setSizePolicy(policy)
    body = QWidget(scroller)
    body.setObjectName("scrollBody")
    scroller.setWidget(body)
    scroller.viewport().setAutoFillBackground(False)
    body.setAutoFillBackground(False)
    outer.addWidget(scroller, 1)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(scroller.follow_focus)
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    foot = QVBoxLayout()
    outer.addLayout(foot)
    return body_layout, foot


def _free_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def _height_at(dialog: QWidget, width: int) -> int:
    layout = dialog.layout()
    if layout is None:
        return dialog.sizeHint().height()
    layout.activate()
    if layout.hasHeightForWidth():
        return max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
    return dialog.sizeHint().height()


class _FormReflow(QObject):
    """Labels beside their fields when every row of the form fits so at the widget's width, else
    every label above its field. Either way the form's narrowest width is that of its widest label or
    field, so the dialog can always be made as narrow as the screen."""

    def __init__(self, widget: QWidget, form: QFormLayout) -> None:
        super().__init__(widget)
        self.form = form
        widget.installEventFilter(self)

    def side_by_side_width(self) -> int:
        """The width the form needs to keep every label beside its field."""
        form = self.form
        labels, fields = 0, 0
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.isEmpty() or field.isEmpty():
                continue
            labels = max(labels, label.sizeHint().width())
            fields = max(fields, field.minimumSize().width())
        spacing = form.horizontalSpacing()
        parent = form.parentWidget()
        if spacing < 0 and parent is not None:
            spacing = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        margins = form.contentsMargins()
        return labels + max(spacing, 6) + fields + margins.left() + margins.right()

    def choose(self, width: int) -> None:
        """Pick the form's wrapping for the widget's *width*: a little more room is needed to go back
        to side by side than to leave it, so a scroll bar appearing does not flip it back and forth."""
        form = self.form
        parent = form.parentWidget()
        outer_layout = parent.layout() if parent is not None else None
        if outer_layout is not None and outer_layout is not form:
            outer = outer_layout.contentsMargins()
            width -= outer.left() + outer.right()
        need = self.side_by_side_width()
        beside = form.rowWrapPolicy() != QFormLayout.RowWrapPolicy.WrapAllRows
        slack = 0 if beside else REFLOW_SLACK
        wanted = (
            QFormLayout.RowWrapPolicy.WrapLongRows
            if width >= need + slack
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if form.rowWrapPolicy() != wanted:
            form.setRowWrapPolicy(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # before the layout handles the resize (event filters run first), so it lays out once
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.choose(watched.width())
        return False


def fit_dialog(dialog: QDialog, chars: int) -> None:
    """Size *dialog* to about *chars* average characters of its text (so it grows with the text
    size), at least its narrowest width, and to the height its content needs at that width, both
    at most the screen's free area (the body scrolls). Its forms keep labels beside their fields
    while every row fits so, otherwise every label goes above its field."""
    free = _free_area(dialog)
    target = min(chars * dialog.fontMetrics().averageCharWidth(), free.width() - FRAME_SIDES)
    outer = dialog.layout()
    margins = outer.contentsMargins() if outer is not None else None
    inner = target - (margins.left() + margins.right() if margins is not None else 0) - REFLOW_SLACK
    for form in dialog.findChildren(QFormLayout):
        widget = form.parentWidget()
        if widget is not None and not any(
            isinstance(c, _FormReflow) and c.form is form for c in widget.children()
        ):
            _FormReflow(widget, form).choose(inner)  # the body's width once shown (its resize decides then)
    width = min(max(dialog.minimumSizeHint().width(), target), free.width() - FRAME_SIDES)
    height = min(_height_at(dialog, width), free.height() - FRAME_ALLOWANCE)
    dialog.resize(width, max(height, dialog.minimumSizeHint().height()))


def refit_dialog(dialog: QDialog) -> None:
    """After rows appeared or disappeared: the height the content needs at the dialog's width (at
    most the screen's free height), the width kept."""
    free = _free_area(dialog)
    width = dialog.width()
    dialog.resize(width, min(_height_at(dialog, width), free.height() - FRAME_ALLOWANCE))
