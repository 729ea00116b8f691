"""dossier_component: the papers' OCR text (folded) with its full-text index, OCR state, reuse, results

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 20:00:00

The same two indexes as 0007, over ``dossier_component.paper_text``: an external-content FTS5
table kept by triggers on SQLite, a GIN index on to_tsvector('simple', …) on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_FORGET = (
    "INSERT INTO paper_text_search(paper_text_search, rowid, paper_text) "
    "VALUES ('delete', old.id, old.paper_text)"
)
SQLITE_UP = (
    "CREATE VIRTUAL TABLE paper_text_search USING fts5(paper_text, content='dossier_component', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO paper_text_search(paper_text_search) VALUES ('rebuild')",
    "CREATE TRIGGER paper_text_search_insert AFTER INSERT ON dossier_component BEGIN "
    "INSERT INTO paper_text_search(rowid, paper_text) VALUES (new.id, new.paper_text); END",
    f"CREATE TRIGGER paper_text_search_delete AFTER DELETE ON dossier_component BEGIN {_FORGET}; END",
    "CREATE TRIGGER paper_text_search_update AFTER UPDATE OF paper_text ON dossier_component BEGIN "
    f"{_FORGET}; INSERT INTO paper_text_search(rowid, paper_text) VALUES (new.id, new.paper_text); END",
)


def upgrade() -> None:
    with op.batch_alter_table("dossier_component") as batch_op:
        batch_op.add_column(sa.Column("paper_text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("ocr_state", sa.String(8), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("reused_from", sa.String(80), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("is_result", sa.Boolean(), nullable=False, server_default=sa.false()))
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    else:
        op.execute(
            "CREATE INDEX ix_paper_text_fts ON dossier_component "
            "USING gin (to_tsvector('simple', paper_text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS paper_text_search_{name}")
        op.execute("DROP TABLE IF EXISTS paper_text_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_paper_text_fts")
    with op.batch_alter_table("dossier_component") as batch_op:
        for column in ("is_result", "reused_from", "ocr_state", "paper_text"):
            batch_op.drop_column(column)
