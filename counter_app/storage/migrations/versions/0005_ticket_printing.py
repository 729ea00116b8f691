"""ticket: whether its paper copy printed, so every PC sees a printer problem

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket") as batch_op:
        batch_op.add_column(sa.Column("printed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("print_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket") as batch_op:
        batch_op.drop_column("print_error")
        batch_op.drop_column("printed_at")
