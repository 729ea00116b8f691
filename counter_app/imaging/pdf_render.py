"""PDF pages as pictures, through pypdfium2.

PDFium is not thread-safe (pypdfium2 says so): two threads in it at once can stop the process on
one of PDFium's internal checks. It happened in CI as a "Trace/breakpoint trap" while two form
windows drew their pages at once. Every use goes through this module's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pypdfium2
from PIL import Image

PDFIUM_LOCK = threading.Lock()


class PdfUnreadable(Exception):
    """Not a PDF, or a damaged one."""


def render(
    source: bytes | Path,
    dpi: int,
    *,
    max_pages: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Image.Image]:
    """Every page drawn at ``dpi`` (RGB), stopping early if ``cancelled``."""
    with PDFIUM_LOCK:
        document = _open(source)
        try:
            count = len(document)
            if max_pages is not None and count > max_pages:
                raise ValueError(count)
            images = []
            for index in range(count):
                if cancelled():
                    break
                page = document[index]
                try:
                    images.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
                finally:
                    page.close()
            return images
        finally:
            document.close()


def _open(source: bytes | Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pypdfium2.PdfiumError:
        raise PdfUnreadable() from None
