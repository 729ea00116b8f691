"""The activity log names who changed the office's set-up, in the same transaction as the change."""

from dataclasses import replace
from datetime import date

import pytest

from counter_app.domain.audit import AuditAction
from counter_app.domain.calendar import DayOverride
from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.errors import ValidationError
from counter_app.domain.staff import PermissionDenied, Role
from counter_app.services.audit import AuditService
from counter_app.services.demo import demo_catalogue_text


def _actions(audit, reader):
    return [(e.action, e.staff_name) for e in reversed(audit.recent(reader))]


def test_each_change_names_who_made_it(db, staff, calendar, catalogue, admin, clerk):
    head = staff.create(admin, "lanhdao", "Trần Đức Thắng", Role.HEAD, "lanhdao123")
    staff.authenticate("canbo", "canbo123")
    calendar.set_override(head, DayOverride(date(2026, 12, 24), False, "  Bão   số 3 "))
    calendar.remove_override(head, date(2026, 12, 24))
    calendar.remove_override(head, date(2026, 12, 25))  # nothing there: nothing recorded
    smaller = parse_catalogue(demo_catalogue_text())
    catalogue.import_catalogue(admin, replace(smaller, procedures=smaller.procedures[:3]))
    audit = AuditService(db)
    assert _actions(audit, head) == [
        (AuditAction.CATALOGUE_IMPORTED, None),  # the demo catalogue, loaded at set-up
        (AuditAction.ACCOUNT_CREATED, None),  # the first administrator creates itself
        (AuditAction.ACCOUNT_CREATED, "Lê Văn Quản"),
        (AuditAction.ACCOUNT_CREATED, "Lê Văn Quản"),
        (AuditAction.SIGNED_IN, "Nguyễn Thị Hồng Nhung"),
        (AuditAction.CALENDAR_DAY_SET, "Trần Đức Thắng"),
        (AuditAction.CALENDAR_DAY_REMOVED, "Trần Đức Thắng"),
        (AuditAction.CATALOGUE_IMPORTED, "Lê Văn Quản"),
    ]
    newest = audit.recent(head)
    assert (
        newest[0]
        .describe()
        .message()
        .startswith("Imported the procedure catalogue demo-2025.11: 0 added, 3 updated, 28 no longer in use.")
    )
    assert newest[2].describe().message() == "Set 24/12/2026 as an extra day off. Bão số 3"
    assert newest[4].describe().message() == "Created the account lanhdao (Office head)."


def test_a_refused_change_leaves_no_trace(db, staff, catalogue, admin, clerk):
    audit = AuditService(db)
    before = len(audit.recent(admin))
    with pytest.raises(PermissionDenied):
        catalogue.import_catalogue(clerk, parse_catalogue(demo_catalogue_text()))
    with pytest.raises(ValidationError):
        staff.create(admin, "canbo", "Trùng tên", Role.CLERK, "matkhau123")  # the name is taken
    assert len(audit.recent(admin)) == before


def test_only_the_head_and_the_administrator_read_the_log(db, clerk):
    with pytest.raises(PermissionDenied):
        AuditService(db).recent(clerk)
