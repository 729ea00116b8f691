"""Scan processing on generated pages: deskew, borders, blank pages, the encoding per domain.md §9,
and one PDF/A-2b per component with its metadata and hash."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from counter_app.domain.calendar import VN_TZ
from counter_app.imaging.pdfa import build_pdfa
from counter_app.imaging.scan_pages import PageEncoding, estimate_skew, process_page, remove_borders
from tests.imaging.sample_pages import blank_page, text_page


@pytest.mark.parametrize("tilt", [-3.0, -1.0, 2.0, 4.0])
def test_a_tilted_page_is_straightened(tilt):
    page = text_page(150, tilt=tilt)
    processed = process_page(page, 150)
    assert processed.skew_degrees == pytest.approx(tilt, abs=0.3)
    straight = Image.open(io.BytesIO(processed.data))
    assert abs(estimate_skew(straight.convert("L"))) <= 0.3


def test_a_plain_text_page_goes_black_and_white_and_small():
    processed = process_page(text_page(200), 200)
    assert processed.encoding is PageEncoding.BLACK_WHITE and processed.mime == "image/tiff"
    assert not processed.blank
    assert len(processed.data) <= 60_000  # domain goal: ≤ 60 KB a page at 200 dpi
    assert Image.open(io.BytesIO(processed.data)).info.get("compression") == "group4"


def test_a_page_with_a_red_seal_stays_in_colour_and_the_clerk_may_override():
    processed = process_page(text_page(200, seal=True), 200)
    assert processed.encoding is PageEncoding.COLOUR and processed.mime == "image/jpeg"
    grey = process_page(text_page(200, seal=True), 200, encoding=PageEncoding.GREY)
    assert grey.encoding is PageEncoding.GREY and grey.suggested is PageEncoding.COLOUR
    assert Image.open(io.BytesIO(grey.data)).mode == "L"


def test_black_borders_are_removed_and_a_blank_page_is_flagged_not_dropped():
    bordered = text_page(150, border=True)
    cleaned = remove_borders(bordered).convert("L")
    assert cleaned.getpixel((5, 5)) == 255 and cleaned.getpixel((cleaned.width // 2, 3)) == 255
    assert process_page(blank_page(150), 150).blank
    assert not process_page(bordered, 150).blank


def test_one_pdfa_per_component_with_every_page_metadata_and_hash():
    pages = [
        process_page(text_page(200), 200),
        process_page(text_page(200, seal=True), 200),
        process_page(blank_page(200), 200),
    ]
    created = datetime(2026, 11, 26, 9, 30, tzinfo=VN_TZ)
    built = build_pdfa(pages, dossier_code="000.00.06.H56-261126-0001", component="Tờ khai", created=created)
    assert built.pages == 3 and built.sha256 == hashlib.sha256(built.data).hexdigest()
    assert len(PdfReader(io.BytesIO(built.data)).pages) == 3  # as many images as pages
    with pikepdf.open(io.BytesIO(built.data)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert "000.00.06.H56-261126-0001" in str(meta["dc:title"]) and "Tờ khai" in str(meta["dc:title"])
        assert "/OutputIntents" in pdf.Root
        filters = " ".join(str(img.Filter) for page in pdf.pages for img in page.get_images().values())
        # embedded as encoded, no re-encoding: G4 for text, JPEG for the seal, nothing re-compressed
        assert "CCITTFaxDecode" in filters and "DCTDecode" in filters and "Flate" not in filters
    with pytest.raises(ValueError):
        build_pdfa([], dossier_code="x", component="y", created=created)
