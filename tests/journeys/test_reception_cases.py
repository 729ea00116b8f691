"""Journeys of issue 14 at the reception: a paper needed only in some cases, a dossier refused or
sent back incomplete (no appointment, never “not yet due”), and every wrong field shown at once.

New widgets are found by their objectName or the panel's attribute (their translations are
compiled at merge); what was already translated is found by its Vietnamese text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.calendar import now_vn
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import CheckResult
from counter_app.storage import models
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.window import CounterWindow
from tests.journeys.counter_steps import (
    choose_procedure,
    dossier_code_from,
    newest_viewer,
    open_tab,
    pdf_text,
    pick_in_combo,
    press_and_wait,
    replace_text,
    scan_citizen_card,
    set_row_result,
    signed_in_counter,
    table_row_with,
    tick_proxy,
    type_row_reason,
    type_text,
)
from tests.journeys.helpers import shot, top_level, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell

QR = "001195012345||Nguyễn Thị Ánh|08031995|Nữ|Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội|01052021"
QR_2 = "036092001234||Phạm Quốc Bảo|15061992|Nam|Thôn Đông, xã Minh Khai|02032021"
QR_3 = "079090001122||Trần Văn Bình|01011990|Nam|Số 1 Lê Lợi, TP Hồ Chí Minh|02032021"
MARRIAGE_STATUS = (
    "1.004873"  # its checklist: the form, a divorce decree (only if ever married), a proxy letter, the ID
)
FORM, DIVORCE, LETTER = 0, 1, 2
COL_RESULT, COL_REASON, COL_DUE, COL_TIMELINESS = 3, 4, 5, 6


def _components(context: AppContext, code: str) -> list[models.DossierComponent]:
    with context.db.read() as session:
        dossier = session.scalar(select(models.Dossier).where(models.Dossier.code == code))
        assert dossier is not None
        return list(dossier.components)


def _appointment(context: AppContext, code: str) -> object:
    with context.db.read() as session:
        return session.scalar(select(models.Dossier.appointment_at).where(models.Dossier.code == code))


def _pick_result(window: CounterWindow, row: int, result: CheckResult) -> None:
    """The clerk opens the row's check drop-down and picks the entry (found by what it stands for)."""
    combo = window.reception.table.editor(row, COL_RESULT)
    assert isinstance(combo, QComboBox)
    pick_in_combo(combo, combo.itemText(combo.findData(result.value)))


def _result_shown(window: CounterWindow, row: int) -> str:
    combo = window.reception.table.editor(row, COL_RESULT)
    assert isinstance(combo, QComboBox)
    return str(combo.currentData())


def _refusal(text: str, seen: list[str] | None = None) -> Callable[[QWidget], None]:
    """The refusal's box: note what it already holds, type the reason over it, press Đồng ý."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), describe(dialog)
        box = next(e for e in dialog.findChildren(QPlainTextEdit) if e.isVisible())
        if seen is not None:
            seen.append(box.toPlainText())
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(box, text)
        click(find_button(dialog, "Đồng ý"))

    return handle


def _receive(window: CounterWindow) -> str:
    panel = window.reception
    press_and_wait(panel.receive_button, lambda: bool(panel.outcome.text()), 30_000)
    return dossier_code_from(panel.outcome.text())


# --- 1. a paper needed only in some cases ------------------------------------------------------


def test_all_accepted_never_takes_the_proxy_letter_as_received(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR)  # she came in person: no authorisation letter
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))

    # The papers everyone brings are accepted; those needed only in some cases are marked not
    # applicable, with a reason, and the clerk is told which.
    assert _result_shown(window, FORM) == CheckResult.PASS.value
    assert _result_shown(window, LETTER) == CheckResult.NOT_APPLICABLE.value
    assert _result_shown(window, DIVORCE) == CheckResult.NOT_APPLICABLE.value
    assert cell(panel.table, LETTER, COL_REASON)  # the reason is filled in, to be changed if need be
    note = panel.findChild(QLabel, "conditional_note")
    assert note is not None and note.isVisible() and "Văn bản ủy quyền" in note.text()

    # She was married once: the clerk accepts the divorce decree she brought.
    set_row_result(window, DIVORCE, "Đạt")
    # The clerk clears the letter's reason: a paper that does not apply must say why.
    type_row_reason(window, LETTER, " ")
    click(panel.receive_button)
    wait_until(lambda: bool(panel.error.text()), 10_000, "why the dossier was not saved")
    assert "Văn bản ủy quyền" in panel.error.text() and not panel.outcome.text()
    type_row_reason(window, LETTER, "Công dân tự nộp hồ sơ")

    before = top_level(FormViewer)
    code = _receive(window)
    receipt = pdf_text(newest_viewer(before).pdf)
    # Mẫu 01 lists what was received, and only that.
    assert "Tờ khai cấp Giấy xác nhận" in receipt and "Bản án" in receipt
    assert "Văn bản ủy quyền" not in receipt
    stored = {c.position: c for c in _components(context, code)}
    assert (stored[LETTER].result, stored[LETTER].reason) == ("na", "Công dân tự nộp hồ sơ")
    assert stored[DIVORCE].result == "pass" and stored[FORM].result == "pass"
    # The record keeps the row as it was checked.
    row = context.steps.record_by_code(code).rows[LETTER]
    assert row.result is CheckResult.NOT_APPLICABLE and row.reason == "Công dân tự nộp hồ sơ"
    assert context.steps.record_by_code(code).status is DossierStatus.RECEIVED
    # The scanning view opens for the papers received; the letter that does not apply is not asked for.
    wait_until(lambda: bool(window.scan_dialogs) and bool(window.scan_dialogs[0].components), 10_000, "scans")
    letter = next(c for c in window.scan_dialogs[0].components if c.position == LETTER)
    assert letter.not_applicable and not letter.needs_scan


def test_a_clerk_marks_a_paper_not_applicable_by_hand(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    scan_citizen_card(window, QR_2)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    set_row_result(window, FORM, "Đạt")
    _pick_result(window, DIVORCE, CheckResult.NOT_APPLICABLE)
    type_row_reason(window, DIVORCE, "Chưa từng kết hôn")
    _pick_result(window, LETTER, CheckResult.NOT_APPLICABLE)
    type_row_reason(window, LETTER, "Tự nộp")
    set_row_result(window, 3, "Đạt")  # the ID card, shown
    code = _receive(window)  # complete: nothing that does not apply is demanded
    assert context.steps.record_by_code(code).status is DossierStatus.RECEIVED
    assert [c.result for c in _components(context, code)] == ["pass", "na", "na", "pass"]


# --- 2. refused and incomplete: no appointment, their own state in the lists -------------------


def test_refused_and_incomplete_dossiers_have_no_appointment_and_show_their_state(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception

    # A refusal (Mẫu 03): no date is promised.
    scan_citizen_card(window, QR)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    modals.expect(_refusal("Hồ sơ thuộc thẩm quyền của Sở Tư pháp"))
    before = top_level(FormViewer)
    click(find_button(panel, "Từ chối (Mẫu 03)…"))
    newest_viewer(before).close()  # printed; the clerk closes the form's window …
    window.activateWindow()  # … and is back at the counter's (offscreen, a click does not raise it)
    refused = dossier_code_from(panel.outcome.text())
    assert _appointment(context, refused) is None
    assert now_vn().strftime("%d/%m/%Y") not in panel.outcome.text()  # no “result due …”

    # Incomplete (Mẫu 02): no date either, and the papers go back: the scanning view stays shut.
    click(find_button(panel, "Công dân mới"))
    scan_citizen_card(window, QR_2)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    set_row_result(window, FORM, "Chưa nộp")
    type_row_reason(window, FORM, "Quên ở nhà")
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: bool(panel.outcome.text()), 30_000)
    newest_viewer(before).close()
    incomplete = dossier_code_from(panel.outcome.text())
    assert _appointment(context, incomplete) is None
    assert window.scan_dialogs == []
    assert context.steps.record_by_code(incomplete).status is DossierStatus.SUPPLEMENT_REQUESTED

    # Accepted: the date is promised and the scanning view opens.
    click(find_button(panel, "Công dân mới"))
    scan_citizen_card(window, QR_3)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    received = _receive(window)
    assert _appointment(context, received) is not None
    wait_until(lambda: bool(window.scan_dialogs), 10_000, "the scanning view")

    # Today's dossiers: the refused and the incomplete one show their own state, never “Chưa đến hạn”.
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    table = window.dossiers.table
    wait_until(lambda: table_row_with(table, incomplete) >= 0, 10_000, "today's dossiers")
    for code, state in ((refused, "Không được tiếp nhận"), (incomplete, "Yêu cầu bổ sung giấy tờ")):
        row = table_row_with(table, code)
        assert cell(table, row, COL_TIMELINESS) == state
        assert cell(table, row, COL_DUE) == "—"
    wait_until(lambda: table_row_with(table, received) >= 0, 10_000, f"{received} in the list")
    assert cell(table, table_row_with(table, received), COL_TIMELINESS) == "Chưa đến hạn"


# --- 3. every wrong field at once, beside itself; the refusal's reason kept ---------------------


def _errors_shown(window: CounterWindow) -> dict[QLineEdit, str]:
    panel = window.reception
    # A corrected field's line keeps its room, empty, until the next submit.
    return {field: label.text() for field, label in panel.field_errors.items() if label.text()}


def test_refusing_with_wrong_fields_shows_them_all_and_keeps_the_reason(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    type_text(panel.id_number, "00119501234")  # eleven digits
    type_text(panel.birth, "31/02/1995")
    type_text(panel.phone, "0912")
    reason = "Hồ sơ thuộc thẩm quyền của Sở Tư pháp"
    modals.expect(_refusal(reason))
    click(find_button(panel, "Từ chối (Mẫu 03)…"))
    wait_until(lambda: len(_errors_shown(window)) == 5, 10_000, "every wrong field marked")
    shown = _errors_shown(window)
    assert set(shown) == {panel.name, panel.id_number, panel.birth, panel.address, panel.phone}
    assert all(text[:1].isupper() for text in shown.values()), shown  # sentences, with a capital
    assert "12 chữ số" in shown[panel.id_number] and "31/02/1995" in shown[panel.birth]
    assert not panel.outcome.text()
    assert not context.lists.search("00119501234", now_vn())  # nothing saved

    # Each message goes as soon as its field is right; the others stay.
    type_text(panel.id_number, "5")
    assert panel.id_number not in _errors_shown(window) and panel.phone in _errors_shown(window)
    replace_text(panel.birth, "08/03/1995")
    type_text(panel.name, "Nguyễn Thị Ánh")
    type_text(panel.address, "Số 5 ngõ 12 phố Huế, Hà Nội")
    type_text(panel.phone, "345678")
    assert _errors_shown(window) == {}

    # The reason typed before is still there: the clerk only confirms it.
    seen: list[str] = []
    modals.expect(_refusal(reason, seen))
    before = top_level(FormViewer)
    click(find_button(panel, "Từ chối (Mẫu 03)…"))
    assert "Sở Tư pháp" in pdf_text(newest_viewer(before).pdf)
    assert seen == [reason]
    record = context.steps.record_by_code(dossier_code_from(panel.outcome.text()))
    assert record.status is DossierStatus.REFUSED and record.reasons[DossierStatus.REFUSED] == reason


def test_receiving_with_wrong_fields_shows_them_all_beside_each(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR_2)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    type_text(panel.email, "bao@")
    replace_text(panel.phone, "12345")
    click(panel.receive_button)
    wait_until(lambda: len(_errors_shown(window)) == 2, 10_000, "both wrong fields marked")
    assert set(_errors_shown(window)) == {panel.email, panel.phone}
    assert not panel.outcome.text()
    replace_text(panel.email, "bao@example.vn")
    replace_text(panel.phone, "0912345678")
    assert _errors_shown(window) == {} and not panel.error.text()
    code = _receive(window)
    assert context.steps.record_by_code(code).applicant.email == "bao@example.vn"


# --- 4. someone files for the applicant: the authorisation letter is demanded ------------------


def test_a_proxy_must_bring_the_authorisation_letter(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    assert _result_shown(window, LETTER) == CheckResult.NOT_APPLICABLE.value

    # Her brother files for her: ticking the box makes the letter his case, accepted like the rest.
    tick_proxy(panel)
    assert panel.proxy_box.isChecked() and panel.proxy_name.isVisible()
    assert _result_shown(window, LETTER) == CheckResult.PASS.value and not cell(
        panel.table, LETTER, COL_REASON
    )
    tick_proxy(panel)  # not him after all: back to not applicable, with the reason
    assert _result_shown(window, LETTER) == CheckResult.NOT_APPLICABLE.value
    assert cell(panel.table, LETTER, COL_REASON)
    tick_proxy(panel)
    assert _result_shown(window, LETTER) == CheckResult.PASS.value
    type_text(panel.proxy_name, "Phạm Quốc Bảo")
    type_text(panel.proxy_id, "036092001234")
    # “Tất cả đều đạt” again, with the box ticked: the letter stays accepted.
    click(find_button(panel, "Tất cả đều đạt"))
    assert _result_shown(window, LETTER) == CheckResult.PASS.value

    shot(window, "hr2-1-proxy-letter-accepted")
    # He has no letter: the clerk says it does not apply, but it does: nothing is received.
    _pick_result(window, LETTER, CheckResult.NOT_APPLICABLE)
    type_row_reason(window, LETTER, "Không mang theo")
    click(panel.receive_button)
    wait_until(lambda: bool(panel.error.text()), 10_000, "why the dossier was not received")
    assert "Văn bản ủy quyền" in panel.error.text() and not panel.outcome.text()
    assert not context.lists.search("001195012345", now_vn())
    shot(window, "hr2-1-proxy-letter-demanded")

    # Incomplete instead: Mẫu 02 asks for the letter, and the database holds it as not brought.
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: bool(panel.outcome.text()), 30_000)
    request = pdf_text(newest_viewer(before).pdf)
    assert "Văn bản ủy quyền" in request
    code = dossier_code_from(panel.outcome.text())
    stored = {c.position: c for c in _components(context, code)}
    assert stored[LETTER].result == "missing" and stored[FORM].result == "pass"
    record = context.steps.record_by_code(code)
    assert record.status is DossierStatus.SUPPLEMENT_REQUESTED


# --- 5. the refusal's reason is read whole -----------------------------------------------------


def test_the_refusal_reason_wraps_in_its_box(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    reason = (
        "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã; công dân liên hệ "
        "Sở Tư pháp thành phố để được hướng dẫn nộp hồ sơ theo quy định"
    )
    seen: dict[str, object] = {}

    def type_a_long_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), describe(dialog)
        box = next(e for e in dialog.findChildren(QPlainTextEdit) if e.isVisible())
        box.setFocus()
        type_text(box, reason)
        QApplication.processEvents()
        seen["sideways"] = box.horizontalScrollBar().isVisible() or box.horizontalScrollBar().maximum() > 0
        seen["lines"] = box.document().firstBlock().layout().lineCount()
        shot(dialog, "hr2-5-refusal-reason")
        click(find_button(dialog, "Đồng ý"))

    modals.expect(type_a_long_reason)
    before = top_level(FormViewer)
    click(find_button(panel, "Từ chối (Mẫu 03)…"))
    newest_viewer(before)
    assert seen["sideways"] is False  # no horizontal scroll bar: the words fold onto the next line
    assert isinstance(seen["lines"], int) and seen["lines"] >= 2  # one paragraph, on several lines
    record = context.steps.record_by_code(dossier_code_from(panel.outcome.text()))
    assert record.status is DossierStatus.REFUSED and record.reasons[DossierStatus.REFUSED] == reason


# --- the walk after the first fixes: a citizen filing in person, sent back incomplete -----------


def test_a_citizen_in_person_sent_back_is_asked_for_no_letter_and_pays_nothing(qtbot, context, modals):
    """The clerk presses “Chưa đủ” without marking the rows: Mẫu 02 never asks a citizen who came
    in person for an authorisation letter, and no fee is taken for a dossier not received."""
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR)
    choose_procedure(window, "trich luc ho tich", "1.003583")  # 8.000 đồng, collected at reception
    assert panel.fee_mode.currentText() == "Thu khi tiếp nhận"
    before = top_level(FormViewer)
    press_and_wait(panel.supplement_button, lambda: bool(panel.outcome.text()), 30_000)
    request = newest_viewer(before)
    wait_until(lambda: bool(request.pdf), 10_000, "Mẫu 02")
    text = pdf_text(request.pdf).replace("\n", " ")
    assert "Tờ khai cấp bản sao trích lục hộ tịch" in text and "ủy quyền" not in text
    request.close()
    code = dossier_code_from(panel.outcome.text())
    letter = next(c for c in _components(context, code) if "ủy quyền" in c.name)
    assert letter.result == CheckResult.NOT_APPLICABLE.value
    with context.db.read() as session:
        dossier = session.scalar(select(models.Dossier).where(models.Dossier.code == code))
        assert dossier is not None and dossier.fee_amount == 8000 and dossier.fee_paid_at is None


def test_enter_takes_the_procedure_found_and_a_new_citizen_starts_afresh(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    # The clerk types the code and presses Enter at once, before the list has even been drawn.
    replace_text(panel.search, "1.003583")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    wait_until(lambda: panel.procedure is not None, 10_000, "the procedure chosen by Enter")
    assert panel.procedure is not None and panel.procedure.code == "1.003583"
    # The authorised person's fields are as wide as the applicant's: an address is read whole.
    tick_proxy(panel)
    assert panel.proxy_address.width() >= panel.address.width() - 30
    type_text(panel.name, "Lê Văn Tám")
    modals.expect(lambda box: click(find_button(box, "Xóa và nhập mới")))
    click(find_button(panel, "Công dân mới"))
    wait_until(lambda: panel.procedure is None, 5_000, "a fresh form")
    assert panel.search.text() == "" and panel.name.text() == ""


def test_wrong_fields_and_missing_papers_are_said_at_one_press(qtbot, context, modals):
    window = signed_in_counter(qtbot, context)
    panel = window.reception
    scan_citizen_card(window, QR_2)
    choose_procedure(window, "xac nhan tinh trang hon nhan", MARRIAGE_STATUS)
    click(find_button(panel, "Tất cả đều đạt"))
    set_row_result(window, FORM, "Chưa nộp")
    replace_text(panel.phone, "12345")
    click(panel.receive_button)
    wait_until(lambda: bool(panel.error.text()), 10_000, "what is wrong")
    assert set(_errors_shown(window)) == {panel.phone}
    form_name = context.catalogue.get(MARRIAGE_STATUS).components[FORM].name
    assert form_name in panel.error.text()  # the papers too, not only after a second press
    assert not panel.outcome.text()
