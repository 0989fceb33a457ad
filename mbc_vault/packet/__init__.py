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

__all__ = [
    "PACKET_KIND",
    "Cover",
    "DocumentProblem",
    "MaterialRow",
    "PacketChoices",
    "PacketError",
    "PacketProblems",
    "PacketResult",
    "Section",
    "build_packet",
    "build_packet_bytes",
    "check_documents",
    "default_document_ids",
    "rebuild_choices",
    "record_packet",
]
