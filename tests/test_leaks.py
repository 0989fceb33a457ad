"""Nothing a person stored may be readable in the vault folder or the record cache: titles,
providers, tags, notes, names, document text, page texts and original file names appear in no
file, in any common encoding, and every data file is an age file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault.vault import Vault

AGE_MAGIC = b"age-encryption.org/v1\n"
PLAINTEXT_FILES = {"vault.json", "README.txt", ".lock"}

TITLE = "Zephyrine Quillfeather biopsy"
PROVIDER = "Marrowbrook Oncology"
TAGS = ["Lanternwick staging", "Quillfeather-follow-up"]
NOTES = "Dr. Bellweather Stonecrop said to call Thursday"
DOC_TEXT = "NEPHRIDIUM-LANTERN-7731"
PERSON = "Ottoline Example"
VAULT_NAME = "Ottoline's Grimsditch papers"
PAGE_TEXT = "Saltmarrow carcinoma, grade Vexley"
RENAMED = "Wintercress Halloway pathology"
CLI_TITLE = "Brackenfold scan via command line"
FILE_NAMES = [
    "zephyrine-quillfeather-pathology.pdf",
    "marrowbrook-lab-scan.png",
    "nephridium-notes.txt",
    "brackenfold-scan.pdf",
]

#: distinctive pieces: a leak of part of a field is found too (each is long enough that
#: ciphertext cannot contain it by chance)
WORDS = [
    "Zephyrine",
    "Quillfeather",
    "Marrowbrook",
    "Lanternwick",
    "Bellweather",
    "Stonecrop",
    "NEPHRIDIUM",
    "LANTERN-7731",
    "Ottoline",
    "Grimsditch",
    "Saltmarrow",
    "Vexley",
    "Wintercress",
    "Halloway",
    "Brackenfold",
]
SECRETS = [
    TITLE,
    PROVIDER,
    *TAGS,
    NOTES,
    DOC_TEXT,
    PERSON,
    VAULT_NAME,
    PAGE_TEXT,
    RENAMED,
    CLI_TITLE,
    *FILE_NAMES,
    *(Path(n).stem for n in FILE_NAMES),
    *WORDS,
]


def needles() -> dict[bytes, str]:
    """Each secret, lower-cased, in UTF-8, UTF-16 (both byte orders) and UTF-32-LE, and as hex."""
    out: dict[bytes, str] = {}
    for secret in SECRETS:
        text = secret.lower()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"):
            out[text.encode(encoding)] = f"{secret!r} ({encoding})"
        out[text.encode("utf-8").hex().encode()] = f"{secret!r} (hex)"
    return out


def all_files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                yield Path(dirpath) / name


def test_no_plaintext_in_vault_or_cache(tmp_path: Path, passphrase_file: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    pdf, png, txt, cli_pdf = (inputs / name for name in FILE_NAMES)
    shutil.copy(DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf", pdf)
    shutil.copy(DATA / "images" / "lab-report-scan.png", png)
    txt.write_text(f"Pathology addendum\n{DOC_TEXT}\nSpecimen of {PERSON}, seen at {PROVIDER}.\n")
    sample = "002-trivial-libre-office-writer"
    shutil.copy(DATA / "pdf-samples" / sample / f"{sample}.pdf", cli_pdf)

    path = tmp_path / "vault"
    vault = Vault.create(path, PASSPHRASE, name=VAULT_NAME, owner_name=PERSON, work_factor=TEST_WORK_FACTOR)
    biopsy = vault.add_document(
        pdf,
        category="pathology-report",
        title=TITLE,
        date="2026-02-03",
        provider=PROVIDER,
        tags=TAGS,
        notes=NOTES,
        page_texts=[PAGE_TEXT, DOC_TEXT],
    )
    scan = vault.add_document(png, category="lab-result", provider=PROVIDER, tags=TAGS[:1])
    note = vault.add_document(
        txt, category="questions", title=f"{DOC_TEXT} questions", page_texts=[txt.read_text()]
    )
    # every kind of write: metadata change, a move to another scope (re-encrypts the document
    # and its page text), trash and restore, new page texts
    vault.update_metadata(scan.id, title=RENAMED, notes=NOTES)
    vault.update_metadata(note.id, category="clinical-note", tags=TAGS)
    vault.remove(biopsy.id)
    vault.restore(biopsy.id)
    vault.set_page_texts(scan.id, [PAGE_TEXT])
    assert vault.verify().ok
    vault.close()

    # the command line too (it reads the PDF's text in the PDF worker for search, writes the record cache)
    env = {**os.environ, "MBC_VAULT_DEBUG": ""}
    cli = Path(sys.executable).parent / "mbc-vault"
    done = subprocess.run(
        [
            str(cli),
            "add",
            str(path),
            str(cli_pdf),
            "--passphrase-file",
            str(passphrase_file),
            "--title",
            CLI_TITLE,
            "--provider",
            PROVIDER,
            "--tag",
            TAGS[1],
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for command in (["list"], ["search", "Quillfeather"], ["verify"]):
        done = subprocess.run(
            [str(cli), command[0], str(path), *command[1:], "--passphrase-file", str(passphrase_file)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, (command, done.stderr)
        if command[0] == "search":
            assert TITLE in done.stdout

    # reopen (cache in use) and check everything is really there, so the scan below means something
    with Vault.open(path, PASSPHRASE) as reopened:
        records = {r.title: r for r in reopened.records()}
        assert set(records) == {TITLE, RENAMED, f"{DOC_TEXT} questions", CLI_TITLE}
        assert records[TITLE].provider == PROVIDER and records[TITLE].tags == TAGS
        assert records[TITLE].original_name == FILE_NAMES[0]
        assert reopened.people[reopened.person.id].name == PERSON and reopened.name == VAULT_NAME
        assert reopened.page_texts(records[TITLE].id) == [PAGE_TEXT, DOC_TEXT]
        with reopened.open_document(records[f"{DOC_TEXT} questions"].id) as stream:
            assert DOC_TEXT.encode() in stream.read_all()

    cache = Path(os.environ["MBC_VAULT_CACHE_DIR"])
    assert any(cache.rglob("*.age")), "the record cache was not written; the scan would miss it"
    config = [
        Path(os.environ[v]) for v in ("XDG_CONFIG_HOME", "XDG_DATA_HOME") if Path(os.environ[v]).exists()
    ]
    patterns = needles()
    scanned = 0
    for file in all_files(path, cache, *config):
        data = file.read_bytes().lower()
        rel = str(file.relative_to(tmp_path)).lower()
        for needle, what in patterns.items():
            assert needle not in data, f"{what} readable in {file}"
            assert needle.decode("latin-1") not in rel, f"{what} in the file name {file}"
        if file.parent == path and file.name in PLAINTEXT_FILES:
            continue
        assert file.read_bytes().startswith(AGE_MAGIC), f"{file} is not an age file"
        scanned += 1
    assert scanned >= 4 + 4 + 3 + 4  # records, documents, page texts, keys/keyrings/people/info (+ cache)

    marker = json.loads((path / "vault.json").read_text())
    assert set(marker) == {"format", "version", "vault_id"}
    assert (path / ".lock").read_bytes() == b""
