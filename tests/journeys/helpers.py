"""What journeys share: waiting as a person waits, finding widgets as a person finds them."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMenu, QWidget

from counter_app.app import AppContext
from counter_app.domain.reception import Applicant, CheckResult, FeeMode, PaymentMeans, checklist
from counter_app.services.intake import ReceptionRequest

W = TypeVar("W", bound=QWidget)

# A valid ID for each birth decade (PPP G YY NNNNNN: men born in the 1900s have G = 0).
_ID_PREFIX = "0010"


def wait_until(predicate: Callable[[], object], timeout_ms: int = 10_000, what: str = "") -> None:
    """Let the event loop run until ``predicate`` holds, as a person waits for the screen."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout_ms} ms for {what or predicate}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible, enabled button whose text is ``text`` (the & of a shortcut ignored)."""
    found = [
        b for b in parent.findChildren(QAbstractButton) if b.text().replace("&", "") == text and b.isVisible()
    ]
    assert found, f"no visible button “{text}” in {type(parent).__name__}: " + ", ".join(
        sorted({b.text() for b in parent.findChildren(QAbstractButton) if b.isVisible()})
    )
    return found[0]


def top_level(kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def demo_receipt(context: AppContext, n: int, procedure_code: str = "1.004873") -> ReceptionRequest:
    """A complete dossier of the demo catalogue for a citizen numbered ``n`` (a man born in 1985)."""
    procedure = context.catalogue.get(procedure_code)
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    id_number = f"{_ID_PREFIX}85{n % 1_000_000:06d}"
    applicant = Applicant(f"Công dân số {n}", id_number, None, "Xã Minh Khai", "0912000111")
    fee = FeeMode.AT_RECEPTION if sum(f.amount for f in procedure.fees) else FeeMode.NOT_CHARGED
    return ReceptionRequest(procedure_code, applicant, rows, fee_mode=fee, payment_means=PaymentMeans.CASH)


def menu_action(window: QMainWindow, menu_title: str, action_text: str) -> QAction:
    """The action a person clicks in the window's menu bar: it must be in that menu, shown and enabled."""
    bar = window.menuBar()
    menus = {a.text().replace("&", ""): a.menu() for a in bar.actions() if a.menu() is not None}
    assert menu_title in menus, f"no menu “{menu_title}”: {sorted(menus)}"
    menu = menus[menu_title]
    assert isinstance(menu, QMenu)
    for action in menu.actions():
        if action.text().replace("&", "") == action_text:
            assert action.isVisible(), f"“{action_text}” is hidden"
            assert action.isEnabled(), f"“{action_text}” is greyed out"
            return action
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    raise AssertionError(f"no “{action_text}” in the menu “{menu_title}”: {texts}")


def choose_from_menu(window: QMainWindow, menu_title: str, action_text: str) -> None:
    """Click the menu's title in the menu bar, then the entry in the menu that drops down."""
    action = menu_action(window, menu_title, action_text)
    bar = window.menuBar()
    title = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    menu = title.menu()
    assert isinstance(menu, QMenu)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(title).center())
    wait_until(menu.isVisible, 5_000, f"the menu “{menu_title}” to drop down")
    # The entry's slot may open a modal dialog: click from the event loop, not from here.
    QTimer.singleShot(
        0, lambda: QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    )
    wait_until(lambda: not menu.isVisible(), 5_000, f"“{action_text}” to be clicked")


def shot(widget: QWidget, name: str) -> None:
    """Save what the person sees as ``name``.png in $JOURNEY_SHOTS, when set (to look at it)."""
    folder = os.environ.get("JOURNEY_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))
