"""Ticket printers through python-escpos: network (port 9100), USB, serial or the Windows spooler.

Printing always happens after the ticket is committed and off the GUI thread; whatever the
printer does (off, unplugged, out of paper, a dropped connection), the caller gets one
:class:`PrinterError` with a message a clerk can act on, and the ticket is safe.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any

from PIL import Image

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from counter_app.settings import PrinterKind, PrinterSettings

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


def _network(target: str) -> Any:
    from escpos.printer import Network

    class ClosingNetwork(Network):  # type: ignore[misc]
        """python-escpos 3.1 leaks its socket when the connection is refused; a kiosk retrying all
        day would run out of them. ``create_connection`` closes its socket on every failure."""

        def open(self, raise_not_found: bool = True) -> None:
            if self._device:
                self.close()
            self.device = socket.create_connection((self.host, self.port), timeout=self.timeout)

    host, _, port = target.rpartition(":") if ":" in target else (target, "", str(NETWORK_PORT))
    return ClosingNetwork(host, int(port), timeout=CONNECT_TIMEOUT)


def _usb(target: str) -> Any:
    from escpos.printer import Usb

    vendor, _, product = target.partition(":")
    return Usb(int(vendor, 16), int(product, 16), timeout=int(CONNECT_TIMEOUT * 1000))


def _serial(target: str) -> Any:
    from escpos.printer import Serial

    return Serial(devfile=target, timeout=CONNECT_TIMEOUT)


def _windows(target: str) -> Any:  # pragma: no cover - the Windows spooler exists on Windows only
    from escpos.printer import Win32Raw

    return Win32Raw(printer_name=target)


_FACTORIES: dict[PrinterKind, Callable[[str], Any]] = {
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
            printer = _FACTORIES[self.settings.kind](self.settings.target)
            printer.open()
        except PrinterError:
            raise
        except Exception as exc:  # escpos raises its own errors, OSError, usb.core errors, ValueError…
            log.warning("cannot open printer %s: %s", self.target, exc)
            raise _not_reachable(self.target) from exc
        return printer

    def print_image(self, image: Image.Image) -> None:
        """Send the image and cut; any failure becomes one :class:`PrinterError`."""
        if image.width > self.settings.width_dots:
            raise ValueError(f"image {image.width} dots wide for a {self.settings.width_dots}-dot printer")
        printer = self.open()
        try:
            printer.hw("INIT")
            printer.image(image, impl="bitImageRaster")
            printer.cut()
        except Exception as exc:
            log.warning("printing on %s failed: %s", self.target, exc)
            raise _not_reachable(self.target) from exc
        finally:
            try:
                printer.close()
            except Exception:  # a printer that vanished mid-ticket cannot be closed cleanly either
                log.debug("closing printer %s failed", self.target, exc_info=True)
