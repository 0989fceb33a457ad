"""Text that wraps onto more lines instead of widening a window at large text: `wrap_lines` (the
line breaking of the welcome screen's choices and of `WrappingCheckBox`), `WrappingCheckBox`."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


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


class WrappingCheckBox(QCheckBox):
    """A check box whose text wraps onto more lines when it is narrower than the text (large text on
    a small screen), instead of widening the page. `text()` is the text as given."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self, width: int) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, max(self.height(), 1))
        return option

    def _room(self, width: int) -> int:
        """The width left for the text beside the box at *width*."""
        option = self._option(width)
        text = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        return max(1, min(text.width(), width - text.x()))

    def lines(self, width: int | None = None) -> list[str]:
        """The text as painted at *width* (the check box's own by default)."""
        return wrap_lines(
            self.fontMetrics(), self.text(), self._room(self.width() if width is None else width)
        )

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        one_line = super().sizeHint().height()
        extra = self.fontMetrics().lineSpacing() * (len(self.lines(width)) - 1)
        return one_line + max(0, extra)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Narrow (the layout widens it) and as high as the text on one line."""
        natural = super().sizeHint()
        return QSize(min(natural.width(), self.fontMetrics().averageCharWidth() * 30), natural.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        word = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        natural = super().sizeHint()
        box = natural.width() - metrics.horizontalAdvance(self.text())
        return QSize(min(natural.width(), word + max(0, box)), natural.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = "\n".join(self.lines())  # the style draws the box and the wrapped lines
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
