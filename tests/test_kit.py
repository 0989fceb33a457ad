"""The emergency kit: its text, its QR code, and that its steps open the vault with the stock age CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pdfread
import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR, require_tool
from pdfmaker import text_pdf

from mbc_vault.errors import PermissionDenied
from mbc_vault.kit import write_emergency_kit
from mbc_vault.people import Person
from mbc_vault.vault import Vault

KEY_RE = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]{58}")


def pdf_text(path: Path) -> str:
    return pdfread.pdf_text(path)


def kit_key(text: str) -> str:
    keys = set(KEY_RE.findall(text))
    assert len(keys) == 1, keys
    return keys.pop()


@pytest.fixture
def kit(qapp, vault: Vault, tmp_path: Path) -> Path:
    out = tmp_path / "kit.pdf"
    assert write_emergency_kit(vault, out) == out
    return out


def test_kit_text_has_the_vault_the_person_the_key_and_the_steps(vault: Vault, kit: Path) -> None:
    assert pdfread.page_count(kit) == 1
    text = pdf_text(kit)
    flat = " ".join(text.split())
    assert "MBC Vault emergency kit" in flat
    assert "Vault name: Jane Example" in flat and f"Person: {vault.person.name}" in flat
    # the whole folder, which a long one wraps at a "/" onto the next line (pytest-xdist's folders do)
    assert f"Vaultfolder:{vault.path.resolve()}Person:" in "".join(text.split())
    assert kit_key(text) == str(vault.folder.identity)
    assert "Store this like a will" in flat and "without any passphrase" in flat
    assert f"age -d -i my-key.txt keyrings/{vault.person.id}.age > scope-keys.txt" in flat
    assert "my-key.txt" in flat and "age -d -i scope-keys.txt records/" in flat
    assert "documents/DOCUMENT-ID.age" in flat and "docs/recovery.md" in flat


def test_kit_qr_code_decodes_to_the_secret_key(vault: Vault, kit: Path, tmp_path: Path) -> None:
    zbarimg = require_tool("zbarimg")
    pdfread.render_png(kit, tmp_path / "page-1.png", dpi=100)
    result = subprocess.run(
        [zbarimg, "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(vault.folder.identity)


def test_kit_steps_recover_a_document_with_the_stock_age_cli(vault: Vault, kit: Path, tmp_path: Path) -> None:
    """No passphrase anywhere: the key text printed on the kit opens the keyring, then the files."""
    age_cli = require_tool("age")
    source = text_pdf(tmp_path / "pathology.pdf", [["SURGICAL PATHOLOGY REPORT", "ER positive"]])
    record = vault.add_document(source, category="pathology-report", title="Pathology")
    assert record.document is not None
    work = tmp_path / "recovery"
    work.mkdir()
    (work / "my-key.txt").write_text(kit_key(pdf_text(kit)) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"}

    def age(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [age_cli, *map(str, args)],
            capture_output=True,
            cwd=vault.path,
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            timeout=60,
        )

    unlocked = age("-d", "-i", work / "my-key.txt", f"keyrings/{vault.person.id}.age")
    assert unlocked.returncode == 0, unlocked.stderr
    (work / "scope-keys.txt").write_bytes(unlocked.stdout)
    details = age("-d", "-i", work / "scope-keys.txt", f"records/{record.id}.age")
    assert details.returncode == 0, details.stderr
    assert b'"title": "Pathology"' in details.stdout and record.document.id.encode() in details.stdout
    restored = work / "pathology.pdf"
    doc = age("-d", "-i", work / "scope-keys.txt", "-o", restored, f"documents/{record.document.id}.age")
    assert doc.returncode == 0, doc.stderr
    assert restored.read_bytes() == source.read_bytes()


def _add_sam(vault: Vault) -> Person:
    """A member, Sam Helper, given only the legal part, who cannot edit."""
    member, _code = vault.add_person(
        "Sam Helper",
        "son",
        ["legal"],
        can_edit=False,
        passphrase="another good passphrase",
        work_factor=TEST_WORK_FACTOR,
    )
    return member


def test_kit_only_for_the_person_who_unlocked(qapp, vault: Vault, tmp_path: Path) -> None:
    member = _add_sam(vault)
    with pytest.raises(PermissionDenied, match="Sam Helper must make their own emergency kit"):
        write_emergency_kit(vault, tmp_path / "sam.pdf", member.id)
    assert not (tmp_path / "sam.pdf").exists()
    with Vault.open(vault.path, "another good passphrase") as theirs:
        out = write_emergency_kit(theirs, tmp_path / "sam.pdf", member.id)
        assert kit_key(pdf_text(out)) == str(theirs.folder.identity) != str(vault.folder.identity)
        assert "Person: Sam Helper" in " ".join(pdf_text(out).split())
        with pytest.raises(PermissionDenied, match="Only the owner"):
            write_emergency_kit(theirs, tmp_path / "owner.pdf", vault.person.id)


# ------------------------------------------------------------------------- command line
def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "mbc-vault"), *map(str, args)]
    env = {k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"}
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.mark.qt  # the CLI paints the PDF with QtGui
def test_cli_kit_writes_refuses_overwrite_and_wrong_passphrase(
    vault: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kit.pdf"
    pw = ["--passphrase-file", passphrase_file]
    made = run_cli("kit", vault_path, "--out", out, *pw)
    assert made.returncode == 0, made.stderr
    assert "emergency kit of Jane Example" in made.stdout and "like a will" in made.stdout
    assert kit_key(pdf_text(out)) == str(vault.folder.identity)

    before = out.read_bytes()
    again = run_cli("kit", vault_path, "--out", out, *pw)
    assert again.returncode == 1 and "exists" in again.stderr and "--force" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr
    assert out.read_bytes() == before
    forced = run_cli("kit", vault_path, "--out", out, "--force", "--page-size", "A4", *pw)
    assert forced.returncode == 0, forced.stderr

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    bad = run_cli("kit", vault_path, "--out", tmp_path / "other.pdf", "--passphrase-file", wrong)
    assert bad.returncode == 3 and not (tmp_path / "other.pdf").exists()
    assert run_cli("kit", vault_path, *pw).returncode == 2  # --out is required


@pytest.mark.qt  # the CLI paints the PDF with QtGui
def test_cli_kit_for_a_member_uses_their_key(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    member = _add_sam(vault)
    secret = tmp_path / "sam-pass.txt"
    secret.write_text("another good passphrase\n")
    out = tmp_path / "sam.pdf"
    made = run_cli("kit", vault_path, "--out", out, "--person", member.id, "--passphrase-file", secret)
    assert made.returncode == 0, made.stderr
    text = pdf_text(out)
    assert f"keyrings/{member.id}.age" in text and kit_key(text) != str(vault.folder.identity)


# ------------------------------------------------------------------------- desktop app
def test_file_menu_saves_the_kit_and_create_offers_it(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.create_dialog import CreateVaultDialog

    assert not window.kit_action.isEnabled()
    made = Vault.create(tmp_path / "vault", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    monkeypatch.setattr(CreateVaultDialog, "ask", staticmethod(lambda folder, parent: made))
    window.create_vault()
    offer = window.kit_offer
    assert offer.isVisible() and "like a will" in offer.text()
    assert {b.text() for b in offer.buttons()} == {"Save my emergency kit…", "Later"}
    assert window.kit_action.isEnabled() and window.kit_action.text() == "Save my &emergency kit…"

    out = tmp_path / "kit-from-app.pdf"
    monkeypatch.setattr(window, "ask_kit_path", lambda: str(out))
    save = next(b for b in offer.buttons() if offer.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    save.click()
    qtbot.waitUntil(
        lambda: "saved" in getattr(getattr(window, "last_message", None), "windowTitle", str)(),
        timeout=20_000,
    )
    assert str(out) in window.last_message.text() and "like a will" in window.last_message.text()
    assert kit_key(pdf_text(out)) == str(made.folder.identity)

    out.unlink()
    window.kit_action.trigger()
    qtbot.waitUntil(out.exists, timeout=20_000)
    assert "Jane Example" in pdf_text(out)
