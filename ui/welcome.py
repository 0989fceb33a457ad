"""The first screen: create a vault, open one someone shared, or explore a demo; recent vaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QPaintEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from .keyboard import enter_presses
from .widgets import heading, note
from .wrapping import wrap_lines

#: a choice's text is this much larger than the rest of the screen
CHOICE_FONT = 1.15


class ChoiceCard(QPushButton):
    """A large choice: its title and a line of detail, wrapped onto more lines when the card is
    narrower than the text (200 % text on a small screen) instead of running off. `text()` is the
    title and the detail on two lines, as written."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{title}\n{detail}", parent)
        self.setObjectName("bigChoice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.setMinimumHeight(72)
        policy = QSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def follow_font(self, font: QFont) -> None:
        """Take *font* (the screen's, at the current text size), CHOICE_FONT times larger."""
        large = QFont(font)
        large.setPointSizeF(font.pointSizeF() * CHOICE_FONT)
        if self.font() != large:
            self.setFont(large)
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        # a re-polish of the style sheet ("Larger text") puts back the font first set: follow again
        parent = self.parentWidget()
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and parent is not None:
            self.follow_font(parent.font())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.updateGeometry()  # the focus border is thicker (app.qss): the layout gives it room

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.updateGeometry()

    def _padding(self, width: int) -> QSize:
        """What the style's border and padding take around the text, at *width*."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, 200)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        return QSize(width - inner.width(), 200 - inner.height())

    def lines(self, width: int | None = None) -> list[str]:
        """The text as painted at *width* (the card's own by default): each line wrapped at words."""
        width = self.width() if width is None else width
        return wrap_lines(self.fontMetrics(), self.text(), max(1, width - self._padding(width).width()))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        text = self.fontMetrics().lineSpacing() * len(self.lines(width))
        return max(self.minimumHeight(), text + self._padding(width).height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Narrow (the layout widens it): as high as the text on the fewest lines."""
        metrics = self.fontMetrics()
        natural = max(metrics.horizontalAdvance(line) for line in self.text().split("\n"))
        natural += self._padding(natural).width()
        narrow = min(natural, metrics.averageCharWidth() * 30)
        return QSize(narrow, self.heightForWidth(natural))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        word = max(metrics.horizontalAdvance(w) for w in self.text().split())
        return QSize(word + self._padding(word).width(), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = "\n".join(self.lines())  # the style draws the wrapped lines, in its colours
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)


class WelcomeScreen(QWidget):
    """Three large choices and the list of recently used vaults."""

    create_requested = Signal()
    open_shared_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Welcome to MBC Vault"), self, 1.9))
        layout.addWidget(
            note(
                self.tr(
                    "Keep your medical and legal records in one encrypted place on this computer. "
                    "Only people you choose can open them."
                ),
                self,
            )
        )
        self.create_btn = self._choice(
            self.tr("Create my vault"), self.tr("Start a new, empty vault protected by your passphrase.")
        )
        self.open_btn = self._choice(
            self.tr("Open a vault someone shared with me"),
            self.tr("Choose the folder (USB drive, shared or synced folder)."),
        )
        self.demo_btn = self._choice(
            self.tr("Explore a demo vault"),
            self.tr("Look around with fictional records first. Nothing real is used."),
        )
        self.create_btn.clicked.connect(self.create_requested)
        self.open_btn.clicked.connect(self.open_shared_requested)
        self.demo_btn.clicked.connect(self.demo_requested)
        for button in (self.create_btn, self.open_btn, self.demo_btn):
            layout.addWidget(button)
        enter_presses(self.create_btn, self.open_btn, self.demo_btn)  # Enter, as Space, presses a choice
        self.recent_label = note(
            self.tr("Recently opened vaults (double-click or press Enter to open):"), self
        )
        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName(self.tr("Recently opened vaults"))
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        layout.addStretch(1)

    def _choice(self, title: str, detail: str) -> ChoiceCard:
        card = ChoiceCard(title, detail, self)
        card.follow_font(self.font())
        return card

    def choices(self) -> list[ChoiceCard]:
        """The three choices, top to bottom."""
        return [self.create_btn, self.open_btn, self.demo_btn]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "demo_btn"):  # the choices grow too
            for card in self.choices():
                card.follow_font(self.font())
        super().changeEvent(event)

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}    {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        visible = bool(paths)
        self.recent_label.setVisible(visible)
        self.recent_list.setVisible(visible)
