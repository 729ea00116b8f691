"""dossier search: SQLite FTS5 over the folded name and ID, PostgreSQL trigrams

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 17:00:00

Both index ``dossier.search_text`` (the name and ID already folded: lower case, no diacritics,
đ → d), so "nguyen van an" finds "Nguyễn Văn An" without scanning a million rows.
SQLite: an external-content FTS5 table kept by triggers. A later migration that rebuilds
``dossier`` with batch_alter_table drops those triggers and must create them again.
PostgreSQL: pg_trgm's GIN index serves LIKE '%word%'. Where the server refuses the extension
(no right to create it), the search still works, only slower: the migration goes on.
"""

from __future__ import annotations

import logging

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None
log = logging.getLogger(__name__)

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
    savepoint = bind.begin_nested()
    try:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_dossier_search_trgm ON dossier USING gin (search_text gin_trgm_ops)")
        savepoint.commit()
    except Exception as exc:  # no right to create extensions: search without the index
        savepoint.rollback()
        log.warning("dossier search without trigram index: %s", exc)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS dossier_search_{name}")
        op.execute("DROP TABLE IF EXISTS dossier_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_dossier_search_trgm")
