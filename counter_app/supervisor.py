"""Keeps a window's process alive: if it dies, it is started again within seconds, and the restart logged.

The kiosk and the display board run with nobody at them; the counter's clerk should not have to
find the shortcut again after a crash. The supervisor is a small process without Qt that starts
the real one (the same command with ``--supervised``) and waits. A clean exit (0: the clerk quit,
staff left the kiosk with the PIN) ends both; a mistake on the command line or in the settings
(2) would fail again the same way and is not retried; anything else, a crash included, is.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from types import FrameType

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_RESTART_REQUESTED = 3  # the window asked for it (new settings that apply at start): no delay
EXIT_FAILING = 4  # the window kept meeting unexpected errors and quit to start afresh
EXIT_GAVE_UP = 5  # the person read why the program cannot work (no database) and closed it
FINAL_CODES = (EXIT_OK, EXIT_USAGE, EXIT_GAVE_UP)
FIRST_DELAY = 1.0  # seconds before the first restart: "back within a few seconds"
MAX_DELAY = 10.0  # a process that keeps dying right away is retried less often, never given up on
STABLE_AFTER = 60.0  # a run this long was healthy: the next restart is quick again


def child_command(argv: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "counter_app", *argv, "--supervised"]


def child_environment() -> dict[str, str]:
    """The child finds counter_app where this process found it (a checkout run as ``python
    main.py`` from elsewhere, an embedded Python whose launcher set the path)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class Supervisor:
    def __init__(
        self,
        role: str,
        command: Sequence[str],
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.role = role
        self.command = list(command)
        self.sleep = sleep
        self.clock = clock
        self.child: subprocess.Popen[bytes] | None = None
        self.stopping = False
        self.restarts = 0

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        # Shutting the PC down or Ctrl+C: end the window too, and do not start it again.
        self.stopping = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signum)

    def run(self) -> int:
        previous = {signum: signal.signal(signum, self._stop) for signum in (signal.SIGTERM, signal.SIGINT)}
        try:
            return self._watch()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _watch(self) -> int:
        delay = FIRST_DELAY
        while True:
            started = self.clock()
            self.child = subprocess.Popen(self.command, env=child_environment())
            log.info("%s window started (process %d)", self.role, self.child.pid)
            if self.stopping:  # the stop came while the child was being started
                self.child.terminate()
            code = self.child.wait()
            if self.stopping:
                return EXIT_OK
            if code in FINAL_CODES:
                return code
            if code == EXIT_RESTART_REQUESTED:
                log.info("%s window restarts to apply new settings", self.role)
                delay = FIRST_DELAY
                continue
            delay = FIRST_DELAY if self.clock() - started >= STABLE_AFTER else min(delay * 2, MAX_DELAY)
            self.restarts += 1
            log.error(
                "%s window (process %d) ended abnormally (%s); starting it again in %.0f s (restart %d)",
                self.role,
                self.child.pid,
                describe_exit(code),
                delay,
                self.restarts,
            )
            self.sleep(delay)
            if self.stopping:
                return EXIT_OK
