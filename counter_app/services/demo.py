"""Demo data for `make run` and screenshots: one account per role and the demo catalogue.

The accounts and passwords are listed in the README. Never run this on a real office's database.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.queue import ServiceArea
from counter_app.domain.staff import Role
from counter_app.paths import resources_dir
from counter_app.services.catalogue import CatalogueService
from counter_app.services.queue import QueueService
from counter_app.services.staff import StaffService


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


def seed_demo(staff: StaffService, catalogue: CatalogueService, queue: QueueService | None = None) -> bool:
    """Fill an empty database with the demo accounts, catalogue and queue. True if anything was added."""
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
    return added
