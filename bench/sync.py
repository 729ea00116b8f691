"""Sync benchmark: the outbox drained to the reference provincial server over loopback.

Run: ``make bench-sync`` (or ``python bench/sync.py``). The server runs as its own process (as a
real one would), so it does not share this process's interpreter lock. Measured:

- drain: BENCH_SYNC_DOSSIERS (10,000) dossiers received while offline (each a snapshot and a first
  step in the outbox, half of them handed over: a third item), then drained: dossiers per second,
  JSON bytes the server read per dossier, this process's memory (RSS) before, at peak and after;
- upload: BENCH_SYNC_MEGABYTES (1,024) MB of scans in 8 MB files, uploaded in 4 MB chunks with
  SHA-256: MB/s, beside the same loopback link carrying the same bytes in bare PUTs (the ceiling).

Engine: SQLite (the embedded default); BENCH_SYNC_URL=postgresql://… for another database.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from counter_app.domain.calendar import now_vn  # noqa: E402
from counter_app.domain.reception import CheckResult, checklist, validate_applicant  # noqa: E402
from counter_app.domain.staff import Role, StaffMember  # noqa: E402
from counter_app.paths import resources_dir  # noqa: E402
from counter_app.services.calendar import CalendarService  # noqa: E402
from counter_app.services.catalogue import CatalogueService, load_catalogue_file  # noqa: E402
from counter_app.services.dossier_steps import DossierSteps  # noqa: E402
from counter_app.services.intake import IntakeService, ReceptionRequest  # noqa: E402
from counter_app.services.scanning import ScanService  # noqa: E402
from counter_app.services.staff import StaffService  # noqa: E402
from counter_app.storage import migrate, models  # noqa: E402
from counter_app.storage.database import Database, sqlite_url  # noqa: E402
from counter_app.sync.province.rest_client import ContractClient, Credentials  # noqa: E402
from counter_app.sync.service import SyncService  # noqa: E402

OFFICE = "000.00.06.H56"
SECRET = "bench-secret"
DOSSIERS = int(os.environ.get("BENCH_SYNC_DOSSIERS", "10000"))
MEGABYTES = int(os.environ.get("BENCH_SYNC_MEGABYTES", "1024"))
FILE_MB = 8


class MemoryWatch:
    """This process's resident memory, sampled every 20 ms while the work runs."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.samples.append(self.process.memory_info().rss)

    def __enter__(self) -> MemoryWatch:
        self.before = self.process.memory_info().rss
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.after = self.process.memory_info().rss

    def line(self) -> str:
        peak = max(self.samples or [self.after])
        mb = 2**20
        return (
            f"memory RSS {self.before / mb:.0f} MB before, {peak / mb:.0f} MB peak, "
            f"{self.after / mb:.0f} MB after"
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counter_app.reference_server",
            "--db",
            str(folder / "province.sqlite"),
            "--port",
            str(port),
            "--client",
            f"{OFFICE}:{SECRET}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert server.stdout is not None
    server.stdout.readline()  # "reference provincial server on …": it listens
    return server, f"http://127.0.0.1:{port}"


def _stats(url: str) -> dict[str, object]:
    return requests.get(f"{url}/_admin/stats", timeout=30).json()  # type: ignore[no-any-return]


def _fill(db: Database, intake: IntakeService, steps: DossierSteps, clerk: StaffMember, count: int) -> None:
    procedure = intake.catalogue.get("1.001193")
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    today = now_vn().date()
    for i in range(count):
        applicant = validate_applicant(
            name="Nguyễn Văn " + "".join("ABCDEGHIKL"[int(d)] for d in str(i)),
            id_number=f"0010950{i % 100000:05d}",
            birth_date=date(1995, 1, 1),
            address="Xóm 3, xã Minh Khai",
            today=today,
        )
        record = intake.receive(clerk, ReceptionRequest("1.001193", applicant, rows), confirm_duplicate=True)
        if i % 2:
            steps.hand_over(clerk, record.id, "Phòng Tư pháp")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    url_text = os.environ.get("BENCH_SYNC_URL") or sqlite_url(folder / "office.sqlite").render_as_string()
    db = Database.open(url_text)
    migrate.upgrade(db)
    catalogue = CatalogueService(db)
    catalogue.import_catalogue(None, load_catalogue_file(resources_dir() / "catalogue" / "demo.json"))
    calendar = CalendarService(db)
    from argon2 import PasswordHasher

    staff = StaffService(db, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    admin = staff.create(None, "quantri", "Quản trị", Role.ADMIN, "quantri123")
    clerk = staff.create(admin, "canbo", "Cán bộ", Role.CLERK, "canbo123")
    intake = IntakeService(
        db, catalogue, calendar, office_code=OFFICE, code_pattern="{agency}-{yymmdd}-{seq:04d}"
    )
    steps = DossierSteps(db, catalogue, calendar)
    scans = ScanService(db, folder / "scans")
    print(f"sync benchmark on {db.description}, {os.cpu_count()} CPUs; server in its own process")
    started = time.perf_counter()
    _fill(db, intake, steps, clerk, DOSSIERS)
    with db.read() as session:
        items = len(session.scalars(select(models.OutboxItem.id)).all())
    print(
        f"setup: {DOSSIERS} dossiers received offline in {time.perf_counter() - started:.0f} s, "
        f"{items} items queued"
    )

    server, url = _start_server(folder)
    adapter = ContractClient(url, Credentials(OFFICE, SECRET), connect_timeout=5, read_timeout=120)
    sync = SyncService(db, adapter, scans.scans_dir, catalogue, calendar)
    try:
        with MemoryWatch() as memory:
            t0 = time.perf_counter()
            while sync.summary().pending:
                sync.run_round()
            elapsed = time.perf_counter() - t0
        stats = _stats(url)
        assert stats["dossiers"] == DOSSIERS, stats
        sent = int(str(stats["request_bytes"]))
        print(
            f"drain: {DOSSIERS} dossiers ({items} items) in {elapsed:.1f} s = "
            f"{DOSSIERS / elapsed:.0f} dossiers/s ({items / elapsed:.0f} items/s); "
            f"{sent / DOSSIERS:.0f} bytes sent per dossier in {stats['requests']} requests; {memory.line()}"
        )

        # 1 GB of scans: incompressible bytes, one file per dossier's first paper.
        files = max(1, MEGABYTES // FILE_MB)
        with db.read() as session:
            first_ids = session.scalars(
                select(models.Dossier.id).order_by(models.Dossier.id).limit(files)
            ).all()
        block = os.urandom(FILE_MB * 2**20)
        t0 = time.perf_counter()
        for n, dossier_id in enumerate(first_ids):
            data = block[n:] + block[:n]  # each file different, so each SHA-256 is
            code, _ = scans.rows(dossier_id)
            scans._store(  # the PDF/A maker is measured in bench/scan.py; here the bytes matter
                dossier_id, 0, code, "Tờ khai", data, hashlib.sha256(data).hexdigest(), 1, 0, now_vn()
            )
        print(f"setup: {files} files of {FILE_MB} MB written in {time.perf_counter() - t0:.0f} s")
        with MemoryWatch() as memory:
            t0 = time.perf_counter()
            while sync.summary().pending:
                sync.run_round()
            elapsed = time.perf_counter() - t0
        megabytes = files * FILE_MB
        stats = _stats(url)
        assert stats["files_complete"] == files, stats
        print(
            f"upload: {megabytes} MB in {files} files in {elapsed:.1f} s = {megabytes / elapsed:.0f} MB/s; "
            f"{memory.line()}"
        )

        # The link itself: the same bytes, bare PUTs of 4 MB to a route that reads and drops them.
        link = requests.Session()
        chunk = block[: 4 * 2**20]
        t0 = time.perf_counter()
        for _ in range(megabytes // 4):
            link.put(
                f"{url}/v1/uploads/none", data=chunk, headers={"Content-Range": "bytes 0-0/0"}, timeout=60
            )
        elapsed = time.perf_counter() - t0
        print(f"link: bare 4 MB PUTs over loopback to the same server: {megabytes / elapsed:.0f} MB/s")
    finally:
        adapter.close()
        server.terminate()
        server.wait(30)
        db.dispose()
    print(json.dumps({"folder": str(folder)}))


if __name__ == "__main__":
    main()
