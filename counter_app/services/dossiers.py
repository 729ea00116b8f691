"""Writing a dossier: its code and appointment, its checklist rows and its status events.

These functions write inside the caller's transaction; the intake (services/intake.py) and the
later steps (services/dossier_steps.py) share them and own the transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.catalogue import Procedure
from counter_app.domain.dossier_code import format_code, validate_pattern
from counter_app.domain.lifecycle import DossierStatus, check_start
from counter_app.domain.reception import Applicant, ComponentCheck
from counter_app.domain.staff import StaffMember
from counter_app.domain.text import clean_line, fold
from counter_app.services.numbering import next_number
from counter_app.storage import models
from counter_app.sync import outbox

Clock = Callable[[], datetime]
VOLUNTARY_FROM = 1000  # positions of the papers given beyond the catalogue's list


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
    recipient: str = "",
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
        recipient=recipient,
    )
    session.add(recorded)
    outbox.note_event(session, row, recorded, actor)


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
    appointed: bool = True,
) -> models.Dossier:
    """Add a dossier with the day's next code and its first event, in the caller's transaction.

    ``appointed=False``: no result date is promised (refused, or sent back incomplete)."""
    check_start(status)
    appointment = calendar.appointment(received, procedure.processing_time) if appointed else None
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
