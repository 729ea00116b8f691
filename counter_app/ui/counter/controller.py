"""The counter's session: first-run set-up, sign in and out, and the administration dialogs."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from counter_app.app import AppContext
from counter_app.devices.printer import TicketPrinter
from counter_app.services.catalogue import ImportReport
from counter_app.services.demo import DEMO_ACCOUNTS
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.admin.accounts_dialog import AccountsDialog
from counter_app.ui.admin.activity_dialog import ActivityDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.admin.catalogue_transfer import CatalogueTransfer, import_summary
from counter_app.ui.admin.password_dialog import PasswordDialog
from counter_app.ui.admin.queue_dialog import QueueSetupDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.settings_dialog import SettingsDialog


class CounterController(QObject):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.window = CounterWindow(context)
        self.transfer = CatalogueTransfer(context.catalogue, self.window)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.settings_requested.connect(self.open_settings)
        self.window.accounts_requested.connect(self.open_accounts)
        self.window.calendar_requested.connect(self.open_calendar)
        self.window.activity_requested.connect(self.open_activity)
        self.window.password_requested.connect(self.change_password)
        self.window.queue_setup_requested.connect(self.open_queue_setup)
        self.window.import_catalogue_requested.connect(self.import_catalogue)
        self.window.export_catalogue_requested.connect(self.transfer.choose_and_export)
        self.transfer.imported.connect(self._catalogue_imported)
        self.transfer.exported.connect(self._catalogue_exported)

    def demo_hint(self) -> str:
        if not self.context.demo:
            return ""
        accounts = ", ".join(f"{a.username} / {a.password}" for a in DEMO_ACCOUNTS)
        return self.tr("Demo accounts: %1").replace("%1", accounts)

    def ensure_first_account(self) -> bool:
        """A new office's database has no account: the first person creates the administrator."""
        if self.context.staff.count() > 0:
            return True
        dialog = AccountDialog(self.context.staff, None, self.window)
        return dialog.exec() == AccountDialog.DialogCode.Accepted

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
        self.window.sync.start()  # the office's work reaches the province even before sign-in
        if not self.ensure_first_account() or not self.sign_in():
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
            self.context.settings.printer = saved.printer
            self.context.settings.kiosk = saved.kiosk
            self.context.settings.voice = saved.voice
            self.context.settings.provincial = saved.provincial
            self.context.printer = TicketPrinter(saved.printer)
            self.window.sync.reconfigure()  # a new address or secret: sign in afresh
            self.window.refresh_status()

    def open_accounts(self) -> None:
        if self.window.actor is not None:
            AccountsDialog(self.context.staff, self.window.actor, self.window).exec()

    def open_calendar(self) -> None:
        if self.window.actor is not None:
            CalendarDialog(self.context.calendar, self.window.actor, self.window).exec()
            self.window.catalogue_panel.refresh()  # appointments shown may have moved

    def open_queue_setup(self) -> None:
        if self.window.actor is not None:
            QueueSetupDialog(self.context.queue, self.window.actor, self.window).exec()
            self.window.queue.refresh()

    def change_password(self) -> None:
        if self.window.actor is not None:
            PasswordDialog(self.context.staff, self.window.actor, None, self.window).exec()

    def open_activity(self) -> None:
        if self.window.actor is not None:
            ActivityDialog(self.context.audit, self.window.actor, self.window).exec()

    def import_catalogue(self) -> None:
        if self.window.actor is not None:
            self.transfer.choose_and_import(self.window.actor)

    def _catalogue_imported(self, report: ImportReport) -> None:
        self.window.catalogue_panel.load()
        QMessageBox.information(self.window, self.tr("Catalogue"), import_summary(report))

    def _catalogue_exported(self, count: int) -> None:
        QMessageBox.information(
            self.window, self.tr("Catalogue"), self.tr("%1 procedures exported.").replace("%1", str(count))
        )
