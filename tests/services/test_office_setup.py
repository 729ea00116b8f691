"""The first-run set-up on both engines: every rule names its field, and Finish writes the whole office."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.errors import ValidationError
from counter_app.domain.queue import ServiceArea
from counter_app.domain.staff import Role
from counter_app.services.catalogue import CatalogueService
from counter_app.services.demo import demo_catalogue_text
from counter_app.services.office import ensure_office
from counter_app.services.office_setup import (
    AlreadySetUp,
    NewAccount,
    OfficePlan,
    OfficeSetup,
    check_account,
    check_accounts,
    check_new_area,
    check_office,
    check_printer,
    check_queue,
    check_station,
)
from counter_app.services.queue import QueueService
from counter_app.services.staff import AuthenticationFailed
from counter_app.settings import OfficeSettings, PrinterKind, PrinterSettings, Settings, StationRole, load
from counter_app.storage import models

OFFICE = OfficeSettings(
    name="Trung tâm Phục vụ hành chính công xã Hòa Bình",
    code="000.00.06.H56",
    parent_body="Ủy ban nhân dân xã Hòa Bình",
    place="Hòa Bình",
    phone="0243 123 456",
)
AREAS = (ServiceArea("A", "Tư pháp - Hộ tịch"), ServiceArea("B", "Đất đai"))
ADMIN = NewAccount("quantri", "Lê Văn Quản", "quantri-2026")
CLERK = NewAccount("canbo1", "Nguyễn Thị Lan", "canbo-2026")


def _field(call) -> str:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.field


def _plan(**changes) -> OfficePlan:
    settings = Settings(office=OFFICE, role=StationRole.COUNTER, counter_number=2)
    plan = OfficePlan(
        settings=settings,
        areas=AREAS,
        counters={1: ("A",), 2: ("A", "B")},
        catalogue=parse_catalogue(demo_catalogue_text()),
        admin=ADMIN,
        clerk=CLERK,
    )
    return replace(plan, **changes)


@pytest.fixture
def setup(db, staff) -> OfficeSetup:
    return OfficeSetup(db, staff, CatalogueService(db), QueueService(db, office_code="000.00.00.H00"))


# --- the rules, field by field ------------------------------------------------------------------


def test_the_office_is_trimmed_and_each_mistake_names_its_field():
    cleaned = check_office(replace(OFFICE, name="  Trung tâm   Hòa Bình ", code=" 000.00.06.h56 "))
    assert (cleaned.name, cleaned.code) == ("Trung tâm Hòa Bình", "000.00.06.H56")
    assert _field(lambda: check_office(replace(OFFICE, name=" "))) == "office.name"
    assert _field(lambda: check_office(replace(OFFICE, code="H56"))) == "office.code"
    assert _field(lambda: check_office(replace(OFFICE, code="000.00.06.H56 x"))) == "office.code"
    assert _field(lambda: check_office(replace(OFFICE, parent_body=""))) == "office.parent_body"
    assert _field(lambda: check_office(replace(OFFICE, place=""))) == "office.place"
    assert _field(lambda: check_office(replace(OFFICE, phone="gọi tôi"))) == "office.phone"
    assert check_office(replace(OFFICE, phone="")).phone == ""  # the phone may stay empty


def test_areas_and_counters():
    assert check_new_area(ServiceArea("c", " Hộ  kinh doanh "), AREAS) == ServiceArea("C", "Hộ kinh doanh")
    assert _field(lambda: check_new_area(ServiceArea("A", "Trùng"), AREAS)) == "area.code"
    assert _field(lambda: check_new_area(ServiceArea("1", "Số"), AREAS)) == "area.code"
    assert _field(lambda: check_new_area(ServiceArea("C", " "), AREAS)) == "area.name"
    assert _field(lambda: check_queue((), {1: ("A",)})) == "areas"
    assert _field(lambda: check_queue(AREAS, {})) == "counters"
    assert _field(lambda: check_queue(AREAS, {1: ()})) == "counter.areas"
    assert _field(lambda: check_queue(AREAS, {1: ("A", "Z"), 2: ("B",)})) == "counters"
    with pytest.raises(ValidationError, match="B"):  # nobody would ever call area B's tickets
        check_queue(AREAS, {1: ("A",)})
    assert check_queue(AREAS, {1: ("A",), 2: ("B",)}) == AREAS


def test_this_computer_and_its_printer():
    check_station(StationRole.COUNTER, 2, {1: ("A",), 2: ("B",)})
    assert _field(lambda: check_station(StationRole.COUNTER, 3, {1: ("A",)})) == "counter_number"
    check_station(StationRole.KIOSK, 3, {1: ("A",)})  # a kiosk is no counter
    none = check_printer(PrinterSettings(kind=PrinterKind.NONE, target="left over"))
    assert none.target == ""
    network = check_printer(PrinterSettings(kind=PrinterKind.NETWORK, target=" 192.168.1.50:9100 "))
    assert network.target == "192.168.1.50:9100"
    assert check_printer(PrinterSettings(kind=PrinterKind.USB, target="0416:5011")).target == "0416:5011"
    for kind, target in [
        (PrinterKind.NETWORK, ""),
        (PrinterKind.NETWORK, "máy in"),
        (PrinterKind.USB, "0416-5011"),
        (PrinterKind.SERIAL, " "),
    ]:
        wrong = PrinterSettings(kind=kind, target=target)
        assert _field(lambda wrong=wrong: check_printer(wrong)) == "printer.target"


def test_accounts_name_the_box_and_the_field():
    assert check_account(NewAccount(" QuanTri ", " Lê  Văn Quản ", "x" * 8), "admin").username == "quantri"
    assert _field(lambda: check_account(replace(ADMIN, username="Quản trị"), "admin")) == "admin.username"
    assert _field(lambda: check_account(replace(CLERK, full_name=" "), "clerk")) == "clerk.full_name"
    assert _field(lambda: check_account(replace(CLERK, password="ngan"), "clerk")) == "clerk.password"
    assert _field(lambda: check_accounts(ADMIN, replace(CLERK, username="QUANTRI"))) == "clerk.username"


def test_the_password_never_shows_in_a_log_line():
    assert "quantri-2026" not in repr(ADMIN) and "quantri-2026" not in repr(_plan())


# --- Finish -------------------------------------------------------------------------------------


def test_finish_writes_the_whole_office(db, staff, setup, tmp_path):
    ensure_office(db, OfficeSettings())  # what every start writes before the wizard names the office
    settings_file = tmp_path / "settings.json"
    report = setup.apply(_plan(), settings_file)

    assert report.procedures == 31
    assert (report.admin.role, report.clerk.role) == (Role.ADMIN, Role.CLERK)
    assert staff.authenticate("canbo1", "canbo-2026") == report.clerk
    assert {(a.username, a.role) for a in staff.accounts()} == {
        ("quantri", Role.ADMIN),
        ("canbo1", Role.CLERK),
    }
    queue = QueueService(db, office_code=OFFICE.code)
    assert [(a.code, a.name, a.position) for a in queue.areas()] == [
        ("A", "Tư pháp - Hộ tịch", 1),
        ("B", "Đất đai", 2),
    ]
    assert queue.counters() == {1: ["A"], 2: ["A", "B"]}
    with db.read() as session:
        offices = session.execute(select(models.Office.code, models.Office.name)).all()
    assert offices == [(OFFICE.code, OFFICE.name)]  # the default office's row is gone
    saved = load(settings_file)
    assert (saved.office, saved.role, saved.counter_number) == (OFFICE, StationRole.COUNTER, 2)
    assert json.loads(settings_file.read_text(encoding="utf-8"))["office"]["code"] == "000.00.06.H56"
    assert queue.issue("B").ticket.label == "B001"  # the kiosk can issue under the new office


def test_a_wrong_plan_writes_nothing(db, staff, setup, tmp_path):
    settings_file = tmp_path / "settings.json"
    with pytest.raises(ValidationError):
        setup.apply(_plan(clerk=replace(CLERK, username=ADMIN.username)), settings_file)
    assert not settings_file.exists()
    assert staff.count() == 0
    assert QueueService(db, office_code=OFFICE.code).areas(active_only=False) == []
    assert CatalogueService(db).count() == 0


def test_a_set_up_cut_short_resumes_with_the_administrators_password(db, staff, setup, tmp_path, monkeypatch):
    calls = []
    real_create = staff.create

    def power_cut_at_the_clerk(actor, username, full_name, role, password):
        calls.append(username)
        if role is Role.CLERK:
            raise OSError(28, "No space left on device")
        return real_create(actor, username, full_name, role, password)

    monkeypatch.setattr(staff, "create", power_cut_at_the_clerk)
    with pytest.raises(OSError):
        setup.apply(_plan(), tmp_path / "settings.json")
    monkeypatch.setattr(staff, "create", real_create)
    assert staff.count() == 1

    with pytest.raises(AuthenticationFailed):
        setup.apply(_plan(admin=replace(ADMIN, password="not-the-one")), tmp_path / "settings.json")
    report = setup.apply(_plan(), tmp_path / "settings.json")
    assert report.procedures == 31  # imported again, as an update: nothing doubled
    assert CatalogueService(db).count() == 31
    assert {a.username for a in staff.accounts()} == {"quantri", "canbo1"}


def test_an_office_already_set_up_is_left_alone(db, staff, setup, tmp_path):
    staff.create(None, "nguoikhac", "Người khác", Role.ADMIN, "matkhau-khac")
    with pytest.raises(AlreadySetUp):
        setup.apply(_plan(), tmp_path / "settings.json")
    assert not (tmp_path / "settings.json").exists()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.ServiceArea)) == 0
