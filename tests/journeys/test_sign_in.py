"""Journey: a clerk signs in, signs out, mistypes the password, signs in again, and a colleague takes over.

This sequence segfaulted the counter in 3 of 4 runs on PySide6 6.12.0; it is repeated here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from counter_app.ui.counter.controller import CounterController
from tests.journeys.counter_steps import (
    click_table_row,
    hand_over_to,
    named,
    open_tab,
    step_on,
    table_row_with,
    tick_proxy,
    type_text,
)
from tests.journeys.helpers import choose_from_menu, demo_receipt, menu_action, shot, wait_until
from tests.modals import click, find_button


def sign_in_as(username: str, password: str, *, first_password: str | None = None):
    """What the person does with the sign-in dialog: optionally a wrong password first."""
    seen_errors: list[str] = []

    def handle(dialog: QWidget) -> None:
        fields = [f for f in dialog.findChildren(QLineEdit) if f.isVisible()]
        name, secret = fields[0], fields[1]
        name.setFocus()
        QTest.keyClicks(name, username)
        if first_password is not None:
            secret.setFocus()
            QTest.keyClicks(secret, first_password)
            click(find_button(dialog, "Đăng nhập"))
            error = dialog.error  # type: ignore[attr-defined]
            wait_until(lambda: error.text() not in ("", "Đang kiểm tra…"), 20_000, "the refusal")
            seen_errors.append(error.text())
            assert secret.text() == ""  # the wrong password is cleared for the next try
        secret.setFocus()
        QTest.keyClicks(secret, password)
        click(find_button(dialog, "Đăng nhập"))

    handle.errors = seen_errors  # type: ignore[attr-defined]
    return handle


def test_sign_out_wrong_password_right_password_and_switch_user(qtbot, context, modals):
    controller = CounterController(context)
    window = controller.window
    qtbot.addWidget(window)
    modals.expect(sign_in_as("canbo", "canbo123"))
    assert controller.start()
    assert window.user_status.text().startswith("Nguyễn Thị Hồng Nhung")
    # A clerk may not manage the queue; the entry is there but greyed out.
    assert not window.queue_action.isEnabled()

    for round_ in range(4):
        wrong_then_right = sign_in_as("canbo", "canbo123", first_password="sai-mat-khau")
        modals.expect(wrong_then_right)
        choose_from_menu(window, "Hệ thống", "Đăng xuất")
        wait_until(lambda: modals.pending == 0, 30_000, "the sign-in dialog")
        wait_until(lambda: window.actor is not None, 30_000, "the clerk to be signed in again")
        assert wrong_then_right.errors == ["Sai tên đăng nhập hoặc mật khẩu."], round_
        assert window.isVisible()

    # A colleague, the administrator, takes over the same counter.
    modals.expect(sign_in_as("quantri", "quantri123"))
    choose_from_menu(window, "Hệ thống", "Đăng xuất")
    wait_until(lambda: window.actor is not None and window.actor.username == "quantri", 30_000, "switch")
    assert window.user_status.text().startswith("Lê Văn Quản") or "Quản trị" in window.user_status.text()
    # The administrator finds the queue set-up in the System menu.
    assert menu_action(window, "Hệ thống", "Xếp hàng và khu vực dịch vụ…").isEnabled()
    window.close()


def test_cancelling_the_sign_in_closes_the_counter(qtbot, context, modals):
    controller = CounterController(context)
    qtbot.addWidget(controller.window)
    modals.expect(lambda dialog: click(find_button(dialog, "Hủy")))
    assert not controller.start()
    assert not controller.window.isVisible()


def test_signing_out_leaves_no_citizen_on_screen(qtbot, context, modals):
    """Privacy: a clerk's half-typed citizen and the last step's line go with the clerk."""
    first = context.intake.receive(context.staff.authenticate("canbo", "canbo123"), demo_receipt(context, 1))
    second = context.intake.receive(context.staff.authenticate("canbo", "canbo123"), demo_receipt(context, 2))
    controller = CounterController(context)
    window = controller.window
    qtbot.addWidget(window)
    modals.expect(sign_in_as("canbo", "canbo123"))
    assert controller.start()
    panel = window.reception

    # The last step's line is about its dossier: it goes when another one is chosen.
    dossiers = window.dossiers
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    modals.expect(*hand_over_to("Phòng Tư pháp"))
    step_on(dossiers.table, first.code, dossiers.hand_over_button, dossiers.done)
    assert first.code in dossiers.done.text()
    click_table_row(dossiers.table, table_row_with(dossiers.table, first.code))
    assert first.code in dossiers.done.text()  # the same dossier: it stays
    click_table_row(dossiers.table, table_row_with(dossiers.table, second.code))
    assert dossiers.done.text() == ""
    modals.expect(*hand_over_to("Phòng Tư pháp"))
    step_on(dossiers.table, second.code, dossiers.hand_over_button, dossiers.done)
    open_tab(window.dossier_area, "Tiếp nhận hồ sơ")

    type_text(panel.name, "Lê Thị Hoa")
    type_text(panel.id_number, "001195012345")
    tick_proxy(panel)
    type_text(panel.proxy_name, "Lê Văn Nam")

    # Signing out over unsaved typing asks first, as “Công dân mới” does; “Giữ lại” keeps the clerk in.
    asked: list[str] = []

    def answer(choice: str) -> Callable[[QWidget], None]:
        def handle(box: QWidget) -> None:
            asked.append(box.windowTitle())
            # The question and its button speak of signing out, not of a new citizen.
            assert "đăng xuất" in named(box, QPushButton, "discard").text()
            click(named(box, QPushButton, choice))

        return handle

    modals.expect(answer("keep"))
    choose_from_menu(window, "Hệ thống", "Đăng xuất")
    wait_until(lambda: modals.pending == 0, 10_000, "the question")
    assert window.actor is not None and window.actor.username == "canbo"
    assert panel.name.text() == "Lê Thị Hoa" and panel.proxy_name.text() == "Lê Văn Nam"

    # Cleared: behind the sign-in box nothing of hers is left, nor for the colleague who signs in.
    behind: list[str] = []
    signing_in = sign_in_as("quantri", "quantri123")

    def look_then_sign_in(dialog: QWidget) -> None:
        behind.extend(
            f.text() for f in (panel.name, panel.id_number, panel.proxy_name, dossiers.done, dossiers.error)
        )
        signing_in(dialog)

    modals.expect(answer("discard"), look_then_sign_in)
    choose_from_menu(window, "Hệ thống", "Đăng xuất")
    wait_until(lambda: window.actor is not None and window.actor.username == "quantri", 30_000, "switch")
    assert len(asked) == 2 and behind == ["", "", "", "", ""]
    assert panel.name.text() == panel.id_number.text() == panel.proxy_name.text() == ""
    assert not panel.proxy_box.isChecked() and panel.procedure is None
    assert dossiers.done.text() == ""
    shot(window, "hr2-4-after-sign-out")
    window.close()
