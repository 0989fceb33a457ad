"""Two copies of a vault (as a sync tool keeps them) edited apart on different records merge by copying
files."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA, PASSPHRASE

from mbc_vault.cancer.models import Symptom
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.vault import Vault


def _copy_missing_and_newer(src: Path, dst: Path) -> None:
    """What a sync tool does for files changed on one side only: copy them across."""
    for file in src.rglob("*"):
        if file.is_dir() or file.name == ".lock":
            continue
        target = dst / file.relative_to(src)
        if not target.exists() or file.stat().st_mtime_ns > target.stat().st_mtime_ns:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)


def test_independent_edits_on_different_records_merge(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    shared = vault.add_document(
        DATA / "images/lab-report-scan.png", category="lab-result", title="Shared labs"
    )
    vault.close()
    laptop = tmp_path / "laptop-copy"
    shutil.copytree(vault_path, laptop)
    with Vault.open(vault_path, PASSPHRASE, cache_root=tmp_path / "cache-a") as a:
        a.add_document(DATA / "pdf-samples/001-trivial/minimal-document.pdf", category="will", title="Will")
        CancerRecord(a).save(Symptom(date="2025-01-02", symptom="fatigue", severity=5))
        a.update_metadata(shared.id, tags=["from the patient"])
    with Vault.open(laptop, PASSPHRASE, cache_root=tmp_path / "cache-b") as b:
        b.add_document(DATA / "images/lab-report-photo.jpg", category="imaging-report", title="Photo")
        CancerRecord(b).save(Symptom(date="2025-01-03", symptom="pain", location="hip", severity=3))
    _copy_missing_and_newer(vault_path, laptop)
    _copy_missing_and_newer(laptop, vault_path)
    for folder, cache in ((vault_path, "cache-a"), (laptop, "cache-b")):
        with Vault.open(folder, PASSPHRASE, cache_root=tmp_path / cache) as merged:
            assert {r.title for r in merged.records()} == {"Shared labs", "Will", "Photo"}
            assert merged.get(shared.id).tags == ["from the patient"]
            assert sorted(e.model.symptom for e in CancerRecord(merged).symptoms()) == ["fatigue", "pain"]
            report = merged.verify()
            assert report.ok and report.unreferenced == []
