"""Journey: the counter on the clerk's own screen, 1366×768 with a window frame and a task bar.

What the clerk reads must be there whole: the window and its status bar, the checklist's
captions, a full Vietnamese name in its field, more than three procedures while searching,
every line of a procedure's checklist, and a form's whole A4 width.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from counter_app.ui.common.form_viewer import FRAME_ALLOWANCE, FormViewer
from counter_app.ui.counter.checklist_table import COL_KIND
from counter_app.ui.counter.dossier_panel import RegisterDialog
from counter_app.ui.counter.reception_panel import ReceptionPanel
from counter_app.ui.counter.window import CounterWindow
from tests.journeys.counter_steps import (
    choose_procedure,
    newest_viewer,
    open_tab,
    pick_in_combo,
    replace_text,
    signed_in_counter,
    tick_proxy,
    type_text,
)
from tests.journeys.helpers import demo_receipt, shot, top_level, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count

# A 1366×768 screen less a 40-pixel task bar and a Windows 10 frame (8 each side, 31 title bar).
CLIENT_WIDTH, CLIENT_HEIGHT = 1366 - 16, 768 - 40 - 31 - 8
FULL_NAME = "Nguyễn Thị Phương Thảo Nguyên"


def counter_on_a_small_screen(qtbot, context) -> CounterWindow:
    window = signed_in_counter(qtbot, context)
    window.resize(CLIENT_WIDTH, CLIENT_HEIGHT)
    wait_until(lambda: window.size().width() == CLIENT_WIDTH, what="the window at the screen's size")
    return window


def text_room(field: QLineEdit) -> int:
    """The width a line edit gives its text (its frame and margins taken away)."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    inner: QRect = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return inner.width() - margins.left() - margins.right() - 4  # Qt's own horizontal margin, both sides


def test_the_reception_fits_a_1366_by_768_screen_with_everything_readable(qtbot, context):
    window = counter_on_a_small_screen(qtbot, context)
    panel = window.reception

    # The whole window fits, its status bar (database, printer, province) inside it.
    hint = window.minimumSizeHint()
    assert hint.width() <= CLIENT_WIDTH and hint.height() <= CLIENT_HEIGHT, hint
    bar = window.statusBar()
    assert bar.isVisible() and window.rect().contains(bar.geometry())

    # A full Vietnamese name is read whole in its field.
    type_text(panel.name, FULL_NAME)
    assert panel.name.fontMetrics().horizontalAdvance(FULL_NAME) <= text_room(panel.name)

    # Searching shows more than three procedures at once.
    replace_text(panel.search, "cap")
    wait_until(lambda: panel.results.count() >= 6, what="the procedures found")
    row_height = panel.results.sizeHintForRow(0)
    assert panel.results.isVisible()
    assert panel.results.viewport().height() >= 6 * row_height

    # Chosen: the list folds away and the checklist has its room; every line is in sight.
    choose_procedure(window, "1.004873", "1.004873")
    assert not panel.results.isVisible()
    table = panel.table
    model = table.model()

    def every_line_in_sight() -> bool:
        return all(
            table.rowViewportPosition(row) >= 0
            and table.rowViewportPosition(row) + table.rowHeight(row) <= table.viewport().height()
            for row in range(model.rowCount())
        )

    # The layout gives the folded list's height to the checklist on its next pass.
    wait_until(every_line_in_sight, 3_000, "every line of the checklist in sight")

    # No caption is cut: each line of each header fits its column, and nothing scrolls sideways.
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        caption = str(model.headerData(column, Qt.Orientation.Horizontal))
        widest = max(metrics.horizontalAdvance(line) for line in caption.split("\n"))
        assert widest <= header.sectionSize(column) - 8, (
            f"“{caption}” cut in a {header.sectionSize(column)} column"
        )
    assert header.length() <= table.viewport().width()

    # "Bản sao chứng thực" is read whole in the paper-kind drop-down.
    kind = table.indexWidget(model.index(1, COL_KIND))
    assert isinstance(kind, QComboBox)
    longest = max(kind.itemText(i) for i in range(kind.count()))
    assert "Bản sao chứng thực" in [kind.itemText(i) for i in range(kind.count())]
    assert kind.width() >= kind.sizeHint().width(), longest

    # No button's words are cut: the queue's, the reception's, the checklist's.
    for pressable in window.findChildren(QPushButton):
        if pressable.isVisible() and pressable.text():
            words = pressable.text().replace("&", "")
            assert pressable.fontMetrics().horizontalAdvance(words) <= pressable.width() - 8, words

    # The reception's own buttons are all inside the window.
    for button in (panel.receive_button, panel.supplement_button, panel.refuse_button, panel.clear_button):
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner), button.text()

    # Typing in the search again brings the list back.
    replace_text(panel.search, "khai sinh")
    assert panel.results.isVisible()


def test_a_form_is_shown_a_whole_page_wide_and_within_the_screen(qtbot, context, modals):
    window = counter_on_a_small_screen(qtbot, context)
    open_tab(window.dossier_area, "Theo dõi hồ sơ")

    def show_register(dialog: QWidget) -> None:
        assert isinstance(dialog, RegisterDialog), describe(dialog)
        click(find_button(dialog, "Xem sổ"))

    # The register (Mẫu 07) is the widest form: an A4 page on its side.
    modals.expect(show_register)
    before = top_level(FormViewer)
    click(find_button(window.dossiers, "Sổ theo dõi (Mẫu 07)…"))
    viewer = newest_viewer(before)
    wait_until(lambda: viewer.status.text().endswith("trang"), 30_000, "the pages drawn")
    room = viewer.screen().availableGeometry()
    scroll = viewer.findChild(QScrollArea)
    assert scroll is not None
    holder = scroll.widget()
    assert holder is not None
    pages = [label for label in holder.findChildren(QLabel) if label.pixmap() and not label.pixmap().isNull()]
    assert pages
    page_width = max(label.width() for label in pages)
    # A landscape A4 page at 96 dpi is 1123 pixels: all of it in sight on a 1366-pixel screen …
    assert page_width >= 1120
    assert scroll.viewport().width() >= page_width, "the page's right edge is hidden"
    # … and the window, its title bar and its buttons within the screen above the task bar.
    frame = viewer.frameGeometry()
    title_bar = FRAME_ALLOWANCE if frame == viewer.geometry() else 0  # none drawn offscreen
    assert room.contains(frame) and frame.height() + title_bar <= room.height(), (frame, room)
    close = find_button(viewer, "Đóng")
    assert room.contains(close.mapToGlobal(close.rect().bottomRight()))


def test_every_cell_of_the_dossier_list_is_read_whole(qtbot, context):
    # Beside the demo's dossiers, one with a long name for a long procedure, in a long state.
    clerk = context.staff.find("canbo")
    assert clerk is not None
    long_one = demo_receipt(context, 77, "1.001776")
    long_one = replace(long_one, applicant=replace(long_one.applicant, name="Tôn Nữ Thị Phương Thảo Nguyên"))
    context.intake.receive(clerk, long_one)
    window = counter_on_a_small_screen(qtbot, context)
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    dossiers = window.dossiers
    pick_in_combo(dossiers.which, "Tất cả hồ sơ")
    wait_until(lambda: row_count(dossiers.table) >= 3, 10_000, "the dossiers listed")
    table = dossiers.table
    model = table.model()
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), "the list scrolls sideways"
    for column in range(model.columnCount()):
        caption = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert metrics.horizontalAdvance(caption) <= header.sectionSize(column), caption
    # Qt draws a cell's text inside its focus frame's margin, on both sides.
    text_margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for row in range(row_count(table)):
        for column in range(model.columnCount()):
            text = cell(table, row, column)
            room = QRect(0, 0, table.columnWidth(column) - text_margins, 10_000)
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text)
            # No word wider than its column, and the wrapped lines within the row's height.
            assert needed.width() <= room.width(), f"“{text}” is cut in column {column}"
            assert needed.height() <= table.rowHeight(row), f"“{text}” is cut below in row {row}"


def _fields_cut(panel: ReceptionPanel) -> list[str]:
    """The fields of the “Người nộp” column whose right edge is cut by the scroll area's viewport."""
    viewport = panel.applicant_scroll.viewport()
    column = panel.applicant_scroll.widget()
    assert column is not None
    cut = []
    for field in column.findChildren(QLineEdit):
        if not field.isVisible():
            continue
        right = field.mapTo(viewport, field.rect().topRight()).x()
        if right >= viewport.width():
            cut.append(
                f"{field.objectName() or field.placeholderText() or id(field)}: {right} ≥ {viewport.width()}"
            )
    return cut


def test_the_applicant_column_cuts_no_field_with_errors_and_the_proxy_shown(qtbot, context):
    window = counter_on_a_small_screen(qtbot, context)
    panel = window.reception
    choose_procedure(window, "xac nhan tinh trang hon nhan", "1.004873")
    tick_proxy(panel)
    type_text(panel.proxy_id, "123")
    type_text(panel.id_number, "00119501234")  # eleven digits
    type_text(panel.birth, "31/02/1995")
    type_text(panel.phone, "0912")
    type_text(panel.email, "anh@")
    click(panel.receive_button)
    wait_until(lambda: panel.field_errors[panel.proxy_id].text() != "", 10_000, "the fields marked")
    qtbot.wait(50)  # the column laid out again
    shot(window, "hr2-2-errors-and-proxy")
    scroll = panel.applicant_scroll
    assert scroll.verticalScrollBar().isVisible()  # taller than the screen: it scrolls …
    assert _fields_cut(panel) == []  # … and every field is whole beside the scroll bar
    for label in panel.field_errors.values():  # a long error folds into lines, never cut
        if label.text():
            assert label.mapTo(scroll.viewport(), label.rect().topRight()).x() < scroll.viewport().width()

    # The clerk corrects the first field: its error line keeps its room, the next field stays put.
    below = panel.birth.mapTo(panel, panel.birth.rect().topLeft())
    type_text(panel.id_number, "5")
    qtbot.wait(50)
    assert panel.field_errors[panel.id_number].text() == ""
    shot(window, "hr2-3-room-kept")
    assert panel.birth.mapTo(panel, panel.birth.rect().topLeft()) == below
    # The next submit (or a new citizen) gives the room back.
    click(panel.receive_button)
    wait_until(lambda: not panel.field_errors[panel.id_number].isVisible(), 10_000, "the room given back")
