"""Small widgets shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.domain.calendar import VN_TZ

_offset = VN_TZ.utcoffset(None)
assert _offset is not None
VN_OFFSET_SECONDS = int(_offset.total_seconds())


class Clock(QLabel):
    """The time and date, updated every second."""

    def __init__(self, parent: QWidget | None = None, *, with_date: bool = True) -> None:
        super().__init__(parent)
        self.with_date = with_date
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self.refresh()

    def refresh(self) -> None:
        # Vietnam time whatever the PC's zone (no DST in Vietnam).
        now = QDateTime.currentDateTimeUtc().toOffsetFromUtc(VN_OFFSET_SECONDS)
        fmt = "HH:mm  dddd, dd/MM/yyyy" if self.with_date else "HH:mm"
        self.setText(QLocale().toString(now, fmt))
