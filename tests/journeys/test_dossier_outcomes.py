"""Journeys: the other ways a visit ends, each through the real counter window.

An incomplete dossier (Mẫu 02) and the papers arriving later; a refusal (Mẫu 03); an apology with
a new date (Mẫu 04); a withdrawal (Mẫu 05); a ticket transferred to another area; a number called
again, and a citizen who did not come.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.queue import TicketState
from counter_app.storage import models
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.counter_steps import (
    call_next,
    choose_procedure,
    click_menu_button,
    click_table_row,
    dossier_code_from,
    newest_viewer,
    open_tab,
    pdf_text,
    press_and_wait,
    scan_citizen_card,
    set_row_result,
    signed_in_counter,
    table_row_with,
    take_ticket,
    type_row_reason,
    type_text,
)
from tests.journeys.helpers import top_level, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count

QR = "001195012345||Nguyễn Thị Ánh|08031995|Nữ|Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội|01052021"
QR_2 = "036092001234||Phạm Quốc Bảo|15061992|Nam|Thôn Đông, xã Minh Khai|02032021"


def _counter(qtbot, context) -> CounterWindow:
    window = signed_in_counter(qtbot, context)
    return window


def _new_citizen(window: CounterWindow, qr: str) -> None:
    click(find_button(window.reception, "Công dân mới"))
    scan_citizen_card(window, qr)
    choose_procedure(window, "xac nhan tinh trang hon nhan", "1.004873")
    click(find_button(window.reception, "Tất cả đều đạt"))


def record_id(context: AppContext, code: str) -> int:
    return context.steps.record_by_code(code).id


def _status(context: AppContext, code: str) -> DossierStatus:
    return context.steps.record_by_code(code).status


def _select(window: CounterWindow, code: str) -> None:
    table = window.dossiers.table
    wait_until(lambda: table_row_with(table, code) >= 0, 10_000, f"{code} in the list")
    click_table_row(table, table_row_with(table, code))


def test_incomplete_then_the_papers_arrive(qtbot, context, modals):
    window = _counter(qtbot, context)
    _new_citizen(window, QR)
    set_row_result(window, 0, "Chưa nộp")  # the declaration form was not brought
    type_row_reason(window, 0, "Quên ở nhà, mang sau")
    panel = window.reception
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: bool(panel.outcome.text()), 30_000)
    code = dossier_code_from(panel.outcome.text())
    assert _status(context, code) is DossierStatus.SUPPLEMENT_REQUESTED
    request = pdf_text(newest_viewer(before).pdf)
    assert "BỔ SUNG" in request.upper() and "Tờ khai" in request
    assert "Quên ở nhà, mang sau" in request  # the reason typed in the checklist
    # The scanning view does not open: the papers go back to the citizen until they are complete.
    # (This window's own: a scanning view an earlier test left open is no concern of this one.)
    assert not window.scan_dialogs

    # Two days later the citizen brings the form: the clerk records it, the receipt is printed.
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    _select(window, code)
    before = top_level(FormViewer)
    click_menu_button(window.dossiers.more_button, "Công dân đã bổ sung đủ")
    receipt = newest_viewer(before)
    assert code in pdf_text(receipt.pdf)
    # Complete now, it goes to the department, its time counting from today.
    wait_until(lambda: _status(context, code) is DossierStatus.IN_PROCESSING, 10_000, "the dossier complete")
    # Now complete, it is digitised: the scanning view opens for it.
    wait_until(
        lambda: any(d.dossier_id == record_id(context, code) for d in window.scan_dialogs), 10_000, "scans"
    )


def test_a_refusal_prints_the_reason_on_mau_03(qtbot, context, modals):
    window = _counter(qtbot, context)
    _new_citizen(window, QR_2)
    reason = "Hồ sơ thuộc thẩm quyền giải quyết của Sở Tư pháp"
    modals.expect(_type_into_input(reason))
    before = top_level(FormViewer)
    click(find_button(window.reception, "Từ chối (Mẫu 03)…"))
    refusal = pdf_text(newest_viewer(before).pdf)
    assert "TỪ CHỐI" in refusal.upper() and "Sở Tư pháp" in refusal
    code = dossier_code_from(window.reception.outcome.text())
    record = context.steps.record_by_code(code)
    assert record.status is DossierStatus.REFUSED


def test_an_apology_sets_a_new_date_and_a_withdrawal_stops_the_dossier(qtbot, context, modals):
    window = _counter(qtbot, context)
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    dossiers = window.dossiers
    wait_until(lambda: row_count(dossiers.table) > 0, 10_000, "today's dossiers")
    code = cell(dossiers.table, 0, 0)
    promised = context.steps.record_by_code(code).appointment_at

    # The department will be late: the apology (Mẫu 04) with three more working days.
    modals.expect(_type_into_input("Cần xác minh thêm tại nơi cư trú"), _type_into_input("3"))
    _select(window, code)
    before = top_level(FormViewer)
    click_menu_button(dossiers.more_button, "Xin lỗi và hẹn lại (Mẫu 04)")
    apology = pdf_text(newest_viewer(before).pdf)
    assert "XIN LỖI" in apology.upper() and "xác minh" in apology
    record = context.steps.record_by_code(code)
    assert record.extended_until is not None and record.extended_until > promised

    # The citizen withdraws before the decision: the stop notice (Mẫu 05).
    modals.expect(_type_into_input("Gia đình không còn nhu cầu"))
    _select(window, code)
    before = top_level(FormViewer)
    click_menu_button(dossiers.more_button, "Công dân rút hồ sơ (Mẫu 05)")
    notice = pdf_text(newest_viewer(before).pdf)
    assert code in notice and "không còn nhu cầu" in notice
    assert _status(context, code) is DossierStatus.STOPPED


def test_transfer_recall_and_no_show(qtbot, context, modals):
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    window = _counter(qtbot, context)
    queue = window.queue
    first = take_ticket(kiosk, "A")
    second = take_ticket(kiosk, "A")

    # The first citizen is at the wrong area: transferred to land matters.
    assert call_next(window) == first
    click_menu_button(queue.transfer_button, "Sang khu vực B")
    wait_until(lambda: queue.current.text() == "—", 10_000, "the counter to be free")
    with context.db.read() as session:
        moved = session.scalar(select(models.Ticket).where(models.Ticket.label == first))
        assert moved is not None and moved.service_code == "B"
        assert moved.state == TicketState.WAITING.value

    # The second does not answer: called again, then marked as not come.
    assert call_next(window) == second
    press_and_wait(queue.recall_button, lambda: _calls(context, second) == 2)
    press_and_wait(queue.no_show_button, lambda: queue.current.text() == "—")
    assert queue.detail.text().startswith(f"Số {second} không đến.")
    with context.db.read() as session:
        absent = session.scalar(select(models.Ticket).where(models.Ticket.label == second))
        assert absent is not None and absent.state == TicketState.NO_SHOW.value


def _calls(context, label: str) -> int:
    with context.db.read() as session:
        ticket = session.scalar(select(models.Ticket).where(models.Ticket.label == label))
        return ticket.call_count if ticket is not None else 0


def _type_into_input(text: str) -> Callable[[QWidget], None]:
    """What the clerk does with an input box: types the answer over what is there, then Đồng ý (OK)."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), describe(dialog)
        boxes = [e for e in dialog.findChildren(QPlainTextEdit) if e.isVisible()]
        editor: QWidget = (
            boxes[0] if boxes else next(e for e in dialog.findChildren(QLineEdit) if e.isVisible())
        )
        editor.setFocus()
        QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text.isascii():
            QTest.keyClicks(editor, text)
        else:
            type_text(editor, text)
        click(find_button(dialog, "Đồng ý"))

    return handle


def test_calling_with_nobody_waiting_says_so(qtbot, context, modals):
    window = _counter(qtbot, context)
    queue = window.queue
    press_and_wait(queue.next_button, lambda: "Không có ai đang chờ" in queue.detail.text())
    qtbot.wait(1_500)  # the panel refreshes every second: the message stays
    assert "Không có ai đang chờ" in queue.detail.text()
