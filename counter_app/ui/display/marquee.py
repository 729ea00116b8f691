"""A notice that scrolls right to left, for texts longer than the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


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
