"""C-CDA entries read into Found items of the same shapes (kinds, data fields, `codes.key()`) as the
FHIR reader makes, section by section: medications, allergies, problems, procedures, results,
immunizations and encounters. An entry that cannot be read counts a problem; nothing raises."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import codes
from .ccda_parts import (
    Narrative,
    all_words,
    attr,
    child,
    concept,
    first_time,
    has_null,
    kids,
    person_name,
    quantity,
    time_range,
    ts_time,
    words,
)
from .fhir_oncology import receptor_fields
from .model import Found, PortalRead

ALLERGY_OBSERVATION = "2.16.840.1.113883.10.20.22.4.7"
PROBLEM_OBSERVATION = "2.16.840.1.113883.10.20.22.4.4"
SEVERITY_OBSERVATION = "2.16.840.1.113883.10.20.22.4.8"
ENCOUNTER_DIAGNOSIS = "2.16.840.1.113883.10.20.22.4.80"
STATUS_OBSERVATIONS = ("2.16.840.1.113883.10.20.22.4.28", "2.16.840.1.113883.10.20.22.4.6")
_CLINICAL = ("observation", "act", "procedure", "substanceAdministration", "encounter", "organizer")


@dataclass
class Context:
    """What every entry reader needs: the file's read (for problems), its narrative, the section."""

    read: PortalRead
    narrative: Narrative
    section: str  # the section's own title, for origins and problem lines
    cancel: Callable[[], bool]


def templates(element: ET.Element) -> set[str]:
    return {t.get("root") or "" for t in kids(element, "templateId")}


def clinical(entry: ET.Element) -> ET.Element | None:
    """The clinical statement an <entry> (or <component>) holds."""
    return next((e for e in entry if e.tag in _CLINICAL), None)


def related(element: ET.Element, type_code: str | None = None) -> list[ET.Element]:
    """The clinical statements of *element*'s entryRelationships (of *type_code* when given)."""
    out = []
    for relation in kids(element, "entryRelationship"):
        if type_code is None or relation.get("typeCode") == type_code:
            statement = clinical(relation)
            if statement is not None:
                out.append(statement)
    return out


def observations(act: ET.Element, template: str) -> list[ET.Element]:
    """The observations of a concern act (those of *template* when some have it), or the act itself
    when it is an observation."""
    if act.tag == "observation":
        return [act]
    found = [o for o in related(act) if o.tag == "observation"]
    return [o for o in found if template in templates(o)] or found


def _named(element: ET.Element, ctx: Context, code_name: str = "code") -> tuple[str, str]:
    """(code, name) of an element's code, falling back on its own text (a narrative reference)."""
    code, name = concept(child(element, code_name), ctx.narrative)
    return code, name or ctx.narrative.text_of(child(element, "text"))


def _material(element: ET.Element, ctx: Context) -> tuple[str, str]:
    material = child(element, "consumable", "manufacturedProduct", "manufacturedMaterial")
    code, name = concept(child(material, "code"), ctx.narrative)
    name = name or all_words(child(material, "name"))
    return code, name or ctx.narrative.text_of(child(element, "text"))


def _unreadable(ctx: Context) -> list[Found]:
    ctx.read.problem("portal-entries-unreadable", section=ctx.section)
    return []


def medication(entry: ET.Element, ctx: Context) -> list[Found]:
    """A medication activity: the material's name, dose, route and start/stop."""
    act = clinical(entry)
    if act is not None and act.tag == "act":  # a discharge medication holds its activity
        act = next((s for s in related(act) if s.tag == "substanceAdministration"), None)
    if act is None or act.tag != "substanceAdministration":
        return _unreadable(ctx)
    _code, name = _material(act, ctx)
    if not name:
        return _unreadable(ctx)
    start, stop = first_time(kids(act, "effectiveTime"), ctx.read)
    amount, unit = quantity(child(act, "doseQuantity"))
    dose = f"{amount:g} {unit}".strip() if amount is not None else ""
    route = concept(child(act, "routeCode"), ctx.narrative)[1]
    data = {"name": name, "dose": dose, "schedule": route, "start": start, "stop": stop}
    return [Found("medication", data, codes.key("medication", name, start), name, ctx.section)]


def _status(element: ET.Element, ctx: Context, allowed: tuple[str, ...]) -> str:
    for statement in related(element):
        if templates(statement) & set(STATUS_OBSERVATIONS):
            said = codes.plain(concept(child(statement, "value"), ctx.narrative)[1])
            for status in allowed:
                if status.replace("-", " ") in said:
                    return status
    code = attr(child(element, "statusCode"), "code")
    return {"completed": "resolved", "suspended": "inactive", "aborted": "inactive"}.get(code, "active")


def _severity(observation: ET.Element, act: ET.Element, ctx: Context) -> str:
    """The allergy's severity (on the observation or its concern act), else a reaction's; the higher
    of two words ("moderate to severe" is severe)."""
    candidates = [s for s in related(observation) if SEVERITY_OBSERVATION in templates(s)]
    candidates += (
        [s for s in related(act) if SEVERITY_OBSERVATION in templates(s)] if act is not observation else []
    )
    candidates += [s for s in observation.iter("observation") if SEVERITY_OBSERVATION in templates(s)]
    for statement in candidates:
        said = codes.plain(concept(child(statement, "value"), ctx.narrative)[1])
        for severity in ("severe", "moderate", "mild"):
            if severity in said:
                return severity
    return ""


def allergy(entry: ET.Element, ctx: Context) -> list[Found]:
    """An allergy concern: each allergy observation in it (substance, reaction, severity, status);
    a negated one, or the "no known allergy" code, is the stated fact no_known."""
    act = clinical(entry)
    if act is None:
        return _unreadable(ctx)
    out = []
    for obs in observations(act, ALLERGY_OBSERVATION) or [act]:
        if obs.tag != "observation":
            return _unreadable(ctx)
        kind_code, kind_name = concept(child(obs, "value"), ctx.narrative)
        entity = child(obs, "participant", "participantRole", "playingEntity")
        code, name = concept(child(entity, "code"), ctx.narrative)
        name = name or all_words(child(entity, "name"))
        if (
            obs.get("negationInd") == "true"
            or kind_code in codes.NO_KNOWN_ALLERGY
            or code in codes.NO_KNOWN_ALLERGY
        ):
            data: dict[str, Any] = {"no_known": True, "status": "active"}
            origin = ctx.section
            out.append(Found("allergy", data, codes.key("allergy", "no-known"), "No known allergies", origin))
            continue
        if not name:
            out.extend(_unreadable(ctx))
            continue
        reactions = list(
            dict.fromkeys(concept(child(r, "value"), ctx.narrative)[1] for r in related(obs, "MFST"))
        )
        kind = codes.plain(kind_name)
        category = "medication" if "drug" in kind or "medication" in kind else ""
        category = category or ("food" if "food" in kind else "environment" if "environment" in kind else "")
        data = {
            "substance": name,
            "reaction": ", ".join(r for r in reactions if r),
            "severity": _severity(obs, act, ctx),
            "status": _status(act, ctx, ("active", "inactive", "resolved")),
            "category": category,
            "allergy_kind": "intolerance" if "intolerance" in kind else "allergy",
            "onset": time_range(child(obs, "effectiveTime"), ctx.read)[0],
        }
        out.append(Found("allergy", data, codes.key("allergy", code or name), name, ctx.section))
    return out


def problem(entry: ET.Element, ctx: Context) -> list[Found]:
    """A problem concern's observations: breast cancer is proposed as the diagnosis, the rest are
    conditions (name, onset, status); a negated problem ("no known problems") gives nothing."""
    act = clinical(entry)
    if act is None:
        return _unreadable(ctx)
    out = []
    for obs in observations(act, PROBLEM_OBSERVATION) or [act]:
        if obs.tag != "observation":
            return _unreadable(ctx)
        if obs.get("negationInd") == "true":
            continue
        value = child(obs, "value")
        code, name = concept(value, ctx.narrative)
        name = name or ctx.narrative.text_of(child(obs, "text"))
        if not name:
            out.extend(_unreadable(ctx))
            continue
        onset, abated = time_range(child(obs, "effectiveTime"), ctx.read)
        all_codes = [code] + [t.get("code") or "" for t in kids(value, "translation")]
        if any(codes.is_breast_cancer(c, name) for c in all_codes):
            data: dict[str, Any] = {"first_diagnosis": onset}
            out.append(Found("diagnosis", data, codes.key("diagnosis", onset), name, ctx.section))
            continue
        status = _status(act, ctx, ("in-remission", "inactive", "resolved", "active"))
        data = {"name": name, "onset": onset, "status": status, "abated": abated}
        out.append(Found("condition", data, codes.key("condition", code or name, onset), name, ctx.section))
    return out


def _side(text: str) -> str:
    found = codes.plain(text).split()
    if "left" in found and "right" in found or "bilateral" in found:
        return "both"
    return "left" if "left" in found else "right" if "right" in found else ""


def procedure(entry: ET.Element, ctx: Context) -> list[Found]:
    """A procedure activity: a surgery or procedure (date, side, lymph-node procedure, where), or a
    radiation course when its code or words say radiation."""
    act = clinical(entry)
    if act is None:
        return _unreadable(ctx)
    code, name = _named(act, ctx)
    if not name:
        return _unreadable(ctx)
    start, stop = time_range(child(act, "effectiveTime"), ctx.read)
    sites = [concept(s, ctx.narrative)[1] for s in kids(act, "targetSiteCode")]
    for site in kids(act, "targetSiteCode"):
        sites += [concept(child(q, "value"), ctx.narrative)[1] for q in kids(site, "qualifier")]
    site_text = ", ".join(s for s in sites if s)
    place_name = child(act, "performer", "assignedEntity", "representedOrganization", "name")
    place = words("".join(place_name.itertext())) if place_name is not None else ""
    if codes.is_radiation(code, name):
        notes = ctx.narrative.text_of(child(act, "text"))
        dose = re.search(r"(\d+(?:[.,]\d+)?)\s*Gy", f"{name} {notes}")
        fractions = re.search(r"(\d+)\s*fraction", f"{name} {notes}")
        data: dict[str, Any] = {
            "site": site_text,
            "start": start,
            "stop": stop,
            "place": place,
            "notes": notes,
        }
        if dose:
            data["total_dose_gy"] = float(dose.group(1).replace(",", "."))
        if fractions:
            data["fractions"] = int(fractions.group(1))
        return [Found("radiation", data, codes.key("radiation", site_text, start), name, ctx.section)]
    plain = codes.plain(name)
    nodes = ""
    if code in codes.SENTINEL_NODE_SNOMED or "sentinel" in plain:
        nodes = "sentinel-node-biopsy"
    elif code in codes.AXILLARY_DISSECTION_SNOMED or "axillary" in plain:
        nodes = "axillary-dissection"
    data = {
        "date": start,
        "name": name,
        "side": _side(f"{site_text} {name}"),
        "lymph_nodes": nodes,
        "place": place,
    }
    return [Found("procedure", data, codes.key("procedure", code or name, start), name, ctx.section)]


def _result(obs: ET.Element, when: str | None, ctx: Context) -> list[Found]:
    code, name = _named(obs, ctx)
    if not name and not code:
        return _unreadable(ctx)
    name = name or code
    day = time_range(child(obs, "effectiveTime"), ctx.read)[0] or when
    value = child(obs, "value")
    number, unit = quantity(value)
    text = "" if has_null(value) else concept(value, ctx.narrative)[1]
    receptor = codes.receptor_of(code, name)
    if receptor:
        amount = {"value": number} if number is not None else None
        data = receptor_fields(receptor, amount, text or ctx.narrative.text_of(child(obs, "text")), {})
        if data:
            data["date"] = day
            return [Found("biomarker", data, codes.key("biomarker", receptor, day), name, ctx.section)]
    if number is None:
        ctx.read.problem("portal-result-not-number" if text else "portal-no-value")
        return []
    test = codes.marker_of(code, name) or name
    data = {"date": day, "test": test, "value": number, "unit": unit}
    label = f"{test}: {number:g} {unit}, {day or ''}".strip(", ")
    return [Found("lab-value", data, codes.key("lab-value", code or test, day, number), label, ctx.section)]


def result(entry: ET.Element, ctx: Context) -> list[Found]:
    """A result organizer's observations (or a bare result observation): numbers are lab values
    (tumor markers by LOINC or name), receptor results are biomarkers."""
    statement = clinical(entry)
    if statement is None:
        return _unreadable(ctx)
    if statement.tag != "organizer":
        return _result(statement, None, ctx)
    when = time_range(child(statement, "effectiveTime"), ctx.read)[0]
    out: list[Found] = []
    for component in kids(statement, "component"):
        obs = clinical(component)
        if obs is not None and obs.tag == "observation":
            out.extend(_result(obs, when, ctx))
    return out


def immunization(entry: ET.Element, ctx: Context) -> list[Found]:
    """An immunization activity: the vaccine and its date; one recorded as not given is left out."""
    act = clinical(entry)
    if act is None or act.tag != "substanceAdministration":
        return _unreadable(ctx)
    if act.get("negationInd") == "true":
        ctx.read.problem("portal-immunization-not-given")
        return []
    code, name = _material(act, ctx)
    if not name:
        return _unreadable(ctx)
    day = first_time(kids(act, "effectiveTime"), ctx.read)[0]
    data = {"vaccine": name, "date": day}
    return [Found("immunization", data, codes.key("immunization", code or name, day), name, ctx.section)]


def _reason(act: ET.Element, ctx: Context) -> str:
    """Why a visit was: its indications (entryRelationship RSON), else its encounter diagnoses."""
    reasons = [concept(child(o, "value"), ctx.narrative)[1] for o in related(act, "RSON")]
    if not any(reasons):
        for diagnosis in related(act):
            if ENCOUNTER_DIAGNOSIS in templates(diagnosis):
                reasons += [concept(child(o, "value"), ctx.narrative)[1] for o in related(diagnosis)]
    return "; ".join(dict.fromkeys(r for r in reasons if r))


def encounter(entry: ET.Element, ctx: Context) -> list[Found]:
    """An encounter: a past visit (medical, like everything imported), proposed unticked (only if the
    person ticks it): its type, date and time, where (the location's name), with whom (the performer's
    name) and why."""
    act = clinical(entry)
    if act is None:
        return _unreadable(ctx)
    named = _named(act, ctx)[1][:200]
    when = child(act, "effectiveTime")
    start = time_range(when, ctx.read)[0]
    low = child(when, "low") if child(when, "low") is not None else child(when, "center")
    time = ts_time(attr(when, "value") or attr(low, "value")) if start else ""
    places = [
        all_words(child(p, "participantRole", "playingEntity", "name"))
        for p in kids(act, "participant")
        if p.get("typeCode") == "LOC"
    ]
    place = next((p for p in places if p), "")
    people = [
        person_name(child(p, "assignedEntity", "assignedPerson", "name")) for p in kids(act, "performer")
    ]
    clinician = next((p for p in people if p), "")
    reason = _reason(act, ctx)[:200]
    data = {
        "date": start,
        "time": time,
        "visit_type": named or ("" if reason else "Visit"),
        "reason": reason,
        "place": place[:200],
        "clinician": clinician[:200],
    }
    title = named or "Visit"  # the key of an encounter as imported before visits were their own kind
    label = named or reason or title
    return [Found("visit", data, codes.key("visit", title, start), label, ctx.section, optional=True)]


READERS = {
    "medications": medication,
    "allergies": allergy,
    "problems": problem,
    "procedures": procedure,
    "results": result,
    "immunizations": immunization,
    "encounters": encounter,
}
