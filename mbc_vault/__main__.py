"""`python -m mbc_vault`: the command line alone (without a command it prints its usage; it never opens
the app, which `mbc-vault` with no command does)."""

import sys

from .cli import main

sys.exit(main())
