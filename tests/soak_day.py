"""An office's day in one process: the kiosk, two counters and the display board over one database.

Shared by the compressed soak test (tests/test_soak.py: hundreds of tickets and a change of day
in a few minutes) and ``make soak`` (bench/soak.py: the same in real time for SOAK_HOURS).

Tickets go through the windows' own buttons: the kiosk's area buttons, the counters' "call the
next number" and "finished". Dossiers are received and returned through the services, and the
counters' dossier lists refresh as they do after a sync. The display board polls throughout.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import psutil
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from counter_app.app import AppContext, build_context
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.lifecycle import Decision, DecisionOutcome
from counter_app.domain.reception import IdKind, PaymentMeans
from counter_app.paths import AppPaths
from counter_app.settings import Settings
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import counter_parts, display_parts, kiosk_parts
from tests.journeys.helpers import demo_receipt, wait_until


class ShiftedClock:
    """The office's clock for the day: real time, or real time sped up from a chosen start."""

    def __init__(self, start: datetime, speed: float) -> None:
        self.start = start
        self.speed = speed
        self.real_start = time.monotonic()
        self.jump = timedelta()

    def __call__(self) -> datetime:
        elapsed = (time.monotonic() - self.real_start) * self.speed
        return self.start + self.jump + timedelta(seconds=elapsed)

    def advance_to(self, moment: datetime) -> None:
        self.jump += moment - self()


@dataclass
class Sample:
    label: str
    rss_mb: float
    none_refs: int
    threads: int
    open_files: int
    qt_objects: int


@dataclass
class DayReport:
    tickets_issued: int = 0
    calls: int = 0
    dossiers_received: int = 0
    dossiers_returned: int = 0
    samples: list[Sample] = field(default_factory=list)
    labels_after_midnight: list[str] = field(default_factory=list)
    board_after_midnight: int = -1


def _process_fds(process: psutil.Process) -> int:
    try:
        return int(process.num_fds() if hasattr(process, "num_fds") else process.num_handles())
    except psutil.Error:
        return -1


class OfficeDay:
    """The windows of a small office, driven as their people drive them."""

    def __init__(self, home: Path, clock: ShiftedClock) -> None:
        self.clock = clock
        self.process = psutil.Process(os.getpid())
        self.contexts: list[AppContext] = []
        paths = AppPaths.resolve(home)
        for counter_number in (1, 2):
            settings = Settings()
            settings.counter_number = counter_number
            settings.voice.enabled = False  # no sound card in CI; the voice has its own tests
            settings.kiosk.full_screen = False
            self.contexts.append(build_context(paths, settings, demo=True))
        for context in self.contexts:
            context.queue.clock = clock
        main = self.contexts[0]
        self.kiosk = KioskWindow(kiosk_parts(main))
        self.display = DisplayWindow(display_parts(main, None))
        self.counters = [CounterWindow(counter_parts(context)) for context in self.contexts]
        clerk = main.staff.find("canbo")
        assert clerk is not None
        self.clerk = clerk
        for counter in self.counters:
            counter.set_actor(clerk)
        for window in (self.kiosk, self.display, *self.counters):
            window.show()
        self.report = DayReport()
        self._area = 0

    # --- the people ----------------------------------------------------------------------------

    def pump(self, ms: int) -> None:
        QTest.qWait(ms)

    def citizen_takes_a_ticket(self) -> None:
        kiosk = self.kiosk
        wait_until(lambda: bool(kiosk.area_buttons) and not kiosk.issuing, 10_000, "the kiosk's areas")
        issued_before = kiosk.shown_ticket
        button = kiosk.area_buttons[self._area % len(kiosk.area_buttons)]
        self._area += 1
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_until(lambda: kiosk.shown_ticket is not issued_before, 10_000, "a ticket")
        QTest.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
        self.report.tickets_issued += 1

    def clerk_calls_the_next(self, which: int) -> None:
        panel = self.counters[which].queue
        if panel.ticket is not None and panel.finish_button.isEnabled():
            self._click_and_wait(panel.finish_button, panel)
        if panel.next_button.isEnabled():
            self._click_and_wait(panel.next_button, panel)
            if panel.ticket is not None:
                self.report.calls += 1

    def _click_and_wait(self, button: QPushButton, panel: object) -> None:
        done: list[object] = []
        signal = panel.ticket_changed  # type: ignore[attr-defined]
        signal.connect(done.append)
        try:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            wait_until(lambda: bool(done), 10_000, f"“{button.text()}” to finish")
        finally:
            signal.disconnect(done.append)

    def dossier_comes_and_goes(self) -> None:
        """A dossier received, taken through its steps and returned; the clerks' lists follow."""
        context = self.contexts[0]
        steps = context.steps
        record = context.intake.receive(self.clerk, demo_receipt(context, self.report.dossiers_received))
        self.report.dossiers_received += 1
        steps.hand_over(self.clerk, record.id, "Công chức Tư pháp - Hộ tịch")
        record = steps.record_decision(
            self.clerk, record.id, Decision("1/QĐ-UBND", now_vn().date(), DecisionOutcome.APPROVED)
        )
        steps.return_result(
            self.clerk,
            record.id,
            collected_by=record.applicant.name,
            id_kind=IdKind.CCCD,
            id_value=record.applicant.id_number,
            payment_means=PaymentMeans.CASH,
        )
        self.report.dossiers_returned += 1
        for window in self.counters:
            window.dossiers.refresh()

    # --- the day -------------------------------------------------------------------------------

    def sample(self, label: str) -> Sample:
        QThreadPool.globalInstance().waitForDone(10_000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        qt_objects = sum(1 for _ in QApplication.allWidgets())
        sample = Sample(
            label,
            self.process.memory_info().rss / 2**20,
            sys.getrefcount(None),
            threading.active_count(),
            _process_fds(self.process),
            qt_objects,
        )
        self.report.samples.append(sample)
        return sample

    def run(
        self,
        *,
        steps: int,
        step_ms: int,
        minutes_per_step: float,
        on_step: Callable[[int], None] | None = None,
        midnight_at: int | None = None,
        dossier_every: int = 20,
        first_step: int = 0,
    ) -> DayReport:
        """``steps`` rounds: a ticket, a call at one counter, now and then a dossier."""
        for step in range(first_step, first_step + steps):
            if midnight_at is not None and step - first_step == midnight_at:
                self.cross_midnight()
            self.citizen_takes_a_ticket()
            self.clerk_calls_the_next(step % 2)
            if step % dossier_every == dossier_every // 2:
                self.dossier_comes_and_goes()
            self.pump(step_ms)
            if minutes_per_step:
                self.clock.advance_to(self.clock() + timedelta(minutes=minutes_per_step))
            if on_step is not None:
                on_step(step)
        return self.report

    def cross_midnight(self) -> None:
        """Vietnam's midnight: tomorrow's numbers start again and yesterday's calls leave the board."""
        today = self.clock().astimezone(VN_TZ).date()
        tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=VN_TZ)
        self.clock.advance_to(tomorrow + timedelta(hours=7, minutes=30))
        self.pump(4_000)  # the board re-reads its tiles every 3 s
        board = self.display.board
        self.report.board_after_midnight = len(board.recent_text()) + sum(
            1 for tile in board.tiles.values() if tile.number.text() not in ("", "—")
        )
        self.citizen_takes_a_ticket()
        assert self.kiosk.shown_ticket is not None
        self.report.labels_after_midnight.append(self.kiosk.shown_ticket.ticket.label)

    def close(self) -> None:
        for window in (self.kiosk, *self.counters, self.display):
            self.kiosk.locked = False
            window.close()
            window.deleteLater()
        QThreadPool.globalInstance().waitForDone(10_000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for context in self.contexts:
            context.close()


def office_morning(day: date | None = None) -> datetime:
    """07:30 on a working day: the soak's day starts when the office opens."""
    day = day or datetime.now(VN_TZ).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time(), tzinfo=VN_TZ) + timedelta(hours=7, minutes=30)
