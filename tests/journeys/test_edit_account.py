"""Journey: the administrator edits a clerk's account (full name, role, usual counter) in the accounts
dialog; their own role stays, and the change is in the activity log."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from counter_app.domain.audit import AuditAction
from counter_app.domain.staff import Role
from counter_app.ui.admin.account_dialog import AccountDialog
from counter_app.ui.admin.accounts_dialog import AccountsDialog
from counter_app.ui.counter.controller import CounterController
from counter_app.ui.i18n import tr_domain
from tests.journeys.counter_steps import click_table_row, pick_in_combo, replace_text, table_row_with
from tests.journeys.helpers import choose_from_menu, shot, wait_until
from tests.modals import click, describe, find_button
from tests.tables import cell, row_count

W = TypeVar("W", bound=QWidget)
NEW_NAME = "Nguyễn Thị Hồng Nhung Anh"


def _child(dialog: QWidget, kind: type[W], name: str) -> W:
    found = dialog.findChild(kind, name)
    assert found is not None, f"no {name} in {describe(dialog)}"
    return found


def test_the_administrator_edits_a_clerks_account_but_not_their_own_role(qtbot, context, modals):
    controller = CounterController(context)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.set_actor(context.staff.find("quantri"))  # signed in: see the sign-in journey
    seen: dict[str, object] = {}

    def edit_the_clerk(dialog: QWidget) -> None:
        assert isinstance(dialog, AccountDialog), describe(dialog)
        assert _child(dialog, QLineEdit, "accountFullName").text() == "Nguyễn Thị Hồng Nhung"
        replace_text(_child(dialog, QLineEdit, "accountFullName"), NEW_NAME)
        pick_in_combo(_child(dialog, QComboBox, "accountRole"), tr_domain(Role.HEAD.label))
        counter = _child(dialog, QComboBox, "accountCounter")
        wait_until(lambda: counter.count() == 4, 10_000, "the office's counters")  # none, 1, 2, 3
        pick_in_combo(counter, counter.itemText(counter.findData(3)))
        shot(dialog, "hq-edit-account")
        click(_child(dialog, QPushButton, "accountSave"))

    def demote_myself(dialog: QWidget) -> None:
        assert isinstance(dialog, AccountDialog), describe(dialog)
        pick_in_combo(_child(dialog, QComboBox, "accountRole"), tr_domain(Role.CLERK.label))
        click(_child(dialog, QPushButton, "accountSave"))
        wait_until(lambda: dialog.error.text() != "", 10_000, "the refusal")
        seen["refusal"] = dialog.error.text()
        click(find_button(dialog, "Hủy"))

    def in_the_accounts(dialog: QWidget) -> None:
        assert isinstance(dialog, AccountsDialog), describe(dialog)
        wait_until(lambda: row_count(dialog.table) == 3, 10_000, "the accounts")
        edit = _child(dialog, QPushButton, "accountsEdit")
        assert not edit.isEnabled()  # nobody chosen yet
        click_table_row(dialog.table, table_row_with(dialog.table, "canbo"))
        click(edit)  # the edit dialog's own handler answers it
        wait_until(lambda: cell(dialog.table, table_row_with(dialog.table, "canbo"), 1) == NEW_NAME)
        row = table_row_with(dialog.table, "canbo")
        seen["row"] = [cell(dialog.table, row, column) for column in (0, 1, 2, 5)]
        header = dialog.table.horizontalHeader()
        for column in range(dialog.table.model().columnCount()):  # no caption cut short
            caption = str(dialog.table.model().headerData(column, Qt.Orientation.Horizontal))
            assert header.fontMetrics().horizontalAdvance(caption) < header.sectionSize(column), caption
        shot(dialog, "hq-accounts")
        click_table_row(dialog.table, table_row_with(dialog.table, "quantri"))
        click(edit)
        click(find_button(dialog, "Đóng"))

    modals.expect(in_the_accounts, edit_the_clerk, demote_myself)
    choose_from_menu(controller.window, "Hệ thống", "Tài khoản cán bộ…")
    wait_until(lambda: modals.pending == 0 and "refusal" in seen, 30_000, "the accounts closed")

    assert seen["row"] == ["canbo", NEW_NAME, tr_domain(Role.HEAD.label), "3"]
    assert seen["refusal"] != ""
    account = next(a for a in context.staff.accounts() if a.username == "canbo")
    assert (account.full_name, account.role, account.counter_number) == (NEW_NAME, Role.HEAD, 3)
    assert next(a for a in context.staff.accounts() if a.username == "quantri").role is Role.ADMIN
    admin = context.staff.find("quantri")
    assert admin is not None
    edits = [e for e in context.audit.recent(admin) if e.action is AuditAction.ACCOUNT_EDITED]
    assert [e.params["username"] for e in edits] == ["canbo"] and edits[0].staff_name == admin.full_name
