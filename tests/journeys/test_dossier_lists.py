"""Journeys: the clerk following dossiers in the dossier tab (issue 14).

The print menu offers only the forms that apply; part of a code finds the dossier; a double click
(or Enter, or “Details”) opens the dossier whole; the lists' filters and a received-date period
combine with the search.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDateEdit, QLabel, QMenu, QPushButton
from sqlalchemy import select

from counter_app.app import AppContext
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import CheckResult
from counter_app.services.dossier_lists import DossierList
from counter_app.storage import models
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.dossier_detail import DossierDetail
from counter_app.ui.counter.dossier_panel import DossierPanel
from counter_app.ui.counter.window import CounterWindow
from tests.journeys.counter_steps import (
    LEFT,
    click_table_row,
    newest_viewer,
    open_tab,
    pdf_text,
    replace_text,
    signed_in_counter,
    table_row_with,
)
from tests.journeys.helpers import demo_receipt, top_level, wait_until
from tests.journeys.helpers import shot as journey_shot
from tests.tables import column_texts, row_count

S = DossierStatus
REFUSAL_REASON = "Hồ sơ thuộc thẩm quyền giải quyết của Sở Tư pháp"
SUPPLEMENT_REASON = "Thiếu tờ khai có chữ ký của người yêu cầu"


def _dossier_tab(qtbot, context: AppContext) -> tuple[CounterWindow, DossierPanel]:
    window = signed_in_counter(qtbot, context)
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    return window, window.dossiers


def _pick_list(panel: DossierPanel, which: DossierList) -> None:
    """Open the list's drop-down and choose an entry with the keyboard, as on every platform."""
    combo = panel.findChild(QComboBox, "dossier-list")
    assert combo is not None and combo.isVisible()
    index = combo.findData(which.value)
    assert index >= 0
    before = panel.page
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index
    wait_until(lambda: panel.page is not before, 10_000, f"the list {which}")


def _search(panel: DossierPanel, text: str) -> None:
    replace_text(panel.search, text)  # the list follows 250 ms after the last key


def _codes(panel: DossierPanel) -> list[str]:
    return column_texts(panel.table, 0)


def _select(panel: DossierPanel, code: str) -> None:
    wait_until(lambda: table_row_with(panel.table, code) >= 0, 10_000, f"{code} in the list")
    click_table_row(panel.table, table_row_with(panel.table, code))


def _menu_entries(panel: DossierPanel, choose: str | None = None, shot: str = "") -> list[str]:
    """Drop the “Print a form…” menu down, read what it offers, click ``choose`` (or close it)."""
    seen: list[str] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read)
            return
        shown = [a for a in menu.actions() if a.isVisible()]
        seen.extend(a.text().replace("&", "") for a in shown)
        if shot:
            journey_shot(panel.window(), shot)
            journey_shot(menu, shot + "-menu")
        wanted = [a for a in shown if choose is not None and choose in a.text()]
        if wanted:
            QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(wanted[0]).center())
        else:
            menu.close()

    wait_until(panel.forms_button.isEnabled, 10_000, "“Print a form…” to become clickable")
    QTimer.singleShot(20, read)
    QTest.mouseClick(panel.forms_button, LEFT)
    wait_until(lambda: bool(seen), 5_000, "the print menu")
    return seen


def _forms_known_for(panel: DossierPanel, code: str) -> None:
    wait_until(
        lambda: panel.forms_for is not None and panel.forms_for[0] == panel.selected_id(),
        10_000,
        f"the forms of {code}",
    )


def test_the_print_menu_offers_only_the_forms_that_apply(qtbot, context, modals):
    clerk = context.staff.find("canbo")
    refused = context.intake.refuse(clerk, demo_receipt(context, 41), REFUSAL_REASON)
    received = context.intake.receive(clerk, demo_receipt(context, 42))
    _window, panel = _dossier_tab(qtbot, context)
    _pick_list(panel, DossierList.ALL)

    _select(panel, refused.code)
    _forms_known_for(panel, refused.code)
    before = top_level(FormViewer)
    assert _menu_entries(panel, choose="Mẫu 03") == ["Phiếu từ chối (Mẫu 03)"]
    refusal = pdf_text(newest_viewer(before).pdf)
    assert "TỪ CHỐI" in refusal.upper() and "Sở Tư pháp" in refusal

    _select(panel, received.code)
    _forms_known_for(panel, received.code)
    offered = _menu_entries(panel, shot="hd-print")
    assert [e for e in offered if "Mẫu" in e] == ["Giấy tiếp nhận (Mẫu 01)", "Phiếu kiểm soát (Mẫu 06)"], (
        offered
    )
    # A supplement, a refusal, an apology, a stop: none applies, none is offered with a blank reason.
    assert not any(n in e for e in offered for n in ("Mẫu 02", "Mẫu 03", "Mẫu 04", "Mẫu 05"))
    assert context.steps.record_by_code(received.code).status is S.RECEIVED
    assert context.steps.record_by_code(refused.code).reasons[S.REFUSED] == REFUSAL_REASON


def test_part_of_a_code_finds_the_dossier(qtbot, context, modals):
    clerk = context.staff.find("canbo")
    wanted = context.intake.receive(clerk, demo_receipt(context, 43))
    with context.db.read() as session:
        row = session.scalar(select(models.Dossier).where(models.Dossier.code == wanted.code))
        assert row is not None
        number, day = f"{row.running_number:04d}", f"{row.day:%y%m%d}"
    assert wanted.code.endswith(f"-{day}-{number}")
    _window, panel = _dossier_tab(qtbot, context)
    _pick_list(panel, DossierList.ALL)

    _search(panel, number)  # what the clerk reads off the end of the receipt's code
    wait_until(
        lambda: wanted.code in _codes(panel) and all(c.endswith(f"-{number}") for c in _codes(panel)),
        10_000,
        "the dossiers numbered so, that one among them",
    )

    _search(panel, f"{day}-{number}")
    wait_until(lambda: _codes(panel) == [wanted.code], 10_000, "only that dossier")
    journey_shot(panel.window(), "hd-search")


def test_a_double_click_opens_the_dossier_whole(qtbot, context, modals, tmp_path):
    from counter_app.imaging.scan_pages import process_page
    from tests.imaging.sample_pages import text_page

    clerk = context.staff.find("canbo")
    record = context.intake.receive(clerk, demo_receipt(context, 44))
    context.steps.hand_over(clerk, record.id, "Công chức Tư pháp - Hộ tịch", "Chuyển xử lý ngay")
    context.scans.attach(clerk, record.id, 0, [process_page(text_page(100), 100)])
    window, panel = _dossier_tab(qtbot, context)
    window.resize(1366, 768)
    _pick_list(panel, DossierList.ALL)
    wait_until(lambda: table_row_with(panel.table, record.code) >= 0, 10_000, "the dossier in the list")

    index = panel.table.model().index(table_row_with(panel.table, record.code), 0)
    centre = panel.table.visualRect(index).center()
    # A double click is a click and then a second press: QTest's mouseDClick alone sends only the latter.
    QTest.mouseClick(panel.table.viewport(), LEFT, pos=centre)
    QTest.mouseDClick(panel.table.viewport(), LEFT, pos=centre)
    wait_until(lambda: bool(top_level(DossierDetail)), 5_000, "the dossier's details")
    detail = top_level(DossierDetail)[-1]
    wait_until(lambda: detail.data is not None, 10_000, "the details to be read")
    heading = detail.findChild(QLabel, "detail-heading")
    citizen = detail.findChild(QLabel, "detail-citizen")
    assert heading is not None and citizen is not None
    assert record.code in heading.text() and "Đang xử lý" in heading.text()
    assert "Công dân số 44" in citizen.text() and record.applicant.id_number in citizen.text()
    stored = context.steps.record(record.id)
    papers = detail.papers
    assert row_count(papers) == len(stored.rows)
    header = papers.horizontalHeader()
    for column in range(papers.model().columnCount()):  # every caption whole
        caption = str(papers.model().headerData(column, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(caption) < header.sectionSize(column), caption
    assert column_texts(papers, 0) == [r.name for r in stored.rows]
    assert column_texts(detail.steps, 2) == [e.staff_name for e in stored.history]
    notes = column_texts(detail.steps, 3)
    assert "Chuyển xử lý ngay\nBên nhận: Công chức Tư pháp - Hộ tịch" in notes
    forms_shown = detail.findChild(QLabel, "detail-forms")
    assert forms_shown is not None and "Mẫu 01" in forms_shown.text() and "Mẫu 03" not in forms_shown.text()
    province = detail.findChild(QLabel, "detail-province")
    assert province is not None and province.text()
    journey_shot(window, "hd-detail-window")
    journey_shot(detail, "hd-detail")

    # The first paper was scanned: its pages open in the viewer.
    click_table_row(papers, 0)
    open_scan = detail.findChild(QPushButton, "detail-open-scan")
    assert open_scan is not None
    wait_until(open_scan.isEnabled, 5_000, "“Open the scan” to become clickable")
    before = top_level(FormViewer)
    QTest.mouseClick(open_scan, LEFT)
    viewer = newest_viewer(before)
    assert viewer.pdf[:5] == b"%PDF-"
    viewer.close()

    close = detail.findChild(QPushButton, "detail-close")
    assert close is not None
    QTest.mouseClick(close, LEFT)
    wait_until(lambda: not top_level(DossierDetail), 5_000, "the details to close")
    # Read-only: nothing changed.
    assert context.steps.record(record.id).history == stored.history

    # Enter on the selected row opens it too; so does “Details”.
    click_table_row(panel.table, table_row_with(panel.table, record.code))
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    wait_until(lambda: bool(top_level(DossierDetail)), 5_000, "the details by Enter")
    top_level(DossierDetail)[-1].close()
    details = panel.findChild(QPushButton, "dossier-details")
    assert details is not None
    QTest.mouseClick(details, LEFT)
    wait_until(lambda: bool(top_level(DossierDetail)), 5_000, "the details by the button")


def _set_date(edit: QDateEdit, day: date) -> None:
    """The clerk types the date over the field's: dd/MM/yyyy."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Home)
    for _ in range(2):  # the day's two digits selected: typing replaces them, then moves on
        QTest.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(edit, f"{day:%d%m%Y}")
    wait_until(lambda: edit.date() == QDate(day.year, day.month, day.day), 2_000, f"the date {day}")


def test_filters_and_a_date_range_combine_with_the_search(qtbot, context, modals):
    clerk = context.staff.find("canbo")
    refused = context.intake.refuse(clerk, demo_receipt(context, 45), REFUSAL_REASON)
    request = demo_receipt(context, 46)
    lacking = replace(request, rows=[replace(request.rows[0], result=CheckResult.MISSING), *request.rows[1:]])
    waiting = context.intake.request_supplement_at_reception(clerk, lacking, SUPPLEMENT_REASON)
    window, panel = _dossier_tab(qtbot, context)
    window.resize(1366, 768)

    _pick_list(panel, DossierList.SUPPLEMENT)
    wait_until(lambda: _codes(panel) == [waiting.code], 10_000, "the dossier waiting for papers")
    _pick_list(panel, DossierList.REFUSED)
    wait_until(lambda: _codes(panel) == [refused.code], 10_000, "the refused dossier")
    _pick_list(panel, DossierList.ALL)
    wait_until(lambda: row_count(panel.table) >= 3, 10_000, "every dossier")

    # Received from/to: today only (Vietnam's date) hides the demo's older dossiers.
    dated = panel.findChild(QCheckBox, "dossier-dated")
    start, end = panel.findChild(QDateEdit, "dossier-from"), panel.findChild(QDateEdit, "dossier-to")
    assert dated is not None and start is not None and end is not None
    today = context.intake.clock().date()
    before = panel.page
    QTest.mouseClick(dated, LEFT)
    wait_until(lambda: dated.isChecked() and panel.page is not before, 10_000, "the dated list")
    _set_date(start, today)
    _set_date(end, today)
    wait_until(lambda: not panel._debounce.isActive(), 5_000, "the dates to settle")
    with context.db.read() as session:
        received_today = set(session.scalars(select(models.Dossier.code).where(models.Dossier.day == today)))
    wait_until(lambda: set(_codes(panel)) == received_today, 10_000, "today's dossiers only")
    assert {refused.code, waiting.code} <= received_today

    # With the search: the refused list, today, the refused one's number.
    _pick_list(panel, DossierList.REFUSED)
    number = refused.code.rsplit("-", 1)[1]
    replace_text(panel.search, number)
    wait_until(lambda: _codes(panel) == [refused.code], 10_000, "the refused dossier by its number")
    replace_text(panel.search, waiting.code.rsplit("-", 1)[1])  # not refused: not in this list
    hint = panel.findChild(QLabel, "dossier-hint")
    assert hint is not None
    wait_until(lambda: row_count(panel.table) == 0 and bool(hint.text()), 10_000, "nothing, and a hint")
    journey_shot(panel, "hd-filters-panel")
    _pick_list(panel, DossierList.SUPPLEMENT)
    wait_until(lambda: _codes(panel) == [waiting.code], 10_000, "the waiting dossier by its number")
    journey_shot(window, "hd-filters")

    # Nothing refused bears that number: “Search all dossiers” drops the list and the dates.
    _pick_list(panel, DossierList.REFUSED)
    everywhere = panel.findChild(QPushButton, "dossier-search-all")
    assert everywhere is not None
    wait_until(everywhere.isVisible, 10_000, "“Search all dossiers”")
    QTest.mouseClick(everywhere, LEFT)
    wait_until(lambda: waiting.code in _codes(panel), 10_000, "the dossier found in every list")
    assert not dated.isChecked() and DossierList(panel.which.currentData()) is DossierList.ALL
    assert not everywhere.isVisible()
    assert context.steps.record_by_code(waiting.code).status is S.SUPPLEMENT_REQUESTED
