"""What the computer keeps in plain text (issue 10, point 8): the app's settings hold ids and paths, never
names or titles; the plaintext files we write on request (exports, the emergency kit, packets, printouts,
CSV and calendar exports) are 0600 from the start and never replace a device, a pipe or another special
file, even with --force."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from pdfmaker import text_pdf

from mbc_vault.errors import OutputFileError
from mbc_vault.fsutil import TEMP_PREFIX, atomic_write_private, atomic_write_private_bytes, private_target
from mbc_vault.vault import Vault

OWNER = "Quillon Farthingale"
TITLE = "Zephyrine Marchbank Papers"
IS_ROOT = os.geteuid() == 0


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The common umask 022 (files 0644 unless we say otherwise); CLI subprocesses inherit it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def char_device(path: Path) -> Path:
    """A character device like /dev/null, made in a temporary folder (needs root)."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


SPECIAL = ["fifo", pytest.param("chardev", marks=pytest.mark.skipif(not IS_ROOT, reason="mknod needs root"))]


def make_special(kind: str, path: Path) -> tuple[Path, int, int]:
    """(path, its file type, its inode) for a FIFO or a character device at *path*."""
    if kind == "fifo":
        os.mkfifo(path, 0o644)
    else:
        char_device(path)
    st = os.lstat(path)
    return path, stat.S_IFMT(st.st_mode), st.st_ino


def still_there(path: Path, kind: int, ino: int) -> bool:
    st = os.lstat(path)
    return stat.S_IFMT(st.st_mode) == kind and st.st_ino == ino


# ------------------------------------------------------------------------- fsutil
def test_private_write_is_0600_from_creation_and_replaces_only_with_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "copy.pdf"
    modes: list[int] = []

    def write(handle) -> None:
        modes.append(stat.S_IMODE(os.fstat(handle.fileno()).st_mode))  # already 0600 before any byte
        handle.write(b"secret")

    atomic_write_private(target, write)
    assert modes == [0o600] and mode(target) == 0o600 and target.read_bytes() == b"secret"
    with pytest.raises(OutputFileError, match="already exists"):
        atomic_write_private_bytes(target, b"other")
    assert target.read_bytes() == b"secret"
    target.chmod(0o644)  # an existing, readable file that is replaced becomes private too
    atomic_write_private_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new" and mode(target) == 0o600

    def fail(handle) -> None:
        handle.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write_private(target, fail, overwrite=True)
    assert target.read_bytes() == b"new" and no_temp_files(tmp_path)


@pytest.mark.parametrize("kind", SPECIAL)
def test_private_write_never_replaces_a_special_file(tmp_path: Path, kind: str) -> None:
    node, ftype, ino = make_special(kind, tmp_path / "node")
    called: list[bool] = []
    for overwrite in (False, True):
        with pytest.raises(OutputFileError) as raised:
            atomic_write_private(node, lambda handle: called.append(True), overwrite)
        message = str(raised.value)
        assert str(node) in message and "not an ordinary file" in message and "choose" in message
        assert "\n" not in message
    assert not called and still_there(node, ftype, ino) and no_temp_files(tmp_path)
    # through a link: the special file it points to is not replaced either, nor is the link
    link = tmp_path / "link.pdf"
    link.symlink_to(node)
    with pytest.raises(OutputFileError, match="not an ordinary file"):
        atomic_write_private_bytes(link, b"x", overwrite=True)
    assert link.is_symlink() and still_there(node, ftype, ino)


def test_folders_dangling_links_and_links_to_files(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(OutputFileError, match="is a folder"):
        atomic_write_private_bytes(folder, b"x", overwrite=True)
    with pytest.raises(OutputFileError, match="does not exist"):
        private_target(tmp_path / "missing" / "x.pdf")
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputFileError, match="link to a file that does not exist"):
        atomic_write_private_bytes(dangling, b"x", overwrite=True)
    assert not (tmp_path / "nowhere").exists()
    real = folder / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    atomic_write_private_bytes(
        link, b"new", overwrite=True
    )  # the file it points to is replaced, the link kept
    assert link.is_symlink() and real.read_bytes() == b"new" and mode(real) == 0o600


# ------------------------------------------------------------------------- core writers
@pytest.fixture
def owner_vault(vault: Vault, tmp_path: Path) -> Vault:
    vault.add_document(
        text_pdf(tmp_path / "in.pdf", [["Pathology report (fictional)"]]),
        category="pathology-report",
        title="Liver biopsy",
        date="2024-05-20",
    )
    return vault


def test_export_kit_printouts_and_exports_are_0600(qapp, owner_vault: Vault, tmp_path: Path) -> None:
    from mbc_vault.cancer.labs_csv import export_lab_csv
    from mbc_vault.cancer.printouts import write_medication_list_pdf
    from mbc_vault.cancer.store import CancerRecord
    from mbc_vault.care.ics import write_ics
    from mbc_vault.care.printouts import write_contact_sheet_pdf
    from mbc_vault.care.store import CarePlan
    from mbc_vault.kit import write_emergency_kit

    record = owner_vault.records()[0]
    out = tmp_path / "out"
    out.mkdir()
    written = [
        owner_vault.export_document(record.id, out / "copy.pdf"),
        write_emergency_kit(owner_vault, out / "kit.pdf"),
    ]
    cancer, care = CancerRecord(owner_vault), CarePlan(owner_vault)
    write_medication_list_pdf(cancer, out / "meds.pdf", "Jane Example")
    write_contact_sheet_pdf(care.contacts(), "Jane Example", out / "team.pdf")
    export_lab_csv(cancer, out / "labs.csv")
    write_ics(care.appointments(), out / "visits.ics")
    written += [out / n for n in ("meds.pdf", "team.pdf", "labs.csv", "visits.ics")]
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert no_temp_files(out)


@pytest.mark.parametrize("kind", SPECIAL)
def test_export_document_onto_a_special_file_is_refused(
    owner_vault: Vault, tmp_path: Path, kind: str
) -> None:
    node, ftype, ino = make_special(kind, tmp_path / "node")
    with pytest.raises(OutputFileError, match="not an ordinary file"):
        owner_vault.export_document(owner_vault.records()[0].id, node, overwrite=True)
    assert still_there(node, ftype, ino) and no_temp_files(tmp_path)


# ------------------------------------------------------------------------- command line
def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "mbc-vault"), *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def one_plain_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def cli_vault(owner_vault: Vault, vault_path: Path, passphrase_file: Path) -> tuple[Path, str, list[str]]:
    rid = owner_vault.records()[0].id
    owner_vault.close()
    return vault_path, rid, ["--passphrase-file", str(passphrase_file)]


@pytest.mark.qt  # the CLI paints the kit and the packet with QtGui
def test_cli_export_kit_and_packet_are_0600(cli_vault: tuple[Path, str, list[str]], tmp_path: Path) -> None:
    vault_path, rid, pw = cli_vault
    (tmp_path / "pw").write_text("packet pw\n")
    outputs = {
        "copy.pdf": ["export", vault_path, rid, "--out", tmp_path / "copy.pdf", *pw],
        "kit.pdf": ["kit", vault_path, "--out", tmp_path / "kit.pdf", *pw],
        "packet.pdf": [
            "packet",
            vault_path,
            "--out",
            tmp_path / "packet.pdf",
            "--include",
            rid,
            "--no-summary",
            *pw,
        ],
        "locked.pdf": [
            "packet",
            vault_path,
            "--out",
            tmp_path / "locked.pdf",
            "--include",
            rid,
            "--no-summary",
            "--password-file",
            tmp_path / "pw",
            *pw,
        ],
    }
    for name, args in outputs.items():
        done = run(*args)
        assert done.returncode == 0, (name, done.stderr)
        assert mode(tmp_path / name) == 0o600, name
    # replaced with --force: still 0600, a fresh private file
    (tmp_path / "kit.pdf").chmod(0o644)
    assert run("kit", vault_path, "--out", tmp_path / "kit.pdf", "--force", *pw).returncode == 0
    assert mode(tmp_path / "kit.pdf") == 0o600
    assert no_temp_files(tmp_path)


@pytest.mark.parametrize("kind", SPECIAL)
def test_cli_export_force_onto_a_special_file_is_refused(
    cli_vault: tuple[Path, str, list[str]], tmp_path: Path, kind: str
) -> None:
    vault_path, rid, pw = cli_vault
    node, ftype, ino = make_special(kind, tmp_path / "node")
    for args in (
        ["export", vault_path, rid, "--out", node, "--force", *pw],
        ["export", vault_path, rid, "--out", node, *pw],
        ["kit", vault_path, "--out", node, "--force", *pw],
        ["packet", vault_path, "--out", node, "--force", "--include", rid, "--no-summary", *pw],
    ):
        refused = run(*args)
        assert refused.returncode == 1, (args[0], refused.stderr)
        line = one_plain_sentence(refused)
        assert str(node) in line and "not an ordinary file" in line and "choose" in line, line
        assert still_there(node, ftype, ino), args[0]
    assert no_temp_files(tmp_path)


# ------------------------------------------------------------------------- the app's settings
def test_settings_hold_ids_never_names_or_titles(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, Qt

    from ui.create_dialog import CreateVaultDialog
    from ui.settings import AppSettings

    ini = tmp_path / "settings.ini"  # the window's settings (conftest)
    # 1. the owner creates a vault through the create dialog, as from the welcome screen
    dialog = CreateVaultDialog(tmp_path / "created", window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, OWNER)
    qtbot.keyClicks(dialog.pass_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.again_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.mouseClick(dialog.create_btn, Qt.MouseButton.LeftButton)
    created = dialog.vault
    assert created is not None and created.person.name == OWNER
    window.enter_vault(created)
    assert OWNER in window.who.text()  # shown once unlocked
    owner_id = created.person.id
    window.lock()

    # 2. a vault with its own title, unlocked through the unlock screen
    titled = Vault.create(
        tmp_path / "titled", PASSPHRASE, name=TITLE, owner_name=OWNER, work_factor=TEST_WORK_FACTOR
    )
    titled_owner = titled.person.id
    titled.close()
    for path in (tmp_path / "titled", tmp_path / "created"):
        window.show_unlock(path)
        qtbot.keyClicks(window.unlock_screen.pass_edit, PASSPHRASE)
        qtbot.mouseClick(window.unlock_screen.unlock_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
        assert TITLE in window.windowTitle() or path.name == "created"
        window.lock()
    window.show_welcome()
    shown = [window.welcome.recent_list.item(i).text() for i in range(window.welcome.recent_list.count())]
    assert any("titled" in text for text in shown) and any("created" in text for text in shown)
    assert not any(OWNER in text or TITLE in text for text in shown)
    window.settings.sync()
    text = ini.read_text(encoding="utf-8")
    for secret in (OWNER, TITLE, *OWNER.split(), *TITLE.split()):
        assert secret not in text, secret
    # what it keeps: the vault folders and who last unlocked each (ids)
    again = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert set(again.recent_vaults()) == {str((tmp_path / n).resolve()) for n in ("created", "titled")}
    assert again.last_person(tmp_path / "created") == owner_id
    assert again.last_person(tmp_path / "titled") == titled_owner


def test_names_kept_by_older_versions_are_removed(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings

    ini = tmp_path / "settings.ini"
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    old.setValue("people/0123456789abcdef/5f1d2c3b", OWNER)
    old.setValue("last_person/0123456789abcdef", "5f1d2c3b")
    old.sync()
    del old
    assert OWNER in ini.read_text()
    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.sync()
    assert OWNER not in ini.read_text()
    assert "5f1d2c3b" in ini.read_text()  # the remembered id stays
