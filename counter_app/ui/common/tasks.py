"""Run work off the GUI thread; results come back to the GUI thread by signal.

The one way the windows run background work. Workers never touch widgets: they return a value
or raise, and the callbacks run on the GUI thread. A newer request for the same ``key``
supersedes an older one whose result would be stale (search-as-you-type).

Every failure has a default path (``report_failure``): it is classified and logged, a domain
error the person can act on goes into the window's error label when one is given, anything else
is shown as a box (only logged on an unattended screen). A window passes ``on_failure`` only
when it must do something more, and ``always`` to undo what it did before starting (a button
disabled while the work runs), so that no failure is dropped without a word.

Results travel through one application-wide dispatcher that belongs to no window. A
callback often drops the last reference to its own dialog (``accept()`` and the caller
lets go); had the result come through an object owned by that dialog, Qt would delete
the messenger while it is still delivering, and the process would crash.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import Shiboken

from counter_app.domain.errors import DomainError
from counter_app.failures import classify
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text

log = logging.getLogger(__name__)


@dataclass
class _Pending:
    runner: TaskRunner
    key: str | None
    generation: int
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    always: Callable[[], None] | None


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole run; never a child of a window."""

    finished = Signal(int, bool, object)  # job id, succeeded, result or exception

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[int, _Pending] = {}
        self.finished.connect(self._deliver)

    def _deliver(self, job_id: int, succeeded: bool, value: Any) -> None:
        job = self.pending.pop(job_id, None)
        if job is not None and job.key and Shiboken.isValid(job.runner):
            job.runner.finished_one(job.key)
        if job is None or not Shiboken.isValid(job.runner) or not job.runner.is_current(job):
            return  # the window is gone, or a newer request replaced this one
        if job.always is not None:
            job.always()
        if succeeded:
            job.on_success(value)
        else:
            job.on_failure(value)


_dispatcher: list[_Dispatcher] = []
_job_ids = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    if not _dispatcher:
        _dispatcher.append(_Dispatcher())  # created by the first runner, on the GUI thread
    return _dispatcher[0]


def _run_job(job_id: int, work: Callable[[], Any], dispatcher: _Dispatcher) -> None:
    """Runs on a pool thread; the result goes back to the GUI thread by signal.

    A plain callable, not a QRunnable subclass: PySide kept the Python side of some finished
    runnables (and their work) alive all day, about one in twenty, measured by the soak test.
    """
    try:
        outcome: tuple[bool, Any] = (True, work())
    except BaseException as exc:
        outcome = (False, exc)
    try:
        dispatcher.finished.emit(job_id, *outcome)
    except RuntimeError:  # the application is shutting down: nobody is left to tell
        log.debug("result of job %d dropped at shutdown", job_id)


class TaskRunner(QObject):
    """One per window. Callbacks arrive only while the window still exists."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._generation: dict[str, int] = {}
        self._running: dict[str, int] = {}  # jobs of each key started and not yet finished
        self._dispatcher = _the_dispatcher()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        error_label: QLabel | None = None,
        always: Callable[[], None] | None = None,
    ) -> None:
        """Run ``work`` on a pool thread; ``on_success(result)`` on the GUI thread.

        Without ``on_failure`` a failure takes the default path: ``report_failure`` with this
        runner's window and ``error_label``. ``always`` runs first either way.
        """
        if on_failure is None:
            on_failure = functools.partial(self.report, error_label=error_label)
        elif error_label is not None:
            raise TypeError("error_label is for the default failure path only")
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
            self._running[key] = self._running.get(key, 0) + 1
        job_id = next(_job_ids)
        self._dispatcher.pending[job_id] = _Pending(self, key, generation, on_success, on_failure, always)
        self.pool.start(functools.partial(_run_job, job_id, work, self._dispatcher))

    def report(self, exc: BaseException, *, error_label: QLabel | None = None) -> None:
        """The default failure path, for a handler that does more and then reports as usual."""
        parent = self.parent()
        report_failure(parent if isinstance(parent, QWidget) else None, exc, error_label)

    def busy(self, key: str) -> bool:
        """Whether a job of ``key`` is still running: a poll skips a turn instead of queueing."""
        return self._running.get(key, 0) > 0

    def finished_one(self, key: str) -> None:
        left = self._running.get(key, 0) - 1
        if left > 0:
            self._running[key] = left
        else:
            self._running.pop(key, None)

    def is_current(self, job: _Pending) -> bool:
        return job.key is None or self._generation.get(job.key) == job.generation

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


def report_failure(parent: QWidget | None, exc: BaseException, error_label: QLabel | None = None) -> None:
    """Classify, log and show a failure: in ``error_label`` if it is one the person can act on."""
    if error_label is not None and isinstance(exc, DomainError) and Shiboken.isValid(error_label):
        log.info("%s: shown beside the form", classify(exc).kind)
        error_label.setText(domain_text(exc))
        return
    show_failure(parent, exc)
