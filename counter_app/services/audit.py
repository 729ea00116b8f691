"""Writing and reading the activity log. Writers call :func:`record` inside their own transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, literal, null, select, union_all
from sqlalchemy.orm import Session

from counter_app.domain.audit import ActivityKind, AuditAction, AuditEntry, actions_of
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.storage import models
from counter_app.storage.database import Database


def record(
    session: Session,
    actor: StaffMember | None,
    action: AuditAction,
    *,
    at: datetime | None = None,
    **params: Any,
) -> None:
    """Add an entry to the transaction under way: it commits, or vanishes, with the change itself."""
    session.add(
        models.AuditEvent(
            at=at or now_vn(),
            staff_id=actor.id if actor is not None else None,
            action=action.value,
            params=json.dumps(params, ensure_ascii=False, sort_keys=True),
        )
    )


@dataclass(frozen=True)
class ActivityFilter:
    """What the activity log is narrowed to; None is "any". Dates are Vietnam's, both included."""

    start: date | None = None
    end: date | None = None
    staff_id: int | None = None
    kind: ActivityKind | None = None


@dataclass(frozen=True)
class ActivityPage:
    entries: list[AuditEntry]
    more: bool  # older entries match too: the next page has some


@dataclass(frozen=True)
class Person:
    id: int
    full_name: str
    username: str


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=VN_TZ)


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def recent(self, actor: StaffMember, limit: int = 500) -> list[AuditEntry]:
        """The newest entries first; for the office head and the administrator."""
        require(actor, Permission.VIEW_REPORTS)
        statement = (
            select(models.AuditEvent, models.Staff.full_name)
            .outerjoin(models.Staff, models.Staff.id == models.AuditEvent.staff_id)
            .order_by(models.AuditEvent.id.desc())
            .limit(limit)
        )
        with self.db.read() as session:
            return [
                AuditEntry(event.at, name, AuditAction(event.action), json.loads(event.params))
                for event, name in session.execute(statement)
            ]

    def record(self, actor: StaffMember, action: AuditAction, **params: Any) -> None:
        """An entry on its own (a form printed, this PC's settings saved): one transaction."""
        with self.db.write() as session:
            record(session, actor, action, **params)

    def form_output(self, actor: StaffMember, form: str, file_name: str, *, printed: bool) -> None:
        """A form went to the printer or to a file: who, which form, which dossier (in the file name)."""
        action = AuditAction.FORM_PRINTED if printed else AuditAction.FORM_SAVED
        self.record(actor, action, form=form, file=file_name)

    def settings_changed(self, actor: StaffMember, names: list[str]) -> None:
        """This PC's settings file was saved with these settings changed (names only: no secrets)."""
        if names:
            self.record(actor, AuditAction.SETTINGS_CHANGED, names=", ".join(names))

    def people(self, actor: StaffMember) -> list[Person]:
        """Everyone who may appear in the log, for its filter."""
        require(actor, Permission.VIEW_REPORTS)
        with self.db.read() as session:
            return [
                Person(r.id, r.full_name, r.username)
                for r in session.scalars(select(models.Staff).order_by(models.Staff.full_name))
            ]

    def search(
        self, actor: StaffMember, wanted: ActivityFilter, *, limit: int = 200, offset: int = 0
    ) -> ActivityPage:
        """The log's entries and the dossier steps together, newest first, one page at a time."""
        require(actor, Permission.VIEW_REPORTS)
        parts: list[Select[Any]] = []  # the log's rows, the dossier steps, or both
        a, e, d = models.AuditEvent, models.DossierEvent, models.Dossier
        if wanted.kind not in (ActivityKind.DOSSIER_STEP, ActivityKind.REFUSAL):
            logged = select(
                a.at.label("at"),
                a.id.label("id"),
                a.staff_id.label("staff_id"),
                a.action.label("action"),
                a.params.label("params"),
                null().label("code"),
                null().label("from_status"),
                null().label("to_status"),
                null().label("note"),
            )
            if wanted.kind is not None:
                logged = logged.where(a.action.in_([x.value for x in actions_of(wanted.kind)]))
            parts.append(self._narrow(logged, a.at, a.staff_id, wanted))
        if wanted.kind in (None, ActivityKind.DOSSIER_STEP, ActivityKind.REFUSAL):
            steps = select(
                e.at.label("at"),
                e.id.label("id"),
                e.staff_id.label("staff_id"),
                literal(AuditAction.DOSSIER_STEP.value).label("action"),
                literal("{}").label("params"),
                d.code.label("code"),
                e.from_status.label("from_status"),
                e.to_status.label("to_status"),
                e.note.label("note"),
            ).join(d, d.id == e.dossier_id)
            if wanted.kind is ActivityKind.REFUSAL:
                steps = steps.where(e.to_status == int(DossierStatus.REFUSED))
            elif wanted.kind is ActivityKind.DOSSIER_STEP:
                steps = steps.where(e.to_status != int(DossierStatus.REFUSED))
            parts.append(self._narrow(steps, e.at, e.staff_id, wanted))
        both = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
        statement = (
            select(both, models.Staff.full_name)
            .outerjoin(models.Staff, models.Staff.id == both.c.staff_id)
            .order_by(both.c.at.desc(), both.c.id.desc())
            .limit(limit + 1)
            .offset(offset)
        )
        with self.db.read() as session:
            rows = session.execute(statement).all()
        entries = [self._entry(row) for row in rows[:limit]]
        return ActivityPage(entries, len(rows) > limit)

    @staticmethod
    def _narrow(statement: Any, at: Any, staff_id: Any, wanted: ActivityFilter) -> Any:
        if wanted.start is not None:
            statement = statement.where(at >= _day_start(wanted.start))
        if wanted.end is not None:
            statement = statement.where(at < _day_start(wanted.end + timedelta(days=1)))
        if wanted.staff_id is not None:
            statement = statement.where(staff_id == wanted.staff_id)
        return statement

    @staticmethod
    def _entry(row: Any) -> AuditEntry:
        action = AuditAction(row.action)
        if action is AuditAction.DOSSIER_STEP:
            params: dict[str, Any] = {
                "code": row.code,
                "from": row.from_status,
                "to": row.to_status,
                "note": row.note or "",
            }
        else:
            params = json.loads(row.params)
        at = row.at
        if isinstance(at, str):  # a union's column on SQLite may come back untyped
            at = datetime.fromisoformat(at)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC).astimezone(VN_TZ)
        return AuditEntry(at, row.full_name, action, params)
