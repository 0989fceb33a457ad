"""Text that wraps onto more lines instead of widening a window at large text: `wrap_lines` (the
line breaking of the welcome screen's choices), and `WrappingCheckBox` and `WrappingRadioButton`, whose
long text wraps to their width (dialogs, the packet wizard's options)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

#: a wrapping button's preferred width, in average characters of its text (it wraps beyond)
WRAP_CHARS = 45


def wrap_lines(metrics: QFontMetrics, text: str, room: int) -> list[str]:
    """*text* broken at words into lines at most *room* pixels wide (a word longer than that keeps a
    line of its own); its own line breaks are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(candidate) > room:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


class _Wrapping:
    """What WrappingCheckBox and WrappingRadioButton share: the text wraps to the button's width."""

    INDICATOR = QStyle.SubElement.SE_CheckBoxIndicator
    CONTENTS = QStyle.SubElement.SE_CheckBoxContents
    CONTROL = QStyle.ControlElement.CE_CheckBox

    # Qt's virtual functions, overridden once for both buttons (the mixin comes first in their bases)
    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._height_for(self._button(), width)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._size_hint(self._button())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._minimum_size_hint(self._button())

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self._button().rect().contains(pos)  # the wrapped text is part of the button

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        self._paint(self._button(), self.CONTROL)

    def _button(self) -> QCheckBox | QRadioButton:
        assert isinstance(self, (QCheckBox, QRadioButton))
        return self

    def _setup(self, button: QCheckBox | QRadioButton) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        button.setSizePolicy(policy)

    def _text_rect(self, button: QCheckBox | QRadioButton, rect: QRect) -> QRect:
        option = QStyleOptionButton()
        button.initStyleOption(option)
        option.rect = rect
        return button.style().subElementRect(self.CONTENTS, option, button)

    def _pad(self, button: QCheckBox | QRadioButton) -> int:
        """Vertical room around one line of text (the style's margins and border)."""
        single = (
            QCheckBox.sizeHint(button) if isinstance(button, QCheckBox) else QRadioButton.sizeHint(button)
        )
        return max(0, single.height() - button.fontMetrics().height())

    def _height_for(self, button: QCheckBox | QRadioButton, width: int) -> int:
        text = self._text_rect(button, QRect(0, 0, width, 1000))
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = button.fontMetrics().boundingRect(
            QRect(0, 0, max(1, text.width()), 100_000), flags, button.text()
        )
        return lines.height() + self._pad(button)

    def _left(self, button: QCheckBox | QRadioButton) -> int:
        """Pixels the text does not get: the indicator, its spacing and the margins."""
        text = self._text_rect(button, QRect(0, 0, 1000, 100))
        return 1000 - text.width()

    def _size_hint(self, button: QCheckBox | QRadioButton) -> QSize:
        metrics = button.fontMetrics()
        text = min(metrics.horizontalAdvance(button.text()), WRAP_CHARS * metrics.averageCharWidth())
        width = self._left(button) + text + 2
        return QSize(width, self._height_for(button, width))

    def _minimum_size_hint(self, button: QCheckBox | QRadioButton) -> QSize:
        metrics = button.fontMetrics()
        widest = max((metrics.horizontalAdvance(word) for word in button.text().split()), default=0)
        return QSize(self._left(button) + widest + 2, metrics.height() + self._pad(button))

    def _paint(self, button: QCheckBox | QRadioButton, control: QStyle.ControlElement) -> None:
        painter = QPainter(button)
        option = QStyleOptionButton()
        button.initStyleOption(option)
        option.text = ""  # the frame (focus border) and the indicator; the text is drawn wrapped below
        button.style().drawControl(control, option, painter, button)
        area = self._text_rect(button, button.rect())
        flags = (
            int(Qt.TextFlag.TextWordWrap)
            | int(Qt.AlignmentFlag.AlignLeft)
            | int(Qt.AlignmentFlag.AlignVCenter)
        )
        painter.setPen(button.palette().color(button.foregroundRole()))
        painter.drawText(area, flags, button.text())
        painter.end()


class WrappingCheckBox(_Wrapping, QCheckBox):
    """A check box whose text wraps onto more lines when the dialog is narrow or the text large."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        self._setup(self)


class WrappingRadioButton(_Wrapping, QRadioButton):
    """A radio button whose text wraps onto more lines when the dialog is narrow or the text large."""

    INDICATOR = QStyle.SubElement.SE_RadioButtonIndicator
    CONTENTS = QStyle.SubElement.SE_RadioButtonContents
    CONTROL = QStyle.ControlElement.CE_RadioButton

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, text, parent)
        self._setup(self)
