"""Journey: an elderly citizen reads at the kiosk which papers to bring for a birth registration.

The page is read standing at arm's length: the procedure's name and its section headings must be
larger than the text under them (they came out smaller, at the widget's default size)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.helpers import wait_until


def _point_size_of(document: QTextDocument, text: str) -> float:
    """The size the text starting with ``text`` is drawn at, as the reader sees it."""
    block = document.begin()
    while block.isValid():
        if block.text().startswith(text):
            return block.begin().fragment().charFormat().font().pointSizeF()
        block = block.next()
    raise AssertionError(f"“{text}” is not on the page")


def _touch(parent: QWidget, starts_with: str) -> None:
    """Touch the button on the page shown whose text starts so (not shown on screen: the lists
    scroll by touch, and QScroller takes a synthetic press on a shown list for the start of a drag)."""
    found = [
        b
        for b in parent.findChildren(QPushButton)
        if b.text().startswith(starts_with) and b.isVisibleTo(parent)
    ]
    assert found, f"no button “{starts_with}…”"
    QTest.mouseClick(found[0], Qt.MouseButton.LeftButton)


def test_a_citizen_reads_the_papers_for_a_birth_registration(qtbot, context):
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    guide = kiosk.guide
    wait_until(lambda: guide.fields_grid.count() >= 7, 10_000, "the fields of the guide")
    _touch(kiosk, "Xem thủ tục và giấy tờ cần mang theo")
    _touch(guide, "Hộ tịch")
    wait_until(lambda: guide.currentIndex() == 1, 10_000, "the civil-status procedures")
    _touch(guide, "Đăng ký khai sinh\n")
    wait_until(lambda: guide.currentIndex() == 2, 10_000, "the procedure's page")
    page = guide.detail.document()
    assert "Giấy chứng sinh" in page.toPlainText()
    body = _point_size_of(page, "Thời hạn giải quyết")
    title = _point_size_of(page, "Đăng ký khai sinh")
    papers = _point_size_of(page, "Giấy tờ cần mang theo")
    assert body >= 20  # large enough to read standing
    assert title > papers > body
