"""Vietnamese OCR with Tesseract: the text of each page, and an invisible text layer for the PDF/A.

Tesseract runs as a program (``tesseract``, with the ``vie`` data), one page at a time with
``textonly_pdf=1``: it gives the page's words as an invisible-text PDF page, which is laid over
the scanned page as OCRmyPDF does, so the image is never re-encoded. One thread per process
(OMP_THREAD_LIMIT=1): on a two-core office PC several OpenMP threads are slower, not faster,
and leave the counter's window nothing.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pikepdf

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

LANGUAGES = "vie"
PAGE_TIMEOUT_S = 120.0


class OcrFailed(DomainError):
    """Tesseract could not read a page; the scan itself is untouched."""


@dataclass(frozen=True)
class OcrAvailability:
    program: str  # path of tesseract, "" when not installed
    version: str
    vietnamese: bool

    @property
    def ready(self) -> bool:
        return bool(self.program) and self.vietnamese


@cache
def availability(program: str | None = None) -> OcrAvailability:
    """Whether Tesseract and its Vietnamese data are installed (asked once per process)."""
    found = program or shutil.which("tesseract") or _windows_default()
    if not found:
        return OcrAvailability("", "", False)
    try:
        version = subprocess.run(
            [found, "--version"], capture_output=True, text=True, timeout=20, check=False
        ).stdout.splitlines()
        languages = subprocess.run(
            [found, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return OcrAvailability("", "", False)
    return OcrAvailability(found, version[0] if version else "", "vie" in languages)


def _windows_default() -> str:
    candidate = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Tesseract-OCR" / "tesseract.exe"
    return str(candidate) if os.name == "nt" and candidate.exists() else ""


@dataclass(frozen=True)
class PageText:
    text: str  # NFC
    layer: bytes  # a one-page PDF of invisible text, the page's size


def read_page(image: bytes, suffix: str, program: str) -> PageText:
    """OCR one encoded page image (TIFF G4 or JPEG, with its dpi inside)."""
    with tempfile.TemporaryDirectory(prefix="counter-ocr-") as folder:
        source = Path(folder) / f"page{suffix}"
        source.write_bytes(image)
        out = Path(folder) / "out"
        environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                [program, str(source), str(out), "-l", LANGUAGES, "-c", "textonly_pdf=1", "pdf", "txt"],
                capture_output=True,
                timeout=PAGE_TIMEOUT_S,
                env=environment,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise OcrFailed(
                QT_TRANSLATE_NOOP("Domain", "Tesseract could not be run: {error}"), error=str(error)
            ) from None
        pdf, txt = out.with_suffix(".pdf"), out.with_suffix(".txt")
        if done.returncode != 0 or not pdf.exists():
            raise OcrFailed(
                QT_TRANSLATE_NOOP("Domain", "Tesseract could not read a page: {error}"),
                error=done.stderr.decode(errors="replace").strip()[-300:],
            )
        text = txt.read_text(encoding="utf-8", errors="replace") if txt.exists() else ""
        return PageText(unicodedata.normalize("NFC", text).strip(), pdf.read_bytes())


def page_images(pdf: bytes) -> list[tuple[bytes, str]]:
    """The one image of each page of a scan PDF, as stored (no re-encoding), with its file suffix."""
    images: list[tuple[bytes, str]] = []
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError:
        raise OcrFailed(QT_TRANSLATE_NOOP("Domain", "The scan file is damaged.")) from None
    with document:
        for page in document.pages:
            listed = page.get_images() if hasattr(page, "get_images") else page.images
            found = [image for image in listed.values() if isinstance(image, pikepdf.Stream)]
            if not found:
                raise OcrFailed(QT_TRANSLATE_NOOP("Domain", "A page of the scan holds no image."))
            buffer = io.BytesIO()
            stream = found[0]
            suffix = pikepdf.PdfImage(stream).extract_to(stream=buffer)
            images.append((buffer.getvalue(), suffix))
    return images


def with_text_layer(pdf: bytes, layers: list[bytes]) -> bytes:
    """``pdf`` with each page's invisible text laid over it; metadata (PDF/A) kept."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if len(layers) != len(document.pages):
            raise ValueError("one text layer per page")
        for page, layer in zip(document.pages, layers, strict=True):
            with pikepdf.open(io.BytesIO(layer)) as text_pdf:
                overlay = document.copy_foreign(text_pdf.pages[0].as_form_xobject())
                page.add_overlay(overlay, pikepdf.Rectangle(*page.mediabox))
        out = io.BytesIO()
        document.save(out, fix_metadata_version=True, deterministic_id=True)
    return out.getvalue()
