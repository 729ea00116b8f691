"""The staff accounts, for the administrator: add, lock or unlock, set a new password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DomainError
from counter_app.domain.staff import StaffMember
from counter_app.services.staff import StaffAccount, StaffService
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.admin.password_dialog import PasswordDialog
from counter_app.ui.common.widgets import error_label
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text, tr_domain


class AccountsDialog(QDialog):
    def __init__(self, staff: StaffService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.accounts: list[StaffAccount] = []
        self.setWindowTitle(self.tr("Staff accounts"))
        self.resize(860, 460)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Add an account…"))
        self.password_button = QPushButton(self.tr("Set a new password…"))
        self.lock_button = QPushButton(self.tr("Lock"))
        close = QPushButton(self.tr("Close"))
        self.error = error_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.password_button.clicked.connect(self.set_password)
        self.lock_button.clicked.connect(self.toggle_lock)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.refresh()

    def refresh(self) -> None:
        self.accounts = self.staff.accounts()
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            state = self.tr("In use") if account.active else self.tr("Locked")
            last = account.last_signed_in_at.strftime("%H:%M %d/%m/%Y") if account.last_signed_in_at else "—"
            texts = (account.username, account.full_name, tr_domain(account.role.label), state, last)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not account.active:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._follow_selection()

    def selected(self) -> StaffAccount | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _follow_selection(self) -> None:
        account = self.selected()
        self.password_button.setEnabled(account is not None)
        self.lock_button.setEnabled(account is not None)
        self.lock_button.setText(self.tr("Unlock") if account and not account.active else self.tr("Lock"))

    def add(self) -> None:
        dialog = AccountDialog(self.staff, self.actor, self)
        if dialog.exec() == AccountDialog.DialogCode.Accepted:
            self.refresh()

    def set_password(self) -> None:
        account = self.selected()
        if account is not None:
            PasswordDialog(self.staff, self.actor, account.username, self).exec()

    def toggle_lock(self) -> None:
        account = self.selected()
        if account is None:
            return
        row = self.table.currentRow()
        try:
            self.staff.set_active(self.actor, account.username, not account.active)
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            return
        except Exception as exc:
            show_failure(self, exc)
            return
        self.error.clear()
        self.refresh()
        self.table.selectRow(row)
