"""The `mbc-vault` command: with no arguments it opens the desktop app, otherwise it runs the command
line (`mbc_vault.cli`, which never loads Qt). `python -m mbc_vault` is the command line alone.

`mbc-vault --open FOLDER` opens the app at that vault's unlock screen (FOLDER may be its vault.json):
the desktop entry starts it that way, so a double-click on a vault's vault.json opens the vault."""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: the desktop entry's argument: open the app at this vault (mbc-vault.desktop: Exec=mbc-vault --open %f)
OPEN_FLAG = "--open"


def main(argv: Sequence[str] | None = None) -> int:
    from mbc_vault.crashsafe import disable_core_dumps

    disable_core_dumps()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] == OPEN_FLAG and len(args) <= 2):
        from . import app

        return int(app.main(open_path=args[1])) if len(args) == 2 else int(app.main())
    from mbc_vault import cli

    return cli.main(args)
