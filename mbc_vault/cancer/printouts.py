"""Printable pages from the cancer record: the medication list to bring to appointments."""

from __future__ import annotations

import datetime as dt
import html
import os

from . import vocab
from .models import Medication
from .store import CancerRecord


def medication_list_html(cancer: CancerRecord, person_name: str, today: str | None = None) -> str:
    today = today or dt.date.today().isoformat()
    current = [e.model for e in cancer.medications() if e.model.current(today)]

    def name_cell(m: Medication) -> str:
        label = vocab.MEDICATION_KINDS.get(m.medication_kind, "").lower()
        kind = "" if m.medication_kind == "prescription" else f"<br><small>{html.escape(label)}</small>"
        return f"<b>{html.escape(m.name)}</b>{kind}"

    rows = "".join(
        f"<tr><td>{name_cell(m)}</td>"
        + "".join(
            f"<td>{html.escape(str(cell))}</td>"
            for cell in (m.dose, m.schedule, m.purpose, m.prescriber, m.start or "")
        )
        + "</tr>"
        for m in sorted(current, key=lambda m: (not m.cancer_related, m.name.lower()))
    )
    if not rows:
        rows = "<tr><td colspan='6'>No current medications recorded.</td></tr>"
    return (
        "<h1>Medications and supplements</h1>"
        f"<p><b>{html.escape(person_name)}</b> &nbsp;·&nbsp; list printed {today}</p>"
        "<p>Everything I take, including over-the-counter medicines, herbs and supplements "
        "(some can interact with cancer treatment).</p>"
        "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        "<thead><tr><th>Name</th><th>Dose</th><th>When</th><th>For</th><th>Prescribed by</th><th>Since</th>"
        "</tr></thead>"
        f"{rows}</table>"
        "<p>&nbsp;</p><p><b>Notes from the visit:</b></p>"
        "<table width='100%' cellspacing='0' cellpadding='14'>"
        + "<tr><td style='border-bottom: 1px solid #555'>&nbsp;</td></tr>" * 5
        + "</table>"
    )


def write_medication_list_pdf(
    cancer: CancerRecord, out: str | os.PathLike[str], person_name: str, page_size: str = "Letter"
) -> int:
    """Write the current medication list as a PDF (an export the person asked for); returns pages."""
    from ..render.pdf import html_to_pdf

    return html_to_pdf(
        medication_list_html(cancer, person_name),
        out,
        title="Medication list",
        page_size=page_size,
        base_point_size=12,
    )
