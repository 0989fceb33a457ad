"""The command line: `mbc-vault COMMAND ...` (ui/launch.py hands it every call with arguments) and
`python -m mbc_vault COMMAND ...`. Without a command it prints its usage and how to open the app.

Exit status: 0 success, 1 failure or damage found, 2 usage error, 3 wrong passphrase.
Errors are one plain line on stderr, never a traceback (set MBC_VAULT_DEBUG=1 to see one).
Long on purpose: one small function per command, all sharing the argument parser and exit codes.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .categories import CATEGORIES, DEFAULT_CATEGORY, ENTRY_KINDS
from .crashsafe import disable_core_dumps
from .errors import VaultError, WrongPassphrase
from .paper import default_page_size
from .progress import ProgressFn, describe
from .records import Record
from .system import console_device

if TYPE_CHECKING:
    from .search import SearchHit
    from .vault import Vault

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_WRONG_PASSPHRASE = 0, 1, 2, 3
PASSPHRASE_ENV = "MBC_VAULT_PASSPHRASE"
MIN_PASSPHRASE = 8
APP_HINT = "To open the desktop app, run mbc-vault with no command (or mbc-vault-app)."


class UsageError(Exception):
    pass


#: a passphrase file is read up to this many bytes (a device such as /dev/zero must not fill memory)
MAX_SECRET_FILE = 4096


def _read_secret_file(path: str) -> str:
    """The first line of a passphrase file (a regular file or a pipe, up to MAX_SECRET_FILE bytes)."""
    try:
        with open(path, "rb") as handle:
            kind = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(kind):
                raise UsageError(
                    f"the passphrase file {path} is a folder; give the file that holds the passphrase"
                )
            if not (stat.S_ISREG(kind) or stat.S_ISFIFO(kind)):
                raise UsageError(
                    f"the passphrase file {path} is a device, not a file; "
                    "give a file that holds the passphrase"
                )
            raw = handle.read(MAX_SECRET_FILE + 1)
    except IsADirectoryError:
        raise UsageError(
            f"the passphrase file {path} is a folder; give the file that holds the passphrase"
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot read the passphrase file {path}: {exc.strerror}") from None
    line, newline, _ = raw.partition(b"\n")
    if not newline and len(raw) > MAX_SECRET_FILE:
        raise UsageError(
            f"the passphrase file {path} has no passphrase line in its first {MAX_SECRET_FILE} bytes; "
            "give a file whose first line is the passphrase"
        )
    try:
        return line.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise UsageError(f"the passphrase file {path} is not text (UTF-8); save it as plain text") from None


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if _has_terminal():
        return _prompt("Passphrase: ", confirm)
    raise UsageError(f"no passphrase: use --passphrase-file FILE or set {PASSPHRASE_ENV}")


def _has_terminal() -> bool:
    """True if we can ask on the terminal (getpass reads it without echo: /dev/tty, CONIN$ on Windows)."""
    try:
        with open(console_device(), "rb"):
            return True
    except OSError:
        return False


def _prompt(label: str, confirm: bool) -> str:
    first = getpass.getpass(label)
    if confirm and getpass.getpass(label.replace(":", " again:", 1)) != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


def _check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


def _open(args: argparse.Namespace) -> Vault:
    from .vault import Vault

    return Vault.open(args.vault, _passphrase(args), person_id=getattr(args, "person", None))


def _record_json(record: Record) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "category": record.category,
        "date": record.date,
        "provider": record.provider,
        "tags": record.tags,
        "notes": record.notes,
        "sha256": record.sha256,
        "size": record.size,
        "media_type": record.media_type,
        "pages": record.pages,
        "original_name": record.original_name,
        "created": record.created,
        "modified": record.modified,
        "author": record.author,
        "modified_by": record.modified_by,
        "trashed": record.trashed,
    }


def _print_table(records: Sequence[Record]) -> None:
    if not records:
        print("No records.")
        return
    for r in records:
        print(f"{r.id}  {r.date or '----------'}  {r.category:<18}  {_human_size(r.size):>8}  {r.title}")


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush into a closed pipe is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _err(message: str) -> None:
    print(f"mbc-vault: {message}", file=sys.stderr)


# ------------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    from .vault import Vault

    passphrase = _passphrase(args, confirm=True)
    _check_strength(passphrase)
    vault = Vault.create(args.vault, passphrase, name=args.name or "", owner_name=args.name or None)
    print(f"Created the vault {vault.path} for {vault.person.name}.")
    print("Keep your passphrase safe: if it is forgotten, nobody can open the vault.")
    vault.close()
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from .importer import import_files
    from .visibility import display_names, visible_to

    defaults = {
        "category": args.category,
        "title": args.title,
        "date": args.date,
        "provider": args.provider,
        "tags": args.tag or [],
    }
    with _open(args) as vault:
        report = import_files(vault, args.files, defaults=defaults)
        # who holds each document's part: "you" is the person who unlocked, then the others by name
        seen_by = {r.id: visible_to(vault, r.category) for r in report.added}
        names = {rid: display_names(vault, people) for rid, people in seen_by.items()}
    for message in report.messages():
        _err(message)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        **_record_json(r),
                        "visible_to": names[r.id],
                        "visible_to_ids": [p.id for p in seen_by[r.id]],
                    }
                    for r in report.added
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for record in report.added:
            who = ", ".join(names[record.id])
            print(f"Added {record.id}  {record.title}  ({record.category}; visible to {who})")
    return EXIT_FAILURE if report.problems or report.duplicates else EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from .search import build_index

    languages = {"en": ("en",), "es": ("es",)}.get(args.language, ("en", "es"))
    with _open(args) as vault:
        index = build_index(vault)
        result = index.query(args.query, limit=args.limit, languages=languages)
        index.close()
    hits = result.hits
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "kind": h.kind,
                        "id": h.id,
                        "title": h.title,
                        "category": h.category,
                        "page": h.page,
                        "snippet": h.snippet_plain("", ""),
                        "score": round(h.score, 4),
                        "exact": h.exact,
                        **({"item": h.item} if h.item is not None else {}),
                        **({"context": h.context.english()} if h.context is not None else {}),
                    }
                    for h in hits
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    shown = " ".join(args.query.split())[:80]
    if not result.searchable:
        print("Type a word to search: letters or digits.")
    elif not hits:
        print(f"No matches for \u201c{shown}\u201d.")
    else:
        if not result.exact_count:
            close = f" Did you mean {result.suggestion}?" if result.suggestion else ""
            print(f"No matches for \u201c{shown}\u201d as typed.{close} Close matches:")
        for hit in hits:
            print(f"{hit.id}  {hit.title}  ({_hit_place(hit)})\n    {hit.snippet_plain()}")
    return EXIT_OK


def _hit_place(hit: SearchHit) -> str:
    """Where a hit is, in English: "page 2", "title, tags or notes", "Question · Appointment on ..."."""
    if hit.kind == "document":
        return f"page {hit.page}" if hit.page else "title, tags or notes"
    label = "Question" if hit.kind == "question" else ENTRY_KINDS.get(hit.kind, ("", hit.kind))[1]
    return f"{label} \u00b7 {hit.context.english()}" if hit.context is not None else label


def cmd_import_records(args: argparse.Namespace) -> int:
    from .cli_portal import run_import_records

    with _open(args) as vault:
        return run_import_records(vault, args)


def cmd_export_ips(args: argparse.Namespace) -> int:
    from .cli_portal import run_export_ips

    out = Path(args.out)
    _check_output(out)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; add --force to replace it")
    with _open(args) as vault:
        return run_export_ips(vault, args)


def cmd_reindex(args: argparse.Namespace) -> int:
    from .reindex import rebuild_texts

    with _open(args) as vault:
        report = rebuild_texts(vault, only_missing=not args.all)
    for problem in report.problems:
        _err(problem)
    print(f"Rebuilt the search text of {len(report.rebuilt)} documents.")
    return EXIT_FAILURE if report.problems else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import create_demo_vault

    vault, passphrase = create_demo_vault(args.vault)
    count = len(vault.records())
    vault.close()
    print(f"Created a demo vault of {count} fictional records at {args.vault}.")
    print(f"Its passphrase is: {passphrase}")
    return EXIT_OK


def cmd_self_check(args: argparse.Namespace) -> int:
    from .selfcheck import run_self_check

    return EXIT_OK if run_self_check(lambda line: print(line, flush=True)) else EXIT_FAILURE


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        records = vault.records(category=args.category)
        problems = vault.load_problems
    if args.json:
        print(json.dumps([_record_json(r) for r in records], indent=2, ensure_ascii=False))
    else:
        _print_table(records)
    for problem in problems:
        _err(f"damaged: {problem.describe()}; run `mbc-vault verify`")
    return EXIT_FAILURE if problems else EXIT_OK


def cmd_entries(args: argparse.Namespace) -> int:
    """The structured entries the person may see (all kinds, or one): id, kind, date, title, fields."""
    from .errors import InvalidValue

    if args.kind is not None and args.kind not in ENTRY_KINDS:
        raise InvalidValue("entries-kind-unknown", kind=args.kind, choices=", ".join(ENTRY_KINDS))
    with _open(args) as vault:
        records = [r for kind in ([args.kind] if args.kind else ENTRY_KINDS) for r in vault.entries(kind)]
    if args.json:
        rows = [
            {"id": r.id, "kind": r.kind, "date": r.date, "title": r.title, "fields": r.data} for r in records
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not records:
        print("No entries.")
    else:
        for r in records:
            print(f"{r.id}  {r.date or '----------'}  {ENTRY_KINDS[r.kind][1]:<24}  {r.title}")
    return EXIT_OK


def _check_output(out: Path) -> None:
    """Before asking for the passphrase: refuse a FILE that is a device, pipe, folder or other special
    file (never replaced, even with --force), or whose folder is missing (exit 1, one sentence). An
    existing ordinary file is left to the command's own --force message."""
    from .fsutil import private_target

    private_target(out, overwrite=True)


def cmd_export(args: argparse.Namespace) -> int:
    from .fsutil import private_target

    private_target(Path(args.out), overwrite=args.force)  # before the passphrase is asked for
    with _open(args) as vault:
        record = vault.get(args.id)
        out = vault.export_document(record.id, args.out, overwrite=args.force)
    print(f'Exported "{record.title}" to {out}. This copy is not encrypted: delete it when done.')
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        record = vault.remove(args.id)
    print(f'Moved "{record.title}" to the trash. Undo with: mbc-vault restore {args.vault} {record.id}')
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        record = vault.restore(args.id)
    print(f'Restored "{record.title}" from the trash.')
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError("purge deletes a record for good; add --yes to confirm")
    with _open(args) as vault:
        record = vault.get(args.id)
        vault.purge(record.id)
    print(f'Deleted "{record.title}" for good.')
    return EXIT_OK


def cmd_trash(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        records = vault.trash()
    if args.json:
        print(json.dumps([_record_json(r) for r in records], indent=2, ensure_ascii=False))
    else:
        _print_table(records)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        report = vault.verify()
    if args.json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "records_checked": report.records_checked,
                    "documents_checked": report.documents_checked,
                    "not_readable": report.not_readable,
                    "unreferenced": report.unreferenced,
                    "not_in_vault": report.not_in_vault,
                    "sync_copies": report.sync_copies,
                    "conflicts": report.conflicts,
                    "problems": [
                        {"path": p.path, "record_id": p.record_id, "title": p.title, "message": p.message}
                        for p in report.problems
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for problem in report.problems:
            print(f"DAMAGED {problem.describe()}")
        print(
            f"Checked {report.records_checked} records and {report.documents_checked} documents: "
            + ("all intact." if report.ok else f"{len(report.problems)} damaged.")
        )
        if report.not_readable:
            print(
                f"{report.not_readable} records belong to sections you were not given and were not checked."
            )
        if report.unreferenced:
            print(
                f"{len(report.unreferenced)} document files have no record (an interrupted add, "
                "or a sync still in progress)."
            )
        if report.conflicts:
            print(
                f"{len(report.conflicts)} records were changed on two computers; both versions are kept. "
                "Choose one in the app."
            )
        if report.sync_copies:
            print(
                f"{len(report.sync_copies)} copies made by a sync tool are waiting to be folded back "
                "(the owner or an editor does this when opening the vault)."
            )
        for name in report.not_in_vault:
            print(f"Not part of the vault (left alone): {name}")
    return EXIT_OK if report.ok else EXIT_FAILURE


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = _open(args)
    try:
        if args.new_passphrase_file:
            new = _read_secret_file(args.new_passphrase_file)
        elif _has_terminal():
            new = _prompt("New passphrase: ", True)
        else:
            raise UsageError("no new passphrase: use --new-passphrase-file FILE")
        _check_strength(new)
        said = vault.change_passphrase(new)
    finally:
        vault.close()
    print(f"Passphrase changed. {said}")
    return EXIT_OK


def cmd_packet(args: argparse.Namespace) -> int:
    from .packet import Cover, PacketChoices, PacketProblems, build_packet, default_document_ids, packet_size

    password = None
    if args.password_file:
        password = _read_secret_file(args.password_file)
        if not password:
            raise UsageError(f"the password file {args.password_file} is empty")
    out = Path(args.out)
    _check_output(out)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; add --force to replace it")
    with _open(args) as vault:
        ids = [vault.get(i).id for i in args.include] if args.include else default_document_ids(vault)
        size = packet_size(vault.get(i) for i in ids)
        if size.very_large:  # said, then built anyway: the person chose these documents
            _err(f"warning: {size.describe()}")
        cover = Cover(
            date_of_birth=args.dob or "",
            center=args.center or "",
            doctor=args.doctor or "",
            reason=args.reason or "",
            questions=args.question or [],
        )
        choices = PacketChoices(
            cover=cover,
            include_summary=args.summary,
            question_list_id=args.questions,
            document_ids=ids,
            page_size=args.page_size or default_page_size(),
            footer=not args.no_footer,
            skip_problem_documents=args.skip_problems,
            password=password,
        )
        try:
            result = build_packet(vault, choices, out, overwrite=args.force)
        except PacketProblems as exc:
            for problem in exc.problems:
                _err(problem.describe())
            _err("nothing was written; add --skip-problems to leave these out")
            return EXIT_FAILURE
    for problem in result.left_out:
        _err(f"left out: {problem.describe()}")
    if args.json:
        print(
            json.dumps(
                {
                    "path": result.path,
                    "pages": result.pages,
                    "sha256": result.sha256,
                    "size": result.size,
                    "encrypted": result.encrypted,
                    "record_id": result.record_id,
                    "sections": [
                        {
                            "title": s.title,
                            "kind": s.kind,
                            "first_page": s.first_page,
                            "pages": s.pages,
                            "record_id": s.record_id,
                        }
                        for s in result.sections
                    ],
                    "left_out": [
                        {"record_id": p.record_id, "title": p.title, "reason": p.reason}
                        for p in result.left_out
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(
            f"Wrote {result.pages} pages to {result.path}"
            + (" (password-protected, AES-256)." if result.encrypted else ". This copy is not encrypted.")
        )
        print("Centers usually need records in English, and imaging on disc.")
    return EXIT_OK


def cmd_kit(args: argparse.Namespace) -> int:
    from .kit import write_emergency_kit

    out = Path(args.out)
    _check_output(out)
    if out.exists() and not args.force:
        _err(f"{out} exists; nothing was written. Add --force to replace it")
        return EXIT_FAILURE
    with _open(args) as vault:
        write_emergency_kit(
            vault, out, vault.person.id, page_size=args.page_size or default_page_size(), overwrite=args.force
        )
        name = vault.person.name
    print(f"Wrote the emergency kit of {name} to {out}.")
    print(
        "It holds the recovery secret in plain text: print it, store the paper like a will, "
        "then delete the file."
    )
    return EXIT_OK


def _person_line(person: Any, vault: Any) -> str:
    scopes = ", ".join(sorted(person.scopes)) or "no sections"
    what = "owner" if person.role == "owner" else ("can edit" if person.can_edit else "view only")
    extra = "  (setup code not yet replaced)" if person.setup_pending else ""
    relation = f" ({person.relationship})" if person.relationship else ""
    return f"{person.id}  {person.name}{relation}  {what}  {scopes}{extra}"


def cmd_person_add(args: argparse.Namespace) -> int:
    passphrase = None
    if args.new_passphrase_file:
        passphrase = _read_secret_file(args.new_passphrase_file)
        _check_strength(passphrase)
    with _open(args) as vault:
        person, code = vault.add_person(
            args.name,
            args.relationship or "",
            args.scope or [],
            can_edit=args.can_edit,
            passphrase=passphrase,
        )
    if args.json:
        print(json.dumps({**person.public_view(), "setup_code": code}, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(person.id)
    print(
        f"Added {person.name} with: {', '.join(person.scopes) or 'no sections'}"
        f" ({'can edit' if person.can_edit else 'view only'})."
    )
    if code:
        print(f"Setup code: {code}")
        print(
            "Give it to them in person or read it aloud; it opens the vault once, then they choose their own "
            "passphrase (`mbc-vault passwd`). Anyone with the code can open their sections until then."
        )
    return EXIT_OK


def cmd_person_list(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        people = sorted(vault.people.values(), key=lambda p: (p.role != "owner", p.name.lower(), p.id))
        if args.json:
            print(json.dumps([p.public_view() for p in people], indent=2, ensure_ascii=False))
        else:
            for person in people:
                print(_person_line(person, vault))
    return EXIT_OK


def _rotation_progress(args: argparse.Namespace) -> ProgressFn | None:
    if not getattr(args, "rotate", False) or not sys.stderr.isatty():
        return None
    return lambda done, total, stage, item: print(
        f"\r{describe(stage, item)} {done}/{total}", end="", file=sys.stderr
    )


def _rotation_summary(report: Any) -> None:
    if report is None:
        return
    scopes = ", ".join(s for s in sorted(report.scopes))
    print(f"New keys for: {scopes}; {report.files_reencrypted} files re-encrypted.")
    for problem in report.problems:
        _err(f"not re-encrypted: {problem.describe()}")


def cmd_person_remove(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        person = vault.find_person(args.id)
        report = vault.remove_person(person.id, rotate=args.rotate, progress=_rotation_progress(args))
    print(f"Removed {person.name}; their key file is deleted.")
    if args.rotate:
        _rotation_summary(report)
        return EXIT_FAILURE if report is not None and report.problems else EXIT_OK
    _err(
        "warning: the sections they held were not re-encrypted (--no-rotate), so a copy of their keys "
        f"made earlier still opens them; run `mbc-vault person rotate {args.vault} --scope S` to close that."
    )
    return EXIT_OK


def cmd_person_grant(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        person = vault.grant(args.id, args.scope)
    print(f"{person.name} now has: {', '.join(person.scopes) or 'no sections'}.")
    return EXIT_OK


def cmd_person_revoke(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        person = vault.find_person(args.id)
        person = vault.revoke(person.id, args.scope)
        report = vault.rotate_scope(args.scope, progress=_rotation_progress(args)) if args.rotate else None
    print(f"{person.name} now has: {', '.join(person.scopes) or 'no sections'}.")
    if report is not None:
        _rotation_summary(report)
        return EXIT_FAILURE if report.problems else EXIT_OK
    print(
        f"A copy of their keys made earlier still opens the {args.scope} files; add --rotate to re-encrypt "
        "them."
    )
    return EXIT_OK


def cmd_person_edit(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        person = vault.set_can_edit(args.id, args.can_edit)
    print(f"{person.name} {'can now edit' if person.can_edit else 'may now only view'}.")
    return EXIT_OK


def cmd_person_rotate(args: argparse.Namespace) -> int:
    args.rotate = True
    with _open(args) as vault:
        report = vault.rotate_scopes(args.scope, progress=_rotation_progress(args))
    _rotation_summary(report)
    return EXIT_FAILURE if report.problems else EXIT_OK


# ------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mbc-vault",
        description=f"An encrypted records vault. {APP_HINT}",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        p.add_argument("vault", metavar="VAULT", help="the vault's folder")
        p.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help=f"read the passphrase from FILE (or set {PASSPHRASE_ENV})",
        )
        if name != "init":
            p.add_argument("--person", metavar="ID", help="the person unlocking (tried first)")
        return p

    p = command("init", cmd_init, "create a new vault")
    p.add_argument("--name", help="your name, shown as the vault's owner")
    p = command("add", cmd_add, "encrypt documents into the vault")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--category",
        choices=list(CATEGORIES),
        metavar="SLUG",
        help=f"one of: {', '.join(CATEGORIES)} (default: guessed from the text, else {DEFAULT_CATEGORY})",
    )
    p.add_argument("--title", metavar="T")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--provider", metavar="P")
    p.add_argument("--tag", action="append", metavar="T")
    p.add_argument("--json", action="store_true")
    p = command("search", cmd_search, "find records by words in their text, title, tags or notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument(
        "--language", choices=("en", "es", "both"), default="both", help="word forms of which language (both)"
    )
    p.add_argument("--json", action="store_true")
    p = command("import-records", cmd_import_records, "bring in records downloaded from a patient portal")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="C-CDA XML, IHE XDM zips, FHIR JSON, NDJSON or .phr files, IPS, Apple Health export.zip",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would be created; save nothing")
    p.add_argument(
        "--encounters", action="store_true", help="also add the visits (encounters) as past visits"
    )
    p.add_argument("--json", action="store_true")
    p = command(
        "export-ips",
        cmd_export_ips,
        "write the care summary as an International Patient Summary (FHIR R4 JSON) for another system",
    )
    p.add_argument("--out", required=True, metavar="FILE.json")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = command("reindex", cmd_reindex, "rebuild the stored search text of documents (missing or damaged)")
    p.add_argument("--all", action="store_true", help="rebuild every document's text")
    p = command("list", cmd_list, "list the records")
    p.add_argument("--category", choices=list(CATEGORIES), metavar="SLUG")
    p.add_argument("--json", action="store_true")
    p = command("entries", cmd_entries, "list the structured entries: diagnosis, allergies, procedures...")
    p.add_argument("--kind", metavar="KIND", help=f"only one kind: {', '.join(ENTRY_KINDS)}")
    p.add_argument("--json", action="store_true")
    p = command("export", cmd_export, "write a decrypted copy of a document")
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = command("remove", cmd_remove, "move a record to the trash")
    p.add_argument("id", metavar="ID")
    p = command("restore", cmd_restore, "bring a record back from the trash")
    p.add_argument("id", metavar="ID")
    p = command("purge", cmd_purge, "delete a trashed record for good")
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true")
    p = command("trash", cmd_trash, "list the records in the trash")
    p.add_argument("--json", action="store_true")
    p = command("verify", cmd_verify, "check every file of the vault for damage")
    p.add_argument("--json", action="store_true")
    p = command("passwd", cmd_passwd, "change your passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p = command(
        "packet", cmd_packet, "build a second-opinion packet: chosen records and a care summary in one PDF"
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--include",
        action="append",
        metavar="ID",
        help="a document to include, in order (repeat); default: the usual second-opinion set",
    )
    p.add_argument(
        "--summary",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="include the care summary from the structured record (default: yes)",
    )
    p.add_argument("--questions", metavar="LIST_ID", help="include this question list")
    p.add_argument("--password-file", metavar="F", help="protect the packet (AES-256) with the password in F")
    p.add_argument(
        "--page-size",
        choices=["Letter", "A4"],
        help="default: from your locale (Letter in the US, Canada, Mexico and a few more; A4 elsewhere)",
    )
    p.add_argument(
        "--no-footer", action="store_true", help="no name, date of birth and page number on each page"
    )
    p.add_argument(
        "--dob",
        metavar="YYYY-MM-DD",
        help="date of birth for the cover and footer (default: the one recorded in the health history)",
    )
    p.add_argument("--center", metavar="NAME")
    p.add_argument("--doctor", metavar="NAME")
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument(
        "--question", action="append", metavar="TEXT", help="a question that matters most (repeat)"
    )
    p.add_argument("--skip-problems", action="store_true", help="leave out documents that cannot be included")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--json", action="store_true")
    p = command(
        "kit",
        cmd_kit,
        "write your emergency kit: a printable PDF with your recovery secret "
        "(it opens what you can read, with no passphrase) and how to recover with the age tool",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--page-size",
        choices=["Letter", "A4"],
        help="default: from your locale (Letter in the US, Canada, Mexico and a few more; A4 elsewhere)",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _person_parsers(sub)
    p = sub.add_parser(
        "demo",
        help="create a vault of fictional records to explore",
        description="create a vault of fictional records to explore",
    )
    p.set_defaults(func=cmd_demo)
    p.add_argument("vault", metavar="PATH")
    help_text = (
        "check that this program works on this computer: in a temporary folder, create a vault, import a "
        "PDF and a photo, search, build a packet, verify and lock (fictional records; nothing is kept)"
    )
    p = sub.add_parser("self-check", help=help_text, description=help_text)
    p.set_defaults(func=cmd_self_check)
    return parser


def _person_parsers(sub: Any) -> None:
    from .categories import SCOPES

    group = sub.add_parser(
        "person",
        help="add, list, change or remove the people who share the vault",
        description="add, list, change or remove the people who share the vault "
        "(only the owner can change people)",
    )
    people = group.add_subparsers(dest="person_command", metavar="ACTION", required=True)

    def action(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = people.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        p.add_argument("vault", metavar="VAULT", help="the vault's folder")
        p.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help=f"read the passphrase from FILE (or set {PASSPHRASE_ENV})",
        )
        p.add_argument("--person", metavar="ID", help="the person unlocking (tried first)")
        return p

    p = action(
        "add",
        cmd_person_add,
        "add a person; prints their id and, without --new-passphrase-file, a one-time setup code",
    )
    p.add_argument("--name", required=True)
    p.add_argument("--relationship", metavar="TEXT", help="e.g. partner, daughter")
    p.add_argument("--scope", action="append", choices=list(SCOPES), help="a section they may see (repeat)")
    p.add_argument("--can-edit", action="store_true", help="may add and change records (default: view only)")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="their passphrase, instead of a setup code")
    p.add_argument("--json", action="store_true")
    p = action("list", cmd_person_list, "list the people who share the vault")
    p.add_argument("--json", action="store_true")
    p = action("remove", cmd_person_remove, "remove a person and delete their key file")
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--rotate",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="re-encrypt the sections they held to new keys, as the app does (the default: a copy of "
        "their keys then opens nothing new); --no-rotate skips it, with a warning",
    )
    p = action("grant", cmd_person_grant, "let a person see a section")
    p.add_argument("id", metavar="ID")
    p.add_argument("--scope", required=True, choices=list(SCOPES))
    p = action("revoke", cmd_person_revoke, "stop a person seeing a section")
    p.add_argument("id", metavar="ID")
    p.add_argument("--scope", required=True, choices=list(SCOPES))
    p.add_argument("--rotate", action="store_true", help="also re-encrypt that section to a new key")
    p = action("edit", cmd_person_edit, "let a person edit, or make them view only")
    p.add_argument("id", metavar="ID")
    p.add_argument("--can-edit", action=argparse.BooleanOptionalAction, required=True)
    p = action(
        "rotate", cmd_person_rotate, "re-encrypt sections to new keys (finishes an interrupted rotation too)"
    )
    p.add_argument("--scope", action="append", required=True, choices=[*SCOPES, "vault"])


def _printable_output() -> None:
    """Print what the output's encoding cannot show as "?", not fail: Windows writes redirected output
    in its legacy code page (cp1252...), which has no "≥" and no Chinese name."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    argv = list(sys.argv[1:] if argv is None else argv)
    _printable_output()
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "add" and args.date:
            from .records import check_date

            check_date(args.date)
        return int(args.func(args))
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except WrongPassphrase as exc:
        _err(str(exc))
        return EXIT_WRONG_PASSPHRASE
    except ValueError as exc:  # InvalidValue and FieldError too: a value given was not usable
        _err(str(exc))
        return EXIT_USAGE
    except VaultError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _err("interrupted; nothing half-written was kept")
        return 130
    except BrokenPipeError:  # `mbc-vault search … | head`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # never show a traceback to a user
        if os.environ.get("MBC_VAULT_DEBUG"):
            raise
        _err(
            f"unexpected error ({type(exc).__name__}); nothing half-written was kept. "
            "Set MBC_VAULT_DEBUG=1 to see details."
        )
        return EXIT_FAILURE
