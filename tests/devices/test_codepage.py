"""Text-mode tickets: Vietnamese in the printer's own code page, CP1258 or TCVN-3 (domain.md §12)."""

from __future__ import annotations

import unicodedata

import pytest
from escpos.printer import Dummy

from counter_app.devices.codepage import Run, _capabilities, encode_cp1258, encode_tcvn3
from counter_app.devices.printer import TicketPrinter
from counter_app.domain.equipment import VIETNAMESE_PAGES, VietnamesePages, vietnamese_pages
from counter_app.domain.errors import ValidationError
from counter_app.settings import PrinterSettings, PrintMode, Settings, validate
from tests.devices.test_printer import TEXT

ALL_LETTERS = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"


def _decode_tcvn3(runs: list[Run]) -> str:
    from counter_app.devices.codepage import _tcvn3_tables

    lower, upper = _tcvn3_tables()
    back = [{v: k for k, v in lower.items()}, {v: k for k, v in upper.items()}]
    back[1][upper["Đ"]] = "Đ"
    return "".join(chr(b) if b < 0x80 else back[run.table - 1][b] for run in runs for b in run.data)


def test_the_profiles_say_which_printers_have_a_vietnamese_page():
    assert vietnamese_pages("TM-T20II").names() == ["CP1258", "TCVN-3"]
    assert vietnamese_pages("POS-5890").names() == ["CP1258"]  # a common cheap 58 mm clone
    assert vietnamese_pages("no-such-model").names() == []


def _escpos_pages(profile: dict[str, object]) -> VietnamesePages:
    """A profile's Vietnamese pages as python-escpos lists them: the first number of each name."""
    numbers: dict[str, int] = {}
    pages = profile.get("codePages", {})
    assert isinstance(pages, dict)
    for number, name in sorted(pages.items(), key=lambda item: int(item[0])):
        numbers.setdefault(name, int(number))
    lower, upper = numbers.get("TCVN-3-1"), numbers.get("TCVN-3-2")
    return VietnamesePages(
        cp1258=numbers.get("CP1258"),
        tcvn3=(lower, upper) if lower is not None and upper is not None else None,
    )


def test_the_domains_table_is_python_escposs_own_word():
    """The settings check text mode against the domain's table; the printer sends its numbers.
    Both must be what python-escpos's profiles say (an upgrade that changes a page fails here)."""
    from_escpos = {
        name: pages
        for name, profile in _capabilities()["profiles"].items()
        if (pages := _escpos_pages(profile)).names()
    }
    assert from_escpos == VIETNAMESE_PAGES


def test_cp1258_carries_every_vietnamese_letter_as_base_plus_tone():
    for text in (ALL_LETTERS, ALL_LETTERS.upper(), "Nguyễn Thị Hồng Nhung"):
        encoded = encode_cp1258(text)
        assert b"?" not in encoded
        assert unicodedata.normalize("NFC", encoded.decode("cp1258")) == text
    assert encode_cp1258(unicodedata.normalize("NFD", "Số thứ tự")) == encode_cp1258("Số thứ tự")


def test_tcvn3_switches_tables_between_lower_and_upper_case():
    for text in (ALL_LETTERS, ALL_LETTERS.upper(), "Mời ĐÀO Thị Ước"):
        runs = encode_tcvn3(text)
        assert _decode_tcvn3(runs) == text
    assert encode_tcvn3("Số")[0].data == b"S\xe8"  # "Sè" is how an ABC font shows "Số"
    assert [run.table for run in encode_tcvn3("ấy ẤY")] == [1, 2]


@pytest.mark.parametrize(("page", "select"), [("CP1258", b"\x1bt\x34"), ("TCVN-3", b"\x1bt\x1e")])
def test_a_text_ticket_selects_the_page_and_sends_its_bytes(page, select):
    dummy = Dummy(profile="TM-T20II")
    settings = PrinterSettings(width_dots=576, mode=PrintMode.TEXT, profile="TM-T20II", code_page=page)
    TicketPrinter(settings, connect=lambda: dummy).print_ticket(TEXT)
    data = bytes(dummy.output)
    assert data.startswith(b"\x1b@") and b"\x1dV" in data[-8:]
    assert select in data
    if page == "CP1258":
        assert encode_cp1258("Trước ông/bà còn 4 người") in data
    else:
        assert b"".join(run.data for run in encode_tcvn3("Trước ông/bà còn 4 người")) in data
    assert b"A005" in data and b"\x1dv0" in data  # the number as text; the QR code as a picture


def test_text_mode_is_refused_for_a_model_without_the_page():
    settings = Settings()
    settings.printer = PrinterSettings(mode=PrintMode.TEXT, profile="POS-5890", code_page="TCVN-3")
    with pytest.raises(ValidationError, match="TCVN-3"):
        validate(settings)
    with pytest.raises(ValidationError):
        TicketPrinter(settings.printer, connect=Dummy).print_ticket(TEXT)
    settings.printer.code_page = "CP1258"
    validate(settings)


def test_picture_mode_is_the_default_and_prints_a_raster_image():
    dummy = Dummy()
    TicketPrinter(PrinterSettings(width_dots=384), connect=lambda: dummy).print_ticket(TEXT)
    assert b"\x1dv0" + bytes([0, 384 // 8, 0]) in bytes(dummy.output)
