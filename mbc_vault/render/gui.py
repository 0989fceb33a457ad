"""The QGuiApplication that every module of mbc_vault.render needs to paint (offscreen without a screen)."""

from __future__ import annotations

import os

_keep: list[object] = []


def ensure_gui_application() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(["mbc-vault"]))
