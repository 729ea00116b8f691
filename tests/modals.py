"""Modal dialogs answered as a person answers them: by their own buttons and fields.

A modal dialog blocks in ``exec()`` until someone clicks. A test says beforehand what the person
will do with the next dialog (``modals.expect(handler)``); when a modal dialog comes up, its
handler runs inside the dialog's own event loop and clicks, types or picks as a person would.
A dialog that nobody expected is described, closed after a grace period so the test cannot
hang, and fails the test: a dialog that no test answers is a dialog no test checked.
"""

from __future__ import annotations

import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

Handler = Callable[[QWidget], None]
POLL_MS = 20
GRACE_S = 1.5  # an unexpected dialog stays this long before the fixture closes it and fails
# A dialog still open this long after the person's answer did nothing with it (an OK wired to
# nothing): closed, and the test fails instead of waiting forever.
ANSWERED_GRACE_S = 5.0


def describe(dialog: QWidget) -> str:
    text = dialog.text() if isinstance(dialog, QMessageBox) else ""
    detail = dialog.detailedText() if isinstance(dialog, QMessageBox) else ""
    if isinstance(dialog, QInputDialog):
        text = dialog.labelText()
    return f"{type(dialog).__name__} “{dialog.windowTitle()}”: {text}\n{detail}".strip()


def find_button(dialog: QWidget, text: str) -> QAbstractButton:
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    for candidate in buttons:
        if candidate.text().replace("&", "") == text:
            return candidate
    names = ", ".join(repr(b.text()) for b in buttons)
    raise AssertionError(f"no button “{text}” in {describe(dialog)} (buttons: {names})")


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press(text: str) -> Handler:
    """Click the dialog's button labelled ``text``."""

    def handle(dialog: QWidget) -> None:
        click(find_button(dialog, text))

    return handle


def type_and_press(typed: str, button_text: str) -> Handler:
    """Type into the dialog's text field (an input dialog's line or box), then click a button."""

    def handle(dialog: QWidget) -> None:
        editors = [
            e for e in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit) if e.isVisible()
        ]
        assert editors, f"no text field in {describe(dialog)}"
        editor = editors[0]
        editor.setFocus()
        if isinstance(editor, QLineEdit):
            editor.selectAll()
        else:
            QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(editor, typed)
        click(find_button(dialog, button_text))

    return handle


def choose_file(path: str, button_text: str) -> Handler:
    """Type a file's path into Qt's own file dialog and confirm, as a person does."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setFocus()
        name.selectAll()
        QTest.keyClicks(name, path)
        click(find_button(dialog, button_text))

    return handle


@dataclass
class Modals:
    """The fixture's object: what the person will do with each coming dialog, and what was seen."""

    handlers: deque[Handler] = field(default_factory=deque)
    seen: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    _handled: weakref.WeakSet[QWidget] = field(default_factory=weakref.WeakSet)
    _first_seen: dict[int, float] = field(default_factory=dict)
    _answered_at: dict[int, float] = field(default_factory=dict)
    _timer: QTimer | None = None

    def start(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    def expect(self, *handlers: Handler) -> None:
        """What the person will do with the next dialogs, in order."""
        self.handlers.extend(handlers)

    @property
    def pending(self) -> int:
        return len(self.handlers)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if dialog in self._handled:
            answered = self._answered_at.get(id(dialog))
            if answered is not None and time.monotonic() - answered >= ANSWERED_GRACE_S:
                self._answered_at.pop(id(dialog))
                self.unanswered.append(
                    f"still open {ANSWERED_GRACE_S:.0f} s after the answer: {describe(dialog)}"
                )
                self._close(dialog)
            return
        if self.handlers:
            self._handled.add(dialog)
            self.seen.append(describe(dialog))
            handler = self.handlers.popleft()

            def answer() -> None:
                if not _alive(dialog):
                    return
                try:
                    handler(dialog)
                except Exception as exc:  # the person could not do it: fail, never hang the run
                    self.unanswered.append(f"the answer failed ({exc!r}): {describe(dialog)}")
                    if _alive(dialog):
                        self._close(dialog)
                    return
                if _alive(dialog) and dialog.isVisible():
                    self._answered_at[id(dialog)] = time.monotonic()

            # Later, not now: the handler may open a dialog of its own, whose loop must not run
            # inside this timer's slot.
            QTimer.singleShot(0, answer)
            return
        first = self._first_seen.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - first >= GRACE_S:
            self._handled.add(dialog)
            self.unanswered.append(describe(dialog))
            self._close(dialog)

    @staticmethod
    def _close(dialog: QWidget) -> None:
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()


def _alive(widget: QObject) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(widget)
