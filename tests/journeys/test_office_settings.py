"""Journey: the administrator changes the office's settings; what applies at once shows at once, and
what needs a restart is named, with a restart offered."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from counter_app import settings as settings_module
from counter_app.supervisor import EXIT_RESTART_REQUESTED
from counter_app.ui.counter.controller import CounterController
from counter_app.ui.settings_dialog import SettingsDialog
from tests.journeys.counter_steps import replace_text
from tests.journeys.helpers import choose_from_menu, wait_until
from tests.modals import click, describe, find_button

NEW_NAME = "Trung tâm Phục vụ hành chính công phường Hồng Hà"


def _controller(qtbot, context, *, can_restart: bool) -> CounterController:
    controller = CounterController(context, can_restart=can_restart)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.set_actor(context.staff.find("quantri"))  # signed in: see the sign-in journey
    return controller


def _rename_and_move(dialog: QWidget) -> None:
    assert isinstance(dialog, SettingsDialog), describe(dialog)
    replace_text(dialog.office_name, NEW_NAME)
    dialog.counter_number.setFocus()
    dialog.counter_number.selectAll()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClicks(dialog.counter_number, "3")
    QTest.keyClick(dialog.counter_number, Qt.Key.Key_Tab)
    click(find_button(dialog, "Lưu"))


def test_a_new_name_shows_at_once_and_a_new_counter_number_offers_a_restart(
    qtbot, context, modals, monkeypatch
):
    controller = _controller(qtbot, context, can_restart=True)
    window = controller.window
    exits: list[int] = []
    monkeypatch.setattr("counter_app.ui.counter.controller.QCoreApplication.exit", exits.append)
    told: list[str] = []

    def restart_now(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        told.append(box.text())
        click(find_button(box, "Khởi động lại ngay"))

    modals.expect(_rename_and_move, restart_now)
    choose_from_menu(window, "Hệ thống", "Cài đặt đơn vị…")
    wait_until(lambda: bool(exits), 10_000, "the restart")
    assert NEW_NAME in window.windowTitle() and NEW_NAME in window.office_label.text()
    assert "số quầy của máy này" in told[0]
    assert exits == [EXIT_RESTART_REQUESTED]
    saved = settings_module.load(context.paths.settings_file)
    assert saved.office.name == NEW_NAME and saved.counter_number == 3
    # Until the restart this run keeps the counter it was built for.
    assert context.settings.counter_number == 1 and window.queue.counter_number == 1


def test_without_a_supervisor_the_clerk_is_told_to_reopen(qtbot, context, modals):
    controller = _controller(qtbot, context, can_restart=False)
    told: list[str] = []

    def noted(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        told.append(box.informativeText())
        click(find_button(box, "Đồng ý"))

    modals.expect(_rename_and_move, noted)
    choose_from_menu(controller.window, "Hệ thống", "Cài đặt đơn vị…")
    wait_until(lambda: bool(told), 10_000, "the note")
    assert "mở lại" in told[0]
    assert controller.window.isVisible()


def test_a_second_edit_keeps_what_waits_for_the_restart(qtbot, context, modals):
    controller = _controller(qtbot, context, can_restart=True)
    later = []

    def restart_later(box: QWidget) -> None:
        later.append(box)
        click(find_button(box, "Để sau"))

    seen_counter: list[int] = []

    def only_the_phone(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog), describe(dialog)
        seen_counter.append(dialog.counter_number.value())
        replace_text(dialog.office_phone, "02253 123 456")
        click(find_button(dialog, "Lưu"))

    modals.expect(_rename_and_move, restart_later, only_the_phone, restart_later)
    choose_from_menu(controller.window, "Hệ thống", "Cài đặt đơn vị…")
    wait_until(lambda: len(later) == 1, 10_000, "the first save")
    choose_from_menu(controller.window, "Hệ thống", "Cài đặt đơn vị…")
    wait_until(lambda: len(later) == 2, 10_000, "the second save")
    assert seen_counter == [3]  # the dialog showed what was saved, not what this run still uses
    saved = settings_module.load(context.paths.settings_file)
    assert saved.counter_number == 3 and saved.office.phone == "02253 123 456"
    assert saved.office.name == NEW_NAME


def test_a_new_name_reaches_the_database_and_a_new_scanner_the_next_scan(qtbot, context, modals):
    """What the services read as they go applies without a restart: the office's name, which the
    other PCs and the province's reports read from the database, and the scanner a scan opens."""
    from sqlalchemy import select

    from counter_app.storage import models

    controller = _controller(qtbot, context, can_restart=True)

    def rename_and_pick_a_network_scanner(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog), describe(dialog)
        replace_text(dialog.office_name, NEW_NAME)
        box = dialog.scanner_box
        box.kind.setCurrentIndex(box.kind.findData("escl"))
        box.device.setEditText("http://192.0.2.7:8080/eSCL")
        click(find_button(dialog, "Lưu"))

    modals.expect(rename_and_pick_a_network_scanner)
    choose_from_menu(controller.window, "Hệ thống", "Cài đặt đơn vị…")

    def office_name() -> str | None:
        with context.db.read() as session:
            name: str | None = session.scalar(
                select(models.Office.name).where(models.Office.code == context.settings.office.code)
            )
        return name

    wait_until(lambda: office_name() == NEW_NAME, 10_000, "the office's new name in the database")
    assert modals.pending == 0  # nothing to restart for
    scanner = controller.window.parts.open_scanner()
    assert type(scanner).__name__ == "EsclScanner"


def test_the_scanner_settings_are_laid_out_whole(qtbot, context, modals):
    """At 1366×768 nothing on the printer and scanner page is drawn over another or cut short."""
    from tests.journeys.counter_steps import open_tab

    controller = _controller(qtbot, context, can_restart=True)
    problems: list[str] = []

    def look_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog), describe(dialog)
        tabs = dialog.findChild(QTabWidget)
        assert tabs is not None
        open_tab(tabs, "Máy in và máy quét")
        box = dialog.scanner_box
        device, find = box.device.geometry(), box.find_button.geometry()
        if device.intersects(find):
            problems.append("the find button is drawn over the device field")
        for combo in (box.kind, box.dpi):
            if combo.width() < combo.sizeHint().width():
                problems.append(f"“{combo.currentText()}” is cut")
        if dialog.width() < dialog.minimumSizeHint().width():
            problems.append("the dialog is narrower than what it holds")
        if dialog.frameGeometry().width() > 1366:
            problems.append("the dialog is wider than the screen")
        click(find_button(dialog, "Hủy"))

    modals.expect(look_and_cancel)
    choose_from_menu(controller.window, "Hệ thống", "Cài đặt đơn vị…")
    wait_until(lambda: modals.pending == 0, 10_000, "the settings closed")
    assert problems == []
