"""dossier.appointment_at may be empty: a refused or incomplete dossier has no appointment

Revision ID: 0013
Revises: 0011
Create Date: 2026-11-28 09:00:00

A dossier refused at the counter (Mẫu 03) or sent back incomplete (Mẫu 02) is not being processed:
its papers go back to the citizen, and no date is promised. The date is set when the missing
papers arrive (DossierSteps.receive_supplement). Existing rows keep their dates.

SQLite: batch_alter_table would rebuild ``dossier``, and dropping the old table with foreign keys
on (storage/database.py turns them on for every connection, and a PRAGMA cannot turn them off
inside the migration's transaction) deletes every event and checklist row through their ON
DELETE CASCADE. Dropping a NOT NULL changes nothing stored, so the table's declaration is edited
in place, as the SQLite documentation allows for this change (“ALTER TABLE”, section 7), and the
schema version bumped so every connection reads it again.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_COLUMN = re.compile(r"(appointment_at\s+DATETIME)(\s+NOT\s+NULL)?", re.IGNORECASE)


def _sqlite_declare(nullable: bool) -> None:
    bind = op.get_bind()
    declared = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'dossier'")
    sql = declared.scalar_one()
    changed, count = _COLUMN.subn(r"\1" if nullable else r"\1 NOT NULL", sql)
    if count != 1:
        raise RuntimeError("dossier.appointment_at not found in the table's declaration")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'dossier'", (changed,)
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_declare(nullable=True)
    else:
        op.alter_column("dossier", "appointment_at", existing_type=sa.DateTime(), nullable=True)


def downgrade() -> None:
    # The dossiers without a date get their reception's moment: the column needs one again.
    op.execute("UPDATE dossier SET appointment_at = received_at WHERE appointment_at IS NULL")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_declare(nullable=False)
    else:
        op.alter_column("dossier", "appointment_at", existing_type=sa.DateTime(), nullable=False)
