"""Sign-in when a counter window opens: every recorded action names the signed-in person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.staff import StaffMember
from counter_app.services.staff import StaffService
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel


class LoginDialog(QDialog):
    def __init__(
        self, staff: StaffService, office_name: str, *, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.member: StaffMember | None = None
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(460)
        title = QLabel(f"<b>{office_name}</b>")
        title.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        buttons, self.sign_in = ok_cancel(self, self.tr("Sign in"), self.attempt)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hint_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.username.setFocus()

    def attempt(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        self.sign_in.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        # Password hashing is deliberately slow: keep it off the GUI thread.
        self.tasks.run(lambda: self.staff.authenticate(username, password), self._signed_in, self._failed)

    def _signed_in(self, member: StaffMember) -> None:
        self.member = member
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText("")  # not "Checking…" under a box
        self.tasks.report(exc, error_label=self.error)
