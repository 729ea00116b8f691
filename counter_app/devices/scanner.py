"""How a batch stops, in one wording whichever backend saw it; the vocabulary every backend
(SANE, WIA, eSCL) speaks is in counter_app.domain.scanner, where the services see it too.
"""

from __future__ import annotations

from enum import Enum

from PIL import Image

from counter_app.domain.errors import QT_TRANSLATE_NOOP

# Re-exported: the backends and their tests name them from here.
from counter_app.domain.scanner import CancelCheck as CancelCheck
from counter_app.domain.scanner import Capabilities as Capabilities
from counter_app.domain.scanner import ColourMode as ColourMode
from counter_app.domain.scanner import PageSink as PageSink
from counter_app.domain.scanner import Scanner as Scanner
from counter_app.domain.scanner import ScannerError as ScannerError
from counter_app.domain.scanner import ScanRequest as ScanRequest
from counter_app.domain.scanner import Source as Source


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
