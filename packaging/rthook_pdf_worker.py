"""PyInstaller runtime hook, run before PyInstaller's own: started as the PDF worker, the bundled
program serves at once. The later hooks would load Qt (PySide6's imports QtCore to register its qt.conf),
multiprocessing and inspect into a process that parses untrusted PDFs and needs none of them, and the
worker would start four times slower. The app and the command line go on through every hook as usual."""

import sys

if sys.argv[1:2] == ["--mbc-vault-pdf-worker"]:  # mbc_vault.pdf.worker.WORKER_FLAG (tests/test_packaging.py)
    from mbc_vault.pdf.worker import serve_if_asked

    serve_if_asked()
