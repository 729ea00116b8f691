"""Demo data for `make run` and screenshots: one account per role, the demo catalogue, the queue's
areas and counters, and a few dossiers.

The accounts and passwords are listed in the README. Never run this on a real office's database.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.queue import ServiceArea
from counter_app.domain.reception import Applicant, CheckResult, FeeMode, PaymentMeans, checklist
from counter_app.domain.staff import Role
from counter_app.paths import resources_dir
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossiers import DossierService
from counter_app.services.queue import QueueService
from counter_app.services.reception import ReceptionRequest, ReceptionService
from counter_app.services.staff import StaffService
from counter_app.storage import models


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
DEMO_COUNTERS = {1: ("A", "D"), 2: ("A", "B"), 3: ("B", "C")}


def demo_catalogue_text() -> str:
    return (resources_dir() / "catalogue" / "demo.json").read_text(encoding="utf-8")


def seed_demo(
    staff: StaffService,
    catalogue: CatalogueService,
    queue: QueueService | None = None,
    dossiers: DossierService | None = None,
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
        for number, codes in DEMO_COUNTERS.items():
            queue.set_counter(None, number, codes)
        added = True
    if dossiers is not None and seed_demo_dossiers(staff, dossiers):
        added = True
    return added


# (name, ID, procedure, received this many working days ago, steps after reception)
DEMO_DOSSIERS = (
    ("Lê Thị Hoa", "001186004321", "1.004873", 0, ()),
    ("Phạm Quốc Bảo", "036092001234", "2.000884", 0, ("decided",)),
    ("Vũ Minh Khôi", "079201005678", "1.004873", 2, ("handed",)),
    ("Đỗ Thị Lan", "001170009876", "1.004873", 6, ("handed",)),
)


def seed_demo_dossiers(staff: StaffService, dossiers: DossierService) -> bool:
    """A few dossiers so the lists are not empty on first sight: new, awaiting return, due soon, late."""
    with dossiers.db.read() as session:
        if session.scalar(select(func.count()).select_from(models.Dossier)):
            return False
    clerk = staff.find("canbo")
    if clerk is None:
        return False
    calendar = dossiers.calendar.calendar()
    now = dossiers.clock()
    for name, id_number, code, days_ago, steps in DEMO_DOSSIERS:
        day = now.date()
        for _ in range(days_ago):
            day = calendar.previous_working_day(day)
        moment = now.replace(year=day.year, month=day.month, day=day.day, hour=9, minute=15)
        at_moment = copy.copy(dossiers)
        at_moment.clock = lambda moment=moment: moment  # type: ignore[misc]
        reception = ReceptionService(at_moment)
        procedure = dossiers.catalogue.get(code)
        rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
        applicant = Applicant(name, id_number, None, "Xã Minh Khai", "0912000111")
        fee = FeeMode.AT_RECEPTION if sum(f.amount for f in procedure.fees) else FeeMode.NOT_CHARGED
        record = reception.receive(
            clerk,
            ReceptionRequest(code, applicant, rows, fee_mode=fee, payment_means=PaymentMeans.CASH),
            confirm_duplicate=True,
        )
        if "handed" in steps or "decided" in steps:
            reception.hand_over(clerk, record.id)
        if "decided" in steps:
            reception.record_decision(clerk, record.id)
    return True
