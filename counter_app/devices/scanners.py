"""The scanner the settings name, opened through its backend; and the devices each backend sees."""

from __future__ import annotations

from counter_app.devices.escl import EsclScanner
from counter_app.devices.scanner import Scanner, ScannerError
from counter_app.domain.equipment import ScannerKind, ScannerSettings
from counter_app.domain.errors import QT_TRANSLATE_NOOP


def open_scanner(settings: ScannerSettings) -> Scanner:
    """The configured device; a clear error when none is set (files can still be imported)."""
    if settings.kind is ScannerKind.SANE and settings.device:
        from counter_app.devices.sane_scanner import SaneScanner

        return SaneScanner(settings.device)
    if settings.kind is ScannerKind.WIA and settings.device:
        from counter_app.devices.wia_scanner import WiaScanner

        return WiaScanner(settings.device)
    if settings.kind is ScannerKind.ESCL and settings.device:
        return EsclScanner(settings.device)
    raise ScannerError(
        QT_TRANSLATE_NOOP(
            "Domain",
            "No scanner is set up on this computer. Choose one in Settings, or import the papers from files.",
        )
    )


def list_devices(kind: ScannerKind) -> list[tuple[str, str]]:
    """(device name, description) for the settings dialog; eSCL addresses are typed in."""
    if kind is ScannerKind.SANE:
        from counter_app.devices import sane_scanner

        return sane_scanner.list_devices()
    if kind is ScannerKind.WIA:
        from counter_app.devices import wia_scanner

        return wia_scanner.list_devices()
    return []
