"""Journeys: the dossier's steps as people take them, and the questions asked before work is lost.

A hand-over names who receives the dossier and is confirmed; the decision is numbered, dated and
says its outcome, a refusal with its reason, which is what the citizen collects; the office head
undoes a last step with a reason (kept in the history, logged, sent on); and
A saved scan removed only when confirmed; the next number called only once the typed and unsaved
citizen is dealt with (kept: not called; discarded: cleared, never attached to the new ticket).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.calendar import now_vn
from counter_app.domain.dossier_record import PrintableForm, applicable_forms
from counter_app.domain.lifecycle import Decision, DecisionOutcome, DossierStatus, IllegalTransition
from counter_app.domain.reception import CheckResult
from counter_app.services.audit import ActivityFilter
from counter_app.storage import models
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.dossier_detail import DossierDetail
from counter_app.ui.counter.dossier_panel import ReturnDialog
from counter_app.ui.counter.scan_dialog import ScanDialog
from counter_app.ui.counter.step_dialogs import DecisionDialog, HandOverDialog, UndoStepDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.i18n import domain_text
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.counter_steps import (
    call_next,
    choose_procedure,
    click_list_item,
    click_menu_button,
    click_table_row,
    dossier_code_from,
    import_into_open_row,
    named,
    newest_viewer,
    open_tab,
    paper_image,
    pick_in_combo,
    press_and_wait,
    replace_text,
    scan_citizen_card,
    set_row_result,
    signed_in_counter,
    step_on,
    table_row_with,
    take_ticket,
    type_row_reason,
    type_text,
)
from tests.journeys.helpers import demo_receipt, top_level, wait_until
from tests.journeys.helpers import shot as journey_shot
from tests.modals import click, describe, find_button
from tests.tables import cell, column_texts, row_count


def answer_by_name(name: str, asked: list[str] | None = None) -> Callable[[QWidget], None]:
    """Press the question's button named ``name`` (its text is new, so not yet translated)."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        if asked is not None:
            asked.append(box.text())
        chosen = box.findChild(QPushButton, name)
        assert chosen is not None and chosen.isVisible(), describe(box)
        click(chosen)

    return handle


def _scans_of(context, dossier_id: int) -> list[str]:
    with context.db.read() as session:
        return [
            p
            for p in session.scalars(
                select(models.DossierComponent.scan_path).where(
                    models.DossierComponent.dossier_id == dossier_id
                )
            )
            if p
        ]


def test_a_saved_scan_is_removed_only_when_confirmed(qtbot, context, modals, tmp_path):
    window = signed_in_counter(qtbot, context)
    dossiers = window.dossiers
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    wait_until(lambda: row_count(dossiers.table) > 0, 10_000, "today's dossiers")
    code = cell(dossiers.table, 0, 0)
    click_table_row(dossiers.table, 0)
    press_and_wait(dossiers.scan_button, lambda: bool(top_level(ScanDialog)))
    scans = top_level(ScanDialog)[0]
    wait_until(lambda: bool(scans.components), 10_000, "the checklist in the scanning view")
    first = next(c for c in scans.components if c.needs_scan)
    click_list_item(scans.rows, scans._index_of(first.position))
    import_into_open_row(scans, modals, paper_image(tmp_path / "trang.png", f"Giay to {code}"))
    dossier_id = context.steps.record_by_code(code).id
    assert len(_scans_of(context, dossier_id)) == 1
    wait_until(
        lambda: any(c.position == first.position and c.pages for c in scans.components), 10_000, "reloaded"
    )
    click_list_item(scans.rows, scans._index_of(first.position))
    wait_until(scans.detach_button.isVisible, 10_000, "the saved file's buttons")

    # A slip of the mouse: the question comes, the clerk keeps the file (Enter would, too).
    asked: list[str] = []

    def keep(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.findChild(QPushButton, "keep")
        answer_by_name("keep", asked)(box)

    modals.expect(keep)
    click(scans.detach_button)
    wait_until(lambda: modals.pending == 0 and asked, 5_000, "the question answered")
    qtbot.wait(300)
    assert len(_scans_of(context, dossier_id)) == 1 and scans.detach_button.isVisible()
    assert first.name in asked[0]

    # Meant this time: removed, the paper is to be scanned again.
    modals.expect(answer_by_name("remove", asked))
    click(scans.detach_button)
    wait_until(lambda: not _scans_of(context, dossier_id), 10_000, "the file removed")
    wait_until(lambda: not scans.detach_button.isVisible(), 10_000, "the row shown as not scanned")
    scans.close()


def test_calling_the_next_number_never_passes_unsaved_typing_to_the_next_citizen(qtbot, context, modals):
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    window: CounterWindow = signed_in_counter(qtbot, context)
    first = take_ticket(kiosk, "A")
    second = take_ticket(kiosk, "A")
    assert call_next(window) == first
    panel = window.reception
    type_text(panel.name, "Lê Thị Hoa")
    type_text(panel.id_number, "001195099999")

    # Kept: the number is not called, the typing stays with the citizen at the counter.
    asked: list[str] = []
    modals.expect(answer_by_name("keep", asked))
    click(window.queue.next_button)
    wait_until(lambda: modals.pending == 0 and asked, 5_000, "the question answered")
    qtbot.wait(500)
    assert window.queue.current.text() == first
    assert panel.name.text() == "Lê Thị Hoa" and first in panel.ticket_label.text()
    with context.db.read() as session:
        waiting = session.scalar(select(models.Ticket).where(models.Ticket.label == second))
        assert waiting is not None and waiting.called_at is None  # not called

    # Discarded: the form is cleared first, then the next number is called.
    modals.expect(answer_by_name("discard", asked))
    click(window.queue.next_button)
    wait_until(lambda: window.queue.current.text() == second, 10_000, "the next number called")
    assert panel.name.text() == "" and panel.id_number.text() == ""
    assert second in panel.ticket_label.text()
    assert len(asked) == 2

    # Nothing typed: no question (an unexpected one fails the test).
    press_and_wait(window.queue.finish_button, lambda: window.queue.current.text() == "—")
    press_and_wait(window.queue.next_button, lambda: "Không có ai đang chờ" in window.queue.detail.text())


def _code_of(context: AppContext, name: str) -> str:
    return next(r.code for r in context.lists.search(name, now_vn()))


def _follow(window: CounterWindow, code: str) -> None:
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    pick_in_combo(window.dossiers.which, "Tất cả hồ sơ")  # the search looks within the list chosen
    replace_text(window.dossiers.search, code)
    table = window.dossiers.table
    wait_until(lambda: table_row_with(table, code) >= 0, 10_000, f"{code} in the list")
    click_table_row(table, table_row_with(table, code))


def test_a_hand_over_names_who_receives_the_dossier_and_is_confirmed(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    dossiers = window.dossiers
    code = _code_of(context, "Lê Thị Hoa")  # received today, still at the centre
    _follow(window, code)
    seen: dict[str, object] = {}

    def hand_over(dialog: QWidget) -> None:
        assert isinstance(dialog, HandOverDialog), describe(dialog)
        combo = named(dialog, QComboBox, "recipient")
        seen["suggested"] = [combo.itemText(i) for i in range(combo.count())]
        seen["shown"] = combo.currentText()
        click(named(dialog, QPushButton, "hand_over"))  # nobody named: said, nothing done
        seen["error"] = named(dialog, QLabel, "error").text()
        line = combo.lineEdit()
        assert line is not None
        replace_text(line, "Phòng Văn hóa - Xã hội")
        click(named(dialog, QPushButton, "hand_over"))  # the question: the clerk goes back first
        seen["after_back"] = dialog.isVisible()
        click(named(dialog, QPushButton, "hand_over"))  # and confirms the second time

    questions: list[str] = []

    def back(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        questions.append(box.text() + " " + box.informativeText())
        assert box.defaultButton() is box.findChild(QPushButton, "back")
        click(named(box, QPushButton, "back"))

    modals.expect(hand_over, back, lambda box: click(named(box, QPushButton, "confirm")))
    step_on(dossiers.table, code, dossiers.hand_over_button, dossiers.done)
    assert seen["suggested"] == ["Công chức Tư pháp - Hộ tịch"] and seen["shown"] == ""  # earlier ones
    assert seen["error"] and seen["after_back"] is True
    assert code in questions[0] and "Phòng Văn hóa - Xã hội" in questions[0]
    assert "Phòng Văn hóa - Xã hội" in dossiers.done.text()  # shown
    wait_until(
        lambda: cell(dossiers.table, table_row_with(dossiers.table, code), 3) == "Đang xử lý",
        10_000,
        "the list to show it in processing",
    )
    with context.db.read() as session:
        dossier = session.scalar(select(models.Dossier).where(models.Dossier.code == code))
        assert dossier is not None and dossier.handed_to == "Phòng Văn hóa - Xã hội"
        step = session.scalars(
            select(models.DossierEvent).where(models.DossierEvent.dossier_id == dossier.id)
        ).all()[-1]
        assert step.to_status == DossierStatus.IN_PROCESSING and step.recipient == "Phòng Văn hóa - Xã hội"
    assert context.steps.recipients()[0] == "Phòng Văn hóa - Xã hội"  # suggested first next time


def _shown_errors(dialog: QWidget) -> dict[str, str]:
    """The decision dialog's lines beside its fields that are on screen, by their names."""
    return {
        label.objectName(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.objectName().endswith("-error") and label.isVisible()
    }


def test_a_refusal_is_recorded_with_its_reason_and_the_letter_is_what_is_returned(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    dossiers = window.dossiers
    code = _code_of(context, "Vũ Minh Khôi")  # at the department
    _follow(window, code)
    seen: dict[str, object] = {}
    today = now_vn().date()

    def decide(dialog: QWidget) -> None:
        assert isinstance(dialog, DecisionDialog), describe(dialog)
        day = named(dialog, QDateEdit, "day")
        seen["latest"] = day.maximumDate().toPython()
        seen["offered"] = day.date().toPython()
        click(named(dialog, QPushButton, "record"))  # nothing filled: every missing field at once
        seen["first"] = _shown_errors(dialog)
        journey_shot(dialog, "hs2-4-decision-errors")
        replace_text(named(dialog, QLineEdit, "number"), "45/TB-UBND")  # its line goes as it is typed
        seen["numbered"] = _shown_errors(dialog)
        click(named(dialog, QRadioButton, "refused"))  # no outcome was assumed; now chosen
        seen["chosen"] = _shown_errors(dialog)
        click(named(dialog, QPushButton, "record"))  # refused without a reason
        seen["no_reason"] = _shown_errors(dialog)
        seen["still_open"] = dialog.isVisible()
        type_text(named(dialog, QPlainTextEdit, "reason"), "Không đủ điều kiện kết hôn")
        seen["reasoned"] = _shown_errors(dialog)
        click(named(dialog, QPushButton, "record"))

    modals.expect(decide)
    step_on(dossiers.table, code, dossiers.decided_button, dossiers.done)
    assert seen["latest"] == today and seen["offered"] == today  # Vietnam's today, never later
    first = seen["first"]
    assert isinstance(first, dict) and set(first) == {"number-error", "outcome-error"}
    assert first["number-error"] and first["outcome-error"]
    assert first["number-error"] != first["outcome-error"]
    assert seen["numbered"] == {"outcome-error": first["outcome-error"]}
    assert seen["chosen"] == {}
    no_reason = seen["no_reason"]
    assert isinstance(no_reason, dict) and list(no_reason) == ["reason-error"] and no_reason["reason-error"]
    assert seen["reasoned"] == {}
    assert seen["still_open"] is True
    assert "45/TB-UBND" in dossiers.done.text() and "Không đủ điều kiện kết hôn" in dossiers.done.text()
    with context.db.read() as session:
        dossier = session.scalar(select(models.Dossier).where(models.Dossier.code == code))
        assert dossier is not None and dossier.status == DossierStatus.DECIDED
        assert (dossier.decision_number, dossier.decision_date) == ("45/TB-UBND", today)
        assert (dossier.decision_outcome, dossier.decision_reason) == (
            "refused",
            "Không đủ điều kiện kết hôn",
        )

    # The citizen collects the refusal letter: the return dialog says so, with the reason.
    shown: list[str] = []

    def return_it(dialog: QWidget) -> None:
        assert isinstance(dialog, ReturnDialog), describe(dialog)
        shown.append(named(dialog, QLabel, "result").text())
        click(find_button(dialog, "Trả kết quả"))

    modals.expect(return_it)
    step_on(dossiers.table, code, dossiers.return_button, dossiers.done)
    assert "45/TB-UBND" in shown[0] and today.strftime("%d/%m/%Y") in shown[0]
    assert "Không đủ điều kiện kết hôn" in shown[0]
    record = context.steps.record_by_code(code)
    assert record.status is DossierStatus.RETURNED
    assert record.decision == Decision(
        "45/TB-UBND", today, DecisionOutcome.REFUSED, "Không đủ điều kiện kết hôn"
    )


def test_the_office_head_undoes_a_last_step_with_a_reason(qtbot, context, modals):
    code = _code_of(context, "Phạm Quốc Bảo")  # decided, awaiting return
    clerk_window = signed_in_counter(qtbot, context)
    _follow(clerk_window, code)
    assert not clerk_window.dossiers.undo_action.isVisible()  # a clerk does not see it
    clerk_window.close()

    window = signed_in_counter(qtbot, context, "lanhdao")
    dossiers = window.dossiers
    _follow(window, code)
    head = context.staff.find("lanhdao")
    assert head is not None
    seen: dict[str, object] = {}

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, UndoStepDialog), describe(dialog)
        keep_button, undo_button = named(dialog, QPushButton, "keep"), named(dialog, QPushButton, "undo")
        seen["buttons"] = (keep_button.isDefault(), undo_button.isDefault(), undo_button.autoDefault())
        seen["keep_text"] = keep_button.text()
        journey_shot(dialog, "hs2-5-undo-buttons")
        type_text(named(dialog, QPlainTextEdit, "reason"), "Thử")
        click(keep_button)  # changed their mind: nothing is undone

    modals.expect(keep)
    click_menu_button(dossiers.more_button, dossiers.undo_action.text())
    wait_until(lambda: "buttons" in seen, 10_000, "the undo dialog")
    assert seen["buttons"] == (True, False, False)  # the harmless one is the default, for Enter too
    assert seen["keep_text"] not in ("Hủy", "Cancel")  # never “Hủy” beside “Hủy bước”
    assert context.steps.record_by_code(code).status is DossierStatus.DECIDED

    def undo(dialog: QWidget) -> None:
        assert isinstance(dialog, UndoStepDialog), describe(dialog)
        seen["step"] = named(dialog, QLabel, "step").text()
        click(named(dialog, QPushButton, "undo"))  # no reason: said, nothing undone
        seen["no_reason"] = named(dialog, QLabel, "error").text()
        type_text(named(dialog, QPlainTextEdit, "reason"), "Ghi nhầm kết quả của hồ sơ khác")
        click(named(dialog, QPushButton, "undo"))

    modals.expect(undo)
    before = dossiers.done.text()
    click_menu_button(dossiers.more_button, dossiers.undo_action.text())
    wait_until(lambda: dossiers.done.text() != before, 20_000, "the step undone")
    assert "Đã xử lý xong" in str(seen["step"]) and "Đang xử lý" in str(seen["step"])
    assert seen["no_reason"]
    assert "Đang xử lý" in dossiers.done.text()
    wait_until(
        lambda: cell(dossiers.table, table_row_with(dossiers.table, code), 3) == "Đang xử lý",
        10_000,
        "the list to show the earlier state",
    )
    record = context.steps.record_by_code(code)
    assert record.status is DossierStatus.IN_PROCESSING and record.decision is None
    undone = record.history[-1]
    assert undone.to_status is DossierStatus.DECIDED and undone.undone  # kept, marked
    assert undone.undone_by_name == head.full_name and undone.undo_reason == "Ghi nhầm kết quả của hồ sơ khác"
    with context.db.read() as session:
        entry = session.scalars(select(models.AuditEvent).order_by(models.AuditEvent.id.desc())).first()
        assert entry is not None and entry.action == "dossier_step_undone" and entry.staff_id == head.id
        params = json.loads(entry.params)
        assert params["code"] == code and params["reason"] == "Ghi nhầm kết quả của hồ sơ khác"
        assert entry.at is not None
        correction = session.scalars(
            select(models.OutboxItem)
            .where(models.OutboxItem.stream == f"dossier:{code}", models.OutboxItem.kind == "status")
            .order_by(models.OutboxItem.id.desc())
        ).first()
        assert correction is not None  # the province is told, not left with the undone step
        assert json.loads(correction.payload)["TrangThai"] == int(DossierStatus.IN_PROCESSING)
    described = context.audit.recent(head)[0].describe().message()
    assert code in described and "Ghi nhầm" in described


# --- issue 14: a dossier sent back incomplete at the counter was never received ----------------

QR_INCOMPLETE = "040188007788||Đỗ Thị Mai|12121988|Nữ|Xóm 3, xã Minh Khai|05052021"
MARRIAGE_STATUS = "1.004873"


def _send_back_incomplete(window: CounterWindow) -> str:
    """At the counter: the form is missing, “Chưa đủ · yêu cầu bổ sung”, Mẫu 02 printed and closed."""
    panel = window.reception
    scan_citizen_card(window, QR_INCOMPLETE)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    set_row_result(window, 0, "Chưa nộp")
    type_row_reason(window, 0, "Quên tờ khai ở nhà")
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: bool(panel.outcome.text()), 30_000)
    newest_viewer(before).close()
    window.activateWindow()
    return dossier_code_from(panel.outcome.text())


def _events(context: AppContext, code: str) -> list[models.DossierEvent]:
    with context.db.read() as session:
        return list(
            session.scalars(
                select(models.DossierEvent)
                .join(models.Dossier, models.Dossier.id == models.DossierEvent.dossier_id)
                .where(models.Dossier.code == code)
                .order_by(models.DossierEvent.id)
            )
        )


def _menu_seen(button: QPushButton, shot_name: str) -> dict[str, bool]:
    """Drop the button's menu down as a person does and read it: each shown entry, lit or greyed."""
    seen: dict[str, bool] = {}

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, look)
            return
        seen.update({a.text(): a.isEnabled() for a in menu.actions() if a.isVisible()})
        journey_shot(menu, shot_name)
        menu.close()

    wait_until(button.isEnabled, 10_000, f"“{button.text()}” to become clickable")
    QTimer.singleShot(20, look)
    click(button)
    wait_until(lambda: bool(seen), 5_000, "the menu")
    return seen


def _open_details(window: CounterWindow) -> DossierDetail:
    before = top_level(DossierDetail)
    details = window.dossiers.findChild(QPushButton, "dossier-details")
    assert details is not None
    click(details)
    wait_until(lambda: len(top_level(DossierDetail)) > len(before), 5_000, "the dossier's details")
    detail = top_level(DossierDetail)[-1]
    wait_until(lambda: detail.data is not None, 10_000, "the details to be read")
    return detail


def test_a_dossier_sent_back_incomplete_is_one_step_and_is_neither_undone_nor_apologised_for(
    qtbot, context, modals
):
    window = signed_in_counter(qtbot, context)
    code = _send_back_incomplete(window)

    # The database holds one step, from nothing to “supplement requested”: never “received”.
    events = _events(context, code)
    assert [(e.from_status, e.to_status) for e in events] == [(None, int(DossierStatus.SUPPLEMENT_REQUESTED))]
    assert events[0].note  # the supplement's reason (Mẫu 02 lists what lacks)
    with context.db.read() as session:
        dossier = session.scalar(select(models.Dossier).where(models.Dossier.code == code))
        assert dossier is not None and dossier.appointment_at is None
        sent = [
            json.loads(i.payload)
            for i in session.scalars(
                select(models.OutboxItem).where(
                    models.OutboxItem.stream == f"dossier:{code}", models.OutboxItem.kind == "status"
                )
            )
        ]
    assert [(s["TrangThai"], s["TrangThaiTruoc"]) for s in sent] == [(5, 0)]  # the province: one step

    # The details show that one step, and only the supplement request (no receipt, no Mẫu 06).
    _follow(window, code)
    detail = _open_details(window)
    assert column_texts(detail.steps, 1) == ["Yêu cầu bổ sung giấy tờ"]
    forms_shown = named(detail, QLabel, "detail-forms").text()
    assert "Mẫu 02" in forms_shown and "Mẫu 01" not in forms_shown and "Mẫu 06" not in forms_shown
    journey_shot(detail, "hs2-1-detail")
    detail.close()

    # The activity log says what happened: the supplement request, not a reception.
    head = context.staff.find("lanhdao")
    assert head is not None
    logged = [e for e in context.audit.search(head, ActivityFilter()).entries if e.params.get("code") == code]
    assert [domain_text(e.describe()) for e in logged] == [
        f"Hồ sơ {code}: Yêu cầu bổ sung giấy tờ. {events[0].note}"
    ]

    # No date was promised: no apology; “Thêm…” still offers what applies (the papers arrived).
    dossiers = window.dossiers
    entries = _menu_seen(dossiers.more_button, "hs2-3-more-menu")
    assert entries[dossiers.apology_action.text()] is False
    assert entries[dossiers.supplied_action.text()] is True and entries[dossiers.withdraw_action.text()]
    window.close()

    # The office head cannot undo it: it is the dossier's first step, as a reception is.
    head_window = signed_in_counter(qtbot, context, "lanhdao")
    _follow(head_window, code)
    entries = _menu_seen(head_window.dossiers.more_button, "hs2-2-head-menu")
    assert entries[head_window.dossiers.undo_action.text()] is False  # shown to the head, greyed
    assert entries[head_window.dossiers.apology_action.text()] is False
    with pytest.raises(IllegalTransition):
        context.steps.undo_last_step(head, events[0].dossier_id, "Thử hủy")
    assert [e.undone_at for e in _events(context, code)] == [None]


def test_a_refused_dossier_offers_no_step_in_more(qtbot, context, modals):
    clerk = context.staff.find("canbo")
    refused = context.intake.refuse(clerk, demo_receipt(context, 71), "Không thuộc thẩm quyền")
    window = signed_in_counter(qtbot, context)
    _follow(window, refused.code)
    dossiers = window.dossiers
    wait_until(dossiers.details_button.isEnabled, 5_000, "the row to be chosen")
    assert not dossiers.apology_action.isEnabled() and not dossiers.withdraw_action.isEnabled()
    assert not dossiers.more_button.isEnabled()  # only greyed steps inside: nothing to open


def test_a_supplement_stored_with_its_reception_the_old_way_is_not_undone(qtbot, context, modals):
    """Stored before issue 14 as “received” and, at the same moment, “received → supplement”
    (an appointment promised, as then): the head's undo is refused, said, and nothing changes."""
    clerk = context.staff.find("canbo")
    request = demo_receipt(context, 72)
    rows = [replace(request.rows[0], result=CheckResult.FAIL, reason="Thiếu tờ khai"), *request.rows[1:]]
    record = context.intake.request_supplement_at_reception(
        clerk, replace(request, rows=rows), "Thiếu tờ khai"
    )
    with context.db.write() as session:
        first = session.scalars(
            select(models.DossierEvent).where(models.DossierEvent.dossier_id == record.id)
        ).one()
        first.to_status = int(DossierStatus.RECEIVED)
        session.add(
            models.DossierEvent(
                dossier_id=record.id,
                from_status=int(DossierStatus.RECEIVED),
                to_status=int(DossierStatus.SUPPLEMENT_REQUESTED),
                at=first.at,
                staff_id=first.staff_id,
                note=first.note,
                recipient="",
            )
        )
        dossier = session.get(models.Dossier, record.id)
        assert dossier is not None
        dossier.appointment_at = first.at + timedelta(days=3)
    stored = context.steps.record(record.id)
    assert applicable_forms(stored) == (PrintableForm.SUPPLEMENT,)  # still not a receipt

    window = signed_in_counter(qtbot, context, "lanhdao")
    _follow(window, record.code)
    dossiers = window.dossiers

    def undo(dialog: QWidget) -> None:
        assert isinstance(dialog, UndoStepDialog), describe(dialog)
        type_text(named(dialog, QPlainTextEdit, "reason"), "Bấm nhầm")
        click(named(dialog, QPushButton, "undo"))

    modals.expect(undo)
    click_menu_button(dossiers.more_button, dossiers.undo_action.text())
    wait_until(lambda: record.code in dossiers.error.text(), 20_000, "the refusal to be said")
    journey_shot(window, "hs2-1-old-undo-refused")
    after = context.steps.record(record.id)
    assert after.status is DossierStatus.SUPPLEMENT_REQUESTED
    assert not any(e.undone for e in after.history)
