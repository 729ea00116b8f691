"""Logging: a rotating file in the logs folder and the console, one logger per subsystem.

A fault that kills the process (a segfault in Qt, Python's own abort) runs no logging at all:
``faulthandler`` writes the stack of every thread straight into the same log file, and follows
it to the new file when the log rotates.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _FaultTracingHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, with faulthandler pointed at whichever file is current."""

    def trace_faults(self) -> None:
        if self.stream is None:
            self.stream = self._open()
        faulthandler.enable(file=self.stream, all_threads=True)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        finally:  # even a failed rotation leaves faulthandler on an open file
            self.trace_faults()


def setup_logging(
    log_file: Path, *, level: int = logging.INFO, console: bool = True, trace_faults: bool = False
) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_counter_app", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = _FaultTracingHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    if trace_faults:
        file_handler.trace_faults()
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._counter_app = True  # type: ignore[attr-defined]
        root.addHandler(handler)
