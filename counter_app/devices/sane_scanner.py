"""Scanners on Linux through SANE (python-sane over libsane): flatbeds, feeders and duplex.

libsane keeps process-wide state, so every call opens SANE, does its work and closes it again
under one lock: a scanner plugged in after start-up is found, and two workers never share a
handle. python-sane raises one exception type with libsane's status text; :func:`reason_of`
turns that text into a :class:`StopReason`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from counter_app.devices.scanner import (
    CancelCheck,
    Capabilities,
    ColourMode,
    PageSink,
    ScannerError,
    ScanRequest,
    Source,
    StopReason,
    stopped,
)
from counter_app.domain.errors import QT_TRANSLATE_NOOP

_SANE_LOCK = threading.Lock()
A4_MM = (210.0, 297.0)

# libsane's sane_strstatus() texts, as python-sane passes them on.
_REASONS = {
    "Document feeder jammed": StopReason.JAM,
    "Scanner cover is open": StopReason.COVER_OPEN,
    "Document feeder out of documents": StopReason.FEEDER_EMPTY,
    "Device busy": StopReason.BUSY,
    "Error during device I/O": StopReason.GONE,
    "Access to resource has been denied": StopReason.GONE,
}


def reason_of(error: BaseException) -> StopReason:
    text = str(error.args[0] if error.args else error)
    return _REASONS.get(text, StopReason.OTHER)


def _sane() -> Any:
    try:
        import sane
    except ImportError:
        raise ScannerError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "SANE scanning is not installed on this computer (the python-sane package and libsane).",
            )
        ) from None
    return sane


@contextlib.contextmanager
def _session() -> Iterator[Any]:
    sane = _sane()
    with _SANE_LOCK:
        sane.init()
        try:
            yield sane
        finally:
            sane.exit()


def list_devices() -> list[tuple[str, str]]:
    """(device name, "vendor model") of every scanner SANE sees now."""
    with _session() as sane:
        return [(name, f"{vendor} {model}".strip()) for name, vendor, model, _kind in sane.get_devices()]


def _choose(options: list[str], *wanted: str) -> str | None:
    """The first option whose name contains one of ``wanted`` (backends name sources freely)."""
    for word in wanted:
        for option in options:
            if word.lower() in option.lower():
                return option
    return None


@dataclass
class SaneScanner:
    device: str  # e.g. "genesys:libusb:001:004", "escl:http://…", "test:0"
    extra_options: dict[str, object] = field(default_factory=dict)  # set after ours, as named
    _open: Any = field(default=None, init=False, repr=False)

    @property
    def name(self) -> str:
        return self.device

    def _connect(self, sane: Any) -> Any:
        try:
            return sane.open(self.device)
        except sane._sane.error as error:
            raise stopped(StopReason.GONE, [], self.device) from error

    @staticmethod
    def _constraint(handle: Any, option: str) -> Any:
        opt = handle.opt.get(option.replace("-", "_"))
        return getattr(opt, "constraint", None) if opt is not None else None

    def capabilities(self) -> Capabilities:
        with _session() as sane:
            handle = self._connect(sane)
            try:
                sources_offered = list(self._constraint(handle, "source") or ["Flatbed"])
                modes_offered = list(self._constraint(handle, "mode") or [])
                resolution = self._constraint(handle, "resolution")
                vendor_model = next(
                    (f"{v} {m}" for n, v, m, _ in sane.get_devices() if n == self.device), self.device
                )
            finally:
                handle.close()
        sources = []
        if _choose(sources_offered, "flatbed", "platen"):
            sources.append(Source.FLATBED)
        if _choose(sources_offered, "adf", "feeder", "automatic"):
            sources.append(Source.FEEDER)
        if isinstance(resolution, tuple):  # a range (min, max, step)
            resolutions = tuple(r for r in (150, 200, 300, 600) if resolution[0] <= r <= resolution[1])
        else:
            resolutions = tuple(sorted(int(r) for r in resolution or [300]))
        modes = [ColourMode.COLOUR] if _choose(modes_offered, "color", "colour") else []
        if _choose(modes_offered, "gray", "grey"):
            modes.append(ColourMode.GREY)
        if _choose(modes_offered, "lineart", "binary", "black"):
            modes.append(ColourMode.BLACK_WHITE)
        return Capabilities(
            vendor_model, tuple(sources), resolutions, tuple(modes), bool(_choose(sources_offered, "duplex"))
        )

    def _configure(self, sane: Any, handle: Any, request: ScanRequest) -> None:
        refused = (AttributeError, sane._sane.error)
        sources = list(self._constraint(handle, "source") or [])
        if request.source is Source.FEEDER:
            source = (_choose(sources, "duplex") if request.duplex else None) or _choose(
                sources, "adf", "feeder", "automatic"
            )
            if source is None:
                raise ScannerError(QT_TRANSLATE_NOOP("Domain", "This scanner has no document feeder."))
        else:
            source = _choose(sources, "flatbed", "platen")
        if source is not None:
            handle.source = source
        modes = list(self._constraint(handle, "mode") or [])
        wanted = {
            ColourMode.COLOUR: ("color", "colour"),
            ColourMode.GREY: ("gray", "grey"),
            ColourMode.BLACK_WHITE: ("lineart", "binary", "gray"),  # grey, thresholded by us later
        }[request.colour]
        mode = _choose(modes, *wanted)
        if mode is not None:
            handle.mode = mode
        with contextlib.suppress(*refused):
            handle.resolution = request.dpi
        # Ask for the whole A4 sheet, or the largest area the device has.
        for option, size in (("br_x", A4_MM[0]), ("br_y", A4_MM[1])):
            limit = self._constraint(handle, option)
            if isinstance(limit, tuple):
                with contextlib.suppress(*refused):
                    setattr(handle, option, min(size, limit[1]))
        for option, value in self.extra_options.items():
            setattr(handle, option, value)

    def scan(
        self,
        request: ScanRequest,
        *,
        on_page: PageSink = lambda _: None,
        cancelled: CancelCheck = lambda: False,
    ) -> list[Image.Image]:
        """Every page of one batch; the feeder running out ends it, as do Cancel and a failure."""
        pages: list[Image.Image] = []
        with _session() as sane:
            handle = self._connect(sane)
            self._open = handle
            try:
                self._configure(sane, handle, request)
                if request.source is Source.FLATBED:
                    page = handle.scan()
                    pages.append(page)
                    on_page(page)
                    return pages
                for page in handle.multi_scan():
                    pages.append(page)
                    on_page(page)
                    if cancelled():
                        with contextlib.suppress(sane._sane.error):
                            handle.cancel()
                        break
                if not pages:
                    raise stopped(StopReason.FEEDER_EMPTY, pages, self.device)
                return pages
            except RuntimeError as error:  # python-sane: "Scanner returned no data"
                raise stopped(StopReason.DAMAGED_PAGE, pages, self.device) from error
            except sane._sane.error as error:
                reason = reason_of(error)
                if reason is StopReason.FEEDER_EMPTY and pages:
                    return pages
                raise stopped(reason, pages, self.device) from error
            finally:
                self._open = None
                handle.close()

    def set_option(self, option: str, value: object) -> None:
        """Change an option of the batch under way (tests use it to jam the SANE test device)."""
        if self._open is not None:
            setattr(self._open, option, value)
