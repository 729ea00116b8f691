"""The display board on the TV: office name, clock, the numbers being served, a scrolling notice.

Calls made on any PC appear within a second: the board asks the database for calls newer than
the last it saw every half second. A short poll rather than PostgreSQL's LISTEN/NOTIFY, because
it works the same on SQLite, needs no connection held open across network blips, and costs one
indexed query; ``called`` hands each new call, in order, to the voice. The whole picture (tiles,
latest calls, how many wait in each area) is read again after every call and every 3 s: a ticket
issued at the kiosk, finished or transferred makes no call.

The board fills whatever it is given: the TV in full screen (``display.full_screen``, set by the
launcher) or a window. Its parts are shares of that size, and every text fits its part.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.announcement import CallAnnouncer
from counter_app.domain.calendar import VN_TZ
from counter_app.failures import classify
from counter_app.services.calendar import CalendarService
from counter_app.services.queue import BoardState, CallView, Opening, QueueService
from counter_app.ui.common.formatting import moment_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import Clock
from counter_app.ui.display.board import Board, BoardTexts
from counter_app.ui.display.fit import MIN_PX, FitLabel
from counter_app.ui.display.marquee import Marquee
from counter_app.ui.theme import BOARD_NAVY

log = logging.getLogger(__name__)
POLL_MS = 500
FULL_REFRESH_EVERY = 6  # polls: finishing a ticket makes no call, so the tiles are re-read every 3 s
OPENING_EVERY = 120  # polls: office hours and days off, read again every minute (as the kiosk does)
REPEAT_LOG_S = 60.0


@dataclass
class DisplayParts:
    """What the board uses: the queue to read, the calendar for the notice, the office's name and
    the voice (``None`` when calls are only shown). Built by the launcher."""

    queue: QueueService
    calendar: CalendarService
    office_name: str
    announcer: CallAnnouncer | None


class DisplayWindow(QMainWindow):
    """Unattended: nothing here opens a dialog. A failure is logged and the last picture stays."""

    REFERENCE_SIZE = (1920, 1080)
    MINIMUM_SIZE = (640, 360)
    HEADER, BOARD, NOTICE = 10, 83, 7  # shares of the screen's height
    called = Signal(object)  # CallView, each new call in order
    board_shown = Signal(object)  # BoardState

    def __init__(self, parts: DisplayParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = parts.queue
        self.calendar = parts.calendar
        self.tasks = TaskRunner(self)
        self.announcer = parts.announcer
        self.last_call_id: int | None = None  # None until the first read: old calls are not re-announced
        self._polls = 0
        self.opening: Opening | None = None  # the office's doors, once read
        self._last_failure = ""  # what went wrong last, until a read succeeds again
        self._last_failure_at = 0.0
        self.setWindowTitle(parts.office_name)
        self.setStyleSheet(f"QMainWindow {{ background: {BOARD_NAVY}; }} QLabel {{ color: white; }}")

        self.office = FitLabel(
            parts.office_name,
            bold=True,
            fill=0.8,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            max_lines=2,  # "Ủy ban nhân dân xã …, huyện … – Bộ phận Tiếp nhận và Trả kết quả"
        )
        self.clock = Clock(with_date=True)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.header = QWidget()
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        header = QHBoxLayout(self.header)
        header.setContentsMargins(30, 4, 30, 0)
        header.setSpacing(30)
        header.addWidget(self.office, 1)
        header.addWidget(self.clock)

        self.board = Board(
            BoardTexts(
                heading=self.tr("NOW SERVING"),
                counter=self.tr("Counter %1"),
                latest_calls=self.tr("Latest calls"),
                empty=self.tr("No number has been called yet.\nPlease take a ticket at the kiosk."),
                waiting_at_counter=self.tr("Counter %1 (waiting)"),
                waiting_in_area=self.tr("Area %1 (waiting)"),
                area=self.tr("Area %1 – %2"),
                area_waiting=self.tr("%1 waiting"),
            )
        )
        self.empty = self.board.empty
        self.notice = Marquee(self.default_notice())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header, self.HEADER)
        layout.addWidget(self.board, self.BOARD)
        layout.addWidget(self.notice, self.NOTICE)
        self.setCentralWidget(central)
        self.setMinimumSize(*self.MINIMUM_SIZE)
        self.resize(*self._first_size())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(POLL_MS)
        self.refresh()
        self.check_opening()

    def _first_size(self) -> tuple[int, int]:
        """The TV's size, or less in a window on a smaller screen (full screen fills whatever it is)."""
        width, height = self.REFERENCE_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return width, height
        free = screen.availableGeometry()
        return (
            max(self.MINIMUM_SIZE[0], min(width, free.width())),
            max(self.MINIMUM_SIZE[1], min(height, free.height())),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The clock is the common one, a plain label: its size follows the header's height here.
        font = QFont(self.clock.font())
        px = max(MIN_PX, int(self.height() * self.HEADER / 100 * 0.36))
        if font.pixelSize() != px:
            font.setPixelSize(px)
            self.clock.setFont(font)

    def refresh(self) -> None:
        self.tasks.run(self.queue.board, self._show_board, self._failed, key="board")

    def poll(self) -> None:
        if self.tasks.busy("board") or self.tasks.busy("poll"):
            return  # a slow database: wait for the read under way rather than pile reads up
        self._polls += 1
        if self._polls % OPENING_EVERY == 0:
            self.check_opening()
        if self.last_call_id is None or self._polls % FULL_REFRESH_EVERY == 0:
            self.refresh()
            return
        last = self.last_call_id
        self.tasks.run(lambda: self.queue.calls_since(last), self._new_calls, self._failed, key="poll")

    def check_opening(self) -> None:
        """Open or closed, from the same source as the kiosk (the queue's clock and the working
        calendar with the office's own days off): the board never says “now serving” on a day off."""
        if not self.tasks.busy("opening"):
            self.tasks.run(self.queue.opening, self._show_opening, self._failed, key="opening")

    def _show_opening(self, opening: Opening) -> None:
        self.opening = opening
        if opening.open or opening.opens_today:  # open, or lunch and early morning: the day goes on
            self.board.show_closed(None)
        else:
            today = self.queue.clock().astimezone(VN_TZ).date()
            self.board.show_closed(
                self.tr("THE OFFICE IS CLOSED FOR THE DAY")
                if self.calendar.calendar().is_working_day(today)  # after closing time
                else self.tr("THE OFFICE IS CLOSED TODAY"),  # a day off, the office's own or a holiday
                self.tr("The office opens again at %1.").replace("%1", moment_text(opening.opens_at)),
            )
        notice = self.default_notice()
        if notice != self.notice.text():
            self.notice.set_text(notice)

    def _show_board(self, state: BoardState) -> None:
        try:
            if self.last_call_id is None:
                self.last_call_id = state.last_call_id
            self.board.show_state(state)
        except Exception as exc:  # a bug in drawing: logged, never a dialog on the TV
            self._failed(exc)
            return
        self._recovered()
        self.board_shown.emit(state)

    def _new_calls(self, calls: list[CallView]) -> None:
        if not calls or self.last_call_id is None:
            return
        self.last_call_id = calls[-1].id
        try:
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
        except Exception as exc:
            self._failed(exc)
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        if self.announcer is not None:
            self.announcer.stop(timeout=1.0)
        super().closeEvent(event)

    def _failed(self, exc: BaseException) -> None:
        """A TV has nobody to click a dialog: keep showing the last state and try again next poll.

        Never ``show_failure``: it opens a box unless the whole process was marked unattended,
        and a board may share its process with a counter (tests, a second monitor). The same
        failure twice a second all day would bury the log: it is written again once a minute.
        """
        bug = classify(exc).is_bug
        what = f"{type(exc).__name__}: {exc}"
        now = time.monotonic()
        if what == self._last_failure and now - self._last_failure_at < REPEAT_LOG_S:
            return
        self._last_failure, self._last_failure_at = what, now
        log.log(
            logging.ERROR if bug else logging.WARNING,
            "display board could not read the queue or show it: %s",
            what,
            exc_info=(type(exc), exc, exc.__traceback__) if bug else None,
        )

    def _recovered(self) -> None:
        if self._last_failure:
            log.info("display board shows the queue again")
            self._last_failure = ""

    def default_notice(self) -> str:
        """Opening hours from the working calendar, and the next day off if it is soon."""
        hours = self.calendar.hours
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
        calendar = self.calendar.calendar()
        today = self.queue.clock().astimezone(VN_TZ).date()  # the kiosk's clock: they agree on the day
        holiday_said = False  # the first day of a holiday is enough: Tết would fill the band
        for offset in range(1, 15):
            day = today + timedelta(days=offset)
            if calendar.is_working_day(day):
                continue
            if calendar.holiday_name(day):
                if not holiday_said:
                    text += "     " + self.tr("The office is closed on %1 (public holiday).").replace(
                        "%1", day.strftime("%d/%m/%Y")
                    )
                holiday_said = True
            elif day.weekday() < 5:  # a weekday off set by the office (weekends go without saying)
                text += "     " + self.tr("The office is closed on %1.").replace(
                    "%1", day.strftime("%d/%m/%Y")
                )
        return text
