"""A touch PIN pad: how staff leave the kiosk. No keyboard, no system dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from counter_app.ui.kiosk.widgets import big_button
from counter_app.ui.theme import KIOSK_RED, NAVY

MAX_DIGITS = 8


class PinPad(QWidget):
    entered = Signal(str)  # the PIN typed, on OK
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pin = ""
        self.dots = QLabel()
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setStyleSheet(f"font-size: 48pt; color: {NAVY}; letter-spacing: 12px;")
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"font-size: 22pt; color: {KIOSK_RED}; font-weight: bold;")
        grid = QGridLayout()
        grid.setSpacing(18)
        self.digit_buttons: dict[str, QWidget] = {}
        for i, digit in enumerate("123456789"):
            self._add(grid, digit, i // 3, i % 3)
        self.clear_button = big_button(self.tr("Clear"), 24, 110, "secondary")
        # Not connected to clear() itself: clicked(bool) would hand it False as the message.
        self.clear_button.clicked.connect(lambda: self.clear())
        grid.addWidget(self.clear_button, 3, 0)
        self._add(grid, "0", 3, 1)
        self.ok_button = big_button(self.tr("OK"), 24, 110, "priority")
        self.ok_button.clicked.connect(lambda: self.entered.emit(self.pin))
        grid.addWidget(self.ok_button, 3, 2)
        cancel = big_button(self.tr("Cancel"), 22, 90, "back")
        cancel.clicked.connect(self.cancelled.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addWidget(cancel)
        layout.addStretch(1)

    def _add(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        button = big_button(digit, 36, 110)
        button.setStyleSheet("text-align: center;")
        button.clicked.connect(lambda: self.press(digit))
        self.digit_buttons[digit] = button
        grid.addWidget(button, row, column)

    def press(self, digit: str) -> None:
        if len(self.pin) < MAX_DIGITS:
            self.pin += digit
            self.dots.setText("●" * len(self.pin))

    def clear(self, message: str = "") -> None:
        self.pin = ""
        self.dots.setText("")
        self.message.setText(message)
