"""What a paper queue ticket says: the record the ticket desk fills and the printer prints.

Plain words, already in the citizen's language; how they are laid out on paper (a picture, or the
printer's own font) is the printer's business (devices/printer.py, devices/ticket_raster.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TicketText:
    """Everything printed, already in the citizen's language (the caller translates)."""

    office: str
    service: str
    label: str  # A005
    caption: str  # "Số thứ tự"
    issued: str  # "08:15 ngày 23/11/2026"
    ahead: str  # "Trước ông/bà còn 4 người"
    footer: str  # "Xin mời ngồi chờ…"
    qr: str  # what the QR code holds: the ticket's code (domain/ticket_identity.py), to read it back
    priority: str = ""  # the priority group, when there is one
