"""Journey: the activity log holds what people did — a dossier step, a form saved, a setting changed —
and the administrator narrows it by kind, person and Vietnam dates, all through the real windows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from counter_app.domain.audit import KIND_LABELS, ActivityKind, AuditAction
from counter_app.domain.calendar import now_vn
from counter_app.domain.lifecycle import DossierStatus
from counter_app.services.audit import ActivityFilter
from counter_app.ui.admin.activity_dialog import ActivityDialog
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.controller import CounterController
from counter_app.ui.i18n import tr_domain
from counter_app.ui.settings_dialog import SettingsDialog
from tests.journeys.counter_steps import (
    choose_procedure,
    dossier_code_from,
    newest_viewer,
    pick_in_combo,
    press_and_wait,
    replace_text,
    scan_citizen_card,
    set_row_result,
    signed_in_counter,
    type_row_reason,
    type_text,
)
from tests.journeys.helpers import choose_from_menu, shot, top_level, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count

QR = "001195012345||Nguyễn Thị Ánh|08031995|Nữ|Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội|01052021"


def _what(dialog: ActivityDialog) -> list[str]:
    return [cell(dialog.table, row, 3) for row in range(row_count(dialog.table))]


def _loaded(dialog: ActivityDialog) -> bool:
    summary = dialog.findChild(QLabel, "activitySummary")
    return summary is not None and summary.text() != "" and summary.text() != dialog.tr("Loading…")


def _pick(dialog: ActivityDialog, name: str, text: str) -> None:
    combo = dialog.findChild(QComboBox, name)
    assert combo is not None
    pick_in_combo(combo, text)
    wait_until(lambda: _loaded(dialog), 10_000, f"the log narrowed to “{text}”")


def test_the_log_holds_steps_forms_and_settings_and_narrows_by_kind_person_and_date(
    qtbot, context, modals, tmp_path: Path
):
    # A clerk records an incomplete dossier (Mẫu 02) and saves the request as a PDF.
    window = signed_in_counter(qtbot, context)
    scan_citizen_card(window, QR)
    choose_procedure(window, "xac nhan tinh trang hon nhan", "1.004873")
    click(find_button(window.reception, "Tất cả đều đạt"))
    set_row_result(window, 0, "Chưa nộp")
    type_row_reason(window, 0, "Quên ở nhà, mang sau")
    panel = window.reception
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: "Đã lưu" in panel.outcome.text(), 30_000)
    code = dossier_code_from(panel.outcome.text())
    viewer = newest_viewer(before)
    target = tmp_path / "yeu-cau-bo-sung.pdf"

    def save_here(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        replace_text(name, str(target))
        QTest.keyClick(name, Qt.Key.Key_Return)

    modals.expect(save_here)
    click(viewer.save_button)
    wait_until(target.exists, 10_000, "the PDF on disk")
    wait_until(
        lambda: (
            context.audit.search(
                context.staff.find("quantri"), ActivityFilter(kind=ActivityKind.FORM)
            ).entries
            != []
        ),
        10_000,
        "the form in the log",
    )
    viewer.close()

    # The administrator changes the office's phone number in the settings.
    admin = CounterController(context)
    qtbot.addWidget(admin.window)
    admin.window.show()
    admin.window.set_actor(context.staff.find("quantri"))  # signed in: see the sign-in journey

    def new_phone(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog), describe(dialog)
        replace_text(dialog.office_phone, "0243 812 3456")
        click(find_button(dialog, "Lưu"))

    modals.expect(new_phone)
    choose_from_menu(admin.window, "Hệ thống", "Cài đặt đơn vị…")
    head = context.staff.find("quantri")
    assert head is not None
    settings_by_head = ActivityFilter(kind=ActivityKind.SETTING, staff_id=head.id)
    wait_until(
        lambda: context.audit.search(head, settings_by_head).entries,
        10_000,
        "the settings in the log",
    )

    # The administrator reads the log, narrowing it as they go.
    seen: dict[str, list[str]] = {}
    clerk_name = "Nguyễn Thị Hồng Nhung (canbo)"

    def read_the_log(dialog: QWidget) -> None:
        assert isinstance(dialog, ActivityDialog), describe(dialog)
        dialog.resize(1000, 600)
        wait_until(lambda: _loaded(dialog) and row_count(dialog.table) > 0, 10_000, "the log")
        seen["all"] = _what(dialog)
        _pick(dialog, "activityKind", tr_domain(KIND_LABELS[ActivityKind.FORM]))
        seen["forms"] = _what(dialog)
        _pick(dialog, "activityKind", tr_domain(KIND_LABELS[ActivityKind.DOSSIER_STEP]))
        people = dialog.findChild(QComboBox, "activityPerson")
        assert people is not None
        wait_until(lambda: people.count() > 1, 10_000, "the people")
        _pick(dialog, "activityPerson", clerk_name)
        # The person chosen is read whole in the drop-down.
        wait_until(lambda: people.width() >= people.sizeHint().width(), 5_000, "the drop-down at its width")
        assert people.fontMetrics().horizontalAdvance(people.currentText()) < people.width() - 24
        seen["steps"] = _what(dialog)
        seen["people"] = sorted({cell(dialog.table, r, 1) for r in range(row_count(dialog.table))})
        shot(dialog, "hq-activity-log")
        _pick(dialog, "activityKind", tr_domain(KIND_LABELS[ActivityKind.SETTING]))
        _pick(dialog, "activityPerson", dialog.tr("Everyone"))
        seen["settings"] = _what(dialog)
        # Up to yesterday (Vietnam's): today's entries go.
        end = dialog.findChild(QDateEdit, "activityEnd")
        assert end is not None
        yesterday = now_vn().date() - timedelta(days=1)
        QTest.mouseDClick(end.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(8, end.height() // 2))
        type_text(end, yesterday.strftime("%d%m%Y"))
        wait_until(lambda: end.date().day() == yesterday.day, 5_000, "the new end date")
        wait_until(lambda: _loaded(dialog), 10_000, "the log up to yesterday")
        seen["times"] = [cell(dialog.table, r, 0) for r in range(row_count(dialog.table))]
        older = dialog.findChild(QPushButton, "activityOlder")
        assert older is not None and not older.isEnabled()  # one page holds it all
        click(find_button(dialog, "Đóng"))

    modals.expect(read_the_log)
    choose_from_menu(admin.window, "Hệ thống", "Nhật ký thao tác…")
    wait_until(lambda: modals.pending == 0 and "times" in seen, 30_000, "the log read")

    assert len(seen["forms"]) == 1 and code in seen["forms"][0], seen["forms"]
    assert any(code in line for line in seen["steps"]), seen["steps"]
    assert seen["people"] == ["Nguyễn Thị Hồng Nhung"]
    assert any("office.phone" in line for line in seen["settings"]), seen["settings"]
    today = now_vn().strftime("%d/%m/%Y")
    assert not any(today in t for t in seen["times"]), seen["times"]
    # What the database holds: the step is the dossier's own event, the rest the log's rows.
    assert context.steps.record_by_code(code).status is DossierStatus.SUPPLEMENT_REQUESTED
    entries = context.audit.search(head, ActivityFilter(start=now_vn().date())).entries
    actions = {e.action for e in entries}
    assert {AuditAction.FORM_SAVED, AuditAction.SETTINGS_CHANGED, AuditAction.DOSSIER_STEP} <= actions
