"""Demo data for `make run` and screenshots: one account per role, the demo catalogue, the queue's
areas and counters, and a few dossiers.

The accounts and passwords are listed in the README. Never run this on a real office's database.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from sqlalchemy import func, select, update

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.lifecycle import Decision, DecisionOutcome
from counter_app.domain.queue import ServiceArea
from counter_app.domain.reception import Applicant, CheckResult, FeeMode, PaymentMeans, checklist
from counter_app.domain.staff import Role
from counter_app.paths import resources_dir
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.intake import IntakeService, ReceptionRequest
from counter_app.services.queue import QueueService
from counter_app.services.staff import StaffService
from counter_app.storage import models
from counter_app.sync import outbox


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    password: str


DEMO_ACCOUNTS = (
    DemoAccount("quantri", "Lê Văn Quản", Role.ADMIN, "quantri123"),
    DemoAccount("canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK, "canbo123"),
    DemoAccount("lanhdao", "Trần Đức Thắng", Role.HEAD, "lanhdao123"),
)


DEMO_AREAS = (
    ServiceArea("A", "Hộ tịch, chứng thực", 1),
    ServiceArea("B", "Đất đai, xây dựng", 2),
    ServiceArea("C", "Bảo trợ xã hội, cư trú", 3),
    ServiceArea("D", "Hộ kinh doanh", 4),
)
# The demo catalogue's fields, served in the areas named after them (the guide's "take a number").
DEMO_AREA_FIELDS = {"A": ("HT", "CT"), "B": ("DD", "XD"), "C": ("BTXH", "CU"), "D": ("HKD",)}
DEMO_DEPARTMENT = "Công chức Tư pháp - Hộ tịch"  # who the demo's dossiers were handed to
DEMO_COUNTERS = {1: ("A", "D"), 2: ("A", "B"), 3: ("B", "C")}


def demo_catalogue_text() -> str:
    return (resources_dir() / "catalogue" / "demo.json").read_text(encoding="utf-8")


def seed_demo(
    staff: StaffService,
    catalogue: CatalogueService,
    queue: QueueService | None = None,
    intake: IntakeService | None = None,
    steps: DossierSteps | None = None,
) -> bool:
    """Fill an empty database with the demo accounts, catalogue, queue and a few dossiers.
    True if anything was added."""
    added = False
    if staff.count() == 0:
        admin_spec, *others = DEMO_ACCOUNTS
        admin = staff.create(
            None, admin_spec.username, admin_spec.full_name, admin_spec.role, admin_spec.password
        )
        for spec in others:
            staff.create(admin, spec.username, spec.full_name, spec.role, spec.password)
        added = True
    if catalogue.count() == 0:
        catalogue.import_catalogue(None, parse_catalogue(demo_catalogue_text()))
        added = True
    if queue is not None and not queue.areas(active_only=False):
        for area in DEMO_AREAS:
            queue.save_area(None, area)
            queue.set_area_fields(None, area.code, DEMO_AREA_FIELDS.get(area.code, ()))
        for number, codes in DEMO_COUNTERS.items():
            queue.set_counter(None, number, codes)
        added = True
    elif queue is not None and not any(f.area_code for f in queue.fields()):
        # A demo home from before areas listed their fields: the guide's "take a number" works there too.
        existing = {a.code for a in queue.areas(active_only=False)}
        for code, fields in DEMO_AREA_FIELDS.items():
            if code in existing:
                queue.set_area_fields(None, code, fields)
        added = True
    if intake is not None and steps is not None and seed_demo_dossiers(staff, intake, steps):
        added = True
    return added


# (name, ID, procedure, received this many working days ago, steps after reception)
DEMO_DOSSIERS = (
    ("Lê Thị Hoa", "001186004321", "1.004873", 0, ()),
    ("Phạm Quốc Bảo", "036092001234", "2.000884", 0, ("decided",)),
    ("Vũ Minh Khôi", "079201005678", "1.004873", 2, ("handed",)),
    ("Đỗ Thị Lan", "001170009876", "1.004873", 6, ("handed",)),
)


def seed_demo_dossiers(staff: StaffService, intake: IntakeService, steps: DossierSteps) -> bool:
    """A few dossiers so the lists are not empty on first sight: new, awaiting return, due soon, late."""
    with intake.db.read() as session:
        if session.scalar(select(func.count()).select_from(models.Dossier)):
            return False
    clerk = staff.find("canbo")
    if clerk is None:
        return False
    calendar = intake.calendar.calendar()
    now = intake.clock()
    streams = []
    for name, id_number, code, days_ago, later in DEMO_DOSSIERS:
        day = now.date()
        for _ in range(days_ago):
            day = calendar.previous_working_day(day)
        moment = now.replace(year=day.year, month=day.month, day=day.day, hour=9, minute=15)
        received_then, steps_then = copy.copy(intake), copy.copy(steps)
        received_then.clock = steps_then.clock = lambda moment=moment: moment  # type: ignore[misc]
        procedure = intake.catalogue.get(code)
        rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
        applicant = Applicant(name, id_number, None, "Xã Minh Khai", "0912000111")
        fee = FeeMode.AT_RECEPTION if sum(f.amount for f in procedure.fees) else FeeMode.NOT_CHARGED
        record = received_then.receive(
            clerk,
            ReceptionRequest(code, applicant, rows, fee_mode=fee, payment_means=PaymentMeans.CASH),
            confirm_duplicate=True,
        )
        streams.append(outbox.dossier_stream(record.code))
        if "handed" in later or "decided" in later:
            steps_then.hand_over(clerk, record.id, DEMO_DEPARTMENT)
        if "decided" in later:
            steps_then.record_decision(
                clerk, record.id, Decision(f"{record.running_number}/QĐ-UBND", day, DecisionOutcome.APPROVED)
            )
    # Their outbox items were stamped on the pretended days; they were queued now (the sync
    # status would otherwise call them days overdue on a fresh demo).
    with intake.db.write() as session:
        session.execute(
            update(models.OutboxItem).where(models.OutboxItem.stream.in_(streams)).values(created_at=now)
        )
    return True
