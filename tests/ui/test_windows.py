"""The three windows and the dialogs, driven as a person would, offscreen."""

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QLayout, QMessageBox, QPushButton

from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import counter_parts, display_parts, kiosk_parts
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.settings_dialog import SettingsDialog


def _results(window: CounterWindow) -> list[str]:
    panel = window.catalogue_panel
    return [panel.results.item(i).text() for i in range(panel.results.count())]


def test_counter_search_without_diacritics_shows_the_checklist(qtbot, context):
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    clerk = context.staff.find("canbo")
    with qtbot.waitSignal(window.catalogue_panel.results_shown, timeout=10_000):
        window.set_actor(clerk)
    assert window.windowTitle().startswith("Quầy số 1")
    assert (
        "Nguyễn Thị Hồng Nhung" in window.user_status.text()
        and "Cán bộ tiếp nhận" in window.user_status.text()
    )
    assert window.database_status.text().startswith("Cơ sở dữ liệu: SQLite")
    assert not window.settings_action.isEnabled()  # a clerk cannot change office settings
    with qtbot.waitSignal(window.catalogue_panel.results_shown, timeout=10_000):
        qtbot.keyClicks(window.catalogue_panel.search, "dang ky khai sinh")
    assert _results(window)[0].startswith("Đăng ký khai sinh")
    details = window.catalogue_panel.details.toPlainText()
    assert "Giấy chứng sinh" in details
    assert "Không được yêu cầu thêm giấy tờ ngoài danh sách này." in details
    assert "Nếu nộp ngay bây giờ, hẹn trả kết quả lúc" in details


def test_counter_field_filter(qtbot, context):
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.catalogue_panel.results_shown, timeout=10_000):
        window.set_actor(context.staff.find("quantri"))
    assert window.settings_action.isEnabled()
    combo = window.catalogue_panel.field
    index = next(i for i in range(combo.count()) if combo.itemData(i) == "CT")
    with qtbot.waitSignal(window.catalogue_panel.results_shown, timeout=10_000):
        combo.setCurrentIndex(index)
    assert _results(window) and all("Chứng thực" in text for text in _results(window))


def test_login_refuses_a_wrong_password_then_signs_in(qtbot, context):
    dialog = LoginDialog(context.staff, context.settings.office.name)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, "sai")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu.", timeout=10_000)
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "canbo123")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert dialog.member is not None and dialog.member.username == "canbo"


def test_settings_dialog_validates_before_saving(qtbot, context, tmp_path):
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(context.settings, path, scanners=context.scanner_setup, desk=context.desk)
    qtbot.addWidget(dialog)
    dialog.office_code.setText("mã sai")
    dialog.save()
    assert "không phải mã định danh điện tử" in dialog.error.text()
    assert not path.exists()
    dialog.office_code.setText("000.00.06.H56")
    dialog.office_name.setText("Trung tâm Phục vụ hành chính công phường Ba Đình")
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert "Ba Đình" in path.read_text(encoding="utf-8")


def _buttons(layout: QLayout) -> list[QPushButton]:
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [item.widget() for item in items if item is not None and isinstance(item.widget(), QPushButton)]  # type: ignore[misc]


def test_kiosk_guides_a_citizen_by_touch(qtbot, context):
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    guide = kiosk.guide
    qtbot.waitUntil(lambda: guide.fields_grid.count() >= 7, timeout=10_000)
    qtbot.mouseClick(kiosk.guide_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is guide and kiosk.back.isVisible() is not None
    buttons = _buttons(guide.fields_grid)
    assert all(b.minimumHeight() >= 120 and b.font().pointSize() >= 20 for b in buttons)
    civil = next(b for b in buttons if b.text() == "Hộ tịch")
    qtbot.mouseClick(civil, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: guide.currentIndex() == 1, timeout=10_000)
    procedure_buttons = _buttons(guide.procedures_list)
    birth = next(b for b in procedure_buttons if b.text().startswith("Đăng ký khai sinh\n"))
    qtbot.mouseClick(birth, Qt.MouseButton.LeftButton)
    assert guide.currentIndex() == 2 and "Giấy chứng sinh" in guide.detail.toPlainText()
    qtbot.mouseClick(kiosk.back, Qt.MouseButton.LeftButton)
    assert guide.currentIndex() == 1
    kiosk._idle.setInterval(50)  # an idle kiosk goes back to its first page by itself
    kiosk._idle.start()
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=5_000)


def test_display_board_shows_hours_and_waits_for_calls(qtbot, context):
    board = DisplayWindow(display_parts(context, None))
    qtbot.addWidget(board)
    assert "Giờ làm việc: từ thứ Hai đến thứ Sáu, sáng 07:30–11:30" in board.notice.text()
    assert board.empty.text().startswith("Chưa có số nào được gọi.")


@pytest.mark.real_modal
def test_a_failure_dialog_speaks_vietnamese(qtbot):
    import errno

    from counter_app.ui.errors import show_failure

    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.buttons()[0].click()

    QTimer.singleShot(100, read_and_close)
    show_failure(None, OSError(errno.ENOSPC, "No space left on device"))
    assert seen and seen[0].startswith("Ổ đĩa đã đầy nên chưa lưu được.")
    QThreadPool.globalInstance().waitForDone()


def test_long_status_texts_never_push_the_counter_past_a_1366_screen(qtbot, context):
    from counter_app.settings import PrinterKind

    context.settings.printer.kind = PrinterKind.NETWORK
    context.settings.printer.target = (
        "Máy in nhiệt khổ 80 mm, quầy tiếp nhận số một, tầng trệt (192.0.2.10:9100)"
    )
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.set_actor(context.staff.find("quantri"))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # let the style sheet polish the labels and the layout settle
    layout = window.layout()
    assert layout is not None and layout.minimumSize().width() <= 1366
    assert window.printer_status.toolTip().endswith("(192.0.2.10:9100)")  # the whole text, on hover


def test_the_printer_is_chosen_in_settings_and_a_test_ticket_prints(qtbot, context, tmp_path):
    import socket
    import threading

    from counter_app.settings import PrinterKind

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    received = bytearray()

    def printer() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=printer, daemon=True)
    thread.start()
    dialog = SettingsDialog(
        context.settings, tmp_path / "settings.json", scanners=context.scanner_setup, desk=context.desk
    )
    qtbot.addWidget(dialog)
    assert not dialog.test_button.isEnabled()  # no printer chosen yet
    dialog.printer_kind.setCurrentIndex(dialog.printer_kind.findData(PrinterKind.NETWORK.value))
    dialog.printer_target.setText(f"127.0.0.1:{server.getsockname()[1]}")
    dialog.printer_width.setCurrentIndex(dialog.printer_width.findData(384))
    with qtbot.waitSignal(dialog.test_printed, timeout=10_000) as printed:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    thread.join(timeout=10)
    server.close()
    assert printed.args == [True] and dialog.test_result.text() == "Đã gửi vé in thử tới máy in."
    assert b"\x1dv0" + bytes([0, 384 // 8, 0]) in bytes(received)  # a 384-dot raster image
    dialog.printer_target.setText("127.0.0.1:1")  # nothing listens there
    with qtbot.waitSignal(dialog.test_printed, timeout=10_000) as failed:
        dialog.print_test()
    assert failed.args == [False] and "không phản hồi" in dialog.test_result.text()
    assert dialog.print_mode.count() == 1  # an unknown model prints pictures only
    dialog.printer_model.setCurrentIndex(dialog.printer_model.findData("TM-T20II"))
    assert dialog.print_mode.count() == 3
    dialog.print_mode.setCurrentIndex(dialog.print_mode.findData("text:TCVN-3"))
    dialog.save()
    saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert '"kind": "network"' in saved and '"width_dots": 384' in saved
    assert '"mode": "text"' in saved and '"code_page": "TCVN-3"' in saved and '"profile": "TM-T20II"' in saved


def test_the_call_wording_is_set_in_settings_and_checked(qtbot, context, tmp_path):
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(context.settings, path, scanners=context.scanner_setup, desk=context.desk)
    qtbot.addWidget(dialog)
    dialog.voice_wording.setText("Xin mời số {ticket} tới quầy")
    dialog.save()
    assert dialog.error.text() == "Câu mời phải có {ticket} và {counter}, mỗi thứ đúng một lần."
    assert not path.exists()
    dialog.voice_wording.setText("Xin mời số {ticket} tới quầy {counter}")
    dialog.voice_enabled.setChecked(False)
    dialog.save()
    saved = path.read_text(encoding="utf-8")
    assert '"wording": "Xin mời số {ticket} tới quầy {counter}"' in saved and '"enabled": false' in saved
