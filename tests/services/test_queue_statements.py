"""The queue's hot paths as designed: how many statements reach the database, and that the SQL
written for speed keeps every rule the ORM code kept (the outbox rows, numbers past 999, the
priority count, a refused call changing nothing, a setting saved anywhere applying at once)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime

import pytest
from sqlalchemy import event, select, update

from counter_app.domain.queue import (
    PolicyKind,
    PriorityGroup,
    PriorityPolicy,
    QueueError,
    ServiceArea,
    TicketState,
)
from counter_app.domain.staff import StaffMember
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.settings import OfficeSettings
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox
from tests.services.test_queue import OFFICE, clock, queue

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# The same office, areas and counters as the queue's behaviour tests.
__all__ = ["clock", "queue"]


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """The SQL sent through the engine meanwhile (the pool's liveness ping is not counted)."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _executemany) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _shape(sent: list[str]) -> list[str]:
    """Each statement as its verb and table: "BEGIN", "INSERT ticket", "UPDATE ticket"."""
    shapes = []
    for statement in sent:
        words = statement.split()
        verb = words[0].upper()
        table = {"INSERT": words[2] if len(words) > 2 else "", "UPDATE": words[1]}.get(verb, "")
        shapes.append(f"{verb} {table}".strip())
    return shapes


def test_issuing_and_calling_take_the_statements_designed(queue, db, clerk, admin):
    queue.issue("A")  # the day's first: its counter row is created, as every later one is bumped
    with statements(db) as sent:
        queue.issue("A")
    if db.is_sqlite:  # the number with the estimate, the ticket, its outbox row
        assert _shape(sent) == ["BEGIN", "INSERT ticket_counter", "INSERT ticket", "INSERT sync_outbox"]
    else:
        assert len(sent) == 1 and sent[0].startswith("WITH area AS")

    queue.call_next(clerk, 1)
    with statements(db) as sent:
        queue.call_next(clerk, 1)  # finishes A001, calls A002
    if db.is_sqlite:  # finish, its outbox row, the call, the call's row
        assert _shape(sent) == [
            "BEGIN",
            "UPDATE ticket",
            "INSERT sync_outbox",
            "UPDATE ticket",
            "INSERT ticket_call",
        ]
    else:
        assert len(sent) == 1 and sent[0].startswith("WITH areas AS")

    with statements(db) as sent:
        assert queue.call_next(clerk, 1) is None  # finishes A002; nobody waits
    assert len(sent) == (5 if db.is_sqlite else 1)  # SQLite asks whether the counter serves an area

    queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=2))
    queue.issue("A")
    with statements(db) as sent:
        queue.call_next(clerk, 1)
    if db.is_sqlite:  # nothing to finish; a first call under interleaving moves the day's count
        assert _shape(sent) == [
            "BEGIN",
            "UPDATE ticket",
            "UPDATE ticket",
            "INSERT ticket_call",
            "INSERT queue_day",
        ]
    else:
        assert len(sent) == 1


def _ticket(db: Database, ticket_id: int) -> models.Ticket:
    with db.read() as session:
        row = session.get(models.Ticket, ticket_id)
        assert row is not None
        return row


def _ticket_items(db: Database) -> list[models.OutboxItem]:
    with db.read() as session:
        return list(
            session.scalars(
                select(models.OutboxItem)
                .where(models.OutboxItem.kind == outbox.OutboxKind.TICKET.value)
                .order_by(models.OutboxItem.id)
            )
        )


def _assert_item_of(item: models.OutboxItem, row: models.Ticket, at: datetime) -> None:
    code = outbox.ticket_code(row.office_code, row.day, row.label)
    assert json.loads(item.payload) == outbox.ticket_payload(row, code)
    assert (item.stream, item.state, item.attempts, item.last_error, item.reply) == (
        f"ticket:{code}",
        "pending",
        0,
        "",
        "",
    )
    assert UUID.fullmatch(item.key) and item.created_at == at


def test_the_outbox_rows_are_the_ones_note_ticket_writes(queue, db, clerk, clock):
    first = queue.issue("A", priority_group=PriorityGroup.ELDERLY).ticket
    [issued] = _ticket_items(db)
    _assert_item_of(issued, _ticket(db, first.id), clock.now)  # waiting, nothing called yet

    clock.advance(3)
    queue.call_next(clerk, 2)
    queue.start(clerk, first.id)
    clock.advance(9.5)  # a finish at half a minute: the seconds of the national format
    finished = clock.now
    assert queue.call_next(clerk, 2) is None
    items = _ticket_items(db)
    assert len(items) == 2
    row = _ticket(db, first.id)
    assert (row.state, row.finished_at, row.counter_number) == ("done", finished, 2)
    _assert_item_of(items[1], row, finished)
    assert json.loads(items[1].payload)["UuTien"] is True
    assert len({i.key for i in items}) == 2


def test_numbers_past_999_keep_their_digits(queue, db):
    queue.issue("B")
    with db.write() as session:
        session.execute(update(models.TicketCounter).values(last_number=999))
    issued = queue.issue("B").ticket
    assert issued.label == "B1000"
    assert _ticket(db, issued.id).label == "B1000"
    assert json.loads(_ticket_items(db)[-1].payload)["SoPhieu"] == "B1000"


def test_a_priority_ticket_under_strict_priority_waits_only_behind_priority_ones(queue, admin):
    queue.issue("C")
    queue.issue("C", priority_group=PriorityGroup.PREGNANT)
    queue.issue("C")
    assert queue.issue("C", priority_group=PriorityGroup.DISABLED).people_ahead == 1
    assert queue.issue("C").people_ahead == 4
    queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=2))
    assert queue.issue("C", priority_group=PriorityGroup.ELDERLY).people_ahead == 5


def test_a_counter_left_without_areas_changes_nothing(queue, db, clerk):
    current = queue.issue("A").ticket
    queue.issue("A")
    queue.call_next(clerk, 1)
    queue.set_counter(None, 1, [])
    with pytest.raises(QueueError, match="serves no service area"):
        queue.call_next(clerk, 1)
    assert _ticket(db, current.id).state == "called"  # not finished either
    assert len(_ticket_items(db)) == 2  # the two issues, no finish
    assert [c.label for c in queue.calls_since(0)] == ["A001"]


def _next(queue: QueueService, clerk: StaffMember) -> str:
    called = queue.call_next(clerk, 1)
    assert called is not None
    return called.label


def test_a_setting_saved_on_another_pc_applies_to_the_next_call(queue, db, clerk, admin, clock):
    other_pc = QueueService(Database.open(db.engine.url), office_code=OFFICE, clock=clock)
    try:
        for code in ("A", "B", "A"):
            queue.issue(code)
        queue.issue("A", priority_group=PriorityGroup.ELDERLY)
        clock.advance(1)
        assert _next(other_pc, clerk) == "A003"  # strict: the priority ticket first
        clock.advance(1)
        assert _next(other_pc, clerk) == "A001"
        queue.set_counter(None, 1, ["B"])  # the admin moves counter 1 to land matters
        clock.advance(1)
        assert _next(other_pc, clerk) == "B001"
        # Two others (A001, B001) were called since the last priority ticket: the count starts at 2.
        queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=2))
        queue.set_counter(None, 1, ["A"])
        for group in (PriorityGroup.DISABLED, PriorityGroup.PREGNANT, None):
            queue.issue("A", priority_group=group)
        order = []
        for _ in range(4):
            clock.advance(1)
            order.append(_next(other_pc, clerk))
        assert order == ["A004", "A002", "A006", "A005"]  # strict would give A004, A005, A002, A006
    finally:
        other_pc.db.dispose()


def _recount(db: Database) -> int:
    """Others first called since the last priority ticket, by the order of the calls."""
    with db.read() as session:
        calls = session.execute(
            select(models.TicketCall.ticket_id, models.Ticket.priority)
            .join(models.Ticket, models.Ticket.id == models.TicketCall.ticket_id)
            .order_by(models.TicketCall.id)
        ).all()
    seen: set[int] = set()
    others = 0
    for ticket_id, priority in calls:
        if ticket_id in seen:
            continue
        seen.add(ticket_id)
        others = 0 if priority else others + 1
    return others


def test_counters_calling_at_once_keep_the_priority_count_right(db, clerk, admin):
    ensure_office(db, OfficeSettings(code=OFFICE))
    queue = QueueService(db, office_code=OFFICE)
    queue.save_area(None, ServiceArea("A", "Hộ tịch"))
    for number in range(1, 5):
        queue.set_counter(None, number, ["A"])
    queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=3))
    for i in range(60):
        queue.issue("A", priority_group=PriorityGroup.ELDERLY if i % 3 == 0 else None)

    def counter(number: int) -> list[str]:
        labels = []
        while (ticket := queue.call_next(clerk, number)) is not None:
            labels.append(ticket.label)
        return labels

    with ThreadPoolExecutor(4) as pool:
        called = [label for batch in pool.map(counter, range(1, 5)) for label in batch]
    assert sorted(called) == [f"A{n:03d}" for n in range(1, 61)]
    with db.read() as session:
        stored = session.scalar(select(models.QueueDay.others_since_priority))
        assert (
            session.scalar(select(models.Ticket).where(models.Ticket.state == TicketState.WAITING.value))
            is None
        )
    assert stored == _recount(db)
    # In call order, while both kinds waited, never more than three others between two priority calls.
    with db.read() as session:
        kinds = list(
            session.scalars(
                select(models.Ticket.priority)
                .join(models.TicketCall, models.TicketCall.ticket_id == models.Ticket.id)
                .order_by(models.TicketCall.id)
            )
        )
    runs, others = [], 0
    for priority in kinds[:40]:  # 20 priority tickets of 60: both kinds wait through the first 40 calls
        if priority:
            runs.append(others)
            others = 0
        else:
            others += 1
    assert max(runs) <= 3
