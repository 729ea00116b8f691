"""staff: an optional default counter for each account

Revision ID: 0016
Revises: 0011
Create Date: 2026-11-26 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.storage.schema_ops import drop_columns

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch_op:
        batch_op.add_column(sa.Column("counter_number", sa.Integer(), nullable=True))


def downgrade() -> None:
    drop_columns("staff", "counter_number")  # in place: others point at staff
