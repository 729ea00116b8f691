"""The procedure catalogue in the database: import, export, search."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Select, and_, delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from counter_app.atomic import write_text_atomic
from counter_app.domain import catalogue as cat
from counter_app.domain.audit import AuditAction
from counter_app.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import fold
from counter_app.services.audit import record
from counter_app.storage import models
from counter_app.storage.database import Database


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    retired: int  # in the database but no longer in the catalogue: kept for old dossiers, hidden


@dataclass(frozen=True)
class FieldCount:
    code: str
    name: str
    procedures: int


def _search_text(p: cat.Procedure) -> str:
    # The folded name comes first, so ordering by this column is alphabetical the Vietnamese way
    # (Cấp < Chấm < Chứng) rather than by UTF-8 bytes.
    return " ".join((fold(p.name), fold(p.code), fold(p.field_name), fold(p.field_code)))


def _to_domain(row: models.Procedure) -> cat.Procedure:
    return cat.Procedure(
        code=row.code,
        name=row.name,
        field_code=row.field_code,
        field_name=row.field_name,
        processing_time=cat.ProcessingTime(
            row.processing_amount, cat.ProcessingUnit(row.processing_unit), row.processing_note
        ),
        deciding_authority=row.deciding_authority,
        components=tuple(
            cat.Component(
                name=c.name,
                originals=c.originals,
                copies=c.copies,
                certified_copy_accepted=c.certified_copy_accepted,
                electronic_copy_accepted=c.electronic_copy_accepted,
                presented_only=c.presented_only,
                note=c.note,
            )
            for c in row.components
        ),
        fees=tuple(cat.Fee(f.name, f.amount, f.note) for f in row.fees),
        legal_basis=tuple(line for line in row.legal_basis.splitlines() if line),
        online_level=cat.OnlineLevel(row.online_level),
        result=row.result,
    )


def _fill(row: models.Procedure, p: cat.Procedure, version: str) -> None:
    row.name = p.name
    row.search_text = _search_text(p)
    row.field_code = p.field_code
    row.field_name = p.field_name
    row.processing_amount = p.processing_time.amount
    row.processing_unit = p.processing_time.unit.value
    row.processing_note = p.processing_time.note
    row.deciding_authority = p.deciding_authority
    row.online_level = p.online_level.value
    row.result = p.result
    row.legal_basis = "\n".join(p.legal_basis)
    row.active = True
    row.catalogue_version = version
    row.components = [
        models.ProcedureComponent(
            position=i,
            name=c.name,
            originals=c.originals,
            copies=c.copies,
            certified_copy_accepted=c.certified_copy_accepted,
            electronic_copy_accepted=c.electronic_copy_accepted,
            presented_only=c.presented_only,
            note=c.note,
        )
        for i, c in enumerate(p.components)
    ]
    row.fees = [
        models.ProcedureFee(position=i, name=f.name, amount=f.amount, note=f.note)
        for i, f in enumerate(p.fees)
    ]


MAX_CATALOGUE_BYTES = 50 * 2**20


def load_catalogue_file(path: Path) -> cat.Catalogue:
    """Read and validate a catalogue file; a wrong encoding or size is a clear error, not a crash."""
    try:
        size = path.stat().st_size
        if size > MAX_CATALOGUE_BYTES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "The file {value} is too large for a catalogue."),
                field=str(path),
                value=path.name,
            )
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The file {value} is not UTF-8 text."),
            field=str(path),
            value=path.name,
        ) from None
    return cat.parse_catalogue(text)


class CatalogueService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def import_catalogue(self, actor: StaffMember | None, catalogue: cat.Catalogue) -> ImportReport:
        """Replace the catalogue in one transaction; procedures no longer listed are retired.

        ``actor`` None is the set-up, the command line on this PC, or the provincial sync.
        """
        if actor is not None:
            require(actor, Permission.MANAGE_CATALOGUE)
        with self.db.write() as session:
            existing = {
                row.code: row
                for row in session.scalars(
                    select(models.Procedure).options(
                        selectinload(models.Procedure.components), selectinload(models.Procedure.fees)
                    )
                )
            }
            added = updated = 0
            for procedure in catalogue.procedures:
                row = existing.get(procedure.code)
                if row is None:
                    row = models.Procedure(code=procedure.code)
                    session.add(row)
                    added += 1
                else:
                    updated += 1
                _fill(row, procedure, catalogue.version)
            listed = {p.code for p in catalogue.procedures}
            retired_codes = [code for code, row in existing.items() if code not in listed and row.active]
            if retired_codes:
                session.execute(
                    update(models.Procedure)
                    .where(models.Procedure.code.in_(retired_codes))
                    .values(active=False)
                )
            report = ImportReport(added, updated, len(retired_codes))
            record(
                session,
                actor,
                AuditAction.CATALOGUE_IMPORTED,
                version=catalogue.version,
                added=report.added,
                updated=report.updated,
                retired=report.retired,
            )
        return report

    def export_catalogue(self) -> str:
        return cat.dump_catalogue(self.all_procedures())

    def export_to_file(self, path: Path) -> int:
        """Write the active catalogue to ``path`` atomically; returns how many procedures."""
        procedures = self.all_procedures()
        write_text_atomic(path, cat.dump_catalogue(procedures))
        return len(procedures)

    def all_procedures(self) -> list[cat.Procedure]:
        with self.db.read() as session:
            rows = session.scalars(
                self._loaded().where(models.Procedure.active).order_by(models.Procedure.code)
            )
            return [_to_domain(row) for row in rows]

    def get(self, code: str) -> cat.Procedure:
        with self.db.read() as session:
            return _to_domain(self._get_row(session, code))

    def get_active(self, code: str) -> cat.Procedure | None:
        """The procedure if the catalogue still publishes it, else None (one query)."""
        with self.db.read() as session:
            row = session.scalar(
                self._loaded().where(models.Procedure.code == code, models.Procedure.active.is_(True))
            )
            return _to_domain(row) if row is not None else None

    def search(self, query: str, *, field_code: str | None = None, limit: int = 50) -> list[cat.Procedure]:
        """Every word of the query, without diacritics, must appear in the code, name or field."""
        words = fold(query).split()
        conditions: list[ColumnElement[bool]] = [models.Procedure.active.is_(True)]
        conditions += [models.Procedure.search_text.contains(word, autoescape=True) for word in words]
        if field_code:
            conditions.append(models.Procedure.field_code == field_code)
        exact_code = fold(query).strip()
        statement = (
            self._loaded()
            .where(and_(*conditions))
            .order_by((func.lower(models.Procedure.code) == exact_code).desc(), models.Procedure.search_text)
            .limit(limit)
        )
        with self.db.read() as session:
            return [_to_domain(row) for row in session.scalars(statement)]

    def fields(self) -> list[FieldCount]:
        statement = (
            select(models.Procedure.field_code, models.Procedure.field_name, func.count())
            .where(models.Procedure.active)
            .group_by(models.Procedure.field_code, models.Procedure.field_name)
            .order_by(models.Procedure.field_name)
        )
        with self.db.read() as session:
            return [FieldCount(code, name, count) for code, name, count in session.execute(statement)]

    def count(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.count()).where(models.Procedure.active)) or 0

    def clear(self) -> None:
        """Remove every procedure; only for tests and a reset of demo data."""
        with self.db.write() as session:
            session.execute(delete(models.Procedure))

    @staticmethod
    def _loaded() -> Select[models.Procedure]:
        return select(models.Procedure).options(
            selectinload(models.Procedure.components), selectinload(models.Procedure.fees)
        )

    @staticmethod
    def _get_row(session: Session, code: str) -> models.Procedure:
        row = session.scalar(CatalogueService._loaded().where(models.Procedure.code == code))
        if row is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Domain", "No procedure has the code {code}."), code=code)
        return row
