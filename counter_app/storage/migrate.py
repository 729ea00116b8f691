"""Bring a database to the newest schema on start, after backing up an SQLite file."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from counter_app.storage.database import Database

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_KEY = 0x636F756E  # "coun": any fixed number shared by every copy of the program


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(db: Database, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL and other readers)."""
    assert db.engine.url.database is not None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{Path(db.engine.url.database).stem}-{stamp}-{label}.sqlite3"
    source = sqlite3.connect(db.engine.url.database)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head. Returns the backup taken, if any (only an existing, older SQLite file)."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    backup = None
    if db.is_sqlite and current is not None and backup_dir is not None:
        backup = backup_sqlite(db, backup_dir, f"before-{head}")
        log.info("backed up the database to %s before upgrading from %s", backup, current)
    config = _config()
    with db.engine.begin() as connection:
        if not db.is_sqlite:
            # Several PCs may start at 7:30 after an update: one upgrades, the others wait here and
            # then find nothing left to do (Alembic reads the version again inside this transaction).
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database upgraded from %s to %s", current, head)
    return backup
