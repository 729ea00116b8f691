"""Create a staff account; on a new database, the first administrator."""

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
from counter_app.services.staff import StaffService
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel
from counter_app.ui.i18n import tr_domain


class AccountDialog(QDialog):
    """``actor=None`` is the first-run case: only an administrator account can be made."""

    def __init__(self, staff: StaffService, actor: StaffMember | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.created: StaffMember | None = None
        self.tasks = TaskRunner(self)
        first_run = actor is None
        self.setWindowTitle(
            self.tr("Create the administrator account") if first_run else self.tr("New account")
        )
        self.setMinimumWidth(480)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.ADMIN,) if first_run else (Role.CLERK, Role.HEAD, Role.ADMIN):
            self.role.addItem(tr_domain(role.label), role.value)  # Qt hands a StrEnum back as str
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.confirm)
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
        buttons, self.create_button = ok_cancel(self, self.tr("Create"), self.submit)
        layout.addLayout(buttons)

    def submit(self) -> None:
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

    def _created(self, member: StaffMember) -> None:
        self.created = member
        self.accept()
