"""The counter's dossier work, each step one transaction: receive, refuse, supplement, hand over,
decide, return, withdraw, apologise.

Every step records a status event (dossier_event): Mẫu 06, the register and the sync to the
provincial system are all read from those events, never kept by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.catalogue import Procedure, ProcessingTime, ProcessingUnit
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError, ValidationError
from counter_app.domain.lifecycle import FINAL_STATES, DossierStatus, IllegalTransition, check_transition
from counter_app.domain.national_fields import PROVINCE_ACTOR_NAME
from counter_app.domain.reception import (
    Applicant,
    Assessment,
    CheckResult,
    ComponentCheck,
    FeeMode,
    IdKind,
    PaperType,
    PaymentMeans,
    Proxy,
    ReturnMethod,
    assess,
    fee_for,
    require_reason,
)
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import clean_line
from counter_app.services.dossiers import DossierEventView, DossierService, add_event
from counter_app.storage import models
from counter_app.sync import outbox

S = DossierStatus
VOLUNTARY_FROM = 1000
IN_PROGRESS = frozenset(s for s in DossierStatus if s not in FINAL_STATES and s is not S.REGISTERED_ONLINE)


@dataclass(frozen=True)
class ReceptionRequest:
    """What the clerk filled in at the counter."""

    procedure_code: str
    applicant: Applicant
    rows: Sequence[ComponentCheck] = ()
    proxy: Proxy | None = None
    sets_count: int = 1
    return_method: ReturnMethod = ReturnMethod.COUNTER
    fee_mode: FeeMode = FeeMode.NOT_CHARGED
    payment_means: PaymentMeans | None = None
    ticket_id: int | None = None


@dataclass(frozen=True)
class ExtensionView:
    issued_at: datetime
    reason: str
    previous_until: datetime
    new_until: datetime
    staff_name: str


@dataclass(frozen=True)
class DossierRecord:
    """A dossier whole: what the forms print and the counter's detail view shows."""

    id: int
    code: str
    status: DossierStatus
    procedure_code: str
    procedure_name: str
    field_name: str
    deciding_authority: str
    processing: ProcessingTime | None  # None when the procedure has left the catalogue since
    applicant: Applicant
    proxy: Proxy | None
    sets_count: int
    return_method: ReturnMethod
    fee_mode: FeeMode
    fee_amount: int
    payment_means: PaymentMeans | None
    fee_paid_at: datetime | None
    received_at: datetime
    appointment_at: datetime
    extended_until: datetime | None
    decided_at: datetime | None
    returned_at: datetime | None
    returned_to_name: str
    returned_to_id: str
    returned_id_kind: IdKind | None
    received_by_name: str
    running_number: int
    ticket_label: str
    rows: tuple[ComponentCheck, ...]
    extensions: tuple[ExtensionView, ...] = field(default=())
    reasons: dict[DossierStatus, str] = field(default_factory=dict)  # the note of each status event
    reason_dates: dict[DossierStatus, datetime] = field(default_factory=dict)
    history: tuple[DossierEventView, ...] = ()  # every status change, in order: Mẫu 06


class DuplicateDossier(DomainError):
    """The same person already has this procedure in progress: receive again only when confirmed."""


def _add_rows(session: Session, dossier_id: int, rows: Sequence[ComponentCheck]) -> None:
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


RESULT_POSITION = 5000  # after the catalogue rows and the voluntary papers (VOLUNTARY_FROM)
_SCAN_FIELDS = (
    "scan_path",
    "scan_sha256",
    "scan_pages",
    "scan_blank_pages",
    "scanned_at",
    "paper_text",
    "ocr_state",
    "reused_from",
)


def _replace_rows(session: Session, dossier: models.Dossier, rows: Sequence[ComponentCheck]) -> None:
    """The checklist as checked again (supplement arrived): a paper already scanned keeps its scan.

    A row whose paper is no longer listed goes; its file, if any, is then unreferenced and the
    start-up check reports it rather than this transaction deleting a file it may roll back.
    """
    kept = {(c.position, c.name): c for c in dossier.components if not c.is_result}
    scans = {key: {f: getattr(c, f) for f in _SCAN_FIELDS} for key, c in kept.items() if c.scan_path}
    for old in list(dossier.components):
        if not old.is_result:
            session.delete(old)
    session.flush()
    _add_rows(session, dossier.id, rows)
    session.flush()
    for new in session.scalars(
        select(models.DossierComponent).where(models.DossierComponent.dossier_id == dossier.id)
    ):
        for field_name, value in scans.get((new.position, new.name), {}).items():
            setattr(new, field_name, value)


class ReceptionService:
    def __init__(self, dossiers: DossierService) -> None:
        self.dossiers = dossiers
        self.db = dossiers.db
        self.catalogue = dossiers.catalogue
        self.calendar = dossiers.calendar

    # --- reception -----------------------------------------------------------------------------

    def active_procedure(self, code: str) -> Procedure:
        """The procedure if the catalogue still publishes it; a clear error otherwise."""
        procedure = self.catalogue.get_active(code)
        if procedure is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The procedure {code} is no longer in the catalogue: it cannot be received. "
                    "Pick the procedure that replaced it.",
                ),
                code=code,
            )
        return procedure

    def in_progress(self, id_number: str, procedure_code: str) -> list[str]:
        """Codes of this person's dossiers of this procedure that are not finished yet."""
        statement = select(models.Dossier.code).where(
            models.Dossier.applicant_id_number == id_number,
            models.Dossier.procedure_code == procedure_code,
            models.Dossier.status.in_([int(s) for s in IN_PROGRESS]),
        )
        with self.db.read() as session:
            return list(session.scalars(statement))

    def receive(
        self, actor: StaffMember, request: ReceptionRequest, *, confirm_duplicate: bool = False
    ) -> DossierRecord:
        """Accept a complete dossier: code, appointment and receipt (Mẫu 01), in one transaction."""
        procedure, assessment = self._checked(actor, request, confirm_duplicate)
        if not assessment.complete:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The dossier is not complete ({value}): request a supplement (Mẫu 02) instead.",
                ),
                field="components",
                value="; ".join(r.name for r in assessment.lacking),
            )
        return self._record(actor, request, procedure, assessment, S.RECEIVED, "")

    def request_supplement_at_reception(
        self, actor: StaffMember, request: ReceptionRequest, reason: str, *, confirm_duplicate: bool = False
    ) -> DossierRecord:
        """An incomplete dossier: recorded with its code, and the request (Mẫu 02) lists what lacks.

        The clock does not run until the supplement arrives; the request is allowed once.
        """
        procedure, assessment = self._checked(actor, request, confirm_duplicate)
        if assessment.complete:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "Every component is accepted: receive the dossier instead."),
                field="components",
            )
        return self._record(
            actor, request, procedure, assessment, S.SUPPLEMENT_REQUESTED, require_reason(reason)
        )

    def refuse(self, actor: StaffMember, request: ReceptionRequest, reason: str) -> DossierRecord:
        """The dossier is not admissible: recorded as refused, with the reason (Mẫu 03)."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        procedure = self.active_procedure(request.procedure_code)
        rows = request.rows or ()
        assessment = assess(procedure, rows) if rows else Assessment((), ())
        return self._record(actor, request, procedure, assessment, S.REFUSED, reason)

    def _checked(
        self, actor: StaffMember, request: ReceptionRequest, confirm_duplicate: bool
    ) -> tuple[Procedure, Assessment]:
        require(actor, Permission.RECEIVE_DOSSIERS)
        procedure = self.active_procedure(request.procedure_code)
        assessment = assess(procedure, request.rows)
        if not 1 <= request.sets_count <= 20:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "The number of sets must be between 1 and 20."),
                field="sets_count",
            )
        if not confirm_duplicate:
            codes = self.in_progress(request.applicant.id_number, procedure.code)
            if codes:
                raise DuplicateDossier(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "{name} already has a dossier of this procedure in progress: {codes}. "
                        "Receive another one only if the citizen really files a second time.",
                    ),
                    name=request.applicant.name,
                    codes=", ".join(codes),
                )
        return procedure, assessment

    def _record(
        self,
        actor: StaffMember,
        request: ReceptionRequest,
        procedure: Procedure,
        assessment: Assessment,
        outcome: DossierStatus,
        reason: str,
    ) -> DossierRecord:
        fee = fee_for(procedure, request.fee_mode, request.payment_means)
        received = self.dossiers.clock().astimezone(VN_TZ)
        with self.db.write() as session:
            start = S.REFUSED if outcome is S.REFUSED else S.RECEIVED
            proxy = request.proxy
            extra: dict[str, object] = {
                "sets_count": request.sets_count,
                "return_method": request.return_method.value,
            }
            if proxy is not None:
                extra |= {
                    "proxy_name": proxy.name,
                    "proxy_id_number": proxy.id_number,
                    "proxy_address": proxy.address,
                    "proxy_phone": proxy.phone,
                    "proxy_authorisation": proxy.authorisation,
                    "proxy_email": proxy.email,
                }
            if outcome is not S.REFUSED:
                extra |= {
                    "fee_mode": fee.mode.value,
                    "fee_amount": fee.amount,
                    "payment_means": fee.means.value if fee.means else "",
                    "fee_paid_at": received if fee.mode is FeeMode.AT_RECEPTION and fee.amount else None,
                }
            if request.ticket_id is not None:
                ticket = session.get(models.Ticket, request.ticket_id, with_for_update=True)
                if ticket is not None:
                    extra["ticket_label"] = ticket.label
            else:
                ticket = None
            row = self.dossiers.insert(
                session,
                actor,
                procedure,
                request.applicant,
                status=start,
                received=received,
                note=reason,
                extra=extra,
            )
            _add_rows(session, row.id, assessment.rows)
            history = [DossierEventView(None, start, received, actor.full_name, reason)]
            if outcome is S.SUPPLEMENT_REQUESTED:
                add_event(session, row, S.RECEIVED, S.SUPPLEMENT_REQUESTED, received, actor, reason)
                history.append(DossierEventView(S.RECEIVED, outcome, received, actor.full_name, reason))
            if ticket is not None:
                ticket.dossier_id = row.id
            session.flush()
            # Everything is known here: no need to read the dossier back (a save is ten statements fewer).
            return _build(
                row,
                procedure.field_name,
                procedure.processing_time,
                actor.full_name,
                assessment.rows,
                tuple(history),
            )

    # --- after reception -----------------------------------------------------------------------

    def _locked(self, session: Session, dossier_id: int) -> models.Dossier:
        row = session.scalar(select(models.Dossier).where(models.Dossier.id == dossier_id).with_for_update())
        if row is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id)
        return row

    def _move(
        self, session: Session, actor: StaffMember, row: models.Dossier, target: DossierStatus, note: str = ""
    ) -> datetime:
        history = [
            DossierStatus(s)
            for s in session.scalars(
                select(models.DossierEvent.to_status).where(models.DossierEvent.dossier_id == row.id)
            )
        ]
        check_transition(DossierStatus(row.status), target, history)
        at = self.dossiers.clock().astimezone(VN_TZ)
        add_event(session, row, DossierStatus(row.status), target, at, actor, note)
        return at

    def hand_over(self, actor: StaffMember, dossier_id: int, note: str = "") -> DossierRecord:
        """The centre hands the dossier to the deciding department (a Mẫu 06 row)."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            self._move(session, actor, row, S.IN_PROCESSING, note)
            return self._read(session, row.id)

    def request_supplement(self, actor: StaffMember, dossier_id: int, reason: str) -> DossierRecord:
        """The department finds something missing (Mẫu 02): allowed once per dossier."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            self._move(session, actor, row, S.SUPPLEMENT_REQUESTED, reason)
            return self._read(session, row.id)

    def receive_supplement(
        self, actor: StaffMember, dossier_id: int, rows: Sequence[ComponentCheck]
    ) -> DossierRecord:
        """The missing papers arrive: the dossier is complete, and its time counts from now."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            procedure = self.active_procedure(row.procedure_code)
            assessment = assess(procedure, rows)
            if not assessment.complete:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "Still not complete: {value}."),
                    field="components",
                    value="; ".join(r.name for r in assessment.lacking),
                )
            at = self._move(session, actor, row, S.IN_PROCESSING, "")
            row.appointment_at = self.calendar.calendar().appointment(at, procedure.processing_time)
            _replace_rows(session, row, assessment.rows)
            outbox.note_dossier(session, row.id)
            return self._read(session, row.id)

    def record_decision(self, actor: StaffMember, dossier_id: int, note: str = "") -> DossierRecord:
        """The department hands the result back to the centre (a Mẫu 06 row)."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            self._move(session, actor, row, S.DECIDED, note)
            if not any(c.is_result for c in row.components):
                try:
                    result_name = self.catalogue.get(row.procedure_code).result
                except DomainError:  # the procedure has left the catalogue since
                    result_name = ""
                # A row for the result itself, so it is digitised like the papers received.
                session.add(
                    models.DossierComponent(
                        dossier_id=row.id,
                        position=RESULT_POSITION,
                        name=result_name or row.procedure_name,
                        voluntary=False,
                        paper_type="original",
                        count=1,
                        result=CheckResult.PASS.value,
                        is_result=True,
                    )
                )
            outbox.note_dossier(session, row.id)
            return self._read(session, row.id)

    def return_result(
        self,
        actor: StaffMember,
        dossier_id: int,
        *,
        collected_by: str,
        id_kind: IdKind,
        id_value: str,
        payment_means: PaymentMeans | None = None,
    ) -> DossierRecord:
        """Hand the result over: who collected it, with what identification; a fee due on return is paid."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        name = clean_line(collected_by)
        identification = clean_line(id_value)
        if not name or not identification:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Domain", "Write who collects the result and the number of the paper shown."
                ),
                field="collected_by",
            )
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            if row.fee_mode == FeeMode.ON_RETURN.value and row.fee_amount and row.fee_paid_at is None:
                if payment_means is None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("Domain", "Choose how the fee of {value} đồng is paid."),
                        field="payment_means",
                        value=f"{row.fee_amount:,}".replace(",", "."),
                    )
                row.payment_means = payment_means.value
                pay = True
            else:
                pay = False
            at = self._move(session, actor, row, S.RETURNED, f"{name} · {identification}")
            if pay:
                row.fee_paid_at = at
            row.returned_to_name, row.returned_to_id, row.returned_id_kind = (
                name,
                identification,
                id_kind.value,
            )
            outbox.note_dossier(session, row.id)
            return self._read(session, row.id)

    def withdraw(self, actor: StaffMember, dossier_id: int, reason: str) -> DossierRecord:
        """The citizen withdraws before a decision: the request and the stop (Mẫu 05), together."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            if DossierStatus(row.status) is not S.WITHDRAWAL_REQUESTED:
                self._move(session, actor, row, S.WITHDRAWAL_REQUESTED, reason)
            self._move(session, actor, row, S.STOPPED, reason)
            return self._read(session, row.id)

    def issue_apology(
        self, actor: StaffMember, dossier_id: int, *, reason: str, new_until: datetime
    ) -> DossierRecord:
        """Mẫu 04: the apology and the new date. The legal appointment is kept: the dossier still
        counts as late if it misses it (lateness is computed, never edited)."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            if DossierStatus(row.status) in FINAL_STATES | {S.DECIDED}:
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP("Domain", "The dossier {code} is finished: no apology is needed."),
                    code=row.code,
                )
            previous = row.extended_until or row.appointment_at
            if new_until <= previous:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "The new return date must be after {value}."),
                    field="new_until",
                    value=f"{previous:%H:%M %d/%m/%Y}",
                )
            session.add(
                models.DossierExtension(
                    dossier_id=row.id,
                    issued_at=self.dossiers.clock().astimezone(VN_TZ),
                    reason=reason,
                    previous_until=previous,
                    new_until=new_until,
                    staff_id=actor.id,
                )
            )
            row.extended_until = new_until
            session.flush()
            outbox.note_dossier(session, row.id)
            return self._read(session, row.id)

    # --- reading ---------------------------------------------------------------------------------

    def record(self, dossier_id: int) -> DossierRecord:
        with self.db.read() as session:
            return self._read(session, dossier_id)

    def record_by_code(self, code: str) -> DossierRecord:
        with self.db.read() as session:
            dossier_id = session.scalar(select(models.Dossier.id).where(models.Dossier.code == code.strip()))
            if dossier_id is None:
                raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "No dossier has the code {code}."), code=code)
            return self._read(session, dossier_id)

    def _read(self, session: Session, dossier_id: int) -> DossierRecord:
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
        wanted = {row.received_by, *(e.staff_id for e in row.events), *(e.staff_id for e in extensions)}
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
            )
            for e in row.events
        )
        views = tuple(
            ExtensionView(e.issued_at, e.reason, e.previous_until, e.new_until, names.get(e.staff_id, ""))
            for e in extensions
        )
        return _build(row, field_name, processing, names.get(row.received_by, ""), rows, history, views)


def _build(
    row: models.Dossier,
    field_name: str,
    processing: ProcessingTime | None,
    received_by_name: str,
    rows: tuple[ComponentCheck, ...],
    history: tuple[DossierEventView, ...],
    extensions: tuple[ExtensionView, ...] = (),
) -> DossierRecord:
    """The record from a dossier row and what was read (or, just after a save, known) beside it."""
    reasons = {event.to_status: event.note for event in history}
    dates = {event.to_status: event.at for event in history}
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
    )
