"""An unattended screen that dies comes back by itself, and the crash leaves a trace in the log."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counter_app.run_state import RunMarker
from counter_app.supervisor import Supervisor, describe_exit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


def _marker_pid(home: Path, role: str) -> int | None:
    try:
        return int(json.loads((home / "data" / f"running-{role}.json").read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def _window_log(home: Path) -> str:
    path = home / "logs" / "counter_app.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _log(home: Path) -> str:
    """The window's log, then the supervisor's."""
    texts = []
    for name in ("counter_app.log", "supervisor.log"):
        path = home / "logs" / name
        texts.append(path.read_text(encoding="utf-8", errors="replace") if path.exists() else "")
    return "\n".join(texts)


def test_a_crashed_display_board_comes_back_and_the_crash_is_logged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    # No sound card in CI: the board stays silent.
    (home / "config" / "settings.json").write_text(json.dumps({"voice": {"enabled": False}}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    output = (tmp_path / "output.txt").open("wb")
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--role", "display", "--home", str(home)],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        first = _wait_for(lambda: _marker_pid(home, "display"), 60, "the board to start")
        _wait_for(lambda: "opened " in _log(home), 60, "the board to open its database")
        os.kill(first, signal.SIGSEGV)  # what a fault inside Qt does
        second = _wait_for(
            lambda: (pid := _marker_pid(home, "display")) not in (None, first) and pid, 30, "a new board"
        )
        assert second != first
        # The new run says the last one ended abnormally, in the window's log.
        _wait_for(lambda: f"the last display run (process {first}" in _window_log(home), 30, "notice")
        # faulthandler's trace of the crash is in the window's log file too.
        assert "Fatal Python error: Segmentation fault" in _window_log(home)
        # The supervisor logged the restart in its own file.
        restarts = (home / "logs" / "supervisor.log").read_text(encoding="utf-8")
        assert f"display window (process {first}) ended abnormally (signal SIGSEGV)" in restarts
        assert supervisor.poll() is None
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(30)
        output.close()
    # Stopping the supervisor stops the board, and nothing is restarted after.
    pid = _marker_pid(home, "display")
    if pid is not None:
        _wait_for(lambda: not _alive(pid), 30, "the board to stop")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_clean_exit_or_a_settings_mistake_is_not_restarted() -> None:
    sleeps: list[float] = []
    for code in (0, 2):
        supervisor = Supervisor(
            "kiosk", [sys.executable, "-c", f"raise SystemExit({code})"], sleep=sleeps.append
        )
        assert supervisor.run() == code
    assert sleeps == []


def test_a_process_that_keeps_dying_is_retried_less_often_but_never_given_up(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    script = (
        "import pathlib, sys\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) + 1 if p.exists() else 1\n"
        "p.write_text(str(n))\n"
        "sys.exit(0 if n >= 5 else 1)\n"
    )
    sleeps: list[float] = []
    supervisor = Supervisor("display", [sys.executable, "-c", script], sleep=sleeps.append)
    assert supervisor.run() == 0
    assert supervisor.restarts == 4
    assert sleeps == [2.0, 4.0, 8.0, 10.0]


def test_exit_descriptions_name_the_signal() -> None:
    assert describe_exit(-signal.SIGSEGV) == "signal SIGSEGV"
    assert describe_exit(3) == "exit code 3"


def test_a_marker_left_behind_means_the_last_run_ended_abnormally(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "running-kiosk.json").write_text(
        json.dumps({"role": "kiosk", "pid": dead.pid, "started_at": "2026-11-26T07:30:00"})
    )
    marker = RunMarker(tmp_path, "kiosk")
    last = marker.begin()
    assert last is not None and last.pid == dead.pid and last.started_at.hour == 7
    marker.end()
    assert RunMarker(tmp_path, "kiosk").begin() is None  # a clean end leaves nothing to report


def test_a_marker_of_a_live_process_is_not_a_crash(tmp_path: Path) -> None:
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / "running-display.json").write_text(
            json.dumps({"role": "display", "pid": alive.pid, "started_at": "2026-11-26T07:30:00"})
        )
        assert RunMarker(tmp_path, "display").begin() is None
    finally:
        alive.kill()
        alive.wait()


def test_a_locked_kiosk_ends_cleanly_when_the_pc_shuts_down(tmp_path: Path) -> None:
    """SIGTERM (a shutdown, the supervisor's stop) closes even the locked kiosk, and cleanly."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"kiosk": {"full_screen": False}}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--role", "kiosk", "--home", str(home), "--no-restart"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: "opened " in _log(home), 60, "the kiosk to open its database")
        time.sleep(1)
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(30) == 0
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert _marker_pid(home, "kiosk") is None  # a clean end: the next start reports nothing


def test_a_stop_during_the_start_of_the_window_stops_it(tmp_path: Path) -> None:
    supervisor = Supervisor("display", [sys.executable, "-c", "import time; time.sleep(60)"])
    supervisor.stopping = True  # as if SIGTERM arrived while Popen was starting the child
    assert supervisor.run() == 0
    assert supervisor.child is not None and supervisor.child.returncode is not None


def test_the_person_closing_a_counter_that_cannot_open_its_database_is_final() -> None:
    sleeps: list[float] = []
    supervisor = Supervisor("counter", [sys.executable, "-c", "raise SystemExit(5)"], sleep=sleeps.append)
    assert supervisor.run() == 5 and sleeps == []
