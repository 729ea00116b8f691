"""The composition root: reads settings, opens the database, builds the services.

The one place that wires the app together; windows get what they need through their
constructors, never from a global.
"""

from __future__ import annotations

import copy
import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.devices.printer import TicketPrinter
from counter_app.domain.announcement import CallAnnouncer
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from counter_app.paths import AppPaths, resources_dir
from counter_app.services.audit import AuditService
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.demo import seed_demo
from counter_app.services.dossier_lists import DossierLists
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.intake import IntakeService
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.services.staff import StaffService
from counter_app.services.ticket_desk import TicketDesk
from counter_app.settings import Settings
from counter_app.storage import migrate
from counter_app.storage.database import Database, parse_database_url, sqlite_url
from counter_app.sync.log import SyncLog
from counter_app.sync.province.credentials import DEMO_SECRET, load_secret
from counter_app.sync.province.rest_client import Credentials, client_for
from counter_app.sync.service import SyncService

if TYPE_CHECKING:
    from pathlib import Path

    from counter_app.devices.scan_files import ImportedPage
    from counter_app.domain.scanner import Scanner
    from counter_app.services.ocr import OcrService
    from counter_app.services.scanner_setup import ScannerSetup
    from counter_app.services.scanning import ScanService

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database
    catalogue: CatalogueService
    calendar: CalendarService
    staff: StaffService
    intake: IntakeService  # receiving a dossier
    steps: DossierSteps  # every later step, and the dossier read whole
    lists: DossierLists
    audit: AuditService
    queue: QueueService
    demo: bool
    desk: TicketDesk  # issues and prints the kiosk's tickets on this PC's printer
    # Set by `--province URL` (make run): sync with the reference server using its published
    # demo credential instead of a secret from the keyring.
    province_demo: bool = False

    # Scanning and OCR are built when first used: the kiosk and the display board, which run all
    # day, never load NumPy, pikepdf and the page processing (docs/performance.md).
    @functools.cached_property
    def scans(self) -> ScanService:
        from counter_app.services import scanning

        return scanning.ScanService(self.db, self.paths.scans)

    @functools.cached_property
    def ocr(self) -> OcrService:
        from counter_app.services import ocr

        return ocr.OcrService(self.db, self.paths.scans)

    # The devices reach the scanning services through these: services may not import them.
    def open_scanner(self) -> Scanner:
        """The scanner the settings name now (they may change while the app runs)."""
        from counter_app.devices.scanners import open_scanner

        return open_scanner(self.settings.scanner)

    def load_pages(self, path: Path, *, dpi: int = 200) -> list[ImportedPage]:
        """The pages of a file the clerk imports instead of scanning."""
        from counter_app.devices.scan_files import load_pages

        return load_pages(path, dpi=dpi)

    @functools.cached_property
    def scanner_setup(self) -> ScannerSetup:
        from counter_app.devices import scanners
        from counter_app.services.scanner_setup import ScannerSetup

        return ScannerSetup(scanners.open_scanner, scanners.list_devices)

    @functools.cached_property
    def sync_log(self) -> SyncLog:
        """What the sync did and what waits to be sent: readable with sync set up or not."""
        return SyncLog(self.db)

    def close(self) -> None:
        self.db.dispose()

    def adopt_settings(self, saved: Settings) -> None:
        """Take at once the saved settings that services and devices read as they are used.

        The office's name and parent body, the ticket printer (the desk is handed a new one), the
        scanner (read when a scan starts), the kiosk, the voice, the board and the provincial
        system. What services and windows were built with (the office's code, the dossier code's
        pattern, this PC's counter, the database, the language) waits for a restart: see
        ``needing_restart``. Cheap and in memory: the GUI thread calls it.
        """
        office = copy.deepcopy(saved.office)
        office.code = self.settings.office.code
        self.settings.office = office
        self.settings.printer = saved.printer
        self.settings.scanner = saved.scanner
        self.settings.kiosk = saved.kiosk
        self.settings.voice = saved.voice
        self.settings.display = saved.display
        self.settings.provincial = saved.provincial
        self.desk.use_printer(saved.printer)

    def record_office(self) -> None:
        """Write the office's name into the database, where the other PCs and the sync read it."""
        ensure_office(self.db, self.settings.office)

    def build_announcer(self) -> CallAnnouncer | None:
        """The display board's voice, or None when calls are only shown (settings: voice)."""
        voice = self.settings.voice
        if not voice.enabled:
            return None
        from counter_app.devices.audio import Announcer  # only the board loads the sound code

        return Announcer.for_this_computer(resources_dir() / "sounds" / "vi", voice.wording)

    def use_new_office(self) -> None:
        """Rebuild what holds the office's code or this PC's printer, after ``settings`` changed them.

        The first-run wizard names the office after this context was built with the default one.
        """
        self.intake = _intake_service(self.db, self.catalogue, self.calendar, self.settings)
        self.queue = QueueService(self.db, office_code=self.settings.office.code, calendar=self.calendar)
        self.desk = _ticket_desk(self.queue, self.settings)

    @property
    def sync_client_id(self) -> str:
        return self.settings.provincial.client_id or self.settings.office.code

    def build_sync(self) -> SyncService:
        """The sync service for this office's settings; a DomainError says why sync is off."""
        provincial = self.settings.provincial
        if not provincial.endpoint:
            raise SyncNotSetUp()
        secret = DEMO_SECRET if self.province_demo else load_secret(self.sync_client_id)
        adapter = client_for(
            provincial.endpoint,
            Credentials(self.sync_client_id, secret),
            connect_timeout=provincial.connect_timeout,
            read_timeout=provincial.read_timeout,
            extra_ca_file=provincial.extra_ca_file,
        )
        return SyncService(self.db, adapter, self.paths.scans, self.catalogue, self.calendar)


class SyncNotSetUp(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The provincial system's address is not set: the office works offline and keeps "
                "everything to send later.",
            )
        )


def _intake_service(
    db: Database, catalogue: CatalogueService, calendar: CalendarService, settings: Settings
) -> IntakeService:
    return IntakeService(
        db,
        catalogue,
        calendar,
        office_code=settings.office.code,
        code_pattern=settings.dossier_code_pattern,
        system_code=settings.dossier_system_code,
    )


def _ticket_desk(queue: QueueService, settings: Settings) -> TicketDesk:
    """The desk on this PC's ticket printer; the printer comes from here, the services may not import it."""
    return TicketDesk(queue, TicketPrinter(settings.printer), settings, make_printer=TicketPrinter)


def database_url(paths: AppPaths, settings: Settings, override: str | None = None) -> str:
    if override:
        return override
    if settings.database_url:
        return settings.database_url
    return sqlite_url(paths.database_file).render_as_string(hide_password=False)


def build_context(
    paths: AppPaths,
    settings: Settings,
    *,
    database_override: str | None = None,
    demo: bool = False,
    province_demo: str = "",
) -> AppContext:
    paths.ensure()
    if province_demo:  # for this run: the reference server `make run` starts beside the app
        settings.provincial.endpoint = province_demo
    db = Database.open(parse_database_url(database_url(paths, settings, database_override)))
    try:
        backup = migrate.upgrade(db, paths.backups)
        if backup:
            log.info("database backup before upgrade: %s", backup)
        ensure_office(db, settings.office)
        catalogue = CatalogueService(db)
        calendar = CalendarService(db, language=settings.language)
        staff = StaffService(db)
        intake = _intake_service(db, catalogue, calendar, settings)
        steps = DossierSteps(db, catalogue, calendar)
        queue = QueueService(db, office_code=settings.office.code, calendar=calendar)
        if demo and seed_demo(staff, catalogue, queue, intake, steps):
            log.info("demo data added to %s", db.description)
    except BaseException:
        db.dispose()
        raise
    log.info("opened %s", db.description)
    return AppContext(
        paths,
        settings,
        db,
        catalogue,
        calendar,
        staff,
        intake,
        steps,
        DossierLists(db, calendar),
        AuditService(db),
        queue,
        demo,
        _ticket_desk(queue, settings),
        province_demo=bool(province_demo),
    )
