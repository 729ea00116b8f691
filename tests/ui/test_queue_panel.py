"""The clerk's queue panel, driven as a clerk would: call, call again, not come, transfer, finish."""

from PySide6.QtCore import Qt

from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.launcher import counter_parts


def _signed_in_counter(qtbot, context) -> CounterWindow:
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.queue.queue_refreshed, timeout=10_000):
        window.set_actor(context.staff.find("canbo"))
    return window


def test_the_clerk_calls_serves_and_finishes(qtbot, context):
    window = _signed_in_counter(qtbot, context)
    panel = window.queue
    assert panel.current.text() == "—" and not panel.recall_button.isEnabled()
    assert panel.detail.text() == "Chưa gọi số nào. Bấm “Gọi số tiếp theo”."
    for code in ("A", "D", "B"):
        context.queue.issue(code)  # three citizens at the kiosk
    with qtbot.waitSignal(panel.queue_refreshed, timeout=10_000):
        panel.refresh()
    assert panel.waiting.text().startswith("Đang chờ: 2")  # counter 1 serves A and D, not B

    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.current.text() == "A001" and panel.detail.text() == "Đã gọi"
    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.recall_button, Qt.MouseButton.LeftButton)
    assert [c.recall for c in context.queue.calls_since(0)] == [False, True]

    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.no_show_button, Qt.MouseButton.LeftButton)
    assert panel.current.text() == "—" and not panel.start_button.isEnabled()
    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.current.text() == "D001" and panel.start_button.isEnabled()
    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.detail.text() == "Đang phục vụ" and not panel.no_show_button.isEnabled()
    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        panel.transfer_to(service_code="B")  # land matters belong at counter 2 or 3
    assert context.queue.call_next(context.staff.find("canbo"), 3).label == "D001"  # ahead of B001
    with qtbot.waitSignal(panel.ticket_changed, timeout=10_000):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.current.text() == "—" and panel.error.text() == ""  # nobody left for counter 1


def test_a_counter_without_service_areas_says_so_in_vietnamese(qtbot, context):
    context.settings.counter_number = 9
    window = _signed_in_counter(qtbot, context)
    qtbot.mouseClick(window.queue.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.queue.error.text() != "", timeout=10_000)  # no ticket: an error
    assert window.queue.error.text() == "Quầy số 9 chưa được gán khu vực dịch vụ nào."
    assert window.queue.next_button.isEnabled()  # the clerk can try again after the set-up
