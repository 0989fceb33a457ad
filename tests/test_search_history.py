"""Search of the health history's entries: a procedure, an allergy and a radiation course are found by
the words of their coded fields (the codes' English labels), a past visit by its words with its kind,
and a portal entry's `source` is not searched (a file name is not what the entry says)."""

from __future__ import annotations

from mbc_vault.history.models import Allergy, Procedure, RadiationCourse, Visit
from mbc_vault.history.store import HealthHistory
from mbc_vault.search import build_index
from mbc_vault.vault import Vault


def _ids(vault: Vault, query: str) -> set[str]:
    index = build_index(vault)
    try:
        return {hit.id for hit in index.query(query, limit=20).hits}
    finally:
        index.close()


def test_history_entries_are_found_by_the_labels_of_their_codes(vault: Vault) -> None:
    history = HealthHistory(vault)
    procedure = history.save(
        Procedure(date="2021-03-04", name="Lumpectomy", side="left", lymph_nodes="axillary-dissection")
    ).record.id
    allergy = history.save(
        Allergy(substance="Penicillin", severity="severe", category="medication")
    ).record.id
    radiation = history.save(
        RadiationCourse(site="spine", total_dose_gy=8, fractions=1, intent="palliative")
    ).record.id
    assert procedure in _ids(vault, "axillary dissection")
    assert allergy in _ids(vault, "severe")
    assert allergy in _ids(vault, "medicine")
    assert radiation in _ids(vault, "palliative")
    assert radiation in _ids(vault, "ease symptoms")


def test_a_past_visit_is_found_by_its_words_with_its_kind(vault: Vault) -> None:
    visit = (
        HealthHistory(vault)
        .save(
            Visit(
                date="2025-11-04",
                time="09:30",
                visit_type="Chemotherapy infusion",
                reason="Cycle 3",
                place="Example Infusion Center",
                clinician="Dr. Quillon",
            )
        )
        .record.id
    )
    index = build_index(vault)
    try:
        for word in ("chemotherapy", "cycle 3", "infusion center", "quillon"):
            assert [(h.id, h.kind) for h in index.query(word, limit=20).hits] == [(visit, "visit")], word
        assert index.query("09:30", limit=20).hits == []  # a time is not a word of the visit
    finally:
        index.close()


def test_a_portal_entry_source_is_not_searched(vault: Vault) -> None:
    data = Allergy(substance="Latex").to_data()
    data["source"] = {
        "document": "0" * 8,
        "label": "zephyrportal-export.xml",
        "date": "2024-01-02",
        "key": "k",
    }
    vault.add_entry("allergy", data, title="Latex")
    assert _ids(vault, "zephyrportal") == set()
    assert _ids(vault, "latex")
