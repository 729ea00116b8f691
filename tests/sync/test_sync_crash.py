"""kill -9 of the syncing process at random moments: after a restart nothing is lost or repeated.

The sync runs in a subprocess against the reference server (in this process, with latency and
small requests so each kill lands mid-flight: between a request and the mark that follows it,
inside an upload, inside a pull). SYNC_KILL_ROUNDS sets how many kills (8 by default, for CI).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync.office_day import issue_many, outbox_by_kind, outbox_counts, receive_many

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("SYNC_KILL_ROUNDS", "8"))


def _worker(url: str, province_url: str, scans_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.sync.sync_worker", url, province_url, str(scans_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_kill_minus_9_during_sync_loses_and_repeats_nothing(db, intake, steps, clerk, scans, province):
    url = db.engine.url.render_as_string(hide_password=False)
    draw = random.Random(20261122)
    province.faults.update({"latency_ms": 15, "upload_bytes_per_second": 400_000})
    codes: list[str] = []
    decided = False
    interrupted = 0
    for kill in range(ROUNDS):
        codes += receive_many(intake, steps, scans, clerk, 6, first=kill * 6)  # the office keeps working
        if kill == 0:
            issue_many(db, 40, clerk)
        if not decided and kill >= ROUNDS // 2 and province.store.dossier(codes[0]) is not None:
            province.store.province_sets_status(codes[0], 9, "20261127100000", "Đã ký")  # pulled mid-kills
            decided = True
        worker = _worker(url, province.url, scans.scans_dir)
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        time.sleep(draw.uniform(0.05, 0.6))
        worker.send_signal(signal.SIGKILL)
        out = worker.stdout.read()  # readline()'s reader: communicate(timeout=…) skips its buffer
        worker.stdout.close()
        worker.wait(timeout=60)
        interrupted += "drained" not in out
    province.faults.clear()
    final = _worker(url, province.url, scans.scans_dir)
    out, _ = final.communicate(timeout=240)
    assert "drained" in out
    assert interrupted >= ROUNDS // 2  # most kills landed while there was still work under way

    stats = province.store.stats()
    sent = outbox_by_kind(db)
    assert set(outbox_counts(db)) == {"done"} or set(outbox_counts(db)) == {"done", "superseded"}
    assert stats.items == {"dossier": sent["dossier"], "status": sent["status"], "ticket": sent["ticket"]}
    assert stats.dossiers == ROUNDS * 6 and stats.files_complete == sent["file"]
    assert not decided or steps.record_by_code(codes[0]).status == 9
    assert stats.tickets == 40
    if db.is_sqlite:
        with db.read() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
