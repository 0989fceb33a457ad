"""File ▸ Export as an International Patient Summary (IPS)… beside the packet, driven with the save path
given (pytest-qt, offscreen): the file is the IPS bundle and one sentence says where it went; a member
without the medical part is told why not and no file is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from PySide6.QtWidgets import QMenu

from mbc_vault.demo import create_demo_vault
from mbc_vault.vault import Vault
from ui.main_window import MainWindow

MEMBER_PASSPHRASE = "member-passphrase-for-tests-only"


def _message(window: MainWindow) -> Any:
    return getattr(window, "last_message", None)


def test_the_action_sits_beside_the_packet_and_saves_the_summary(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not window.ips_action.isEnabled()
    (file_menu,) = [m for m in window.packet_action.associatedObjects() if isinstance(m, QMenu)]
    assert file_menu.title() == "&File"
    actions = [a.text() for a in file_menu.actions()]
    at = actions.index("Second-opinion &packet…")
    assert actions[at + 1] == "E&xport as an International Patient Summary (IPS)…"
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=10)
    window.enter_vault(vault)
    assert window.ips_action.isEnabled()

    out = tmp_path / "summary.json"
    asked: list[str] = []

    def given(parent: Any, title: str, name: str, file_filter: str, **_: Any) -> str:
        asked.append(name)
        return str(out)

    monkeypatch.setattr("ui.packet.ips.ask_save_path", given)
    window.ips_action.trigger()
    qtbot.waitUntil(lambda: _message(window) is not None and "saved" in _message(window).windowTitle())
    assert asked == ["patient-summary.json"]
    assert _message(window).text() == f"The International Patient Summary is saved to {out}."
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Condition", "MedicationStatement", "Observation"} <= kinds


def test_a_member_without_the_medical_part_is_told_why_and_no_file_is_written(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as owner:
        member, _ = owner.add_person(
            "Sam", "son", ["legal"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
        )
    window.enter_vault(Vault.open(path, MEMBER_PASSPHRASE, person_id=member.id))
    asked: list[str] = []
    monkeypatch.setattr("ui.packet.ips.ask_save_path", lambda *args, **kwargs: asked.append("x") or "")
    window.ips_action.trigger()
    message = _message(window)
    assert message is not None and message.windowTitle() == "Could not export the patient summary"
    assert message.text() == (
        "The patient summary comes from the medical part, which you were not given; nothing was written."
    )
    assert asked == []  # not even asked where
