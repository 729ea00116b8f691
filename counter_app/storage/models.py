"""The database schema. Changing it means a new Alembic revision in migrations/versions."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from counter_app.domain.calendar import VN_TZ

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Moment(TypeDecorator[datetime]):
    """A point in time: stored as naive UTC (both engines agree), returned in Vietnam time."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a stored moment must carry its time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC).astimezone(VN_TZ)


# Search structures made by migrations 0007 and 0009 that the models do not declare (FTS5 tables,
# full-text indexes): schema comparisons leave them out.
UNMODELLED_PREFIXES = ("dossier_search", "ix_dossier_search_fts", "paper_text_search", "ix_paper_text_fts")


def is_modelled(name: str | None) -> bool:
    return not (name or "").startswith(UNMODELLED_PREFIXES)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Office(Base):
    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # agency electronic ID
    name: Mapped[str] = mapped_column(String(200))
    parent_body: Mapped[str] = mapped_column(String(200), default="")
    # The queue's priority policy is office-wide: every kiosk and counter PC must agree on it.
    priority_policy: Mapped[str] = mapped_column(String(16), default="strict", server_default="strict")
    priority_every: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    # Outside office hours the kiosks still issue numbers (called when the office opens), or none.
    tickets_outside_hours: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Moment())
    last_signed_in_at: Mapped[datetime | None] = mapped_column(Moment())
    # The counter this person usually sits at (the administrator's note; each PC keeps its own).
    counter_number: Mapped[int | None] = mapped_column(Integer)


class Procedure(Base):
    __tablename__ = "procedure"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)  # folded code, name and field, for diacritic-free search
    field_code: Mapped[str] = mapped_column(String(40), index=True)
    field_name: Mapped[str] = mapped_column(String(200))
    processing_amount: Mapped[int] = mapped_column(Integer)
    processing_unit: Mapped[str] = mapped_column(String(16))
    processing_note: Mapped[str] = mapped_column(Text, default="")
    deciding_authority: Mapped[str] = mapped_column(String(200))
    online_level: Mapped[str] = mapped_column(String(8))
    result: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")  # one text per line
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    catalogue_version: Mapped[str] = mapped_column(String(40), default="")
    components: Mapped[list[ProcedureComponent]] = relationship(
        order_by="ProcedureComponent.position", cascade="all, delete-orphan"
    )
    fees: Mapped[list[ProcedureFee]] = relationship(
        order_by="ProcedureFee.position", cascade="all, delete-orphan"
    )


class ProcedureComponent(Base):
    __tablename__ = "procedure_component"
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer)
    certified_copy_accepted: Mapped[bool] = mapped_column(Boolean)
    electronic_copy_accepted: Mapped[bool] = mapped_column(Boolean)
    presented_only: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class ProcedureFee(Base):
    __tablename__ = "procedure_fee"
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Base):
    __tablename__ = "calendar_override"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")
    # "office": set here, and kept; "province": pulled with the provincial calendar, replaced by
    # its next version.
    source: Mapped[str] = mapped_column(String(10), default="office", server_default="office")


class DossierCounter(Base):
    """The day's last running number per office; its row is the lock that keeps codes gapless."""

    __tablename__ = "dossier_counter"
    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Dossier(Base):
    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    office_code: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)
    running_number: Mapped[int] = mapped_column(Integer)
    procedure_code: Mapped[str] = mapped_column(String(40), index=True)
    procedure_name: Mapped[str] = mapped_column(Text)
    deciding_authority: Mapped[str] = mapped_column(String(200))
    applicant_name: Mapped[str] = mapped_column(String(120))
    applicant_id_number: Mapped[str] = mapped_column(String(12), index=True)
    applicant_birth_date: Mapped[date | None] = mapped_column(Date)
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    applicant_phone: Mapped[str] = mapped_column(String(20), default="")
    applicant_email: Mapped[str] = mapped_column(String(120), default="")
    search_text: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer, index=True)
    received_at: Mapped[datetime] = mapped_column(Moment())
    # None while no result is promised: refused, or sent back incomplete at the counter (0013).
    appointment_at: Mapped[datetime | None] = mapped_column(Moment(), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(Moment())
    returned_at: Mapped[datetime | None] = mapped_column(Moment())
    received_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    # Someone filing for the applicant (Mẫu 01): empty when the applicant came in person.
    proxy_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    proxy_id_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    proxy_address: Mapped[str] = mapped_column(Text, default="", server_default="")
    proxy_phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    proxy_authorisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    proxy_email: Mapped[str] = mapped_column(String(120), default="", server_default="")
    sets_count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    return_method: Mapped[str] = mapped_column(String(16), default="counter", server_default="counter")
    fee_mode: Mapped[str] = mapped_column(String(16), default="not_charged", server_default="not_charged")
    fee_amount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # VND
    payment_means: Mapped[str] = mapped_column(String(16), default="", server_default="")
    fee_paid_at: Mapped[datetime | None] = mapped_column(Moment())
    # The date promised in the apology (Mẫu 04). The legal appointment stays: lateness is computed
    # from it and never edited (domain.md §14).
    extended_until: Mapped[datetime | None] = mapped_column(Moment())
    returned_to_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    returned_to_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    returned_id_kind: Mapped[str] = mapped_column(String(16), default="", server_default="")
    ticket_label: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # When the provincial system last set this dossier's status: a pulled change older than this is
    # a replay (a reset cursor) and changes nothing.
    province_status_at: Mapped[datetime | None] = mapped_column(Moment())
    # The department or officer the dossier was last handed to (its event keeps each hand-over).
    handed_to: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The decision the department returned: it says which result the citizen collects.
    decision_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_outcome: Mapped[str] = mapped_column(String(16), default="", server_default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    events: Mapped[list[DossierEvent]] = relationship(order_by="DossierEvent.id")
    components: Mapped[list[DossierComponent]] = relationship(
        order_by="DossierComponent.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("office_code", "day", "running_number"),
        # Part of a code typed in the search ("0003", "261126-0003") and the received-date filter:
        # the unique key above starts with the office, which neither knows (migration 0014).
        Index("ix_dossier_running_number_day", "running_number", "day"),
        Index("ix_dossier_day", "day"),
    )


class DossierEvent(Base):
    """Every transition, with who and when: the source of Mẫu 06 and of the sync outbox."""

    __tablename__ = "dossier_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(Moment())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # None: set by the province
    note: Mapped[str] = mapped_column(Text, default="")
    recipient: Mapped[str] = mapped_column(String(200), default="", server_default="")  # a hand-over's
    # An undone step stays in the history, marked: who undid it, when and why (the office head).
    undone_at: Mapped[datetime | None] = mapped_column(Moment())
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    undo_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_dossier_event_dossier", "dossier_id", "id"),)


class DossierComponent(Base):
    """One checklist row: a catalogue component as received, or a paper given voluntarily."""

    __tablename__ = "dossier_component"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)  # as the catalogue said on the day of reception
    required_originals: Mapped[int] = mapped_column(Integer, default=0)
    required_copies: Mapped[int] = mapped_column(Integer, default=0)
    voluntary: Mapped[bool] = mapped_column(Boolean, default=False)
    paper_type: Mapped[str] = mapped_column(String(16), default="")
    count: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(String(8))  # pass, fail, missing
    reason: Mapped[str] = mapped_column(Text, default="")
    scan_path: Mapped[str | None] = mapped_column(Text)  # relative to the data folder's scans/
    presented_only: Mapped[bool] = mapped_column(Boolean, default=False)
    scan_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    scan_pages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    scan_blank_pages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    scanned_at: Mapped[datetime | None] = mapped_column(Moment())
    # The papers' words as OCR read them, folded (no diacritics) for search; see OcrState.
    paper_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    ocr_state: Mapped[str] = mapped_column(String(8), default="", server_default="")
    reused_from: Mapped[str] = mapped_column(String(80), default="", server_default="")  # a dossier code
    # The result the department issued (the catalogue's "result"), digitised like the papers received.
    is_result: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DossierExtension(Base):
    """An apology and extension request (Mẫu 04): when, why, and the new date."""

    __tablename__ = "dossier_extension"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[datetime] = mapped_column(Moment())
    reason: Mapped[str] = mapped_column(Text)
    previous_until: Mapped[datetime] = mapped_column(Moment())
    new_until: Mapped[datetime] = mapped_column(Moment())
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class AuditEvent(Base):
    """The activity log (domain/audit.py); written in the same transaction as what it records."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(Moment(), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class ServiceArea(Base):
    """A kiosk button with its own ticket prefix (the code) and daily count."""

    __tablename__ = "service_area"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceAreaField(Base):
    """A field of procedures served in a service area: the guide's "take a number" goes there."""

    __tablename__ = "service_area_field"
    field_code: Mapped[str] = mapped_column(String(40), primary_key=True)  # one area per field
    area_code: Mapped[str] = mapped_column(ForeignKey("service_area.code", ondelete="CASCADE"), index=True)


class Counter(Base):
    """A counter (quầy) and the service areas it calls tickets from."""

    __tablename__ = "counter"
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CounterService(Base):
    __tablename__ = "counter_service"
    counter_number: Mapped[int] = mapped_column(
        ForeignKey("counter.number", ondelete="CASCADE"), primary_key=True
    )
    service_code: Mapped[str] = mapped_column(
        ForeignKey("service_area.code", ondelete="CASCADE"), primary_key=True
    )


class TicketCounter(Base):
    """The day's last ticket number per prefix; its row is the lock that keeps numbers gapless."""

    __tablename__ = "ticket_counter"
    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(2), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class QueueDay(Base):
    """The office's queue on one day: how many other tickets were called since the last priority one.

    Kept by call-next while the policy is "one priority after every N others" (and set from the
    day's calls when that policy is chosen), so the next call reads one row instead of counting the
    day's tickets; its row lock makes counters calling at once agree on the count.
    """

    __tablename__ = "queue_day"
    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    others_since_priority: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Base):
    """A queue ticket. Its id orders the queue, so a transferred ticket keeps its place."""

    __tablename__ = "ticket"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)
    service_code: Mapped[str] = mapped_column(ForeignKey("service_area.code"))
    prefix: Mapped[str] = mapped_column(String(2))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(8))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    priority_group: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10))
    issued_at: Mapped[datetime] = mapped_column(Moment())
    called_at: Mapped[datetime | None] = mapped_column(Moment())  # the last call
    first_called_at: Mapped[datetime | None] = mapped_column(Moment())
    started_at: Mapped[datetime | None] = mapped_column(Moment())
    finished_at: Mapped[datetime | None] = mapped_column(Moment())
    counter_number: Mapped[int | None] = mapped_column(Integer)  # the counter that called it
    target_counter: Mapped[int | None] = mapped_column(Integer)  # set by a transfer to one counter
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    printed_at: Mapped[datetime | None] = mapped_column(Moment())
    print_error: Mapped[str | None] = mapped_column(Text)  # the last failure, until printed

    __table_args__ = (
        UniqueConstraint("office_code", "day", "prefix", "number"),
        # The day's tickets of an area in a state, in queue order (people ahead, recent services,
        # the board): flat however many past days the table holds.
        Index("ix_ticket_queue", "office_code", "day", "state", "service_code", "id"),
        # Call-next walks the waiting tickets of the preferred kind in queue order and stops at the
        # first its counter may take, and finishes the counter's current ticket: two small
        # partial indexes, holding only waiting tickets and only the ones at a counter now.
        Index(
            "ix_ticket_waiting",
            "office_code",
            "day",
            "priority",
            "id",
            postgresql_where=text("state = 'waiting'"),
            sqlite_where=text("state = 'waiting'"),
        ),
        Index(
            "ix_ticket_at_counter",
            "office_code",
            "counter_number",
            postgresql_where=text("state IN ('called', 'serving')"),
            sqlite_where=text("state IN ('called', 'serving')"),
        ),
    )


class TicketCall(Base):
    """Every call and recall, in order: what the display board shows and the voice reads."""

    __tablename__ = "ticket_call"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    counter_number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(8))
    recall: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(Moment(), index=True)


class OutboxItem(Base):
    """One change that must reach the provincial system, written in the change's own transaction.

    ``stream`` orders delivery: the items of one dossier (or one ticket) go in ``id`` order.
    ``key`` is the Idempotency-Key the server deduplicates on; the row is marked done only after
    the server acknowledged it.
    """

    __tablename__ = "sync_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # dossier, status, file, ticket
    stream: Mapped[str] = mapped_column(String(100), index=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON in the contract's field names
    state: Mapped[str] = mapped_column(String(12), default="pending")
    created_at: Mapped[datetime] = mapped_column(Moment())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[datetime | None] = mapped_column(Moment())
    reply: Mapped[str] = mapped_column(Text, default="")  # the server's answer, as stored

    __table_args__ = (Index("ix_sync_outbox_state", "state", "id"),)


class SyncState(Base):
    """The sync's own memory: the pull cursor, catalogue and calendar versions, last success."""

    __tablename__ = "sync_state"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncLogEntry(Base):
    """What the sync did and what went wrong, for the sync log view; messages are translatable."""

    __tablename__ = "sync_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(Moment(), index=True)
    level: Mapped[str] = mapped_column(String(10))  # info, warning, error, conflict
    message: Mapped[str] = mapped_column(Text)  # an English template, translated when shown
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    stream: Mapped[str] = mapped_column(String(100), default="")
