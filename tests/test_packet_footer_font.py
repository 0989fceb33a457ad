"""Packet footers with a name Helvetica (WinAnsi) cannot show: typeset once with an embedded font."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA
from pdfcheck import check, fonts, page_count, page_text

from mbc_vault.packet import Cover, PacketChoices, build_packet
from mbc_vault.vault import Vault

SAMPLES = DATA / "pdf-samples"


def test_non_latin_name_in_every_footer(qapp, vault: Vault, tmp_path: Path) -> None:
    ids = [
        vault.add_document(
            SAMPLES / "015-arabic" / "habibi-rotated.pdf", category="imaging-report", title="Rotated"
        ).id,
        vault.add_document(
            SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf",
            category="pathology-report",
            title="Four",
        ).id,
    ]
    name = "Анна Иванова-Ωμέγα"
    out = tmp_path / "p.pdf"
    result = build_packet(
        vault,
        PacketChoices(cover=Cover(patient_name=name, date_of_birth="1971-04-02"), document_ids=ids),
        out,
    )
    assert check(out) == []
    assert page_count(out) == result.pages
    for page in range(1, result.pages + 1):
        text = " ".join(page_text(out, page).split())
        assert f"{name} · DOB 1971-04-02 · page {page} of {result.pages}" in text, (page, text)
    assert any("DejaVuSans" in font for font in fonts(out))
