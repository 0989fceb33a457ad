"""Errors say what went wrong by code: one English catalog for the CLI, one presenter for the app, and
the same sentences from both; the unlock screen and the CLI still say what they said."""

from __future__ import annotations

import ast
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from PySide6.QtCore import QSettings

from mbc_vault import messages
from mbc_vault.errors import (
    DuplicateDocument,
    FieldError,
    IntegrityError,
    InvalidValue,
    Reason,
    VaultError,
    WrongPassphrase,
)
from mbc_vault.vault import Vault
from ui.app import load_translations, setup_application
from ui.errors import ErrorPresenter, describe
from ui.settings import AppSettings
from ui.unlock import UnlockScreen

ROOT = Path(__file__).resolve().parents[1]
TS_ES = ROOT / "ui" / "resources" / "i18n" / "mbc_vault_es.ts"
NAMED = re.compile(r"\{(\w+)\}")


def _error_classes() -> set[str]:
    """The names of every coded error class of the core (VaultError and its subclasses)."""
    import mbc_vault.packet  # noqa: F401 - defines PacketError, DocumentRejected, PacketProblems

    found, todo = set(), [VaultError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def _codes_raised_in_the_core() -> set[str]:
    codes, classes = set(), _error_classes() | {"JobError"}  # JobError: the PDF worker's jobs
    for path in (ROOT / "mbc_vault").rglob("*.py"):
        if "age" in path.relative_to(ROOT / "mbc_vault").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = getattr(node.func, "value", None)
            problem = name == "of" and getattr(owner, "id", "") == "Problem"  # Problem.of(path, code)
            if name not in classes and not problem:
                continue
            args = node.args[1:] if name == "FieldError" or problem else node.args
            for arg in args[:1]:
                for leaf in ast.walk(arg):  # a literal, or either side of `a if cond else b`
                    if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                        codes.add(leaf.value)
    return codes


def test_every_code_raised_has_an_english_sentence() -> None:
    raised = _codes_raised_in_the_core()
    assert len(raised) > 150
    assert raised - set(messages.MESSAGES) == set()
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in messages.MESSAGES)


def test_every_code_has_an_app_sentence_with_the_same_names() -> None:
    sentences = ErrorPresenter().sentences()
    assert set(sentences) == set(messages.MESSAGES)
    for code, english in messages.MESSAGES.items():
        # without a translator the app says exactly what the CLI says
        assert sentences[code] == english, code


def test_every_app_sentence_is_in_spanish_with_the_same_names() -> None:
    root = ET.parse(TS_ES).getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "ErrorPresenter")
    spanish = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    for code, english in messages.MESSAGES.items():
        translation = spanish.get(english)
        assert translation is not None, code
        assert translation.get("type") is None and translation.text, code
        assert sorted(NAMED.findall(translation.text)) == sorted(NAMED.findall(english)), code


def test_the_cli_sentence_is_rendered_from_the_code() -> None:
    error = IntegrityError("key-file-damaged", path="/v/keys/abc.age")
    assert error.code == "key-file-damaged" and error.path == "/v/keys/abc.age"
    assert (
        str(error)
        == "The key file /v/keys/abc.age is damaged (the passphrase is right); restore it from a backup."
    )
    assert str(WrongPassphrase()) == "Wrong passphrase for this vault."
    field = FieldError("value", "lab-value-not-a-number", value="abc")
    assert isinstance(field, ValueError) and field.field == "value"
    assert str(field) == 'The value "abc" is not a number.'
    nested = IntegrityError("record-not-used", why=Reason("writer-mismatch"))
    assert (
        str(nested) == "it names another person as its last writer than the one who signed it; it is not used"
    )


def test_errors_survive_pickling_with_their_code_and_params() -> None:
    error = DuplicateDocument("duplicate-document", existing_id="r1", label="scan.pdf", title="Scan")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.existing_id, str(copy)) == (
        DuplicateDocument,
        "duplicate-document",
        "r1",
        str(error),
    )


def test_the_presenter_never_shows_a_traceback(qapp) -> None:
    assert describe(VaultError("no-such-code-yet")) == "no-such-code-yet"
    assert describe(InvalidValue("title-empty")) == "The title cannot be empty."
    assert (
        describe(KeyError("x"))
        == "Something went wrong (KeyError); nothing half-done was kept. Please try again."
    )
    assert (
        describe(PermissionError(13, "Permission denied", "/tmp/x"))
        == "/tmp/x could not be used: Permission denied."
    )


def test_the_presenter_speaks_spanish_inside_and_out(qapp) -> None:
    app = setup_application()
    translators = load_translations(app, "es")
    try:
        assert describe(WrongPassphrase()) == "Frase de contraseña incorrecta para esta bóveda."
        nested = IntegrityError("record-not-used", why=Reason("signer-unknown"))
        assert describe(nested) == "lo firmó alguien que no está en esta bóveda; no se usa"
        assert describe(FieldError("unit", "lab-unit-missing")) == "Escriba la unidad, p. ej. U/mL."
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert describe(WrongPassphrase()) == "Wrong passphrase for this vault."


def _field_labels_in_the_core() -> set[str]:
    """The field names the core's checks put in their sentences: the label argument of _date,
    _choice and _percent, and label=/field= keywords of coded errors."""
    labels = set()
    for path in (ROOT / "mbc_vault").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"_date": 2, "_percent": 2, "_choice": 3}.get(name)
            if position is not None and len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant):
                    labels.add(arg.value)
    return labels


def test_every_field_name_in_a_sentence_is_worded_by_the_app() -> None:
    from ui.errors import FIELD_LABELS

    found = _field_labels_in_the_core()
    assert {"histology", "biopsy date", "ER percent"} <= found
    assert found - set(FIELD_LABELS) == set()


def test_field_names_and_parts_read_in_spanish_inside_a_sentence(qapp) -> None:
    app = setup_application()
    translators = load_translations(app, "es")
    try:
        assert describe(FieldError("histology", "choose-from-list", label="histology")) == (
            "Elija la histología de la lista."
        )
        assert describe(FieldError("date", "date-required", label="biopsy date")).startswith(
            "Escriba la fecha de la biopsia como AAAA-MM-DD"
        )
        problem = IntegrityError("keyring-key-not-yet", scope="medical")
        assert "Registros médicos" in describe(problem) and "medical" not in describe(problem)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_a_damaged_file_is_listed_in_the_app_language(qapp, tmp_path: Path) -> None:
    """What verify finds is a coded problem: the CLI prints its English, the app its own words."""
    from ui.errors import describe_problem

    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=12)
    try:
        (tmp_path / "v" / "keys" / "0123456789abcdef0123.age").write_bytes(
            b"age-encryption.org/v1\nplanted\n"
        )
        problem = next(p for p in vault.verify().problems if p.path == "keys/0123456789abcdef0123.age")
    finally:
        vault.close()
    assert problem.error.code == "file-of-no-one" and "belongs to no one" in problem.message
    assert describe_problem(problem).startswith("keys/0123456789abcdef0123.age: this file belongs to no one")
    app = setup_application()
    translators = load_translations(app, "es")
    try:
        assert describe_problem(problem).startswith(
            "keys/0123456789abcdef0123.age: este archivo no pertenece a nadie"
        )
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def _cli_error(vault_path: Path, passphrase_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "mbc-vault"),
            "list",
            str(vault_path),
            "--passphrase-file",
            str(passphrase_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,
    )


def _unlock_error(qtbot, tmp_path: Path, vault_path: Path, passphrase: str) -> str:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    screen = UnlockScreen(settings)
    qtbot.addWidget(screen)
    screen.set_vault(vault_path)
    screen.pass_edit.setText(passphrase)
    screen.unlock()
    qtbot.waitUntil(lambda: screen.error.text() != "", timeout=20_000)
    return screen.error.text()


@pytest.mark.parametrize("damaged", [False, True])
def test_the_unlock_screen_and_the_cli_say_the_same(
    qtbot, vault: Vault, vault_path: Path, tmp_path: Path, damaged: bool
) -> None:
    vault.close()
    passphrase_file = tmp_path / "passphrase.txt"
    if damaged:  # the key file's header is broken: the passphrase cannot be checked, so the hint names it
        key = next((vault_path / "keys").glob("*.age"))
        data = bytearray(key.read_bytes())
        data[0] ^= 0xFF
        key.write_bytes(bytes(data))
        passphrase_file.write_text(PASSPHRASE + "\n")
    else:
        passphrase_file.write_text("not the passphrase\n")
    cli = _cli_error(vault_path, passphrase_file)
    said = _unlock_error(qtbot, tmp_path, vault_path, passphrase_file.read_text().strip())
    assert cli.returncode == 3
    if damaged:
        assert cli.stderr.strip().splitlines()[-1] == f"mbc-vault: {said}"  # after a log line
        assert said.startswith("Wrong passphrase for this vault, or the key file keys/")
    else:
        assert cli.stderr.strip() == "mbc-vault: Wrong passphrase for this vault."
        assert said == "Wrong passphrase."
