"""Journeys: a citizen comes to the kiosk while the office is closed.

The office chooses, in the queue set-up, whether the kiosks issue numbers before opening and at
lunch. If not, the kiosk says the office is closed and when it opens, and issues nothing (nor would
the service); if so, the ticket says it will be called when the office opens. After closing and on
days off nothing is issued either way: the queue is the day's, a number for another day is never
called. Office hours are the
working calendar's (7:30–11:30 and 13:00–17:00 on working days), in Vietnam time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.calendar import VN_TZ, DayOverride
from counter_app.domain.queue import OfficeClosed
from counter_app.storage import models
from counter_app.ui.admin.queue_dialog import QueueSetupDialog
from counter_app.ui.common.formatting import moment_text
from counter_app.ui.counter.controller import CounterController
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.kiosk.window import HOME, TICKET, KioskWindow
from counter_app.ui.launcher import display_parts, kiosk_parts
from tests.journeys.helpers import choose_from_menu, shot, wait_until
from tests.modals import click, describe, find_button
from tests.ui.test_display_board import cut_off

W = TypeVar("W", bound=QWidget)
SATURDAY = datetime(2026, 11, 28, 9, 0, tzinfo=VN_TZ)  # the office opens again on Monday 30/11 at 7:30
THURSDAY_LUNCH = datetime(2026, 11, 26, 12, 10, tzinfo=VN_TZ)  # it opens again at 13:00
EVENING = datetime(2026, 11, 26, 17, 20, tzinfo=VN_TZ)  # it opens again on Friday 27/11 at 7:30


def _named(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} “{name}”"
    return found


def _at(context: AppContext, moment: datetime) -> None:
    """The office's clock and its hours (the other journeys run with an office that never closes)."""
    context.queue.calendar = context.calendar
    context.queue.clock = lambda: moment


def _tickets(context: AppContext) -> list[str]:
    with context.db.read() as session:
        return list(session.scalars(select(models.Ticket.label).order_by(models.Ticket.id)))


def _administrator_chooses(qtbot, context: AppContext, modals, issue: bool) -> None:
    """The administrator sets, in the queue set-up, whether numbers are issued outside hours."""
    controller = CounterController(context)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.set_actor(context.staff.find("quantri"))  # signed in: see the sign-in journey
    chosen: list[bool] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QueueSetupDialog), describe(dialog)
        box = _named(dialog, QCheckBox, "ticketsOutsideHours")
        wait_until(lambda: box.isChecked(), 10_000, "the office's choice read (numbers issued)")
        if box.isChecked() != issue:
            click(box)
        click(_named(dialog, QPushButton, "saveOutsideHours"))
        wait_until(lambda: context.queue.opening().tickets_outside_hours == issue, 10_000, "the choice saved")
        chosen.append(box.isChecked())
        click(find_button(dialog, "Đóng"))

    modals.expect(choose)
    action = controller.window.queue_action.text().replace("&", "")
    choose_from_menu(controller.window, "Hệ thống", action)
    wait_until(lambda: modals.pending == 0 and chosen == [issue], 20_000, "the queue set-up closed")
    controller.window.close()


def _kiosk(qtbot, context: AppContext, ready: Callable[[KioskWindow], bool]) -> KioskWindow:
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    wait_until(lambda: bool(kiosk.area_buttons) and ready(kiosk), 10_000, "the kiosk's areas and hours")
    return kiosk


def test_a_closed_office_that_issues_no_numbers_says_when_it_opens(qtbot, context, modals):
    _administrator_chooses(qtbot, context, modals, issue=False)
    _at(context, SATURDAY)
    kiosk = _kiosk(qtbot, context, lambda k: k.opening is not None)
    notice = _named(kiosk, QLabel, "hoursNotice")
    assert notice.isVisibleTo(kiosk)
    # “… mở cửa lúc 7:30 sáng thứ Hai, 30/11/2026.”
    assert "7:30" in notice.text() and "30/11/2026" in notice.text()
    assert (
        kiosk.tr("Monday") in notice.text()
        and kiosk.tr("%1 in the morning").replace("%1", "") in notice.text()
    )
    # Every area is greyed out: a touch issues nothing.
    assert not any(b.isEnabled() for b in kiosk.area_buttons) and not kiosk.priority_button.isEnabled()
    QTest.mouseClick(kiosk.area_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert kiosk.pages.currentIndex() == HOME and kiosk.shown_ticket is None
    # The guide has no take-a-number button either: the closed notice in its place.
    QTest.mouseClick(kiosk.guide_button, Qt.MouseButton.LeftButton)
    guide = kiosk.guide
    wait_until(lambda: guide.fields_grid.count() >= 7, 10_000, "the fields of the guide")
    QTest.mouseClick(
        next(b for b in guide.findChildren(QPushButton) if b.text() == "Hộ tịch"), Qt.MouseButton.LeftButton
    )
    wait_until(lambda: guide.currentIndex() == 1, 10_000, "the civil-status procedures")
    birth = next(b for b in guide.findChildren(QPushButton) if b.text().startswith("Đăng ký khai sinh\n"))
    QTest.mouseClick(birth, Qt.MouseButton.LeftButton)
    no_area = _named(guide, QLabel, "noArea")
    wait_until(lambda: no_area.isVisibleTo(kiosk), 10_000, "the closed notice in the guide")
    assert "30/11/2026" in no_area.text()
    assert not _named(guide, QPushButton, "takeNumber").isVisibleTo(kiosk)
    # The service refuses too, whatever asks it.
    with pytest.raises(OfficeClosed):
        context.desk.issue("A")
    assert _tickets(context) == []


def test_a_closed_office_that_issues_numbers_says_they_are_called_when_it_opens(qtbot, context, modals):
    _administrator_chooses(qtbot, context, modals, issue=True)
    _at(context, THURSDAY_LUNCH)
    kiosk = _kiosk(qtbot, context, lambda k: k.opening is not None)
    notice = _named(kiosk, QLabel, "hoursNotice")
    assert notice.isVisibleTo(kiosk) and "13:00" in notice.text() and "26/11/2026" in notice.text()
    assert all(b.isEnabled() for b in kiosk.area_buttons)
    QTest.mouseClick(
        next(b for b in kiosk.area_buttons if b.text().startswith("B ")), Qt.MouseButton.LeftButton
    )
    wait_until(lambda: kiosk.shown_ticket is not None, 10_000, "the ticket")
    ticket = kiosk.shown_ticket
    assert ticket is not None and kiosk.pages.currentIndex() == TICKET
    assert kiosk.ticket_number.text() == "B001"
    # “Số của ông/bà sẽ được mời khi trung tâm mở cửa lúc 13:00 chiều thứ Năm, 26/11/2026.”
    said = kiosk.ticket_wait.text()
    assert "13:00" in said and "26/11/2026" in said and kiosk.tr("Thursday") in said
    assert kiosk.tr("You will be called shortly.") not in said  # not while the office is closed
    assert kiosk.wording(ticket).footer == said  # the paper says the same
    assert _tickets(context) == ["B001"]

    # After closing, a number would belong to a day that is over: none is issued, whatever the choice.
    _at(context, EVENING)
    QTest.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: "27/11/2026" in notice.text(), 10_000, "the kiosk to close for the night")
    assert "7:30" in notice.text() and kiosk.tr("Friday") in notice.text()
    assert not any(b.isEnabled() for b in kiosk.area_buttons)
    with pytest.raises(OfficeClosed):
        context.desk.issue("B")
    assert _tickets(context) == ["B001"]


def test_an_office_day_off_today_closes_the_kiosk_and_the_board_alike(qtbot, context):
    """The office gave itself Thursday 26/11 off (and Wednesday 2/12): in what would be office
    hours the kiosk says it is closed, and the board, reading the same calendar, says so too,
    when the office opens again, and the coming day off, never “ĐANG PHỤC VỤ”."""
    head = context.staff.find("quantri")
    context.calendar.set_override(head, DayOverride(date(2026, 11, 26), False, "Đại hội"))
    context.calendar.set_override(head, DayOverride(date(2026, 12, 2), False, "Kiểm kê"))
    _at(context, datetime(2026, 11, 26, 9, 30, tzinfo=VN_TZ))  # a Thursday morning, in hours
    kiosk = _kiosk(qtbot, context, lambda k: k.opening is not None)
    notice = _named(kiosk, QLabel, "hoursNotice")
    assert notice.isVisibleTo(kiosk) and "27/11/2026" in notice.text()
    assert not any(b.isEnabled() for b in kiosk.area_buttons)

    board = DisplayWindow(display_parts(context, None))
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitExposed(board)
    wait_until(lambda: board.opening is not None, 10_000, "the board's office hours")
    qtbot.wait(100)  # laid out and fitted
    heading = board.board.title.plain_text()
    assert heading != "ĐANG PHỤC VỤ" and heading == board.tr("THE OFFICE IS CLOSED TODAY")
    said = board.board.empty.plain_text()
    assert board.board.body.currentWidget() is board.board.empty and said
    assert moment_text(datetime(2026, 11, 27, 7, 30, tzinfo=VN_TZ)) in said  # when it opens again
    assert "02/12/2026" in board.notice.text() and "26/11/2026" not in board.notice.text()
    assert cut_off(board) == []  # every word whole on the TV
    shot(board, "hk2-2")

    # Friday morning the office is open again: the board serves as usual.
    _at(context, datetime(2026, 11, 27, 8, 0, tzinfo=VN_TZ))
    board.check_opening()  # the board reads the hours again every minute
    wait_until(lambda: board.board.title.plain_text() == "ĐANG PHỤC VỤ", 10_000, "the board open again")
    assert board.board.closed_text is None
