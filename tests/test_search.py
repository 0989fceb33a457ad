"""Full-text search: the importer stores page text encrypted; the FTS5 index ranks and highlights."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pdfmaker import text_pdf

from mbc_vault.importer import collect_files, import_files
from mbc_vault.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchIndex, build_index, fts_query
from mbc_vault.vault import Vault


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    return [
        text_pdf(
            folder / "path.pdf",
            [
                ["SURGICAL PATHOLOGY REPORT", "Invasive ductal carcinoma"],
                ["Comment: estrogen receptor strongly positive"],
            ],
            title="Liver biopsy",
        ),
        text_pdf(folder / "ct.pdf", [["CT CHEST", "Impression: stable liver lesions, no new disease"]]),
        text_pdf(folder / "plan.pdf", [["TREATMENT PLAN", "Fulvestrant and everolimus; recheck CA 15-3"]]),
    ]


def test_import_stores_text_encrypted_and_search_ranks(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    report = import_files(vault, _corpus(tmp_path / "in"))
    assert len(report.added) == 3 and not report.problems
    texts_dir = vault_path / "texts"
    assert len(list(texts_dir.iterdir())) == 3
    for file in texts_dir.iterdir():
        raw = file.read_bytes()
        assert raw.startswith(b"age-encryption.org/v1\n") and b"estrogen" not in raw
    index = build_index(vault)
    hits = index.search("estrogen")
    assert [h.title for h in hits] == ["Liver biopsy"] and hits[0].page == 2
    assert f"{HIGHLIGHT_START}estrogen{HIGHLIGHT_END}" in hits[0].snippet
    liver = index.search("liver")
    assert liver[0].title == "Liver biopsy"  # title matches outrank body matches
    assert {h.title for h in liver} == {"Liver biopsy", "ct"}
    assert index.search("fulvest")[0].title == "plan"  # prefixes match
    assert index.search("ca 15-3")[0].title == "plan"
    assert index.search("") == [] and index.search('"; DROP TABLE pages; --') == []


def test_trash_and_metadata_changes_follow_the_index(vault: Vault, tmp_path: Path) -> None:
    report = import_files(vault, _corpus(tmp_path / "in"))
    plan = next(r for r in report.added if r.original_name == "plan.pdf")
    vault.update_metadata(plan.id, tags=["second line"], notes="ask about zoledronic acid")
    vault.remove(next(r for r in report.added if r.original_name == "ct.pdf").id)
    index = build_index(vault)
    assert index.search("zoledronic")[0].record_id == plan.id
    assert index.search("impression") == []  # the trashed CT report is not searched


def test_fts_query_is_safe() -> None:
    # the words are folded as the index is; NEAR is a word here, not the operator; a word typed
    # with punctuation inside ("NEAR(a") is a run of words; words of 3 letters or more match as prefixes
    assert fts_query('he said "stop" NEAR(a b)') == '"he" "said"* "stop"* "near a" "b"'
    index = SearchIndex()
    assert index.search("AND OR NOT ( ) *") == []
    index.close()


def test_collect_files_expands_folders(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / "b" / "two.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "a" / ".hidden").write_bytes(b"x")
    assert [p.name for p in collect_files([tmp_path / "a"])] == ["one.pdf", "two.jpg"]


@pytest.mark.qt  # the CLI paints the demo vault's PDFs with QtGui
def test_cli_search_and_demo(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).parent / "mbc-vault")
    demo = subprocess.run([exe, "demo", str(tmp_path / "demo")], capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    passphrase = demo.stdout.split("Its passphrase is: ")[1].strip()
    env = {
        "MBC_VAULT_PASSPHRASE": passphrase,
        "PATH": "/usr/bin:/bin",
        "MBC_VAULT_CACHE_DIR": str(tmp_path / "cache"),
    }
    listed = json.loads(
        subprocess.run(
            [exe, "list", str(tmp_path / "demo"), "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        ).stdout
    )
    assert len(listed) == 8 and {r["category"] for r in listed} >= {
        "pathology-report",
        "will",
        "advance-directive",
    }
    found = subprocess.run(
        [exe, "search", str(tmp_path / "demo"), "cribriform", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits[0]["title"] == "Surgical pathology: left breast core biopsy"
    assert {"id", "title", "category", "snippet"} <= hits[0].keys() and "cribriform" in hits[0]["snippet"]
    none = subprocess.run(
        [exe, "search", str(tmp_path / "demo"), "xylophone"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert none.returncode == 0 and "No matches" in none.stdout


def test_search_text_is_rebuildable(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    from mbc_vault.reindex import rebuild_texts

    report = import_files(vault, _corpus(tmp_path / "in"))
    path = next(r for r in report.added if r.original_name == "path.pdf")
    original = vault.page_texts(path.id)
    (vault_path / "texts" / f"{path.id}.age").unlink()
    (vault_path / "texts" / f"{report.added[1].id}.age").write_bytes(b"damaged")
    assert vault.page_texts(path.id) is None
    rebuilt = rebuild_texts(vault)
    assert sorted(rebuilt.rebuilt) == sorted([path.id, report.added[1].id]) and not rebuilt.problems
    assert vault.page_texts(path.id) == original
    assert build_index(vault).search("estrogen")[0].record_id == path.id


def test_title_hits_fill_the_limit_before_any_page_text() -> None:
    """When more records hold the words in their title than the limit, every hit is a title hit
    (whose rows sit in a rowid range of their own): a page full of the word comes after, or not at all."""
    from mbc_vault.records import Record

    index = SearchIndex()
    try:
        index.add(Record(id="pages", category="medical-other", title="Scan"), ["zebrafinch " * 40] * 3)
        for number in range(6):
            # long notes: by BM25 alone the page full of the word would come first
            index.add(
                Record(
                    id=f"t{number}",
                    category="medical-other",
                    title=f"Zebrafinch note {number}",
                    notes="filler " * 400,
                )
            )
        full = index.query("zebrafinch", limit=5)
        assert len(full.hits) == 5 and {h.id for h in full.hits} <= {f"t{n}" for n in range(6)}
        assert all(h.page is None for h in full.hits)
        room = index.query("zebrafinch", limit=7)
        assert [h.id for h in room.hits][-1] == "pages" and room.hits[-1].page is not None
        assert len({h.id for h in room.hits[:6]}) == 6 and "pages" not in {h.id for h in room.hits[:6]}
    finally:
        index.close()
