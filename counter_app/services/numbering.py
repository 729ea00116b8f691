"""Gapless running numbers (dossier codes, queue tickets) kept in a counter row per key.

The UPDATE … RETURNING takes the row lock on PostgreSQL (a concurrent caller waits, then sees
the committed value); on SQLite the whole write transaction already holds the lock (BEGIN
IMMEDIATE). A rolled-back transaction gives its number back, so numbers never skip.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


def next_number(session: Session, counter: Any, **keys: Any) -> int:
    """The next number of ``counter`` (a model with a ``last_number`` column) for ``keys``."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(counter).values(**keys, last_number=0).on_conflict_do_nothing())
    number = session.execute(
        update(counter)
        .where(*(getattr(counter, name) == value for name, value in keys.items()))
        .values(last_number=counter.last_number + 1)
        .returning(counter.last_number),
        execution_options={"synchronize_session": False},
    ).scalar_one()
    return int(number)
