"""Search of the health history's entries: a procedure, an allergy and a radiation course are found by
the words of their coded fields (the codes' English labels), and a portal entry's `source` is not
searched (a file name is not what the entry says)."""

from __future__ import annotations

from mbc_vault.history.models import Allergy, Procedure, RadiationCourse
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
