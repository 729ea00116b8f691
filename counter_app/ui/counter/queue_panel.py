"""The clerk's queue panel: the ticket now being served. Ticketing itself comes with the queue feature."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget


class QueuePanel(QGroupBox):
    def __init__(self, counter_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Counter %1").replace("%1", str(counter_number)))
        self.current = QLabel("—")
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(40)
        font.setBold(True)
        self.current.setFont(font)
        caption = QLabel(self.tr("Number being served"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel(self.tr("The ticket queue is not switched on for this counter yet."))
        self.state.setWordWrap(True)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.current)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.setMinimumWidth(260)
