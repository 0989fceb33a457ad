"""The core's painting with Qt's QtGui: HTML to PDF (`pdf`), typeset packet pages (`typeset`), charts
(`chart`) and QR codes (`qr`). The only part of the core that imports PySide6, and never QtWidgets
(pyproject.toml's import-linter contracts check it)."""
