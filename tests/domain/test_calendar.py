from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import VN_TZ, DayOverride, WorkingCalendar
from counter_app.domain.catalogue import ProcessingTime, ProcessingUnit

CAL = WorkingCalendar()


def at(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def days(n):
    return ProcessingTime(n, ProcessingUnit.WORKING_DAYS)


def hours(n):
    return ProcessingTime(n, ProcessingUnit.WORKING_HOURS)


def test_public_holidays_and_weekends():
    assert not CAL.is_working_day(date(2026, 2, 17))  # Tết
    assert not CAL.is_working_day(date(2026, 4, 27))  # Hùng Kings' day, observed
    assert not CAL.is_working_day(date(2026, 9, 2))
    assert not CAL.is_working_day(date(2026, 11, 21))  # Saturday
    assert CAL.is_working_day(date(2026, 8, 22))  # make-up working Saturday
    assert not CAL.is_working_day(date(2026, 8, 31))  # the day swapped for it
    assert CAL.is_working_day(date(2026, 11, 23))


def test_holiday_names_follow_the_app_language_not_the_pc_locale():
    assert CAL.holiday_name(date(2026, 2, 16)) == "Giao thừa Tết Nguyên Đán"
    assert WorkingCalendar(language="en").holiday_name(date(2026, 2, 16)) == "Lunar New Year's Eve"
    assert CAL.holiday_name(date(2026, 11, 23)) is None


def test_office_overrides_win():
    cal = WorkingCalendar(
        [DayOverride(date(2026, 11, 23), False, "storm"), DayOverride(date(2026, 11, 28), True)]
    )
    assert not cal.is_working_day(date(2026, 11, 23))
    assert cal.is_working_day(date(2026, 11, 28))


def test_days_count_from_the_next_working_day():
    # Monday 23/11 09:00, 3 working days: Tue 24 (holiday per holidays 0.109?), so count via the calendar.
    received = at(2026, 11, 23, 9)
    expected = CAL.add_working_days(date(2026, 11, 23), 3)
    assert CAL.appointment(received, days(3)) == datetime.combine(expected, time(17), VN_TZ)


def test_cutoff_moves_the_count_one_working_day():
    before = CAL.appointment(at(2026, 11, 26, 14, 59), days(1))  # Thursday
    after = CAL.appointment(at(2026, 11, 26, 15, 0), days(1))
    assert before.date() == date(2026, 11, 27)
    assert after.date() == date(2026, 11, 30)  # Friday is day 0, Monday day 1


def test_same_day_procedures():
    assert CAL.appointment(at(2026, 11, 26, 10), days(0)) == at(2026, 11, 26, 17)
    assert CAL.appointment(at(2026, 11, 26, 16), days(0)) == at(2026, 11, 27, 17)
    assert CAL.appointment(at(2026, 11, 28, 10), days(0)) == at(2026, 11, 30, 17)  # Saturday -> Monday


def test_tet_is_skipped_across_the_new_year():
    due = CAL.appointment(at(2026, 2, 12, 10), days(3))  # Thursday before Tết 2026
    assert due.date() == date(2026, 2, 24)  # 13, 23, 24 (14-22 off)
    assert CAL.appointment(at(2026, 12, 30, 10), days(2)).date() == date(2027, 1, 4)


def test_working_hours_skip_lunch_and_nights():
    assert CAL.appointment(at(2026, 11, 26, 8), hours(4)) == at(2026, 11, 26, 13, 30)
    assert CAL.appointment(at(2026, 11, 26, 14, 30), hours(4)) == at(2026, 11, 27, 9, 0)
    assert CAL.appointment(at(2026, 11, 26, 15, 30), hours(4)) == at(2026, 11, 27, 11, 30)
    assert CAL.appointment(at(2026, 11, 26, 6, 0), hours(1)) == at(2026, 11, 26, 8, 30)
    assert CAL.appointment(at(2026, 11, 26, 12, 0), hours(1)) == at(2026, 11, 26, 14, 0)
    assert CAL.appointment(at(2026, 11, 26, 9), hours(16)) == at(2026, 11, 30, 9)


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        CAL.appointment(datetime(2026, 11, 26, 9), days(1))


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)
processing = st.builds(ProcessingTime, st.integers(0, 60), st.sampled_from(list(ProcessingUnit)))


def _inside_working_hours(moment: datetime) -> bool:
    t = moment.timetz().replace(tzinfo=None)
    return any(begin <= t <= end for begin, end in CAL.hours.periods)


@settings(max_examples=300, deadline=None)
@given(moments, processing)
def test_appointment_never_falls_on_a_day_off(received, time_needed):
    due = CAL.appointment(received, time_needed)
    assert CAL.is_working_day(due.date())
    assert _inside_working_hours(due)
    assert due >= received


@settings(max_examples=300, deadline=None)
@given(moments, processing, st.integers(1, 20))
def test_more_time_never_gives_an_earlier_date(received, time_needed, extra):
    more = ProcessingTime(time_needed.amount + extra, time_needed.unit)
    assert CAL.appointment(received, more) >= CAL.appointment(received, time_needed)


@settings(max_examples=300, deadline=None)
@given(moments, processing, st.integers(1, 72 * 60))
def test_later_reception_never_gives_an_earlier_date(received, time_needed, minutes):
    later = received + timedelta(minutes=minutes)
    assert CAL.appointment(later, time_needed) >= CAL.appointment(received, time_needed)


@pytest.mark.parametrize(
    ("moment", "opens"),
    [
        (datetime(2026, 11, 26, 6, 0), datetime(2026, 11, 26, 7, 30)),  # before opening
        (datetime(2026, 11, 26, 12, 0), datetime(2026, 11, 26, 13, 0)),  # lunch
        (datetime(2026, 11, 26, 17, 0), datetime(2026, 11, 27, 7, 30)),  # after closing, Thursday
        (datetime(2026, 11, 27, 18, 0), datetime(2026, 11, 30, 7, 30)),  # Friday evening: Monday
        (datetime(2026, 11, 28, 9, 0), datetime(2026, 11, 30, 7, 30)),  # Saturday
    ],
)
def test_the_office_is_closed_outside_its_hours_and_says_when_it_opens(moment, opens):
    calendar = WorkingCalendar()
    at = moment.replace(tzinfo=VN_TZ)
    assert not calendar.is_open(at)
    assert calendar.next_opening(at) == opens.replace(tzinfo=VN_TZ)


def test_the_office_is_open_in_its_working_periods():
    calendar = WorkingCalendar([DayOverride(date(2026, 11, 26), False, "Bão")])
    for moment in (
        datetime(2026, 11, 25, 7, 30),
        datetime(2026, 11, 25, 11, 29),
        datetime(2026, 11, 25, 16, 59),
    ):
        at = moment.replace(tzinfo=VN_TZ)
        assert calendar.is_open(at) and calendar.next_opening(at) == at
    storm = datetime(2026, 11, 26, 9, 0, tzinfo=VN_TZ)  # a working Thursday made a day off
    assert not calendar.is_open(storm)
    assert calendar.next_opening(storm) == datetime(2026, 11, 27, 7, 30, tzinfo=VN_TZ)
