"""Create a staff account (on a new database, the first administrator), or edit one: full name,
role and the counter the person usually sits at."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.staff import Role, StaffMember
from counter_app.services.staff import StaffAccount, StaffService
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel
from counter_app.ui.i18n import tr_domain


class AccountDialog(QDialog):
    """``actor=None`` is the first-run case: only an administrator account can be made.

    With ``account`` the dialog edits that account: its user name and password stay as they are
    (a new password has its own dialog).
    """

    def __init__(
        self,
        staff: StaffService,
        actor: StaffMember | None,
        parent: QWidget | None = None,
        *,
        account: StaffAccount | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.account = account
        self.created: StaffMember | None = None
        self.updated: StaffAccount | None = None
        self.tasks = TaskRunner(self)
        first_run = actor is None
        if account is not None:
            self.setWindowTitle(self.tr("Edit the account %1").replace("%1", account.username))
        else:
            self.setWindowTitle(
                self.tr("Create the administrator account") if first_run else self.tr("New account")
            )
        self.setMinimumWidth(480)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.full_name.setObjectName("accountFullName")
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for role in (Role.ADMIN,) if first_run else (Role.CLERK, Role.HEAD, Role.ADMIN):
            self.role.addItem(tr_domain(role.label), role.value)  # Qt hands a StrEnum back as str
        self.counter = QComboBox()
        self.counter.setObjectName("accountCounter")
        self.counter.addItem(self.tr("No usual counter"), None)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        if account is None:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.confirm)
        else:
            self.username.setText(account.username)
            self.username.setReadOnly(True)  # history names people by it
            self.full_name.setText(account.full_name)
            self.role.setCurrentIndex(max(0, self.role.findData(account.role.value)))
            form.addRow(self.tr("Usual counter"), self.counter)
            self.tasks.run(self.staff.counters, self._counters, key="counters")
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                self.tr(
                    "This database has no accounts yet. Create the administrator account; "
                    "the administrator then adds an account for each clerk."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        ok_text = self.tr("Save") if account is not None else self.tr("Create")
        buttons, self.create_button = ok_cancel(self, ok_text, self.submit)
        self.create_button.setObjectName("accountSave")
        layout.addLayout(buttons)

    def _counters(self, numbers: list[int]) -> None:
        for number in numbers:
            self.counter.addItem(self.tr("Counter %1").replace("%1", str(number)), number)
        if self.account is not None and self.account.counter_number is not None:
            self.counter.setCurrentIndex(max(0, self.counter.findData(self.account.counter_number)))

    def submit(self) -> None:
        if self.account is not None:
            self._save_edit(self.account.username)
            return
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        username, name = self.username.text().strip().lower(), self.full_name.text()
        role = Role(self.role.currentData())
        password = self.password.text()
        self.create_button.setEnabled(False)
        self.tasks.run(
            lambda: self.staff.create(self.actor, username, name, role, password),
            self._created,
            error_label=self.error,
            always=lambda: self.create_button.setEnabled(True),
        )

    def _save_edit(self, username: str) -> None:
        actor = self.actor
        if actor is None:
            return
        name, role, counter = self.full_name.text(), Role(self.role.currentData()), self.counter.currentData()
        self.create_button.setEnabled(False)
        self.tasks.run(
            lambda: self.staff.update(actor, username, name, role, counter),
            self._updated,
            error_label=self.error,
            always=lambda: self.create_button.setEnabled(True),
        )

    def _updated(self, account: StaffAccount) -> None:
        self.updated = account
        self.accept()

    def _created(self, member: StaffMember) -> None:
        self.created = member
        self.accept()
