"""The emergency kit: a printable page with a person's recovery secret (their age secret key).

With the kit and a copy of the vault folder, the stock `age` tool opens everything this person may
read, with no passphrase and without MBC Vault (see docs/recovery.md; the kit replaces its steps 3
and 4). Only the person who unlocked can make their own kit: nobody else holds their secret key.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PermissionDenied
from .render.pdf import html_to_pdf
from .render.qr import qr_image

if TYPE_CHECKING:
    from .vault import Vault

QR_NAME = "mbc-kit-qr"
QR_SIZE_PX = 230  # in the document's layout pixels (about 60 mm on paper)


def recovery_secret(vault: Vault) -> str:
    """The unlocked person's age secret key, AGE-SECRET-KEY-1...: it opens keyrings/<id>.age."""
    return str(vault.folder.identity)


def write_emergency_kit(
    vault: Vault,
    out_path: str | os.PathLike[str],
    person_id: str | None = None,
    *,
    page_size: str = "Letter",
    overwrite: bool = True,
) -> Path:
    """Write the emergency kit PDF of the person who unlocked *vault* to *out_path* (atomically).

    It holds the secret key in plain text, so the file is readable by its owner only (0600 from the
    moment it is created); a device or pipe at *out_path* is never replaced (OutputFileError)."""
    me = vault.person
    if person_id is not None and person_id != me.id:
        other = vault.find_person(person_id)
        if other.id != me.id:
            if not vault.is_owner:
                raise PermissionDenied("kit-owner-only")
            raise PermissionDenied("kit-make-own", name=other.name or other.id)
    secret = recovery_secret(vault)
    target = Path(out_path)
    html_to_pdf(
        _kit_html(vault, secret),
        target,
        title=f"MBC Vault emergency kit: {me.name}",
        page_size=page_size,
        base_point_size=11.0,
        resources={QR_NAME: qr_image(secret)},
        overwrite=overwrite,
    )
    return target


def _kit_html(vault: Vault, secret: str) -> str:
    e = html.escape
    person = vault.person
    name = person.name or person.id
    pid = person.id
    folder = str(Path(vault.path).resolve())
    sections = ", ".join(s for s in sorted(person.scopes)) or "none"
    code = "style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt;\""
    secret_font = "style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 10.5pt;\""
    return f"""
<h1 style="font-size: 20pt; margin-bottom: 2pt;">MBC Vault emergency kit</h1>
<p style="font-size: 13pt; margin-top: 0;">for <b>{e(name)}</b> &middot; made {date.today().isoformat()}</p>

<table width="100%" cellpadding="8" style="background-color: #fff3cd; border: 1px solid #b58a00;">
<tr><td style="font-size: 11.5pt;"><b>Store this like a will.</b> Anyone who has this sheet and a copy of
the vault folder can read everything {e(name)} can read in the vault, without any passphrase.
Print it, keep the paper somewhere safe (with your will, or in a safe deposit box) and tell someone
you trust where it is. Delete the PDF file after printing; do not keep it in email, in the cloud or as a
photo on a phone.</td></tr>
</table>

<table cellpadding="3" style="margin-top: 10pt; font-size: 12pt;">
<tr><td><b>Vault name:</b></td><td>{e(vault.name or "(no name)")}</td></tr>
<tr><td><b>Vault folder:</b></td><td>{e(folder)}</td></tr>
<tr><td><b>Person:</b></td><td>{e(name)}</td></tr>
<tr><td><b>Person id:</b></td><td><span {code}>{e(pid)}</span></td></tr>
<tr><td><b>Sections:</b></td><td>{e(sections)}</td></tr>
</table>

<h2 style="font-size: 15pt; margin-top: 12pt;">Your recovery secret</h2>
<table cellpadding="0"><tr>
<td width="{QR_SIZE_PX + 16}"><img src="{QR_NAME}" width="{QR_SIZE_PX}" height="{QR_SIZE_PX}"></td>
<td style="font-size: 11.5pt;">This secret stands in for your passphrase. The QR code holds the line
of text printed below it; a phone's camera or a QR app reads it. It is one line with no spaces,
starting with AGE-SECRET-KEY-1. If a character is mistyped, age says the key is malformed: nothing
is damaged, just check the line again.</td>
</tr></table>
<p style="margin-top: 8pt;"><b><span {secret_font}>{e(secret)}</span></b></p>

<h2 style="font-size: 15pt; margin-top: 12pt;">If MBC Vault is not available: recover with age</h2>
<ol style="font-size: 11pt;">
<li>Install the free <b>age</b> tool (age-encryption.org): <span {code}>sudo apt install age</span>, or
<span {code}>brew install age</span> on a Mac, or <span {code}>winget install --id FiloSottile.age</span>
on Windows.</li>
<li>Copy the whole vault folder onto an encrypted disk or a USB stick you keep safe, and open a terminal in
that copy. Type <span {code}>umask 077</span> so the files made next are private.</li>
<li>Save the recovery secret above, as one line, to a file named <span {code}>my-key.txt</span> in that
folder (scan the QR code, or type it carefully).</li>
<li>Unlock your keyring (no passphrase is needed):<br>
<span {code}>age -d -i my-key.txt keyrings/{e(pid)}.age &gt; scope-keys.txt</span></li>
<li>Recover the documents with <span {code}>scope-keys.txt</span> as in steps 5 and 6 of docs/recovery.md
(MBC Vault's source). For one record: <span {code}>age -d -i scope-keys.txt records/RECORD-ID.age</span>
shows its title, its document id and original name, then<br>
<span {code}>age -d -i scope-keys.txt -o ORIGINAL-NAME documents/DOCUMENT-ID.age</span></li>
<li>When done: <span {code}>rm my-key.txt scope-keys.txt</span>, and keep the recovered (not encrypted)
documents safe.</li>
</ol>
"""
