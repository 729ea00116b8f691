"""Separate processes for the queue's concurrency proofs (importable by multiprocessing's spawn)."""

from __future__ import annotations

from counter_app.domain.staff import Role, StaffMember
from counter_app.services.queue import QueueService
from counter_app.storage.database import Database

OFFICE = "000.00.06.H56"


def issue_many(url: str, area: str, count: int) -> list[str]:
    db = Database.open(url)
    try:
        queue = QueueService(db, office_code=OFFICE)
        return [queue.issue(area).ticket.label for _ in range(count)]
    finally:
        db.dispose()


def call_until_empty(url: str, clerk_id: int, counter_number: int) -> list[int]:
    """Press "next" until nobody waits; the ids this counter called."""
    db = Database.open(url)
    clerk = StaffMember(clerk_id, "canbo", "Cán bộ", Role.CLERK)
    called: list[int] = []
    try:
        queue = QueueService(db, office_code=OFFICE)
        while (ticket := queue.call_next(clerk, counter_number)) is not None:
            called.append(ticket.id)
        return called
    finally:
        db.dispose()


def issue_and_call_until_killed(url: str, counter_number: int) -> None:
    """Take a ticket and press "next" at ``counter_number`` forever, printing each after its commit."""
    db = Database.open(url)
    clerk = StaffMember(1, "canbo", "Cán bộ", Role.CLERK)
    queue = QueueService(db, office_code=OFFICE)
    while True:
        print("issued", queue.issue("A").ticket.label, flush=True)
        called = queue.call_next(clerk, counter_number)
        print("called", called.id if called else 0, flush=True)


if __name__ == "__main__":
    import sys

    issue_and_call_until_killed(sys.argv[1], int(sys.argv[2]))
