"""The list of staff accounts, for the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.staff import StaffMember
from counter_app.services.staff import StaffService
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.i18n import tr_domain


class AccountsDialog(QDialog):
    def __init__(self, staff: StaffService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.setWindowTitle(self.tr("Staff accounts"))
        self.resize(640, 420)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Role")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        add = QPushButton(self.tr("Add an account…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        add.clicked.connect(self.add)
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        members = self.staff.members()
        self.table.setRowCount(len(members))
        for row, m in enumerate(members):
            for column, text in enumerate((m.username, m.full_name, tr_domain(m.role.label))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        dialog = AccountDialog(self.staff, self.actor, self)
        if dialog.exec() == AccountDialog.DialogCode.Accepted:
            self.refresh()
