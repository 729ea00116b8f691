"""dossier steps: who received the hand-over, the decision (number, date, outcome), undone steps

Revision ID: 0015
Revises: 0011
Create Date: 2026-11-26 09:00:00

A hand-over names the department or officer receiving the dossier (on its event and, the latest,
on the dossier). The decision's number, date and outcome (approved, or refused with the reason)
decide which result the citizen collects. A step the office head undoes stays in the history,
marked with who undid it, when and why. Existing rows get empty values: their steps were
recorded before these were asked.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.storage.schema_ops import drop_columns

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossier") as batch_op:
        batch_op.add_column(sa.Column("handed_to", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("decision_number", sa.String(length=60), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("decision_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("decision_outcome", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("decision_reason", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("dossier_event") as batch_op:
        batch_op.add_column(sa.Column("recipient", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("undone_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("undone_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("undo_reason", sa.Text(), server_default="", nullable=False))
        batch_op.create_foreign_key(op.f("fk_dossier_event_undone_by_staff"), "staff", ["undone_by"], ["id"])


def downgrade() -> None:
    # A copy of the events' table is safe: nothing points at it (and SQLite cannot drop undone_by,
    # a foreign key, in place).
    with op.batch_alter_table("dossier_event") as batch_op:
        batch_op.drop_constraint(op.f("fk_dossier_event_undone_by_staff"), type_="foreignkey")
        batch_op.drop_column("undo_reason")
        batch_op.drop_column("undone_by")
        batch_op.drop_column("undone_at")
        batch_op.drop_column("recipient")
    # In place: a copy of the dossier table would take its events and papers with the old one.
    drop_columns(
        "dossier", "decision_reason", "decision_outcome", "decision_date", "decision_number", "handed_to"
    )
