"""What the settings ask of this PC's scanner: the devices a backend sees, whether a configuration
scans, whether text recognition can run.

The devices reach this service as functions from the composition root (services may not import
counter_app.devices). Every call may take seconds (SANE looks through USB and the network,
Tesseract is asked as a program): the settings run them on a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from counter_app.domain.scanner import ColourMode, Scanner, ScanRequest, Source
from counter_app.imaging.ocr import OcrAvailability as OcrAvailability  # the settings show it
from counter_app.imaging.ocr import availability
from counter_app.settings import ScannerKind, ScannerSettings


@dataclass(frozen=True)
class FoundScanner:
    name: str  # what the settings store, e.g. "genesys:libusb:001:004"
    description: str  # make and model, as the backend tells it


@dataclass(frozen=True)
class ScannedTestPage:
    pages: int
    width: int  # pixels of the first page, 0 without a page
    height: int


class ScannerSetup:
    def __init__(
        self,
        open_scanner: Callable[[ScannerSettings], Scanner],
        list_devices: Callable[[ScannerKind], list[tuple[str, str]]],
        ocr_availability: Callable[[], OcrAvailability] = availability,
    ) -> None:
        self._open_scanner = open_scanner
        self._list_devices = list_devices
        self._ocr_availability = ocr_availability

    def devices(self, kind: ScannerKind) -> list[FoundScanner]:
        """The devices ``kind``'s backend sees; eSCL addresses and folders are typed in."""
        return [FoundScanner(name, description) for name, description in self._list_devices(kind)]

    def test_scan(self, settings: ScannerSettings) -> ScannedTestPage:
        """One page from the glass with ``settings`` (not saved yet); a ScannerError says why not."""
        pages = self._open_scanner(settings).scan(
            ScanRequest(Source.FLATBED, settings.dpi, ColourMode.COLOUR)
        )
        width, height = pages[0].size if pages else (0, 0)
        return ScannedTestPage(len(pages), width, height)

    def ocr(self) -> OcrAvailability:
        """Whether Tesseract and its Vietnamese data are installed (asked of the system once)."""
        return self._ocr_availability()
