"""queue: the day's count of calls since the last priority ticket, kept in a row; call-next's indexes

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 09:00:00

Call-next read the policy, the counter's areas and this count in statements of its own and counted
the day's tickets for the last; it is now one statement on PostgreSQL, which reads and updates this
row. Days before the upgrade need no row: the count is only read for today, and today's row is set
from the day's calls when the interleaving policy is chosen, or created by the day's first ticket
or first call. Two partial indexes serve call-next: the waiting tickets by kind in queue order (the
next one is found without sorting the whole waiting room), and the tickets at a counter now.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_day",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("others_since_priority", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "day", name=op.f("pk_queue_day")),
    )
    waiting, at_counter = sa.text("state = 'waiting'"), sa.text("state IN ('called', 'serving')")
    op.create_index(
        "ix_ticket_waiting",
        "ticket",
        ["office_code", "day", "priority", "id"],
        postgresql_where=waiting,
        sqlite_where=waiting,
    )
    op.create_index(
        "ix_ticket_at_counter",
        "ticket",
        ["office_code", "counter_number"],
        postgresql_where=at_counter,
        sqlite_where=at_counter,
    )


def downgrade() -> None:
    op.drop_index("ix_ticket_at_counter", table_name="ticket")
    op.drop_index("ix_ticket_waiting", table_name="ticket")
    op.drop_table("queue_day")
