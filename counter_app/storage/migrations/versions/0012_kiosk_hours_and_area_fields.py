"""kiosk: tickets outside office hours (an office choice); the fields of procedures in each service area

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 07:00:00

``office.tickets_outside_hours`` says whether the kiosks issue numbers while the office is closed
(called when it opens) or none; true keeps what every kiosk did before. ``service_area_field``
puts each field of procedures in at most one service area, so the kiosk's guide can take a number
for the procedure a citizen reads. Existing offices start with no field in any area.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.storage.schema_ops import drop_columns

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch_op:
        batch_op.add_column(
            sa.Column("tickets_outside_hours", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_table(
        "service_area_field",
        sa.Column("field_code", sa.String(length=40), nullable=False),
        sa.Column("area_code", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_code"],
            ["service_area.code"],
            name=op.f("fk_service_area_field_area_code_service_area"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("field_code", name=op.f("pk_service_area_field")),
    )
    op.create_index(
        op.f("ix_service_area_field_area_code"), "service_area_field", ["area_code"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_service_area_field_area_code"), table_name="service_area_field")
    op.drop_table("service_area_field")
    drop_columns("office", "tickets_outside_hours")
