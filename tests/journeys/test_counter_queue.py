"""Journeys at the counter's queue panel: who waits for this counter, in calling order, and transfers.

The kiosk's tickets are issued through the queue service (the kiosk has its own journey); the clerk
only looks at the panel and clicks its buttons and the transfer menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMenu

from counter_app.domain.queue import PriorityGroup, TicketState
from counter_app.storage import models
from tests.journeys.counter_steps import signed_in_counter
from tests.journeys.helpers import shot, wait_until


def _listed(panel_list: QListWidget) -> list[str]:
    return [panel_list.item(i).text() for i in range(panel_list.count())]


def _labels(panel_list: QListWidget) -> list[str]:
    return [line.split()[0] for line in _listed(panel_list)]


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueuePanel", text)


def test_the_panel_lists_who_waits_in_calling_order_and_transfers_to_another_counter(qtbot, context):
    window = signed_in_counter(qtbot, context)  # counter 1: areas A and D
    window.resize(1366, 768)
    panel = window.queue
    waiting_list = panel.findChild(QListWidget, "queueWaitingList")
    assert waiting_list is not None and waiting_list.isVisible()
    for code, group in (("A", None), ("B", None), ("D", None), ("A", PriorityGroup.ELDERLY)):
        context.queue.issue(code, priority_group=group)  # A001, B001, D001, A002 (an elderly citizen)

    # Strict priority: the elderly citizen's A002 comes first; B001 is not this counter's.
    wait_until(lambda: _labels(waiting_list) == ["A002", "A001", "D001"], 15_000, "the waiting list")
    assert PriorityGroup.ELDERLY.value not in _listed(waiting_list)[0]  # the group is said in words
    assert len(_listed(waiting_list)[0]) > len("A002")
    # Each line is read whole within the panel: the group under the number, wrapped, never scrolled.
    metrics = waiting_list.fontMetrics()
    room = waiting_list.viewport().width()
    for line in _listed(waiting_list):
        for part in line.split("\n"):
            for word in part.split():
                assert metrics.horizontalAdvance(word) <= room, word
    assert not waiting_list.horizontalScrollBar().isVisible()

    # The buttons stay where the clerk's hand learnt them, whatever the line about the ticket says.
    where = panel.next_button.mapTo(window, panel.next_button.rect().topLeft())
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: panel.current.text() == "A002", 10_000, "A002 called")
    assert panel.next_button.mapTo(window, panel.next_button.rect().topLeft()) == where
    wait_until(lambda: _labels(waiting_list) == ["A001", "D001"], 10_000, "the list without A002")

    # A citizen takes a ticket at the kiosk: the list follows on its own (periodic refresh).
    context.queue.issue("D")
    wait_until(lambda: _labels(waiting_list) == ["A001", "D001", "D002"], 15_000, "D002 in the list")
    shot(window, "hq-queue-list")

    # "Transfer…": other counters and other areas, never this counter nor the ticket's own area (A).
    offered: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        offered.extend(a.text() for a in menu.actions() if a.text())
        shot(menu, "hq-transfer-menu")
        entry = next(a for a in menu.actions() if "3 (B, C)" in a.text())
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())

    wait_until(panel.transfer_button.isEnabled, 10_000, "Transfer to be clickable")
    QTimer.singleShot(20, pick)
    QTest.mouseClick(panel.transfer_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: panel.current.text() == "—", 10_000, "the transfer")
    assert len(offered) == 5, offered  # counters 2 and 3, areas B, C and D
    assert any("2 (A, B)" in t for t in offered) and not any("1 (A, D)" in t for t in offered)
    assert not any("Hộ tịch" in t for t in offered)  # area A, the ticket's own
    assert all(any(name in t for t in offered) for name in ("Đất đai", "Bảo trợ", "Hộ kinh doanh"))
    said = _tr("Number %1 was transferred to counter %2.").replace("%1", "A002").replace("%2", "3")
    assert panel.detail.text().startswith(said), panel.detail.text()
    shot(window, "hq-transferred")

    with context.db.read() as session:
        a002 = session.query(models.Ticket).filter_by(label="A002").one()
        assert (a002.state, a002.target_counter, a002.counter_number) == (TicketState.WAITING.value, 3, None)
    # It waits for counter 3 alone: not in counter 1's list, first in counter 3's.
    wait_until(lambda: _labels(waiting_list) == ["A001", "D001", "D002"], 10_000, "counter 1's list")
    assert [t.label for t in context.queue.counter_queue(3).tickets] == ["A002", "B001"]
    clerk = context.staff.find("canbo")
    assert clerk is not None
    assert context.queue.call_next(clerk, 2).label == "A001"  # counter 2 serves A, but not A002
    assert context.queue.call_next(clerk, 3).label == "A002"
