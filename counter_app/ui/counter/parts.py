"""What the counter's window, panels and dialogs use: services, settings and device seams.

Built by the launcher from the application context (``counter_parts``); no database and no
device object reaches a widget, only services and the callables through which a service gets
the scanner (tests/test_architecture.py keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.scanner import PageLoader, Scanner
from counter_app.services.audit import AuditService
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossier_lists import DossierLists
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.intake import IntakeService
from counter_app.services.ocr import OcrService
from counter_app.services.queue import QueueService
from counter_app.services.scanning import ScanService
from counter_app.settings import Settings
from counter_app.sync.log import SyncLog
from counter_app.sync.service import SyncService


@dataclass
class CounterParts:
    settings: Settings  # the running settings; the settings dialog changes some in place
    catalogue: CatalogueService
    calendar: CalendarService
    queue: QueueService
    intake: IntakeService  # receiving a dossier
    steps: DossierSteps  # every later step
    lists: DossierLists
    scans: ScanService
    ocr: OcrService
    sync_log: SyncLog  # read-only: what waits and what the sync did
    build_sync: Callable[[], SyncService]  # raises a DomainError saying why sync is off
    open_scanner: Callable[[], Scanner]  # the scanner the settings name at the time of asking
    load_pages: PageLoader  # paper imported from files
    database_engine: str  # "SQLite" or "PostgreSQL", for the status bar
    database_description: str  # where it is, without a password
    scans_folder: Path
    audit: AuditService | None = None  # forms printed or saved go to the activity log
