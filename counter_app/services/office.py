"""The office row in the database mirrors the settings, so that several PCs agree on it."""

from __future__ import annotations

from sqlalchemy import delete, select

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


def claim_office(db: Database, office: OfficeSettings) -> None:
    """Make ``office`` the database's only office row: for the first-run set-up of an empty database.

    Every start writes the office of the settings (:func:`ensure_office`), so before the first-run
    wizard names the office the database holds a row for the default settings' office. Left there,
    it would be a second office that nobody runs, and whatever reads "the" office's name (the
    provincial sync's report) could pick it. Only the set-up calls this: no ticket or dossier yet
    carries any office's code.
    """
    with db.write() as session:
        session.execute(delete(models.Office).where(models.Office.code != office.code))
        row = session.scalar(select(models.Office).where(models.Office.code == office.code))
        if row is None:
            session.add(models.Office(code=office.code, name=office.name, parent_body=office.parent_body))
        else:
            row.name, row.parent_body = office.name, office.parent_body
