"""Journey: a citizen whose receipt's QR code will not scan types its code on the kiosk's keypad.

There is no keyboard at a kiosk: the lookup page has large keys for what dossier codes are made
of (digits, the dot, the dash, the letters of the office's agency code), a delete key and search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from sqlalchemy import select

from counter_app.storage import models
from counter_app.ui.i18n import tr_domain
from counter_app.ui.kiosk.window import LOOKUP, KioskWindow
from counter_app.ui.launcher import kiosk_parts
from counter_app.ui.theme import KIOSK_RED, NAVY
from tests.journeys.helpers import shot, wait_until


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


def _shows_in(label: QLabel, colour: str) -> bool:
    """Some of the label's text is drawn in ``colour`` (as the citizen sees it)."""
    image = label.grab().toImage()
    wanted = QColor(colour).rgb()
    return any(
        image.pixel(x, y) == wanted for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )


def test_a_mistyped_code_is_told_apart_kept_and_corrected(qtbot, context):
    """An unknown code says no dossier has it, in red, and stays in the box to be corrected; an
    empty box looks nothing up; a whole code of another office sends the citizen to a counter."""
    with context.db.read() as session:
        code = session.scalars(select(models.Dossier.code).order_by(models.Dossier.id)).first()
    assert code is not None
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    QTest.mouseClick(kiosk.lookup_button, Qt.MouseButton.LeftButton)
    typed = kiosk.findChild(QLineEdit, "lookupCode")
    result = kiosk.findChild(QLabel, "lookupResult")
    assert typed is not None and result is not None

    _touch(kiosk, "codeSearch")  # nothing typed yet: it says what to do, nothing is looked up
    assert result.text() and result.property("error") is True
    assert not kiosk.tasks.busy("lookup") and typed.text() == ""

    wrong = code[:-1] + ("8" if code[-1] != "8" else "7")  # a slip of the finger
    for char in wrong:
        _touch(kiosk, f"codeKey_{char}")
    _touch(kiosk, "codeSearch")
    wait_until(lambda: wrong in result.text(), 10_000, "the answer to the mistyped code")
    assert "Trung tâm" not in result.text()  # not “not ours”: no dossier has it
    assert typed.text() == wrong  # still there to correct
    assert result.property("error") is True and _shows_in(result, KIOSK_RED)
    shot(kiosk, "hk2-3")

    _touch(kiosk, "codeErase")  # corrected with the keypad, not typed again
    _touch(kiosk, f"codeKey_{code[-1]}")
    assert typed.text() == code
    _touch(kiosk, "codeSearch")
    wait_until(lambda: result.property("error") is False and code in result.text(), 10_000, "the dossier")
    assert _shows_in(result, NAVY) and not _shows_in(result, KIOSK_RED)

    for char in "12345":  # a number alone is no code either
        _touch(kiosk, f"codeKey_{char}")
    _touch(kiosk, "codeSearch")
    wait_until(lambda: "12345" in result.text(), 10_000, "the answer to 12345")
    assert result.property("error") is True and typed.text() == "12345"

    typed.clear()  # the scanner reads another office's receipt: a whole code, not ours
    other = "000.00.99.X99-" + code.split("-", 1)[1]
    QTest.keyClicks(typed, other)
    QTest.keyClick(typed, Qt.Key.Key_Return)
    not_ours = "Mã này không phải hồ sơ của Trung tâm. Xin hỏi tại quầy."
    wait_until(lambda: result.text() == not_ours, 10_000, "the answer to another office's code")
    assert result.property("error") is True and _shows_in(result, KIOSK_RED)
    with context.db.read() as session:  # nothing was written by looking
        assert session.scalar(select(models.Dossier.code).where(models.Dossier.code == other)) is None
