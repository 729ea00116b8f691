"""The display board on the TV: office name, clock, the numbers being served, a scrolling notice.

Calls made on any PC appear within a second: the board asks the database for calls newer than
the last it saw every half second. A short poll rather than PostgreSQL's LISTEN/NOTIFY, because
it works the same on SQLite, needs no connection held open across network blips, and costs one
indexed query; ``called`` hands each new call, in order, to the voice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from counter_app.app import AppContext
from counter_app.devices.audio import Announcer
from counter_app.domain.calendar import now_vn
from counter_app.paths import resources_dir
from counter_app.services.queue import BoardState, CallView
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import Clock
from counter_app.ui.display.board import Board
from counter_app.ui.display.marquee import Marquee

log = logging.getLogger(__name__)
POLL_MS = 500
FULL_REFRESH_EVERY = 6  # polls: finishing a ticket makes no call, so the tiles are re-read every 3 s


class DisplayWindow(QMainWindow):
    REFERENCE_SIZE = (1920, 1080)
    called = Signal(object)  # CallView, each new call in order
    board_shown = Signal(object)  # BoardState

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, announcer: Announcer | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = TaskRunner(self)
        voice = context.settings.voice
        if announcer is None and voice.enabled:
            announcer = Announcer.for_this_computer(resources_dir() / "sounds" / "vi", voice.wording)
        self.announcer = announcer
        self.last_call_id: int | None = None  # None until the first read: old calls are not re-announced
        self._polls = 0
        self.setWindowTitle(context.settings.office.name)
        self.setStyleSheet("QMainWindow { background: #0a1f44; } QLabel { color: white; }")

        office = QLabel(context.settings.office.name)
        office.setStyleSheet("font-size: 34pt; font-weight: bold;")
        office.setWordWrap(True)
        self.clock = Clock(with_date=True)
        self.clock.setStyleSheet("font-size: 28pt;")
        header = QHBoxLayout()
        header.setContentsMargins(40, 24, 40, 24)
        header.addWidget(office, 1)
        header.addWidget(self.clock)

        title = QLabel(self.tr("NOW SERVING"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 40pt; font-weight: bold; color: #ffd54f; padding: 10px;")
        self.board = Board(self.tr("Counter %1"), self.tr("Latest calls"))
        self.empty = QLabel(self.tr("No number has been called yet.\nPlease take a ticket at the kiosk."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 36pt; color: #cfd8dc;")

        self.notice = Marquee(self.default_notice())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(title)
        layout.addWidget(self.board, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.notice)
        self.setCentralWidget(central)
        self.resize(*self.REFERENCE_SIZE)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(POLL_MS)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(self.context.queue.board, self._show_board, self._failed, key="board")

    def poll(self) -> None:
        self._polls += 1
        if self.last_call_id is None or self._polls % FULL_REFRESH_EVERY == 0:
            self.refresh()
            return
        last = self.last_call_id
        self.tasks.run(
            lambda: self.context.queue.calls_since(last), self._new_calls, self._failed, key="poll"
        )

    def _show_board(self, state: BoardState) -> None:
        if self.last_call_id is None:
            self.last_call_id = state.last_call_id
        self.board.show_state(state)
        nothing = not state.serving and not state.recent
        self.board.setVisible(not nothing)
        self.empty.setVisible(nothing)
        self.board_shown.emit(state)

    def _new_calls(self, calls: list[CallView]) -> None:
        if not calls or self.last_call_id is None:
            return
        self.last_call_id = calls[-1].id
        for call in calls:
            self.called.emit(call)
            if self.announcer is not None:
                self.announcer.announce(call.label, call.counter_number)
        newest = calls[-1]
        self.board.highlight(
            newest,
            self.tr("Number %1, please come to counter %2")
            .replace("%1", newest.label)
            .replace("%2", str(newest.counter_number)),
        )
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        if self.announcer is not None:
            self.announcer.stop(timeout=1.0)
        super().closeEvent(event)

    def _failed(self, exc: BaseException) -> None:
        # A TV has nobody to click a dialog: keep showing the last state and try again next poll.
        log.warning("display board could not read the queue: %s", exc)

    def default_notice(self) -> str:
        """Opening hours from the working calendar, and the next day off if it is soon."""
        hours = self.context.calendar.hours
        text = self.tr(
            "Working hours: Monday to Friday, %1–%2 and %3–%4. Dossiers received after %5 are "
            "counted from the next working day."
        )
        for i, moment in enumerate(
            (
                hours.morning_start,
                hours.morning_end,
                hours.afternoon_start,
                hours.afternoon_end,
                hours.cutoff,
            ),
            1,
        ):
            text = text.replace(f"%{i}", moment.strftime("%H:%M"))
        calendar = self.context.calendar.calendar()
        today = now_vn().date()
        for offset in range(1, 15):
            day = today + timedelta(days=offset)
            name = calendar.holiday_name(day)
            if name and not calendar.is_working_day(day):
                text += "     " + self.tr("The office is closed on %1 (public holiday).").replace(
                    "%1", day.strftime("%d/%m/%Y")
                )
                break
        return text
