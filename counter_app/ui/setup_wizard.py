"""The first-run wizard: what a new office (a database without any account) fills in before its
first sign-in, page by page, and saved at once by Finish.

Each page checks itself when Next is pressed and stays put, with the reason in red beside the
field, until it is right. Nothing touches the database or the settings file before Finish; Finish
writes everything off the GUI thread (the catalogue import and the Argon2 hashes take seconds)
while the last page shows that it is busy. Cancel writes nothing.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from counter_app.domain.errors import DomainError
from counter_app.services.office_setup import NewAccount, OfficePlan, OfficeSetup, SetupReport, check_plan
from counter_app.settings import PrinterKind, Settings, StationRole
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import show_failure
from counter_app.ui.setup_pages.accounts import AccountsPage
from counter_app.ui.setup_pages.catalogue import CataloguePage
from counter_app.ui.setup_pages.office import OfficePage
from counter_app.ui.setup_pages.queue import QueuePage
from counter_app.ui.setup_pages.summary import Rows, SummaryPage
from counter_app.ui.setup_pages.this_pc import PrinterPage, StationPage

W = QWizard.WizardButton


class SetupWizard(QWizard):
    SIZE = (1040, 660)  # inside a 1366×768 screen with its taskbar and the window's frame

    def __init__(
        self, setup: OfficeSetup, settings: Settings, settings_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setup = setup
        self.base = settings
        self.settings_file = settings_file
        self.report: SetupReport | None = None
        self.busy = False
        self.tasks = TaskRunner(self)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up the office"))
        # One look on every platform, with each page's title and explanation at its top.
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt's own button texts come from Qt's translations, which an office PC may lack.
        for which, text, name in (
            (W.BackButton, self.tr("Back"), "backButton"),
            (W.NextButton, self.tr("Next"), "nextButton"),
            (W.FinishButton, self.tr("Finish"), "finishButton"),
            (W.CancelButton, self.tr("Cancel"), "cancelButton"),
        ):
            self.setButtonText(which, text)
            self.button(which).setObjectName(name)
        self.office_page = OfficePage(settings.office)
        self.queue_page = QueuePage()
        self.station_page = StationPage(lambda: self.queue_page.counters)
        self.printer_page = PrinterPage(settings.printer)
        self.catalogue_page = CataloguePage(self.tasks)
        self.accounts_page = AccountsPage()
        self.summary_page = SummaryPage(self.summary_rows, self.role_note)
        for page in (
            self.office_page,
            self.queue_page,
            self.station_page,
            self.printer_page,
            self.catalogue_page,
            self.accounts_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.resize(*self.SIZE)

    # --- what was chosen ----------------------------------------------------------------------

    def plan(self) -> OfficePlan:
        settings = copy.deepcopy(self.base)
        settings.office = self.office_page.office()
        settings.role = self.station_page.role()
        if settings.role is StationRole.COUNTER:
            settings.counter_number = self.station_page.chosen_counter()
        settings.printer = self.printer_page.printer()
        catalogue = self.catalogue_page.catalogue
        assert catalogue is not None  # the catalogue page does not let the wizard on without one
        return OfficePlan(
            settings,
            tuple(self.queue_page.areas),
            dict(self.queue_page.counters),
            catalogue,
            self.accounts_page.account("admin"),
            self.accounts_page.account("clerk"),
        )

    def summary_rows(self) -> Rows:
        plan = self.plan()
        office = plan.settings.office
        role_names = {
            StationRole.COUNTER: self.tr("Counter %1").replace("%1", str(plan.settings.counter_number)),
            StationRole.KIOSK: self.tr("The ticket kiosk"),
            StationRole.DISPLAY: self.tr("The display board"),
        }
        printer = plan.settings.printer
        printers = {
            PrinterKind.NONE: self.tr("None"),
            PrinterKind.NETWORK: self.tr("Network printer %1"),
            PrinterKind.USB: self.tr("USB printer %1"),
            PrinterKind.SERIAL: self.tr("Serial-port printer %1"),
            PrinterKind.WINDOWS: self.tr("Windows printer %1"),
        }
        source = (
            self.tr("the sample bundled with the program")
            if self.catalogue_page.bundled.isChecked()
            else Path(self.catalogue_page.path.text()).name
        )

        def account(spec: NewAccount) -> str:
            return f"{spec.username.strip().lower()} · {spec.full_name.strip()}"

        return [
            (self.tr("Office"), f"{office.name.strip()} ({office.code.strip().upper()})"),
            (self.tr("Parent body"), office.parent_body.strip()),
            (self.tr("Place name on forms"), office.place.strip()),
            (self.tr("Service areas"), "; ".join(f"{a.code} · {a.name}" for a in plan.areas)),
            (
                self.tr("Counters"),
                "; ".join(
                    self.tr("Counter %1: %2").replace("%1", str(n)).replace("%2", ", ".join(codes))
                    for n, codes in sorted(plan.counters.items())
                ),
            ),
            (self.tr("This computer"), role_names[plan.settings.role]),
            (self.tr("Ticket printer"), printers[printer.kind].replace("%1", printer.target.strip())),
            (
                self.tr("Catalogue"),
                self.tr("%n procedure(s), from %1", "", len(plan.catalogue.procedures)).replace("%1", source),
            ),
            (self.tr("Administrator"), account(plan.admin)),
            (self.tr("Reception clerk"), account(plan.clerk)),
        ]

    def role_note(self) -> str:
        sign_in = self.tr("After Finish, sign in with one of the new accounts.")
        role = self.station_page.role()
        if role is StationRole.COUNTER:
            return sign_in
        window = self.tr("the ticket kiosk") if role is StationRole.KIOSK else self.tr("the display board")
        return (
            self.tr(
                "From its next start this computer opens %1. This time the counter window opens. "
                "To open the counter window on this computer later, start the program with: %2"
            )
            .replace("%1", window)
            .replace("%2", "counter-app --role counter")
            + "\n"
            + sign_in
        )

    # --- Finish and Cancel --------------------------------------------------------------------

    def accept(self) -> None:
        """Finish: write everything off the GUI thread; the wizard closes once it is all saved."""
        if self.report is not None:
            super().accept()
            return
        if self.busy:
            return
        self.summary_page.clear_errors()
        try:
            plan = check_plan(self.plan())  # the same checks again, on everything together
        except DomainError as exc:
            self.summary_page.show_exception(exc)
            return
        self._set_busy(True)
        setup, path = self.setup, self.settings_file
        self.tasks.run(lambda: setup.apply(plan, path), self._saved, self._failed)

    def _saved(self, report: SetupReport) -> None:
        self._set_busy(False)
        self.report = report
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not self.summary_page.show_exception(exc):
            show_failure(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.summary_page.set_busy(busy)
        for which in (W.BackButton, W.FinishButton, W.CancelButton):
            self.button(which).setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def reject(self) -> None:
        if not self.busy:  # half-written work cannot be cancelled; it is quick to finish
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
