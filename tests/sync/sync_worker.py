"""A separate process that syncs an office's database until nothing waits (killed by the tests).

python -m tests.sync.sync_worker DATABASE_URL PROVINCE_URL SCANS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.storage.database import Database
from counter_app.sync.province.adapter import SyncProblem
from counter_app.sync.service import SyncService
from tests.sync.conftest import client


def main(database_url: str, province_url: str, scans_dir: str) -> int:
    db = Database.open(database_url)
    adapter = client(province_url, chunk_bytes=16 * 1024)
    sync = SyncService(db, adapter, Path(scans_dir), CatalogueService(db), CalendarService(db), batch_items=7)
    print("ready", flush=True)
    try:
        for _ in range(10_000):
            try:
                report = sync.run_round()
            except SyncProblem:
                continue
            print(f"round {report.pushed} {report.files}", flush=True)
            if sync.summary().pending == 0:
                print("drained", flush=True)
                return 0
        return 1
    finally:
        adapter.close()
        db.dispose()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
