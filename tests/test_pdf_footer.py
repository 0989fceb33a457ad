"""The packet's footers worked out once per page size (footer.Footers) are the footers of footer_ops,
page by page, and the assembly gives every page its footer and the font it needs."""

from __future__ import annotations

import pikepdf
import pytest

from mbc_vault.pdf import assemble as assembly
from mbc_vault.pdf.footer import (
    FOOTER_FONT,
    FOOTER_LEAD,
    FooterLead,
    Footers,
    footer_ops,
    footer_text,
    visible_box,
)

BOXES = [
    (0.0, 0.0, 612.0, 792.0),  # Letter
    (0.0, 0.0, 595.0, 842.0),  # A4
    (10.0, 20.0, 110.0, 220.0),  # a narrow page: the footer shrinks, by how much depends on its length
]


@pytest.mark.parametrize("lead_text", ["", "Jane (Example) \\ · DOB 1971-04-02 · ", "Zoë Ωmega · "])
def test_footers_are_footer_ops_page_by_page(lead_text: str) -> None:
    for total, rotations in ((7, (0, 90, 180, 270, 45, -90)), (1005, (0, 270))):
        for box in BOXES:
            for rotate in rotations:
                footers = Footers(lead_text, total)
                for number in range(1, total + 1):  # 9 to 10, 99 to 100, 999 to 1000 digits
                    ops, placed = footers.ops(number, box, rotate)
                    assert not placed
                    assert ops == footer_ops(footer_text(lead_text, number, total), box, rotate), number


@pytest.mark.parametrize("box", BOXES)
def test_footers_with_a_typeset_lead_are_footer_ops_page_by_page(box: tuple) -> None:
    lead = FooterLead("Зоя Пример · ", 48.5, 2.25)
    footers = Footers(lead.text, 150, lead)
    for number in range(1, 151):
        ops, placed = footers.ops(number, box, 90)
        assert placed
        assert ops == footer_ops(footer_text(lead.text, number, 150), box, 90, lead), number
    other = Footers("Jane · ", 3, lead)  # a lead that is not the footer's start is not drawn
    ops, placed = other.ops(2, box, 0)
    assert not placed and ops == footer_ops("Jane · page 2 of 3", box, 0)


def _page(pdf: pikepdf.Pdf, resources: pikepdf.Object, **extra: object) -> pikepdf.Dictionary:
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, 612, 792]),
        Resources=resources,
        Contents=pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"),
    )
    for key, value in extra.items():
        page[f"/{key}"] = value
    return page


def test_every_page_gets_its_footer_and_the_font_shared_resources_too() -> None:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1))
    shared = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    pages = [
        _page(pdf, shared),
        _page(pdf, shared, Rotate=90),
        _page(pdf, pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))),
        _page(pdf, shared, CropBox=pikepdf.Array([50, 50, 300, 400])),
        _page(pdf, pikepdf.Dictionary(), MediaBox=pdf.make_indirect(pikepdf.Array([0, 0, 200, 300]))),
    ]
    for page in pages:
        pdf.pages.append(pikepdf.Page(page))
    lead = "Jane Example · DOB 1971-04-02 · "
    assembly._footers(pdf, lead, None)
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        obj = page.obj
        streams = list(obj.Contents)
        assert streams[0].read_bytes() == b"q\n"
        assert streams[1].read_bytes() == b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
        box = visible_box(obj.get("/MediaBox"), obj.get("/CropBox"))
        rotate = int(obj.get("/Rotate", 0))
        assert streams[-1].read_bytes() == footer_ops(footer_text(lead, number, total), box, rotate)
        assert FOOTER_FONT in obj.Resources.Font and "/F1" in obj.Resources.Font or number == 5
        assert obj.Resources.Font[FOOTER_FONT].BaseFont == pikepdf.Name.Helvetica
        assert FOOTER_LEAD not in obj.Resources.get("/XObject", pikepdf.Dictionary())
