"""What every scanner backend (SANE, WIA, eSCL) offers the rest of the app, and how a batch stops.

A backend turns a :class:`ScanRequest` into PIL pages, one by one through ``on_page``, checks
``cancelled`` between pages, and on a failure raises :class:`ScannerError` carrying every page
already received, so the clerk never scans twice what the scanner gave once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Protocol

from PIL import Image

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError


class ColourMode(StrEnum):
    # The values are eSCL's (PWG) names; the other backends map them to their own.
    COLOUR = "RGB24"
    GREY = "Grayscale8"
    BLACK_WHITE = "BlackAndWhite1"


class Source(StrEnum):
    FLATBED = "Platen"
    FEEDER = "Feeder"


class ScannerError(DomainError):
    """The scan stopped or could not start; ``pages`` holds every page received before that."""

    def __init__(self, template: str, pages: list[Image.Image] | None = None, **params: object) -> None:
        super().__init__(template, **params)
        self.pages = pages or []


@dataclass(frozen=True)
class Capabilities:
    make_and_model: str
    sources: tuple[Source, ...]
    resolutions: tuple[int, ...]
    colour_modes: tuple[ColourMode, ...]
    duplex: bool


@dataclass(frozen=True)
class ScanRequest:
    source: Source = Source.FLATBED
    dpi: int = 300
    colour: ColourMode = ColourMode.COLOUR
    duplex: bool = False
    document_format: str = "image/jpeg"


PageSink = Callable[[Image.Image], None]
CancelCheck = Callable[[], bool]


class Scanner(Protocol):
    """One device, opened by name; each call is one batch."""

    @property
    def name(self) -> str: ...

    def capabilities(self) -> Capabilities: ...

    def scan(
        self, request: ScanRequest, *, on_page: PageSink = ..., cancelled: CancelCheck = ...
    ) -> list[Image.Image]: ...


class StopReason(Enum):
    JAM = "jam"
    COVER_OPEN = "cover-open"
    FEEDER_EMPTY = "feeder-empty"
    BUSY = "busy"
    GONE = "gone"  # unplugged, switched off, or the cable/network dropped
    DAMAGED_PAGE = "damaged-page"
    OTHER = "other"


_WORDING = {
    StopReason.JAM: QT_TRANSLATE_NOOP(
        "Domain", "Paper is jammed in the scanner's feeder. Clear it; the {count} page(s) scanned are kept."
    ),
    StopReason.COVER_OPEN: QT_TRANSLATE_NOOP(
        "Domain", "The scanner's cover is open. Close it; the {count} page(s) scanned are kept."
    ),
    StopReason.FEEDER_EMPTY: QT_TRANSLATE_NOOP(
        "Domain", "The scanner's feeder is empty. Put the papers in and scan again."
    ),
    StopReason.BUSY: QT_TRANSLATE_NOOP("Domain", "The scanner stays busy. Try again in a minute."),
    StopReason.GONE: QT_TRANSLATE_NOOP(
        "Domain",
        "The scanner {device} does not answer: check its cable or network and that it is on. "
        "The {count} page(s) scanned are kept.",
    ),
    StopReason.DAMAGED_PAGE: QT_TRANSLATE_NOOP(
        "Domain", "The scanner sent a damaged page; the {count} page(s) before it are kept."
    ),
    StopReason.OTHER: QT_TRANSLATE_NOOP(
        "Domain", "The scanner stopped the job; the {count} page(s) scanned are kept."
    ),
}


def stopped(reason: StopReason, pages: list[Image.Image], device: str = "") -> ScannerError:
    """The one wording of each way a batch stops, whichever backend saw it."""
    if reason is StopReason.FEEDER_EMPTY and pages:
        reason = StopReason.OTHER  # the feeder ran out after some pages: that is a finished batch
    return ScannerError(_WORDING[reason], pages, count=len(pages), device=device)
