"""What a run leaves behind for the next: a marker while it runs, and the trace of a hard crash.

A process killed by a fault in Qt or the interpreter runs no Python cleanup. So each run writes a
small marker file when it starts and removes it when it ends cleanly; a marker found at the next
start, whose process is gone, means the last run ended abnormally. The fault's own trace is in
the log file: ``faulthandler`` writes there (see ``logging_setup``).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psutil

from counter_app.atomic import write_text_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LastRun:
    """A run that did not end cleanly."""

    role: str
    pid: int
    started_at: datetime


class RunMarker:
    """One marker per role and data folder: a kiosk and a display on one PC each have their own."""

    def __init__(self, folder: Path, role: str) -> None:
        self.path = folder / f"running-{role}.json"
        self.role = role

    def begin(self) -> LastRun | None:
        """Mark this run as started; say whether the previous one of this role ended abnormally."""
        previous = self._read()
        if (
            previous is not None
            and previous.pid > 0  # 0: unreadable marker (and "exists" on Windows, the idle process)
            and previous.pid != os.getpid()
            and psutil.pid_exists(previous.pid)
        ):
            # Another live process of the same role (a second window on purpose): not a crash.
            previous = None
        payload = {"role": self.role, "pid": os.getpid(), "started_at": datetime.now().isoformat()}
        write_text_atomic(self.path, json.dumps(payload))
        if previous is not None:
            log.warning(
                "the last %s run (process %d, started %s) ended abnormally",
                previous.role,
                previous.pid,
                previous.started_at.isoformat(timespec="seconds"),
            )
        return previous

    def end(self) -> None:
        """A clean end: nothing to report next time."""
        try:
            current = self._read()
            if current is None or current.pid == os.getpid():
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove the run marker: %s", exc)

    def _read(self) -> LastRun | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LastRun(str(data["role"]), int(data["pid"]), datetime.fromisoformat(data["started_at"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A marker cut short by the crash itself still says the run did not end cleanly.
            log.warning("unreadable run marker %s: %s", self.path.name, exc)
            return LastRun(self.role, 0, datetime.fromtimestamp(0))
