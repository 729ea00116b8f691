"""The activity log names who changed the office's set-up, in the same transaction as the change."""

from dataclasses import replace
from datetime import date, timedelta

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


def test_the_log_holds_dossier_steps_refusals_forms_and_settings_with_filters(
    db, staff, admin, clerk, intake, clock
):
    from dataclasses import replace as with_result

    from counter_app.domain.audit import ActivityKind
    from counter_app.domain.calendar import now_vn
    from counter_app.domain.reception import CheckResult, checklist
    from counter_app.services.audit import ActivityFilter
    from counter_app.services.intake import ReceptionRequest
    from tests.services.test_reception import APPLICANT

    rows = [with_result(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("2.000884"))]
    received = intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, rows))
    intake.refuse(clerk, ReceptionRequest("1.004873", APPLICANT), "Không thuộc thẩm quyền")
    audit = AuditService(db)
    audit.form_output(clerk, "Giấy tiếp nhận hồ sơ", f"{received.code}-giay-tiep-nhan.pdf", printed=True)
    audit.settings_changed(admin, ["office.name", "printer.target"])
    audit.settings_changed(admin, [])  # nothing changed: nothing recorded

    def kinds(wanted: ActivityFilter) -> list[ActivityKind]:
        return [e.kind for e in audit.search(admin, wanted).entries]

    today = now_vn().date()
    mine = ActivityFilter(start=clock.now.date(), end=max(today, clock.now.date()), staff_id=clerk.id)
    assert sorted(kinds(mine)) == sorted([ActivityKind.DOSSIER_STEP, ActivityKind.REFUSAL, ActivityKind.FORM])
    refusals = audit.search(admin, ActivityFilter(kind=ActivityKind.REFUSAL)).entries
    assert len(refusals) == 1 and "Không thuộc thẩm quyền" in str(refusals[0].describe())
    assert refusals[0].staff_name == clerk.full_name
    step = audit.search(admin, ActivityFilter(kind=ActivityKind.DOSSIER_STEP)).entries
    assert [str(e.describe()).strip() for e in step] == [f"Dossier {received.code}: Received."]
    settings = audit.search(admin, ActivityFilter(kind=ActivityKind.SETTING, staff_id=admin.id)).entries
    assert [str(e.describe()) for e in settings] == [
        "Changed this PC's settings: office.name, printer.target."
    ]
    later = ActivityFilter(start=today + timedelta(days=1))
    assert audit.search(admin, later).entries == []  # Vietnam's tomorrow: nothing yet
    page = audit.search(admin, ActivityFilter(), limit=2)
    assert len(page.entries) == 2 and page.more
    rest = audit.search(admin, ActivityFilter(), limit=100, offset=2)
    assert not rest.more and min(e.at for e in page.entries) >= max(e.at for e in rest.entries)
    everything = page.entries + rest.entries
    assert [e.at for e in everything] == sorted((e.at for e in everything), reverse=True)
    with pytest.raises(PermissionDenied):
        audit.search(clerk, ActivityFilter())
