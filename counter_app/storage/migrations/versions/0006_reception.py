"""dossier reception: the filer, fees, the checklist as received, extensions, the return

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = (
    ("proxy_name", sa.String(120), ""),
    ("proxy_id_number", sa.String(12), ""),
    ("proxy_address", sa.Text(), ""),
    ("proxy_phone", sa.String(20), ""),
    ("proxy_authorisation", sa.Text(), ""),
    ("proxy_email", sa.String(120), ""),
    ("return_method", sa.String(16), "counter"),
    ("fee_mode", sa.String(16), "not_charged"),
    ("payment_means", sa.String(16), ""),
    ("returned_to_name", sa.String(120), ""),
    ("returned_to_id", sa.String(40), ""),
    ("returned_id_kind", sa.String(16), ""),
    ("ticket_label", sa.String(8), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("dossier") as batch_op:
        for name, kind, default in _TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=default))
        batch_op.add_column(sa.Column("sets_count", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("fee_amount", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("fee_paid_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("extended_until", sa.DateTime(), nullable=True))
    op.create_table(
        "dossier_component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("required_originals", sa.Integer(), nullable=False),
        sa.Column("required_copies", sa.Integer(), nullable=False),
        sa.Column("voluntary", sa.Boolean(), nullable=False),
        sa.Column("paper_type", sa.String(16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("scan_path", sa.Text(), nullable=True),
        sa.Column("presented_only", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name="fk_dossier_component_dossier_id_dossier", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_component"),
    )
    op.create_index("ix_dossier_component_dossier_id", "dossier_component", ["dossier_id"])
    op.create_table(
        "dossier_extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("previous_until", sa.DateTime(), nullable=False),
        sa.Column("new_until", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name="fk_dossier_extension_dossier_id_dossier", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name="fk_dossier_extension_staff_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_extension"),
    )
    op.create_index("ix_dossier_extension_dossier_id", "dossier_extension", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_dossier_extension_dossier_id", "dossier_extension")
    op.drop_table("dossier_extension")
    op.drop_index("ix_dossier_component_dossier_id", "dossier_component")
    op.drop_table("dossier_component")
    with op.batch_alter_table("dossier") as batch_op:
        for column in ("extended_until", "fee_paid_at", "fee_amount", "sets_count"):
            batch_op.drop_column(column)
        for name, _, _ in reversed(_TEXT_COLUMNS):
            batch_op.drop_column(name)
