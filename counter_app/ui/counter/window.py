"""The clerk's window: queue panel, dossier area and a status bar for database, printer and connection."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import CheckResult
from counter_app.domain.staff import Permission, StaffMember
from counter_app.services.ocr import OcrAvailability, OcrPhase, OcrRunner, OcrRunnerState
from counter_app.services.queue import PrinterProblem
from counter_app.services.scanning import FileCheck
from counter_app.settings import PrinterKind
from counter_app.sync.runner import Connection, RunnerState
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import ClickableStatus, Clock, ElidedLabel
from counter_app.ui.counter.catalogue_panel import CataloguePanel
from counter_app.ui.counter.dossier_panel import DossierPanel
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.counter.queue_panel import QueuePanel
from counter_app.ui.counter.reception_panel import ReceptionPanel
from counter_app.ui.counter.scan_dialog import ScanDialog
from counter_app.ui.counter.sync_view import SyncBridge, SyncLogDialog, status_words
from counter_app.ui.i18n import domain_text, tr_domain
from counter_app.ui.theme import NAVY, set_status


class CounterWindow(QMainWindow):
    """The window asks; the controller that owns the session answers (dialogs, sign-out)."""

    REFERENCE_SIZE = (1366, 768)
    sign_out_requested = Signal()
    settings_requested = Signal()
    accounts_requested = Signal()
    calendar_requested = Signal()
    activity_requested = Signal()
    queue_setup_requested = Signal()
    password_requested = Signal()
    import_catalogue_requested = Signal()
    export_catalogue_requested = Signal()
    ocr_changed = Signal(object)  # OcrRunnerState, emitted on the runner's thread

    def __init__(self, parts: CounterParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.actor: StaffMember | None = None
        self.tasks = TaskRunner(self)
        settings = parts.settings

        header = QWidget()
        header.setObjectName("headerBar")
        header.setStyleSheet(
            f"#headerBar {{ background: {NAVY}; }} QLabel {{ color: white; font-size: 15pt; }}"
        )
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(14, 6, 14, 6)
        self.office_label = QLabel()
        office = self.office_label
        self.clock = Clock(with_date=True)
        # Who is signed in sits in the header: the status bar keeps its room for warnings.
        self.user_status = ElidedLabel()
        self.user_status.setStyleSheet("font-size: 12pt;")
        header_layout.addWidget(office)
        header_layout.addStretch(1)
        header_layout.addWidget(self.user_status)
        header_layout.addSpacing(24)
        header_layout.addWidget(self.clock)

        self.queue = QueuePanel(parts.queue, settings.counter_number, self.tasks)
        self.catalogue_panel = CataloguePanel(parts.catalogue, parts.calendar, self.tasks)
        self.reception = ReceptionPanel(parts, self.tasks)
        self.dossiers = DossierPanel(parts, self.tasks)
        self.dossier_area = QTabWidget()
        self.dossier_area.addTab(self.reception, self.tr("Receive a dossier"))
        self.dossier_area.addTab(self.dossiers, self.tr("Dossiers"))
        self.dossier_area.addTab(self.catalogue_panel, self.tr("Procedures and papers"))
        self.queue.ticket_changed.connect(
            lambda t: self.reception.set_ticket(t.id if t else None, t.label if t else "")
        )
        self.queue.may_call_next = self.reception.may_call_next
        self.reception.received.connect(self._received)
        self.reception.form_opened.connect(self._track_form)
        self.dossiers.form_opened.connect(self._track_form)
        self.dossiers.scan_requested.connect(self.open_scans)
        self.dossiers.completed.connect(self._completed)
        self.scan_dialogs: list[ScanDialog] = []
        self.scan_report: QMessageBox | None = None
        # The start-up check of the scans folder, then OCR (a second or more a page), run on the
        # runner's own thread, never in the window's pool; its states come back queued.
        self.ocr = OcrRunner(parts.scans.check_files, parts.ocr, self.ocr_changed.emit)
        self.ocr_changed.connect(self._ocr_state)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue)
        split.addWidget(self.dossier_area)
        split.setStretchFactor(1, 1)
        split.setSizes([252, 1108])  # the queue at its narrowest: the reception needs the width

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(split)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        self.database_status = ElidedLabel()
        self.printer_status = ElidedLabel()
        self.connection_status = ClickableStatus()
        self.connection_status.clicked.connect(self.open_sync_log)
        self.scans_status = ElidedLabel()
        bar = QStatusBar()
        for label in (self.database_status, self.printer_status, self.connection_status, self.scans_status):
            bar.addWidget(label)
        self.sync_now_button = QPushButton(self.tr("Sync now"))
        self.sync_now_button.setToolTip(self.tr("Send what waits to the provincial system now"))
        bar.addPermanentWidget(self.sync_now_button)
        self.setStatusBar(bar)
        self.sync = SyncBridge(parts, self)
        self.sync.changed.connect(self._sync_state)
        self.sync_now_button.clicked.connect(self.sync.sync_now)
        self.sync_log: SyncLogDialog | None = None
        self._build_menu()
        self.kiosk_printer: PrinterProblem | None = None
        self.queue.printer_problem.connect(self._kiosk_printer)
        self.show_office()
        self.refresh_status()
        self.resize(*self.REFERENCE_SIZE)
        self.ocr.start()

    def _build_menu(self) -> None:
        system = self.menuBar().addMenu(self.tr("&System"))
        self.settings_action = self._action(self.tr("Office &settings…"), self.settings_requested)
        self.accounts_action = self._action(self.tr("Staff &accounts…"), self.accounts_requested)
        self.calendar_action = self._action(self.tr("Working &calendar…"), self.calendar_requested)
        self.activity_action = self._action(self.tr("Activity &log…"), self.activity_requested)
        self.queue_action = self._action(self.tr("&Queue and service areas…"), self.queue_setup_requested)
        self.password_action = self._action(self.tr("Change my &password…"), self.password_requested)
        self.sign_out_action = self._action(self.tr("Sign &out"), self.sign_out_requested)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (
            self.settings_action,
            self.accounts_action,
            self.calendar_action,
            self.queue_action,
            self.activity_action,
        ):
            system.addAction(action)
        system.addSeparator()
        system.addAction(self.password_action)
        system.addAction(self.sign_out_action)
        system.addAction(quit_action)
        catalogue = self.menuBar().addMenu(self.tr("&Catalogue"))
        self.import_action = self._action(
            self.tr("&Import the catalogue from a file…"), self.import_catalogue_requested
        )
        self.export_action = self._action(
            self.tr("&Export the catalogue to a file…"), self.export_catalogue_requested
        )
        catalogue.addAction(self.import_action)
        catalogue.addAction(self.export_action)
        sync = self.menuBar().addMenu(self.tr("S&ync"))
        sync_now = self.sync_now_action = QAction(self.tr("Sync &now"), self)
        sync_now.triggered.connect(lambda: self.sync.sync_now())
        sync_log = QAction(self.tr("Sync &log…"), self)
        sync_log.triggered.connect(self.open_sync_log)
        sync.addAction(sync_now)
        sync.addAction(sync_log)

    def _action(self, text: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(signal.emit)
        return action

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        for action, permission in (
            (self.settings_action, Permission.MANAGE_SETTINGS),
            (self.accounts_action, Permission.MANAGE_STAFF),
            (self.calendar_action, Permission.MANAGE_CALENDAR),
            (self.activity_action, Permission.VIEW_REPORTS),
            (self.queue_action, Permission.MANAGE_SETTINGS),
            (self.import_action, Permission.MANAGE_CATALOGUE),
            (self.export_action, Permission.MANAGE_CATALOGUE),
        ):
            action.setEnabled(bool(actor and actor.can(permission)))
        self.sign_out_action.setEnabled(actor is not None)
        self.password_action.setEnabled(actor is not None)
        if actor is None:
            self.user_status.setText(self.tr("Not signed in"))
        else:
            role = tr_domain(actor.role.label)
            self.user_status.setText(f"{actor.full_name} · {role}")
            self.user_status.setToolTip(
                self.tr("Signed in: %1 (%2)").replace("%1", actor.full_name).replace("%2", role)
            )
        self.queue.set_actor(actor)
        self.reception.set_actor(actor)
        self.dossiers.set_actor(actor)
        self.catalogue_panel.load()

    def refresh_status(self) -> None:
        engine = self.parts.database_engine
        self.database_status.setText(self.tr("Database: %1 ✓").replace("%1", engine))
        self.database_status.setToolTip(self.parts.database_description)
        set_status(self.database_status, "ok")
        printer = self.parts.settings.printer
        if self.kiosk_printer is not None:
            self.printer_status.setText(
                self.tr("Ticket printer: %n ticket(s) not printed", "", self.kiosk_printer.unprinted)
            )
            self.printer_status.setToolTip(self.kiosk_printer.message)
            set_status(self.printer_status, "error")
        elif printer.kind is PrinterKind.NONE:
            self.printer_status.setText(self.tr("Printer: not set up"))
            set_status(self.printer_status, "warn")
        else:
            self.printer_status.setText(
                self.tr("Printer: %1").replace("%1", printer.target or printer.kind.value)
            )
            set_status(self.printer_status, "ok")
        self._sync_state(self.sync.state)

    def show_office(self) -> None:
        """The office's name in the title and the header: a renamed office shows at once."""
        settings = self.parts.settings
        self.setWindowTitle(
            self.tr("Counter %1 — %2")
            .replace("%1", str(settings.counter_number))
            .replace("%2", settings.office.name)
        )
        self.office_label.setText(f"<b>{html.escape(settings.office.name)}</b>")

    def report_abnormal_end(self, started_at: datetime) -> None:
        """The last run of this counter crashed: say so, so that the clerk checks the last action."""
        self.crash_notice = ElidedLabel()
        self.crash_notice.setObjectName("crashNotice")
        self.crash_notice.setText(
            self.tr(
                "The previous run (started %1) ended abnormally; the log file has the details. "
                "Check that your last action was saved."
            ).replace("%1", started_at.strftime("%H:%M %d/%m/%Y"))
        )
        set_status(self.crash_notice, "error")
        self.statusBar().insertWidget(0, self.crash_notice)

    # --- the provincial sync -------------------------------------------------------------------

    def _sync_state(self, state: RunnerState) -> None:
        text, level, tooltip = status_words(state, self.parts.settings.provincial.warn_after_minutes)
        self.connection_status.setText(text)
        self.connection_status.setToolTip(tooltip)
        set_status(self.connection_status, level)
        # No address: nothing to sync with, the status says why (the sync log still lists what waits).
        can_sync = state.connection not in (Connection.NOT_SET_UP, Connection.SYNCING)
        self.sync_now_button.setEnabled(can_sync)
        self.sync_now_action.setEnabled(can_sync)
        if state.report is not None and (state.report.pushed or state.report.pulled or state.report.files):
            self.dossiers.refresh()  # the "reached the province" marks, and statuses the province set
            if state.report.catalogue_version:
                self.catalogue_panel.refresh()

    def open_sync_log(self) -> SyncLogDialog:
        if self.sync_log is None:
            self.sync_log = SyncLogDialog(self.parts, self.sync, self)
        self.sync_log.show()
        self.sync_log.raise_()
        self.sync_log.refresh()
        return self.sync_log

    # --- scans ---------------------------------------------------------------------------------

    def _received(self, record: DossierRecord) -> None:
        self.dossiers.refresh()
        # Only an accepted dossier is digitised now; an incomplete one goes back to the citizen
        # with its papers until they are complete.
        if record.status is DossierStatus.RECEIVED and any(
            r.result is CheckResult.PASS and not r.presented_only for r in record.rows
        ):
            self.open_scans(record.id)  # digitising is part of receiving (TT 03/2025)

    def _track_form(self, viewer: FormViewer) -> None:
        """A form printed or saved goes to the activity log, under whoever is signed in then."""
        # The name the form was offered under names the dossier, whatever the file was saved as.
        title, file_name = viewer.windowTitle(), viewer.file_name
        viewer.output.connect(lambda printed, _saved_as: self._record_form(title, file_name, printed))

    def _record_form(self, title: str, file_name: str, printed: bool) -> None:
        audit, actor = self.parts.audit, self.actor
        if audit is None or actor is None:
            return
        self.tasks.run(lambda: audit.form_output(actor, title, file_name, printed=printed), lambda _: None)

    def _completed(self, record: DossierRecord) -> None:
        """The missing papers arrived: the dossier is complete, and now it is digitised."""
        self.open_scans(record.id)

    def open_scans(self, dossier_id: int) -> ScanDialog | None:
        if self.actor is None:
            return None
        dialog = ScanDialog(self.parts, self.actor, dossier_id, self)
        dialog.saved.connect(self._scan_saved)
        dialog.finished.connect(
            lambda _: self.scan_dialogs.remove(dialog) if dialog in self.scan_dialogs else None
        )
        dialog.finished.connect(dialog.deleteLater)  # its pages and thread pool go with it
        self.scan_dialogs.append(dialog)
        dialog.show()
        return dialog

    def _scan_saved(self, _attached: object) -> None:
        self.dossiers.refresh()
        self.ocr.wake()

    def _ocr_state(self, state: OcrRunnerState) -> None:
        """The runner's news: the start-up check's findings once, OCR on or off, a failure and its retry."""
        if state.phase is OcrPhase.STOPPED:
            return
        if state.problem is not None:
            self._ocr_trouble(state)
        elif state.engine is not None and state.check is not None:
            self._ocr_status(state.engine, state.check)
        if state.check is not None and self.scan_report is None and not state.check.clean:
            self._report_scans(state.check)

    def _ocr_trouble(self, state: OcrRunnerState) -> None:
        """A failed start-up check (or round of OCR) is shown until the runner's retry succeeds."""
        text = (
            self.tr("Could not check the scans folder: %1 Trying again at %2.")
            if state.check is None
            else self.tr("OCR stopped: %1 Trying again at %2.")
        )
        when = f"{state.next_try_at:%H:%M:%S}" if state.next_try_at else ""
        text = text.replace("%1", domain_text(state.problem) if state.problem else "").replace("%2", when)
        self.scans_status.setText(text)
        self.scans_status.setToolTip(text)
        set_status(self.scans_status, "error")

    def _report_scans(self, check: FileCheck) -> None:
        lines = [self.tr("Missing (the database points to them): %n file(s)", "", len(check.missing))]
        lines += [f"  • {path}" for path in check.missing[:10]]
        lines.append(self.tr("Not referenced by any dossier: %n file(s)", "", len(check.orphans)))
        lines += [f"  • {path}" for path in check.orphans[:10]]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Scanned files need attention"), "", parent=self)
        box.setText(
            self.tr(
                "The start-up check of the scans folder found problems. Missing files must be "
                "scanned again; files no dossier refers to were left by an interrupted scan and "
                "can be deleted by the administrator."
            )
        )
        box.setInformativeText(f"{self.parts.scans_folder}\n\n" + "\n".join(lines))
        box.setModal(False)
        box.show()
        self.scan_report = box

    def _ocr_status(self, engine: OcrAvailability, check: FileCheck) -> None:
        text = (
            self.tr("OCR: on (%1)").replace("%1", engine.version)
            if engine.ready
            else self.tr("OCR: off (Tesseract with Vietnamese is not installed)")
        )
        if not check.clean:
            text += " · " + self.tr(
                "scans folder: %n problem(s)", "", len(check.missing) + len(check.orphans)
            )
            set_status(self.scans_status, "error")
        else:
            set_status(self.scans_status, "ok" if engine.ready else "warn")
        self.scans_status.setText(text)
        self.scans_status.setToolTip("")

    def _kiosk_printer(self, problem: PrinterProblem | None) -> None:
        if problem != self.kiosk_printer:
            self.kiosk_printer = problem
            self.refresh_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.ocr.stop(30.0)  # the page being read finishes; the rest waits for the next start
        self.tasks.wait(5000)
        super().closeEvent(event)
