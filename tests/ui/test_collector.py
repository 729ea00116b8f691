"""Cycles are collected on the GUI thread only: a worker thread never runs the collector."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.qt = QObject()


def test_workers_leave_cycles_to_the_gui_thread(qtbot):
    assert not gc.isenabled()  # the session's application installed the collector
    collected_on: list[int] = []

    def note_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.get_ident())

    gc.callbacks.append(note_collection)
    try:

        def make_garbage() -> None:
            for _ in range(5_000):  # far over the first generation's threshold
                _Cycle()

        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert worker.ident not in collected_on  # no collection on the worker
        qtbot.waitUntil(lambda: bool(collected_on), timeout=5_000)  # the GUI thread's timer collects
        assert set(collected_on) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(note_collection)
