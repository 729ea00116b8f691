"""The composition root: reads settings, opens the database, builds the services.

The one place that wires the app together; windows get what they need through their
constructors, never from a global.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.devices.printer import TicketPrinter
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from counter_app.paths import AppPaths
from counter_app.services.audit import AuditService
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.demo import seed_demo
from counter_app.services.dossier_lists import DossierLists
from counter_app.services.dossiers import DossierService
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.services.reception import ReceptionService
from counter_app.services.staff import StaffService
from counter_app.settings import Settings
from counter_app.storage import migrate
from counter_app.storage.database import Database, parse_database_url, sqlite_url
from counter_app.sync.log import SyncLog
from counter_app.sync.province.credentials import DEMO_SECRET, load_secret
from counter_app.sync.province.rest_client import Credentials, client_for
from counter_app.sync.service import SyncService

if TYPE_CHECKING:
    from counter_app.services.ocr import OcrService
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
    dossiers: DossierService
    reception: ReceptionService
    lists: DossierLists
    audit: AuditService
    queue: QueueService
    demo: bool
    printer: TicketPrinter
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

    @functools.cached_property
    def sync_log(self) -> SyncLog:
        """What the sync did and what waits to be sent: readable with sync set up or not."""
        return SyncLog(self.db)

    def close(self) -> None:
        self.db.dispose()

    def use_new_office(self) -> None:
        """Rebuild what holds the office's code or this PC's printer, after ``settings`` changed them.

        The first-run wizard names the office after this context was built with the default one.
        """
        self.dossiers = _dossier_service(self.db, self.catalogue, self.calendar, self.settings)
        self.reception = ReceptionService(self.dossiers)
        self.queue = QueueService(self.db, office_code=self.settings.office.code)
        self.printer = TicketPrinter(self.settings.printer)

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


def _dossier_service(
    db: Database, catalogue: CatalogueService, calendar: CalendarService, settings: Settings
) -> DossierService:
    return DossierService(
        db,
        catalogue,
        calendar,
        office_code=settings.office.code,
        code_pattern=settings.dossier_code_pattern,
        system_code=settings.dossier_system_code,
    )


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
        dossiers = _dossier_service(db, catalogue, calendar, settings)
        queue = QueueService(db, office_code=settings.office.code)
        if demo and seed_demo(staff, catalogue, queue, dossiers):
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
        dossiers,
        ReceptionService(dossiers),
        DossierLists(db, calendar),
        AuditService(db),
        queue,
        demo,
        TicketPrinter(settings.printer),
        province_demo=bool(province_demo),
    )
