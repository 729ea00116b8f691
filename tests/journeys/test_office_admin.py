"""Journeys: the office head marks an extra day off in the working calendar, and the administrator
locks the account of a clerk who left. Both dialogs read and write off the GUI thread."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from counter_app.domain.calendar import now_vn
from counter_app.ui.admin.accounts_dialog import AccountsDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.counter.controller import CounterController
from tests.journeys.counter_steps import click_table_row, table_row_with, type_text
from tests.journeys.helpers import choose_from_menu, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count


def _signed_in(qtbot, context, username: str) -> CounterController:
    controller = CounterController(context)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.set_actor(context.staff.find(username))  # signed in: see the sign-in journey
    return controller


def _next_weekday(start: date) -> date:
    day = start + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture
def pc_clock_in_another_day(monkeypatch):
    """The PC's clock zone on another date than Vietnam's right now (a PC left on UTC, or abroad)."""
    zone = "Pacific/Pago_Pago" if now_vn().hour < 17 else "Pacific/Kiritimati"  # UTC−11 or UTC+14
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert date.today() != now_vn().date()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_head_marks_a_storm_day_off_and_it_is_no_working_day(
    qtbot, context, modals, pc_clock_in_another_day
):
    controller = _signed_in(qtbot, context, "lanhdao")
    storm = _next_weekday(now_vn().date() + timedelta(days=10))
    seen: list[str] = []

    def add_the_storm_day(dialog: QWidget) -> None:
        assert isinstance(dialog, CalendarDialog), describe(dialog)
        seen.append(dialog.day.text())  # the day it opens on: Vietnam's today, as the header says
        wait_until(lambda: dialog.holidays.count() > 10, 10_000, "the public holidays listed")
        # A click on the day selects its first part; the digits fill day, month and year in turn.
        QTest.mouseDClick(
            dialog.day.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.day.height() // 2)
        )
        QTest.keyClicks(dialog.day, storm.strftime("%d%m%Y"))
        type_text(dialog.note, "Bão số 3, Quyết định 12/QĐ-UBND")
        click(find_button(dialog, "Thêm"))
        wait_until(lambda: row_count(dialog.table) == 1, 10_000, "the day in the office's list")
        seen.append(cell(dialog.table, 0, 0))
        seen.append(cell(dialog.table, 0, 2))
        click(find_button(dialog, "Đóng"))

    modals.expect(add_the_storm_day)
    choose_from_menu(controller.window, "Hệ thống", "Lịch làm việc…")
    wait_until(lambda: modals.pending == 0 and len(seen) == 3, 20_000, "the calendar closed")
    assert seen == [
        now_vn().strftime("%d/%m/%Y"),
        storm.strftime("%d/%m/%Y"),
        "Bão số 3, Quyết định 12/QĐ-UBND",
    ]
    assert not context.calendar.calendar().is_working_day(storm)


def test_the_administrator_locks_a_clerk_who_left(qtbot, context, modals):
    controller = _signed_in(qtbot, context, "quantri")
    states: list[str] = []

    def lock_the_clerk(dialog: QWidget) -> None:
        assert isinstance(dialog, AccountsDialog), describe(dialog)
        wait_until(lambda: row_count(dialog.table) == 3, 10_000, "the accounts listed")
        click_table_row(dialog.table, table_row_with(dialog.table, "canbo"))
        click(find_button(dialog, "Khóa"))
        wait_until(
            lambda: cell(dialog.table, table_row_with(dialog.table, "canbo"), 3) == "Đã khóa",
            10_000,
            "the clerk's account locked",
        )
        states.append(dialog.lock_button.text())
        click(find_button(dialog, "Đóng"))

    modals.expect(lock_the_clerk)
    choose_from_menu(controller.window, "Hệ thống", "Tài khoản cán bộ…")
    wait_until(lambda: modals.pending == 0 and states, 20_000, "the accounts closed")
    assert states == ["Mở khóa"]  # the same clerk is still the one chosen
    assert context.staff.find("canbo") is None  # a locked account cannot sign in
