"""Receiving a dossier at the counter, in one transaction: the checklist, the code and appointment,
and the record the receipt (Mẫu 01), the supplement request (Mẫu 02) or the refusal (Mẫu 03)
prints. Every later step is services/dossier_steps.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.domain.dossier_record import DossierEventView, DossierRecord
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError, ValidationError
from counter_app.domain.lifecycle import FINAL_STATES, DossierStatus
from counter_app.domain.reception import (
    Applicant,
    Assessment,
    ComponentCheck,
    FeeMode,
    PaymentMeans,
    Proxy,
    ReturnMethod,
    assess,
    fee_for,
    require_reason,
)
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossier_records import build_record
from counter_app.services.dossiers import Clock, DossierCodes, add_rows, insert_dossier
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox

S = DossierStatus
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


class DuplicateDossier(DomainError):
    """The same person already has this procedure in progress: receive again only when confirmed."""


def active_procedure(catalogue: CatalogueService, code: str) -> Procedure:
    """The procedure if the catalogue still publishes it; a clear error otherwise."""
    procedure = catalogue.get_active(code)
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


class IntakeService:
    """The counter's reception: a dossier received, received with a supplement request, or refused."""

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
        self.db = db
        self.catalogue = catalogue
        self.calendar = calendar
        self.codes = DossierCodes(office_code, code_pattern, system_code)
        self.clock = clock

    def active_procedure(self, code: str) -> Procedure:
        return active_procedure(self.catalogue, code)

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
        """Accept a complete dossier: code, appointment and receipt (Mẫu 01), in one transaction.

        A paper marked not applicable is not demanded (Nghị định 118/2025, Điều 6)."""
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
        by_proxy = request.proxy is not None
        assessment = assess(procedure, rows, by_proxy=by_proxy) if rows else Assessment((), ())
        return self._record(actor, request, procedure, assessment, S.REFUSED, reason)

    def _checked(
        self, actor: StaffMember, request: ReceptionRequest, confirm_duplicate: bool
    ) -> tuple[Procedure, Assessment]:
        require(actor, Permission.RECEIVE_DOSSIERS)
        procedure = self.active_procedure(request.procedure_code)
        # Someone filing for the applicant must bring the authorisation letter (it is their case).
        assessment = assess(procedure, request.rows, by_proxy=request.proxy is not None)
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
        received = self.clock().astimezone(VN_TZ)
        calendar = self.calendar.calendar()
        with self.db.write() as session:
            # One first step, the outcome itself: a dossier sent back incomplete was never received.
            start = outcome
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
                    # Paid when the dossier is received: one sent back incomplete is paid for
                    # when its papers arrive (DossierSteps.receive_supplement), never before.
                    "fee_paid_at": (
                        received
                        if outcome is S.RECEIVED and fee.mode is FeeMode.AT_RECEPTION and fee.amount
                        else None
                    ),
                }
            if request.ticket_id is not None:
                ticket = session.get(models.Ticket, request.ticket_id, with_for_update=True)
                if ticket is not None:
                    extra["ticket_label"] = ticket.label
            else:
                ticket = None
            row = insert_dossier(
                session,
                self.codes,
                calendar,
                actor,
                procedure,
                request.applicant,
                status=start,
                received=received,
                note=reason,
                extra=extra,
                # Refused or incomplete: the papers go back to the citizen and no date is promised;
                # an incomplete dossier gets its date when the papers arrive (receive_supplement).
                appointed=outcome is S.RECEIVED,
            )
            add_rows(session, row.id, assessment.rows)
            history = (DossierEventView(None, start, received, actor.full_name, reason),)
            if ticket is not None:
                ticket.dossier_id = row.id
            session.flush()
            outbox.write_pending(session, at=self.clock())
            # Everything is known here: no need to read the dossier back (a save is ten statements fewer).
            return build_record(
                row,
                procedure.field_name,
                procedure.processing_time,
                actor.full_name,
                assessment.rows,
                history,
            )
