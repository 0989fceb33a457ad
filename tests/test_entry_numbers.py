"""The number fields of entries share one reading: strip, decimal comma, the field's own error code."""

from __future__ import annotations

import math

import pytest

from mbc_vault.cancer.models import Biopsy, LabValue, TreatmentLine
from mbc_vault.entry_model import FieldError, parse_number, parse_whole
from mbc_vault.history.models import RadiationCourse


def test_parse_number_reads_commas_and_names_the_field() -> None:
    assert parse_number("x", " 50,4 ", "dose-not-a-number") == 50.4
    assert parse_number("x", 12, "dose-not-a-number") == 12.0
    assert parse_number("x", None, "dose-not-a-number") is None
    assert parse_number("x", "", "dose-not-a-number") is None
    assert parse_number("x", "45 %", "percent-not-a-number", unit="%") == 45.0
    assert math.isnan(parse_number("x", "NaN", "c") or 0)  # the caller's range check refuses it
    with pytest.raises(FieldError) as caught:
        parse_number("total_dose_gy", "fifty", "dose-not-a-number")
    assert (caught.value.field, caught.value.code) == ("total_dose_gy", "dose-not-a-number")
    with pytest.raises(FieldError) as caught:
        parse_number("value", "abc", "lab-value-not-a-number", value="abc")
    assert caught.value.params == {"value": "abc"}


def test_parse_whole_refuses_fractions_of_a_count() -> None:
    assert parse_whole("n", " 25 ", "fractions-not-whole") == 25
    assert parse_whole("n", 3, "fractions-not-whole") == 3
    assert parse_whole("n", 3.0, "fractions-not-whole") == 3
    assert parse_whole("n", "", "fractions-not-whole") is None
    for bad in ("2.5", "two", 2.5, True):
        with pytest.raises(FieldError) as caught:
            parse_whole("n", bad, "fractions-not-whole")
        assert caught.value.code == "fractions-not-whole"


@pytest.mark.parametrize(
    ("model", "field", "value", "code"),
    [
        (RadiationCourse(site="Left breast"), "total_dose_gy", "forty", "dose-not-a-number"),
        (RadiationCourse(site="Left breast"), "total_dose_gy", "250", "dose-out-of-range"),
        (RadiationCourse(site="Left breast"), "fractions", "2.5", "fractions-not-whole"),
        (LabValue(date="2024-03-01", test="CA 15-3", unit="U/mL"), "value", "x", "lab-value-not-a-number"),
        (
            TreatmentLine(drugs=["letrozole"], start="2024-01-01"),
            "line_number",
            "1,5",
            "line-number-not-whole",
        ),
        (Biopsy(date="2024-01-01", site="liver"), "er_percent", "lots", "percent-not-a-number"),
    ],
)
def test_each_model_keeps_its_error(model: object, field: str, value: str, code: str) -> None:
    setattr(model, field, value)
    with pytest.raises(FieldError) as caught:
        model.validate()  # type: ignore[attr-defined]
    assert (caught.value.field, caught.value.code) == (field, code)


def test_models_read_a_decimal_comma() -> None:
    course = RadiationCourse(site="Left breast", total_dose_gy="42,56", fractions=" 16 ")  # type: ignore[arg-type]
    course.validate()
    assert (course.total_dose_gy, course.fractions) == (42.56, 16)
    lab = LabValue(date="2024-03-01", test="CA 15-3", value="31,5", unit="U/mL")  # type: ignore[arg-type]
    lab.validate()
    assert lab.value == 31.5
