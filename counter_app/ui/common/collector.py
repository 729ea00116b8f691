"""Python's cyclic garbage collection runs on the GUI thread only.

A Qt object caught in a reference cycle is destroyed by whichever thread happens to run the
collector. When that was a worker (a TaskRunner job compiling SQL), the object's destructor ran
off its own thread and the process died (a segfault seen in the journeys, "Garbage-collecting"
on a pool thread). So automatic collection is off, and a timer on the GUI thread collects each
generation when it is over its threshold, as PyQt's documentation advises and Anki does.
Reference counting frees everything that is not in a cycle at once, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 1_000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_EVERY_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):  # the oldest due takes the younger ones with it
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        gc.enable()


_installed: list[MainThreadCollector] = []


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once per process (call on the GUI thread, with the application)."""
    if not _installed:
        _installed.append(MainThreadCollector(app))
    return _installed[0]
