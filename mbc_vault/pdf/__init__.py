"""PDF work on wheels, in a separate worker process.

Untrusted PDFs and images (the documents a person imports) are parsed only in a child process started by
`client.PdfWorker`, with time and memory limits, so a damaged or hostile file can crash, loop or
exhaust only that child. Decrypted bytes reach it through its standard input (a pipe), never a file.
`jobs.JOBS` names what the child can do; each job is a plain function (callable in-process in tests).
"""
