"""Building an office's day of work for the sync proofs: dossiers with scans, and tickets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select

from counter_app.domain.queue import ServiceArea
from counter_app.domain.reception import CheckResult, checklist, validate_applicant
from counter_app.imaging.scan_pages import ProcessedPage, process_page
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.intake import IntakeService, ReceptionRequest
from counter_app.services.queue import QueueService
from counter_app.services.scanning import ScanService
from counter_app.storage import models
from counter_app.storage.database import Database
from tests.imaging.sample_pages import text_page
from tests.services.code_worker import OFFICE

_page: list[ProcessedPage] = []


def one_page() -> ProcessedPage:
    if not _page:
        _page.append(process_page(text_page(100), 100))
    return _page[0]


def _letters(number: int) -> str:
    """A different name for each citizen: digits spelled as letters (names hold no digits)."""
    return "".join("ABCDEGHIKL"[int(d)] for d in str(number))


def receive_many(
    intake: IntakeService, steps: DossierSteps, scans: ScanService, clerk, count: int, *, first: int = 0
) -> list[str]:
    """``count`` dossiers, each with its first paper scanned, a hand-over for every other one."""
    procedure = intake.catalogue.get("1.001193")
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    codes = []
    for i in range(first, first + count):
        applicant = validate_applicant(
            name=f"Nguyễn Văn {_letters(i)}",
            id_number=f"0010950{i:05d}",
            birth_date=date(1995, 1, 1),
            address="Xóm 3, xã Minh Khai",
            today=date(2026, 11, 26),
        )
        record = intake.receive(clerk, ReceptionRequest("1.001193", applicant, rows))
        scans.attach(clerk, record.id, 0, [one_page()])
        if i % 2:
            steps.hand_over(clerk, record.id, "Phòng Tư pháp")
        codes.append(record.code)
    return codes


def issue_many(db: Database, count: int, clerk) -> QueueService:
    queue = QueueService(db, office_code=OFFICE)
    queue.save_area(None, ServiceArea("A", "Hộ tịch"))
    queue.set_counter(None, 1, ["A"])
    for i in range(count):
        queue.issue("A")
        if i % 4 == 0:
            queue.call_next(clerk, 1)
    return queue


def outbox_counts(db: Database) -> dict[str, int]:
    o = models.OutboxItem
    with db.read() as session:
        return {state: n for state, n in session.execute(select(o.state, func.count()).group_by(o.state))}


def outbox_by_kind(db: Database) -> dict[str, int]:
    o = models.OutboxItem
    with db.read() as session:
        return {
            kind: n
            for kind, n in session.execute(
                select(o.kind, func.count()).where(o.state == "done").group_by(o.kind)
            )
        }
