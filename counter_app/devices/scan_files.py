"""Pages from files: for offices whose scanner has no driver, or papers photographed on a phone.

Images (PNG, JPEG, TIFF with several pages, BMP) and PDFs (each page drawn at the chosen dpi by
pypdfium2). Anything else, an empty or damaged file, a file over the size limit or a PDF of more
than MAX_PDF_PAGES pages is refused with a message naming the file; nothing is half imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from counter_app.imaging.pdf_render import PdfUnreadable, render

MAX_PDF_PAGES = 500
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


class ImportRefused(DomainError):
    """A file that cannot become scanned pages; the message names it and says why."""


@dataclass(frozen=True)
class ImportedPage:
    image: Image.Image
    dpi: int
    source: str  # "file.pdf, page 3", for the clerk's thumbnails


def _refuse(template: str, path: Path, **params: object) -> ImportRefused:
    return ImportRefused(template, file=path.name, **params)


def load_pages(
    path: Path,
    *,
    dpi: int = 200,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ImportedPage]:
    """Every page of ``path``, all or nothing."""
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(QT_TRANSLATE_NOOP("Domain", "The file {file} cannot be read."), path) from None
    if size == 0:
        raise _refuse(QT_TRANSLATE_NOOP("Domain", "The file {file} is empty."), path)
    if size > max_bytes:
        raise _refuse(
            QT_TRANSLATE_NOOP("Domain", "The file {file} is {size} MB; the limit is {limit} MB."),
            path,
            size=round(size / 1_048_576, 1),
            limit=round(max_bytes / 1_048_576),
        )
    suffix = path.suffix.lower()
    pages = list(_pdf_pages(path, dpi, cancelled) if suffix == ".pdf" else _image_pages(path, dpi, cancelled))
    if not pages:
        raise _refuse(QT_TRANSLATE_NOOP("Domain", "The file {file} has no pages."), path)
    return pages


def _image_pages(path: Path, dpi: int, cancelled: Callable[[], bool]) -> Iterator[ImportedPage]:
    try:
        with Image.open(path) as opened:
            frames = []
            for number, frame in enumerate(ImageSequence.Iterator(opened), 1):
                if cancelled():
                    return
                frame.load()
                found = opened.info.get("dpi", (dpi, dpi))
                frame_dpi = round(float(found[0])) if found and float(found[0]) > 50 else dpi
                frames.append(ImportedPage(frame.convert("RGB"), frame_dpi, f"{path.name}, {number}"))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refuse(
            QT_TRANSLATE_NOOP("Domain", "The file {file} is not a picture or a PDF, or it is damaged."), path
        ) from None
    yield from frames


def _pdf_pages(path: Path, dpi: int, cancelled: Callable[[], bool]) -> Iterator[ImportedPage]:
    try:
        images = render(path, dpi, max_pages=MAX_PDF_PAGES, cancelled=cancelled)
    except PdfUnreadable:
        raise _refuse(
            QT_TRANSLATE_NOOP("Domain", "The file {file} is not a picture or a PDF, or it is damaged."), path
        ) from None
    except ValueError as too_many:
        raise _refuse(
            QT_TRANSLATE_NOOP("Domain", "The file {file} has {count} pages; at most {limit} are taken."),
            path,
            count=too_many.args[0],
            limit=MAX_PDF_PAGES,
        ) from None
    for index, image in enumerate(images):
        yield ImportedPage(image, dpi, f"{path.name}, {index + 1}")
