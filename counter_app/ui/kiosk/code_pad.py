"""A touch keypad for a receipt code that will not scan: there is no keyboard at a kiosk.

Only the characters dossier codes are made of: digits, the dot and dash of the agency code and
the date, and the letters of the office's own agency code (every dossier code of the office starts
with it). Large keys, one tap each; the typed code shows in the field above the pad.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from counter_app.ui.kiosk.widgets import big_button

COLUMNS = 5


def code_letters(office_code: str) -> list[str]:
    """The letters a dossier code of this office can hold: those of its agency code (H in …H56)."""
    return sorted({c for c in office_code.upper() if c.isalpha() and c.isascii()})


class CodePad(QWidget):
    pressed = Signal(str)  # one character typed
    erased = Signal()  # the last character taken back
    search = Signal()

    def __init__(self, letters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(14)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for i, char in enumerate([*"1234567890", ".", "-", *letters]):
            key = big_button(char, 36, 120)
            key.setObjectName(f"codeKey_{char}")  # found by what it types
            key.setStyleSheet("text-align: center;")
            key.clicked.connect(lambda _=False, c=char: self.pressed.emit(c))
            self.keys[char] = key
            grid.addWidget(key, i // COLUMNS, i % COLUMNS)
        row = (len(self.keys) + COLUMNS - 1) // COLUMNS
        self.erase_button = big_button(self.tr("⌫ Delete"), 28, 120, "secondary")
        self.erase_button.setObjectName("codeErase")
        self.erase_button.clicked.connect(self.erased.emit)
        self.search_button = big_button(self.tr("Search"), 30, 120, "priority")
        self.search_button.setObjectName("codeSearch")
        self.search_button.clicked.connect(self.search.emit)
        grid.addWidget(self.erase_button, row, 0, 1, 2)
        grid.addWidget(self.search_button, row, 2, 1, COLUMNS - 2)
