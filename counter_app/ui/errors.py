"""One excepthook for the whole app: plain advice for environmental failures, a crash dialog for bugs."""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from counter_app.domain.errors import DomainError
from counter_app.failures import Failure, classify
from counter_app.supervisor import EXIT_FAILING
from counter_app.ui.i18n import domain_text, tr_domain

log = logging.getLogger("counter_app.crash")


def failure_text(exc: BaseException) -> tuple[Failure, str]:
    failure = classify(exc)
    if isinstance(exc, DomainError):
        return failure, domain_text(exc)
    return failure, tr_domain(failure.template)


class _Unattended:
    """Whether this process drives a screen nobody clicks (the kiosk, the display board)."""

    on = False


def set_unattended(on: bool) -> None:
    _Unattended.on = on


def show_failure(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the person what happened and what to do; log it either way.

    On an unattended screen a modal box would stand there all day with nobody to close it: the
    failure is only logged, and the screen carries on.
    """
    failure, text = failure_text(exc)
    if _Unattended.on:
        log.error(
            "%s on an unattended screen: %s",
            "unexpected error" if failure.is_bug else failure.kind,
            text,
            exc_info=(type(exc), exc, exc.__traceback__) if failure.is_bug else None,
        )
        return
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if failure.is_bug:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        box.setDetailedText("".join(traceback.format_exception(exc)))
    else:
        log.warning("%s: %s", failure.kind, exc)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Could not finish"))
    box.setText(text)
    ok = box.addButton(QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.exec()


class _Bridge(QObject):
    """Carries exceptions from any thread to the GUI thread, where dialogs may be shown."""

    raised = Signal(object)


class ExceptHook:
    """Every uncaught exception, from any thread, ends here.

    Unattended (kiosk, display board) it is logged without a dialog; a screen that keeps failing
    (``RESTART_AFTER`` bugs within ``RESTART_WINDOW`` seconds) quits with ``EXIT_FAILING`` so that
    its supervisor starts it afresh.
    """

    RESTART_AFTER = 5
    RESTART_WINDOW = 60.0
    EXIT_FAILING = EXIT_FAILING

    def __init__(
        self,
        parent: Callable[[], QWidget | None] = lambda: None,
        *,
        unattended: bool = False,
        restart: bool = True,
    ) -> None:
        self.parent = parent
        self.unattended = unattended
        self.restart = restart  # only under the supervisor: alone, quitting would leave a black screen
        self.bridge = _Bridge()
        self.bridge.raised.connect(self._show)
        self.recent: list[float] = []
        if unattended:
            set_unattended(True)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def handle(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        exc.__traceback__ = tb
        self.bridge.raised.emit(exc)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, exc: BaseException) -> None:
        show_failure(self.parent(), exc)
        if self.unattended and self.restart and classify(exc).is_bug:
            now = time.monotonic()
            self.recent = [t for t in self.recent if now - t < self.RESTART_WINDOW] + [now]
            if len(self.recent) >= self.RESTART_AFTER:
                log.error("%d unexpected errors within a minute: restarting the screen", len(self.recent))
                QCoreApplication.exit(self.EXIT_FAILING)
