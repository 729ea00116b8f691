"""The queue on both engines: numbering, calling with the priority policy, recall, no-show, transfer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import NotFoundError
from counter_app.domain.queue import (
    OfficeClosed,
    PolicyKind,
    PriorityGroup,
    PriorityPolicy,
    QueueError,
    TicketState,
)
from counter_app.domain.staff import PermissionDenied
from counter_app.services.calendar import CalendarService
from counter_app.services.demo import DEMO_AREAS, DEMO_COUNTERS
from counter_app.services.office import ensure_office
from counter_app.services.queue import Opening, QueueService
from counter_app.settings import OfficeSettings
from counter_app.storage import models

OFFICE = "000.00.06.H56"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 8, 0, tzinfo=VN_TZ)  # a Thursday morning

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def queue(db, clock) -> QueueService:
    ensure_office(db, OfficeSettings(code=OFFICE))
    service = QueueService(db, office_code=OFFICE, clock=clock)
    for area in DEMO_AREAS:
        service.save_area(None, area)
    for number, codes in DEMO_COUNTERS.items():  # 1: A, D · 2: A, B · 3: B, C
        service.set_counter(None, number, codes)
    return service


def test_each_area_numbers_its_own_tickets_and_restarts_daily(queue, clock):
    labels = [queue.issue(code).ticket.label for code in ("A", "A", "B", "A")]
    assert labels == ["A001", "A002", "B001", "A003"]
    clock.advance(24 * 60)
    assert queue.issue("A").ticket.label == "A001"
    with pytest.raises(NotFoundError):
        queue.issue("Z")


def test_the_kiosk_tells_people_ahead_and_an_estimated_wait(queue, clock, clerk):
    first = queue.issue("C")
    assert (first.people_ahead, first.estimated_wait, first.service_name) == (
        0,
        timedelta(0),
        "Bảo trợ xã hội, cư trú",
    )
    queue.issue("C")
    third = queue.issue("C")
    assert third.people_ahead == 2
    assert third.estimated_wait == timedelta(minutes=12)  # 2 people × 6 min default, one counter serves C
    queue.call_next(clerk, 3)
    clock.advance(10)
    queue.call_next(clerk, 3)  # finishes the first after 10 minutes: the estimate learns
    fourth = queue.issue("C")  # C002 is at the counter, C003 waits: 1 ahead × the 10 minutes learnt
    assert (fourth.people_ahead, fourth.estimated_wait) == (1, timedelta(minutes=10))


def test_first_come_first_served_within_the_counters_areas(queue, clerk):
    for code in ("B", "A", "C", "A"):
        queue.issue(code)
    assert queue.call_next(clerk, 1).label == "A001"  # counter 1 serves A and D
    assert queue.call_next(clerk, 2).label == "B001"  # counter 2: A and B, B001 came first
    assert queue.call_next(clerk, 1).label == "A002"
    assert queue.call_next(clerk, 1) is None
    assert queue.call_next(clerk, 3).label == "C001"


def test_strict_priority_goes_first(queue, clerk):
    queue.issue("A")
    queue.issue("A", priority_group=PriorityGroup.ELDERLY)
    called = queue.call_next(clerk, 1)
    assert called.label == "A002" and called.priority_group is PriorityGroup.ELDERLY


def test_one_priority_after_every_n_others(queue, clerk, admin):
    queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=2))
    for _ in range(4):
        queue.issue("A")
    queue.issue("A", priority_group=PriorityGroup.PREGNANT)
    queue.issue("A", priority_group=PriorityGroup.DISABLED)
    order = [queue.call_next(clerk, 1).label for _ in range(6)]
    assert order == ["A001", "A002", "A005", "A003", "A004", "A006"]
    assert queue.policy() == PriorityPolicy(PolicyKind.INTERLEAVE, every=2)
    with pytest.raises(PermissionDenied):
        queue.set_policy(clerk, PriorityPolicy())


def test_next_finishes_the_current_ticket_and_times_are_kept(queue, clock, clerk, db):
    ticket = queue.issue("A").ticket
    clock.advance(12)
    queue.call_next(clerk, 1)
    queue.start(clerk, ticket.id)
    clock.advance(7)
    assert queue.call_next(clerk, 1) is None
    with db.read() as session:
        row = session.get(models.Ticket, ticket.id)
        assert row.state == "done"
        assert row.called_at - row.issued_at == timedelta(minutes=12)
        assert row.finished_at - row.called_at == timedelta(minutes=7)


def test_recall_no_show_and_a_later_recall(queue, clock, clerk, db):
    ticket = queue.issue("A").ticket
    queue.call_next(clerk, 1)
    assert queue.recall(clerk, 1, ticket.id).call_count == 2
    queue.no_show(clerk, ticket.id)
    assert queue.current(1) is None
    with pytest.raises(QueueError):
        queue.start(clerk, ticket.id)  # nobody came
    clock.advance(30)
    back = queue.recall(clerk, 2, ticket.id)  # the citizen came back; counter 2 calls them in
    assert (back.state, back.counter_number, back.call_count) == (TicketState.CALLED, 2, 3)
    calls = queue.calls_since(0)
    assert [(c.label, c.counter_number, c.recall) for c in calls] == [
        ("A001", 1, False),
        ("A001", 1, True),
        ("A001", 2, True),
    ]
    assert queue.calls_since(calls[1].id) == calls[2:]
    other = queue.issue("A").ticket
    with pytest.raises(QueueError):
        queue.recall(clerk, 3, other.id)  # still waiting: it is called with "next", not recalled


def test_a_transferred_ticket_keeps_its_place(queue, clock, clerk):
    first = queue.issue("A").ticket
    queue.issue("B")
    queue.call_next(clerk, 1)  # A001 at counter 1, who sends the citizen to land matters (B)
    moved = queue.transfer(clerk, first.id, service_code="B")
    assert moved.state is TicketState.WAITING
    assert queue.call_next(clerk, 3).label == "A001"  # ahead of B001, issued later
    queue.transfer(clerk, first.id, counter_number=1)  # back to counter 1 only
    assert queue.call_next(clerk, 2).label == "B001"  # counter 2 does not take it
    assert queue.call_next(clerk, 1).label == "A001"
    with pytest.raises(NotFoundError):
        queue.transfer(clerk, first.id, counter_number=9)


def test_a_transfer_to_where_the_ticket_already_is_is_refused(queue, clerk):
    first = queue.issue("A").ticket
    queue.call_next(clerk, 1)
    with pytest.raises(QueueError):
        queue.transfer(clerk, first.id, service_code="A")  # its own area: it would only lose its turn
    with pytest.raises(QueueError):
        queue.transfer(clerk, first.id, counter_number=1)  # the counter that called it
    with pytest.raises(QueueError):
        queue.transfer(clerk, first.id)  # nowhere
    assert queue.current(1) is not None  # still called at counter 1: nothing changed
    queue.transfer(clerk, first.id, counter_number=3)
    with pytest.raises(QueueError):
        queue.transfer(clerk, first.id, counter_number=3)  # already sent there
    assert queue.call_next(clerk, 1) is None  # counter 1 no longer takes it
    assert queue.call_next(clerk, 3).label == "A001"


def test_the_counter_lists_its_waiting_tickets_in_calling_order(queue, clerk, admin):
    elderly = PriorityGroup.ELDERLY
    for code, group in (("A", None), ("D", None), ("B", None), ("A", elderly), ("D", None), ("D", elderly)):
        queue.issue(code, priority_group=group)
    assert [t.label for t in queue.counter_queue(1).tickets] == ["A002", "D003", "A001", "D001", "D002"]
    assert [t.label for t in queue.counter_queue(1, listed=2).tickets] == ["A002", "D003"]
    assert queue.counter_queue(1, listed=2).waiting == 5
    queue.set_policy(admin, PriorityPolicy(PolicyKind.INTERLEAVE, every=2))
    expected = [t.label for t in queue.counter_queue(1).tickets]
    assert expected == ["A001", "D001", "A002", "D002", "D003"]
    called = [queue.call_next(clerk, 1) for _ in range(5)]
    assert [t.label for t in called if t is not None] == expected  # the list told the truth


def test_the_counter_sees_how_many_wait_and_the_longest_wait(queue, clock):
    queue.issue("A")
    clock.advance(5)
    queue.issue("D")
    queue.issue("C")
    clock.advance(10)
    status = queue.counter_queue(1)
    assert status.waiting == 2 and status.longest_wait == timedelta(minutes=15)


def test_a_counter_without_areas_is_told_so(queue, clerk):
    with pytest.raises(QueueError, match="serves no service area"):
        queue.call_next(clerk, 7)
    with pytest.raises(NotFoundError):
        queue.set_counter(None, 4, ["Q"])


def test_areas_and_counters_are_listed(queue, db):
    assert [a.code for a in queue.areas()] == ["A", "B", "C", "D"]
    assert queue.counter_services(2) == ["A", "B"]
    with db.read() as session:
        assert session.scalar(select(models.Office.priority_policy)) == "strict"


def test_the_board_shows_each_counters_number_and_the_latest_calls(queue, clock, clerk):
    for code in ("A", "A", "C"):
        queue.issue(code)
    queue.call_next(clerk, 1)
    clock.advance(1)
    queue.call_next(clerk, 2)
    clock.advance(1)
    queue.call_next(clerk, 3)
    first = queue.board()
    assert first.serving == {1: "A001", 2: "A002", 3: "C001"} and first.counters == [1, 2, 3]
    assert [c.label for c in first.recent] == ["C001", "A002", "A001"]
    queue.finish(clerk, queue.current(3).id)
    after = queue.board()
    assert 3 not in after.serving and after.last_call_id == first.last_call_id


def test_a_failed_print_is_seen_everywhere_until_a_ticket_prints_again(queue):
    first, second = queue.issue("A").ticket, queue.issue("A").ticket
    assert queue.printer_problem() is None
    queue.record_print(first.id)
    queue.record_print(second.id, "Máy in không phản hồi")
    problem = queue.printer_problem()
    assert problem is not None and (problem.unprinted, problem.message) == (1, "Máy in không phản hồi")
    queue.record_print(second.id)  # reprinted
    assert queue.printer_problem() is None


def test_the_board_lists_each_ticket_once_where_it_is_now_and_who_waits_in_each_area(queue, clock, clerk):
    for code in ("A", "A", "B", "C", "D"):
        queue.issue(code)
    first = queue.call_next(clerk, 1)  # A001 at counter 1
    clock.advance(1)
    queue.call_next(clerk, 2)  # A002 at counter 2
    clock.advance(1)
    queue.recall(clerk, 1, first.id)  # "call again": a call, not a second line
    state = queue.board()
    assert [(r.label, r.counter_number, r.transferred) for r in state.recent] == [
        ("A001", 1, False),  # moved up by its latest call
        ("A002", 2, False),
    ]
    assert state.recent[0].call_id == state.last_call_id
    assert [(a.code, a.waiting) for a in state.areas] == [("A", 0), ("B", 1), ("C", 1), ("D", 1)]
    assert state.areas[0].name == "Hộ tịch, chứng thực"

    queue.transfer(clerk, first.id, service_code="B")  # land matters: waits for area B now
    moved = queue.board()
    assert (moved.recent[0].label, moved.recent[0].waiting_for_area) == ("A001", "B")
    assert moved.recent[0].waiting_for_counter is None and 1 not in moved.serving
    assert [(a.code, a.waiting) for a in moved.areas][:2] == [("A", 0), ("B", 2)]
    queue.transfer(clerk, first.id, counter_number=3)  # then to counter 3 only
    assert queue.board().recent[0].waiting_for_counter == 3
    clock.advance(1)
    assert queue.call_next(clerk, 3).label == "A001"  # called there: an ordinary line again
    called = queue.board()
    assert [(r.label, r.counter_number, r.transferred) for r in called.recent] == [
        ("A001", 3, False),
        ("A002", 2, False),
    ]
    assert called.serving == {2: "A002", 3: "A001"}
    assert len(queue.board(recent=1).recent) == 1


def test_outside_office_hours_a_number_says_when_the_office_opens_or_is_refused(db, queue, clock, admin):
    queue.calendar = CalendarService(db)
    assert queue.opening().open and queue.issue("A").opens_at is None
    clock.now = datetime(2026, 11, 26, 12, 0, tzinfo=VN_TZ)  # lunch
    opens = datetime(2026, 11, 26, 13, 0, tzinfo=VN_TZ)
    assert queue.issue("A").opens_at == opens  # the office issues outside hours (the default)
    clock.now = datetime(2026, 11, 26, 17, 30, tzinfo=VN_TZ)  # after closing: the queue is the day's
    with pytest.raises(OfficeClosed) as refused:
        queue.issue("A")  # a number for tomorrow would never be called
    assert refused.value.opens_at == datetime(2026, 11, 27, 7, 30, tzinfo=VN_TZ)
    assert not queue.opening().issuing
    clock.now = datetime(2026, 11, 26, 12, 0, tzinfo=VN_TZ)
    queue.set_tickets_outside_hours(admin, False)
    assert queue.opening() == Opening(False, opens, False, opens_today=True)
    with pytest.raises(OfficeClosed) as refused:
        queue.issue("B")
    assert refused.value.opens_at == opens
    with db.read() as session:
        assert session.scalars(select(models.Ticket.label).order_by(models.Ticket.id)).all() == [
            "A001",
            "A002",
        ]
    clock.now = opens  # open again: numbers as usual
    assert queue.issue("B").ticket.label == "B001"


def test_a_field_is_served_in_one_area_at_most(queue):
    queue.set_area_fields(None, "A", ["HT", "CT"])
    queue.save_area(None, DEMO_AREAS[3], ["CT", "HKD"])  # notarisation moves to D with the area
    assert queue.area_for_field("HT").code == "A"
    assert queue.area_for_field("CT").code == "D"
    assert queue.area_for_field("XD") is None
    queue.save_area(None, replace(DEMO_AREAS[3], active=False))  # an area out of use takes no number
    assert queue.area_for_field("HKD") is None
