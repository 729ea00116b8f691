"""The background sync: a plain thread that runs rounds while the province answers and backs off
(exponentially, with jitter, honouring Retry-After) while it does not.

Never the GUI thread: the window learns what happens through ``on_state``, called on this
thread (the window turns it into a queued Qt signal). Online or offline is decided by a quick
request to the real endpoint, never by the operating system's idea of the network.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from counter_app.domain.calendar import now_vn
from counter_app.domain.errors import DomainError, Message
from counter_app.sync.log import LogLevel, SyncSummary
from counter_app.sync.province.adapter import ServerBusy, SyncProblem, Unreachable
from counter_app.sync.service import RoundReport, SyncService

log = logging.getLogger(__name__)

BASE_DELAY = 2.0
MAX_DELAY = 300.0
INTERVAL = 60.0  # between rounds while online and caught up
SUMMARY_EVERY = 5.0  # how often the waiting count is refreshed between rounds


class Connection(StrEnum):
    NOT_SET_UP = "not_set_up"  # no endpoint, no secret, no keyring: sync is off
    OTHER_PC = "other_pc"  # another counter PC of the office is syncing the shared database
    CONNECTING = "connecting"
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"  # unreachable or failing: retrying
    STOPPED = "stopped"  # refused sign-in or untrusted certificate: waits for the administrator


@dataclass(frozen=True)
class RunnerState:
    connection: Connection
    summary: SyncSummary | None = None
    problem: Message | None = None
    next_try_at: datetime | None = None
    report: RoundReport | None = None
    progress: tuple[str, int, int] | None = None


def backoff(
    failures: int,
    retry_after: float | None,
    *,
    base: float = BASE_DELAY,
    ceiling: float = MAX_DELAY,
    draw: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait after ``failures`` failures in a row: doubling, capped, half of it random
    (so forty offices coming back online do not knock together); Retry-After when given."""
    if retry_after is not None:
        return max(0.5, retry_after) * (1 + 0.1 * draw())
    delay = min(ceiling, base * 2.0 ** max(0, failures - 1))
    return delay / 2 + draw() * delay / 2


class SyncRunner:
    def __init__(
        self,
        build: Callable[[], SyncService],
        on_state: Callable[[RunnerState], None],
        *,
        holder: str = "",
        interval: float = INTERVAL,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
        summary_every: float = SUMMARY_EVERY,
    ) -> None:
        self._build = build
        self.holder = holder or socket.gethostname()
        self._on_state = on_state
        self.interval = interval
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.summary_every = summary_every
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._service: SyncService | None = None
        self.state = RunnerState(Connection.CONNECTING)

    # --- control (any thread) -------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="provincial-sync", daemon=True)
            self._thread.start()

    def sync_now(self) -> None:
        self._wake.set()

    def reconfigure(self) -> None:
        """Settings or the secret changed: build the client afresh and try at once."""
        self._service = None
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def service(self) -> SyncService | None:
        return self._service

    # --- the thread -----------------------------------------------------------------------------

    def _emit(self, state: RunnerState) -> None:
        self.state = state
        try:
            self._on_state(state)
        except Exception:  # the window going away must not kill the sync
            log.exception("sync state listener failed")

    def _summary(self) -> SyncSummary | None:
        service = self._service
        if service is None:
            return None
        try:
            return service.summary()
        except Exception:
            log.exception("reading the sync summary failed")
            return None

    def _run(self) -> None:
        failures = 0
        last_problem = ""
        while not self._stop.is_set():
            service = self._service
            if service is None:
                try:
                    service = self._service = self._build()
                except DomainError as problem:
                    self._emit(RunnerState(Connection.NOT_SET_UP, problem=problem))
                    self._wait(self.max_delay, refresh=False)
                    continue
            summary = self._summary()
            try:
                if not service.take_turn(self.holder):
                    self._emit(RunnerState(Connection.OTHER_PC, summary))
                    self._wait(self.interval)
                    continue
            except Exception:
                log.exception("taking the sync turn failed")
                self._wait(self.interval)
                continue
            self._emit(RunnerState(Connection.SYNCING, summary))
            try:
                service.adapter.probe()
                report = service.run_round(
                    self._stop.is_set,
                    lambda phase, done, total, summary=summary: self._emit(  # type: ignore[misc]
                        RunnerState(Connection.SYNCING, summary, progress=(phase, done, total))
                    ),
                )
            except SyncProblem as problem:
                failures += 1
                offline = isinstance(problem, Unreachable | ServerBusy)
                retry_after = problem.retry_after if isinstance(problem, ServerBusy) else None
                delay = backoff(failures, retry_after, base=self.base_delay, ceiling=self.max_delay)
                if not problem.retryable:
                    delay = self.max_delay
                wording = f"{type(problem).__name__}:{problem.message()}"
                if wording != last_problem:  # the log gets each new trouble once, not every retry
                    last_problem = wording
                    log.warning("sync: %s (%s)", problem.message(), problem.detail)
                    self._log(service, LogLevel.WARNING if offline else LogLevel.ERROR, problem)
                self._emit(
                    RunnerState(
                        Connection.OFFLINE if problem.retryable else Connection.STOPPED,
                        self._summary(),
                        problem=problem,
                        next_try_at=now_vn() + timedelta(seconds=delay),
                    )
                )
                self._wait(delay)
                continue
            except Exception:
                failures += 1
                log.exception("sync round failed")
                delay = backoff(failures, None, base=self.base_delay, ceiling=self.max_delay)
                self._emit(
                    RunnerState(
                        Connection.OFFLINE, self._summary(), next_try_at=now_vn() + timedelta(seconds=delay)
                    )
                )
                self._wait(delay)
                continue
            failures, last_problem = 0, ""
            self._emit(RunnerState(Connection.ONLINE, self._summary(), report=report))
            moved = report.pushed or report.files or report.pulled
            self._wait(0 if moved and not report.cancelled else self.interval)  # more may wait: go on

    def _log(self, service: SyncService, level: str, problem: SyncProblem) -> None:
        try:
            service.log_message(level, problem)
        except Exception:
            log.exception("writing the sync log failed")

    def _wait(self, seconds: float, *, refresh: bool = True) -> None:
        """Sleep until ``seconds`` pass, "sync now" is pressed, or the app stops; keep the count fresh."""
        deadline = now_vn() + timedelta(seconds=seconds)
        while not self._stop.is_set():
            left = (deadline - now_vn()).total_seconds()
            if left <= 0:
                return
            if self._wake.wait(min(left, self.summary_every)):
                self._wake.clear()
                return
            if refresh:
                summary = self._summary()
                if summary is not None:
                    self._emit(
                        RunnerState(
                            self.state.connection, summary, self.state.problem, self.state.next_try_at
                        )
                    )
