"""Queue benchmark: ticket issue latency and issue / call-next throughput, on SQLite and PostgreSQL.

Run: ``make bench-queue`` (or ``python bench/queue.py``). For each engine and each history size
(an empty table, then BENCH_HISTORY past tickets, 1,000,000 by default) it measures:

- issue latency, one kiosk: from the tap to the ticket committed *and* its image rendered;
- issue throughput with 1, 4 and 8 kiosks issuing at once;
- call-next throughput with 1, 4 and 8 counters calling at once;

and counts duplicated numbers, lost tickets and tickets called twice (all must be 0). Kiosks and
counters are separate processes, as separate PCs are, started together on a barrier.
Sizes: BENCH_ISSUES (tickets per throughput run, 2000), BENCH_LATENCY (500), BENCH_ENGINES.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as ``python bench/queue.py`` this file would shadow the standard library's ``queue``, which
# multiprocessing needs: take its folder off the path before anything imports it.
ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import multiprocessing  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402

from sqlalchemy import delete, func, select, text  # noqa: E402

from counter_app.domain.calendar import VN_TZ  # noqa: E402
from counter_app.domain.queue import ServiceArea  # noqa: E402
from counter_app.domain.staff import Role, StaffMember  # noqa: E402
from counter_app.services.office import ensure_office  # noqa: E402
from counter_app.services.queue import QueueService  # noqa: E402
from counter_app.settings import OfficeSettings  # noqa: E402
from counter_app.storage import migrate, models  # noqa: E402
from counter_app.storage.database import Database, sqlite_url  # noqa: E402

OFFICE = "000.00.06.H56"
CLERK = StaffMember(1, "bench", "Benchmark", Role.CLERK)
CONCURRENCY = (1, 4, 8)


def _today() -> date:
    return datetime.now(VN_TZ).date()


def prepare(url: str, history: int) -> None:
    """Schema, one area served by counters 1-8, a staff row, and ``history`` tickets of past days."""
    db = Database.open(url)
    migrate.upgrade(db)
    ensure_office(db, OfficeSettings(code=OFFICE))
    queue = QueueService(db, office_code=OFFICE)
    queue.save_area(None, ServiceArea("A", "Hộ tịch"))
    for number in range(1, max(CONCURRENCY) + 1):
        queue.set_counter(None, number, ["A"])
    if history:
        _fill_history(db, history)
    db.dispose()


def _fill_history(db: Database, count: int) -> None:
    """Past days' finished tickets, 500 a day, generated inside the database (fast on both engines)."""
    start = (_today() - timedelta(days=count // 500 + 2)).isoformat()
    if db.is_sqlite:
        sql = f"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {count})
        INSERT INTO ticket (office_code, day, service_code, prefix, number, label, priority, state,
                            issued_at, called_at, first_called_at, finished_at, call_count)
        SELECT '{OFFICE}', date('{start}', '+' || (i / 500) || ' days'), 'A', 'A', i % 500 + 1,
               'A' || printf('%03d', i % 500 + 1), 0, 'done',
               datetime('{start}', '+' || (i / 500) || ' days', '+1 hours'),
               datetime('{start}', '+' || (i / 500) || ' days', '+2 hours'),
               datetime('{start}', '+' || (i / 500) || ' days', '+2 hours'),
               datetime('{start}', '+' || (i / 500) || ' days', '+3 hours'), 1
        FROM n
        """
    else:
        sql = f"""
        INSERT INTO ticket (office_code, day, service_code, prefix, number, label, priority, state,
                            issued_at, called_at, first_called_at, finished_at, call_count)
        SELECT '{OFFICE}', DATE '{start}' + i / 500, 'A', 'A', i % 500 + 1,
               'A' || lpad((i % 500 + 1)::text, 3, '0'), false, 'done',
               (DATE '{start}' + i / 500) + interval '1 hour',
               (DATE '{start}' + i / 500) + interval '2 hour',
               (DATE '{start}' + i / 500) + interval '2 hour',
               (DATE '{start}' + i / 500) + interval '3 hour', 1
        FROM generate_series(0, {count - 1}) AS i
        """
    with db.engine.begin() as connection:
        connection.execute(text(sql))
        if not db.is_sqlite:
            connection.execute(text("ANALYZE ticket"))


def _reset_today(url: str) -> None:
    db = Database.open(url)
    with db.write() as session:
        today = _today()
        ids = select(models.Ticket.id).where(models.Ticket.day == today)
        session.execute(delete(models.TicketCall).where(models.TicketCall.ticket_id.in_(ids)))
        session.execute(delete(models.Ticket).where(models.Ticket.day == today))
        session.execute(delete(models.TicketCounter).where(models.TicketCounter.day == today))
    db.dispose()


def _kiosk(url: str, count: int, barrier: object, results: object) -> None:
    db = Database.open(url)
    queue = QueueService(db, office_code=OFFICE)
    queue.areas()  # connect before the clock starts
    barrier.wait()  # type: ignore[attr-defined]
    start = time.perf_counter()
    labels = [queue.issue("A").ticket.label for _ in range(count)]
    results.put((start, time.perf_counter(), labels))  # type: ignore[attr-defined]
    db.dispose()


def _counter(url: str, number: int, barrier: object, results: object) -> None:
    db = Database.open(url)
    queue = QueueService(db, office_code=OFFICE)
    queue.areas()
    barrier.wait()  # type: ignore[attr-defined]
    start = time.perf_counter()
    called = []
    while (ticket := queue.call_next(CLERK, number)) is not None:
        called.append(ticket.id)
    results.put((start, time.perf_counter(), called))  # type: ignore[attr-defined]
    db.dispose()


def _run(
    target: Callable[..., None], url: str, workers: int, args_of: Callable[[int], int]
) -> tuple[float, list[list[object]]]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(workers), context.Queue()
    processes = [
        context.Process(target=target, args=(url, args_of(i), barrier, results)) for i in range(workers)
    ]
    for p in processes:
        p.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for p in processes:
        p.join()
    wall = max(end for _, end, _ in outcomes) - min(start for start, _, _ in outcomes)
    return wall, [list(items) for _, _, items in outcomes]


def latency(url: str, count: int) -> tuple[float, float]:
    from counter_app.devices.ticket_raster import render_ticket
    from counter_app.domain.ticket_text import TicketText

    db = Database.open(url)
    queue = QueueService(db, office_code=OFFICE)
    queue.areas()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        issued = queue.issue("A")
        t = issued.ticket
        render_ticket(
            TicketText("Trung tâm", issued.service_name, t.label, "Số thứ tự", "08:00", "", "", t.label), 576
        )
        times.append((time.perf_counter() - start) * 1000)
    db.dispose()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def integrity(url: str, issued: list[str], called: list[int]) -> tuple[int, int, int]:
    """(duplicated numbers, lost tickets, tickets called twice) for today's run."""
    db = Database.open(url)
    with db.read() as session:
        today = _today()
        stored = session.scalar(select(func.count()).where(models.Ticket.day == today)) or 0
        calls = Counter(
            session.scalars(
                select(models.TicketCall.ticket_id)
                .join(models.Ticket, models.Ticket.id == models.TicketCall.ticket_id)
                .where(models.Ticket.day == today)
            )
        )
    db.dispose()
    duplicated = len(issued) - len(set(issued))
    lost = len(issued) - stored
    twice = sum(1 for n in calls.values() if n > 1) + (len(called) - len(set(called)))
    return duplicated, lost, twice


def bench_engine(name: str, url: str, history_sizes: list[int], issues: int, latency_count: int) -> list[str]:
    rows = []
    loaded = 0
    for history in history_sizes:
        if history > loaded:
            started = time.perf_counter()
            db = Database.open(url)
            _fill_history(db, history - loaded)
            db.dispose()
            print(
                f"  {name}: {history:,} past tickets loaded in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            loaded = history
        _reset_today(url)
        median, p95 = latency(url, latency_count)
        rows.append(
            f"| {name} | {history:,} | issue latency (1 kiosk) | median {median:.1f} ms, p95 {p95:.1f} ms | |"
        )
        for workers in CONCURRENCY:
            _reset_today(url)
            each = issues // workers

            def tickets_each(_worker: int, each: int = each) -> int:
                return each

            wall, batches = _run(_kiosk, url, workers, tickets_each)
            labels = [str(label) for batch in batches for label in batch]
            wall_call, called_batches = _run(_counter, url, workers, lambda i: i + 1)
            called = [int(i) for batch in called_batches for i in batch]  # type: ignore[call-overload]
            duplicated, lost, twice = integrity(url, labels, called)
            check = f"{duplicated} / {lost} / {twice}"
            rows.append(
                f"| {name} | {history:,} | {workers} kiosks, {workers} counters | "
                f"issue {len(labels) / wall:,.0f}/s, call {len(called) / wall_call:,.0f}/s | {check} |"
            )
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    history = int(os.environ.get("BENCH_HISTORY", "1000000"))
    issues = int(os.environ.get("BENCH_ISSUES", "2000"))
    latency_count = int(os.environ.get("BENCH_LATENCY", "500"))
    engines = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
    print(f"queue benchmark: {os.cpu_count()} cores, {issues} tickets a run, history 0 and {history:,}")
    print("| engine | past tickets | run | result | duplicated / lost / called twice |")
    print("|---|---|---|---|---|")
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="counter-bench-queue-") as tmp:
        if "sqlite" in engines:
            url = sqlite_url(Path(tmp) / "queue.sqlite3").render_as_string(hide_password=False)
            prepare(url, 0)
            rows += bench_engine("SQLite", url, [0, history], issues, latency_count)
        if "postgresql" in engines:
            from tests.pg_server import PgServer

            server = PgServer.start(durable=True)  # fsync on, as in an office
            try:
                admin = Database.open(server.url("postgres"))
                with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.execute(text("CREATE DATABASE bench"))
                admin.dispose()
                url = server.url("bench").render_as_string(hide_password=False)
                prepare(url, 0)
                rows += bench_engine("PostgreSQL", url, [0, history], issues, latency_count)
            finally:
                server.stop()
    print("\n".join(["", "summary:", *rows]))


if __name__ == "__main__":
    main()
