"""The building blocks every one-stop form shares: fonts, styles, the administrative header, the QR.

Forms are Vietnamese legal documents: their wording is the regulation's and does not follow the
app's language. Text goes in as NFC and is drawn with the bundled DejaVu font, which has every
Vietnamese letter (reportlab's own fonts show black boxes, domain.md §12).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from counter_app.domain.document_dates import place_and_date
from counter_app.paths import resources_dir
from counter_app.qr_code import qr_image

FONT, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"


@cache
def register_fonts() -> None:
    fonts = Path(resources_dir(), "fonts")
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    # No oblique file is bundled: italic text uses the regular face (still every diacritic).
    pdfmetrics.registerFont(TTFont(ITALIC, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@dataclass(frozen=True)
class OfficeHeader:
    """Who issues the form: the left block of the header and the place before the date."""

    parent_body: str  # "Ủy ban nhân dân xã Minh Khai"
    name: str  # "Trung tâm Phục vụ hành chính công xã Minh Khai"
    place: str  # "Minh Khai"
    code: str = ""


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "center_bold": ParagraphStyle("center_bold", parent=base, alignment=TA_CENTER, fontName=BOLD),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "justify": ParagraphStyle("justify", parent=base, alignment=TA_JUSTIFY),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER, spaceBefore=6
        ),
        "form_no": ParagraphStyle("form_no", parent=base, fontSize=8.5, alignment=TA_RIGHT),
    }


def text(value: object) -> str:
    """Plain text made safe for a Paragraph: NFC, with <, > and & escaped."""
    return escape(unicodedata.normalize("NFC", str(value)))


def para(value: str, style: str = "body") -> Paragraph:
    """A paragraph of reportlab mark-up (callers escape data with :func:`text`)."""
    return Paragraph(unicodedata.normalize("NFC", value), styles()[style])


def label_value(label: str, value: object) -> Paragraph:
    return para(f"{text(label)}: <b>{text(value) if value not in (None, '') else '…………………'}</b>")


def when(moment: datetime | None) -> str:
    """'09 giờ 30 phút, ngày 26/11/2026', as the forms write a time."""
    if moment is None:
        return "…… giờ …… phút, ngày ……/……/……"
    return f"{moment:%H} giờ {moment:%M} phút, ngày {moment:%d/%m/%Y}"


def dated(place: str, moment: datetime) -> str:
    """The place and date line, months 3–12 without a leading 0 (domain.document_dates)."""
    return place_and_date(place, moment.date())


@lru_cache(maxsize=64)
def _qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    qr_image(data, 4).convert("1").save(buffer, format="PNG")
    return buffer.getvalue()


def qr(data: str, size: float = 24 * mm) -> Image:
    """The QR code as a small 1-bit picture: reportlab's own QR widget drew it as ~700 vector
    squares and took 60% of a receipt's time; the ticket's encoder (fixed mask) is far quicker."""
    return Image(io.BytesIO(_qr_png(data)), width=size, height=size)


def header(office: OfficeHeader, number: str, issued: datetime, width: float) -> Table:
    """Left: the parent body and the centre; right: the national motto; then 'Số' and the date."""
    number_line = f"<br/><font size=9>Số: {text(number)}</font>" if number else ""
    left = para(
        f"{text(office.parent_body.upper())}<br/><b>{text(office.name.upper())}</b>{number_line}", "center"
    )
    right = para(
        "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/><b><u>Độc lập - Tự do - Hạnh phúc</u></b><br/>"
        f"<i><font size=9>{text(dated(office.place, issued))}</font></i>",
        "center",
    )
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def grid(
    rows: Sequence[Sequence[object]], widths: Sequence[float], *, header_rows: int = 1, font_size: float = 9
) -> Table:
    """A ruled table; cells that are strings become wrapped paragraphs."""
    style = ParagraphStyle(
        f"cell{font_size}", parent=styles()["cell"], fontSize=font_size, leading=font_size + 2
    )
    cells = [[Paragraph(text(c), style) if isinstance(c, str) else c for c in row] for row in rows]
    for i in range(min(header_rows, len(cells))):
        cells[i] = [Paragraph(f"<b>{text(c)}</b>", style) if isinstance(c, str) else c for c in rows[i]]
    table = Table(cells, colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def signatures(left: tuple[str, str], right: tuple[str, str], width: float) -> Table:
    """Two signature blocks: a role, '(Ký và ghi rõ họ tên)', and the name under the space."""

    def block(role: str, name: str) -> Paragraph:
        if not role:
            return para("")
        return para(
            f"<b>{text(role)}</b><br/><i><font size=9>(Ký và ghi rõ họ tên)</font></i>"
            f"<br/><br/><br/><br/>{text(name)}",
            "center",
        )

    table = Table([[block(*left), block(*right)]], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


@dataclass(frozen=True)
class PageSetup:
    size: tuple[float, float]
    margin: float

    @property
    def width(self) -> float:
        return self.size[0] - 2 * self.margin


A4_PORTRAIT = PageSetup(A4, 18 * mm)
A4_LANDSCAPE = PageSetup(landscape(A4), 12 * mm)
A5_PORTRAIT = PageSetup(A5, 10 * mm)


def build(story: list[Flowable], page: PageSetup, *, title: str, subject: str = "") -> bytes:
    """The PDF bytes, with the fonts embedded and the document's title set for the viewer."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=page.size,
        leftMargin=page.margin,
        rightMargin=page.margin,
        topMargin=page.margin,
        bottomMargin=page.margin,
        title=unicodedata.normalize("NFC", title),
        subject=subject,
        author="counter_app",
    )
    document.build(story)
    return buffer.getvalue()


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
