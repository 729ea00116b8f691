"""dossier: indexes for a part of a code typed in the search and for the received-date filter

Revision ID: 0014
Revises: 0011
Create Date: 2026-11-26 07:00:00

The dossier tab finds "0003" (the running number, any day) and "261126-0003" (that day's) and
filters by the day received. The unique key (office_code, day, running_number) starts with the
office, which the clerk does not type: without these, both engines would read every dossier.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_running_number_day", "dossier", ["running_number", "day"])
    op.create_index("ix_dossier_day", "dossier", ["day"])


def downgrade() -> None:
    op.drop_index("ix_dossier_day", table_name="dossier")
    op.drop_index("ix_dossier_running_number_day", table_name="dossier")
