"""kill -9 while kiosks issue and counters call: no number skipped or repeated, no half-written step.

Two processes each take a ticket and press "next" at their own counter as fast as they can,
printing each step only after its commit; the test kills both with SIGKILL mid-stream, several
times, then checks that every ticket, call and outbox row came with the rest of its step.
COUNTER_APP_CRASH_ROUNDS sets how many kills (3 by default).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from counter_app.domain.queue import ServiceArea
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.settings import OfficeSettings
from counter_app.storage import models
from tests.services.queue_worker import OFFICE

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("COUNTER_APP_CRASH_ROUNDS", "3"))
STEPS_BEFORE_KILL = 40


def _start(url: str, counter_number: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.services.queue_worker", url, str(counter_number)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_kill_minus_9_while_issuing_and_calling_loses_and_repeats_nothing(db):
    ensure_office(db, OfficeSettings(code=OFFICE))
    queue = QueueService(db, office_code=OFFICE)
    queue.save_area(None, ServiceArea("A", "Hộ tịch"))
    for number in (1, 2):
        queue.set_counter(None, number, ["A"])
    url = db.engine.url.render_as_string(hide_password=False)
    issued: list[str] = []
    called: list[int] = []

    def note(line: str) -> None:
        kind, value = line.split()
        if kind == "issued":
            issued.append(value)
        elif int(value):
            called.append(int(value))

    for _ in range(ROUNDS):
        workers = [_start(url, number) for number in (1, 2)]
        try:
            for seen in range(STEPS_BEFORE_KILL):  # let both get going, then cut the power
                line = workers[seen % 2].stdout.readline()  # type: ignore[union-attr]
                assert line, "a worker stopped by itself"
                note(line)
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGKILL)
            for worker in workers:
                # Through the same reader as readline(): communicate(timeout=…) reads the pipe
                # underneath and loses what readline() had buffered ("issu" + "ed A592").
                assert worker.stdout is not None
                rest = worker.stdout.read()  # steps committed and printed before the kill
                worker.stdout.close()
                worker.wait(timeout=60)
                for line in rest.splitlines():
                    if len(line.split()) == 2:  # a line cut by the kill is not a report
                        note(line)

    with db.read() as session:
        if db.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        t = models.Ticket
        tickets = session.execute(select(t.id, t.number, t.label, t.state, t.call_count)).all()
        last = session.scalar(select(models.TicketCounter.last_number))
        calls = Counter(session.scalars(select(models.TicketCall.ticket_id)))
        payloads = [json.loads(p) for p in session.scalars(select(models.OutboxItem.payload))]
        at_counters = session.execute(
            select(models.Ticket.counter_number, func.count())
            .where(models.Ticket.state.in_(["called", "serving"]))
            .group_by(models.Ticket.counter_number)
        ).all()
    numbers = sorted(number for _, number, _, _, _ in tickets)
    assert numbers == list(range(1, len(tickets) + 1)), "a ticket number was skipped or repeated"
    assert last == len(tickets)  # the counter row and the tickets were committed together
    assert set(issued) <= {label for _, _, label, _, _ in tickets}, "a ticket reported as issued is missing"
    assert set(called) <= set(calls) and len(called) == len(set(called))
    for ticket_id, _, _, state, call_count in tickets:  # each call with its call row, once
        assert calls.get(ticket_id, 0) == call_count == (0 if state == "waiting" else 1)
    # One outbox row when issued, one more when finished: each written with its step.
    states = Counter(p["TrangThai"] for p in payloads)
    assert states["waiting"] == len(tickets)
    assert states["done"] == sum(1 for t in tickets if t.state == "done")
    assert all(count == 1 for _, count in at_counters)  # one current ticket a counter at most
    assert len(issued) >= ROUNDS * STEPS_BEFORE_KILL // 2
