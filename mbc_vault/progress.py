"""The one home of long work's progress callback and cancel flag (core and packet code alike).

Long work reports `progress(done, total, stage, item)`: counts, a `Stage` code saying what it is doing,
and *item*, the name the person gave what is being worked on (a file's name, a document's title) where
a screen shows it, else "". Never English text: the app shows each stage in its own language
(`ui/vocab_labels.py`), the command line the English of `describe()`. Never record contents in logs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol


class Stage(StrEnum):
    """What long work is doing (stable codes; the app translates them)."""

    READ = "read"  # reading files before an import (item: the file's name)
    IMPORT = "import"  # importing files (item: the file's name)
    STORE = "store"  # encrypting one document into the vault (item: its file's name); counts are bytes
    EXPORT = "export"  # writing a document's copy out; counts are bytes
    OCR = "ocr"  # recognizing the text of a document's scanned pages
    VERIFY = "verify"  # checking every record
    INDEX = "index"  # building the search index
    REINDEX = "reindex"  # extracting documents' text again
    UPGRADE = "upgrade"  # signing the vault's files again in an upgrade
    REENCRYPT = "reencrypt"  # re-encrypting files after a key change
    PACKET_PAGES = "packet-pages"  # writing a packet's cover, summary and contents
    PACKET_DOCUMENT = "packet-document"  # reading a document into a packet (item: its title)
    PACKET_MERGE = "packet-merge"  # putting the packet's pages together (item: how many pages)
    PACKET_FINISH = "packet-finish"  # adding page numbers and bookmarks
    PACKET_SAVE = "packet-save"  # saving the packet
    DONE = "done"


#: progress(done, total, stage, item): see the module's docstring
ProgressFn = Callable[[int, int, Stage, str], None]

#: the English of each stage, for the command line ({0}: the item)
ENGLISH: dict[Stage, str] = {
    Stage.READ: "Reading {0}",
    Stage.IMPORT: "Importing {0}",
    Stage.STORE: "Storing {0}",
    Stage.EXPORT: "Writing the copy",
    Stage.OCR: "Recognizing the text",
    Stage.VERIFY: "Checking the records",
    Stage.INDEX: "Building the search index",
    Stage.REINDEX: "Reading the documents' text again",
    Stage.UPGRADE: "Signing the files again",
    Stage.REENCRYPT: "Re-encrypting",
    Stage.PACKET_PAGES: "Writing the cover, summary and contents",
    Stage.PACKET_DOCUMENT: "Reading {0}",
    Stage.PACKET_MERGE: "Putting {0} pages together",
    Stage.PACKET_FINISH: "Adding page numbers and bookmarks",
    Stage.PACKET_SAVE: "Saving",
    Stage.DONE: "Done",
}


def describe(stage: str, item: str = "", words: Callable[[str], str] = str) -> str:
    """The English of *stage* with its *item* ("Reading scan.pdf"); without an item, the words around
    it ("Reading"). *words* turns the English into the person's language (the app's translator)."""
    text = words(ENGLISH[Stage(stage)])
    return text.format(item) if item else text.replace(" {0}", "").replace("{0}", "")


class CancelFlag(Protocol):
    """Anything with is_set(); threading.Event is one."""

    def is_set(self) -> bool: ...
