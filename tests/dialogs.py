"""Answering the app's dialogs in tests as a person would, with no modal loop, timer or polling.

A dialog that tests answer has one seam, its `ask()` classmethod, which wraps `exec()` and returns the
answer (or None if cancelled). `answering()` patches that classmethod with a plain function that builds
the real dialog, shows it (not modally), lets the test work in it (type, tick, click its buttons), waits
until it has closed, as `exec()` would, and returns what `ask()` returns. A question in a QMessageBox goes
through the one `ui.widgets.ask(box)` seam: `Questions` clicks the button the test named.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox

D = TypeVar("D", bound=QDialog)
TIMEOUT = 30_000  # ms a dialog may take to close after the test's last click (some work in the pool)


def answering(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    cls: type[D],
    act: Callable[[D], None],
    answer: Callable[[D], Any] | None = None,
) -> list[D]:
    """From now on `cls.ask(...)` (and its subclasses') opens the real dialog for *act* to work in.

    What it returns once accepted is `answer(dialog)`, by default `dialog.answer()`, as ask() does.
    Returns the list of dialogs shown, in order. A dialog *act* leaves open fails the test."""
    seen: list[D] = []

    def ask(klass: type[D], *args: Any, **kwargs: Any) -> Any:
        dialog = klass(*args, **kwargs)
        seen.append(dialog)
        dialog.show()
        try:
            act(dialog)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
        finally:
            if dialog.isVisible():
                dialog.reject()
        if dialog.result() != QDialog.DialogCode.Accepted:
            return None
        return answer(dialog) if answer is not None else dialog.answer()  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "ask", classmethod(ask))
    return seen


def entry_of(dialog: Any) -> Any:
    """What an entry form's ask() returns once saved: the entry (the `answer` for those forms)."""
    return dialog.entry


class Questions:
    """Answers the app's QMessageBox questions (`ui.widgets.ask`) by clicking the buttons named in
    `answer(...)` (by text, or a standard button), in order; a question nobody expected fails the test.
    `seen` holds the boxes asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: list[QMessageBox] = []
        self.answers: list[str | QMessageBox.StandardButton] = []
        monkeypatch.setattr("ui.widgets.ask", self._ask)

    def answer(self, *buttons: str | QMessageBox.StandardButton) -> None:
        self.answers.extend(buttons)

    def _ask(self, box: QMessageBox) -> QAbstractButton | None:
        self.seen.append(box)
        assert self.answers, f"a question nobody expected: {box.text()!r}"
        wanted = self.answers.pop(0)
        box.show()
        if isinstance(wanted, str):
            button = next(b for b in box.buttons() if b.text() == wanted)
        else:
            button = box.button(wanted)
            assert button is not None, f"no {wanted} button in {box.text()!r}"
        button.click()
        assert not box.isVisible()
        return box.clickedButton()
