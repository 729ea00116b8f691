"""Two kiosks never print the same number; two counters never call the same ticket.

Threads share one engine as one PC's windows would; processes each open their own, as several
PCs do. Sizes come from COUNTER_APP_QUEUE_WORKERS and COUNTER_APP_QUEUE_EACH.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from counter_app.domain.queue import ServiceArea
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.settings import OfficeSettings
from counter_app.storage import models
from tests.services.queue_worker import OFFICE, call_until_empty, issue_many

WORKERS = int(os.environ.get("COUNTER_APP_QUEUE_WORKERS", "8"))
EACH = int(os.environ.get("COUNTER_APP_QUEUE_EACH", "25"))


@pytest.fixture
def queue(db):
    ensure_office(db, OfficeSettings(code=OFFICE))
    service = QueueService(db, office_code=OFFICE)
    service.save_area(None, ServiceArea("A", "Hộ tịch"))
    for number in range(1, WORKERS + 1):
        service.set_counter(None, number, ["A"])
    return service


def _assert_every_number_once(labels: list[str], expected: int) -> None:
    assert len(labels) == expected
    assert sorted(int(label[1:]) for label in labels) == list(range(1, expected + 1))


def _assert_every_ticket_called_once(db, called: list[int]) -> None:
    with db.read() as session:
        all_ids = set(session.scalars(select(models.Ticket.id)))
        calls = Counter(session.scalars(select(models.TicketCall.ticket_id)))
        waiting = session.scalar(select(func.count()).where(models.Ticket.state == "waiting"))
    assert sorted(called) == sorted(all_ids), "a ticket was called twice or never"
    assert set(calls.values()) == {1} and waiting == 0


def test_kiosks_and_counters_on_threads(queue, db, clerk):
    with ThreadPoolExecutor(WORKERS) as pool:
        batches = list(
            pool.map(lambda _: [queue.issue("A").ticket.label for _ in range(EACH)], range(WORKERS))
        )
    _assert_every_number_once([label for batch in batches for label in batch], WORKERS * EACH)

    def counter(number: int) -> list[int]:
        ids = []
        while (ticket := queue.call_next(clerk, number)) is not None:
            ids.append(ticket.id)
        return ids

    with ThreadPoolExecutor(WORKERS) as pool:
        called = [i for batch in pool.map(counter, range(1, WORKERS + 1)) for i in batch]
    _assert_every_ticket_called_once(db, called)


@pytest.mark.slow
def test_kiosks_and_counters_as_separate_processes(queue, db, clerk):
    url = db.engine.url.render_as_string(hide_password=False)
    processes = max(2, WORKERS // 2)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        batches = pool.starmap(issue_many, [(url, "A", EACH)] * processes)
        _assert_every_number_once([label for batch in batches for label in batch], processes * EACH)
        called_batches = pool.starmap(
            call_until_empty, [(url, clerk.id, number) for number in range(1, processes + 1)]
        )
    _assert_every_ticket_called_once(db, [i for batch in called_batches for i in batch])
