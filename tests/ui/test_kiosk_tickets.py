"""A citizen takes a ticket at the kiosk by touch alone."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from counter_app.domain.queue import PriorityGroup
from counter_app.ui.kiosk.window import HOME, TICKET, KioskWindow
from counter_app.ui.launcher import kiosk_parts


def _area_buttons(kiosk: KioskWindow) -> list[QPushButton]:
    items = (kiosk.areas_list.itemAt(i) for i in range(kiosk.areas_list.count()))
    return [item.widget() for item in items if item is not None and isinstance(item.widget(), QPushButton)]  # type: ignore[misc]


def _ready(qtbot, context) -> KioskWindow:
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    qtbot.waitUntil(lambda: len(_area_buttons(kiosk)) == 4, timeout=10_000)
    return kiosk


def test_a_tap_issues_a_ticket_and_shows_it_large(qtbot, context):
    context.queue.issue("A")
    kiosk = _ready(qtbot, context)
    assert kiosk.title.text() == "Chạm vào lĩnh vực cần làm để lấy số thứ tự."
    buttons = _area_buttons(kiosk)
    assert buttons[0].text() == "A    Hộ tịch, chứng thực"
    assert all(b.minimumHeight() >= 120 and b.font().pointSize() >= 24 for b in buttons)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000) as shown:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == TICKET
    assert kiosk.ticket_number.text() == "A002" and kiosk.ticket_number.font().pointSize() >= 100
    assert kiosk.ticket_area.text() == "Hộ tịch, chứng thực"
    assert kiosk.ticket_ahead.text() == "Trước ông/bà còn 1 người."
    assert kiosk.ticket_wait.text() == "Thời gian chờ dự kiến: khoảng 3 phút."  # 6 min shared by 2 counters
    assert shown.args[0].ticket.label == "A002"
    # No printer here: the kiosk says so (and keeps the number longer), then goes home by itself.
    qtbot.waitUntil(lambda: "A002" in kiosk.print_problem.text(), timeout=10_000)
    kiosk._ticket_timer.setInterval(50)  # the kiosk returns home by itself for the next person
    kiosk._ticket_timer.start()
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == HOME, timeout=5_000)


def test_priority_is_a_separate_button_then_a_group(qtbot, context):
    kiosk = _ready(qtbot, context)
    assert kiosk.priority_button.objectName() == "priority"
    qtbot.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
    assert kiosk.title.text() == "Ông/bà thuộc nhóm ưu tiên nào?"
    qtbot.mouseClick(kiosk.group_buttons[PriorityGroup.PREGNANT], Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == HOME and "Phụ nữ mang thai" in kiosk.title.text()
    assert not kiosk.priority_button.isVisibleTo(kiosk)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000) as shown:
        qtbot.mouseClick(_area_buttons(kiosk)[2], Qt.MouseButton.LeftButton)
    ticket = shown.args[0].ticket
    assert ticket.label == "C001" and ticket.priority_group is PriorityGroup.PREGNANT
    assert kiosk.ticket_area.text() == "Bảo trợ xã hội, cư trú\nPhụ nữ mang thai"
    assert kiosk.ticket_ahead.text() == "Không có ai trước ông/bà."


def test_a_double_tap_gives_one_ticket(qtbot, context):
    kiosk = _ready(qtbot, context)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000):
        kiosk.take_ticket("B")
        kiosk.take_ticket("B")
    qtbot.wait(200)
    assert [c.label for c in context.queue.calls_since(0)] == []
    assert context.queue.counter_queue(2).waiting == 1  # one B ticket, not two


def test_a_failure_is_written_on_the_screen_not_in_a_dialog(qtbot, context):
    kiosk = _ready(qtbot, context)
    context.queue.save_area(None, context.queue.areas()[3].__class__("D", "Hộ kinh doanh", 4, active=False))
    kiosk.take_ticket("D")  # switched off on another PC a moment ago
    qtbot.waitUntil(lambda: kiosk.message.text() != "", timeout=10_000)
    assert kiosk.message.text().startswith("Chưa lấy được số. Xin mời ông/bà hỏi cán bộ tại quầy.")
    assert "Không có khu vực dịch vụ D." in kiosk.message.text()
    assert kiosk.pages.currentIndex() == HOME


def test_a_landscape_kiosk_fits_its_screen_and_shows_every_area(qtbot, context):
    kiosk = _ready(qtbot, context)
    kiosk.resize(1920, 1080)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    qtbot.wait(50)
    assert (kiosk.width(), kiosk.height()) == (1920, 1080)
    buttons = _area_buttons(kiosk)
    assert len({b.y() for b in buttons}) == 2  # two rows of two: nothing below the fold
    assert all(b.visibleRegion().boundingRect().height() == b.height() for b in buttons)
    kiosk.open_pin_pad()
    qtbot.wait(50)
    assert kiosk.height() == 1080  # the tallest page fits too
