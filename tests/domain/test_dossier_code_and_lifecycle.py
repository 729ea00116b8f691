import itertools
from datetime import date, datetime, timedelta

import pytest

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.dossier_code import DEFAULT_PATTERN, NATIONAL_PATTERN, format_code, validate_pattern
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import (
    TRANSITIONS,
    DossierStatus,
    IllegalTransition,
    Timeliness,
    check_start,
    check_transition,
    hand_overs,
    timeliness,
)

S = DossierStatus


def test_provincial_and_national_patterns():
    day = date(2023, 10, 27)
    assert (
        format_code(DEFAULT_PATTERN, agency="000.00.06.H56", day=day, seq=361) == "000.00.06.H56-231027-0361"
    )
    assert (
        format_code(NATIONAL_PATTERN, agency="G22.05.H01", day=day, seq=7, system="01")
        == "G22.05.H01-231027-010007"
    )
    assert format_code(DEFAULT_PATTERN, agency="X", day=day, seq=12345).endswith("-12345")


@pytest.mark.parametrize(
    "pattern",
    [
        "{agency}-{seq:04d}",
        "{agency}-{yymmdd}-{seq:03d}",
        "{agency}-{yymmdd}",
        "{agency}-{yymmdd}-{seq:04d}-{who}",
        "{agency-{yymmdd}",
    ],
)
def test_patterns_that_could_repeat_a_code_are_refused(pattern):
    with pytest.raises(ValidationError):
        validate_pattern(pattern)


def test_status_codes_are_the_national_ones():
    assert [s.value for s in S] == list(range(1, 11))


def test_the_normal_path_and_an_illegal_jump():
    check_start(S.RECEIVED)
    path = [S.RECEIVED, S.IN_PROCESSING, S.DECIDED, S.RETURNED]
    for current, target in itertools.pairwise(path):
        check_transition(current, target)
    with pytest.raises(IllegalTransition) as info:
        check_transition(S.RECEIVED, S.RETURNED)
    assert "Received" in info.value.message() and "Returned" in info.value.message()
    with pytest.raises(IllegalTransition):
        check_start(S.DECIDED)
    check_start(S.SUPPLEMENT_REQUESTED)  # sent back incomplete at the counter: never “received” first


def test_final_states_lead_nowhere():
    for final in (S.REFUSED, S.STOPPED, S.RETURNED):
        assert not TRANSITIONS[final]
        with pytest.raises(IllegalTransition):
            check_transition(final, S.IN_PROCESSING)


def test_a_supplement_is_requested_only_once():
    history = [S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.IN_PROCESSING]
    with pytest.raises(IllegalTransition, match="already"):
        check_transition(S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, history)
    check_transition(S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, history[:2])


def test_withdrawal_before_a_decision_stops_the_dossier():
    check_transition(S.IN_PROCESSING, S.WITHDRAWAL_REQUESTED)
    check_transition(S.WITHDRAWAL_REQUESTED, S.STOPPED)
    with pytest.raises(IllegalTransition):
        check_transition(S.DECIDED, S.WITHDRAWAL_REQUESTED)


def test_timeliness_is_computed_from_the_appointment():
    due = datetime(2026, 11, 27, 17, tzinfo=VN_TZ)
    assert timeliness(due, datetime(2026, 11, 26, 10, tzinfo=VN_TZ), due) is Timeliness.EARLY
    assert timeliness(due, datetime(2026, 11, 27, 16, tzinfo=VN_TZ), due) is Timeliness.ON_TIME
    assert timeliness(due, datetime(2026, 11, 27, 17, 1, tzinfo=VN_TZ), due) is Timeliness.LATE
    assert timeliness(due, None, datetime(2026, 11, 27, 9, tzinfo=VN_TZ)) is Timeliness.PENDING
    assert timeliness(due, None, datetime(2026, 11, 28, 9, tzinfo=VN_TZ)) is Timeliness.LATE


def test_the_control_sheet_of_a_dossier_sent_back_incomplete_starts_with_its_reception():
    """Sent back at the counter (one first step), then the papers arrived: the first row is the
    reception (the centre gives the papers back), not measured against the date set later."""
    at = datetime(2026, 11, 26, 9, 30, tzinfo=VN_TZ)
    later = at + timedelta(days=2)
    appointment = later + timedelta(days=3)
    rows = hand_overs(
        [(S.SUPPLEMENT_REQUESTED, at, "Cán bộ", "Thiếu tờ khai"), (S.IN_PROCESSING, later, "Cán bộ", "")],
        appointment,
        centre="Trung tâm",
        authority="UBND xã",
        applicant="Công dân",
    )
    assert [(r.from_unit, r.to_unit, r.result) for r in rows] == [
        ("Trung tâm", "Công dân", None),
        ("Trung tâm", "UBND xã", Timeliness.EARLY),
    ]
