"""One sync round with the provincial system: pull what the province decided, drain the outbox.

Exactly once: every outbox item carries its own Idempotency-Key and is marked done only after the
server acknowledged it, in one transaction per answer; the server applies each key once. A crash
before the mark means the item goes again and the server answers "duplicate". Items of one
dossier go in order: a dossier's files wait for its snapshot, its later steps for its files.

Pulled changes are applied in the same transaction as the cursor that follows them, so a crash
replays at most one page, and a replayed change (older than what the dossier already has from
the province) changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from counter_app.domain import catalogue as cat
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from counter_app.domain.lifecycle import STATUS_LABELS, DossierStatus
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox
from counter_app.sync.log import LAST_SUCCESS, LogEntry, LogLevel, SyncLog, SyncSummary, encode_param
from counter_app.sync.outbox import OutboxKind, OutboxState
from counter_app.sync.province.adapter import (
    CalendarDocument,
    CursorExpired,
    FileToSend,
    ItemAck,
    OutgoingItem,
    ProvincialAdapter,
    Refused,
    ReplyInvalid,
    StatusChange,
)

log = logging.getLogger(__name__)

Cancelled = Callable[[], bool]
Clock = Callable[[], datetime]

BATCH_ITEMS = 200
CURSOR = "changes_cursor"
CATALOGUE_VERSION = "catalogue_version"
CALENDAR_VERSION = "calendar_version"
LOG_KEEP_DAYS = 90
LEASE = "lease"
LEASE_SECONDS = 300.0


# The sync log's messages: English templates, translated when shown (ui/counter/sync_view.py).
SENT = QT_TRANSLATE_NOOP(
    "Domain", "Sent {items} change(s) and {files} file(s) ({megabytes} MB) to the province."
)
REFUSED_ITEM = QT_TRANSLATE_NOOP("Domain", "The province refused a {kind} of {stream}: {reason}")
FILE_DAMAGED = QT_TRANSLATE_NOOP(
    "Domain", "The scan {file} of {stream} is missing or damaged here and was not sent; scan the paper again."
)
PULLED = QT_TRANSLATE_NOOP("Domain", "Received {count} status change(s) from the province.")
UNKNOWN_DOSSIER = QT_TRANSLATE_NOOP(
    "Domain", "The province changed the dossier {code}, which this office does not have; ignored."
)
CONFLICT = QT_TRANSLATE_NOOP(
    "Domain",
    "Dossier {code}: the province set “{province}” at {at}; the change made here (“{local}”), not yet "
    "sent, was set aside. The province's status counts.",
)
CURSOR_RESET = QT_TRANSLATE_NOOP(
    "Domain", "The province asked for its changes to be read again from the start (cursor reset)."
)
CATALOGUE_UPDATED = QT_TRANSLATE_NOOP(
    "Domain", "Procedure catalogue {version} received: {added} added, {updated} updated, {retired} retired."
)
CATALOGUE_INVALID = QT_TRANSLATE_NOOP(
    "Domain", "The province's procedure catalogue could not be used and was not applied: {reason}"
)
CALENDAR_UPDATED = QT_TRANSLATE_NOOP("Domain", "Working calendar {version} received: {days} day(s) set.")
RESENT = QT_TRANSLATE_NOOP("Domain", "{count} refused item(s) queued to be sent again.")


@dataclass
class RoundReport:
    pushed: int = 0  # items acknowledged (accepted or recognised as already there)
    files: int = 0
    file_bytes: int = 0
    rejected: int = 0
    superseded: int = 0
    pulled: int = 0
    conflicts: int = 0
    catalogue_version: str = ""
    calendar_version: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class _Item:
    id: int
    key: str
    kind: str
    stream: str
    payload: str


def _dossier_code(stream: str) -> str:
    return stream.removeprefix("dossier:")


class SyncService:
    def __init__(
        self,
        db: Database,
        adapter: ProvincialAdapter,
        scans_dir: Path,
        catalogue: CatalogueService,
        calendar: CalendarService,
        *,
        batch_items: int = BATCH_ITEMS,
        clock: Clock = now_vn,
    ) -> None:
        self.db = db
        self.adapter = adapter
        self.scans_dir = scans_dir
        self.catalogue = catalogue
        self.calendar = calendar
        self.batch_items = batch_items
        self.clock = clock

    # --- one round ------------------------------------------------------------------------------

    def run_round(
        self,
        cancelled: Cancelled = lambda: False,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> RoundReport:
        """Push everything that waits, then pull; raises SyncProblem when the province fails us."""
        report = RoundReport()
        report_progress = progress or (lambda _phase, _done, _total: None)
        # Pull first: a status the province set wins over a local change it has not seen yet,
        # so such a change is set aside before it could be sent.
        self._pull_changes(report)
        self._push(report, cancelled, report_progress)
        if cancelled():
            report.cancelled = True
            return report
        self._pull_catalogue(report)
        self._pull_calendar(report)
        now = self.clock()
        with self.db.write() as session:
            self._set(session, LAST_SUCCESS, now.isoformat())
            if report.pushed or report.files:
                self._log(
                    session,
                    LogLevel.INFO,
                    SENT,
                    items=report.pushed,
                    files=report.files,
                    megabytes=f"{report.file_bytes / 2**20:.1f}",
                )
            session.execute(
                delete(models.SyncLogEntry).where(
                    models.SyncLogEntry.at < now - timedelta(days=LOG_KEEP_DAYS)
                )
            )
        return report

    # --- push -----------------------------------------------------------------------------------

    def _waiting(self, limit: int) -> list[_Item]:
        o = models.OutboxItem
        with self.db.read() as session:
            rows = session.execute(
                select(o.id, o.key, o.kind, o.stream, o.payload)
                .where(o.state == OutboxState.PENDING.value)
                .order_by(o.id)
                .limit(limit)
            ).all()
        return [_Item(*row) for row in rows]

    def _push(
        self, report: RoundReport, cancelled: Cancelled, progress: Callable[[str, int, int], None]
    ) -> None:
        while not cancelled():
            items = self._waiting(self.batch_items * 2)
            if not items:
                return
            batch: list[_Item] = []
            files: list[_Item] = []
            blocked: set[str] = set()
            for item in items:
                if item.stream in blocked:
                    continue  # an earlier item of the same dossier waits: keep the order
                if item.kind == OutboxKind.FILE:
                    files.append(item)
                    blocked.add(item.stream)
                elif len(batch) < self.batch_items:
                    batch.append(item)
                else:
                    blocked.add(item.stream)
            before = report.pushed + report.files + report.rejected + report.superseded
            if batch:
                self._send_batch(batch, report)
            for number, item in enumerate(files, 1):
                if cancelled():
                    return
                progress("upload", number, len(files))
                self._send_file(item, report, cancelled)
            if report.pushed + report.files + report.rejected + report.superseded == before:
                return  # nothing moved (cancelled uploads): the next round goes on

    def _send_batch(self, batch: Sequence[_Item], report: RoundReport) -> None:
        keys = [item.key for item in batch]
        batch_key = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:40]
        outgoing = [OutgoingItem(item.key, item.kind, json.loads(item.payload)) for item in batch]
        try:
            acks = self.adapter.push(batch_key, outgoing)
        except Exception as error:
            self._note_attempt([item.id for item in batch], error)
            raise
        self._record_acks(batch, acks, report)

    def _note_attempt(self, ids: Sequence[int], error: Exception) -> None:
        o = models.OutboxItem
        with self.db.write() as session:
            session.execute(
                update(o).where(o.id.in_(ids)).values(attempts=o.attempts + 1, last_error=str(error)[:500])
            )

    def _record_acks(self, batch: Sequence[_Item], acks: Sequence[ItemAck], report: RoundReport) -> None:
        now = self.clock()
        by_key = {ack.key: ack for ack in acks}
        done, refused = [], []
        for item in batch:
            ack = by_key[item.key]
            if ack.outcome == "rejected":
                refused.append((item, ack.error))
            else:
                done.append(
                    {"id": item.id, "state": OutboxState.DONE.value, "done_at": now, "reply": ack.outcome}
                )
        with self.db.write() as session:
            if done:
                session.execute(update(models.OutboxItem), done)
            for item, reason in refused:
                self._reject(session, item, reason, now)
        report.pushed += len(done)
        report.rejected += len(refused)

    def _reject(self, session: Session, item: _Item, reason: str, now: datetime) -> None:
        session.execute(
            update(models.OutboxItem)
            .where(models.OutboxItem.id == item.id)
            .values(state=OutboxState.REJECTED.value, last_error=reason[:500], done_at=now)
        )
        self._log(
            session, LogLevel.ERROR, REFUSED_ITEM, stream=item.stream, kind=item.kind, reason=reason[:300]
        )

    def _send_file(self, item: _Item, report: RoundReport, cancelled: Cancelled) -> None:
        payload = json.loads(item.payload)
        code = payload["MaHoSo"]
        with self.db.read() as session:
            relative, sha256 = session.execute(
                select(models.DossierComponent.scan_path, models.DossierComponent.scan_sha256)
                .join(models.Dossier, models.Dossier.id == models.DossierComponent.dossier_id)
                .where(
                    models.Dossier.code == code,
                    models.DossierComponent.position == int(payload["MaThanhPhanHoSo"]),
                )
            ).first() or (None, "")
        now = self.clock()
        if not relative or sha256 != payload["SHA256"]:
            # Rescanned, OCR'd or taken away since: a later item (if any) carries the current file.
            with self.db.write() as session:
                session.execute(
                    update(models.OutboxItem)
                    .where(models.OutboxItem.id == item.id)
                    .values(state=OutboxState.SUPERSEDED.value, done_at=now)
                )
            report.superseded += 1
            return
        path = self.scans_dir / relative
        if not _matches(path, sha256):
            with self.db.write() as session:
                self._reject(session, item, f"missing or damaged: {relative}", now)
                self._log(session, LogLevel.ERROR, FILE_DAMAGED, stream=item.stream, file=Path(relative).name)
            report.rejected += 1
            return
        size = path.stat().st_size
        meta = {k: v for k, v in payload.items() if k != "DuongDan"} | {"KichThuoc": size}
        try:
            sent = self.adapter.upload(
                FileToSend(item.key, meta, path, size, sha256), lambda *_: None, cancelled
            )
        except Refused as refused:
            with self.db.write() as session:
                self._reject(session, item, refused.detail or str(refused), now)
            report.rejected += 1
            return
        except Exception as error:
            self._note_attempt([item.id], error)
            raise
        if not sent:
            return
        with self.db.write() as session:
            session.execute(
                update(models.OutboxItem)
                .where(models.OutboxItem.id == item.id)
                .values(state=OutboxState.DONE.value, done_at=self.clock(), reply="complete")
            )
        report.files += 1
        report.file_bytes += size

    # --- pull -----------------------------------------------------------------------------------

    def _pull_changes(self, report: RoundReport) -> None:
        cursor = self._get(CURSOR)
        restarted = False
        while True:
            try:
                page = self.adapter.changes(cursor)
            except CursorExpired:
                if restarted:
                    raise ReplyInvalid("the server refused a fresh cursor") from None
                restarted, cursor = True, ""
                with self.db.write() as session:
                    self._set(session, CURSOR, "")
                    self._log(session, LogLevel.WARNING, CURSOR_RESET)
                continue
            with self.db.write() as session:
                for change in page.changes:
                    self._apply_change(session, change, report)
                self._set(session, CURSOR, page.next_cursor)
                if page.changes:
                    self._log(session, LogLevel.INFO, PULLED, count=len(page.changes))
                outbox.write_pending(session, at=self.clock())  # the dossiers a conflict re-sends
            cursor = page.next_cursor
            if not page.has_more or not page.changes:
                return

    def _apply_change(self, session: Session, change: StatusChange, report: RoundReport) -> None:
        row = session.scalar(
            select(models.Dossier).where(models.Dossier.code == change.dossier_code).with_for_update()
        )
        if row is None:
            self._log(session, LogLevel.WARNING, UNKNOWN_DOSSIER, code=change.dossier_code)
            return
        if row.province_status_at is not None and change.at <= row.province_status_at:
            return  # already applied: a replayed page
        row.province_status_at = change.at
        current = DossierStatus(row.status)
        target = DossierStatus(change.status)
        stream = outbox.dossier_stream(row.code)
        o = models.OutboxItem
        waiting = session.scalars(
            select(o.id).where(
                o.stream == stream,
                o.state == OutboxState.PENDING.value,
                o.kind.in_([OutboxKind.DOSSIER.value, OutboxKind.STATUS.value]),
            )
        ).all()
        if target is current:
            report.pulled += 1
            return
        if waiting:
            # The province decided while a local change had not reached it: the province's wins.
            session.execute(
                update(o)
                .where(o.id.in_(waiting))
                .values(state=OutboxState.SUPERSEDED.value, done_at=self.clock())
            )
            self._log(
                session,
                LogLevel.CONFLICT,
                CONFLICT,
                stream=stream,
                code=row.code,
                province=STATUS_LABELS[target],
                local=STATUS_LABELS[current],
                at=f"{change.at:%H:%M %d/%m/%Y}",
            )
            report.conflicts += 1
            outbox.note_dossier(session, row.id)  # the province gets the dossier as it now stands
        row.status = int(target)
        if target is DossierStatus.DECIDED:
            row.decided_at = change.at
        elif target is DossierStatus.RETURNED:
            row.returned_at = change.at
        note = change.note if not change.by else f"{change.by}: {change.note}"
        session.add(
            models.DossierEvent(
                dossier_id=row.id,
                from_status=int(current),
                to_status=int(target),
                at=change.at.astimezone(VN_TZ),
                staff_id=None,
                note=note[:2000],
            )
        )
        report.pulled += 1

    def _pull_catalogue(self, report: RoundReport) -> None:
        text = self.adapter.catalogue(self._get(CATALOGUE_VERSION))
        if text is None:
            return
        try:
            document = cat.parse_catalogue(text)
        except ValidationError as error:
            with self.db.write() as session:
                self._log(session, LogLevel.ERROR, CATALOGUE_INVALID, reason=error.message())
            raise ReplyInvalid(f"catalogue: {error.message()}") from None
        imported = self.catalogue.import_catalogue(None, document)
        with self.db.write() as session:
            self._set(session, CATALOGUE_VERSION, document.version)
            self._log(
                session,
                LogLevel.INFO,
                CATALOGUE_UPDATED,
                version=document.version,
                added=imported.added,
                updated=imported.updated,
                retired=imported.retired,
            )
        report.catalogue_version = document.version

    def _pull_calendar(self, report: RoundReport) -> None:
        document: CalendarDocument | None = self.adapter.calendar(self._get(CALENDAR_VERSION))
        if document is None:
            return
        c = models.CalendarOverride
        with self.db.write() as session:
            session.execute(delete(c).where(c.source == "province"))
            own = set(session.scalars(select(c.day)))
            for day in document.days:
                if day.day not in own:  # a day the office set itself keeps the office's setting
                    session.add(c(day=day.day, working=day.working, note=day.note[:200], source="province"))
            self._set(session, CALENDAR_VERSION, document.version)
            self._log(
                session, LogLevel.INFO, CALENDAR_UPDATED, version=document.version, days=len(document.days)
            )
        self.calendar.forget_cache()
        report.calendar_version = document.version

    # --- one PC at a time ------------------------------------------------------------------------

    def take_turn(self, holder: str, seconds: float = LEASE_SECONDS) -> bool:
        """Several counter PCs share one PostgreSQL database: one drains at a time (a lease row
        that expires, so a PC that died does not block the others for long)."""
        now = self.clock()
        with self.db.write() as session:
            row = session.get(models.SyncState, LEASE, with_for_update=True)
            if row is not None and row.value:
                owner, _, until = row.value.partition("|")
                if owner != holder and until and datetime.fromisoformat(until) > now:
                    return False
            self._set(session, LEASE, f"{holder}|{(now + timedelta(seconds=seconds)).isoformat()}")
        return True

    # --- what the window shows ------------------------------------------------------------------

    def summary(self) -> SyncSummary:
        return SyncLog(self.db, self.clock).summary()

    def entries(self, limit: int = 500) -> list[LogEntry]:
        return SyncLog(self.db, self.clock).entries(limit)

    def dossier_marks(self, codes: Sequence[str]) -> dict[str, outbox.Delivery]:
        return outbox.delivery_marks(self.db, codes)

    def send_refused_again(self) -> int:
        """Queue every refused item again, with a new key (the server never applied it)."""
        o = models.OutboxItem
        with self.db.write() as session:
            ids = session.scalars(select(o.id).where(o.state == OutboxState.REJECTED.value)).all()
            if ids:
                session.execute(
                    update(o),
                    [
                        {
                            "id": i,
                            "state": OutboxState.PENDING.value,
                            "key": str(uuid.uuid4()),
                            "done_at": None,
                        }
                        for i in ids
                    ],
                )
                self._log(session, LogLevel.INFO, RESENT, count=len(ids))
        return len(ids)

    def log_message(self, level: str, message: Message) -> None:
        """A problem the runner met (offline, refused sign-in), in the log with its own wording."""
        with self.db.write() as session:
            self._log(session, level, message.template, **dict(message.params))

    # --- small helpers --------------------------------------------------------------------------

    def _get(self, name: str) -> str:
        with self.db.read() as session:
            row = session.get(models.SyncState, name)
            return row.value if row else ""

    @staticmethod
    def _set(session: Session, name: str, value: str) -> None:
        session.merge(models.SyncState(name=name, value=value))

    def _log(self, session: Session, level: str, message: str, *, stream: str = "", **params: Any) -> None:
        session.add(
            models.SyncLogEntry(
                at=self.clock().astimezone(VN_TZ),
                level=level,
                message=message,
                params=json.dumps(
                    {
                        k: encode_param(v)
                        for k, v in (params | ({"stream": _dossier_code(stream)} if stream else {})).items()
                    },
                    ensure_ascii=False,
                ),
                stream=stream,
            )
        )


def _matches(path: Path, sha256: str) -> bool:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return digest.hexdigest() == sha256
