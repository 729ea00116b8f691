"""The paper queue ticket, drawn as a 1-bit image at the printer's width: the printer's picture mode.

Cheap 58 mm and 80 mm thermal printers print Vietnamese wrongly in text mode, or not at all;
every one of them prints a raster image. So the ticket is drawn with the bundled DejaVu font
(which has all Vietnamese letters) from NFC text, and sent as pixels (domain.md §12).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from counter_app.domain.ticket_text import TicketText
from counter_app.paths import resources_dir
from counter_app.qr_code import qr_image

MARGIN = 8


@lru_cache(maxsize=16)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(resources_dir(), "fonts", name)), size)


def centred_qr(data: str, width_dots: int) -> Image.Image:
    """The QR code alone, centred on a strip the printer's width: for tickets printed as text."""
    code = qr_image(data, max(3, round(6 * width_dots / 576)))
    strip = Image.new("L", (width_dots, code.height), 255)
    strip.paste(code, ((width_dots - code.width) // 2, 0))
    return strip.convert("1")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def render_ticket(text: TicketText, width_dots: int) -> Image.Image:
    """The ticket as a black-and-white image ``width_dots`` wide (384, 512 or 576)."""
    scale = width_dots / 576
    inner = width_dots - 2 * MARGIN
    canvas = Image.new("L", (width_dots, 2000), 255)
    draw = ImageDraw.Draw(canvas)
    y = MARGIN

    def block(value: str, size: int, *, bold: bool = False, gap: int = 6) -> None:
        nonlocal y
        font = _font(bold, max(12, round(size * scale)))
        for line in _wrap(draw, unicodedata.normalize("NFC", value), font, inner):
            left, top, right, bottom = draw.textbbox((0, 0), line, font=font)
            draw.text(((width_dots - (right - left)) / 2 - left, y - top), line, font=font, fill=0)
            y += round(bottom - top) + round(gap * scale)

    block(text.office, 24, bold=True)
    draw.line((MARGIN, y, width_dots - MARGIN, y), fill=0, width=2)
    y += 10
    block(text.service, 28, bold=True)
    block(text.caption, 24)
    block(text.label, 150, bold=True, gap=16)
    if text.priority:
        block(text.priority, 26, bold=True)
    block(text.ahead, 24)
    block(text.issued, 22)
    code = qr_image(text.qr, max(3, round(6 * scale)))
    canvas.paste(code, ((width_dots - code.width) // 2, y))
    y += code.height + 8
    block(text.footer, 20)
    return canvas.crop((0, 0, width_dots, y + MARGIN)).point(lambda v: 0 if v < 160 else 255).convert("1")
