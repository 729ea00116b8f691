"""The clerk's window: queue panel, dossier area and a status bar for database, printer and connection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app import AppContext
from counter_app.domain.staff import Permission, StaffMember
from counter_app.settings import PrinterKind
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import Clock
from counter_app.ui.counter.catalogue_panel import CataloguePanel
from counter_app.ui.counter.queue_panel import QueuePanel
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import set_status


class CounterWindow(QMainWindow):
    REFERENCE_SIZE = (1366, 768)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor: StaffMember | None = None
        self.on_sign_out: Callable[[], None] | None = None
        self.on_open_settings: Callable[[], None] | None = None
        self.tasks = TaskRunner(self)
        settings = context.settings
        self.setWindowTitle(
            self.tr("Counter %1 — %2")
            .replace("%1", str(settings.counter_number))
            .replace("%2", settings.office.name)
        )

        header = QWidget()
        header.setObjectName("headerBar")
        header.setStyleSheet("#headerBar { background: #0b3d91; } QLabel { color: white; font-size: 15pt; }")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(14, 6, 14, 6)
        office = QLabel(f"<b>{settings.office.name}</b>")
        self.clock = Clock(with_date=True)
        header_layout.addWidget(office, 1)
        header_layout.addWidget(self.clock)

        self.queue = QueuePanel(settings.counter_number)
        self.catalogue_panel = CataloguePanel(context.catalogue, context.calendar, self.tasks)
        self.dossier_area = QTabWidget()
        self.dossier_area.addTab(self.catalogue_panel, self.tr("Procedures and papers"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue)
        split.addWidget(self.dossier_area)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 1080])

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

        self.database_status = QLabel()
        self.printer_status = QLabel()
        self.connection_status = QLabel()
        self.user_status = QLabel()
        bar = QStatusBar()
        for label in (self.database_status, self.printer_status, self.connection_status):
            bar.addWidget(label)
        bar.addPermanentWidget(self.user_status)
        self.setStatusBar(bar)
        self._build_menu()
        self.refresh_status()
        self.resize(*self.REFERENCE_SIZE)

    def _build_menu(self) -> None:
        system = self.menuBar().addMenu(self.tr("&System"))
        self.settings_action = QAction(self.tr("Office &settings…"), self)
        self.settings_action.triggered.connect(lambda: self.on_open_settings and self.on_open_settings())
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(lambda: self.on_sign_out and self.on_sign_out())
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        system.addAction(self.settings_action)
        system.addAction(self.sign_out_action)
        system.addSeparator()
        system.addAction(quit_action)

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        self.settings_action.setEnabled(bool(actor and actor.can(Permission.MANAGE_SETTINGS)))
        self.sign_out_action.setEnabled(actor is not None)
        if actor is None:
            self.user_status.setText(self.tr("Not signed in"))
        else:
            self.user_status.setText(
                self.tr("Signed in: %1 (%2)")
                .replace("%1", actor.full_name)
                .replace("%2", tr_domain(actor.role.label))
            )
        self.catalogue_panel.load()

    def refresh_status(self) -> None:
        db = self.context.db
        engine = "SQLite" if db.is_sqlite else "PostgreSQL"
        self.database_status.setText(self.tr("Database: %1 ✓").replace("%1", engine))
        self.database_status.setToolTip(db.description)
        set_status(self.database_status, "ok")
        printer = self.context.settings.printer
        if printer.kind is PrinterKind.NONE:
            self.printer_status.setText(self.tr("Printer: not set up"))
            set_status(self.printer_status, "warn")
        else:
            self.printer_status.setText(
                self.tr("Printer: %1").replace("%1", printer.target or printer.kind.value)
            )
            set_status(self.printer_status, "ok")
        if self.context.settings.provincial.endpoint:
            self.connection_status.setText(self.tr("Provincial system: not connected yet"))
            set_status(self.connection_status, "warn")
        else:
            self.connection_status.setText(self.tr("Provincial system: not set up (working offline)"))
            set_status(self.connection_status, "warn")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.wait(5000)
        super().closeEvent(event)
