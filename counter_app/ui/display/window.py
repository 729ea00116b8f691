"""The display board on the TV: office name, clock, the numbers being served, a scrolling notice."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from counter_app.app import AppContext
from counter_app.domain.calendar import now_vn
from counter_app.ui.common.widgets import Clock


class Marquee(QWidget):
    """Text that scrolls right to left, for notices longer than the screen."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._x = 40
        font = QFont(self.font())
        font.setPointSize(26)
        self.setFont(font)
        self.setMinimumHeight(QFontMetrics(font).height() + 24)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._step)
        self._timer.start(30)

    def set_text(self, text: str) -> None:
        self._text = text
        self._x = 40
        self.update()

    def text(self) -> str:
        return self._text

    def _step(self) -> None:
        self._x -= 2
        if self._x < -QFontMetrics(self.font()).horizontalAdvance(self._text):
            self._x = self.width()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.setPen(Qt.GlobalColor.yellow)
        painter.drawText(self._x, 0, 100_000, self.height(), Qt.AlignmentFlag.AlignVCenter, self._text)


class DisplayWindow(QMainWindow):
    REFERENCE_SIZE = (1920, 1080)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
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
        self.board = QGridLayout()
        self.board.setSpacing(20)
        self.empty = QLabel(self.tr("No number has been called yet.\nPlease take a ticket at the kiosk."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 36pt; color: #cfd8dc;")
        self.board.addWidget(self.empty, 0, 0)

        self.notice = Marquee(self.default_notice())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(title)
        layout.addLayout(self.board, 1)
        layout.addWidget(self.notice)
        self.setCentralWidget(central)
        self.resize(*self.REFERENCE_SIZE)

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
