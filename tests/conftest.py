"""Shared fixtures: real SQLite files and a real, throwaway PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The offscreen screen is 800×800 unless told: the tests run on a clerk's 1366×768 screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).parent / "data" / "clerk_screen.json"
    )

import pytest
from sqlalchemy import create_engine, text

from counter_app.domain.catalogue import parse_catalogue
from counter_app.domain.staff import Role, StaffMember
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.demo import demo_catalogue_text
from counter_app.services.staff import StaffService
from counter_app.storage import migrate
from counter_app.storage.database import Database, sqlite_url
from tests.pg_server import PgServer

IN_CI = os.environ.get("CI", "").lower() == "true"
ENGINES = ["sqlite", "postgresql"]
_names = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = PgServer.start()
    except (FileNotFoundError, OSError) as exc:
        message = (
            f"PostgreSQL tests need the server binaries ({exc}); "
            "install them with 'sudo apt-get install postgresql' (make test does this where it can)."
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    engine = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CREATE DATABASE counter_template"))
    engine.dispose()
    template = Database.open(server.url("counter_template"))
    migrate.upgrade(template)
    template.dispose()
    yield server
    server.stop()


def _pg_database(server: PgServer) -> tuple[Database, str]:
    name = f"test_{os.getpid()}_{next(_names)}"
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE counter_template"))
    admin.dispose()
    return Database.open(server.url(name)), name


def _drop_pg_database(server: PgServer, name: str) -> None:
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database on each engine."""
    if request.param == "sqlite":
        database = Database.open(sqlite_url(tmp_path / "counter.sqlite3"))
        migrate.upgrade(database)
        yield database
        database.dispose()
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        database, name = _pg_database(server)
        yield database
        database.dispose()
        _drop_pg_database(server, name)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(sqlite_url(tmp_path / "counter.sqlite3"))
    migrate.upgrade(database)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_catalogue_text_fixture() -> str:
    return demo_catalogue_text()


@pytest.fixture
def catalogue(db: Database) -> CatalogueService:
    service = CatalogueService(db)
    service.import_catalogue(None, parse_catalogue(demo_catalogue_text()))
    return service


@pytest.fixture
def calendar(db: Database) -> CalendarService:
    return CalendarService(db)


@pytest.fixture
def staff(db: Database) -> StaffService:
    from argon2 import PasswordHasher

    # Cheap hashing parameters keep the tests quick; the real ones are argon2-cffi's defaults.
    return StaffService(db, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def admin(staff: StaffService) -> StaffMember:
    return staff.create(None, "quantri", "Lê Văn Quản", Role.ADMIN, "quantri123")


@pytest.fixture
def clerk(staff: StaffService, admin: StaffMember) -> StaffMember:
    return staff.create(admin, "canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK, "canbo123")
