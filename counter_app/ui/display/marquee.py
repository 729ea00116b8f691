"""A notice that scrolls right to left, whole, however long it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QElapsedTimer, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QStaticText
from PySide6.QtWidgets import QSizePolicy, QWidget

from counter_app.ui.display.fit import MIN_PX, fitting_pixel_size
from counter_app.ui.theme import BOARD_YELLOW, MARQUEE_BACKGROUND

FRAME_MS = 30
SPEED = 2.2  # font heights a second: three or four letters, slow enough for elderly readers
START_X = 40  # a new notice starts near the left edge, its first words readable at once
FILL = 0.7  # of the strip's height: the rest is the black band around the letters
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class Marquee(QWidget):
    """The text is drawn from its left end without a bounding box, one pass at a time.

    A box cuts a long notice mid-way (the old 100 000-pixel one did, at about 5 000 letters); a
    pass starts again at the right edge only once its last letter has left on the left, so two
    passes never overlap. The position follows the clock rather than counting the timer's ticks:
    a busy PC makes the movement less smooth, not the notice slower.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(24)
        self._text = ""
        self._static = QStaticText()
        self._static.setTextFormat(Qt.TextFormat.PlainText)
        self._width = 0.0  # the text's length in pixels at the current font
        self._x = float(START_X)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self.set_text(text)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(FRAME_MS)

    def set_text(self, text: str) -> None:
        # One line: a line break would stack a second line on the first inside the band.
        self._text = _LINE_BREAKS.sub("   ", text.strip())
        self._static.setText(self._text)
        self._measure()
        self._x = float(START_X)
        self.update()

    def text(self) -> str:
        return self._text

    def position(self) -> float:
        """Where the text's first letter is now, in pixels from the left edge (negative: gone past)."""
        return self._x

    def text_width(self) -> float:
        return self._width

    def advance(self, pixels: float) -> None:
        """Move the text left; once its last letter has left the screen it comes in again on the right."""
        self._x -= pixels
        if self._x + self._width < 0:
            self._x = float(self.width())
        self.update()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        elapsed, self._last = now - self._last, now
        # A stalled event loop (a slow database read) must not make the text jump a screen ahead.
        self.advance(min(elapsed, 250) / 1000 * SPEED * self.font().pixelSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        font = QFont(self.font())
        px = fitting_pixel_size(font, self._text or "Ầ", -1, int(self.height() * FILL)) or MIN_PX
        if px != font.pixelSize():
            font.setPixelSize(px)
            self.setFont(font)
            self._measure()

    def _measure(self) -> None:
        self._static.prepare(font=self.font())
        self._width = float(QFontMetrics(self.font()).horizontalAdvance(self._text))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(MARQUEE_BACKGROUND))
        painter.setPen(QColor(BOARD_YELLOW))
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        top = (self.height() - metrics.height()) / 2
        painter.drawStaticText(QPointF(self._x, top), self._static)
