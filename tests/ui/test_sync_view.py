"""The sync in the real counter window: offline, what waits and since when; the province comes up;
Sync now drains it, the dossier list shows it reached the province; the sync log tells the story."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from PySide6.QtCore import Qt

from counter_app.sync.province.credentials import DEMO_SECRET
from counter_app.sync.runner import Connection
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.launcher import counter_parts
from tests.sync.conftest import start_province, stop_province
from tests.tables import cell, column_texts, row_count, row_with
from tests.ui.test_scanning_view import _received

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "")) if os.environ.get("SCREENSHOT_DIR") else None


def _shot(widget, name: str) -> None:
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SCREENSHOTS / name))


def test_offline_then_sync_now_in_the_window(qtbot, context, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    context.settings.provincial.endpoint = f"http://127.0.0.1:{port}"
    context.province_demo = True
    record = _received(context)
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.set_actor(context.staff.find("canbo"))
    window.show()
    window.sync.runner.base_delay = window.sync.runner.max_delay = 60.0  # only Sync now retries
    window.sync.start()
    qtbot.waitUntil(lambda: "mất kết nối" in window.connection_status.text(), timeout=15_000)
    status = window.connection_status.text()
    assert "chờ gửi" in status and window.connection_status.property("status") == "warn"
    assert "không kết nối được" in window.connection_status.toolTip()
    _shot(window, "counter-sync-offline.png")

    province = start_province(tmp_path / "province" / "p.sqlite", port)
    province.store.add_client(context.settings.office.code, DEMO_SECRET)
    try:
        qtbot.mouseClick(window.sync_now_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                "trực tuyến" in window.connection_status.text()
                and "0 mục chờ gửi" in window.connection_status.text()
            ),
            timeout=30_000,
        )
        assert province.store.dossier(record.code) is not None
        table = window.dossiers.table

        def marked_sent() -> bool:
            row = row_with(table, record.code)
            return row >= 0 and cell(table, row, 7) == "✓"

        qtbot.waitUntil(marked_sent, timeout=10_000)
        _shot(window, "counter-sync-online.png")
        log = window.open_sync_log()
        qtbot.waitUntil(lambda: row_count(log.table) >= 2, timeout=10_000)
        texts = column_texts(log.table, 2)
        assert any("Đã gửi" in t for t in texts) and any("không kết nối được" in t for t in texts)
        _shot(log, "sync-log.png")
        log.close()
    finally:
        window.close()
        stop_province(province)


def test_with_no_province_set_up_the_log_still_shows_what_waits(qtbot, context):
    assert not context.settings.provincial.endpoint  # sync is off: the office works offline
    record = _received(context)
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.set_actor(context.staff.find("canbo"))
    window.sync.start()
    try:
        qtbot.waitUntil(lambda: window.sync.state.connection is Connection.NOT_SET_UP, timeout=10_000)
        log = window.open_sync_log()
        qtbot.waitUntil(lambda: record.code in column_texts(log.waiting_table, 2), timeout=10_000)
        waiting = context.sync_log.summary().pending
        assert waiting >= 2  # the new dossier's record and its first step, besides the demo's
        assert "chưa cài đặt" in log.status.text() and f"{waiting} mục chờ gửi" in log.status.text()
        assert row_count(log.waiting_table) == waiting
        row = column_texts(log.waiting_table, 2).index(record.code)
        assert cell(log.waiting_table, row, 1) == "thông tin hồ sơ"  # what waits, in words
        assert not log.resend_button.isEnabled()
        # Nothing to sync with: "Sync now" is greyed wherever it is offered, not a click that does nothing.
        assert not log.sync_button.isEnabled()
        assert not window.sync_now_button.isEnabled() and not window.sync_now_action.isEnabled()
        _shot(log, "sync-log-offline.png")
        log.close()
    finally:
        window.close()
