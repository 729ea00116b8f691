"""The provincial sync: outbox, sync state and log; province-set statuses and calendar days

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("stream", sa.String(100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("key", name=op.f("uq_sync_outbox_key")),
    )
    op.create_index(op.f("ix_sync_outbox_stream"), "sync_outbox", ["stream"])
    op.create_index("ix_sync_outbox_state", "sync_outbox", ["state", "id"])
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("stream", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    op.create_index(op.f("ix_sync_log_at"), "sync_log", ["at"])
    with op.batch_alter_table("dossier") as batch_op:
        batch_op.add_column(sa.Column("province_status_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("dossier_event") as batch_op:
        batch_op.alter_column("staff_id", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("calendar_override") as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(10), nullable=False, server_default="office"))


def downgrade() -> None:
    with op.batch_alter_table("calendar_override") as batch_op:
        batch_op.drop_column("source")
    op.execute("DELETE FROM dossier_event WHERE staff_id IS NULL")
    with op.batch_alter_table("dossier_event") as batch_op:
        batch_op.alter_column("staff_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("dossier") as batch_op:
        batch_op.drop_column("province_status_at")
    op.drop_table("sync_log")
    op.drop_table("sync_state")
    op.drop_index("ix_sync_outbox_state", table_name="sync_outbox")
    op.drop_index(op.f("ix_sync_outbox_stream"), table_name="sync_outbox")
    op.drop_table("sync_outbox")
