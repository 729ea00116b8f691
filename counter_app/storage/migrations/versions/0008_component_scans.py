"""dossier_component: the scanned PDF/A of each component, its hash and pages

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 18:00:00

Adding columns keeps the dossier table and its FTS5 triggers (0007) as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossier_component") as batch_op:
        batch_op.add_column(sa.Column("scan_sha256", sa.String(64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("scan_pages", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("scan_blank_pages", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("scanned_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dossier_component") as batch_op:
        for column in ("scanned_at", "scan_blank_pages", "scan_pages", "scan_sha256"):
            batch_op.drop_column(column)
