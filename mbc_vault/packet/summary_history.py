"""The care summary's rows from the treatment lines and the health history: the care received (systemic
lines, surgeries and procedures, radiation courses, in date order), allergies, other conditions and
immunizations. English, like the rest of the packet's generated pages (frontmatter.py).

Only the entries the packet's maker can read are here (the vault gives no others); the line "Allergies:
not recorded" only for someone who holds the medical part, where allergies would be."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cancer import vocab as cancer_vocab
from ..categories import scope_of
from ..history import vocab
from ..visibility import can_see

if TYPE_CHECKING:  # pragma: no cover
    from ..cancer.models import TreatmentLine
    from ..history.models import Allergy, Condition, Immunization, Procedure, RadiationCourse
    from ..vault import Vault

NOWRAP = " style='white-space:nowrap'"
TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
NOT_RECORDED = "<p><b>Allergies:</b> not recorded</p>"


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _join(*items: str, sep: str = "; ") -> str:
    return sep.join(x for x in items if x)


@dataclass
class CareRow:
    """One row of "Care received": its dates, what kind of care, what was given or done, the details."""

    start: str | None
    dates: str
    kind: str
    what: str
    details: str


def _span(start: str | None, stop: str | None, ongoing: bool = False) -> str:
    if start and stop and stop != start:
        return f"{start} to {stop}"
    if start:
        return f"{start} to ongoing" if ongoing else start
    return f"until {stop}" if stop else "no date"


def _dates(span: str) -> str:
    """A span of dates on two lines, each date kept whole: 2019-04-22 / to 2019-05-13."""
    return "<br>".join(f"<span{NOWRAP}>{_e(x)}</span>" for x in span.replace(" to ", "\n to ").split("\n"))


def line_row(t: TreatmentLine) -> CareRow:
    """A systemic line of treatment: its number and setting, the drugs, dates, response, why stopped."""
    setting = cancer_vocab.SETTINGS.get(t.setting, t.setting)
    why = (
        t.stop_reason_other if t.stop_reason == "other" else cancer_vocab.STOP_REASONS.get(t.stop_reason, "")
    )
    response = cancer_vocab.RESPONSES.get(t.best_response, t.best_response)
    return CareRow(
        t.start,
        _span(t.start, t.stop, ongoing=True),
        f"Line {t.line_number}" if t.line_number else "Systemic",
        t.regimen,
        _join(
            setting,
            f"Trial {t.trial_id}" if t.trial_id else "",
            f"Best response: {response}" if response else "",
            f"Stopped: {why}" if why else "",
        ),
    )


def procedure_row(p: Procedure) -> CareRow:
    """A surgery or procedure: its type and side, the lymph-node procedure, where, by whom."""
    if p.lymph_nodes == "other":
        nodes = p.lymph_nodes_other
    elif p.lymph_nodes == "none":
        nodes = "none"
    else:
        nodes = vocab.LYMPH_NODE_PROCEDURES.get(p.lymph_nodes, "")
    return CareRow(
        p.date,
        _span(p.date, None),
        "Surgery or procedure",
        p.title(),
        _join(
            f"Lymph nodes: {nodes}" if nodes else "",
            f"At {p.place}" if p.place else "",
            f"Surgeon {p.surgeon}" if p.surgeon else "",
        ),
    )


def radiation_row(r: RadiationCourse) -> CareRow:
    """A radiation course: site, total dose in Gy and fractions, dates, intent, technique, where."""
    dose = f"{r.total_dose_gy:g} Gy" if r.total_dose_gy is not None else ""
    if r.fractions:
        dose = _join(dose, f"{r.fractions} fraction{'s' if r.fractions != 1 else ''}", sep=" in ")
    intent = vocab.RADIATION_INTENTS.get(r.intent, "")
    return CareRow(
        r.start or r.stop,
        _span(r.start, r.stop),
        "Radiation",
        r.site,
        _join(
            dose,
            intent,
            r.technique,
            f"At {r.place}" if r.place else "",
        ),
    )


def care_received_html(
    lines: list[TreatmentLine], procedures: list[Procedure], radiation: list[RadiationCourse]
) -> str:
    """The "Care received" table, oldest first; entries without a date last, and said so."""
    rows = (
        [line_row(t) for t in lines]
        + [procedure_row(p) for p in procedures]
        + [radiation_row(r) for r in radiation]
    )
    if not rows:
        return ""
    rows.sort(key=lambda row: (row.start is None, row.start or ""))  # stable: lines, surgery, radiation
    body = "".join(
        f"<tr><td>{_dates(r.dates)}</td><td>{_e(r.kind)}</td><td><b>{_e(r.what)}</b></td>"
        f"<td>{_e(r.details)}</td></tr>"
        for r in rows
    )
    undated = sum(1 for r in rows if r.start is None)
    note = ""
    if undated == 1:
        note = "<p><i>One entry has no date in my records and is listed last.</i></p>"
    elif undated:
        note = f"<p><i>{undated} entries have no date in my records and are listed last.</i></p>"
    return (
        "<h2>Care received</h2><p>Systemic treatment, surgery and radiation, oldest first.</p>"
        + TABLE
        + "<thead><tr><th width='16%'>Dates</th><th width='15%'>Kind</th><th width='24%'>Treatment</th>"
        "<th>Details</th></tr></thead>" + body + "</table>" + note
    )


def allergies_html(vault: Vault, allergies: list[Allergy]) -> str:
    """The allergies recorded; "No known allergies" when that is what is recorded; "Allergies: not
    recorded" when nothing is (for someone who can see the medical part)."""
    known = [a for a in allergies if not a.no_known]
    if not known:
        if any(a.no_known for a in allergies):
            return "<p><b>Allergies:</b> No known allergies</p>"
        return NOT_RECORDED if can_see(vault.person, scope_of("allergy")) else ""
    rows = []
    for a in sorted(known, key=lambda a: (a.status != "active", a.substance.casefold())):
        notes = _join(
            "intolerance, not an allergy" if a.allergy_kind == "intolerance" else "",
            vocab.ALLERGY_STATUS.get(a.status, "").lower() if a.status != "active" else "",
            sep=", ",
        )
        rows.append(
            f"<tr><td><b>{_e(a.substance)}</b>{' (' + _e(notes) + ')' if notes else ''}</td>"
            f"<td>{_e(a.reaction)}</td><td>{_e(vocab.SEVERITIES.get(a.severity, ''))}</td></tr>"
        )
    return (
        "<h2>Allergies</h2>"
        + TABLE
        + "<thead><tr><th>Substance</th><th>Reaction</th><th>Severity</th></tr></thead>"
        + "".join(rows)
        + "</table>"
    )


def conditions_html(conditions: list[Condition]) -> str:
    """Other conditions: name, since when, status (and when it ended)."""
    if not conditions:
        return ""
    rows = "".join(
        f"<tr><td><b>{_e(c.name)}</b></td><td{NOWRAP}>{_e(c.onset or '')}</td>"
        f"<td>{_e(_condition_status(c))}</td></tr>"
        for c in conditions
    )
    return (
        "<h2>Other health conditions</h2>"
        + TABLE
        + "<thead><tr><th>Condition</th><th>Since</th><th>Status</th></tr></thead>"
        + rows
        + "</table>"
    )


def _condition_status(c: Condition) -> str:
    ended = f"ended {c.abated}" if c.abated else ""
    return _join(vocab.CONDITION_STATUS.get(c.status, ""), ended, sep=", ")


def immunizations_html(immunizations: list[Immunization]) -> str:
    """Immunizations, one line a vaccine with its dates (oldest first; undated said so)."""
    if not immunizations:
        return ""
    by_vaccine: dict[str, list[str]] = {}
    for i in immunizations:
        by_vaccine.setdefault(i.vaccine, []).append(i.date or "no date")
    items = "".join(
        f"<li><b>{_e(name)}</b>: {_e(', '.join(sorted(dates, key=lambda d: (d == 'no date', d))))}</li>"
        for name, dates in sorted(by_vaccine.items(), key=lambda kv: kv[0].casefold())
    )
    return f"<h2>Immunizations</h2><ul>{items}</ul>"
