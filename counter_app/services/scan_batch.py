"""The pages of one checklist row while the clerk works on them, before they become its PDF/A.

Each page keeps what the scanner gave (as a high-quality JPEG, or PNG for black-and-white, to
hold a 30-page dossier in memory on an office PC) so that a turn or a different encoding is
redone from the original, never from an already reduced copy. Plain Python; the scanning view
runs :func:`prepare_page` on a worker thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace

from PIL import Image

from counter_app.imaging.scan_pages import PageEncoding, ProcessedPage, process_page

THUMBNAIL_PX = 180
_ORIGINAL_QUALITY = 95


@dataclass(frozen=True)
class DraftPage:
    original: bytes  # JPEG or PNG of the page as scanned
    dpi: int
    source: str  # "feeder, page 3", "ho-so.pdf, page 2": shown under the thumbnail
    turns: int = 0  # quarter turns clockwise the clerk asked for
    encoding: PageEncoding | None = None  # None: the automatic choice
    processed: ProcessedPage | None = None
    thumbnail: bytes = b""  # PNG

    @property
    def blank(self) -> bool:
        return bool(self.processed and self.processed.blank)


def _keep(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="PNG")
    else:
        image.convert("RGB" if image.mode not in ("L", "RGB") else image.mode).save(
            buffer, format="JPEG", quality=_ORIGINAL_QUALITY
        )
    return buffer.getvalue()


def prepare_page(
    image: Image.Image,
    dpi: int,
    source: str,
    *,
    turns: int = 0,
    encoding: PageEncoding | None = None,
) -> DraftPage:
    """Keep the original, then clean, encode and make a thumbnail (a fraction of a second)."""
    return _processed(DraftPage(_keep(image), dpi, source, turns % 4, encoding))


def _processed(page: DraftPage) -> DraftPage:
    opened = Image.open(io.BytesIO(page.original))
    opened.load()
    image: Image.Image = opened
    if page.turns:
        image = image.rotate(-90 * page.turns, expand=True)
    done = process_page(image, page.dpi, encoding=page.encoding)
    thumb = image.copy()
    thumb.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    buffer = io.BytesIO()
    thumb.convert("RGB").save(buffer, format="PNG")
    return replace(page, processed=done, thumbnail=buffer.getvalue())


def turned(page: DraftPage, quarter_turns: int) -> DraftPage:
    return _processed(replace(page, turns=(page.turns + quarter_turns) % 4))


def encoded(page: DraftPage, encoding: PageEncoding | None) -> DraftPage:
    return _processed(replace(page, encoding=encoding))


@dataclass
class ScanBatch:
    """The ordered pages of one row. The PDF gets exactly these pages, one image each."""

    pages: list[DraftPage] = field(default_factory=list)

    def add(self, pages: list[DraftPage], at: int | None = None) -> None:
        where = len(self.pages) if at is None else max(0, min(at, len(self.pages)))
        self.pages[where:where] = pages

    def move(self, index: int, to: int) -> None:
        page = self.pages.pop(index)
        self.pages.insert(max(0, min(to, len(self.pages))), page)

    def remove(self, index: int) -> DraftPage:
        return self.pages.pop(index)

    def replace(self, index: int, page: DraftPage) -> None:
        self.pages[index] = page

    def take(self, indexes: list[int]) -> list[DraftPage]:
        """Remove and return the pages at ``indexes`` in page order (to move them to another row)."""
        chosen = sorted(set(indexes))
        taken = [self.pages[i] for i in chosen]
        for i in reversed(chosen):
            del self.pages[i]
        return taken

    @property
    def blank_pages(self) -> list[int]:
        return [i for i, page in enumerate(self.pages) if page.blank]

    def processed(self) -> list[ProcessedPage]:
        out = [page.processed for page in self.pages if page.processed is not None]
        if len(out) != len(self.pages):
            raise ValueError("a page is still being processed")
        return out
