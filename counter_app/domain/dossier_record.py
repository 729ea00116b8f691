"""A dossier as read: the record the forms print, the counter shows and the kiosk looks up.

Plain data, filled by the services from the database; the documents take it without loading
the database (tests/test_architecture.py checks that rendering a form imports no SQLAlchemy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from counter_app.domain.catalogue import ProcessingTime
from counter_app.domain.lifecycle import Decision, DossierStatus
from counter_app.domain.reception import (
    Applicant,
    ComponentCheck,
    FeeMode,
    IdKind,
    PaymentMeans,
    Proxy,
    ReturnMethod,
)


@dataclass(frozen=True)
class DossierEventView:
    """One status change: who moved the dossier, when, and why (a row of Mẫu 06)."""

    from_status: DossierStatus | None
    to_status: DossierStatus
    at: datetime
    staff_name: str
    note: str
    recipient: str = ""  # a hand-over's department or officer
    undone_at: datetime | None = None  # undone by the office head: kept in the history, marked
    undone_by_name: str = ""
    undo_reason: str = ""

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class ExtensionView:
    """An apology (Mẫu 04) and the new return date it promised."""

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
    appointment_at: datetime | None  # None: refused, or incomplete at reception (no date promised)
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
    history: tuple[DossierEventView, ...] = ()  # every status change, in order, the undone marked
    handed_to: str = ""  # the department or officer holding the dossier since the last hand-over
    decision: Decision | None = None  # what the department decided; None before the decision


class PrintableForm(StrEnum):
    """The papers the dossier tab can print for one dossier (the values are documents.forms.Form's)."""

    RECEIPT = "receipt"  # Mẫu 01
    SUPPLEMENT = "supplement"  # Mẫu 02
    REFUSAL = "refusal"  # Mẫu 03
    APOLOGY = "apology"  # Mẫu 04
    STOP = "stop"  # Mẫu 05
    CONTROL = "control"  # Mẫu 06
    FEE_RECEIPT = "fee_receipt"


def sent_back_at_reception(history: Sequence[DossierEventView]) -> bool:
    """Whether the dossier lacked papers at the counter and they went back with Mẫu 02.

    Recorded since issue 14 as one first step to “supplement requested”; stored before it as
    “received” and, at the same moment and with the same reason, “received → supplement requested”.
    """
    if not history:
        return False
    first = history[0]
    if first.to_status is DossierStatus.SUPPLEMENT_REQUESTED:
        return True
    return (
        len(history) > 1
        and first.to_status is DossierStatus.RECEIVED
        and history[1].from_status is DossierStatus.RECEIVED
        and history[1].to_status is DossierStatus.SUPPLEMENT_REQUESTED
        and history[1].at == first.at
        and history[1].note == first.note  # the reason on both: a reception's own note is empty
    )


def was_accepted(record: DossierRecord) -> bool:
    """Whether the office accepted the dossier as complete at some point (it then has Mẫu 01 and 06).

    A dossier lacking papers at the counter is sent back for a supplement: it is accepted only
    once the papers arrive.
    """
    if record.status is DossierStatus.REFUSED:
        return False
    history = record.history
    if not history:  # read without its history: judge by the status alone
        return record.status is not DossierStatus.SUPPLEMENT_REQUESTED
    if not sent_back_at_reception(history):
        return True
    return any(
        e.from_status is DossierStatus.SUPPLEMENT_REQUESTED
        and e.to_status is DossierStatus.IN_PROCESSING
        and not e.undone
        for e in history
    )


def applicable_forms(record: DossierRecord) -> tuple[PrintableForm, ...]:
    """The forms that say something true about the dossier now, in their numbers' order.

    Never one whose reason would print blank: Mẫu 02 needs the supplement's reason, Mẫu 03 the
    refusal's, Mẫu 04 an apology, Mẫu 05 the withdrawal's.
    """
    F, S = PrintableForm, DossierStatus
    reasons = {status: note.strip() for status, note in record.reasons.items()}
    accepted = was_accepted(record)
    found: list[PrintableForm] = []
    if accepted:
        found.append(F.RECEIPT)
    if reasons.get(S.SUPPLEMENT_REQUESTED):
        found.append(F.SUPPLEMENT)
    if record.status is S.REFUSED and reasons.get(S.REFUSED):
        found.append(F.REFUSAL)
    if any(e.reason.strip() for e in record.extensions):
        found.append(F.APOLOGY)
    if record.status in (S.STOPPED, S.WITHDRAWAL_REQUESTED) and reasons.get(S.WITHDRAWAL_REQUESTED):
        found.append(F.STOP)
    if accepted:
        found.append(F.CONTROL)
    if record.fee_amount and record.fee_paid_at is not None:
        found.append(F.FEE_RECEIPT)
    return tuple(found)
