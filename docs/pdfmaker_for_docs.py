"""Fictional files for the import screenshot: two PDFs, one damaged PDF and a photo."""

from __future__ import annotations

import shutil
from pathlib import Path

from mbc_vault.render.pdf import html_to_pdf

ROOT = Path(__file__).resolve().parents[1]


def sample_incoming(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    discharge = folder / "discharge 2025-01.pdf"
    html_to_pdf(
        "<p><b>FICTIONAL</b></p><h1>DISCHARGE SUMMARY</h1><p>Discharge date: January 9, 2025</p>"
        "<p>Admitted for pain control; discharged home.</p>",
        discharge,
        title="Discharge summary",
    )
    operative = folder / "port placement.pdf"
    html_to_pdf(
        "<p><b>FICTIONAL</b></p><h1>OPERATIVE REPORT</h1><p>Date of procedure: 2024-06-10</p>"
        "<p>Right chest port placement.</p>",
        operative,
    )
    damaged = folder / "scan from fax.pdf"
    damaged.write_bytes(operative.read_bytes()[:900])
    photo = folder / "lab-report-photo.jpg"
    shutil.copy(ROOT / "tests" / "data" / "images" / "lab-report-photo.jpg", photo)
    return [discharge, operative, damaged, photo]
