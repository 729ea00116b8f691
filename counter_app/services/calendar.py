"""The office's working calendar: public holidays plus its own overrides from the database."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import select

from counter_app.domain.audit import AuditAction
from counter_app.domain.calendar import DayOverride, WorkingCalendar, WorkingHours
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import clean_line
from counter_app.services.audit import record
from counter_app.storage import models
from counter_app.storage.database import Database

# Another PC's change to the office's days off reaches this one within this many seconds; a change
# made here is seen at once. Building the calendar (the holidays package, a query) costs more than
# the rest of a dossier's appointment.
CACHE_SECONDS = 30.0


class CalendarService:
    def __init__(self, db: Database, hours: WorkingHours | None = None, *, language: str = "vi") -> None:
        self.db = db
        self.hours = hours or WorkingHours()
        self.language = language  # for the names of public holidays
        self._cached: WorkingCalendar | None = None
        self._cached_at = 0.0

    def overrides(self) -> list[DayOverride]:
        with self.db.read() as session:
            rows = session.scalars(select(models.CalendarOverride).order_by(models.CalendarOverride.day))
            return [DayOverride(r.day, r.working, r.note) for r in rows]

    def calendar(self) -> WorkingCalendar:
        """The calendar with the office's overrides, at most CACHE_SECONDS old."""
        cached, now = self._cached, time.monotonic()
        if cached is None or now - self._cached_at > CACHE_SECONDS:
            cached = WorkingCalendar(self.overrides(), self.hours, language=self.language)
            self._cached, self._cached_at = cached, now
        return cached

    def set_override(self, actor: StaffMember, override: DayOverride) -> None:
        require(actor, Permission.MANAGE_CALENDAR)
        note = clean_line(override.note)
        with self.db.write() as session:
            session.merge(
                models.CalendarOverride(
                    day=override.day, working=override.working, note=note, source="office"
                )
            )
            self._cached = None
            record(
                session,
                actor,
                AuditAction.CALENDAR_DAY_SET,
                day=override.day.isoformat(),
                working=override.working,
                note=note,
            )

    def forget_cache(self) -> None:
        """Another writer (the provincial sync) changed the days: read them afresh next time."""
        self._cached = None

    def remove_override(self, actor: StaffMember, day: date) -> None:
        require(actor, Permission.MANAGE_CALENDAR)
        with self.db.write() as session:
            row = session.get(models.CalendarOverride, day)
            self._cached = None
            if row is not None:
                session.delete(row)
                record(session, actor, AuditAction.CALENDAR_DAY_REMOVED, day=day.isoformat())
