"""Page 6 of the first-run wizard: the administrator's account and the first reception clerk's.

A counter cannot open for citizens with an administrator alone (the administrator should not
receive dossiers under the account that manages everything), so the first clerk is made here too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.domain.staff import MIN_PASSWORD_LENGTH
from counter_app.services.office_setup import NewAccount, check_account, check_accounts
from counter_app.ui.setup_pages.base import PageError, SetupPage, line_edit


class AccountsPage(SetupPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The first accounts"),
            self.tr(
                "The administrator manages the office's settings, accounts and catalogue; "
                "the reception clerk serves citizens at the counter."
            ),
            parent,
        )
        self.fields: dict[str, dict[str, QLineEdit]] = {}
        boxes = QHBoxLayout()
        boxes.addWidget(self._account_box("admin", self.tr("Administrator account")), 1)
        boxes.addWidget(self._account_box("clerk", self.tr("First reception clerk")), 1)
        rules = QLabel(
            self.tr(
                "A user name has 3 to 32 lower-case letters or digits, without accents, starting with a "
                "letter (e.g. %1). A password has at least %2 characters."
            )
            .replace("%1", "nguyenvana")
            .replace("%2", str(MIN_PASSWORD_LENGTH))
        )
        rules.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addWidget(rules)
        layout.addWidget(self.page_error)
        layout.addStretch(1)

    def _account_box(self, who: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        fields = {
            "username": line_edit(f"{who}Username"),
            "full_name": line_edit(f"{who}FullName"),
            "password": line_edit(f"{who}Password"),
            "password_again": line_edit(f"{who}PasswordAgain"),
        }
        for key in ("password", "password_again"):
            fields[key].setEchoMode(QLineEdit.EchoMode.Password)
        self.fields[who] = fields
        form = QFormLayout(box)
        form.addRow(self.tr("User name"), self.with_error(fields["username"], f"{who}.username"))
        form.addRow(self.tr("Full name"), self.with_error(fields["full_name"], f"{who}.full_name"))
        form.addRow(self.tr("Password"), self.with_error(fields["password"], f"{who}.password"))
        form.addRow(
            self.tr("Password again"), self.with_error(fields["password_again"], f"{who}.password_again")
        )
        return box

    def account(self, who: str) -> NewAccount:
        fields = self.fields[who]
        return NewAccount(fields["username"].text(), fields["full_name"].text(), fields["password"].text())

    def check(self) -> None:
        for who in ("admin", "clerk"):
            check_account(self.account(who), who)
            fields = self.fields[who]
            if fields["password"].text() != fields["password_again"].text():
                raise PageError(f"{who}.password_again", self.tr("The two passwords are not the same."))
        check_accounts(self.account("admin"), self.account("clerk"))  # and two different user names
