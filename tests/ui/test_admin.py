"""Administration as the office head and administrator do it."""

import json
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate

from counter_app.app import build_context
from counter_app.domain.calendar import now_vn
from counter_app.domain.staff import Role
from counter_app.paths import AppPaths
from counter_app.services.demo import demo_catalogue_text
from counter_app.settings import Settings
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.admin.accounts_dialog import AccountsDialog
from counter_app.ui.admin.activity_dialog import ActivityDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.admin.catalogue_transfer import CatalogueTransfer, import_summary
from counter_app.ui.admin.password_dialog import PasswordDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.launcher import counter_parts
from tests.tables import cell, row_count


def test_a_new_office_creates_its_administrator_first(qtbot, tmp_path):
    context = build_context(AppPaths.resolve(tmp_path / "home"), Settings(), demo=False)
    try:
        assert context.staff.count() == 0
        dialog = AccountDialog(context.staff, None)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Tạo tài khoản quản trị"
        assert dialog.role.count() == 1 and Role(dialog.role.currentData()) is Role.ADMIN
        dialog.username.setText("admin")
        dialog.full_name.setText("Phạm Minh Tuấn")
        dialog.password.setText("matkhau-manh")
        dialog.confirm.setText("khac")
        dialog.submit()
        assert dialog.error.text() == "Hai lần nhập mật khẩu không giống nhau."
        dialog.confirm.setText("matkhau-manh")
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.submit()
        assert context.staff.authenticate("admin", "matkhau-manh").role is Role.ADMIN
    finally:
        context.close()


def test_administrator_adds_a_clerk(qtbot, context):
    admin = context.staff.find("quantri")
    accounts = AccountsDialog(context.staff, admin)
    qtbot.addWidget(accounts)
    qtbot.waitUntil(lambda: row_count(accounts.table) == 3, timeout=10_000)
    dialog = AccountDialog(context.staff, admin)
    qtbot.addWidget(dialog)
    dialog.username.setText("canbo2")
    dialog.full_name.setText("Vũ Thị Lan")
    dialog.password.setText("ngan")
    dialog.confirm.setText("ngan")
    dialog.submit()
    qtbot.waitUntil(lambda: "ít nhất 8 ký tự" in dialog.error.text(), timeout=10_000)
    dialog.password.setText("matkhau123")
    dialog.confirm.setText("matkhau123")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    accounts.refresh()
    qtbot.waitUntil(lambda: row_count(accounts.table) == 4, timeout=10_000)
    assert context.staff.find("canbo2") is not None


def _next_weekday(start: date) -> date:
    day = start + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_office_head_adds_a_day_off_and_appointments_move(qtbot, context):
    head = context.staff.find("lanhdao")
    dialog = CalendarDialog(context.calendar, head)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.holidays.count() > 10, timeout=10_000)  # holidays this year and next
    day = _next_weekday(now_vn().date() + timedelta(days=7))
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.kind.setCurrentIndex(0)  # extra day off
    dialog.note.setText("Bão số 3")
    dialog.add()
    qtbot.waitUntil(lambda: row_count(dialog.table) == 1, timeout=10_000)
    assert cell(dialog.table, 0, 2) == "Bão số 3" and dialog.note.text() == ""
    assert not context.calendar.calendar().is_working_day(day)
    dialog.table.selectRow(0)
    dialog.remove()
    qtbot.waitUntil(lambda: row_count(dialog.table) == 0, timeout=10_000)
    clerk = context.staff.find("canbo")
    refused = CalendarDialog(context.calendar, clerk)
    qtbot.addWidget(refused)
    refused.add()
    qtbot.waitUntil(lambda: "không có quyền" in refused.error.text(), timeout=10_000)


def test_menus_follow_the_role(qtbot, context):
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.set_actor(context.staff.find("canbo"))
    assert not any(
        a.isEnabled() for a in (window.settings_action, window.accounts_action, window.import_action)
    )
    window.set_actor(context.staff.find("lanhdao"))
    assert window.calendar_action.isEnabled() and not window.accounts_action.isEnabled()
    window.set_actor(context.staff.find("quantri"))
    assert all(a.isEnabled() for a in (window.settings_action, window.accounts_action, window.import_action))


def test_catalogue_import_and_export_from_the_window(qtbot, context, tmp_path: Path):
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    transfer = CatalogueTransfer(context.catalogue, window)
    admin = context.staff.find("quantri")
    assert admin is not None
    exported = tmp_path / "out.json"
    with qtbot.waitSignal(transfer.exported, timeout=10_000) as count:
        transfer.export_to(exported)
    assert count.args == [context.catalogue.count()]
    document = json.loads(demo_catalogue_text())
    document["procedures"] = document["procedures"][:5]
    smaller = tmp_path / "smaller.json"
    smaller.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(transfer.imported, timeout=10_000) as report:
        transfer.import_from(smaller, admin)
    assert import_summary(report.args[0]).startswith("Đã nhập danh mục: thêm 0, cập nhật 5, ngừng áp dụng 26")
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "format": "counter_app.catalogue",\n "format_version": 1,\n "procedures": [{}]\n}')
    transfer.failed.disconnect()  # read the message instead of showing a modal box
    with qtbot.waitSignal(transfer.failed, timeout=10_000) as failure:
        transfer.import_from(broken, admin)
    assert failure.args[0].startswith("Dòng 4:") and "code" in failure.args[0]
    assert context.catalogue.count() == 5  # the broken file changed nothing


def test_office_head_reads_who_did_what_in_vietnamese(qtbot, context):
    context.staff.authenticate("canbo", "canbo123")
    head = context.staff.find("lanhdao")
    dialog = ActivityDialog(context.audit, head)
    qtbot.addWidget(dialog)
    # The dossier steps of the demo dossiers are listed too (the activity log journey covers them).
    qtbot.waitUntil(lambda: row_count(dialog.table) > 5, timeout=10_000)
    rows = [[cell(dialog.table, i, column) for column in (1, 3)] for i in range(row_count(dialog.table))]
    assert rows[0] == ["Nguyễn Thị Hồng Nhung", "Đăng nhập."]  # the newest first
    for seen in (
        [
            "Cài đặt hoặc dòng lệnh",
            "Nhập danh mục thủ tục demo-2025.11: thêm 31, cập nhật 0, ngừng áp dụng 0.",
        ],
        ["Lê Văn Quản", "Tạo tài khoản lanhdao (Lãnh đạo)."],
        ["Cài đặt hoặc dòng lệnh", "Tạo tài khoản quantri (Quản trị)."],
    ):
        assert seen in rows


def _row_of(accounts: AccountsDialog, username: str) -> int:
    return next(i for i, a in enumerate(accounts.accounts) if a.username == username)


def test_administrator_locks_a_clerk_who_left_and_sets_a_new_password(qtbot, context):
    admin = context.staff.find("quantri")
    accounts = AccountsDialog(context.staff, admin)
    qtbot.addWidget(accounts)
    qtbot.waitUntil(lambda: row_count(accounts.table) == 3, timeout=10_000)
    assert not accounts.lock_button.isEnabled()  # nothing chosen yet
    accounts.table.selectRow(_row_of(accounts, "quantri"))
    accounts.toggle_lock()
    qtbot.waitUntil(
        lambda: accounts.error.text() == "Không thể tự khóa tài khoản của chính mình.", timeout=10_000
    )
    accounts.table.selectRow(_row_of(accounts, "canbo"))
    assert accounts.lock_button.text() == "Khóa"
    accounts.toggle_lock()
    qtbot.waitUntil(lambda: cell(accounts.table, _row_of(accounts, "canbo"), 3) == "Đã khóa", timeout=10_000)
    assert accounts.lock_button.text() == "Mở khóa"  # the same clerk is still the one chosen
    assert context.staff.find("canbo") is None  # a locked account cannot sign in

    accounts.toggle_lock()
    qtbot.waitUntil(
        lambda: cell(accounts.table, _row_of(accounts, "canbo"), 3) == "Đang dùng", timeout=10_000
    )
    dialog = PasswordDialog(context.staff, admin, "canbo")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Mật khẩu mới cho canbo"
    dialog.password.setText("moi-matkhau-1")
    dialog.confirm.setText("moi-matkhau-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert context.staff.authenticate("canbo", "moi-matkhau-1").username == "canbo"


def test_a_clerk_changes_their_own_password(qtbot, context):
    clerk = context.staff.find("canbo")
    dialog = PasswordDialog(context.staff, clerk)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đổi mật khẩu"
    dialog.current.setText("sai")
    dialog.password.setText("matkhau-moi-9")
    dialog.confirm.setText("matkhau-moi-9")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() == "Mật khẩu hiện tại không đúng.", timeout=10_000)
    assert dialog.save_button.isEnabled()
    dialog.current.setText("canbo123")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert context.staff.authenticate("canbo", "matkhau-moi-9").username == "canbo"
