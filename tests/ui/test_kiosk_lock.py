"""No way out of the kiosk without the staff PIN; staff get out with it."""

from PySide6.QtCore import Qt

from counter_app.services.kiosk_pin import hash_pin
from counter_app.ui.kiosk.window import HOME, PIN, KioskWindow
from counter_app.ui.launcher import kiosk_parts
from counter_app.ui.settings_dialog import SettingsDialog


def _kiosk(qtbot, context) -> KioskWindow:
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    return kiosk


def _type(qtbot, kiosk: KioskWindow, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(kiosk.pin_pad.digit_buttons[digit], Qt.MouseButton.LeftButton)


def test_closing_the_kiosk_is_refused(qtbot, context):
    kiosk = _kiosk(qtbot, context)
    assert not kiosk.close()  # what Alt+F4 and the window manager ask
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()


def test_five_taps_on_the_clock_then_the_pin_close_it(qtbot, context):
    context.settings.kiosk.exit_pin_hash = hash_pin("2468")
    kiosk = _kiosk(qtbot, context)
    for _ in range(4):
        qtbot.mouseClick(kiosk.clock, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == HOME  # four taps are a citizen touching the clock
    qtbot.mouseClick(kiosk.clock, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == PIN
    assert kiosk.title.text() == "Chỉ dành cho cán bộ: nhập mã PIN để đóng máy lấy số"
    _type(qtbot, kiosk, "0000")  # the default no longer works once a PIN is set
    qtbot.mouseClick(kiosk.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert kiosk.pin_pad.message.text() == "Sai mã PIN." and kiosk.isVisible()
    _type(qtbot, kiosk, "2468")
    qtbot.mouseClick(kiosk.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert not kiosk.isVisible()


def test_a_new_kiosk_opens_with_the_default_pin_and_the_pin_is_set_in_settings(qtbot, context, tmp_path):
    kiosk = _kiosk(qtbot, context)
    kiosk.open_pin_pad()
    kiosk.try_pin("0000")
    assert not kiosk.isVisible()
    dialog = SettingsDialog(
        context.settings, tmp_path / "settings.json", scanners=context.scanner_setup, desk=context.desk
    )
    qtbot.addWidget(dialog)
    assert "0000" in dialog.kiosk_pin.placeholderText()
    dialog.kiosk_pin.setText("12")
    dialog.save()
    assert dialog.error.text() == "Mã PIN của máy lấy số gồm 4 đến 8 chữ số."
    dialog.kiosk_pin.setText("975310")
    dialog.save()
    saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert '"exit_pin_hash": "$argon2' in saved and "975310" not in saved


def test_a_touch_on_any_button_keeps_the_kiosk_from_going_home(qtbot, context):
    kiosk = _kiosk(qtbot, context)
    qtbot.waitUntil(lambda: kiosk.guide.fields_grid.count() >= 7, timeout=10_000)
    qtbot.mouseClick(kiosk.guide_button, Qt.MouseButton.LeftButton)
    kiosk._idle.setInterval(400)
    kiosk._idle.start()
    field = kiosk.guide.fields_grid.itemAt(0).widget()  # type: ignore[union-attr]
    for _ in range(5):  # a citizen reading and tapping for longer than the idle time
        qtbot.wait(150)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # a button keeps the press to itself
        kiosk.guide.setCurrentIndex(0)
    assert kiosk.pages.currentWidget() is kiosk.guide  # not sent home mid-way
