"""Writing and reading the activity log. Writers call :func:`record` inside their own transaction."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.audit import AuditAction, AuditEntry
from counter_app.domain.calendar import now_vn
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
