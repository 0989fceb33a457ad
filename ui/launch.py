"""The `mbc-vault` command: with no arguments it opens the desktop app, otherwise it runs the command
line (`mbc_vault.cli`, which never loads Qt). `python -m mbc_vault` is the command line alone."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from mbc_vault.crashsafe import disable_core_dumps

    disable_core_dumps()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        from . import app

        return int(app.main())
    from mbc_vault import cli

    return cli.main(args)
