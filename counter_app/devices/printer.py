"""Ticket printers through python-escpos: network (port 9100), USB, serial or the Windows spooler.

Printing always happens after the ticket is committed and off the GUI thread; whatever the
printer does (off, unplugged, out of paper, a dropped connection), the caller gets one
:class:`PrinterError` with a message a clerk can act on, and the ticket is safe.
"""

from __future__ import annotations

import logging
import socket
import textwrap
import unicodedata
from collections.abc import Callable
from typing import Any

from PIL import Image

from counter_app.devices.codepage import encode_cp1258, encode_tcvn3
from counter_app.devices.ticket_raster import centred_qr, render_ticket
from counter_app.domain.equipment import (
    PrinterKind,
    PrinterSettings,
    PrintMode,
    check_text_mode,
    vietnamese_pages,
)
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from counter_app.domain.ticket_text import TicketText

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = 5.0  # seconds: a kiosk must not wait long on a printer that is off
NETWORK_PORT = 9100


class PrinterError(DomainError):
    """The ticket could not be printed; the message says what to check."""


def _not_reachable(target: str) -> PrinterError:
    return PrinterError(
        QT_TRANSLATE_NOOP(
            "Domain",
            "The ticket printer ({target}) does not answer. Check that it is switched on, has paper "
            "and its cable is plugged in, then print the ticket again.",
        ),
        target=target,
    )


def _network(target: str, profile: str | None) -> Any:
    from escpos.printer import Network

    class ClosingNetwork(Network):  # type: ignore[misc]
        """python-escpos 3.1 leaks its socket when the connection is refused; a kiosk retrying all
        day would run out of them. ``create_connection`` closes its socket on every failure."""

        def open(self, raise_not_found: bool = True) -> None:
            if self._device:
                self.close()
            self.device = socket.create_connection((self.host, self.port), timeout=self.timeout)

    host, _, port = target.rpartition(":") if ":" in target else (target, "", str(NETWORK_PORT))
    return ClosingNetwork(host, int(port), timeout=CONNECT_TIMEOUT, profile=profile)


def _usb(target: str, profile: str | None) -> Any:
    from escpos.printer import Usb

    vendor, _, product = target.partition(":")
    return Usb(int(vendor, 16), int(product, 16), timeout=int(CONNECT_TIMEOUT * 1000), profile=profile)


def _serial(target: str, profile: str | None) -> Any:
    from escpos.printer import Serial

    return Serial(devfile=target, timeout=CONNECT_TIMEOUT, profile=profile)


def _windows(
    target: str, profile: str | None
) -> Any:  # pragma: no cover - the Windows spooler exists on Windows only
    from escpos.printer import Win32Raw

    return Win32Raw(printer_name=target, profile=profile)


_FACTORIES: dict[PrinterKind, Callable[[str, str | None], Any]] = {
    PrinterKind.NETWORK: _network,
    PrinterKind.USB: _usb,
    PrinterKind.SERIAL: _serial,
    PrinterKind.WINDOWS: _windows,
}


class TicketPrinter:
    """Prints ticket images. ``connect`` may be given to print elsewhere (tests: escpos's Dummy)."""

    def __init__(self, settings: PrinterSettings, connect: Callable[[], Any] | None = None) -> None:
        self.settings = settings
        self._connect = connect

    @property
    def configured(self) -> bool:
        return self._connect is not None or self.settings.kind is not PrinterKind.NONE

    @property
    def target(self) -> str:
        return self.settings.target or self.settings.kind.value

    def open(self) -> Any:
        if self._connect is not None:
            return self._connect()
        if self.settings.kind is PrinterKind.NONE:
            raise PrinterError(QT_TRANSLATE_NOOP("Domain", "No ticket printer is set up on this computer."))
        try:
            printer = _FACTORIES[self.settings.kind](self.settings.target, self.settings.profile or None)
            printer.open()
        except PrinterError:
            raise
        except Exception as exc:  # escpos raises its own errors, OSError, usb.core errors, ValueError…
            log.warning("cannot open printer %s: %s", self.target, exc)
            raise _not_reachable(self.target) from exc
        return printer

    def print_ticket(self, text: TicketText) -> None:
        """Print a queue ticket the way the settings say: a picture, or text in a Vietnamese code page."""
        if self.settings.mode is PrintMode.TEXT:
            check_text_mode(self.settings.profile, self.settings.code_page)
            self._send(lambda printer: self._write_text(printer, text))
        else:
            image = render_ticket(text, self.settings.width_dots)
            self._send(lambda printer: printer.image(image, impl="bitImageRaster"))

    def print_image(self, image: Image.Image) -> None:
        """Send the image and cut; any failure becomes one :class:`PrinterError`."""
        if image.width > self.settings.width_dots:
            raise ValueError(f"image {image.width} dots wide for a {self.settings.width_dots}-dot printer")
        self._send(lambda printer: printer.image(image, impl="bitImageRaster"))

    def _write_text(self, printer: Any, text: TicketText) -> None:
        """The ticket in the printer's font: ``ESC t`` selects the page, then raw bytes (no magic)."""
        columns = self.settings.width_dots // 12  # font A is 12 dots wide

        def line(value: str, *, bold: bool = False, size: int = 1) -> None:
            printer.set(
                align="center",
                bold=bold,
                custom_size=size > 1,
                width=size,
                height=size,
                normal_textsize=size == 1,
            )
            for row in textwrap.wrap(unicodedata.normalize("NFC", value), max(8, columns // size)) or [""]:
                self._write_encoded(printer, row)
                printer._raw(b"\n")

        line(text.office, bold=True)
        line("-" * columns)
        line(text.service, bold=True)
        line(text.caption)
        line(text.label, bold=True, size=4 if self.settings.width_dots > 384 else 3)
        if text.priority:
            line(text.priority, bold=True)
        line(text.ahead)
        line(text.issued)
        printer.image(centred_qr(text.qr, self.settings.width_dots), impl="bitImageRaster")
        line(text.footer)

    def _write_encoded(self, printer: Any, value: str) -> None:
        pages = vietnamese_pages(self.settings.profile)
        if self.settings.code_page == "CP1258" and pages.cp1258 is not None:
            printer._raw(b"\x1bt" + bytes([pages.cp1258]) + encode_cp1258(value))
        elif pages.tcvn3 is not None:
            for run in encode_tcvn3(value):
                printer._raw(b"\x1bt" + bytes([pages.tcvn3[run.table - 1]]) + run.data)

    def _send(self, write: Callable[[Any], None]) -> None:
        printer = self.open()
        try:
            printer.hw("INIT")
            write(printer)
            printer.cut()
        except Exception as exc:
            log.warning("printing on %s failed: %s", self.target, exc)
            raise _not_reachable(self.target) from exc
        finally:
            try:
                printer.close()
            except Exception:  # a printer that vanished mid-ticket cannot be closed cleanly either
                log.debug("closing printer %s failed", self.target, exc_info=True)
