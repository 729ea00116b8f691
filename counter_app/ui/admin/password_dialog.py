"""A new password: set by the administrator for someone who forgot theirs, or changed by its owner."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.staff import StaffMember
from counter_app.services.staff import StaffService
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(QDialog):
    """``username`` given: the administrator resets that account; None: ``actor`` changes their own."""

    def __init__(
        self,
        staff: StaffService,
        actor: StaffMember,
        username: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.username = username
        self.tasks = TaskRunner(self)
        self.setMinimumWidth(460)
        if username is None:
            self.setWindowTitle(self.tr("Change my password"))
        else:
            self.setWindowTitle(self.tr("New password for %1").replace("%1", username))
        self.current = _password_field()
        self.password = _password_field()
        self.confirm = _password_field()
        form = QFormLayout()
        if username is None:
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("New password again"), self.confirm)
        self.error = error_label()
        buttons, self.save_button = ok_cancel(self, self.tr("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        new, current, username = self.password.text(), self.current.text(), self.username

        def work() -> None:
            if username is None:
                self.staff.change_own_password(self.actor, current, new)
            else:
                self.staff.reset_password(self.actor, username, new)

        self.save_button.setEnabled(False)
        self.tasks.run(
            work,
            lambda _: self.accept(),
            error_label=self.error,
            always=lambda: self.save_button.setEnabled(True),
        )
