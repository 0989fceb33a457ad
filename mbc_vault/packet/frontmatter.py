"""The generated pages: cover sheet, contents, care summary, question list, priorities, materials."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from .model import Cover, MaterialRow

if TYPE_CHECKING:  # pragma: no cover
    from ..care.models import Contact
    from ..vault import Vault

LINK_SCHEME = "mbcpacket:"
LINK_STYLE = "color:#0b3d91; text-decoration:none"
#: table cells holding dates: never broken at the hyphens of 2024-06-01
NOWRAP = " style='white-space:nowrap'"


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><td width='32%'><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in pairs if v)


def cover_html(cover: Cover, enclosed: list[str]) -> str:
    parts = [
        "<h1>Records for a second opinion</h1>",
        "<table cellpadding='4' cellspacing='0' width='100%'>",
        _rows(
            [
                ("Patient", cover.patient_name),
                ("Date of birth", cover.date_of_birth),
                ("Contact", cover.contact),
                ("Referring oncologist", cover.referring_oncologist),
                ("For", ", ".join(x for x in (cover.doctor, cover.center) if x)),
                ("Date", cover.date),
            ]
        ),
        "</table>",
    ]
    if cover.reason:
        parts.append(f"<h3>Reason for the second opinion</h3><p>{_e(cover.reason)}</p>")
    questions = [q for q in cover.questions if q.strip()]
    if questions:
        parts.append(
            "<h3>The questions that matter most to me</h3><ol>"
            + "".join(f"<li>{_e(q)}</li>" for q in questions)
            + "</ol>"
        )
    parts.append("<h3>Enclosed</h3><ol>" + "".join(f"<li>{_e(t)}</li>" for t in enclosed) + "</ol>")
    return "".join(parts)


def contents_html(entries: list[tuple[int, str, int]]) -> str:
    """(part index, title, first page) -> a table whose rows link to the pages."""
    rows = "".join(
        f"<tr><td><a href='{LINK_SCHEME}{index}' style='{LINK_STYLE}'>{_e(title)}</a></td>"
        f"<td align='right'><a href='{LINK_SCHEME}{index}' style='{LINK_STYLE}'>{page}</a></td></tr>"
        for index, title, page in entries
    )
    return (
        "<h1>Contents</h1><table cellpadding='5' cellspacing='0' width='100%'>"
        "<thead><tr><th align='left'>Section</th><th align='right'>Page</th></tr></thead>" + rows + "</table>"
    )


def materials_html(rows: list[MaterialRow], patient: str) -> str:
    body = "".join(
        f"<tr><td>{_e(r.item)}</td><td>{_e(r.requested_from)}</td><td>{_e(r.sent)}</td>"
        f"<td>{_e(r.tracking)}</td></tr>"
        for r in rows
    )
    return (
        f"<h1>Materials sent separately</h1><p>{_e(patient)}</p>"
        "<p>Pathology slides and blocks, and imaging on disc, travel apart from this packet.</p>"
        "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        "<thead><tr><th>Item</th><th>Requested from</th><th>Sent</th><th>Tracking number</th></tr></thead>"
        + body
        + "</table>"
    )


# ----------------------------------------------------------------------------- care summary
def summary_html(vault: Vault, patient: str, today: str) -> tuple[str, dict[str, Any]]:
    """The care summary from the structured record; sections without data are left out.

    Returns (html, images) where images maps names used in <img> to QImages (the tumor-marker chart)."""
    from ..cancer import derive, vocab
    from ..cancer.store import CancerRecord
    from ..care.store import CarePlan
    from ..history.store import HealthHistory
    from . import summary_history

    cancer = CancerRecord(vault)
    parts = [
        f"<h1>Care summary</h1><p>{_e(patient)} &nbsp;·&nbsp; from my own records, {today}. "
        "The enclosed reports are the source; please check against them.</p>"
    ]
    images: dict[str, Any] = {}
    diagnosis = cancer.diagnosis()
    if diagnosis is not None:
        d = diagnosis.model
        histology = (
            d.histology_other if d.histology == "other" else vocab.HISTOLOGIES.get(d.histology, d.histology)
        )
        rows = _rows(
            [
                ("First diagnosis", d.first_diagnosis or ""),
                ("Metastatic diagnosis", d.metastatic_diagnosis or ""),
                ("Presentation", vocab.PRESENTATIONS.get(d.presentation, d.presentation)),
                ("Histology", histology),
                ("Sex", vocab.SEXES.get(d.sex, d.sex)),
            ]
        )
        if rows:
            parts.append(
                f"<h2>Diagnosis</h2><table cellpadding='3' cellspacing='0' width='100%'>{rows}</table>"
            )
    biopsies = cancer.biopsies()
    if biopsies:
        biopsy_rows = []
        for entry in biopsies:
            b = entry.model
            site = b.site_other if b.site == "other" else vocab.BIOPSY_SITES.get(b.site, b.site)
            er = _receptor(b.er_status, b.er_percent, vocab)
            pr = _receptor(b.pr_status, b.pr_percent, vocab)
            her2 = " ".join(
                x
                for x in (
                    f"IHC {b.her2_ihc}" if b.her2_ihc else "",
                    f"ISH {b.her2_ish}" if b.her2_ish else "",
                )
                if x
            )
            other = "; ".join(
                x
                for x in (
                    f"Ki-67 {b.ki67_percent:g}%" if b.ki67_percent is not None else "",
                    f"PIK3CA {vocab.MUTATION.get(b.pik3ca, b.pik3ca).lower()}" if b.pik3ca else "",
                    f"ESR1 {vocab.MUTATION.get(b.esr1, b.esr1).lower()}" if b.esr1 else "",
                    vocab.BRCA.get(b.germline_brca, b.germline_brca) if b.germline_brca else "",
                    f"PD-L1 {b.pdl1}" if b.pdl1 else "",
                    vocab.MSI.get(b.msi, b.msi) if b.msi else "",
                    f"NTRK {b.ntrk}" if b.ntrk else "",
                    *(f"{o.get('name')} {o.get('result', '')}" for o in b.others),
                )
                if x
            )
            biopsy_rows.append(
                f"<tr><td{NOWRAP}>{_e(b.date)}</td><td>{_e(site)}</td><td>{_e(er)}</td><td>{_e(pr)}</td>"
                f"<td>{_e(her2)}</td><td><b>{_e(derive.describe(b))}</b></td><td>{_e(other)}</td></tr>"
            )
        parts.append(
            "<h2>Biomarkers per biopsy</h2><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<thead><tr><th>Date</th><th>Site</th><th>ER</th><th>PR</th><th>HER2</th><th>Subtype</th>"
            "<th>Other</th></tr></thead>" + "".join(biopsy_rows) + "</table>"
        )
        changes = derive.discordance([e.model for e in biopsies])
        if changes:
            parts.append(
                "<p><b>Changes from the primary tumor (discordance):</b></p><ul>"
                + "".join(
                    f"<li>{_e(b.date)} {_e(b.title())}: {_e(' '.join(map(str, found)))}</li>"
                    for b, found in changes
                )
                + "</ul>"
            )
    metastases = cancer.metastases()
    if metastases:
        items = []
        for found_site in metastases:
            m = found_site.model
            site = m.site_other if m.site == "other" else vocab.METASTASIS_SITES.get(m.site, m.site)
            extra = ", ".join(x for x in (f"found {m.date_found}" if m.date_found else "", m.found_by) if x)
            items.append(f"<li><b>{_e(site)}</b>{' (' + _e(extra) + ')' if extra else ''}</li>")
        parts.append("<h2>Sites of metastasis</h2><ul>" + "".join(items) + "</ul>")
    lines = cancer.treatment_lines()
    history = HealthHistory(vault)
    care = summary_history.care_received_html(
        [e.model for e in lines],
        [e.model for e in history.procedures()],
        [e.model for e in history.radiation()],
    )
    if care:
        parts.append(care)
    meds = [e.model for e in cancer.medications(current_only=True)]
    if meds:
        rows = "".join(
            f"<tr><td><b>{_e(m.name)}</b></td><td>{_e(m.dose)}</td><td>{_e(m.schedule)}</td>"
            f"<td>{_e(m.purpose)}</td><td{NOWRAP}>{_e(m.start)}</td></tr>"
            for m in sorted(meds, key=lambda m: (not m.cancer_related, m.name.lower()))
        )
        parts.append(
            "<h2>Current medications and supplements</h2>"
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<thead><tr><th>Name</th><th>Dose</th><th>When</th><th>For</th><th>Since</th></tr></thead>"
            + rows
            + "</table>"
        )
    parts.extend(
        x
        for x in (
            summary_history.allergies_html(vault, [e.model for e in history.allergies()]),
            summary_history.conditions_html([e.model for e in history.conditions()]),
            summary_history.immunizations_html([e.model for e in history.immunizations()]),
        )
        if x
    )
    markers = [t for t in cancer.lab_tests() if t in vocab.MARKERS]
    for number, test in enumerate(markers):
        values = cancer.lab_values(test)
        if len(values) < 2:
            continue
        from ..render.chart import bands_from_lines, make_spec, render_image

        unit = values[-1].model.unit or vocab.MARKERS.get(test, "")
        spec = make_spec(
            [(v.model.date, v.model.value) for v in values if v.model.date and v.model.value is not None],
            bands_from_lines([e.model for e in lines]),
            f"{test} over time",
            unit,
        )
        name = f"chart{number}.png"
        images[name] = render_image(spec, (1500, 750), font_px=22)
        if number == 0:
            parts.append("<h2>Tumor markers</h2>")
        parts.append(f"<p><img src='{name}' width='610'></p>")
    contacts = CarePlan(vault).contacts()
    if contacts:
        rows = "".join(
            f"<tr><td><b>{_e(c.model.name)}</b><br>{_e(c.model.role_label())}</td><td>{_e(c.model.institution)}</td>"
            f"<td>{_e(_reach(c.model))}</td></tr>"
            for c in contacts
        )
        parts.append(
            "<h2>Care team</h2><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<thead><tr><th>Who</th><th>Where</th><th>How to reach</th></tr></thead>" + rows + "</table>"
        )
    # the line "Allergies: not recorded" alone makes no summary
    has_data = any(part != summary_history.NOT_RECORDED for part in parts[1:])
    return ("".join(parts) if has_data else ""), images


def _reach(contact: Contact) -> str:
    """How to reach a care-team contact: phone, fax and email, those given."""
    ways = (contact.phone and "Phone " + contact.phone, contact.fax and "Fax " + contact.fax, contact.email)
    return ", ".join(w for w in ways if w)


def _receptor(status: str, percent: float | None, vocab: Any) -> str:
    text = vocab.RECEPTOR_STATUS.get(status, status) if status else ""
    if percent is not None:
        text = f"{text} {percent:g}%".strip()
    return text
