"""The activity log, for the office head and the administrator: who changed the set-up, and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.audit import NO_ONE_SIGNED_IN, AuditEntry
from counter_app.domain.staff import StaffMember
from counter_app.services.audit import AuditService
from counter_app.ui.common.table_model import Column, RowModel, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.i18n import domain_text, tr_domain


class ActivityDialog(QDialog):
    def __init__(self, audit: AuditService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(980, 560)
        # Each cell's tooltip is its text: a long entry is cut at the window's edge.
        self.model: RowModel[AuditEntry] = RowModel(
            [
                Column(self.tr("Time"), _time, tooltip=_time),
                Column(self.tr("Person"), _person, tooltip=_person),
                Column(self.tr("What was done"), _what, tooltip=_what),
            ]
        )
        self.table = table_view(self.model, rows=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
        self.tasks.run(
            lambda: self.audit.recent(self.actor),
            self._show,
            key="load",
            always=self.summary.clear,  # "Loading…" goes, whatever the outcome
        )

    def _show(self, entries: list[AuditEntry]) -> None:
        self.model.set_rows(entries)
        self.table.resizeRowsToContents()
        self.summary.setText(self.tr("The %n newest entries.", "", len(entries)))


def _time(entry: AuditEntry) -> str:
    return entry.at.strftime("%H:%M  %d/%m/%Y")


def _person(entry: AuditEntry) -> str:
    return entry.staff_name or tr_domain(NO_ONE_SIGNED_IN)


def _what(entry: AuditEntry) -> str:
    return domain_text(entry.describe()).strip()
