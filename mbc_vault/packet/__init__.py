"""The second-opinion packet: chosen records and a generated care summary in one PDF (core, no UI)."""

from .build import (
    PACKET_KIND,
    PacketError,
    build_packet,
    build_packet_bytes,
    check_documents,
    rebuild_choices,
    record_packet,
)
from .defaults import default_document_ids
from .model import Cover, DocumentProblem, MaterialRow, PacketChoices, PacketProblems, PacketResult, Section
from .size import LARGE_PACKET_BYTES, LARGE_PACKET_PAGES, DocumentSize, PacketSize, packet_size

__all__ = [
    "LARGE_PACKET_BYTES",
    "LARGE_PACKET_PAGES",
    "PACKET_KIND",
    "Cover",
    "DocumentProblem",
    "DocumentSize",
    "MaterialRow",
    "PacketChoices",
    "PacketError",
    "PacketProblems",
    "PacketResult",
    "PacketSize",
    "Section",
    "build_packet",
    "build_packet_bytes",
    "check_documents",
    "default_document_ids",
    "packet_size",
    "rebuild_choices",
    "record_packet",
]
