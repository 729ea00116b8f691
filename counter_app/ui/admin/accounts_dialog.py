"""The staff accounts, for the administrator: add, edit, lock or unlock, set a new password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.staff import StaffMember
from counter_app.services.staff import StaffAccount, StaffService
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.admin.password_dialog import PasswordDialog
from counter_app.ui.common.table_model import Column, RowModel, current_row, select_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import INACTIVE_TEXT


class AccountsDialog(QDialog):
    def __init__(self, staff: StaffService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Staff accounts"))
        self.resize(860, 460)
        self.model: RowModel[StaffAccount] = RowModel(
            [
                Column(self.tr("User name"), lambda a: a.username),
                Column(self.tr("Full name"), lambda a: a.full_name),
                Column(self.tr("Role"), lambda a: tr_domain(a.role.label)),
                Column(self.tr("State"), lambda a: self.tr("In use") if a.active else self.tr("Locked")),
                Column(
                    self.tr("Last sign-in"),
                    lambda a: a.last_signed_in_at.strftime("%H:%M %d/%m/%Y") if a.last_signed_in_at else "—",
                ),
                Column(
                    self.tr("Usual counter"),
                    lambda a: str(a.counter_number) if a.counter_number is not None else "—",
                ),
            ],
            foreground=lambda a: None if a.active else INACTIVE_TEXT,
        )
        self.table = table_view(self.model, single=True)
        # Each column as wide as its caption and contents (a handful of accounts), the full name
        # taking the rest: no caption cut short.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add an account…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("accountsEdit")
        self.password_button = QPushButton(self.tr("Set a new password…"))
        self.lock_button = QPushButton(self.tr("Lock"))
        close = QPushButton(self.tr("Close"))
        self.error = error_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.password_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.password_button.clicked.connect(self.set_password)
        self.lock_button.clicked.connect(self.toggle_lock)
        close.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        self.refresh()

    @property
    def accounts(self) -> list[StaffAccount]:
        return self.model.rows

    def refresh(self) -> None:
        self.tasks.run(self.staff.accounts, self._show, key="accounts", error_label=self.error)

    def _show(self, accounts: list[StaffAccount]) -> None:
        chosen = self.selected()
        self.model.set_rows(accounts)
        self.table.resizeColumnsToContents()
        if chosen is not None:  # the same person stays chosen, wherever the new list puts them
            select_row(self.table, self.model, lambda a: a.username == chosen.username)
        self._follow_selection()

    def selected(self) -> StaffAccount | None:
        return current_row(self.table, self.model)

    def _follow_selection(self) -> None:
        account = self.selected()
        self.password_button.setEnabled(account is not None)
        self.edit_button.setEnabled(account is not None)
        self.lock_button.setEnabled(account is not None)
        self.lock_button.setText(self.tr("Unlock") if account and not account.active else self.tr("Lock"))

    def add(self) -> None:
        dialog = AccountDialog(self.staff, self.actor, self)
        if dialog.exec() == AccountDialog.DialogCode.Accepted:
            self.refresh()

    def edit(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = AccountDialog(self.staff, self.actor, self, account=account)
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
        self.lock_button.setEnabled(False)
        self.error.clear()
        self.tasks.run(
            lambda: self.staff.set_active(self.actor, account.username, not account.active),
            lambda _: self.refresh(),
            error_label=self.error,
            always=self._follow_selection,
        )
