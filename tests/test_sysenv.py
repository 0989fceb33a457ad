"""Programs of the computer started from the bundle get the computer's library path back
(mbc_vault/sysenv.py); the bundle's branch is forced here from the source tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mbc_vault import ocr
from mbc_vault.sysenv import system_environment

BUNDLE_ENV = {
    "PATH": "/usr/bin:/bin",
    "LD_LIBRARY_PATH": "/opt/mbc-vault/_internal:/usr/local/lib",
    "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
    "QT_PLUGIN_PATH": "/opt/mbc-vault/_internal/PySide6/Qt/plugins",
    "QML2_IMPORT_PATH": "/opt/mbc-vault/_internal/PySide6/Qt/qml",
    "LANG": "es_ES.UTF-8",
}


def test_in_the_bundle_the_library_path_is_the_one_it_started_with() -> None:
    env = system_environment(BUNDLE_ENV, frozen=True)
    assert env == {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": "/usr/local/lib", "LANG": "es_ES.UTF-8"}
    started_without = {k: v for k, v in BUNDLE_ENV.items() if k != "LD_LIBRARY_PATH_ORIG"}
    assert "LD_LIBRARY_PATH" not in system_environment(started_without, frozen=True)


def test_outside_the_bundle_the_environment_is_passed_on_as_it_is() -> None:
    env = system_environment(BUNDLE_ENV, frozen=False)
    assert env == BUNDLE_ENV and env is not BUNDLE_ENV


@pytest.mark.skipif(sys.platform == "win32", reason="the fake tesseract is a script with a #! line")
def test_tesseract_started_from_the_bundle_does_not_get_the_bundles_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "tesseract"  # prints the library path it was given instead of recognizing
    fake.write_text(
        '#!/bin/sh\ncat >/dev/null\nprintf "%s" "${LD_LIBRARY_PATH-unset}|${QT_PLUGIN_PATH-unset}"\n'
    )
    fake.chmod(0o755)
    for name, value in BUNDLE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert ocr.recognize_image(b"P5 1 1 255 \x00") == "/usr/local/lib|unset"
