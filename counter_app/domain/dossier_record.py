"""A dossier as read: the record the forms print, the counter shows and the kiosk looks up.

Plain data, filled by the services from the database; the documents take it without loading
the database (tests/test_architecture.py checks that rendering a form imports no SQLAlchemy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from counter_app.domain.catalogue import ProcessingTime
from counter_app.domain.lifecycle import DossierStatus
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
    history: tuple[DossierEventView, ...] = ()  # every status change, in order: Mẫu 06
