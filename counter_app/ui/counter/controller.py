"""The counter's session: sign in when the window opens, sign out, and the settings dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject

from counter_app.app import AppContext
from counter_app.services.demo import DEMO_ACCOUNTS
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.settings_dialog import SettingsDialog


class CounterController(QObject):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.window = CounterWindow(context)
        self.window.on_sign_out = self.sign_out
        self.window.on_open_settings = self.open_settings

    def demo_hint(self) -> str:
        if not self.context.demo:
            return ""
        accounts = ", ".join(f"{a.username} / {a.password}" for a in DEMO_ACCOUNTS)
        return self.tr("Demo accounts: %1").replace("%1", accounts)

    def sign_in(self) -> bool:
        """Ask for an account; False if the person cancelled."""
        dialog = LoginDialog(
            self.context.staff, self.context.settings.office.name, hint=self.demo_hint(), parent=self.window
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.member is None:
            return False
        self.window.set_actor(dialog.member)
        return True

    def start(self) -> bool:
        self.window.show()
        if not self.sign_in():
            self.window.close()
            return False
        return True

    def sign_out(self) -> None:
        self.window.set_actor(None)
        if not self.sign_in():
            self.window.close()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.context.settings, self.context.paths.settings_file, self.window)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted and dialog.saved is not None:
            saved = dialog.saved
            self.context.settings.office = saved.office
            self.context.settings.counter_number = saved.counter_number
            self.window.refresh_status()
