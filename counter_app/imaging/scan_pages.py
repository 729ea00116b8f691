"""One scanned page, cleaned and encoded as domain.md §9 asks (Công văn 7197/BKHCN-CĐSQG).

Deskew, black-border removal, blank detection (flagged, never dropped), and the choice of
encoding: plain text pages in black and white (CCITT Group 4) or grey, pages with a red seal, a
photo or handwriting in colour (JPEG). The choice is automatic and the clerk can override it.
No Qt here: this runs on worker threads and in the benchmark.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from PIL import Image, ImageDraw, ImageOps

MAX_SKEW_DEGREES = 5.0
SKEW_STEP = 0.25
BLANK_INK_RATIO = 0.002  # fewer dark pixels than this (after border removal): a blank page
RED_RATIO = 0.0008  # this share of clearly red pixels: a seal, so the page stays in colour
SATURATED_RATIO = 0.02  # this share of saturated pixels of any hue: a photo or coloured handwriting
JPEG_QUALITY = 75
_THRESHOLD = [0 if v <= 160 else 255 for v in range(256)]  # ink below 160 of 255; no dithering for text


class PageEncoding(StrEnum):
    BLACK_WHITE = "bw"  # 1 bit, CCITT Group 4: plain printed or typed text
    GREY = "grey"  # 8-bit grey JPEG: faint text, pencil, stamps in black
    COLOUR = "colour"  # colour JPEG: a red seal, a photo, coloured handwriting


@dataclass(frozen=True)
class StepTimes:
    """Milliseconds spent in each step, for bench/scan.py."""

    deskew: float = 0.0
    borders: float = 0.0
    classify: float = 0.0
    encode: float = 0.0


@dataclass(frozen=True)
class ProcessedPage:
    data: bytes  # the encoded image: TIFF (G4) or JPEG, embedded in the PDF as it is
    encoding: PageEncoding
    width: int
    height: int
    dpi: int
    blank: bool
    skew_degrees: float  # the tilt found and undone, counter-clockwise positive
    suggested: PageEncoding  # what the automatic choice was, when the clerk overrode it
    times: StepTimes = field(default=StepTimes())

    @property
    def mime(self) -> str:
        return "image/tiff" if self.encoding is PageEncoding.BLACK_WHITE else "image/jpeg"


def _grey_array(image: Image.Image, scale: float) -> np.ndarray:
    small = image.convert("L")
    if scale < 1:
        small = small.resize((max(1, int(small.width * scale)), max(1, int(small.height * scale))))
    return np.asarray(small, dtype=np.uint8)


def estimate_skew(image: Image.Image) -> float:
    """The page's tilt in degrees, counter-clockwise positive (as PIL rotates), found as the angle
    whose row profile of dark pixels is sharpest.

    Text lines give sharp peaks only when the rows are level; the search works on a page
    shrunk to about 100 dpi, which is plenty for lines of text.
    """
    grey = _grey_array(image, min(1.0, 800 / max(image.width, image.height)))
    ink = grey < 128
    ys, xs = np.nonzero(ink)
    if len(xs) < 50:
        return 0.0
    xs = xs - xs.mean()
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + SKEW_STEP / 2, SKEW_STEP):
        radians = np.deg2rad(angle)
        rows = np.round(ys + xs * np.tan(radians)).astype(np.int64)
        rows -= rows.min()
        profile = np.bincount(rows)
        score = float(np.square(profile.astype(np.float64)).sum())
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle + 0.0  # + 0.0: never "-0.0"


def deskew(image: Image.Image, tilt: float) -> Image.Image:
    """Turn the page back by its ``tilt``."""
    if abs(tilt) < SKEW_STEP / 2:
        return image
    fill: int | tuple[int, int, int] = 255 if image.mode in ("L", "1") else (255, 255, 255)
    return image.rotate(-tilt, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=fill)


def remove_borders(image: Image.Image) -> Image.Image:
    """Paint the black edges a scanner lid or a copier leaves white (the page keeps its size).

    A border is a run of rows or columns at an edge that are mostly dark; text never is.
    """
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    dark = grey < 80
    height, width = dark.shape
    row_dark = dark.mean(axis=1)
    col_dark = dark.mean(axis=0)
    limit = 0.6

    def run(values: np.ndarray) -> int:
        count = 0
        for value in values:
            if value < limit:
                break
            count += 1
        return count

    top, bottom = run(row_dark), run(row_dark[::-1])
    left, right = run(col_dark), run(col_dark[::-1])
    if not (top or bottom or left or right):
        return image
    cleaned = image.copy()
    white: int | tuple[int, int, int] = 255 if image.mode in ("L", "1") else (255, 255, 255)
    draw = ImageDraw.Draw(cleaned)
    margin = 2  # the soft edge of the shadow
    if top:
        draw.rectangle((0, 0, width, top + margin), fill=white)
    if bottom:
        draw.rectangle((0, height - bottom - margin, width, height), fill=white)
    if left:
        draw.rectangle((0, 0, left + margin, height), fill=white)
    if right:
        draw.rectangle((width - right - margin, 0, width, height), fill=white)
    return cleaned


@dataclass(frozen=True)
class PageTraits:
    ink_ratio: float
    red_ratio: float
    saturated_ratio: float

    @property
    def blank(self) -> bool:
        return self.ink_ratio < BLANK_INK_RATIO

    def encoding(self) -> PageEncoding:
        if self.red_ratio >= RED_RATIO or self.saturated_ratio >= SATURATED_RATIO:
            return PageEncoding.COLOUR
        return PageEncoding.BLACK_WHITE


def page_traits(image: Image.Image) -> PageTraits:
    # About 70 dpi is enough to see a seal or a photo, and keeps this step a few milliseconds.
    scale = min(1.0, 800 / max(image.width, image.height))
    small = image if scale >= 1 else image.resize((int(image.width * scale), int(image.height * scale)))
    rgb = np.asarray(small.convert("RGB"), dtype=np.int32)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    grey = (r * 299 + g * 587 + b * 114) // 1000
    total = grey.size
    ink = float((grey < 128).sum()) / total
    red = float(((r > 150) & (r - g > 70) & (r - b > 70)).sum()) / total
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    saturated = float((spread > 90).sum()) / total
    return PageTraits(ink, red, saturated)


def encode(image: Image.Image, encoding: PageEncoding, dpi: int) -> bytes:
    buffer = io.BytesIO()
    if encoding is PageEncoding.BLACK_WHITE:
        bw = image.convert("L").point(_THRESHOLD).convert("1", dither=Image.Dither.NONE)
        bw.save(buffer, format="TIFF", compression="group4", dpi=(dpi, dpi))
    elif encoding is PageEncoding.GREY:
        image.convert("L").save(buffer, format="JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi))
    else:
        image.convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi), subsampling=2)
    return buffer.getvalue()


def _reduced(image: Image.Image, longest: int = 800) -> Image.Image:
    factor = max(1, round(max(image.size) / longest))
    return image.reduce(factor) if factor > 1 else image


def process_page(image: Image.Image, dpi: int, *, encoding: PageEncoding | None = None) -> ProcessedPage:
    """Clean one page and encode it; ``encoding`` overrides the automatic choice.

    The measuring (tilt, colour) works on a copy reduced to about 800 pixels; the full page is
    turned to grey before it is rotated unless it stays in colour: a third of the work.
    """
    image = ImageOps.exif_transpose(image) or image
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    t0 = time.perf_counter()
    small = _reduced(image)
    suggested = page_traits(small).encoding()
    chosen = encoding or suggested
    work = image if chosen is PageEncoding.COLOUR else image.convert("L")
    t1 = time.perf_counter()
    tilt = estimate_skew(small)
    straight = deskew(work, tilt)
    t2 = time.perf_counter()
    clean = remove_borders(straight)
    blank = page_traits(_reduced(clean)).blank
    t3 = time.perf_counter()
    data = encode(clean, chosen, dpi)
    t4 = time.perf_counter()
    return ProcessedPage(
        data,
        chosen,
        clean.width,
        clean.height,
        dpi,
        blank,
        tilt,
        suggested,
        StepTimes((t2 - t1) * 1000, (t3 - t2) * 1000, (t1 - t0) * 1000, (t4 - t3) * 1000),
    )
