"""One excepthook: a bug anywhere gets the crash dialog and a log entry; a full disk gets advice."""

import errno
import logging
import sys
import threading

from counter_app.ui.errors import ExceptHook


def _raise_and_catch(exc: BaseException):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_a_bug_gets_the_crash_dialog_and_a_log_entry(qtbot, modal_dialogs, caplog):
    hook = ExceptHook()
    with caplog.at_level(logging.ERROR, logger="counter_app.crash"):
        hook.handle(*_raise_and_catch(KeyError("procedure_code")))
    assert len(modal_dialogs) == 1
    shown = modal_dialogs.pop()
    assert shown.startswith("QMessageBox “Lỗi ngoài dự kiến”: Chương trình gặp lỗi ngoài dự kiến")
    assert "KeyError: 'procedure_code'" in shown  # the details a support person needs
    assert caplog.records and caplog.records[0].exc_info is not None


def test_a_full_disk_gets_advice_not_a_crash_report(qtbot, modal_dialogs, caplog):
    hook = ExceptHook()
    with caplog.at_level(logging.ERROR, logger="counter_app.crash"):
        hook.handle(*_raise_and_catch(OSError(errno.ENOSPC, "No space left on device")))
    shown = modal_dialogs.pop()
    assert "Ổ đĩa đã đầy" in shown and "Traceback" not in shown
    assert not caplog.records


def test_an_error_on_a_worker_thread_reaches_the_window(qtbot, modal_dialogs):
    hook = ExceptHook()
    previous = threading.excepthook
    hook.install()
    try:
        empty: dict[str, int] = {}
        worker = threading.Thread(target=lambda: empty["missing"])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(modal_dialogs) == 1, timeout=5_000)  # shown on the GUI thread
    finally:
        threading.excepthook = previous
        sys.excepthook = sys.__excepthook__
    assert "KeyError: 'missing'" in modal_dialogs.pop()
