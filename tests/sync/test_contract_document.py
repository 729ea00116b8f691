"""docs/sync-api.yaml is the contract a province implements: it must describe what the app sends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from counter_app.storage import models
from tests.sync.office_day import issue_many, receive_many

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "sync-api.yaml"


def _schema(document: dict[str, Any], name: str) -> set[str]:
    return set(document["components"]["schemas"][name]["properties"])


def test_the_document_is_openapi_3_and_lists_every_call_the_client_makes():
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/v1/ping",
        "/v1/auth/token",
        "/v1/items",
        "/v1/uploads",
        "/v1/uploads/{upload_id}",
        "/v1/changes",
        "/v1/catalogue",
        "/v1/calendar",
    }


def test_every_field_the_outbox_writes_is_documented(db, intake, steps, clerk, scans):
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    receive_many(intake, steps, scans, clerk, 2)
    issue_many(db, 2, clerk)
    schemas = {"dossier": "Dossier", "status": "ProgressStep", "ticket": "Ticket", "file": "FileMeta"}
    with db.read() as session:
        for kind, payload in session.execute(select(models.OutboxItem.kind, models.OutboxItem.payload)):
            fields = set(json.loads(payload)) - {"DuongDan"}  # the local path never leaves the office
            assert fields <= _schema(document, schemas[kind]), (
                kind,
                fields - _schema(document, schemas[kind]),
            )
