"""This PC's ticket printer and scanner, as plain values: what the settings file stores and the
devices are built from (devices/printer.py, devices/scanners.py), so neither needs the other.

Which printer models have a Vietnamese code page is a fact about the models, needed in three
places: the settings file is checked when it is loaded and saved (text mode only where the model
has the page), the settings dialog offers text mode only for those models, and the printer
selects the page by its number. The table lives here, in the domain, rather than being read from
python-escpos in the printer: the settings can then be checked without loading the devices, and
a file edited by hand is refused when it is read, not when the first ticket fails to print. It
is python-escpos's own word (its capabilities.json): tests/devices/test_codepage.py keeps the two
equal, so an upgrade of the library that changes a page fails there and not on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class PrinterKind(StrEnum):
    NONE = "none"
    USB = "usb"
    NETWORK = "network"
    SERIAL = "serial"
    WINDOWS = "windows"


class PrintMode(StrEnum):
    IMAGE = "image"  # the ticket as a picture: right on every printer
    TEXT = "text"  # the printer's own font and its Vietnamese code page: faster, sharper, rarer


class ScannerKind(StrEnum):
    NONE = "none"
    SANE = "sane"
    WIA = "wia"
    ESCL = "escl"
    FOLDER = "folder"


@dataclass
class PrinterSettings:
    kind: PrinterKind = PrinterKind.NONE
    target: str = ""  # USB vendor:product, host:port, serial port or Windows printer name
    width_dots: int = 576  # 384 for 58 mm, 512-576 for 80 mm
    mode: PrintMode = PrintMode.IMAGE
    profile: str = ""  # python-escpos printer profile (model); text mode needs one with a Vietnamese page
    code_page: str = ""  # CP1258 or TCVN-3, for text mode


@dataclass
class ScannerSettings:
    kind: ScannerKind = ScannerKind.NONE
    device: str = ""
    dpi: int = 300


@dataclass(frozen=True)
class VietnamesePages:
    """What ``ESC t n`` selects each Vietnamese page by on one printer model; None: it has none."""

    cp1258: int | None = None
    tcvn3: tuple[int, int] | None = None  # the lower-case table, the upper-case table

    def names(self) -> list[str]:
        return [name for name, number in (("CP1258", self.cp1258), ("TCVN-3", self.tcvn3)) if number]


_BOTH = VietnamesePages(cp1258=52, tcvn3=(30, 31))  # Epson's numbering

# python-escpos 3.1's profiles (capabilities.json) that list a Vietnamese page; the others have none.
VIETNAMESE_PAGES: dict[str, VietnamesePages] = {
    "CT-S651": VietnamesePages(tcvn3=(30, 31)),
    "NT-5890K": VietnamesePages(cp1258=27),
    "NT-80-V-UL": VietnamesePages(cp1258=94),
    "POS-5890": VietnamesePages(cp1258=27),  # a common cheap 58 mm clone
    "RP326": VietnamesePages(cp1258=35),
    "TEP-200M": _BOTH,
    "TM-L90": _BOTH,
    "TM-P80": _BOTH,
    "TM-P80-42col": _BOTH,
    "TM-T20II": _BOTH,
    "TM-T20II-42col": _BOTH,
    "TM-T88II": _BOTH,
    "TM-T88IV-SA": VietnamesePages(tcvn3=(30, 31)),
    "TM-T88V": _BOTH,
    "default": _BOTH,
}


def vietnamese_pages(profile: str) -> VietnamesePages:
    """The Vietnamese code pages of printer model ``profile`` (none for an unknown model)."""
    return VIETNAMESE_PAGES.get(profile, VietnamesePages())


def check_text_mode(profile: str, code_page: str) -> None:
    """Text mode only where the model has the Vietnamese page."""
    if code_page not in vietnamese_pages(profile).names():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The printer model “{value}” has no {page} code page: print tickets as pictures instead.",
            ),
            field="printer.code_page",
            value=profile or "?",
            page=code_page or "CP1258 / TCVN-3",
        )
