"""Dossier registration and status changes: codes, appointments, checklist rows and events.

The module-level functions write inside the caller's transaction and are shared by the intake
(services/intake.py) and the later steps (services/dossier_steps.py); DossierService wraps them
in transactions of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import VN_TZ, WorkingCalendar, now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.domain.dossier_code import format_code, validate_pattern
from counter_app.domain.dossier_record import DossierEventView
from counter_app.domain.errors import QT_TRANSLATE_NOOP, NotFoundError
from counter_app.domain.lifecycle import DossierStatus, check_start, check_transition
from counter_app.domain.national_fields import PROVINCE_ACTOR_NAME
from counter_app.domain.reception import Applicant, ComponentCheck
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import clean_line, fold
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.numbering import next_number
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox

Clock = Callable[[], datetime]
VOLUNTARY_FROM = 1000  # positions of the papers given beyond the catalogue's list


@dataclass(frozen=True)
class DossierView:
    id: int
    code: str
    procedure_code: str
    procedure_name: str
    deciding_authority: str
    applicant_name: str
    applicant_id_number: str
    status: DossierStatus
    received_at: datetime
    appointment_at: datetime
    decided_at: datetime | None
    returned_at: datetime | None


@dataclass(frozen=True)
class DossierCodes:
    """How this office numbers its dossiers: its agency code, the code's pattern, the system code."""

    office_code: str
    pattern: str
    system_code: str = "00"

    def __post_init__(self) -> None:
        validate_pattern(self.pattern)


def add_event(
    session: Session,
    row: models.Dossier,
    current: DossierStatus | None,
    target: DossierStatus,
    at: datetime,
    actor: StaffMember,
    note: str = "",
) -> None:
    """Record a status change: the source of Mẫu 06 and of the sync to the provincial system."""
    row.status = int(target)
    if target is DossierStatus.DECIDED:
        row.decided_at = at
    elif target is DossierStatus.RETURNED:
        row.returned_at = at
    recorded = models.DossierEvent(
        dossier_id=row.id,
        from_status=int(current) if current is not None else None,
        to_status=int(target),
        at=at,
        staff_id=actor.id,
        note=clean_line(note),
    )
    session.add(recorded)
    outbox.note_event(session, row, recorded, actor)


def _view(row: models.Dossier) -> DossierView:
    return DossierView(
        id=row.id,
        code=row.code,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        deciding_authority=row.deciding_authority,
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        status=DossierStatus(row.status),
        received_at=row.received_at,
        appointment_at=row.appointment_at,
        decided_at=row.decided_at,
        returned_at=row.returned_at,
    )


def insert_dossier(
    session: Session,
    codes: DossierCodes,
    calendar: WorkingCalendar,
    actor: StaffMember,
    procedure: Procedure,
    applicant: Applicant,
    *,
    status: DossierStatus,
    received: datetime,
    note: str = "",
    extra: Mapping[str, object] | None = None,
) -> models.Dossier:
    """Add a dossier with the day's next code and its first event, in the caller's transaction."""
    check_start(status)
    appointment = calendar.appointment(received, procedure.processing_time)
    day = received.date()
    number = next_number(session, models.DossierCounter, office_code=codes.office_code, day=day)
    row = models.Dossier(
        code=format_code(
            codes.pattern, agency=codes.office_code, day=day, seq=number, system=codes.system_code
        ),
        office_code=codes.office_code,
        day=day,
        running_number=number,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        deciding_authority=procedure.deciding_authority,
        applicant_name=clean_line(applicant.name),
        applicant_id_number=applicant.id_number,
        applicant_birth_date=applicant.birth_date,
        applicant_address=clean_line(applicant.address),
        applicant_phone=applicant.phone.strip(),
        applicant_email=applicant.email.strip(),
        search_text=fold(f"{applicant.name} {applicant.id_number}"),
        status=int(status),
        received_at=received,
        appointment_at=appointment,
        received_by=actor.id,
    )
    for name, value in (extra or {}).items():  # the caller's columns, in the same INSERT
        setattr(row, name, value)
    session.add(row)
    session.flush()
    add_event(session, row, None, status, received, actor, note)
    return row


def add_rows(session: Session, dossier_id: int, rows: Sequence[ComponentCheck]) -> None:
    """Catalogue rows keep the catalogue's position; voluntary papers follow them."""
    for extra, check in enumerate(rows):
        session.add(
            models.DossierComponent(
                dossier_id=dossier_id,
                position=check.position if check.position is not None else VOLUNTARY_FROM + extra,
                name=check.name,
                required_originals=check.required_originals,
                required_copies=check.required_copies,
                voluntary=check.voluntary,
                paper_type=check.paper_type.value,
                count=check.count,
                result=check.result.value,
                reason=check.reason,
                scan_path=check.scan_path,
                presented_only=check.presented_only,
            )
        )


class DossierService:
    def __init__(
        self,
        db: Database,
        catalogue: CatalogueService,
        calendar: CalendarService,
        *,
        office_code: str,
        code_pattern: str,
        system_code: str = "00",
        clock: Clock = now_vn,
    ) -> None:
        self.codes = DossierCodes(office_code, code_pattern, system_code)
        self.db = db
        self.catalogue = catalogue
        self.calendar = calendar
        self.clock = clock

    def register(
        self,
        actor: StaffMember,
        procedure_code: str,
        applicant: Applicant,
        *,
        status: DossierStatus = DossierStatus.RECEIVED,
        received_at: datetime | None = None,
        note: str = "",
    ) -> DossierView:
        """Record a dossier with its code and appointment, and its first status, in one transaction."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        procedure = self.catalogue.get(procedure_code)
        received = (received_at or self.clock()).astimezone(VN_TZ)
        with self.db.write() as session:
            row = insert_dossier(
                session,
                self.codes,
                self.calendar.calendar(),
                actor,
                procedure,
                applicant,
                status=status,
                received=received,
                note=note,
            )
            view = _view(row)
            outbox.write_pending(session, at=self.clock())
        return view

    def transition(
        self, actor: StaffMember, dossier_id: int, target: DossierStatus, *, note: str = ""
    ) -> DossierView:
        """Move a dossier to ``target`` if the lifecycle allows it, recording who and when."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        at = self.clock().astimezone(VN_TZ)
        with self.db.write() as session:
            row = session.scalar(
                select(models.Dossier).where(models.Dossier.id == dossier_id).with_for_update()
            )
            if row is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id
                )
            history = [
                DossierStatus(s)
                for s in session.scalars(
                    select(models.DossierEvent.to_status).where(models.DossierEvent.dossier_id == dossier_id)
                )
            ]
            current = DossierStatus(row.status)
            check_transition(current, target, history)
            add_event(session, row, current, target, at, actor, note)
            view = _view(row)
            outbox.write_pending(session, at=self.clock())
        return view

    def get(self, dossier_id: int) -> DossierView:
        with self.db.read() as session:
            row = session.get(models.Dossier, dossier_id)
            if row is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id
                )
            return _view(row)

    def history(self, dossier_id: int) -> list[DossierEventView]:
        statement = (
            select(models.DossierEvent, models.Staff.full_name)
            .outerjoin(models.Staff, models.Staff.id == models.DossierEvent.staff_id)
            .where(models.DossierEvent.dossier_id == dossier_id)
            .order_by(models.DossierEvent.id)
        )
        with self.db.read() as session:
            return [
                DossierEventView(
                    DossierStatus(e.from_status) if e.from_status is not None else None,
                    DossierStatus(e.to_status),
                    e.at,
                    name if e.staff_id is not None else PROVINCE_ACTOR_NAME,
                    e.note,
                )
                for e, name in session.execute(statement)
            ]
