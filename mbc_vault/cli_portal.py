"""`mbc-vault import-records`: portal downloads into the care record, with a review first
(`--dry-run` shows it and writes nothing)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from . import messages
from .portal.read import read_portal_files
from .portal.review import ImportPlan, plan_import
from .portal.save import save_import
from .vault import Vault


def _plan_json(plan: ImportPlan) -> dict[str, Any]:
    return {
        "files": [{"name": r.name, "format": r.format, "title": r.title, "date": r.date} for r in plan.reads],
        "counts": plan.counts(),
        "entries": [
            {
                "kind": item.kind,
                "title": item.title,
                "duplicate": item.duplicate,
                "chosen": item.chosen,
                "file": plan.reads[item.read].name,
                "origin": item.origin,
                "fields": item.data,
            }
            for item in plan.items
        ],
        "notes": [{"file": plan.reads[i].name, "title": t} for i, t, _ in plan.notes],
        "problems": [
            {
                "file": name,
                "code": p.code,
                "count": p.count,
                "message": messages.render(p.code, {**p.params, "count": p.count}),
            }
            for name, p in plan.problems()
        ],
        "failed": [
            {"file": name, "code": getattr(e, "code", ""), "message": str(e)} for name, e in plan.failed
        ],
    }


def run_import_records(vault: Vault, args: argparse.Namespace) -> int:
    """Read, review and (unless --dry-run) save; returns the exit code (1 when a file failed)."""
    reads, failed = read_portal_files(Path(f) for f in args.files)
    plan = plan_import(vault, reads, failed)
    if args.encounters:
        for item in plan.items:
            if item.kind == "visit" and not item.duplicate:
                item.chosen = True
    report = None if args.dry_run else save_import(vault, plan)
    if args.json:
        out = _plan_json(plan)
        out["saved"] = (
            None if report is None else {"created": report.created, "already_stored": report.already_stored}
        )
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for name, error in plan.failed:
            print(f"{name}: {error}")
        for name, problem in plan.problems():
            print(f"{name}: {messages.render(problem.code, {**problem.params, 'count': problem.count})}")
        counts = plan.counts()
        for kind, row in counts.items():
            extra = f" ({row['duplicate']} already in the vault, skipped)" if row["duplicate"] else ""
            print(f"{kind}: {row['new']} new{extra}")
        if plan.nothing_new() and not plan.failed:
            print("Nothing new: everything in these files is already in the vault.")
        elif report is None:
            print("Dry run: nothing was saved.")
        else:
            print(f"Saved {report.total} entries.")
    return 1 if plan.failed else 0


def run_export_ips(vault: Vault, args: argparse.Namespace) -> int:
    """Write the International Patient Summary to --out; one sentence says where."""
    from .portal.ips_export import write_ips

    out = write_ips(vault, args.out, overwrite=args.force)
    print(
        f"Wrote the International Patient Summary to {out}. This copy is not encrypted: delete it when done."
    )
    return 0
