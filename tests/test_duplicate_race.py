"""Two writers never store the same document twice (issue 11): the duplicate check runs under the
writer lock, against the records on disk at that moment, not against what each program read at open."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from mbc_vault.errors import DuplicateDocument
from mbc_vault.vault import Vault

SCAN = b"%PDF-1.4 fictional pathology report, Jane Example, 2026-11-02\n" * 50


def test_a_second_program_that_read_the_vault_earlier_still_finds_the_duplicate(
    vault: Vault, vault_path: Path
) -> None:
    vault.close()
    first = Vault.open(vault_path, PASSPHRASE)
    second = Vault.open(vault_path, PASSPHRASE)  # both read the vault before either adds
    try:
        stored = first.add_document(io.BytesIO(SCAN), category="pathology-report", original_name="report.pdf")
        with pytest.raises(DuplicateDocument) as refused:
            second.add_document(io.BytesIO(SCAN), category="pathology-report", original_name="copy.pdf")
        assert refused.value.params["existing_id"] == stored.id
    finally:
        first.close()
        second.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert [r.id for r in reopened.records()] == [stored.id]
    documents = list((vault_path / "documents").iterdir())
    assert len(documents) == 1  # the refused copy's encrypted document was removed too


def test_a_document_added_by_the_other_program_in_the_trash_is_named_so(
    vault: Vault, vault_path: Path
) -> None:
    vault.close()
    first = Vault.open(vault_path, PASSPHRASE)
    second = Vault.open(vault_path, PASSPHRASE)
    try:
        stored = first.add_document(io.BytesIO(SCAN), category="pathology-report", original_name="report.pdf")
        first.remove(stored.id)
        with pytest.raises(DuplicateDocument) as refused:
            second.add_document(io.BytesIO(SCAN), category="pathology-report", original_name="copy.pdf")
        assert refused.value.code == "duplicate-document-in-trash"
    finally:
        first.close()
        second.close()
