"""Journey: a citizen whose receipt's QR code will not scan types its code on the kiosk's keypad.

There is no keyboard at a kiosk: the lookup page has large keys for what dossier codes are made
of (digits, the dot, the dash, the letters of the office's agency code), a delete key and search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from sqlalchemy import select

from counter_app.storage import models
from counter_app.ui.i18n import tr_domain
from counter_app.ui.kiosk.window import LOOKUP, KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.helpers import wait_until


def _key(kiosk: QWidget, name: str) -> QPushButton:
    key = kiosk.findChild(QPushButton, name)
    assert key is not None and key.isVisible(), f"no key “{name}” in sight"
    return key


def _touch(kiosk: QWidget, name: str) -> None:
    QTest.mouseClick(_key(kiosk, name), Qt.MouseButton.LeftButton)


def test_a_citizen_types_the_receipt_code_and_sees_the_dossier(qtbot, context):
    with context.db.read() as session:  # a demo dossier being processed: its receipt in hand
        code = session.scalars(select(models.Dossier.code).order_by(models.Dossier.id)).first()
    assert code is not None
    record = context.steps.record_by_code(code)
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    QTest.mouseClick(kiosk.lookup_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == LOOKUP
    typed = kiosk.findChild(QLineEdit, "lookupCode")
    assert typed is not None
    for char in code[:-1] + "9":  # a slip of the finger on the last digit …
        _touch(kiosk, f"codeKey_{char}")
    assert typed.text() == code[:-1] + "9"
    _touch(kiosk, "codeErase")  # … taken back
    _touch(kiosk, f"codeKey_{code[-1]}")
    assert typed.text() == code
    keys = [_key(kiosk, f"codeKey_{c}") for c in "0123456789.-"] + [_key(kiosk, "codeSearch")]
    assert all(k.minimumHeight() >= 100 and k.font().pointSize() >= 24 for k in keys)  # big keys
    _touch(kiosk, "codeSearch")
    result = kiosk.findChild(QLabel, "lookupResult")
    assert result is not None
    wait_until(lambda: code in result.text(), 10_000, "the dossier's state")
    assert record.procedure_name in result.text()
    assert tr_domain(record.status.label) in result.text()
