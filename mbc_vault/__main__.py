"""`python -m mbc_vault`: the same as the `mbc-vault` command."""

import sys

from .cli import main

sys.exit(main())
