"""What follows from biomarker results: subtype, HER2-low, and changes between biopsies."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Biopsy

HR_POSITIVE_HER2_NEGATIVE = "HR+/HER2-"
HER2_POSITIVE = "HER2+"
TRIPLE_NEGATIVE = "Triple-negative"
UNKNOWN = "Not known yet"
#: the subtypes (each its own code; the app words them, the packet prints this English)
SUBTYPES = (HR_POSITIVE_HER2_NEGATIVE, HER2_POSITIVE, TRIPLE_NEGATIVE, UNKNOWN)


def receptor_positive(status: str, percent: float | None) -> bool | None:
    """ER or PR: positive at 1% or more (ASCO/CAP); 'low' (1-10%) counts as positive."""
    if percent is not None:
        return percent >= 1
    if status in ("positive", "low"):
        return True
    if status == "negative":
        return False
    return None


def hormone_receptor_positive(b: Biopsy) -> bool | None:
    er = receptor_positive(b.er_status, b.er_percent)
    pr = receptor_positive(b.pr_status, b.pr_percent)
    if er or pr:
        return True
    if er is False and pr is False:
        return False
    return None


def her2_positive(b: Biopsy) -> bool | None:
    """HER2+ is IHC 3+, or IHC 2+ with ISH amplification."""
    if b.her2_ihc == "3+" or b.her2_ish == "amplified":
        return True
    if b.her2_ihc in ("0", "1+") or (b.her2_ihc == "2+" and b.her2_ish == "not-amplified"):
        return False
    return None


def her2_low(b: Biopsy) -> bool:
    """HER2-low: IHC 1+, or IHC 2+ without ISH amplification (eligible for some HER2-directed drugs)."""
    return b.her2_ihc == "1+" or (b.her2_ihc == "2+" and b.her2_ish == "not-amplified")


def subtype(b: Biopsy) -> str:
    her2 = her2_positive(b)
    hr = hormone_receptor_positive(b)
    if her2:
        return HER2_POSITIVE
    if her2 is False and hr:
        return HR_POSITIVE_HER2_NEGATIVE
    if her2 is False and hr is False:
        return TRIPLE_NEGATIVE
    return UNKNOWN


def describe(b: Biopsy) -> str:
    """One line, e.g. 'HR+/HER2- (HER2-low)'."""
    text = subtype(b)
    if her2_low(b) and text != HER2_POSITIVE:
        text += " (HER2-low)"
    return text


@dataclass(frozen=True)
class Change:
    """One way a biopsy differs from the primary tumor, as codes: `code` is "marker-changed" (of
    `marker`, from `before` to `after`: "positive", "negative"), "now-her2-low", "no-longer-her2-low" or
    "subtype-changed" (`before` and `after` are SUBTYPES). str() is the English the packet prints."""

    code: str
    marker: str = ""
    before: str = ""
    after: str = ""

    def __str__(self) -> str:
        return ENGLISH_CHANGES[self.code].format(marker=self.marker, before=self.before, after=self.after)


ENGLISH_CHANGES = {
    "marker-changed": "{marker} changed from {before} to {after}.",
    "now-her2-low": "HER2-low changed: now HER2-low.",
    "no-longer-her2-low": "HER2-low changed: no longer HER2-low.",
    "subtype-changed": "The subtype changed from {before} to {after}.",
}


def _status_word(positive: bool | None) -> str:
    return {True: "positive", False: "negative", None: "unknown"}[positive]


def differences(primary: Biopsy, other: Biopsy) -> list[Change]:
    """Each biomarker that differs between two biopsies (unknowns are skipped)."""
    changes = []
    for label, a, b in (
        (
            "ER",
            receptor_positive(primary.er_status, primary.er_percent),
            receptor_positive(other.er_status, other.er_percent),
        ),
        (
            "PR",
            receptor_positive(primary.pr_status, primary.pr_percent),
            receptor_positive(other.pr_status, other.pr_percent),
        ),
        ("HER2", her2_positive(primary), her2_positive(other)),
    ):
        if a is not None and b is not None and a != b:
            changes.append(Change("marker-changed", label, _status_word(a), _status_word(b)))
    if (
        her2_positive(primary) is False
        and her2_positive(other) is False
        and her2_low(primary) != her2_low(other)
    ):
        changes.append(Change("now-her2-low" if her2_low(other) else "no-longer-her2-low"))
    before, after = subtype(primary), subtype(other)
    if UNKNOWN not in (before, after) and before != after:
        changes.append(Change("subtype-changed", before=before, after=after))
    return changes


def discordance(biopsies: list[Biopsy]) -> list[tuple[Biopsy, list[Change]]]:
    """Each biopsy of a metastasis whose biomarkers differ from the primary tumor's (earliest primary)."""
    primaries = sorted((b for b in biopsies if b.site == "primary-breast"), key=lambda b: b.date or "")
    if not primaries:
        return []
    primary = primaries[0]
    out = []
    for biopsy in sorted(biopsies, key=lambda b: b.date or ""):
        if biopsy is primary or biopsy.site == "primary-breast":
            continue
        found = differences(primary, biopsy)
        if found:
            out.append((biopsy, found))
    return out
