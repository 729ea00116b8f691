"""Alembic environment: run by counter_app.storage.migrate with a live connection."""

from __future__ import annotations

from alembic import context

from counter_app.storage.models import Base, is_modelled

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through counter_app.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=lambda name, kind, parent: is_modelled(name),
)
with context.begin_transaction():
    context.run_migrations()
