"""A new office's first set-up: what the first-run wizard collected, checked, then written at once.

The wizard writes nothing until Finish. The checks live here, not in the wizard, so that the rules
are the same whoever asks and are tested without a screen; each error names its field
(``office.code``, ``area.name``, ``clerk.password``…) for the wizard to show beside that field.

:meth:`OfficeSetup.apply` then writes through the services that own each table, with their own
transactions and activity-log entries, in an order that survives an interruption:

1. the settings file, first: should anything later fail, the next start already knows the office's
   name and code, opens the wizard again (there is still no account) and offers what was typed;
2. the office row, the service areas, the counters and the catalogue: writing any of them a second
   time changes nothing, so a set-up cut short is simply finished by the next attempt;
3. the accounts, last, because "no account yet" is what sends the next start back to the wizard.
   A set-up cut short between the two accounts resumes when the administrator's password is given
   again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from counter_app.domain.catalogue import Catalogue
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, ValidationError
from counter_app.domain.queue import ServiceArea, validate_area
from counter_app.domain.staff import Role, StaffMember, validate_password, validate_username
from counter_app.domain.text import clean_line
from counter_app.services.catalogue import CatalogueService
from counter_app.services.office import claim_office
from counter_app.services.queue import QueueService
from counter_app.services.staff import StaffService
from counter_app.settings import (
    OfficeSettings,
    PrinterKind,
    PrinterSettings,
    Settings,
    StationRole,
    save,
    validate,
)
from counter_app.storage.database import Database

log = logging.getLogger(__name__)
MAX_COUNTER = 99
_PHONE = re.compile(r"\+?[0-9][0-9 .()-]{5,19}")
_USB_TARGET = re.compile(r"[0-9a-fA-F]{4}:[0-9a-fA-F]{4}")
_NETWORK_TARGET = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?")


@dataclass(frozen=True)
class NewAccount:
    username: str
    full_name: str
    password: str = field(repr=False)  # never in a log line or a traceback's locals


@dataclass(frozen=True)
class OfficePlan:
    """Everything Finish writes. ``settings`` is the whole settings file, the office in it."""

    settings: Settings
    areas: tuple[ServiceArea, ...]
    counters: Mapping[int, tuple[str, ...]]  # counter number -> the area codes it calls from
    catalogue: Catalogue
    admin: NewAccount
    clerk: NewAccount


@dataclass(frozen=True)
class SetupReport:
    settings: Settings  # as saved: trimmed and checked, for the running program to take over
    procedures: int
    admin: StaffMember
    clerk: StaffMember


@contextmanager
def _field_prefix(prefix: str) -> Iterator[None]:
    """Name a shared rule's field after the part of the form it checks ("username" -> "clerk.username")."""
    try:
        yield
    except ValidationError as exc:
        exc.field = f"{prefix}.{exc.field}" if exc.field else prefix
        raise


# --- the checks, page by page -------------------------------------------------------------------


def check_office(office: OfficeSettings) -> OfficeSettings:
    """The office as it will be saved (trimmed, NFC, the code in capitals), or the first thing wrong.

    The agency code follows the settings file's own rule; the parent body and the place are
    required here because every form prints them in its header.
    """
    cleaned = replace(
        office,
        name=clean_line(office.name),
        code=clean_line(office.code).upper(),
        parent_body=clean_line(office.parent_body),
        place=clean_line(office.place),
        phone=clean_line(office.phone),
    )
    if not cleaned.name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The office's name is missing."), field="office.name"
        )
    validate(Settings(office=cleaned))  # the agency electronic ID, exactly as a settings file is checked
    if not cleaned.parent_body:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The parent body is missing: the forms print it in their header."),
            field="office.parent_body",
        )
    if not cleaned.place:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The place name is missing: the forms write it before the date."),
            field="office.place",
        )
    if cleaned.phone and not _PHONE.fullmatch(cleaned.phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "“{value}” is not a phone number."),
            field="office.phone",
            value=cleaned.phone,
        )
    return cleaned


def check_new_area(area: ServiceArea, existing: Sequence[ServiceArea]) -> ServiceArea:
    """One more service area for the list: a valid letter and name, the letter not used yet."""
    with _field_prefix("area"):
        checked = validate_area(replace(area, code=clean_line(area.code).upper()))
    if any(a.code == checked.code for a in existing):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "There is already a service area with the letter {value}."),
            field="area.code",
            value=checked.code,
        )
    return checked


def check_counter(number: int, codes: Sequence[str]) -> None:
    if not 1 <= number <= MAX_COUNTER:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "A counter number is from 1 to 99, not {value}."),
            field="counter.number",
            value=number,
        )
    if not codes:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "Tick at least one service area for counter {value} to call from."),
            field="counter.areas",
            value=number,
        )


def check_queue(
    areas: Sequence[ServiceArea], counters: Mapping[int, Sequence[str]]
) -> tuple[ServiceArea, ...]:
    """The areas as they will be saved; at least one area and one counter, every area called by one."""
    if not areas:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "Add at least one service area: the kiosk shows a button for each."),
            field="areas",
        )
    checked: list[ServiceArea] = []
    for area in areas:
        checked.append(check_new_area(area, checked))
    if not counters:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "Add at least one counter and the service areas it calls from."),
            field="counters",
        )
    known = {a.code for a in checked}
    for number, codes in sorted(counters.items()):
        check_counter(number, codes)
        for code in codes:
            if code not in known:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Domain", "Counter {number} calls from {value}, which is not a service area."
                    ),
                    field="counters",
                    number=number,
                    value=code,
                )
    called = {code for codes in counters.values() for code in codes}
    for area in checked:
        if area.code not in called:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "No counter calls from the service area {value}: its tickets would never be called.",
                ),
                field="counters",
                value=area.code,
            )
    return tuple(checked)


def check_station(role: StationRole, counter_number: int, counters: Mapping[int, Sequence[str]]) -> None:
    """A counter PC must be one of the office's counters, or it would call nobody."""
    if role is StationRole.COUNTER and counter_number not in counters:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "There is no counter {value} in the office's list of counters."),
            field="counter_number",
            value=counter_number,
        )


def check_printer(printer: PrinterSettings) -> PrinterSettings:
    """ "No printer" needs nothing more; any other kind needs to know where the printer is."""
    target = clean_line(printer.target)
    if printer.kind is PrinterKind.NONE:
        return replace(printer, target="")
    if not target:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "Say where the ticket printer is, or choose “No ticket printer on this computer”."
            ),
            field="printer.target",
        )
    if printer.kind is PrinterKind.USB and not _USB_TARGET.fullmatch(target):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "A USB printer is given as vendor:product in hexadecimal, such as 0416:5011, not “{value}”.",
            ),
            field="printer.target",
            value=target,
        )
    if printer.kind is PrinterKind.NETWORK and not _NETWORK_TARGET.fullmatch(target):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "A network printer is given as address or address:port, such as 192.168.1.50:9100, "
                "not “{value}”.",
            ),
            field="printer.target",
            value=target,
        )
    return replace(printer, target=target)


def check_catalogue(catalogue: Catalogue) -> None:
    if not catalogue.procedures:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "This catalogue has no procedures."), field="catalogue"
        )


def check_account(account: NewAccount, who: str) -> NewAccount:
    """The account as it will be created (user name in lower case), or the first thing wrong.

    ``who`` ("admin" or "clerk") prefixes the field, so the wizard shows the error in the right box.
    """
    cleaned = NewAccount(account.username.strip().lower(), clean_line(account.full_name), account.password)
    with _field_prefix(who):
        validate_username(cleaned.username)
        if not cleaned.full_name:
            raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The full name is missing."), field="full_name")
        validate_password(cleaned.password)
    return cleaned


def check_accounts(admin: NewAccount, clerk: NewAccount) -> tuple[NewAccount, NewAccount]:
    admin, clerk = check_account(admin, "admin"), check_account(clerk, "clerk")
    if admin.username == clerk.username:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The clerk needs a user name of their own, not the administrator's."),
            field="clerk.username",
        )
    return admin, clerk


def check_plan(plan: OfficePlan) -> OfficePlan:
    """Every page's checks again, on the whole plan: Finish never writes half of a wrong set-up."""
    settings = replace(
        plan.settings,
        office=check_office(plan.settings.office),
        printer=check_printer(plan.settings.printer),
    )
    validate(settings)
    areas = check_queue(plan.areas, plan.counters)
    check_station(settings.role, settings.counter_number, plan.counters)
    check_catalogue(plan.catalogue)
    admin, clerk = check_accounts(plan.admin, plan.clerk)
    return replace(plan, settings=settings, areas=areas, admin=admin, clerk=clerk)


# --- writing --------------------------------------------------------------------------------------


class AlreadySetUp(DomainError):
    """The database has accounts made by someone else: another PC finished its set-up first."""


class OfficeSetup:
    """Writes a checked plan through the services; runs off the GUI thread (Argon2 takes a while)."""

    def __init__(
        self, db: Database, staff: StaffService, catalogue: CatalogueService, queue: QueueService
    ) -> None:
        self.db = db
        self.staff = staff
        self.catalogue = catalogue
        self.queue = queue  # its own office code does not matter: areas and counters are office-wide

    def apply(self, plan: OfficePlan, settings_file: Path) -> SetupReport:
        """Check, then write in the order the module's docstring explains, each step in its service's
        own transaction. Nothing is written when a check fails or the office is already set up."""
        plan = check_plan(plan)
        admin = self._resumed_admin(plan.admin)
        # The office first, so that a set-up cut short reopens with its name and code; the PC's
        # role last: a kiosk or board role saved before the accounts would open that window next
        # time, on an office with nobody to finish the set-up.
        save(replace(plan.settings, role=StationRole.COUNTER), settings_file)
        claim_office(self.db, plan.settings.office)
        for position, area in enumerate(plan.areas, start=1):
            self.queue.save_area(None, replace(area, position=position, active=True))
        for number, codes in sorted(plan.counters.items()):
            self.queue.set_counter(None, number, codes)
        imported = self.catalogue.import_catalogue(None, plan.catalogue)
        if admin is None:
            spec = plan.admin
            admin = self.staff.create(None, spec.username, spec.full_name, Role.ADMIN, spec.password)
        spec = plan.clerk
        clerk = self.staff.create(admin, spec.username, spec.full_name, Role.CLERK, spec.password)
        save(plan.settings, settings_file)
        procedures = imported.added + imported.updated
        # Counts only: the names typed (people, passwords) stay out of the log.
        log.info(
            "office %s set up: %d service areas, %d counters, %d procedures, 2 accounts",
            plan.settings.office.code,
            len(plan.areas),
            len(plan.counters),
            procedures,
        )
        return SetupReport(plan.settings, procedures, admin, clerk)

    def _resumed_admin(self, spec: NewAccount) -> StaffMember | None:
        """None on an empty database. A set-up cut short after the administrator was created resumes
        with that administrator's password; any other account means the office is already set up
        (another PC finished first) and nothing is written."""
        count = self.staff.count()
        if count == 0:
            return None
        existing = self.staff.find(spec.username)
        if count == 1 and existing is not None and existing.role is Role.ADMIN:
            return self.staff.authenticate(spec.username, spec.password)
        raise AlreadySetUp(
            QT_TRANSLATE_NOOP(
                "Domain",
                "This office is already set up: its database has accounts. Close the program, open it "
                "again and sign in.",
            )
        )
