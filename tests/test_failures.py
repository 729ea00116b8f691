import errno
import sqlite3

from sqlalchemy.exc import OperationalError

from counter_app.domain.errors import ValidationError
from counter_app.failures import FailureKind, classify


def test_environmental_failures_get_advice_and_bugs_do_not():
    assert classify(OSError(errno.ENOSPC, "No space left on device")).kind is FailureKind.DISK_FULL
    assert classify(PermissionError(errno.EACCES, "denied")).kind is FailureKind.NO_PERMISSION
    locked = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert classify(locked).kind is FailureKind.DATABASE_BUSY
    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    assert classify(full).kind is FailureKind.DISK_FULL
    gone = OperationalError("connect", {}, Exception("connection refused"))
    assert classify(gone).kind is FailureKind.DATABASE_UNREACHABLE
    assert classify(ValidationError("x", field="f")).kind is FailureKind.RULE
    bug = classify(KeyError("oops"))
    assert bug.is_bug and bug.template


def test_a_full_disk_during_a_write_keeps_what_was_saved(sqlite_db):
    """SQLite's max_page_count stands in for a full disk: the write fails whole, old data stays."""
    from sqlalchemy import func, select, text

    from counter_app.storage import models

    with sqlite_db.write() as session:
        session.add(models.Office(code="A.1", name="Trung tâm", parent_body=""))
    with sqlite_db.read() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
    try:
        with sqlite_db.write() as session:
            session.execute(text(f"PRAGMA max_page_count = {pages}"))
            session.add_all(models.Office(code=f"B.{i}", name="x" * 2000, parent_body="") for i in range(500))
    except OperationalError as exc:
        assert classify(exc).kind is FailureKind.DISK_FULL
    else:
        raise AssertionError("the write should not fit")
    sqlite_db.engine.dispose()  # the limit lives on that connection only
    with sqlite_db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Office)) == 1
