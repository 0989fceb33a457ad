"""A very large packet is named before it is built: totals, the biggest documents, in the core and the CLI."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from mbc_vault.packet import LARGE_PACKET_BYTES, LARGE_PACKET_PAGES, packet_size
from mbc_vault.vault import Vault


def _add(vault: Vault, title: str, pages: int | None, body: bytes = b"") -> str:
    data = io.BytesIO(b"%PDF-1.4\n" + (body or title.encode()))
    return vault.add_document(data, category="lab-result", title=title, pages=pages, original_name="x.pdf").id


def test_a_small_packet_is_not_very_large(vault: Vault) -> None:
    ids = [_add(vault, "CT chest", 4), _add(vault, "Photo of labs", None), _add(vault, "Biopsy", 12)]
    size = packet_size(vault.get(i) for i in ids)
    assert (size.pages, size.very_large) == (17, False)  # a record without a page count is one page
    assert size.size == sum(vault.get(i).size for i in ids)


def test_too_many_pages_names_the_biggest_documents_first(vault: Vault) -> None:
    ids = [
        _add(vault, "Hospital chart", LARGE_PACKET_PAGES - 10),
        _add(vault, "CT chest", 4),
        _add(vault, "Discharge summary", 30),
        _add(vault, "Biopsy", 12),
    ]
    size = packet_size(vault.get(i) for i in ids)
    assert size.pages == LARGE_PACKET_PAGES + 36 and size.very_large
    # Biopsy (12 pages) fills less than a tenth of the page limit: it is not what makes it large
    assert [d.title for d in size.biggest] == ["Hospital chart", "Discharge summary"]
    assert size.biggest[0].pages == LARGE_PACKET_PAGES - 10
    text = size.describe()
    assert '"Hospital chart" (190 pages, 0.1 MB)' in text and "236 pages" in text
    assert "CT chest" not in text and "Biopsy" not in text and "\n" not in text
    assert not packet_size(vault.get(i) for i in ids[1:]).very_large


def test_too_many_bytes_counts_as_very_large(vault: Vault) -> None:
    scans = vault.get(_add(vault, "Scans on disc", 3))
    big = dataclasses.replace(scans, size=LARGE_PACKET_BYTES + 1)  # a 100 MB document, without writing one
    size = packet_size([vault.get(_add(vault, "CT chest", 4)), big])
    assert size.very_large and size.pages == 7
    assert size.biggest[0].title == "Scans on disc" and "100.0 MB" in size.describe()
    assert not packet_size([scans]).very_large


@pytest.mark.qt  # the packet is typeset with Qt in the child
def test_the_cli_warns_on_stderr_and_builds_anyway(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    pdf = (Path(__file__).parent / "data/pdf-samples/004-pdflatex-4-pages/pdflatex-4-pages.pdf").read_bytes()
    chart = vault.add_document(io.BytesIO(pdf), category="lab-result", title="Hospital chart", pages=250).id
    vault.close()
    out = tmp_path / "packet.pdf"
    command = [str(Path(sys.executable).parent / "mbc-vault"), "packet", str(vault_path)]
    done = subprocess.run(
        [*command, "--include", chart, "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "MBC_VAULT_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("mbc-vault: warning: this packet is very large (250 pages")
    assert '"Hospital chart" (250 pages' in line
    assert json.loads(done.stdout)["pages"] > 4 and out.exists()
