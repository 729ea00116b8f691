"""Demo data for `make run` and screenshots: one account per role and the demo catalogue.

The accounts and passwords are listed in the README. Never run this on a real office's database.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.staff import Role
from counter_app.paths import resources_dir
from counter_app.services.catalogue import CatalogueService
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


def demo_catalogue_text() -> str:
    return (resources_dir() / "catalogue" / "demo.json").read_text(encoding="utf-8")


def seed_demo(staff: StaffService, catalogue: CatalogueService) -> bool:
    """Fill an empty database with the demo accounts and catalogue. True if anything was added."""
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
    return added
