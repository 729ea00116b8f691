"""The first-run wizard's last page: what Finish will save, and the wait while it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from counter_app.ui.setup_pages.base import SetupPage

Rows = list[tuple[str, str]]


class SummaryPage(SetupPage):
    def __init__(
        self, rows: Callable[[], Rows], note: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Ready to save"),
            self.tr(
                "Check what will be saved: Back returns to the earlier pages, "
                "Finish saves everything at once."
            ),
            parent,
        )
        self.rows = rows
        self.note_text = note
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setObjectName("roleNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy the command
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # no steps to count: it moves while the work goes on
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("setupStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(10)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.page_error)

    def initializePage(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in self.rows():
            shown = QLabel(value)
            shown.setWordWrap(True)
            # Room above the line: a wrapped label is cut at the font's ascent, and the hook of a
            # capital Ủ or the second mark of Ầ rises above it ("Ủy ban" read as "Uy ban").
            shown.setContentsMargins(0, 3, 0, 0)
            self.form.addRow(label, shown)
        self.note.setText(self.note_text())
        self.note.setVisible(bool(self.note.text()))

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.status.setText(
            self.tr(
                "Saving: the settings, the office, its areas and counters, the catalogue and the accounts. "
                "This takes a few seconds."
            )
            if busy
            else ""
        )
