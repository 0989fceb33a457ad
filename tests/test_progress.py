"""Progress is a stage code and counts; the command line says each stage in English."""

from __future__ import annotations

from mbc_vault.progress import ENGLISH, Stage, describe


def test_every_stage_has_english() -> None:
    assert set(ENGLISH) == set(Stage)


def test_describe_with_and_without_the_item() -> None:
    assert describe(Stage.PACKET_DOCUMENT, "Liver biopsy") == "Reading Liver biopsy"
    assert describe("packet-merge", "12") == "Putting 12 pages together"
    assert describe(Stage.IMPORT) == "Importing"
    assert describe(Stage.REENCRYPT, "") == "Re-encrypting"
