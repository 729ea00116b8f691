"""Reading a dossier whole into its DossierRecord, inside the caller's transaction.

Shared by the intake (which builds the record of what it just saved, without reading it back)
and the later steps (which read it after each change).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.domain.catalogue import ProcessingTime, ProcessingUnit
from counter_app.domain.dossier_record import DossierEventView, DossierRecord, ExtensionView
from counter_app.domain.errors import QT_TRANSLATE_NOOP, NotFoundError
from counter_app.domain.lifecycle import Decision, DecisionOutcome, DossierStatus
from counter_app.domain.national_fields import PROVINCE_ACTOR_NAME
from counter_app.domain.reception import (
    Applicant,
    CheckResult,
    ComponentCheck,
    FeeMode,
    IdKind,
    PaperType,
    PaymentMeans,
    Proxy,
    ReturnMethod,
)
from counter_app.storage import models


def read_record(session: Session, dossier_id: int) -> DossierRecord:
    """The dossier with its checklist, history, apologies and the names of the staff involved."""
    row = session.scalar(
        select(models.Dossier)
        .where(models.Dossier.id == dossier_id)
        .options(selectinload(models.Dossier.components), selectinload(models.Dossier.events))
    )
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id)
    procedure_row = session.scalar(
        select(models.Procedure).where(models.Procedure.code == row.procedure_code)
    )
    field_name = procedure_row.field_name if procedure_row else ""
    processing = (
        ProcessingTime(procedure_row.processing_amount, ProcessingUnit(procedure_row.processing_unit))
        if procedure_row
        else None
    )
    extensions = list(
        session.scalars(
            select(models.DossierExtension)
            .where(models.DossierExtension.dossier_id == row.id)
            .order_by(models.DossierExtension.id)
        )
    )
    wanted = {
        row.received_by,
        *(e.staff_id for e in row.events),
        *(e.undone_by for e in row.events if e.undone_by is not None),
        *(e.staff_id for e in extensions),
    }
    names = {
        i: name
        for i, name in session.execute(
            select(models.Staff.id, models.Staff.full_name).where(models.Staff.id.in_(wanted))
        )
    }
    rows = tuple(
        ComponentCheck(
            c.name,
            None if c.voluntary else c.position,
            c.required_originals,
            c.required_copies,
            PaperType(c.paper_type),
            c.count,
            CheckResult(c.result),
            c.reason,
            c.scan_path,
            c.presented_only,
        )
        for c in row.components
        if not c.is_result  # the checklist received; the result is scanned, not checked
    )
    history = tuple(
        DossierEventView(
            DossierStatus(e.from_status) if e.from_status is not None else None,
            DossierStatus(e.to_status),
            e.at,
            names.get(e.staff_id, "") if e.staff_id is not None else PROVINCE_ACTOR_NAME,
            e.note,
            e.recipient,
            e.undone_at,
            names.get(e.undone_by, "") if e.undone_by is not None else "",
            e.undo_reason,
        )
        for e in row.events
    )
    views = tuple(
        ExtensionView(e.issued_at, e.reason, e.previous_until, e.new_until, names.get(e.staff_id, ""))
        for e in extensions
    )
    return build_record(row, field_name, processing, names.get(row.received_by, ""), rows, history, views)


def build_record(
    row: models.Dossier,
    field_name: str,
    processing: ProcessingTime | None,
    received_by_name: str,
    rows: tuple[ComponentCheck, ...],
    history: tuple[DossierEventView, ...],
    extensions: tuple[ExtensionView, ...] = (),
) -> DossierRecord:
    """The record from a dossier row and what was read (or, just after a save, known) beside it."""
    # An undone step gave no reason and no date: the forms read the steps that stand.
    reasons = {event.to_status: event.note for event in history if not event.undone}
    dates = {event.to_status: event.at for event in history if not event.undone}
    decision = (
        Decision(
            row.decision_number,
            row.decision_date,
            DecisionOutcome(row.decision_outcome),
            row.decision_reason,
        )
        if row.decision_outcome and row.decision_date is not None
        else None
    )
    proxy = (
        Proxy(
            row.proxy_name,
            row.proxy_id_number,
            row.proxy_address,
            row.proxy_phone,
            row.proxy_authorisation,
            row.proxy_email,
        )
        if row.proxy_name
        else None
    )
    return DossierRecord(
        id=row.id,
        code=row.code,
        status=DossierStatus(row.status),
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        field_name=field_name,
        deciding_authority=row.deciding_authority,
        processing=processing,
        applicant=Applicant(
            row.applicant_name,
            row.applicant_id_number,
            row.applicant_birth_date,
            row.applicant_address,
            row.applicant_phone,
            row.applicant_email,
        ),
        proxy=proxy,
        sets_count=row.sets_count,
        return_method=ReturnMethod(row.return_method),
        fee_mode=FeeMode(row.fee_mode),
        fee_amount=row.fee_amount,
        payment_means=PaymentMeans(row.payment_means) if row.payment_means else None,
        fee_paid_at=row.fee_paid_at,
        received_at=row.received_at,
        appointment_at=row.appointment_at,
        extended_until=row.extended_until,
        decided_at=row.decided_at,
        returned_at=row.returned_at,
        returned_to_name=row.returned_to_name,
        returned_to_id=row.returned_to_id,
        returned_id_kind=IdKind(row.returned_id_kind) if row.returned_id_kind else None,
        received_by_name=received_by_name,
        running_number=row.running_number,
        ticket_label=row.ticket_label,
        rows=rows,
        extensions=extensions,
        reasons=reasons,
        reason_dates=dates,
        history=history,
        handed_to=row.handed_to,
        decision=decision,
    )
