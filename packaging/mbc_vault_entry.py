"""The bundled program's entry point (PyInstaller runs this file as `mbc-vault`).

One program does everything: started by the app with `--mbc-vault-pdf-worker` it is the PDF worker
(mbc_vault/pdf/client.py starts it that way when frozen), with no arguments it opens the desktop app,
with arguments it is the command line (ui/launch.py decides, as for the installed `mbc-vault`).
"""

import sys

from mbc_vault.pdf.worker import serve_if_asked

serve_if_asked()  # first: the worker must not load Qt or the app

from ui.launch import main  # noqa: E402 - after the worker's own exit

sys.exit(main())
