"""Working days and appointment times (domain.md §3 and §7).

Public holidays, including the lunar ones and the government's yearly swaps, come from the
``holidays`` package; an office-level override list adds extra days off and make-up
working days that a release does not know yet. All times are Vietnam time (UTC+7, no DST).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import holidays

from counter_app.domain.catalogue import ProcessingTime, ProcessingUnit

VN_TZ = timezone(timedelta(hours=7), "ICT")
HOLIDAY_LANGUAGES = {"vi": "vi", "en": "en_US"}  # the app's languages -> the holidays package's


def now_vn() -> datetime:
    return datetime.now(VN_TZ)


@dataclass(frozen=True)
class WorkingHours:
    """The office's hours: two periods a day (8 hours in all by default) and the 15:00 cut-off."""

    morning_start: time = time(7, 30)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 0)
    afternoon_end: time = time(17, 0)
    cutoff: time = time(15, 0)

    def __post_init__(self) -> None:
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise ValueError("working periods must be in order and not overlap")
        if not (self.morning_start < self.cutoff <= self.afternoon_end):
            raise ValueError("the cut-off must fall inside the working day")

    @property
    def periods(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return ((self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end))


@dataclass(frozen=True)
class DayOverride:
    """An office-level exception: ``working=False`` is an extra day off, True a make-up working day."""

    day: date
    working: bool
    note: str = ""


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, VN_TZ)


class WorkingCalendar:
    def __init__(
        self,
        overrides: Iterable[DayOverride] = (),
        hours: WorkingHours | None = None,
        *,
        language: str = "vi",
    ) -> None:
        self.hours = hours or WorkingHours()
        self._overrides = {o.day: o.working for o in overrides}
        # Years are filled in on demand, so deadlines across New Year see next year's holidays.
        # The language is explicit: left out, the package follows the PC's locale.
        self._public = holidays.country_holidays("VN", language=HOLIDAY_LANGUAGES.get(language, "vi"))

    def holiday_name(self, day: date) -> str | None:
        name = self._public.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        if day in self._overrides:
            return self._overrides[day]
        return bool(self._public.is_working_day(day))

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        day -= timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself when count is 0)."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def is_open(self, moment: datetime) -> bool:
        """Inside one of the working periods of a working day (the lunch break is closed)."""
        local = moment.astimezone(VN_TZ)
        if not self.is_working_day(local.date()):
            return False
        return any(begin <= local.time() < end for begin, end in self.hours.periods)

    def next_opening(self, moment: datetime) -> datetime:
        """When the office next opens its doors after ``moment`` (``moment`` itself when open)."""
        local = moment.astimezone(VN_TZ)
        if self.is_open(local):
            return local
        day = local.date()
        if self.is_working_day(day):
            for begin, _end in self.hours.periods:
                if local.time() < begin:
                    return _at(day, begin)
        return _at(self.next_working_day(day), self.hours.morning_start)

    def effective_reception_day(self, received_at: datetime) -> date:
        """The working day a dossier counts as received: after the cut-off or on a day off, the next one."""
        local = received_at.astimezone(VN_TZ)
        day = local.date()
        if self.is_working_day(day) and local.time() < self.hours.cutoff:
            return day
        return self.next_working_day(day)

    def appointment(self, received_at: datetime, processing: ProcessingTime) -> datetime:
        """When the result is due back.

        Days: counting starts the working day after the effective reception day; the result is
        due at the close of the last day (0 days: the close of the effective reception day).
        Hours: counted through the working periods from the reception time (8 hours a day).
        """
        if received_at.tzinfo is None:
            raise ValueError("received_at must carry its time zone")
        if processing.amount < 0:
            raise ValueError("processing time cannot be negative")
        if processing.unit is ProcessingUnit.WORKING_DAYS:
            day = self.add_working_days(self.effective_reception_day(received_at), processing.amount)
            return _at(day, self.hours.afternoon_end)
        return self._add_working_hours(received_at.astimezone(VN_TZ), processing.amount)

    def _add_working_hours(self, start: datetime, hours: int) -> datetime:
        day = self.effective_reception_day(start)
        cursor = start if day == start.date() else _at(day, self.hours.morning_start)
        remaining = timedelta(hours=hours)
        while True:
            for begin, end in self.hours.periods:
                period_start, period_end = _at(day, begin), _at(day, end)
                if cursor >= period_end:
                    continue
                cursor = max(cursor, period_start)
                available = period_end - cursor
                if remaining <= available:
                    return cursor + remaining
                remaining -= available
                cursor = period_end
            day = self.next_working_day(day)
            cursor = _at(day, self.hours.morning_start)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count
