from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import ValidationError
from counter_app.domain.queue import (
    PolicyKind,
    PriorityPolicy,
    ServiceArea,
    TicketTimes,
    estimated_wait,
    spoken_ticket,
    ticket_label,
    validate_area,
)


def test_labels_never_repeat_in_a_day():
    assert ticket_label("A", 1) == "A001"
    assert ticket_label("B", 999) == "B999"
    assert ticket_label("B", 1000) == "B1000"


def test_the_number_is_read_digit_by_digit():
    assert spoken_ticket("A001") == ["A", "không", "không", "một"]
    assert spoken_ticket("HT105") == ["H", "T", "một", "không", "năm"]


def test_strict_priority_always_prefers_priority():
    assert all(PriorityPolicy().prefer_priority(n) for n in range(10))


def test_interleave_takes_one_priority_after_every_n():
    policy = PriorityPolicy(PolicyKind.INTERLEAVE, every=3)
    assert [policy.prefer_priority(n) for n in range(5)] == [False, False, False, True, True]
    with pytest.raises(ValidationError):
        PriorityPolicy(PolicyKind.INTERLEAVE, every=0)


def test_service_area_codes_are_ticket_prefixes():
    assert validate_area(ServiceArea("A", "  Hộ   tịch ")).name == "Hộ tịch"
    for bad in ("a", "ABC", "1", ""):
        with pytest.raises(ValidationError):
            validate_area(ServiceArea(bad, "Hộ tịch"))
    with pytest.raises(ValidationError):
        validate_area(ServiceArea("A", "   "))


def test_waiting_and_service_times():
    issued = datetime(2026, 11, 23, 8, 0, tzinfo=VN_TZ)
    times = TicketTimes(issued, issued + timedelta(minutes=12), issued + timedelta(minutes=20))
    assert times.waiting == timedelta(minutes=12) and times.service == timedelta(minutes=8)
    assert TicketTimes(issued, None, None).waiting is None


@given(
    st.integers(0, 200),
    st.lists(st.floats(0.5, 60), max_size=20),
    st.integers(1, 10),
)
def test_more_people_ahead_never_shortens_the_estimate(ahead, minutes, counters):
    assert estimated_wait(ahead + 1, minutes, counters) >= estimated_wait(ahead, minutes, counters)
    assert estimated_wait(0, minutes, counters) == timedelta(0)
