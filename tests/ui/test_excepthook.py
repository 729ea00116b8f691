"""One excepthook: a bug anywhere gets the crash dialog and a log entry; a full disk gets advice.

On an unattended screen (kiosk, display board) no dialog ever opens: nobody would close it.
"""

import errno
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from counter_app.ui.errors import ExceptHook, set_unattended
from tests.modals import press


def _raise_and_catch(exc: BaseException):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


@pytest.fixture(autouse=True)
def attended():
    yield
    set_unattended(False)


def test_a_bug_gets_the_crash_dialog_and_a_log_entry(qtbot, modals, caplog):
    hook = ExceptHook()
    modals.expect(press("Đóng"))
    with caplog.at_level(logging.ERROR, logger="counter_app.crash"):
        hook.handle(*_raise_and_catch(KeyError("procedure_code")))
    assert len(modals.seen) == 1
    shown = modals.seen[0]
    assert shown.startswith("QMessageBox “Lỗi ngoài dự kiến”: Chương trình gặp lỗi ngoài dự kiến")
    assert "KeyError: 'procedure_code'" in shown  # the details a support person needs
    assert caplog.records and caplog.records[0].exc_info is not None


def test_a_full_disk_gets_advice_not_a_crash_report(qtbot, modals, caplog):
    hook = ExceptHook()
    modals.expect(press("Đóng"))
    with caplog.at_level(logging.ERROR, logger="counter_app.crash"):
        hook.handle(*_raise_and_catch(OSError(errno.ENOSPC, "No space left on device")))
    shown = modals.seen[0]
    assert "Ổ đĩa đã đầy" in shown and "Traceback" not in shown
    assert not caplog.records


def test_an_error_on_a_worker_thread_reaches_the_window(qtbot, modals):
    hook = ExceptHook()
    previous = threading.excepthook
    hook.install()
    modals.expect(press("Đóng"))
    try:
        empty: dict[str, int] = {}
        worker = threading.Thread(target=lambda: empty["missing"])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(modals.seen) == 1, timeout=5_000)  # shown on the GUI thread
    finally:
        threading.excepthook = previous
        sys.excepthook = sys.__excepthook__
    assert "KeyError: 'missing'" in modals.seen[0]


def test_an_unattended_screen_logs_and_opens_no_dialog(qtbot, modals, caplog):
    hook = ExceptHook(unattended=True)
    with caplog.at_level(logging.ERROR, logger="counter_app.crash"):
        hook.handle(*_raise_and_catch(KeyError("tile")))
    qtbot.wait(100)
    assert not modals.seen  # the autouse fixture fails the test if any dialog opened
    assert "unexpected error on an unattended screen" in caplog.text


def test_an_unattended_screen_that_keeps_failing_restarts(qtbot, modals, monkeypatch):
    hook = ExceptHook(unattended=True)
    codes: list[int] = []
    # Quitting the real application would end the test run: record the exit code instead.
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(codes.append))
    for _ in range(ExceptHook.RESTART_AFTER - 1):
        hook.handle(*_raise_and_catch(KeyError("tile")))
    assert codes == []  # a few errors: the screen carries on
    hook.handle(*_raise_and_catch(KeyError("tile")))
    assert codes == [ExceptHook.EXIT_FAILING]  # the supervisor starts the screen afresh
