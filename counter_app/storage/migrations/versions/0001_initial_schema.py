"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 03:09:08.631698
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_override",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_override")),
    )
    op.create_table(
        "dossier_counter",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "day", name=op.f("pk_dossier_counter")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_body", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("code", name=op.f("uq_office_code")),
    )
    op.create_table(
        "procedure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("field_code", sa.String(length=40), nullable=False),
        sa.Column("field_name", sa.String(length=200), nullable=False),
        sa.Column("processing_amount", sa.Integer(), nullable=False),
        sa.Column("processing_unit", sa.String(length=16), nullable=False),
        sa.Column("processing_note", sa.Text(), nullable=False),
        sa.Column("deciding_authority", sa.String(length=200), nullable=False),
        sa.Column("online_level", sa.String(length=8), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("catalogue_version", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure")),
        sa.UniqueConstraint("code", name=op.f("uq_procedure_code")),
    )
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_field_code"), ["field_code"], unique=False)

    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("running_number", sa.Integer(), nullable=False),
        sa.Column("procedure_code", sa.String(length=40), nullable=False),
        sa.Column("procedure_name", sa.Text(), nullable=False),
        sa.Column("deciding_authority", sa.String(length=200), nullable=False),
        sa.Column("applicant_name", sa.String(length=120), nullable=False),
        sa.Column("applicant_id_number", sa.String(length=12), nullable=False),
        sa.Column("applicant_birth_date", sa.Date(), nullable=True),
        sa.Column("applicant_address", sa.Text(), nullable=False),
        sa.Column("applicant_phone", sa.String(length=20), nullable=False),
        sa.Column("applicant_email", sa.String(length=120), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("appointment_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("received_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["received_by"], ["staff.id"], name=op.f("fk_dossier_received_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier")),
        sa.UniqueConstraint("code", name=op.f("uq_dossier_code")),
        sa.UniqueConstraint("office_code", "day", "running_number", name=op.f("uq_dossier_office_code")),
    )
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_applicant_id_number"), ["applicant_id_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossier_appointment_at"), ["appointment_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossier_procedure_code"), ["procedure_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossier_status"), ["status"], unique=False)

    op.create_table(
        "procedure_component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("certified_copy_accepted", sa.Boolean(), nullable=False),
        sa.Column("electronic_copy_accepted", sa.Boolean(), nullable=False),
        sa.Column("presented_only", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedure.id"],
            name=op.f("fk_procedure_component_procedure_id_procedure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_component")),
    )
    with op.batch_alter_table("procedure_component", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_component_procedure_id"), ["procedure_id"], unique=False
        )

    op.create_table(
        "procedure_fee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedure.id"],
            name=op.f("fk_procedure_fee_procedure_id_procedure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_fee")),
    )
    with op.batch_alter_table("procedure_fee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_fee_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "dossier_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name=op.f("fk_dossier_event_dossier_id_dossier"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_dossier_event_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_event")),
    )
    with op.batch_alter_table("dossier_event", schema=None) as batch_op:
        batch_op.create_index("ix_dossier_event_dossier", ["dossier_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dossier_event", schema=None) as batch_op:
        batch_op.drop_index("ix_dossier_event_dossier")

    op.drop_table("dossier_event")
    with op.batch_alter_table("procedure_fee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_fee_procedure_id"))

    op.drop_table("procedure_fee")
    with op.batch_alter_table("procedure_component", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_component_procedure_id"))

    op.drop_table("procedure_component")
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_status"))
        batch_op.drop_index(batch_op.f("ix_dossier_procedure_code"))
        batch_op.drop_index(batch_op.f("ix_dossier_appointment_at"))
        batch_op.drop_index(batch_op.f("ix_dossier_applicant_id_number"))

    op.drop_table("dossier")
    op.drop_table("staff")
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_field_code"))

    op.drop_table("procedure")
    op.drop_table("office")
    op.drop_table("dossier_counter")
    op.drop_table("calendar_override")
