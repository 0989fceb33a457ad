"""The page size proposed from the locale: Letter where Letter paper is used, A4 elsewhere."""

from __future__ import annotations

import pytest

from mbc_vault import paper


@pytest.mark.parametrize(
    "name, territory",
    [
        ("en_US.UTF-8", "US"),
        ("es_MX.UTF-8", "MX"),
        ("fr-CA", "CA"),
        ("es_ES.UTF-8", "ES"),
        ("de_DE@euro", "DE"),
        ("English_United States.1252", "US"),
        ("Spanish_Mexico.1252", "MX"),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
    ],
)
def test_the_territory_of_a_locale_name(name: str, territory: str | None) -> None:
    assert paper.territory_of(name) == territory


def test_letter_in_the_americas_that_use_it_a4_elsewhere() -> None:
    assert [paper.page_size_for(t) for t in ("US", "CA", "MX", "CL", "PH", "us")] == ["Letter"] * 6
    assert [paper.page_size_for(t) for t in ("ES", "GB", "AR", "DE", "", None)] == ["A4"] * 6


def test_the_system_locale_decides_when_no_territory_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert paper.default_page_size() == "Letter"
    monkeypatch.setenv("LC_PAPER", "es_ES.UTF-8")  # the paper setting wins over the language
    assert paper.default_page_size() == "A4"
    assert paper.default_page_size("US") == "Letter"
