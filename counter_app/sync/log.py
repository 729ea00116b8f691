"""The sync log and what waits to be sent, read from the database only: no network, no province.

The counter window shows it whether or not the provincial system is set up: an office that works
offline (no address yet, or the province down for days) still sees how many changes wait to be
sent, since when, and which. Sending is the sync service's (sync/service.py); this only reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.errors import Message, Term
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync.outbox import KIND_LABELS, OutboxKind, OutboxState

LAST_SUCCESS = "last_success_at"  # the sync_state row the service writes after each good round


class LogLevel:
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class SyncSummary:
    pending: int
    oldest_pending_at: datetime | None
    rejected: int
    last_success_at: datetime | None
    conflicts_today: int


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    level: str
    text: Message  # rendered in the reader's language by the window
    stream: str


@dataclass(frozen=True)
class WaitingItem:
    """One change the province has not taken yet: still to send, or refused for good."""

    queued_at: datetime
    kind: OutboxKind
    what: Term  # the kind in words, translated by the window
    subject: str  # the dossier's code, or the ticket's
    refused: bool  # the province refused it: it waits for "send refused items again"
    attempts: int
    last_error: str  # why the last try failed, or why the province refused it


def encode_param(value: Any) -> Any:
    """A log message's parameter as stored (a Term keeps being a Term, to be translated)."""
    if isinstance(value, Term):
        return {"term": str(value)}
    return value if isinstance(value, int | float) else str(value)


def decode_param(value: Any) -> Any:
    return Term(value["term"]) if isinstance(value, dict) and "term" in value else value


def _subject(stream: str) -> str:
    return stream.partition(":")[2] or stream  # "dossier:CODE", "ticket:CODE"


class SyncLog:
    """Read-only: what the sync did, and what waits to be sent."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_vn) -> None:
        self.db = db
        self.clock = clock

    def summary(self) -> SyncSummary:
        o = models.OutboxItem
        start_of_day = self.clock().replace(hour=0, minute=0, second=0, microsecond=0)
        with self.db.read() as session:
            pending, oldest = session.execute(
                select(func.count(), func.min(o.created_at)).where(o.state == OutboxState.PENDING.value)
            ).one()
            rejected = session.scalar(select(func.count()).where(o.state == OutboxState.REJECTED.value))
            conflicts = session.scalar(
                select(func.count()).where(
                    models.SyncLogEntry.level == LogLevel.CONFLICT, models.SyncLogEntry.at >= start_of_day
                )
            )
            last = session.get(models.SyncState, LAST_SUCCESS)
        oldest_at = None
        if oldest is not None and oldest.tzinfo is None:  # the stored naive UTC value
            oldest_at = models.Moment().process_result_value(oldest, self.db.engine.dialect)
        elif oldest is not None:  # min() kept the column's type, which already gave Vietnam time
            oldest_at = oldest.astimezone(VN_TZ)
        return SyncSummary(
            int(pending),
            oldest_at,
            int(rejected or 0),
            datetime.fromisoformat(last.value) if last and last.value else None,
            int(conflicts or 0),
        )

    def entries(self, limit: int = 500) -> list[LogEntry]:
        """The log, newest first."""
        with self.db.read() as session:
            rows = session.scalars(
                select(models.SyncLogEntry).order_by(models.SyncLogEntry.id.desc()).limit(limit)
            ).all()
            return [
                LogEntry(
                    r.at,
                    r.level,
                    Message(r.message, **{k: decode_param(v) for k, v in json.loads(r.params).items()}),
                    r.stream,
                )
                for r in rows
            ]

    def waiting(self, limit: int = 500) -> list[WaitingItem]:
        """What the province has not taken yet, in the order it will go (refused items too)."""
        o = models.OutboxItem
        with self.db.read() as session:
            rows = session.execute(
                select(o.created_at, o.kind, o.stream, o.state, o.attempts, o.last_error)
                .where(o.state.in_([OutboxState.PENDING.value, OutboxState.REJECTED.value]))
                .order_by(o.id)
                .limit(limit)
            ).all()
        return [
            WaitingItem(
                queued_at,
                OutboxKind(kind),
                KIND_LABELS[OutboxKind(kind)],
                _subject(stream),
                state == OutboxState.REJECTED.value,
                attempts,
                last_error,
            )
            for queued_at, kind, stream, state, attempts, last_error in rows
        ]
