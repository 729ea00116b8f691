"""queue: service areas, counters, tickets, calls, and the office's priority policy

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch_op:
        batch_op.add_column(
            sa.Column("priority_policy", sa.String(length=16), server_default="strict", nullable=False)
        )
        batch_op.add_column(sa.Column("priority_every", sa.Integer(), server_default="3", nullable=False))
    op.create_table(
        "service_area",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_area")),
    )
    op.create_table(
        "counter",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_counter")),
    )
    op.create_table(
        "counter_service",
        sa.Column("counter_number", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_number"],
            ["counter.number"],
            name=op.f("fk_counter_service_counter_number_counter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["service_area.code"],
            name=op.f("fk_counter_service_service_code_service_area"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("counter_number", "service_code", name=op.f("pk_counter_service")),
    )
    op.create_table(
        "ticket_counter",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "day", "prefix", name=op.f("pk_ticket_counter")),
    )
    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_code", sa.String(length=2), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("priority_group", sa.String(length=20), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("first_called_at", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("target_counter", sa.Integer(), nullable=True),
        sa.Column("call_count", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"], name=op.f("fk_ticket_dossier_id_dossier")),
        sa.ForeignKeyConstraint(
            ["service_code"], ["service_area.code"], name=op.f("fk_ticket_service_code_service_area")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket")),
        sa.UniqueConstraint("office_code", "day", "prefix", "number", name=op.f("uq_ticket_office_code")),
    )
    op.create_index(
        "ix_ticket_queue", "ticket", ["office_code", "day", "state", "service_code", "id"], unique=False
    )
    op.create_table(
        "ticket_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("counter_number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=8), nullable=False),
        sa.Column("recall", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["ticket.id"], name=op.f("fk_ticket_call_ticket_id_ticket")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_call")),
    )
    op.create_index(op.f("ix_ticket_call_at"), "ticket_call", ["at"], unique=False)
    op.create_index(op.f("ix_ticket_call_ticket_id"), "ticket_call", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ticket_call_ticket_id"), table_name="ticket_call")
    op.drop_index(op.f("ix_ticket_call_at"), table_name="ticket_call")
    op.drop_table("ticket_call")
    op.drop_index("ix_ticket_queue", table_name="ticket")
    op.drop_table("ticket")
    op.drop_table("ticket_counter")
    op.drop_table("counter_service")
    op.drop_table("counter")
    op.drop_table("service_area")
    with op.batch_alter_table("office") as batch_op:
        batch_op.drop_column("priority_every")
        batch_op.drop_column("priority_policy")
