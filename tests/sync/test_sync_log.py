"""The sync log reads what waits to be sent with no provincial system set up: no network, no service."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select, update

from counter_app.domain.reception import CheckResult, checklist
from counter_app.services.intake import ReceptionRequest
from counter_app.storage import models
from counter_app.sync.log import LogLevel, SyncLog
from counter_app.sync.outbox import OutboxKind, OutboxState
from tests.services.conftest import NOW
from tests.services.test_reception import APPLICANT


def test_what_waits_is_counted_and_listed_while_sync_is_not_set_up(db, intake, steps, clerk, clock):
    log = SyncLog(db, clock)
    assert log.summary().pending == 0 and log.waiting() == [] and log.entries() == []

    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.001193"))]
    record = intake.receive(clerk, ReceptionRequest("1.001193", APPLICANT, rows))
    steps.hand_over(clerk, record.id, "Chuyển phòng Tư pháp")

    summary = log.summary()
    assert summary.pending == 3  # the snapshot, received, handed over
    assert summary.rejected == 0 and summary.last_success_at is None
    waiting = log.waiting()
    assert [(w.kind, w.subject, w.refused) for w in waiting] == [
        (OutboxKind.DOSSIER, record.code, False),
        (OutboxKind.STATUS, record.code, False),
        (OutboxKind.STATUS, record.code, False),
    ]
    assert str(waiting[0].what) == "dossier record"
    assert waiting[0].queued_at == summary.oldest_pending_at  # the oldest goes first

    # A refused item keeps waiting, with the province's reason, until it is sent again.
    o = models.OutboxItem
    with db.write() as session:
        first = session.scalar(select(func.min(o.id)))
        session.execute(
            update(o).where(o.id == first).values(state=OutboxState.REJECTED.value, last_error="Sai mã")
        )
    assert log.summary().pending == 2 and log.summary().rejected == 1
    refused = log.waiting()[0]
    assert refused.refused and refused.last_error == "Sai mã"
    assert log.entries() == []  # nothing was tried: the log tells what the sync did, and it did nothing


def test_the_log_reads_what_the_sync_wrote(db, clock):
    from counter_app.sync.service import RESENT

    with db.write() as session:
        session.add(models.SyncLogEntry(at=NOW, level=LogLevel.INFO, message=RESENT, params='{"count": 2}'))
    [entry] = SyncLog(db, clock).entries()
    assert entry.level == LogLevel.INFO and entry.at == NOW
    assert str(entry.text) == "2 refused item(s) queued to be sent again."
