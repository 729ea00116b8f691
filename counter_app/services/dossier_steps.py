"""A dossier's life after reception, each step one transaction: hand over, request or receive a
supplement, decide, return, withdraw, apologise; the office head's undoing of a last step; and
the dossier read whole for the counter.

Every step records a status event (dossier_event): Mẫu 06, the register and the sync to the
provincial system are all read from those events, never kept by hand. Receiving a dossier is
services/intake.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.audit import AuditAction
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError, ValidationError
from counter_app.domain.lifecycle import (
    FINAL_STATES,
    Decision,
    DecisionOutcome,
    DossierStatus,
    IllegalTransition,
    check_decision,
    check_transition,
    require_recipient,
)
from counter_app.domain.reception import (
    CheckResult,
    ComponentCheck,
    FeeMode,
    IdKind,
    PaymentMeans,
    assess,
    require_reason,
)
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import clean_line
from counter_app.services import audit
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossier_records import read_record
from counter_app.services.dossiers import Clock, add_event, add_rows
from counter_app.services.intake import active_procedure
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox

S = DossierStatus
# The result's name when the request is refused: the letter the citizen collects. Stored like the
# catalogue's names of results, in Vietnamese (the scanned paper's name, sent to the province).
REFUSAL_LETTER = "Văn bản trả lời từ chối giải quyết"
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
    add_rows(session, dossier.id, rows)
    session.flush()
    for new in session.scalars(
        select(models.DossierComponent).where(models.DossierComponent.dossier_id == dossier.id)
    ):
        for field_name, value in scans.get((new.position, new.name), {}).items():
            setattr(new, field_name, value)


def _sent_back_at_reception(last: models.DossierEvent, before: Sequence[models.DossierEvent]) -> bool:
    """Whether ``last`` is the supplement request made at the counter as the dossier was filed:
    its first step (since issue 14), or stored before as the step at the very moment of a
    “received” that never was, with the same reason (the papers went back to the citizen)."""
    if last.to_status != S.SUPPLEMENT_REQUESTED:
        return False
    if last.from_status is None:
        return True
    return (
        last.from_status == S.RECEIVED
        and len(before) == 1
        and before[0].from_status is None
        and before[0].at == last.at
        and before[0].note == last.note  # the reason, on both (a reception's own note is empty)
    )


class DossierSteps:
    """Every step of a dossier after reception, and its record for the counter and the kiosk."""

    def __init__(
        self, db: Database, catalogue: CatalogueService, calendar: CalendarService, *, clock: Clock = now_vn
    ) -> None:
        self.db = db
        self.catalogue = catalogue
        self.calendar = calendar
        self.clock = clock

    def _locked(self, session: Session, dossier_id: int) -> models.Dossier:
        row = session.scalar(select(models.Dossier).where(models.Dossier.id == dossier_id).with_for_update())
        if row is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id)
        return row

    def _move(
        self,
        session: Session,
        actor: StaffMember,
        row: models.Dossier,
        target: DossierStatus,
        note: str = "",
        recipient: str = "",
    ) -> datetime:
        e = models.DossierEvent
        # The states the dossier has been in: an undone step does not count (its supplement
        # request, undone, leaves the one request allowed).
        history = [
            DossierStatus(s)
            for s in session.scalars(select(e.to_status).where(e.dossier_id == row.id, e.undone_at.is_(None)))
        ]
        check_transition(DossierStatus(row.status), target, history)
        at = self.clock().astimezone(VN_TZ)
        add_event(session, row, DossierStatus(row.status), target, at, actor, note, recipient)
        return at

    def hand_over(self, actor: StaffMember, dossier_id: int, recipient: str, note: str = "") -> DossierRecord:
        """The centre hands the dossier to the deciding department or officer, who is named
        (a Mẫu 06 row); the dossier remembers who holds it."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        recipient = require_recipient(recipient)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            self._move(session, actor, row, S.IN_PROCESSING, note, recipient)
            row.handed_to = recipient  # the province learns it from the step (its NoiDungXuLy)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    def recipients(self, limit: int = 30) -> list[str]:
        """The departments and officers dossiers were handed to, the most recent first: suggestions."""
        e = models.DossierEvent
        latest = (
            select(e.recipient, func.max(e.id).label("last"))
            .where(e.recipient != "", e.undone_at.is_(None))
            .group_by(e.recipient)
            .subquery()
        )
        with self.db.read() as session:
            return list(
                session.scalars(select(latest.c.recipient).order_by(latest.c.last.desc()).limit(limit))
            )

    def request_supplement(self, actor: StaffMember, dossier_id: int, reason: str) -> DossierRecord:
        """The department finds something missing (Mẫu 02): allowed once per dossier."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            self._move(session, actor, row, S.SUPPLEMENT_REQUESTED, reason)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    def receive_supplement(
        self, actor: StaffMember, dossier_id: int, rows: Sequence[ComponentCheck]
    ) -> DossierRecord:
        """The missing papers arrive: the dossier is complete, and its time counts from now."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            procedure = active_procedure(self.catalogue, row.procedure_code)
            assessment = assess(procedure, rows, by_proxy=bool(row.proxy_name))
            if not assessment.complete:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "Still not complete: {value}."),
                    field="components",
                    value="; ".join(r.name for r in assessment.lacking),
                )
            at = self._move(session, actor, row, S.IN_PROCESSING, "")
            row.appointment_at = self.calendar.calendar().appointment(at, procedure.processing_time)
            if row.fee_mode == FeeMode.AT_RECEPTION.value and row.fee_amount and row.fee_paid_at is None:
                row.fee_paid_at = at  # the fee of a dossier received only now, with its papers
            _replace_rows(session, row, assessment.rows)
            outbox.note_dossier(session, row.id)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    def record_decision(
        self, actor: StaffMember, dossier_id: int, decision: Decision, note: str = ""
    ) -> DossierRecord:
        """The department hands the result back to the centre (a Mẫu 06 row), with its decision:
        its number, its date (Vietnam time, not in the future) and its outcome, which says what the
        citizen collects (the result asked for, or the refusal letter with its reason)."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            decision = check_decision(
                decision,
                today=self.clock().astimezone(VN_TZ).date(),
                received=row.received_at.astimezone(VN_TZ).date(),
            )
            self._move(session, actor, row, S.DECIDED, note)
            row.decision_number = decision.number
            row.decision_date = decision.day
            row.decision_outcome = decision.outcome.value
            row.decision_reason = decision.reason
            if decision.outcome is DecisionOutcome.REFUSED:
                result_name = REFUSAL_LETTER
            else:
                try:
                    result_name = self.catalogue.get(row.procedure_code).result
                except DomainError:  # the procedure has left the catalogue since
                    result_name = ""
            result_name = result_name or row.procedure_name
            result = next((c for c in row.components if c.is_result), None)
            if result is None:
                # A row for the result itself, so it is digitised like the papers received.
                session.add(
                    models.DossierComponent(
                        dossier_id=row.id,
                        position=RESULT_POSITION,
                        name=result_name,
                        voluntary=False,
                        paper_type="original",
                        count=1,
                        result=CheckResult.PASS.value,
                        is_result=True,
                    )
                )
            elif result.scan_path is None:  # decided again after an undo: the new outcome's paper
                result.name = result_name
            outbox.note_dossier(session, row.id)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

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
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    def withdraw(self, actor: StaffMember, dossier_id: int, reason: str) -> DossierRecord:
        """The citizen withdraws before a decision: the request and the stop (Mẫu 05), together."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            if DossierStatus(row.status) is not S.WITHDRAWAL_REQUESTED:
                self._move(session, actor, row, S.WITHDRAWAL_REQUESTED, reason)
            self._move(session, actor, row, S.STOPPED, reason)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

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
            if previous is None:  # refused, or waiting for the citizen's papers: no date to move
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP(
                        "Domain", "The dossier {code} has no appointment: no apology is needed."
                    ),
                    code=row.code,
                )
            if new_until <= previous:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "The new return date must be after {value}."),
                    field="new_until",
                    value=f"{previous:%H:%M %d/%m/%Y}",
                )
            session.add(
                models.DossierExtension(
                    dossier_id=row.id,
                    issued_at=self.clock().astimezone(VN_TZ),
                    reason=reason,
                    previous_until=previous,
                    new_until=new_until,
                    staff_id=actor.id,
                )
            )
            row.extended_until = new_until
            session.flush()
            outbox.note_dossier(session, row.id)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    def undo_last_step(self, actor: StaffMember, dossier_id: int, reason: str) -> DossierRecord:
        """The office head undoes the dossier's last step, with a reason: the dossier is back in
        the state before it.

        The step stays in the history, marked undone (who, when, why), and the activity log records
        the undoing. What the step set on the dossier goes with it: the recipient of a hand-over,
        the decision, the person who collected the result (a fee paid on return stays paid: the
        money was received and its receipt printed).

        Sync: the step may already have been queued, or sent, to the province. It is never
        withdrawn from the queue; the correction is queued after it as a step of its own (back to
        the earlier status, the reason in its note) with the dossier's snapshot, so the province
        learns both and ends in the office's state (``outbox.note_undo``).

        Refused: a dossier's reception (corrected by other means), a supplement requested at the
        counter as the dossier was filed (part of its reception), a step the provincial system
        set, and the arrival of missing papers (the checklist and the appointment were set again).
        """
        require(actor, Permission.UNDO_STEPS)
        reason = require_reason(reason)
        with self.db.write() as session:
            row = self._locked(session, dossier_id)
            e = models.DossierEvent
            standing = list(
                session.scalars(
                    select(e).where(e.dossier_id == row.id, e.undone_at.is_(None)).order_by(e.id.desc())
                )
            )
            last = standing[0] if standing else None
            if last is not None and _sent_back_at_reception(last, standing[1:]):
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "The supplement request of {code} was made at the counter when it was filed "
                        "(the papers went back to the citizen): it is part of the reception and "
                        "cannot be undone.",
                    ),
                    code=row.code,
                )
            if last is None or last.from_status is None:
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP(
                        "Domain", "The dossier {code} has no step to undo after its reception."
                    ),
                    code=row.code,
                )
            if last.staff_id is None:
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "The last step of the dossier {code} was set by the provincial system: "
                        "it cannot be undone here.",
                    ),
                    code=row.code,
                )
            undone, back = DossierStatus(last.to_status), DossierStatus(last.from_status)
            if undone is S.IN_PROCESSING and back is S.SUPPLEMENT_REQUESTED:
                raise IllegalTransition(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "The arrival of the missing papers of {code} cannot be undone: its checklist "
                        "and its return date were set again.",
                    ),
                    code=row.code,
                )
            at = self.clock().astimezone(VN_TZ)
            last.undone_at, last.undone_by, last.undo_reason = at, actor.id, reason
            row.status = int(back)
            if undone is S.IN_PROCESSING:
                row.handed_to = next(
                    (x.recipient for x in standing[1:] if x.to_status == S.IN_PROCESSING and x.recipient), ""
                )
            elif undone is S.DECIDED:
                row.decided_at = None
                row.decision_number, row.decision_date = "", None
                row.decision_outcome, row.decision_reason = "", ""
            elif undone is S.RETURNED:
                row.returned_at = None
                row.returned_to_name, row.returned_to_id, row.returned_id_kind = "", "", ""
            audit.record(
                session,
                actor,
                AuditAction.DOSSIER_STEP_UNDONE,
                at=at,
                dossier_id=row.id,
                code=row.code,
                step=int(undone),
                back_to=int(back),
                reason=reason,
            )
            session.flush()
            outbox.note_undo(session, row, last, actor)
            outbox.write_pending(session, at=self.clock())
            return read_record(session, row.id)

    # --- reading ---------------------------------------------------------------------------------

    def record(self, dossier_id: int) -> DossierRecord:
        with self.db.read() as session:
            return read_record(session, dossier_id)

    def record_by_code(self, code: str) -> DossierRecord:
        with self.db.read() as session:
            dossier_id = session.scalar(select(models.Dossier.id).where(models.Dossier.code == code.strip()))
            if dossier_id is None:
                raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "No dossier has the code {code}."), code=code)
            return read_record(session, dossier_id)
