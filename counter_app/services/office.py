"""The office row in the database mirrors the settings, so that several PCs agree on it."""

from __future__ import annotations

from sqlalchemy import select

from counter_app.settings import OfficeSettings
from counter_app.storage import models
from counter_app.storage.database import Database


def ensure_office(db: Database, office: OfficeSettings) -> None:
    with db.write() as session:
        row = session.scalar(select(models.Office).where(models.Office.code == office.code))
        if row is None:
            session.add(models.Office(code=office.code, name=office.name, parent_body=office.parent_body))
        else:
            row.name, row.parent_body = office.name, office.parent_body
