"""The queue: kiosks issue tickets, counters call them, the display board reads the calls.

Each action is one transaction. Numbers come from a locked per-day counter row (gapless, never
repeated); calling takes the next waiting ticket with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL,
so two counters pressing "next" together get two different tickets; SQLite's BEGIN IMMEDIATE
serialises writers. Nothing here waits for a printer or the network: a ticket is issued first.
The two hot paths, issue and call-next, are written as SQL in queue_statements (one statement
each on PostgreSQL); the rest uses the ORM, where its cost does not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, Select, and_, delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.domain.audit import AuditAction
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, NotFoundError
from counter_app.domain.queue import (
    TICKET_STATE_LABELS,
    OfficeClosed,
    PolicyKind,
    PriorityGroup,
    PriorityPolicy,
    QueueError,
    ServiceArea,
    TicketState,
    call_order,
    estimated_wait,
    ticket_label,
    validate_area,
)
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.services import queue_statements as sql
from counter_app.services.audit import record
from counter_app.services.calendar import CalendarService
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class TicketView:
    id: int
    label: str
    service_code: str
    priority: bool
    priority_group: PriorityGroup | None
    state: TicketState
    issued_at: datetime
    called_at: datetime | None
    counter_number: int | None
    target_counter: int | None
    call_count: int


@dataclass(frozen=True)
class IssuedTicket:
    ticket: TicketView
    service_name: str
    people_ahead: int
    estimated_wait: timedelta
    opens_at: datetime | None = None  # issued while the office is closed: called once it opens


@dataclass(frozen=True)
class Opening:
    """The office's doors now, as the kiosk tells the citizen (office hours: the working calendar)."""

    open: bool
    opens_at: datetime  # the moment asked about when open, else the next opening
    tickets_outside_hours: bool  # the office's choice: numbers are issued while closed, or none

    opens_today: bool = True  # closed, it opens again before the day is over (lunch, early morning)

    @property
    def issuing(self) -> bool:
        """The queue is a day's: a number taken after closing or on a day off would never be called,
        so outside hours numbers are issued only when the office opens again the same day."""
        return self.open or (self.tickets_outside_hours and self.opens_today)


@dataclass(frozen=True)
class FieldArea:
    """A field of procedures in the catalogue and the service area it is served in, if any."""

    field_code: str
    field_name: str
    area_code: str | None


@dataclass(frozen=True)
class CallView:
    id: int
    ticket_id: int
    label: str
    counter_number: int
    recall: bool
    at: datetime


@dataclass(frozen=True)
class RecentTicket:
    """One line of the board's latest calls: a ticket once, as its latest call and any transfer left it.

    A counter pressing "call again" adds a call, not a line: the line shows the latest call.
    Only a transfer puts a called ticket back to waiting, so a ticket waiting again has been
    transferred since that call, and ``waiting_for_area`` (always) and ``waiting_for_counter``
    (a transfer to one counter) say where it waits now.
    """

    ticket_id: int
    label: str
    counter_number: int  # the counter of its latest call
    call_id: int
    at: datetime
    waiting_for_area: str | None = None
    waiting_for_counter: int | None = None

    @property
    def transferred(self) -> bool:
        return self.waiting_for_area is not None


@dataclass(frozen=True)
class AreaWaiting:
    """How many tickets of a service area wait today (those transferred to one of its counters too)."""

    code: str
    name: str
    waiting: int


@dataclass(frozen=True)
class BoardState:
    """What the display board shows: each counter's number now, the latest calls, who waits where."""

    serving: dict[int, str]  # counter -> ticket label being called or served
    counters: list[int]
    recent: list[RecentTicket]  # newest call first, one line per ticket
    last_call_id: int
    areas: list[AreaWaiting] = field(default_factory=list)  # active areas, in kiosk order


@dataclass(frozen=True)
class PrinterProblem:
    """The kiosk's printer failed on its latest ticket: shown red on every counter."""

    unprinted: int  # today's tickets whose paper copy failed and was not reprinted
    message: str  # the last error, in the words the printer service gave


@dataclass(frozen=True)
class CounterQueue:
    """What a clerk sees of the waiting room from their counter."""

    waiting: int
    longest_wait: timedelta | None
    # The first of them in the order this counter would call them (priority rule included).
    tickets: tuple[TicketView, ...] = ()


def _view(row: models.Ticket) -> TicketView:
    return TicketView(
        id=row.id,
        label=row.label,
        service_code=row.service_code,
        priority=row.priority,
        priority_group=PriorityGroup(row.priority_group) if row.priority_group else None,
        state=TicketState(row.state),
        issued_at=row.issued_at,
        called_at=row.called_at,
        counter_number=row.counter_number,
        target_counter=row.target_counter,
        call_count=row.call_count,
    )


def _view_of(row: Row[Any]) -> TicketView:
    """A TicketView from a row of queue_statements.VIEW_COLUMNS."""
    return TicketView(
        id=row.id,
        label=row.label,
        service_code=row.service_code,
        priority=bool(row.priority),
        priority_group=PriorityGroup(row.priority_group) if row.priority_group else None,
        state=TicketState(row.state),
        issued_at=row.issued_at,
        called_at=row.called_at,
        counter_number=row.counter_number,
        target_counter=row.target_counter,
        call_count=row.call_count,
    )


def _same_day(opens_at: datetime | None, now: datetime) -> bool:
    return opens_at is None or opens_at.date() == now.astimezone(VN_TZ).date()


class QueueService:
    def __init__(
        self,
        db: Database,
        *,
        office_code: str,
        clock: Clock = now_vn,
        calendar: CalendarService | None = None,
    ) -> None:
        self.db = db
        self.office_code = office_code
        self.clock = clock
        # Office hours: without a calendar (service tests) the office never closes.
        self.calendar = calendar
        # PostgreSQL's hot paths are single statements: autocommit spares the BEGIN and COMMIT
        # round trips, and one statement is atomic anyway (see queue_statements).
        self._autocommit = db.engine.execution_options(isolation_level="AUTOCOMMIT")

    # --- set-up: service areas, counters, the priority policy -------------------------------

    def areas(self, *, active_only: bool = True) -> list[ServiceArea]:
        statement = select(models.ServiceArea).order_by(models.ServiceArea.position, models.ServiceArea.code)
        if active_only:
            statement = statement.where(models.ServiceArea.active)
        with self.db.read() as session:
            return [ServiceArea(a.code, a.name, a.position, a.active) for a in session.scalars(statement)]

    def save_area(
        self, actor: StaffMember | None, area: ServiceArea, field_codes: Iterable[str] | None = None
    ) -> ServiceArea:
        """Add or rename a service area, and with ``field_codes`` the fields it serves (one write).

        ``actor`` None is the set-up (demo data, command line).
        """
        if actor is not None:
            require(actor, Permission.MANAGE_SETTINGS)
        area = validate_area(area)
        with self.db.write() as session:
            session.merge(
                models.ServiceArea(code=area.code, name=area.name, position=area.position, active=area.active)
            )
            if field_codes is not None:
                session.flush()
                self._set_area_fields(session, area.code, field_codes)
            if actor is not None:
                record(session, actor, AuditAction.AREA_SAVED, code=area.code, name=area.name)
        return area

    def set_counter(
        self, actor: StaffMember | None, number: int, service_codes: Iterable[str], name: str = ""
    ) -> None:
        """Which service areas counter ``number`` calls from."""
        if actor is not None:
            require(actor, Permission.MANAGE_SETTINGS)
        codes = sorted(set(service_codes))
        with self.db.write() as session:
            known = set(
                session.scalars(select(models.ServiceArea.code).where(models.ServiceArea.code.in_(codes)))
            )
            for code in codes:
                if code not in known:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("Domain", "There is no service area {value}."), value=code
                    )
            session.merge(models.Counter(number=number, name=name, active=True))
            session.execute(
                delete(models.CounterService).where(models.CounterService.counter_number == number)
            )
            session.add_all(models.CounterService(counter_number=number, service_code=c) for c in codes)
            if actor is not None:
                record(session, actor, AuditAction.COUNTER_SET, number=number, codes=", ".join(codes) or "—")

    def counters(self) -> dict[int, list[str]]:
        """Every counter and the service areas it calls from."""
        with self.db.read() as session:
            result: dict[int, list[str]] = {
                n: [] for n in session.scalars(select(models.Counter.number).order_by(models.Counter.number))
            }
            for number, code in session.execute(
                select(models.CounterService.counter_number, models.CounterService.service_code).order_by(
                    models.CounterService.service_code
                )
            ):
                result.setdefault(number, []).append(code)
            return result

    def counter_services(self, number: int) -> list[str]:
        with self.db.read() as session:
            return list(self._services_of(session, number))

    def policy(self) -> PriorityPolicy:
        with self.db.read() as session:
            return self._policy(session)

    def set_policy(self, actor: StaffMember, policy: PriorityPolicy) -> None:
        require(actor, Permission.MANAGE_SETTINGS)
        day = self.clock().date()
        with self.db.write() as session:
            office = self._office(session)
            was_interleaving = office.priority_policy == PolicyKind.INTERLEAVE.value
            office.priority_policy = policy.kind.value
            office.priority_every = policy.every
            record(
                session, actor, AuditAction.PRIORITY_POLICY_SET, policy=policy.kind.value, every=policy.every
            )
            if policy.kind is PolicyKind.INTERLEAVE and not was_interleaving:
                # Call-next keeps the day's count only while interleaving: start it from the
                # day's calls so far. A call made on another PC in the same instant, under the
                # old policy, may be missed: the count is then one short until the next
                # priority ticket restarts it.
                others = self._others_since_priority(session, day)
                upsert = (pg_insert if not self.db.is_sqlite else sqlite_insert)(models.QueueDay)
                session.execute(
                    upsert.values(
                        office_code=self.office_code, day=day, others_since_priority=others
                    ).on_conflict_do_update(
                        index_elements=["office_code", "day"], set_={"others_since_priority": others}
                    )
                )

    def fields(self) -> list[FieldArea]:
        """Every field of the catalogue's procedures, with the area serving it (None: no area)."""
        with self.db.read() as session:
            areas: dict[str, str] = {
                row.field_code: row.area_code for row in session.scalars(select(models.ServiceAreaField))
            }
            rows = session.execute(
                select(models.Procedure.field_code, models.Procedure.field_name)
                .where(models.Procedure.active)
                .distinct()
                .order_by(models.Procedure.field_name)
            )
            return [FieldArea(r.field_code, r.field_name, areas.get(r.field_code)) for r in rows]

    def set_area_fields(self, actor: StaffMember | None, area_code: str, field_codes: Iterable[str]) -> None:
        """The fields served in an area; a field taken from another area leaves that one."""
        if actor is not None:
            require(actor, Permission.MANAGE_SETTINGS)
        with self.db.write() as session:
            if session.get(models.ServiceArea, area_code) is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "There is no service area {value}."), value=area_code
                )
            self._set_area_fields(session, area_code, field_codes)

    @staticmethod
    def _set_area_fields(session: Session, area_code: str, field_codes: Iterable[str]) -> None:
        codes = set(field_codes)
        session.execute(
            delete(models.ServiceAreaField).where(
                or_(
                    models.ServiceAreaField.area_code == area_code,
                    models.ServiceAreaField.field_code.in_(codes),
                )
            )
        )
        session.add_all(models.ServiceAreaField(field_code=c, area_code=area_code) for c in sorted(codes))

    def area_for_field(self, field_code: str) -> ServiceArea | None:
        """The active area a procedure's field is served in: where its "take a number" goes."""
        with self.db.read() as session:
            area = session.scalar(
                select(models.ServiceArea)
                .join(models.ServiceAreaField, models.ServiceAreaField.area_code == models.ServiceArea.code)
                .where(models.ServiceAreaField.field_code == field_code, models.ServiceArea.active)
            )
            return ServiceArea(area.code, area.name, area.position, area.active) if area else None

    def set_tickets_outside_hours(self, actor: StaffMember, issue: bool) -> None:
        """The office's choice, obeyed by every kiosk: numbers while closed (called at opening), or none."""
        require(actor, Permission.MANAGE_SETTINGS)
        with self.db.write() as session:
            self._office(session).tickets_outside_hours = issue
            choice = AuditAction.OUTSIDE_HOURS_ISSUED if issue else AuditAction.OUTSIDE_HOURS_NOT_ISSUED
            record(session, actor, choice)

    def opening(self) -> Opening:
        """Is the office open now; if not, when it opens and whether numbers are issued meanwhile."""
        now = self.clock()
        opens_at = self._opens_at(now)
        return Opening(
            opens_at is None, opens_at or now, self._tickets_outside_hours(), _same_day(opens_at, now)
        )

    def _opens_at(self, now: datetime) -> datetime | None:
        """When the closed office opens next; None while it is open (no query: the calendar is cached)."""
        if self.calendar is None:
            return None
        calendar = self.calendar.calendar()
        return None if calendar.is_open(now) else calendar.next_opening(now)

    def _tickets_outside_hours(self) -> bool:
        with self.db.read() as session:
            office = session.scalar(select(models.Office).where(models.Office.code == self.office_code))
            return office.tickets_outside_hours if office is not None else True

    # --- the kiosk ----------------------------------------------------------------------------

    def issue(self, service_code: str, *, priority_group: PriorityGroup | None = None) -> IssuedTicket:
        """A new ticket, committed before anything is printed: a jammed printer loses nothing.

        One statement on PostgreSQL, three in one transaction on SQLite (queue_statements): the
        number, the ticket, its outbox row and the estimate the kiosk prints. While the office is
        closed, a number is issued only if the office says so (OfficeClosed otherwise), and the
        ticket says when the office opens.
        """
        now = self.clock()
        opens_at = self._opens_at(now)
        # The office's choice is read only while it is closed: issuing in hours stays one statement.
        # The queue is a day's: after closing or on a day off a number would never be called.
        if opens_at is not None and not (_same_day(opens_at, now) and self._tickets_outside_hours()):
            raise OfficeClosed(opens_at)
        day = now.date()
        params = {
            "office": self.office_code,
            "day": day,
            "code": service_code,
            "priority": priority_group is not None,
            "group": priority_group.value if priority_group else None,
            "now": now,
        }
        if self.db.is_sqlite:
            ticket_id, label, estimate = self._issue_sqlite(params)
        else:
            with self._autocommit.connect() as connection:
                row = connection.execute(sql.pg_issue(), params).one_or_none()
            if row is None:  # nothing was written: no number is lost
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "There is no service area {value}."), value=service_code
                )
            ticket_id, label, estimate = row.id, row.label, row
        ticket = TicketView(
            ticket_id,
            label,
            service_code,
            priority_group is not None,
            priority_group,
            TicketState.WAITING,
            now,
            None,
            None,
            None,
            0,
        )
        # The last finished services come back as a sum and a count: their average is what
        # the estimate uses.
        count = int(estimate.recent_count)
        minutes = [float(estimate.recent_seconds) / 60 / count] if count else []
        ahead = int(estimate.ahead)
        return IssuedTicket(
            ticket,
            estimate.area_name,
            ahead,
            estimated_wait(ahead, minutes, int(estimate.open_counters)),
            opens_at,
        )

    def _issue_sqlite(self, params: dict[str, Any]) -> tuple[int, str, Row[Any]]:
        with self.db.engine.begin() as connection:  # BEGIN IMMEDIATE: the single writer
            bumped = connection.execute(sql.sqlite_bump(), params).one_or_none()
            if bumped is None:  # nothing was written
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "There is no service area {value}."), value=params["code"]
                )
            code: str = params["code"]
            values = {
                "office_code": self.office_code,
                "day": params["day"],
                "service_code": code,
                "prefix": code,
                "number": bumped.number,
                "label": ticket_label(code, bumped.number),
                "priority": params["priority"],
                "priority_group": params["group"],
                "state": TicketState.WAITING.value,
                "issued_at": params["now"],
                "call_count": 0,
            }
            ticket_id = connection.execute(sql.sqlite_new_ticket(), values).scalar_one()
            # The province's waiting-time figures: queued with the ticket, in the same transaction.
            connection.execute(sql.note(), sql.outbox_row(models.Ticket(**values), params["now"]))
        return int(ticket_id), str(values["label"]), bumped

    # --- the counter --------------------------------------------------------------------------

    def call_next(self, actor: StaffMember, counter_number: int) -> TicketView | None:
        """Finish this counter's current ticket and call the next one; None when nobody waits.

        One statement on PostgreSQL; on SQLite four in one transaction (finish, its outbox row,
        call, the call's row) and a fifth for the priority count under the interleaving policy.
        """
        require(actor, Permission.RECEIVE_DOSSIERS)
        now = self.clock()
        params = {"office": self.office_code, "day": now.date(), "counter": counter_number, "now": now}
        if self.db.is_sqlite:
            return self._call_next_sqlite(params)
        with self._autocommit.connect() as connection:
            row = connection.execute(sql.pg_call_next(), params).one()
        if not row.areas:  # the statement changed nothing
            raise QueueError(
                QT_TRANSLATE_NOOP("Domain", "Counter {number} serves no service area yet."),
                number=counter_number,
            )
        return None if row.id is None else _view_of(row)

    def _call_next_sqlite(self, params: dict[str, Any]) -> TicketView | None:
        now: datetime = params["now"]
        with self.db.engine.begin() as connection:  # BEGIN IMMEDIATE: the single writer
            finished = connection.execute(sql.sqlite_finish(), params).all()
            if finished:
                rows = [sql.outbox_row(models.Ticket(**row._mapping), now) for row in finished]
                connection.execute(sql.note(), rows)
            called = connection.execute(sql.sqlite_call(), params).one_or_none()
            if called is None:
                if not connection.execute(sql.serves_an_area(), params).scalar():
                    raise QueueError(  # rolls the finish back: nothing changes, as on PostgreSQL
                        QT_TRANSLATE_NOOP("Domain", "Counter {number} serves no service area yet."),
                        number=params["counter"],
                    )
                return None
            connection.execute(
                sql.sqlite_new_call(),
                {
                    "ticket_id": called.id,
                    "counter_number": params["counter"],
                    "label": called.label,
                    "recall": False,
                    "at": now,
                },
            )
            if called.interleave and called.call_count == 1:
                connection.execute(sql.sqlite_count(), {**params, "priority": called.priority})
        return _view_of(called)

    def recall(self, actor: StaffMember, counter_number: int, ticket_id: int) -> TicketView:
        """Call again: this counter's current ticket, or one marked as not come earlier today."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        now = self.clock()
        with self.db.write() as session:
            row = self._ticket(session, ticket_id)
            recallable = row.state == TicketState.NO_SHOW.value or (
                row.state in (TicketState.CALLED.value, TicketState.SERVING.value)
                and row.counter_number == counter_number
            )
            if not recallable or row.day != now.date():
                raise QueueError(
                    QT_TRANSLATE_NOOP("Domain", "Ticket {label} cannot be called again from this counter."),
                    label=row.label,
                )
            self._call(session, row, counter_number, now, recall=True)
            return _view(row)

    def no_show(self, actor: StaffMember, ticket_id: int) -> TicketView:
        return self._move(actor, ticket_id, {TicketState.CALLED}, TicketState.NO_SHOW)

    def start(self, actor: StaffMember, ticket_id: int) -> TicketView:
        return self._move(actor, ticket_id, {TicketState.CALLED}, TicketState.SERVING)

    def finish(self, actor: StaffMember, ticket_id: int) -> TicketView:
        return self._move(actor, ticket_id, {TicketState.CALLED, TicketState.SERVING}, TicketState.DONE)

    def transfer(
        self,
        actor: StaffMember,
        ticket_id: int,
        *,
        service_code: str | None = None,
        counter_number: int | None = None,
    ) -> TicketView:
        """Send a ticket to another service area or to one counter. It keeps its place in the queue.

        A ticket sent to a counter waits for that counter alone (call-next takes it there only).
        Sending it where it already is would only lose the citizen's turn at this counter: refused.
        """
        require(actor, Permission.RECEIVE_DOSSIERS)
        if service_code is None and counter_number is None:
            raise QueueError(QT_TRANSLATE_NOOP("Domain", "Choose the service area or counter to send it to."))
        with self.db.write() as session:
            row = self._ticket(session, ticket_id)
            if row.state == TicketState.DONE.value:
                raise QueueError(
                    QT_TRANSLATE_NOOP("Domain", "Ticket {label} is finished and cannot be transferred."),
                    label=row.label,
                )
            if service_code is not None:
                area = session.get(models.ServiceArea, service_code)
                if area is None or not area.active:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("Domain", "There is no service area {value}."), value=service_code
                    )
                if counter_number is None and area.code == row.service_code and row.target_counter is None:
                    raise QueueError(
                        QT_TRANSLATE_NOOP("Domain", "Ticket {label} is already in service area {value}."),
                        label=row.label,
                        value=area.code,
                    )
                row.service_code = area.code
            if counter_number is not None:
                counter = session.get(models.Counter, counter_number)
                if counter is None or not counter.active:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("Domain", "There is no counter {value}."), value=counter_number
                    )
                if counter_number in (row.counter_number, row.target_counter):
                    raise QueueError(
                        QT_TRANSLATE_NOOP("Domain", "Ticket {label} is already at counter {value}."),
                        label=row.label,
                        value=counter_number,
                    )
            row.target_counter = counter_number
            row.counter_number = None
            row.state = TicketState.WAITING.value
            return _view(row)

    def current(self, counter_number: int) -> TicketView | None:
        """The ticket this counter has called or is serving today."""
        day = self.clock().date()
        with self.db.read() as session:
            row = session.scalar(
                self._today(day)
                .where(
                    models.Ticket.counter_number == counter_number,
                    models.Ticket.state.in_([TicketState.CALLED.value, TicketState.SERVING.value]),
                )
                .order_by(models.Ticket.called_at.desc())
                .limit(1)
            )
            return _view(row) if row else None

    def counter_queue(self, counter_number: int, *, listed: int = 30) -> CounterQueue:
        """Who waits for this counter now (its areas' tickets and those sent to it), the longest wait,
        and the first ``listed`` of them in the order this counter would call them."""
        now = self.clock()
        t = models.Ticket
        with self.db.read() as session:
            services = self._services_of(session, counter_number)
            mine = (
                t.office_code == self.office_code,
                t.day == now.date(),
                t.state == TicketState.WAITING.value,
                or_(
                    and_(t.target_counter.is_(None), t.service_code.in_(services)),
                    t.target_counter == counter_number,
                ),
            )
            count, oldest = session.execute(select(func.count(), func.min(t.issued_at)).where(*mine)).one()
            policy = self._policy(session)
            others = session.scalar(
                select(models.QueueDay.others_since_priority).where(
                    models.QueueDay.office_code == self.office_code, models.QueueDay.day == now.date()
                )
            )
            # The oldest ``listed`` of each kind are enough for the first ``listed`` calls.
            rows: list[models.Ticket] = []
            for priority in (True, False):
                rows += session.scalars(
                    select(t).where(*mine, t.priority == priority).order_by(t.id).limit(listed)
                )
            waiting = sorted((_view(r) for r in rows), key=lambda v: v.id)
        order = call_order(waiting, policy, int(others or 0))[:listed]
        return CounterQueue(int(count), now - oldest if oldest else None, tuple(order))

    # --- paper copies -------------------------------------------------------------------------

    def record_print(self, ticket_id: int, error: str | None = None) -> None:
        """Remember whether the ticket's paper copy came out (``error`` None) or why not."""
        with self.db.write() as session:
            row = self._ticket(session, ticket_id)
            if error is None:
                row.printed_at, row.print_error = self.clock(), None
            else:
                row.print_error = error

    def printer_problem(self) -> PrinterProblem | None:
        """None while the latest print attempt today succeeded (or nothing was printed yet)."""
        day = self.clock().date()
        with self.db.read() as session:
            latest = session.scalar(
                self._today(day)
                .where(or_(models.Ticket.printed_at.is_not(None), models.Ticket.print_error.is_not(None)))
                .order_by(models.Ticket.id.desc())
                .limit(1)
            )
            if latest is None or latest.print_error is None:
                return None
            unprinted = session.scalar(
                select(func.count()).where(
                    models.Ticket.office_code == self.office_code,
                    models.Ticket.day == day,
                    models.Ticket.print_error.is_not(None),
                )
            )
            return PrinterProblem(int(unprinted or 0), latest.print_error)

    # --- the display board --------------------------------------------------------------------

    def board(self, recent: int = 8) -> BoardState:
        """Today's picture for the display board, read in one transaction.

        ``recent`` lines, one per ticket: a recalled ticket is listed once, by its latest call,
        and a ticket transferred since that call shows where it waits now (see RecentTicket).
        """
        day = self.clock().date()
        t, c = models.Ticket, models.TicketCall
        today = (t.office_code == self.office_code, t.day == day)
        with self.db.read() as session:
            serving: dict[int, str] = {}
            for number, label in session.execute(
                select(t.counter_number, t.label)
                .where(*today, t.state.in_([TicketState.CALLED.value, TicketState.SERVING.value]))
                .order_by(t.called_at)
            ):
                if number is not None:
                    serving[number] = label  # the latest call wins
            counters = list(
                session.scalars(
                    select(models.Counter.number).where(models.Counter.active).order_by(models.Counter.number)
                )
            )
            latest_per_ticket = (
                select(func.max(c.id)).join(t, t.id == c.ticket_id).where(*today).group_by(c.ticket_id)
            )
            lines = [
                RecentTicket(
                    call.ticket_id,
                    call.label,
                    call.counter_number,
                    call.id,
                    call.at,
                    service_code if state == TicketState.WAITING.value else None,
                    target_counter if state == TicketState.WAITING.value else None,
                )
                for call, state, service_code, target_counter in session.execute(
                    select(c, t.state, t.service_code, t.target_counter)
                    .join(t, t.id == c.ticket_id)
                    .where(c.id.in_(latest_per_ticket))
                    .order_by(c.id.desc())
                    .limit(recent)
                )
            ]
            waiting: dict[str, int] = {
                code: int(count)
                for code, count in session.execute(
                    select(t.service_code, func.count())
                    .where(*today, t.state == TicketState.WAITING.value)
                    .group_by(t.service_code)
                )
            }
            areas = [
                AreaWaiting(area.code, area.name, waiting.get(area.code, 0))
                for area in session.scalars(
                    select(models.ServiceArea)
                    .where(models.ServiceArea.active)
                    .order_by(models.ServiceArea.position, models.ServiceArea.code)
                )
            ]
            last = session.scalar(select(func.max(c.id))) or 0
        return BoardState(serving, counters, lines, int(last), areas)

    def calls_since(self, last_call_id: int, limit: int = 50) -> list[CallView]:
        """Calls after ``last_call_id``, oldest first: the display and the voice read them in order."""
        with self.db.read() as session:
            rows = session.scalars(
                select(models.TicketCall)
                .where(models.TicketCall.id > last_call_id)
                .order_by(models.TicketCall.id)
                .limit(limit)
            )
            return [CallView(c.id, c.ticket_id, c.label, c.counter_number, c.recall, c.at) for c in rows]

    # --- inside a transaction -----------------------------------------------------------------

    def _today(self, day: date) -> Select[models.Ticket]:
        return select(models.Ticket).where(
            models.Ticket.office_code == self.office_code, models.Ticket.day == day
        )

    def _office(self, session: Session) -> models.Office:
        office = session.scalar(select(models.Office).where(models.Office.code == self.office_code))
        if office is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Domain", "There is no office {value}."), value=self.office_code
            )
        return office

    def _policy(self, session: Session) -> PriorityPolicy:
        office = session.scalar(select(models.Office).where(models.Office.code == self.office_code))
        if office is None:
            return PriorityPolicy()
        return PriorityPolicy(PolicyKind(office.priority_policy), office.priority_every)

    @staticmethod
    def _services_of(session: Session, counter_number: int) -> list[str]:
        return list(
            session.scalars(
                select(models.CounterService.service_code).where(
                    models.CounterService.counter_number == counter_number
                )
            )
        )

    def _others_since_priority(self, session: Session, day: date) -> int:
        """Non-priority tickets first called today since the last priority ticket was, counted from
        the tickets: what the queue_day row starts from when the interleaving policy is chosen."""
        last_priority = session.scalar(
            select(func.max(models.Ticket.first_called_at)).where(
                models.Ticket.office_code == self.office_code,
                models.Ticket.day == day,
                models.Ticket.priority,
            )
        )
        statement = select(func.count()).where(
            models.Ticket.office_code == self.office_code,
            models.Ticket.day == day,
            ~models.Ticket.priority,
            models.Ticket.first_called_at.is_not(None),
        )
        if last_priority is not None:
            statement = statement.where(models.Ticket.first_called_at > last_priority)
        return int(session.scalar(statement) or 0)

    def _ticket(self, session: Session, ticket_id: int) -> models.Ticket:
        statement = select(models.Ticket).where(models.Ticket.id == ticket_id)
        if not self.db.is_sqlite:
            statement = statement.with_for_update()
        row = session.scalar(statement)
        if row is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "There is no ticket {value}."), value=ticket_id)
        return row

    @staticmethod
    def _call(
        session: Session, row: models.Ticket, counter_number: int, now: datetime, *, recall: bool
    ) -> None:
        row.state = TicketState.CALLED.value
        row.counter_number = counter_number
        row.target_counter = None
        row.called_at = now
        row.first_called_at = row.first_called_at or now
        row.call_count += 1
        session.add(
            models.TicketCall(
                ticket_id=row.id, counter_number=counter_number, label=row.label, recall=recall, at=now
            )
        )

    @staticmethod
    def _finish(row: models.Ticket, now: datetime) -> None:
        row.state = TicketState.DONE.value
        row.started_at = row.started_at or row.called_at
        row.finished_at = now

    def _move(
        self, actor: StaffMember, ticket_id: int, allowed: set[TicketState], target: TicketState
    ) -> TicketView:
        require(actor, Permission.RECEIVE_DOSSIERS)
        now = self.clock()
        with self.db.write() as session:
            row = self._ticket(session, ticket_id)
            if TicketState(row.state) not in allowed:
                raise QueueError(
                    QT_TRANSLATE_NOOP(
                        "Domain", "Ticket {label} is “{state}” and cannot be moved on that way."
                    ),
                    label=row.label,
                    state=TICKET_STATE_LABELS[TicketState(row.state)],
                )
            if target is TicketState.DONE:
                self._finish(row, now)
            else:
                row.state = target.value
                if target is TicketState.SERVING:
                    row.started_at = now
            if target in (TicketState.DONE, TicketState.NO_SHOW):
                outbox.note_ticket(session, row, now)
            return _view(row)
