"""What a scanner is to the rest of the app: the request, its answer, the error that keeps the pages.

The backends (counter_app.devices: SANE, WIA, eSCL) speak this vocabulary, and so do the services
that drive a batch, which may not import the devices: the composition root hands them a
:class:`Scanner` (and a :class:`PageLoader` for files) that satisfies these Protocols.

A backend turns a :class:`ScanRequest` into pages, one by one through ``on_page``, checks
``cancelled`` between pages, and on a failure raises :class:`ScannerError` carrying every page
already received, so the clerk never scans twice what the scanner gave once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from counter_app.domain.errors import DomainError

if TYPE_CHECKING:  # pages are PIL images; the domain itself never opens one
    from PIL import Image


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


PageSink = Callable[["Image.Image"], None]
CancelCheck = Callable[[], bool]


class Scanner(Protocol):
    """One device, opened by name; each call is one batch."""

    @property
    def name(self) -> str: ...

    def capabilities(self) -> Capabilities: ...

    def scan(
        self, request: ScanRequest, *, on_page: PageSink = ..., cancelled: CancelCheck = ...
    ) -> list[Image.Image]: ...


class LoadedPage(Protocol):
    """One page read from a file (a PDF's page drawn at the chosen dpi, or a picture)."""

    @property
    def image(self) -> Image.Image: ...

    @property
    def dpi(self) -> int: ...

    @property
    def source(self) -> str: ...  # "file.pdf, 3": shown under the page's thumbnail


class PageLoader(Protocol):
    """Every page of one file, all or nothing: a file that cannot be read raises a DomainError."""

    def __call__(self, path: Path, *, dpi: int = ...) -> Sequence[LoadedPage]: ...
