"""The steps a clerk takes in the counter window, each through the real widgets.

Each step clicks what the clerk clicks and waits for what the clerk waits for; none calls a slot,
``accept()`` or a service. Journeys compose them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TypeVar

from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionGroupBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counter_app.app import AppContext
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.counter.reception_panel import ReceptionPanel
from counter_app.ui.counter.scan_dialog import ScanDialog
from counter_app.ui.counter.step_dialogs import DecisionDialog, HandOverDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import counter_parts
from tests.journeys.helpers import top_level, wait_until
from tests.modals import Handler, Modals, click, describe
from tests.tables import row_with

LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying any text, as a keyboard or a keyboard-wedge scanner sends them.

    QTest.keyClicks sends only Latin-1 reliably; Vietnamese letters arrive as key events with text.
    """
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def replace_text(field: QLineEdit, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)


def pick_in_combo(combo: QComboBox, text: str) -> None:
    """Open the drop-down and click the entry, as a person does."""
    index = combo.findText(text)
    assert index >= 0, f"no “{text}” in the list: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    # Keyboard selection (Home, then Down n times) is what a drop-down answers on every platform.
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index


def click_list_item(widget: QListWidget, row: int) -> None:
    item = widget.item(row)
    widget.scrollToItem(item)
    QTest.mouseClick(widget.viewport(), LEFT, pos=widget.visualItemRect(item).center())


def click_table_row(table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    assert index.isValid(), f"no row {row}"
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())


def table_row_with(table: QTableView, text: str) -> int:
    """The row whose first cell starts with ``text``, as the person reads it; -1 when none does."""
    return row_with(table, text)


def open_tab(tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") == title:
            QTest.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
            assert tabs.currentIndex() == index
            return
    raise AssertionError(f"no tab “{title}”")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def newest_viewer(before: list[FormViewer], timeout_ms: int = 30_000) -> FormViewer:
    """The form window that opened since ``before`` was taken, with its pages drawn."""
    wait_until(
        lambda: any(v not in before for v in top_level(FormViewer)), timeout_ms, "the form window to open"
    )
    viewer = next(v for v in top_level(FormViewer) if v not in before)
    return viewer


# --- the kiosk and the queue ------------------------------------------------------------------


def take_ticket(kiosk: KioskWindow, area_code: str) -> str:
    """A citizen touches their area's button and reads the number, then touches "Done"."""
    wait_until(lambda: bool(kiosk.area_buttons) and not kiosk.issuing, 10_000, "the kiosk's areas")
    area = next(b for b in kiosk.area_buttons if b.text().split()[0] == area_code)  # "A    Hộ tịch…"
    before = kiosk.shown_ticket
    QTest.mouseClick(area, LEFT)
    wait_until(lambda: kiosk.shown_ticket is not before, 10_000, "the ticket")
    label = kiosk.ticket_number.text()
    QTest.mouseClick(kiosk.done_button, LEFT)
    return label


def step_on(table: QTableView, code: str, button: QAbstractButton, done: QLabel) -> None:
    """Pick the dossier's row in the list, press the step's button, wait for the step's outcome line."""
    wait_until(lambda: table_row_with(table, code) >= 0, 10_000, f"{code} in the list")
    click_table_row(table, table_row_with(table, code))
    before = done.text()
    press_and_wait(button, lambda: done.text() != before, 30_000)


def press_and_wait(button: QAbstractButton, done: object, timeout_ms: int = 20_000) -> None:
    """Click a button whose work runs on a worker; wait until ``done()`` says it finished."""
    assert button.isVisible(), f"“{button.text()}” is not on the screen"
    # As a person does: wait for the button to light up (the list refreshes after each step).
    wait_until(button.isEnabled, 10_000, f"“{button.text()}” to become clickable")
    QTest.mouseClick(button, LEFT)
    wait_until(done, timeout_ms, f"“{button.text()}” to finish")  # type: ignore[arg-type]


def call_next(window: CounterWindow) -> str:
    panel = window.queue
    before = panel.current.text()
    press_and_wait(panel.next_button, lambda: panel.current.text() != before)
    return panel.current.text()


# --- reception --------------------------------------------------------------------------------


def choose_procedure(window: CounterWindow, query: str, code: str) -> None:
    panel = window.reception
    replace_text(panel.search, query)
    wait_until(
        lambda: panel.results.count() > 0 and panel.results.item(0).text().startswith(code),
        10_000,
        f"the procedure {code} in the results",
    )
    click_list_item(panel.results, 0)
    wait_until(lambda: panel.procedure is not None and panel.procedure.code == code, 5_000, "the checklist")


def scan_citizen_card(window: CounterWindow, qr: str) -> None:
    """The clerk aims the 2D scanner at the chip card: it types the QR text and Enter."""
    panel = window.reception
    type_text(panel.qr_input, qr)
    QTest.keyClick(panel.qr_input, Qt.Key.Key_Return)


def tick_proxy(panel: ReceptionPanel) -> None:
    """The clerk clicks the check box in the title of “Người nộp thay (được ủy quyền)”."""
    box = panel.proxy_box
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    where = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxCheckBox, box
    )
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where.center())


def dossier_code_from(outcome: str) -> str:
    # "Đã lưu: hồ sơ CODE · …" (“Saved: dossier CODE · …” until a new line's translation is compiled)
    return re.split(r"(?:hồ sơ|dossier) ", outcome, maxsplit=1)[1].split(" ")[0]


# --- scanning ---------------------------------------------------------------------------------


def paper_image(path: Path, words: str) -> Path:
    """A page as a scanner would deliver it: a grey A5 page at 200 dpi with a line of text."""
    image = Image.new("L", (1165, 1654), 255)
    ImageDraw.Draw(image).text((120, 160), words, fill=0)
    image.save(path, dpi=(200, 200))
    return path


def import_into_open_row(dialog: ScanDialog, modals: Modals, file: Path) -> None:
    """Import from files… → Qt's file dialog → type the path → Open; then Save this paper."""

    def choose(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog), describe(file_dialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        type_text(name, str(file))
        box = file_dialog.findChild(QDialogButtonBox)
        assert box is not None
        open_button = box.button(QDialogButtonBox.StandardButton.Open)
        assert open_button is not None
        click(open_button)

    wait_until(lambda: dialog.import_button.isEnabled(), 20_000, "the scanning view to be ready")
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    modals.expect(choose)
    QTest.mouseClick(dialog.import_button, LEFT)
    wait_until(lambda: dialog.save_button.isEnabled(), 30_000, "the imported page")
    QTest.mouseClick(dialog.save_button, LEFT)
    wait_until(lambda: bool(saved), 60_000, "the paper to be saved as PDF/A")


def centre(widget: QWidget) -> QPoint:
    return widget.rect().center()


def choose_in_popup(text: str) -> None:
    """When a menu pops up (a button's menu, a context menu), click its entry that mentions ``text``."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        entries = [a for a in menu.actions() if text in a.text().replace("&", "")]
        assert entries, f"no “{text}” in the menu: {[a.text() for a in menu.actions()]}"
        assert entries[0].isEnabled(), f"“{text}” is greyed out"
        QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(entries[0]).center())

    QTimer.singleShot(20, pick)


def click_menu_button(button: QAbstractButton, entry: str) -> None:
    """A button that drops a menu down (“More…”, “Transfer…”): click it, then the entry."""
    wait_until(button.isEnabled, 10_000, f"“{button.text()}” to become clickable")
    choose_in_popup(entry)
    QTest.mouseClick(button, LEFT)


def set_row_result(window: CounterWindow, row: int, result_text: str) -> None:
    """The checklist's result column: the clerk picks “Not brought” or “Not acceptable” for a paper."""
    combo = window.reception.table.editor(row, 3)  # the drop-down open in the cell
    assert isinstance(combo, QComboBox)
    pick_in_combo(combo, result_text)


def type_row_reason(window: CounterWindow, row: int, reason: str) -> None:
    """The checklist's last column: the clerk double-clicks the cell, types why, presses Enter."""
    table = window.reception.table
    index = table.model().index(row, 4)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    # A double click is a click and then a second press: QTest's mouseDClick alone sends only the latter.
    QTest.mouseClick(table.viewport(), LEFT, pos=centre)
    QTest.mouseDClick(table.viewport(), LEFT, pos=centre)
    wait_until(lambda: isinstance(QApplication.focusWidget(), QLineEdit), 5_000, "the reason's field")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    type_text(editor, reason)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    wait_until(lambda: table.model().index(row, 4).data() == reason, 5_000, "the reason to be kept")


def signed_in_counter(qtbot: QtBot, context: AppContext, username: str = "canbo") -> CounterWindow:
    """The counter's window on screen with ``username`` signed in (the sign-in journey covers that door)."""
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.show()
    window.set_actor(context.staff.find(username))
    return window


# --- the dossier's steps ----------------------------------------------------------------------


def named(dialog: QWidget, kind: type[W], name: str) -> W:
    """A dialog's widget found by its objectName (new texts are translated only at release)."""
    found = dialog.findChild(kind, name)
    assert found is not None and found.isVisible(), f"no visible {name} in {describe(dialog)}"
    return found


def hand_over_to(recipient: str) -> list[Handler]:
    """The hand-over dialog: the clerk names who receives the dossier, then confirms the question."""

    def name_the_recipient(dialog: QWidget) -> None:
        assert isinstance(dialog, HandOverDialog), describe(dialog)
        line = named(dialog, QComboBox, "recipient").lineEdit()
        assert line is not None
        replace_text(line, recipient)
        click(named(dialog, QPushButton, "hand_over"))

    def confirm(box: QWidget) -> None:
        click(named(box, QPushButton, "confirm"))

    return [name_the_recipient, confirm]


def record_the_decision(number: str, outcome: str = "approved", reason: str = "") -> Handler:
    """The decision dialog: its number, today's date as offered, the outcome (and the refusal's reason)."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, DecisionDialog), describe(dialog)
        replace_text(named(dialog, QLineEdit, "number"), number)
        click(named(dialog, QRadioButton, outcome))
        if reason:
            type_text(named(dialog, QPlainTextEdit, "reason"), reason)
        click(named(dialog, QPushButton, "record"))

    return handle
