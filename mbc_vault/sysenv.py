"""The environment for a program of the computer (tesseract) started from the bundled app.

In the PyInstaller bundle on Linux the loader puts the bundle's library folder first in
LD_LIBRARY_PATH (keeping the old value in LD_LIBRARY_PATH_ORIG), and PySide6's hook points
QT_PLUGIN_PATH and QML2_IMPORT_PATH into the bundle. A system program started with that environment
would load the bundle's copies of libpng, zlib, OpenSSL or Qt's plugins instead of its own, and on
another distribution than the build machine's fail or misbehave. Outside a bundle the environment is
passed on as it is. (The PDF worker is the bundled program itself: it keeps the bundle's environment.)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: set by PySide6's PyInstaller hook to folders inside the bundle
BUNDLE_QT_VARIABLES = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH")


def system_environment(
    environ: Mapping[str, str] | None = None, *, frozen: bool | None = None
) -> dict[str, str]:
    """A copy of *environ* (os.environ) fit for a program of the computer. *frozen* (default: whether
    this is the bundled program) lets the tests take the bundle's branch from the source tree."""
    env = dict(os.environ if environ is None else environ)
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return env
    original = env.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        env["LD_LIBRARY_PATH"] = original
    else:
        env.pop("LD_LIBRARY_PATH", None)
    for name in BUNDLE_QT_VARIABLES:
        env.pop(name, None)
    return env
