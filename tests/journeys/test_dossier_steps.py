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

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.calendar import now_vn
from counter_app.domain.lifecycle import Decision, DecisionOutcome, DossierStatus
from counter_app.storage import models
from counter_app.ui.counter.dossier_panel import ReturnDialog
from counter_app.ui.counter.scan_dialog import ScanDialog
from counter_app.ui.counter.step_dialogs import DecisionDialog, HandOverDialog, UndoStepDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.counter_steps import (
    call_next,
    click_list_item,
    click_menu_button,
    click_table_row,
    import_into_open_row,
    named,
    open_tab,
    paper_image,
    pick_in_combo,
    press_and_wait,
    replace_text,
    signed_in_counter,
    step_on,
    table_row_with,
    take_ticket,
    type_text,
)
from tests.journeys.helpers import top_level, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count


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
        replace_text(named(dialog, QLineEdit, "number"), "45/TB-UBND")
        click(named(dialog, QPushButton, "record"))  # no outcome chosen: never assumed
        seen["no_outcome"] = named(dialog, QLabel, "error").text()
        click(named(dialog, QRadioButton, "refused"))
        click(named(dialog, QPushButton, "record"))  # refused without a reason
        seen["no_reason"] = named(dialog, QLabel, "error").text()
        seen["still_open"] = dialog.isVisible()
        type_text(named(dialog, QPlainTextEdit, "reason"), "Không đủ điều kiện kết hôn")
        click(named(dialog, QPushButton, "record"))

    modals.expect(decide)
    step_on(dossiers.table, code, dossiers.decided_button, dossiers.done)
    assert seen["latest"] == today and seen["offered"] == today  # Vietnam's today, never later
    assert seen["no_outcome"] and seen["no_reason"] and seen["no_outcome"] != seen["no_reason"]
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
