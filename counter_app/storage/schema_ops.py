"""Schema changes that keep the data on SQLite, for the migrations to share.

Alembic's batch mode drops a column on SQLite by copying the table and dropping the old one.
With foreign keys on (storage/database.py turns them on for every connection), dropping a table
that others point at either fails (staff, office) or deletes their rows through ON DELETE
CASCADE (a dossier's events and papers). SQLite 3.35 and later drop a column in place.
"""

from __future__ import annotations

from alembic import op


def drop_columns(table: str, *columns: str) -> None:
    """Drop ``columns`` of ``table`` in place: never a copy of the table on SQLite."""
    if op.get_bind().dialect.name == "sqlite":
        for column in columns:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        for column in columns:
            op.drop_column(table, column)
