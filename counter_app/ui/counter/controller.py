"""The counter's session: first-run set-up, sign in and out, and the administration dialogs."""

from __future__ import annotations

import copy
import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from counter_app import settings as settings_module
from counter_app.app import AppContext
from counter_app.services.catalogue import ImportReport
from counter_app.services.demo import DEMO_ACCOUNTS
from counter_app.services.office_setup import OfficeSetup
from counter_app.settings import Settings
from counter_app.supervisor import EXIT_RESTART_REQUESTED
from counter_app.ui.admin.accounts_dialog import AccountsDialog
from counter_app.ui.admin.activity_dialog import ActivityDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.admin.catalogue_transfer import CatalogueTransfer, import_summary
from counter_app.ui.admin.password_dialog import PasswordDialog
from counter_app.ui.admin.queue_dialog import QueueSetupDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.launcher import counter_parts
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.settings_dialog import SettingsDialog
from counter_app.ui.setup_wizard import SetupWizard

log = logging.getLogger(__name__)


def _flat(values: object, prefix: str = "") -> dict[str, object]:
    if isinstance(values, dict):
        flat: dict[str, object] = {}
        for key, value in values.items():
            flat.update(_flat(value, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): values}


def changed_settings(before: Settings, after: Settings) -> list[str]:
    """The dotted names of the settings that differ ("office.name", "printer.target")."""
    old, new = _flat(settings_module.to_dict(before)), _flat(settings_module.to_dict(after))
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


class CounterController(QObject):
    def __init__(self, context: AppContext, *, can_restart: bool = False) -> None:
        super().__init__()
        self.context = context
        # Under the supervisor a restart is one exit code away; run alone, the clerk restarts.
        self.can_restart = can_restart
        self.last_run_started: datetime | None = None  # the last run crashed: said once the window is up
        self.pending_settings: Settings | None = None  # saved, some of it waiting for a restart
        self._build_window()

    def _build_window(self) -> None:
        context = self.context
        self.window = CounterWindow(counter_parts(context))
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
        """A new office's database has no account: the first-run wizard sets the office up.

        False if the person cancelled: nothing was written, and the program closes.
        """
        if self.context.staff.count() > 0:
            return True
        context = self.context
        setup = OfficeSetup(context.db, context.staff, context.catalogue, context.queue)
        # No parent: the wizard is the first window of a new office; the counter's comes after it.
        wizard = SetupWizard(setup, context.settings, context.paths.settings_file)
        try:
            if wizard.exec() != SetupWizard.DialogCode.Accepted or wizard.report is None:
                return False
            self._take_over(wizard.report.settings)
        finally:
            wizard.deleteLater()
        return True

    def _take_over(self, saved: Settings) -> None:
        """Run on with the office the wizard saved.

        The context's services and the window were built for the default office before the wizard
        named it: the services holding the office's code are rebuilt, and the window, whose title,
        header and queue panel show the office and the counter, is built again (it was not shown yet).
        """
        settings = self.context.settings
        settings.office, settings.role = saved.office, saved.role
        settings.counter_number, settings.printer = saved.counter_number, saved.printer
        self.context.use_new_office()
        old = self.window
        self._build_window()
        old.close()
        old.deleteLater()

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
        # The first-run wizard comes before the window, which it may build again for the new office.
        if not self.ensure_first_account():
            self.window.close()
            return False
        if self.last_run_started is not None:
            self.window.report_abnormal_end(self.last_run_started)
        # Maximised: at 1366×768 a window of the screen's full height would put its status bar
        # (database, printer, province) behind the task bar.
        self.window.showMaximized()
        self.window.sync.start()  # the office's work reaches the province even before sign-in
        if not self.sign_in():
            self.window.close()
            return False
        return True

    def sign_out(self) -> None:
        # Nobody's citizen stays on screen for the next person; unsaved typing is asked about first.
        if not self.window.reception.may_sign_out():
            return
        self.window.set_actor(None)
        if not self.sign_in():
            self.window.close()

    def open_settings(self) -> None:
        # Saved but waiting for a restart: a second edit starts from what was saved, not from what
        # this run still uses, or its Save would write the old values back.
        before = self.pending_settings or self.context.settings
        dialog = SettingsDialog(
            before,
            self.context.paths.settings_file,
            self.window,
            scanners=self.context.scanner_setup,
            desk=self.context.desk,
        )
        if dialog.exec() == SettingsDialog.DialogCode.Accepted and dialog.saved is not None:
            saved = dialog.saved
            self._record_settings(before, saved)
            waiting = self.needing_restart(self.context.settings, saved)
            # What is read as it is used applies at once; what services and windows were built
            # with (the office's code, this PC's counter, the database, the language) waits for the
            # next start, and this run keeps the values it started with.
            self.pending_settings = copy.deepcopy(saved) if waiting else None
            self.context.adopt_settings(saved)
            # The name on every PC's forms and in the province's reports comes from the database.
            self.window.tasks.run(self.context.record_office, lambda _: None)
            self.window.sync.reconfigure()  # a new address or secret: sign in afresh
            self.window.refresh_status()
            self.window.show_office()
            if waiting:
                self.offer_restart(waiting)

    def _record_settings(self, before: Settings, saved: Settings) -> None:
        """The activity log names the settings changed (names only: a PIN or an address stays out)."""
        actor = self.window.actor
        names = changed_settings(before, saved)
        if actor is not None and names:
            audit = self.context.audit
            self.window.tasks.run(lambda: audit.settings_changed(actor, names), lambda _: None)

    def needing_restart(self, running: Settings, saved: Settings) -> list[str]:
        """The changed settings that only a restart applies, named as the settings dialog names them."""
        changed = [
            (running.office.code != saved.office.code, self.tr("the agency electronic ID")),
            (running.counter_number != saved.counter_number, self.tr("this PC's counter number")),
            (
                (running.dossier_code_pattern, running.dossier_system_code)
                != (saved.dossier_code_pattern, saved.dossier_system_code),
                self.tr("the dossier code's pattern"),
            ),
            (running.database_url != saved.database_url, self.tr("the database address")),
            (running.language != saved.language, self.tr("the language")),
        ]
        return [name for different, name in changed if different]

    def offer_restart(self, waiting: list[str]) -> None:
        """Name the settings that wait for a restart, and restart now if the person agrees."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Restart needed"))
        box.setText(
            self.tr("These settings were saved and take effect when the program starts again: %1.").replace(
                "%1", ", ".join(waiting)
            )
        )
        if not self.can_restart:
            box.setInformativeText(self.tr("Close the program and open it again to apply them."))
            box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            return
        now = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        if box.clickedButton() is now:
            log.info("restarting to apply new settings")
            self.window.close()
            QCoreApplication.exit(EXIT_RESTART_REQUESTED)

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
