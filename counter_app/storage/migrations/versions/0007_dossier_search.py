"""dossier search: SQLite FTS5 and PostgreSQL full-text, over the folded name and ID

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 17:00:00

Both index ``dossier.search_text`` (the name and ID already folded: lower case, no diacritics,
đ → d), so "nguyen van an" finds "Nguyễn Văn An" without scanning a million rows.
SQLite: an external-content FTS5 table kept by triggers. A later migration that rebuilds
``dossier`` with batch_alter_table drops those triggers and must create them again.
PostgreSQL: a GIN index on to_tsvector('simple', search_text), built in (no extension to install).
Both match whole words and the last word as a prefix, as the clerk types.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FORGET = (
    "INSERT INTO dossier_search(dossier_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text)"
)
SQLITE_UP = (
    "CREATE VIRTUAL TABLE dossier_search USING fts5(search_text, content='dossier', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO dossier_search(dossier_search) VALUES ('rebuild')",
    "CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier BEGIN "
    "INSERT INTO dossier_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier BEGIN {_FORGET}; END",
    f"CREATE TRIGGER dossier_search_update AFTER UPDATE OF search_text ON dossier BEGIN {_FORGET}; "
    "INSERT INTO dossier_search(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
        return
    op.execute("CREATE INDEX ix_dossier_search_fts ON dossier USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS dossier_search_{name}")
        op.execute("DROP TABLE IF EXISTS dossier_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_dossier_search_fts")
