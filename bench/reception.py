"""Reception benchmark: saving a dossier, rendering its receipt, and searching many dossiers.

Run: ``make bench-reception`` (or ``python bench/reception.py``). For each engine it measures

- save: IntakeService.receive, a complete dossier with its checklist, committed (median, p95);
- receipt: Mẫu 01 as a PDF, two copies (median, p95; the engine does not matter, SQLite only);
- search, at each size in BENCH_SIZES (10,000, 100,000 and 1,000,000 dossiers by default): by name
  without diacritics (two words, "van an": the goal's measure; also one word and a full name), by
  the 12-digit ID, by dossier code, by part of a code (its running number alone, "0153", found on
  each of the ~2,000 days; its day and number, "240315-0153") (median, p95 over BENCH_SEARCHES
  queries), asking for BENCH_LIMITS results (50; the counter's search box asks for 200).

Sizes: BENCH_SAVES (300; 0 skips the save and the receipt), BENCH_SEARCHES (50), BENCH_SIZES,
BENCH_LIMITS (50, or e.g. "50,200"), BENCH_ENGINES (sqlite,postgresql).
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/queue.py would shadow the standard library's queue (psycopg needs it): run from the root.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402

from counter_app.documents import forms  # noqa: E402
from counter_app.documents.pdf_layout import OfficeHeader  # noqa: E402
from counter_app.domain.calendar import VN_TZ, now_vn  # noqa: E402
from counter_app.domain.reception import CheckResult, checklist, validate_applicant  # noqa: E402
from counter_app.domain.staff import Role  # noqa: E402
from counter_app.domain.text import fold  # noqa: E402
from counter_app.paths import resources_dir  # noqa: E402
from counter_app.services.calendar import CalendarService  # noqa: E402
from counter_app.services.catalogue import CatalogueService, load_catalogue_file  # noqa: E402
from counter_app.services.dossier_lists import DossierLists  # noqa: E402
from counter_app.services.intake import IntakeService, ReceptionRequest  # noqa: E402
from counter_app.services.staff import StaffService  # noqa: E402
from counter_app.storage import migrate, models  # noqa: E402
from counter_app.storage.database import Database, sqlite_url  # noqa: E402

OFFICE = "000.00.06.H56"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quang", "Xuân", "Hồng"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hạnh",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Uyên",
    "Việt",
    "Yến",
    "Ánh",
]


def _figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def _timed(work: Callable[[], object], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def _services(url: str) -> tuple[Database, IntakeService, DossierLists]:
    db = Database.open(url)
    migrate.upgrade(db)
    catalogue = CatalogueService(db)
    if catalogue.count() == 0:
        catalogue.import_catalogue(None, load_catalogue_file(Path(resources_dir(), "catalogue", "demo.json")))
    calendar = CalendarService(db)
    intake = IntakeService(db, catalogue, calendar, office_code=OFFICE, code_pattern=forms_pattern())
    return db, intake, DossierLists(db, calendar)


def forms_pattern() -> str:
    return "{agency}-{yymmdd}-{seq:05d}"  # five digits: a benchmark saves more than 9,999 a day


def bench_save_and_receipt(url: str, saves: int, *, receipt: bool) -> list[str]:
    db, reception, _ = _services(url)
    staff = StaffService(db)
    clerk = staff.find("bench") or staff.create(None, "bench", "Cán bộ đo", Role.CLERK, "bench-password")
    procedure = reception.catalogue.get("1.004873")
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    applicant = validate_applicant(
        name="Nguyễn Thị Ánh",
        id_number="001195012345",
        birth_date=None,
        address="Hà Nội",
        today=now_vn().date(),
    )
    request = ReceptionRequest("1.004873", applicant, rows)
    save = _timed(lambda: reception.receive(clerk, request, confirm_duplicate=True), saves)
    lines = [f"save: {_figures(save)} ({saves} dossiers)"]
    if receipt:
        record = reception.receive(clerk, request, confirm_duplicate=True)
        ctx = forms.FormContext(
            OfficeHeader("Ủy ban nhân dân xã Minh Khai", "Trung tâm PVHCC xã Minh Khai", "Minh Khai")
        )
        forms.receipt(record, ctx)  # fonts registered, caches warm
        pdf = _timed(lambda: forms.receipt(record, ctx), max(20, saves // 3))
        lines.append(f"receipt PDF (Mẫu 01, two copies): {_figures(pdf)}")
    db.dispose()
    return lines


def fill(db: Database, target: int, clerk_id: int) -> None:
    """Bulk rows up to ``target`` dossiers: random Vietnamese names, IDs and days over five years;
    one every three minutes, numbered from 1 each day as the counter numbers them."""
    rng = random.Random(target)
    with db.read() as session:
        have = session.scalar(select(func.count()).select_from(models.Dossier)) or 0
    start = datetime(2021, 1, 4, 8, tzinfo=VN_TZ)
    batch: list[dict[str, object]] = []
    for i in range(have, target):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        province, century, year = rng.randint(1, 96), rng.choice("0123"), rng.randint(0, 99)
        id_number = f"0{province:02d}{century}{year:02d}{rng.randint(0, 999999):06d}"
        received = start + timedelta(minutes=3 * i)
        day = received.date()
        seq = (received.hour * 60 + received.minute) // 3 + 1
        batch.append(
            dict(
                code=f"{OFFICE}-{day:%y%m%d}-{seq:04d}",
                office_code=OFFICE,
                day=day,
                running_number=seq,
                procedure_code="1.004873",
                procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
                deciding_authority="Ủy ban nhân dân cấp xã",
                applicant_name=name,
                applicant_id_number=id_number,
                applicant_address="Hà Nội",
                search_text=fold(f"{name} {id_number}"),
                status=10,
                received_at=received,
                appointment_at=received + timedelta(days=3),
                received_by=clerk_id,
            )
        )
        if len(batch) == 20_000:
            with db.write() as session:
                session.execute(insert(models.Dossier), batch)
            batch = []
    if batch:
        with db.write() as session:
            session.execute(insert(models.Dossier), batch)


def _searcher(
    lists: DossierLists, queries: list[str], rng: random.Random, now: datetime, limit: int
) -> Callable[[], object]:
    return lambda: lists.search(rng.choice(queries), now, limit=limit)


def bench_search(url: str, sizes: list[int], searches: int, limits: list[int]) -> list[str]:
    db, _, lists = _services(url)
    staff = StaffService(db)
    clerk = staff.find("bench") or staff.create(None, "bench", "Cán bộ đo", Role.CLERK, "bench-password")
    lines = []
    rng = random.Random(7)
    now = now_vn()
    for size in sizes:
        started = time.perf_counter()
        fill(db, size, clerk.id)
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as connection:
                connection.execute(text("ANALYZE dossier"))
                connection.commit()
        filled = time.perf_counter() - started
        with db.read() as session:
            sample = list(
                session.execute(
                    select(
                        models.Dossier.code, models.Dossier.applicant_id_number, models.Dossier.applicant_name
                    )
                    .order_by(func.random())
                    .limit(searches)
                )
            )
        names = [fold(" ".join(name.split()[-2:])) for _, _, name in sample]  # "van an": middle and given
        full_names = [fold(name) for _, _, name in sample]  # "nguyen van an"
        given = [fold(name.split()[-1]) for _, _, name in sample]  # "an": one word
        ids, codes = [i for _, i, _ in sample], [c for c, _, _ in sample]
        numbers = [c.rsplit("-", 1)[1] for c in codes]  # "0153": that number on every day
        day_numbers = ["-".join(c.rsplit("-", 2)[1:]) for c in codes]  # "240315-0153"
        for limit in limits:
            by_name = _timed(_searcher(lists, names, rng, now, limit), searches)
            by_full = _timed(_searcher(lists, full_names, rng, now, limit), searches)
            by_word = _timed(_searcher(lists, given, rng, now, limit), searches)
            by_id = _timed(_searcher(lists, ids, rng, now, limit), searches)
            by_code = _timed(_searcher(lists, codes, rng, now, limit), searches)
            by_number = _timed(_searcher(lists, numbers, rng, now, limit), searches)
            by_day_number = _timed(_searcher(lists, day_numbers, rng, now, limit), searches)
            lines.append(
                f"{size:>9,} dossiers (filled in {filled:.0f} s), {limit} results: "
                f"name without diacritics {_figures(by_name)}; full name {_figures(by_full)}; "
                f"one word {_figures(by_word)}; ID {_figures(by_id)}; code {_figures(by_code)}; "
                f"running number {_figures(by_number)}; day and number {_figures(by_day_number)}"
            )
            print("   ", lines[-1], flush=True)
    db.dispose()
    return lines


def main() -> None:
    # A benchmark stopped with kill or Ctrl+C still stops its PostgreSQL server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    saves = int(os.environ.get("BENCH_SAVES", "300"))
    searches = int(os.environ.get("BENCH_SEARCHES", "50"))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
    limits = [int(s) for s in os.environ.get("BENCH_LIMITS", "50").split(",")]
    engines = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
    print(f"reception benchmark: {os.cpu_count()} cores; {saves} saves; search sizes {sizes}")
    summary: list[str] = []
    with tempfile.TemporaryDirectory(prefix="counter-bench-reception-") as tmp:
        if "sqlite" in engines:
            url = sqlite_url(Path(tmp) / "reception.sqlite3").render_as_string(hide_password=False)
            if saves:
                summary += [f"SQLite {line}" for line in bench_save_and_receipt(url, saves, receipt=True)]
            summary += [f"SQLite {line}" for line in bench_search(url, sizes, searches, limits)]
        if "postgresql" in engines:
            from tests.pg_server import PgServer

            server = PgServer.start(durable=True)
            try:
                admin = Database.open(server.url("postgres"))
                with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.execute(text("CREATE DATABASE bench"))
                admin.dispose()
                url = server.url("bench").render_as_string(hide_password=False)
                if saves:
                    summary += [
                        f"PostgreSQL {line}" for line in bench_save_and_receipt(url, saves, receipt=False)
                    ]
                summary += [f"PostgreSQL {line}" for line in bench_search(url, sizes, searches, limits)]
            finally:
                server.stop()
    print("\n".join(["", "summary:", *summary]))


if __name__ == "__main__":
    main()
