"""Journey: an elderly citizen reads at the kiosk which papers to bring for a birth registration.

The page is read standing at arm's length: the procedure's name and its section headings must be
larger than the text under them (they came out smaller, at the widget's default size)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument, QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget
from sqlalchemy import select

from counter_app.storage import models
from counter_app.ui.kiosk.window import TICKET, KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.helpers import shot, wait_until

W = TypeVar("W", bound=QWidget)


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


def _named(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} “{name}”"
    return found


def _tickets(context) -> list[tuple[str, str]]:
    with context.db.read() as session:
        return [
            (t.label, t.service_code)
            for t in session.scalars(select(models.Ticket).order_by(models.Ticket.id))
        ]


def test_a_citizen_takes_a_number_for_the_procedure_read(qtbot, context):
    """Reading a birth registration's papers, the citizen takes a number for its area (A) there."""
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    guide = kiosk.guide
    wait_until(lambda: guide.fields_grid.count() >= 7, 10_000, "the fields of the guide")
    _touch(kiosk, "Xem thủ tục và giấy tờ cần mang theo")
    _touch(guide, "Hộ tịch")
    wait_until(lambda: guide.currentIndex() == 1, 10_000, "the civil-status procedures")
    _touch(guide, "Đăng ký khai sinh\n")
    take = _named(guide, QPushButton, "takeNumber")
    wait_until(lambda: take.isVisibleTo(kiosk), 10_000, "the take-a-number button")
    assert take.text().endswith("A  –  Hộ tịch, chứng thực")  # the area it goes to, in plain sight
    assert take.font().pointSize() >= 24 and take.minimumHeight() >= 120
    QTest.mouseClick(take, Qt.MouseButton.LeftButton)
    wait_until(lambda: kiosk.shown_ticket is not None, 10_000, "the ticket")
    assert kiosk.pages.currentIndex() == TICKET
    assert kiosk.ticket_number.text() == "A001"
    assert kiosk.ticket_area.text() == "Hộ tịch, chứng thực"
    # The demo kiosk has no ticket printer: the screen says so, as after a touch on the area.
    wait_until(lambda: "A001" in kiosk.print_problem.text(), 10_000, "the no-printer message")
    assert _tickets(context) == [("A001", "A")]


def test_a_procedure_served_in_no_area_says_to_ask_at_a_counter(qtbot, context):
    context.queue.set_area_fields(None, "D", [])  # household businesses: no kiosk area any more
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    guide = kiosk.guide
    wait_until(lambda: guide.fields_grid.count() >= 7, 10_000, "the fields of the guide")
    _touch(kiosk, "Xem thủ tục và giấy tờ cần mang theo")
    _touch(guide, "Thành lập và hoạt động của hộ kinh doanh")
    wait_until(lambda: guide.currentIndex() == 1, 10_000, "the household-business procedures")
    _touch(guide, "Đăng ký")
    no_area = _named(guide, QLabel, "noArea")
    wait_until(lambda: no_area.isVisibleTo(kiosk), 10_000, "the ask-at-a-counter line")
    assert no_area.text() and not _named(guide, QPushButton, "takeNumber").isVisibleTo(kiosk)
    assert _tickets(context) == []


def _lines_fit(label: QLabel) -> str | None:
    """Why the label's words do not all show inside it (None when they do): each wrapped line
    within its width, all lines within its height."""
    box = label.contentsRect()
    layout_height = 0.0
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(box.width())
            if line.naturalTextWidth() > box.width():
                return f"a line of “{paragraph}” is {line.naturalTextWidth():.0f} px in {box.width()} px"
            layout_height += line.height()
        layout.endLayout()
    if layout_height > box.height() + 1:
        return f"“{label.text()}” needs {layout_height:.0f} px, has {box.height()}"
    return None


def test_every_procedure_name_shows_whole_on_the_kiosk_screen(qtbot, context):
    """On the 1080-wide kiosk, a long procedure name (“… văn bản do cơ quan, tổ chức …”) wraps
    onto more lines, whole and large, and the list never scrolls sideways, in every field."""
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    guide = kiosk.guide
    wait_until(lambda: guide.fields_grid.count() >= 7, 10_000, "the fields of the guide")
    _touch(kiosk, "Xem thủ tục và giấy tờ cần mang theo")
    fields = [b.text() for b in guide.fields_page.findChildren(QPushButton)]
    assert len(fields) >= 7
    wrapped = 0
    back = _named(kiosk, QPushButton, "back")
    for field in fields:
        if guide.currentIndex() == 1:  # “Quay lại” to the fields
            QTest.mouseClick(back, Qt.MouseButton.LeftButton)
            wait_until(lambda: guide.currentIndex() == 0, 5_000, "the fields")
        _touch(guide, field)
        wait_until(lambda: guide.currentIndex() == 1, 10_000, f"the procedures of {field}")
        qtbot.wait(50)  # laid out
        area = guide.currentWidget()
        assert isinstance(area, QScrollArea)
        assert not area.horizontalScrollBar().isVisible() and area.horizontalScrollBar().maximum() == 0, field
        for button in guide.procedures_page.findChildren(QPushButton):
            words = button.findChild(QLabel, "wrapText")
            assert words is not None
            assert words.text() == button.text()  # the whole name, nothing left out
            assert words.font().pointSize() >= 22 and words.font().bold()
            right = button.mapTo(area.viewport(), button.rect().topRight()).x()
            assert right < area.viewport().width(), f"{button.text()!r} runs off the screen"
            assert button.rect().contains(words.geometry()), button.text()
            problem = _lines_fit(words)
            assert problem is None, problem
            wrapped += words.height() > 3 * QFontMetrics(words.font()).lineSpacing()
        if field.startswith("Chứng thực"):
            shot(kiosk, "hk2-1")
    assert wrapped > 0  # long names did wrap onto more lines
