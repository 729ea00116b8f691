"""Gapless running numbers (dossier codes, queue tickets) kept in a counter row per key.

The UPDATE … RETURNING takes the row lock on PostgreSQL (a concurrent caller waits, then sees
the committed value); on SQLite the whole write transaction already holds the lock (BEGIN
IMMEDIATE). A rolled-back transaction gives its number back, so numbers never skip.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


@lru_cache(maxsize=32)
def _statements(counter: Any, names: tuple[str, ...], dialect: str) -> tuple[Any, Any]:
    """Built once per counter table: constructing statements costs more than running them."""
    bump = (
        update(counter)
        .where(*(getattr(counter, name) == bindparam(f"k_{name}") for name in names))
        .values(last_number=counter.last_number + 1)
        .returning(counter.last_number)
    )
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    create = insert(counter).values({**{name: bindparam(f"k_{name}") for name in names}, "last_number": 0})
    return bump, create.on_conflict_do_nothing()


def next_number(session: Session, counter: Any, **keys: Any) -> int:
    """The next number of ``counter`` (a model with a ``last_number`` column) for ``keys``.

    The UPDATE comes first: only the day's first number needs the row created, so every other
    call costs one statement.
    """
    bump, create = _statements(counter, tuple(keys), session.get_bind().dialect.name)
    params = {f"k_{name}": value for name, value in keys.items()}
    options = {"synchronize_session": False}
    number = session.execute(bump, params, execution_options=options).scalar_one_or_none()
    if number is None:
        session.execute(create, params)
        number = session.execute(bump, params, execution_options=options).scalar_one()
    return int(number)
