"""Child process of inspect_file: prints JSON facts about one PDF. Run only under limits."""

from __future__ import annotations

import json
import re
import sys


def _pdf_date(value: object) -> str | None:
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    if not match:
        return None
    year, month, day = match.groups()
    if not (1900 <= int(year) <= 2100 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{month}-{day}"


def main(path: str) -> int:
    import logging

    logging.disable(logging.CRITICAL)
    from pypdf import PdfReader

    facts: dict[str, object] = {"pages": None, "title": "", "date": None, "encrypted": False, "problem": ""}
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            facts["encrypted"] = True
            try:
                if not reader.decrypt(""):
                    facts["problem"] = "password"
            except Exception:
                facts["problem"] = "password"
        if not facts["problem"]:
            facts["pages"] = len(reader.pages)
            meta = reader.metadata or {}
            facts["title"] = str(meta.get("/Title") or "").strip()[:300]
            facts["date"] = _pdf_date(meta.get("/CreationDate"))
    except Exception:
        return 1
    if facts["problem"] == "password":
        facts["problem"] = "it is protected by a password; remove the password and add it again"
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
