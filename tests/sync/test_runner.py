"""The background runner: offline, it backs off and says so; back online, it drains by itself."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from counter_app.sync.runner import Connection, RunnerState, SyncRunner, backoff
from counter_app.sync.service import SyncService
from tests.sync.conftest import client, start_province, stop_province
from tests.sync.office_day import receive_many


def test_backoff_doubles_with_jitter_and_honours_retry_after():
    assert backoff(1, None, draw=lambda: 0.0) == 1.0 and backoff(1, None, draw=lambda: 1.0) == 2.0
    assert backoff(4, None, draw=lambda: 1.0) == 16.0
    assert backoff(30, None, draw=lambda: 1.0) == 300.0  # capped
    assert backoff(1, 120, draw=lambda: 0.0) == 120.0  # the server said when


def _wait_for(
    states: list[RunnerState], done: threading.Event, check: Callable[[RunnerState], bool]
) -> RunnerState:
    for _ in range(200):
        if states and check(states[-1]):
            return states[-1]
        done.wait(0.05)
        done.clear()
    raise AssertionError(f"never reached: last state {states[-1] if states else None}")


def test_the_runner_goes_offline_then_drains_when_the_province_returns(
    db, intake, steps, clerk, scans, catalogue, calendar, clock, tmp_path
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    adapter = client(f"http://127.0.0.1:{port}")
    receive_many(intake, steps, scans, clerk, 3)
    states: list[RunnerState] = []
    changed = threading.Event()

    def on_state(state: RunnerState) -> None:
        states.append(state)
        changed.set()

    runner = SyncRunner(
        lambda: SyncService(db, adapter, scans.scans_dir, catalogue, calendar, clock=clock),
        on_state,
        interval=0.2,
        base_delay=0.1,
        max_delay=0.5,
        summary_every=0.1,
    )
    runner.start()
    province = None
    try:
        offline = _wait_for(states, changed, lambda s: s.connection is Connection.OFFLINE)
        assert offline.problem is not None and "offline" in str(offline.problem)
        assert (
            offline.summary is not None and offline.summary.pending == 10
        )  # 3 × (snapshot, step, file), one hand-over
        province = start_province(tmp_path / "p" / "p.sqlite", port)
        online = _wait_for(
            states,
            changed,
            lambda s: s.connection is Connection.ONLINE and s.summary is not None and s.summary.pending == 0,
        )
        assert online.summary is not None and online.summary.last_success_at is not None
        assert province.store.stats().dossiers == 3
        levels = [e.level for e in runner.service.entries()] if runner.service else []
        assert "warning" in levels  # "cannot be reached" was logged, once
        assert levels.count("warning") == 1
    finally:
        runner.stop()
        adapter.close()
        if province is not None:
            stop_province(province)
