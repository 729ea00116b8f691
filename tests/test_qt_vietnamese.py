"""Qt's own words in Vietnamese: file dialogs, standard buttons, text menus (translations/qtbase_vi.ts).

Qt ships no Vietnamese; qtbase_vi.ts holds the Qt 6 strings this program can show, under Qt's own
contexts, and counter_app.ui.i18n installs it beside the program's own translation.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.ui import i18n
from counter_app.ui.common.file_dialogs import (
    CATALOGUE_FILE_NAME,
    FEE_RECEIPT_TITLE,
    file_dialog_options,
    form_file_name,
    late_list_file_name,
    register_file_name,
    slug,
)
from counter_app.ui.i18n import install_translation, load_qt_translator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"
QM = ROOT / "resources" / "translations" / "qtbase_vi.qm"
BIN = Path(sys.executable).parent
SB = QDialogButtonBox.StandardButton


@pytest.fixture(scope="module")
def vietnamese(qapp: QApplication) -> Iterator[QApplication]:
    """The interface in Vietnamese, as tests/ui's session fixture has it; the state before comes back."""
    saved = (list(i18n._installed), i18n._language[0], QLocale())
    install_translation(qapp, "vi")
    yield qapp
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed[:] = saved[0]
    for translator in saved[0]:
        qapp.installTranslator(translator)
    i18n._language[0] = saved[1]
    QLocale.setDefault(saved[2])


def plain(text: str) -> str:
    """What a person reads: no accelerator marks, no shortcut after the tab."""
    return text.split("\t")[0].replace("&", "")


def _texts(widgets: Sequence[QAbstractButton]) -> list[str]:
    return [plain(w.text()) for w in widgets if w.isVisible()]


def _while_open(trigger: Callable[[], object], read: Callable[[QWidget], None]) -> None:
    """``trigger`` opens a popup menu or a modal dialog; ``read`` looks at it, then it is closed.

    A blocking ``exec()`` is looked at from a timer inside its own event loop; a menu Qt only pops up
    (``popup()``) is still open when ``trigger`` returns. The timer stops with the trigger, so it
    cannot touch another test's windows.
    """
    done: list[bool] = []

    def look() -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None or done:
            return
        done.append(True)
        try:
            read(widget)
        finally:
            widget.close()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    try:
        trigger()
        look()
    finally:
        timer.stop()
    assert done, "nothing opened"


# --- the translation file ---------------------------------------------------------------------------


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_every_qt_message_is_finished_nfc_and_keeps_placeholders_and_accelerators():
    messages = _messages()
    assert len(messages) > 250
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        assert translation.get("type") is None and text.strip(), where  # finished, not empty
        assert text == unicodedata.normalize("NFC", text), where
        assert sorted(re.findall(r"%(?:\d+|n)", source)) == sorted(re.findall(r"%(?:\d+|n)", text)), where
        assert _accelerators(source) == _accelerators(text), where
        assert source.count("\n") == text.count("\n"), where
        assert (source != source.rstrip()) == (text != text.rstrip()), where  # "Show " keeps its space


def test_qt_contexts_and_sources_are_unique():
    keys = [(context, source) for context, source, _ in _messages()]
    assert len(keys) == len(set(keys))


def test_qt_compiled_file_is_up_to_date(tmp_path):
    out = tmp_path / "qtbase_vi.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=60
    )
    assert out.read_bytes() == QM.read_bytes(), "run 'make translations'"


def test_every_qt_message_is_found_by_the_installed_translator(vietnamese):
    missed = [
        (context, source)
        for context, source, _ in _messages()
        if QCoreApplication.translate(context, source) == source
    ]
    assert not missed


# --- loading ----------------------------------------------------------------------------------------


def test_english_removes_qt_s_vietnamese_and_vietnamese_brings_it_back(vietnamese):
    box = QDialogButtonBox(SB.Ok | SB.Cancel)
    assert plain(box.button(SB.Ok).text()) == "Đồng ý"
    try:
        install_translation(vietnamese, "en")
        assert QDialogButtonBox(SB.Ok).button(SB.Ok).text() == "OK"
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    finally:
        install_translation(vietnamese, "vi")
    assert QDialogButtonBox(SB.Ok).button(SB.Ok).text() == "Đồng ý"


def test_a_missing_qt_translation_is_logged(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("COUNTER_APP_RESOURCES", str(tmp_path))
    assert load_qt_translator("vi") is None
    assert "qtbase_vi.qm" in caplog.text and "missing" in caplog.text
    assert load_qt_translator("en") is None


# --- the widgets, as they show ------------------------------------------------------------------------


def _file_dialog(folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "Lưu", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    return dialog


def test_open_file_dialog_reads_vietnamese(vietnamese, qtbot, tmp_path):
    (tmp_path / "thu-muc").mkdir()
    dialog = _file_dialog(tmp_path, QFileDialog.AcceptMode.AcceptOpen)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): plain(label.text()) for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "Tìm trong:"
    assert labels["fileNameLabel"] == "Tên tệp:"
    assert labels["fileTypeLabel"] == "Loại tệp:"
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    assert sorted(_texts(box.buttons())) == ["Hủy", "Mở"]
    tips = {button.objectName(): button.toolTip() for button in dialog.findChildren(QToolButton)}
    assert tips["backButton"] == "Quay lại"
    assert tips["forwardButton"] == "Tiến tới"
    assert tips["toParentButton"] == "Thư mục cha"
    assert tips["newFolderButton"] == "Tạo thư mục mới"
    assert tips["listModeButton"] == "Xem dạng danh sách"
    assert tips["detailModeButton"] == "Xem chi tiết"
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    sidebar = dialog.findChild(QListView, "sidebar")
    assert sidebar is not None
    places = [sidebar.model().index(row, 0).data() for row in range(sidebar.model().rowCount())]
    assert "Máy tính" in places
    # The folder's type in the detail view, once Qt's file system thread has listed it.
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) > 0, timeout=10_000)
    row = model.index(0, 2, view.rootIndex())
    assert row.data() == "Thư mục"


def test_save_dialog_asks_in_vietnamese_before_replacing_a_file(vietnamese, qtbot, tmp_path):
    (tmp_path / "so-theo-doi-ho-so.pdf").write_bytes(b"%PDF-1.4")
    dialog = _file_dialog(tmp_path, QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None and sorted(_texts(box.buttons())) == ["Hủy", "Lưu"]
    dialog.selectFile(str(tmp_path / "so-theo-doi-ho-so.pdf"))
    seen: list[tuple[str, list[str]]] = []

    def read(question: QWidget) -> None:
        assert isinstance(question, QMessageBox), type(question)
        seen.append((question.text(), sorted(_texts(question.buttons()))))

    _while_open(dialog.accept, read)  # the question is modal; closing it answers No
    assert seen == [
        ("so-theo-doi-ho-so.pdf đã tồn tại.\nBạn có muốn thay thế tệp này không?", ["Có", "Không"])
    ]
    assert dialog.isVisible()  # not replaced


def test_message_box_standard_buttons_and_details(vietnamese, qtbot):
    buttons = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Warning, "Cảnh báo", "Có lỗi.", buttons)
    box.setDetailedText("chi tiết")
    box.setWindowModality(Qt.WindowModality.NonModal)
    qtbot.addWidget(box)
    box.show()
    shown = box.findChildren(QPushButton)
    texts = _texts(shown)
    assert "Đồng ý" in texts and "Hủy" in texts
    details = next(b for b in shown if plain(b.text()) == "Hiện chi tiết…")
    details.click()
    assert plain(details.text()) == "Ẩn chi tiết…"


def test_every_standard_button_reads_vietnamese(vietnamese):
    expected = {
        SB.Ok: "Đồng ý",
        SB.Save: "Lưu",
        SB.SaveAll: "Lưu tất cả",
        SB.Open: "Mở",
        SB.Yes: "Có",
        SB.YesToAll: "Có với tất cả",
        SB.No: "Không",
        SB.NoToAll: "Không với tất cả",
        SB.Abort: "Hủy bỏ",
        SB.Retry: "Thử lại",
        SB.Ignore: "Bỏ qua",
        SB.Close: "Đóng",
        SB.Cancel: "Hủy",
        SB.Discard: "Bỏ đi",
        SB.Help: "Trợ giúp",
        SB.Apply: "Áp dụng",
        SB.Reset: "Đặt lại",
        SB.RestoreDefaults: "Khôi phục mặc định",
    }
    for button, text in expected.items():
        box = QDialogButtonBox(button)
        assert plain(box.button(button).text()) == text, button


def test_input_dialog_and_wizard_buttons(vietnamese, qtbot):
    asking = QInputDialog()
    asking.setWindowModality(Qt.WindowModality.NonModal)
    qtbot.addWidget(asking)
    asking.show()
    assert sorted(_texts(asking.findChildren(QPushButton))) == ["Hủy", "Đồng ý"]
    assert asking.findChild(QLabel).text() == "Nhập giá trị:"  # type: ignore[union-attr]

    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.setOption(QWizard.WizardOption.HaveHelpButton)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    qtbot.addWidget(wizard)
    button = QWizard.WizardButton
    assert plain(wizard.button(button.BackButton).text()) == "< Quay lại"
    assert plain(wizard.button(button.NextButton).text()) == "Tiếp theo >"
    assert plain(wizard.button(button.FinishButton).text()) == "Hoàn tất"
    assert plain(wizard.button(button.CancelButton).text()) == "Hủy"
    assert plain(wizard.button(button.CommitButton).text()) == "Xác nhận"
    assert plain(wizard.button(button.HelpButton).text()) == "Trợ giúp"


EDIT_MENU = ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]


def _menu_texts(menu: QMenu) -> list[str]:
    return [plain(action.text()) for action in menu.actions() if not action.isSeparator()]


def test_text_field_context_menus(vietnamese, qtbot):
    line = QLineEdit("chữ")
    qtbot.addWidget(line)
    assert _menu_texts(line.createStandardContextMenu()) == EDIT_MENU
    box = QPlainTextEdit("chữ")
    qtbot.addWidget(box)
    assert _menu_texts(box.createStandardContextMenu()) == EDIT_MENU
    # Accelerators keep an ASCII letter, typed with Alt without a Vietnamese keyboard.
    marks = [
        re.search(r"&(.)", a.text()) for a in line.createStandardContextMenu().actions() if "&" in a.text()
    ]
    assert all(m is not None and m.group(1).isascii() for m in marks)


def _context_menu(widget: QWidget) -> list[str]:
    """The texts of the menu a right click on ``widget`` opens."""
    seen: list[list[str]] = []
    point = QPoint(4, 4)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    _while_open(
        lambda: QApplication.sendEvent(widget, event),
        lambda menu: seen.append(_menu_texts(menu) if isinstance(menu, QMenu) else [type(menu).__name__]),
    )
    return seen[0]


def test_date_edit_and_scroll_bar_context_menus(vietnamese, qtbot):
    day = QDateEdit(QDate(2025, 3, 8))
    day.setCalendarPopup(True)
    day.setDisplayFormat("dd/MM/yyyy")
    qtbot.addWidget(day)
    day.show()
    texts = _context_menu(day)
    assert {"Hoàn tác", "Sao chép", "Dán", "Chọn tất cả", "Tăng lên", "Giảm xuống"} <= set(texts), texts
    # The calendar popup takes its words from the Vietnamese locale set beside the translators.
    calendar = day.calendarWidget()
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month is not None and month.text() == "Tháng 3"
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert view is not None
    days = {view.model().index(0, column).data() for column in range(view.model().columnCount())}
    assert {"Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"} <= days, days

    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.resize(20, 200)
    qtbot.addWidget(bar)
    bar.show()
    assert _context_menu(bar) == [
        "Cuộn đến đây",
        "Trên cùng",
        "Dưới cùng",
        "Lên một trang",
        "Xuống một trang",
        "Cuộn lên",
        "Cuộn xuống",
    ]


# --- what the program's own dialogs offer ---------------------------------------------------------------


def test_default_file_names_are_vietnamese_words_in_plain_ascii():
    assert CATALOGUE_FILE_NAME == "danh-muc-thu-tuc.json"
    assert (
        form_file_name("000.00.06.H56-231027-0361", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
        == "000.00.06.H56-231027-0361_giay-tiep-nhan-ho-so-va-hen-tra-ket-qua.pdf"
    )
    assert form_file_name("H56/2025 01", FEE_RECEIPT_TITLE) == "H56-2025-01_bien-lai-thu-phi-le-phi.pdf"
    assert (
        register_file_name(date(2025, 1, 1), date(2025, 1, 31))
        == "so-theo-doi-ho-so-2025-01-01-den-2025-01-31.pdf"
    )
    assert (
        register_file_name(date(2025, 1, 1), date(2025, 1, 31), "Hộ tịch")
        == "so-theo-doi-ho-so-ho-tich-2025-01-01-den-2025-01-31.pdf"
    )
    assert late_list_file_name(date(2025, 2, 1)) == "danh-sach-ho-so-tre-han-2025-02.pdf"
    assert slug("Đăng ký khai sinh") == "dang-ky-khai-sinh"
    assert len(slug("Thành lập và hoạt động của hợp tác xã, liên hiệp hợp tác xã " * 3)) <= 60


def test_file_dialogs_are_qt_s_own_off_windows():
    expected = QFileDialog.Option(0) if sys.platform == "win32" else QFileDialog.Option.DontUseNativeDialog
    assert file_dialog_options() == expected


def test_every_static_file_dialog_passes_the_options():
    """A static QFileDialog call without ``options=file_dialog_options()`` opens the desktop's own
    dialog on Linux, in the desktop's language."""
    missing = []
    for path in sorted((ROOT / "counter_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QFileDialog"
                and node.func.attr.startswith("get")
            ):
                options = [k for k in node.keywords if k.arg == "options"]
                if not options or "file_dialog_options" not in ast.unparse(options[0].value):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing, f"pass options=file_dialog_options() (counter_app.ui.common.file_dialogs): {missing}"


def test_no_file_name_is_proposed_outside_file_dialogs():
    """Default file names come from counter_app.ui.common.file_dialogs, in Vietnamese: not from an
    English f-string such as ``f"{code}_receipt.pdf"`` in a window."""
    found = []
    for path in sorted((ROOT / "counter_app" / "ui").rglob("*.py")):
        if path.name == "file_dialogs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):  # f"{code}_receipt.pdf", f"{name}.pdf"
                text = ast.unparse(node)
                named = re.search(r"\.(pdf|json|csv|png)['\"]$", text) is not None
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):  # "catalogue.json"
                text = node.value
                named = re.search(r"\w\.(pdf|json|csv|png)$", text) is not None
            else:
                continue
            if named:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text}")
    assert not found
