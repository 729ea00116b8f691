"""The background-work helper: results on the GUI thread, stale and orphaned results dropped."""

import gc
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from shiboken6 import Shiboken

from counter_app.domain.staff import MIN_PASSWORD_LENGTH, validate_password
from counter_app.ui.common.tasks import TaskRunner
from tests.modals import press


class _Dialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.got: list[object] = []

    def start(self) -> None:
        self.tasks.run(threading.get_ident, self.work_done, self.got.append)

    def work_done(self, worker_thread: object) -> None:
        self.got.append(worker_thread)
        self.accept()


def _drain(app: QApplication) -> None:
    for _ in range(5):
        QThreadPool.globalInstance().waitForDone(10_000)
        app.processEvents()


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, qapp):
    dialog = _Dialog()
    seen_on: list[int] = []
    dialog.accepted.connect(lambda: seen_on.append(threading.get_ident()))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.start()
    assert dialog.got[0] != threading.get_ident() and seen_on == [threading.get_ident()]


def test_a_dialog_freed_by_its_own_callback_does_not_crash(qapp):
    """The callback's accept() lets the last reference to the dialog go: a crash before the fix."""
    dialog = _Dialog()
    dialog.start()
    del dialog
    gc.collect()
    _drain(qapp)  # delivering the result and freeing the dialog must not crash the process


def test_a_result_for_a_deleted_window_is_dropped(qapp):
    parent = QDialog()
    runner = TaskRunner(parent)
    called: list[object] = []
    runner.run(lambda: 42, called.append, called.append)
    Shiboken.delete(parent)  # the window closes; Qt deletes its runner with it
    _drain(qapp)
    assert called == []


def test_a_newer_request_for_the_same_key_wins(qapp):
    runner = TaskRunner()
    got: list[object] = []
    runner.run(lambda: "old", got.append, got.append, key="search")
    runner.run(lambda: "new", got.append, got.append, key="search")
    _drain(qapp)
    assert got == ["new"]


def test_a_key_is_busy_until_its_job_has_finished(qtbot):
    import threading

    from counter_app.ui.common.tasks import TaskRunner

    runner = TaskRunner()
    release = threading.Event()
    done: list[int] = []
    runner.run(lambda: release.wait(10), lambda _: done.append(1), lambda _: done.append(-1), key="board")
    assert runner.busy("board") and not runner.busy("poll")
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert not runner.busy("board")


class _Form(QDialog):
    """A window with an error label and a button disabled while the work runs."""

    def __init__(self) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.error = QLabel()
        self.button = QPushButton("Save", self)
        self.results: list[object] = []

    def start(self, work: Callable[[], object]) -> None:
        self.button.setEnabled(False)
        self.tasks.run(
            work, self.results.append, error_label=self.error, always=lambda: self.button.setEnabled(True)
        )


def _refuse() -> None:
    validate_password("short")


def _break() -> None:
    raise ValueError("a bug")


def test_a_refusal_goes_into_the_error_label_and_the_button_comes_back(qtbot, qapp):
    form = _Form()
    form.start(_refuse)
    qtbot.waitUntil(lambda: form.button.isEnabled(), timeout=10_000)
    assert (
        form.error.text() == f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự." and form.results == []
    )


def test_a_bug_without_a_handler_is_shown_in_a_box_not_dropped(qtbot, qapp, modals):
    form = _Form()
    seen: list[str] = []

    def close_it(dialog: QWidget) -> None:
        seen.append(dialog.windowTitle())
        press("Đóng")(dialog)

    modals.expect(close_it)
    form.start(_break)
    qtbot.waitUntil(lambda: seen != [] and form.button.isEnabled(), timeout=10_000)
    assert seen == ["Lỗi ngoài dự kiến"] and form.error.text() == ""


def test_an_error_label_needs_the_default_failure_path(qapp):
    runner = TaskRunner(QDialog())
    with pytest.raises(TypeError):
        runner.run(lambda: 1, print, print, error_label=QLabel())
