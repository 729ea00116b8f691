"""Engines and transactions for SQLite (embedded) and PostgreSQL (several PCs).

SQLite: WAL, synchronous=FULL (a committed dossier survives a power cut), foreign keys,
a busy timeout, and write transactions that BEGIN IMMEDIATE so that two writers queue
for the lock instead of failing with 'database is locked' half-way through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

# The address is checked where the settings can check it too (the base layer); named here as well.
from counter_app.database_address import DatabaseConfigError as DatabaseConfigError
from counter_app.database_address import is_network_path as is_network_path
from counter_app.database_address import parse_database_url as parse_database_url

BUSY_TIMEOUT_MS = 30_000
# session.info key: a writer that notes work to finish later in its transaction (the outbox's
# dossier snapshots) files it here under its own name and takes it out when it writes it.
# A write transaction that ends with anything left refuses to commit (UnwrittenNotes).
UNWRITTEN = "unwritten"


class UnwrittenNotes(RuntimeError):
    """A programming error: the transaction ended with notes nobody wrote (a call was forgotten)."""


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN IMMEDIATE is ours to emit.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", True)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """One engine and its sessions. Sessions are short-lived: one per operation, one thread."""

    engine: Engine

    @classmethod
    def open(cls, url: URL | str) -> Database:
        url = parse_database_url(url) if isinstance(url, str) else url
        if url.get_backend_name() == "sqlite":
            assert url.database is not None
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, pool_pre_ping=False)
            _configure_sqlite(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        return cls(engine)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def description(self) -> str:
        url = self.engine.url
        if self.is_sqlite:
            return f"SQLite {url.database}"
        return f"PostgreSQL {url.host or 'localhost'}/{url.database}"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed as a whole, or rolled back as a whole.

        It is rolled back, and UnwrittenNotes raised, if notes are left under ``UNWRITTEN``:
        a change whose outbox item was never written must not reach the database alone.
        """
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session
            unwritten = session.info.get(UNWRITTEN)
            if unwritten:
                raise UnwrittenNotes(
                    "the write transaction ends with notes not written: " + ", ".join(sorted(unwritten))
                )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction; on SQLite it takes no write lock."""
        engine = self.engine.execution_options(sqlite_immediate=False)
        with Session(engine, expire_on_commit=False) as session:
            yield session  # closing the session rolls the read transaction back

    def dispose(self) -> None:
        self.engine.dispose()
