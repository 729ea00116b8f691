"""The activity log, for the office head and the administrator: who changed the set-up, and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.audit import NO_ONE_SIGNED_IN, AuditEntry
from counter_app.domain.staff import StaffMember
from counter_app.services.audit import AuditService
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text, tr_domain


class ActivityDialog(QDialog):
    def __init__(self, audit: AuditService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(980, 560)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Person"), self.tr("What was done")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.summary = QLabel(self.tr("Loading…"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(lambda: self.audit.recent(self.actor), self._show, self._failed, key="load")

    def _show(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            person = entry.staff_name or tr_domain(NO_ONE_SIGNED_IN)
            texts = (entry.at.strftime("%H:%M  %d/%m/%Y"), person, domain_text(entry.describe()).strip())
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long entry is cut at the window's edge
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.summary.setText(self.tr("The %n newest entries.", "", len(entries)))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        show_failure(self, exc)
