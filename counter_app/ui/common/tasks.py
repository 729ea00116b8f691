"""Run work off the GUI thread; results come back to the GUI thread by signal.

Workers never touch widgets: they return a value or raise, and the callbacks run on the
GUI thread. A newer request for the same ``key`` supersedes an older one whose result
would be stale (search-as-you-type).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    """One per window; owns the relays so none is collected before its signal arrives."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._generation: dict[str, int] = {}
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        *,
        key: str | None = None,
    ) -> None:
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
        relay = _Relay(self)  # parented to this GUI-thread object: its slots run on the GUI thread
        self._relays.add(relay)

        def current() -> bool:
            return not key or self._generation.get(key) == generation

        def succeeded(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if current():
                on_success(result)

        def failed(exc: BaseException) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if current():
                on_failure(exc)

        relay.succeeded.connect(succeeded)
        relay.failed.connect(failed)
        self.pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
