"""Engine set-up, migrations and the rules for where a database may live."""

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from counter_app.domain.reception import CheckResult, checklist
from counter_app.services.intake import ReceptionRequest
from counter_app.storage import migrate, models
from counter_app.storage.database import (
    UNWRITTEN,
    Database,
    DatabaseConfigError,
    UnwrittenNotes,
    is_network_path,
    parse_database_url,
    sqlite_url,
)
from tests.services.test_reception import APPLICANT


def test_sqlite_is_durable_and_strict(sqlite_db):
    with sqlite_db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_schema_is_at_head_on_both_engines(db):
    assert migrate.current_revision(db) == migrate.head_revision()
    assert {"dossier", "dossier_event", "procedure", "staff", "dossier_counter"} <= set(
        inspect(db.engine).get_table_names()
    )


def test_migrations_build_exactly_the_schema_the_models_declare(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": lambda name, kind, parent: models.is_modelled(name)}
        )
        differences = compare_metadata(context, models.Base.metadata)
    assert differences == [], "write a migration for: " + repr(differences)


def test_a_failed_write_leaves_nothing_behind(db):
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(models.Office(code="X.1", name="A", parent_body=""))
        session.flush()
        raise RuntimeError("power cut")
    with db.read() as session:
        assert session.scalar(select(models.Office)) is None


def test_a_write_that_leaves_notes_unwritten_refuses_to_commit(db):
    """A writer that notes work for the end of its transaction and forgets it is stopped, loudly."""
    with pytest.raises(UnwrittenNotes, match=r"someone\.finish"), db.write() as session:
        session.add(models.Office(code="X.1", name="A", parent_body=""))
        session.info.setdefault(UNWRITTEN, {})["someone.finish"] = ["a snapshot"]
    with db.read() as session:
        assert session.scalar(select(models.Office)) is None  # rolled back, not half-committed
    with db.write() as session:  # written (taken out) before the end: committed as usual
        session.add(models.Office(code="X.1", name="A", parent_body=""))
        session.info.setdefault(UNWRITTEN, {})["someone.finish"] = ["a snapshot"]
        session.info[UNWRITTEN].pop("someone.finish")
    with db.read() as session:
        assert session.scalar(select(models.Office.code)) == "X.1"


def test_two_writers_queue_instead_of_failing(tmp_path):
    """BEGIN IMMEDIATE: concurrent read-modify-write never hits 'database is locked' nor loses an update."""
    path = tmp_path / "shared.sqlite3"
    setup = Database.open(sqlite_url(path))
    migrate.upgrade(setup)
    with setup.write() as session:
        session.add(
            models.DossierCounter(office_code="A", day=__import__("datetime").date(2026, 1, 1), last_number=0)
        )
    errors: list[BaseException] = []

    def worker() -> None:
        db = Database.open(sqlite_url(path))  # its own engine, like another PC process
        try:
            for _ in range(40):
                with db.write() as session:
                    row = session.scalar(select(models.DossierCounter))
                    assert row is not None
                    row.last_number = row.last_number + 1
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with setup.read() as session:
        assert session.scalar(select(models.DossierCounter.last_number)) == 240
    setup.dispose()


def test_an_older_database_is_backed_up_then_upgraded(tmp_path):
    db = Database.open(sqlite_url(tmp_path / "old.sqlite3"))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with db.write() as session:  # a row as version 0001 wrote it: today's model has more columns
        session.execute(
            text("INSERT INTO office (code, name, parent_body) VALUES ('000.00.06.H56', 'Cũ', '')")
        )
    assert migrate.current_revision(db) == "0001"
    backup = migrate.upgrade(db, tmp_path / "backups")
    assert backup is not None and backup.exists()
    assert migrate.current_revision(db) == migrate.head_revision()
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT name FROM office").fetchone() == ("Cũ",)
    copy.close()
    assert migrate.upgrade(db, tmp_path / "backups") is None  # nothing to do, no new backup
    db.dispose()


def test_0013_makes_the_appointment_optional_and_keeps_every_event_and_paper(db, intake, clerk):
    """SQLite: the NOT NULL is dropped in place; rebuilding the table would have deleted the
    events and checklist rows through their ON DELETE CASCADE."""

    def counts() -> list[int]:
        with db.read() as session:
            return [
                int(session.scalar(text(f"SELECT count(*) FROM {name}")) or 0)
                for name in ("dossier", "dossier_event", "dossier_component")
            ]

    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("2.000884"))]
    intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, rows))
    intake.refuse(clerk, ReceptionRequest("2.000884", APPLICANT), "Không thuộc thẩm quyền")
    before = counts()
    assert all(before)
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    assert counts() == before
    with db.read() as session:  # the refused dossier got a date to go back to NOT NULL
        assert session.scalar(text("SELECT count(*) FROM dossier WHERE appointment_at IS NULL")) == 0
    migrate.upgrade(db)
    assert counts() == before
    with db.write() as session:
        session.execute(text("UPDATE dossier SET appointment_at = NULL"))
    if db.is_sqlite:
        with db.read() as session:
            assert session.scalar(text("PRAGMA integrity_check")) == "ok"
            triggers = session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            assert {"dossier_search_insert", "dossier_search_update"} <= set(triggers)


@pytest.mark.postgres
def test_several_pcs_starting_together_upgrade_a_new_server_once(pg_server):
    from sqlalchemy import create_engine

    admin = create_engine(pg_server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE fresh_office"))
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def pc() -> None:
        db = Database.open(pg_server.url("fresh_office"))
        try:
            start.wait()
            migrate.upgrade(db)
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=pc) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check = Database.open(pg_server.url("fresh_office"))
    assert not errors and migrate.current_revision(check) == migrate.head_revision()
    check.dispose()
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE fresh_office WITH (FORCE)"))
    admin.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "mysql://u@h/db",
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql+asyncpg://h/db",
        "postgresql://host/",
        "not a url",
        "sqlite://///server/share/counter.sqlite3",
        r"sqlite:///\\server\share\counter.sqlite3",
    ],
)
def test_unusable_database_urls_are_refused(url):
    with pytest.raises(DatabaseConfigError) as info:
        parse_database_url(url)
    assert info.value.message()


def test_good_urls_are_normalised():
    assert parse_database_url("postgresql://u:p@db.local/counter").drivername == "postgresql+psycopg"
    assert parse_database_url("sqlite:///C:/data/counter.sqlite3").database == "C:/data/counter.sqlite3"


def test_network_paths():
    assert is_network_path(r"\\server\share\a.sqlite3")
    assert is_network_path("//server/share/a.sqlite3")
    assert not is_network_path(str(Path.cwd() / "a.sqlite3"))
