"""Engines and transactions for SQLite (embedded) and PostgreSQL (several PCs).

SQLite: WAL, synchronous=FULL (a committed dossier survives a power cut), foreign keys,
a busy timeout, and write transactions that BEGIN IMMEDIATE so that two writers queue
for the lock instead of failing with 'database is locked' half-way through.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

BUSY_TIMEOUT_MS = 30_000
# session.info key: a writer that notes work to finish later in its transaction (the outbox's
# dossier snapshots) files it here under its own name and takes it out when it writes it.
# A write transaction that ends with anything left refuses to commit (UnwrittenNotes).
UNWRITTEN = "unwritten"
_NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "fuse.sshfs", "afpfs", "davfs"}


class DatabaseConfigError(ValidationError):
    """The database URL or location is unusable; the message says why."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, field="database_url", **params)


class UnwrittenNotes(RuntimeError):
    """A programming error: the transaction ended with notes nobody wrote (a call was forgotten)."""


def is_network_path(path: str) -> bool:
    """True for UNC/SMB paths and, where the system tells, files on a network mount."""
    if path.startswith(("\\\\", "//")) or path.lower().startswith(("smb:", "\\\\?\\unc\\")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = PureWindowsPath(os.path.abspath(path)).drive
        drive_remote = 4
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote
    return _mount_type(path) in _NETWORK_FILESYSTEMS


def _mount_type(path: str) -> str:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    target = PurePosixPath(os.path.abspath(path))
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == PurePosixPath(mount_point) or PurePosixPath(mount_point) in target.parents) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def parse_database_url(text: str) -> URL:
    """Check a database URL: SQLite on a local disk, or PostgreSQL through psycopg 3."""
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise DatabaseConfigError(
            QT_TRANSLATE_NOOP("Domain", "“{value}” is not a database address."), value=text
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.drivername not in ("sqlite", "sqlite+pysqlite"):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "Unsupported SQLite driver “{value}”."), value=url.drivername
            )
        if not url.database or url.database == ":memory:":
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "An SQLite database must be a file on this computer.")
            )
        if is_network_path(url.database):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The database file {value} is on a network share, where SQLite corrupts data. "
                    "Keep it on this computer's disk, or use PostgreSQL for several PCs.",
                ),
                value=url.database,
            )
        return url
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername != "postgresql+psycopg":
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "Use postgresql:// (psycopg 3), not “{value}”."),
                value=url.drivername,
            )
        if not url.database:
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "The PostgreSQL address must name a database.")
            )
        return url
    raise DatabaseConfigError(
        QT_TRANSLATE_NOOP(
            "Domain", "Only sqlite:/// and postgresql:// databases are supported, not “{value}”."
        ),
        value=backend,
    )


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
