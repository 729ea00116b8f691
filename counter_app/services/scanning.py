"""Scanned papers attached to a dossier's checklist rows: one PDF/A per component.

The file is written first (atomically, under a new name), then the database points to it in one
transaction; only after that commit is a replaced file deleted. A crash in between leaves at
worst an unreferenced file, which :meth:`ScanService.check_files` reports at start-up, and never a
reference to a missing file. Runs on worker threads: building a PDF takes a moment.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.atomic import write_bytes_atomic
from counter_app.documents.pdfa import build_pdfa
from counter_app.documents.scan_pages import ProcessedPage
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import fold
from counter_app.storage import models
from counter_app.storage.database import Database


class NotScanned(DomainError):
    """A paper the rules say is not scanned (shown only, or a voluntary note)."""


@dataclass(frozen=True)
class AttachedScan:
    dossier_code: str
    position: int
    component: str
    path: Path  # absolute
    sha256: str
    pages: int
    blank_pages: int
    size: int


@dataclass(frozen=True)
class FileCheck:
    """What the start-up check found: references to missing files, and files nothing references."""

    missing: tuple[str, ...]
    orphans: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not self.missing and not self.orphans


def file_name(code: str, day: datetime, component: str, position: int) -> str:
    """``CODE_YYYYMMDD_DESC.pdf`` (domain.md §9): the description folded to plain ASCII words."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(component)).strip("-")[:40].rstrip("-") or "giay-to"
    safe_code = re.sub(r"[^A-Za-z0-9.\-]", "-", code)
    return f"{safe_code}_{day:%Y%m%d}_{position + 1:02d}-{words}.pdf"


class ScanService:
    def __init__(self, db: Database, scans_dir: Path) -> None:
        self.db = db
        self.scans_dir = scans_dir

    def attach(
        self, actor: StaffMember, dossier_id: int, position: int, pages: Sequence[ProcessedPage]
    ) -> AttachedScan:
        """Make the component's PDF/A from ``pages`` (in order) and attach it, replacing any earlier scan."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.read() as session:
            dossier, row = self._component(session, dossier_id, position)
            # A paper given voluntarily may be scanned too: it is part of what was filed.
            code, component, presented = dossier.code, row.name, row.presented_only
        if presented:
            raise NotScanned(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "“{value}” is only shown at the counter: it is checked, not scanned (TT 03/2025).",
                ),
                value=component,
            )
        now = now_vn()
        blank = sum(1 for p in pages if p.blank)
        built = build_pdfa(pages, dossier_code=code, component=component, created=now)
        relative = Path(re.sub(r"[^A-Za-z0-9.\-]", "-", code)) / file_name(code, now, component, position)
        target = self.scans_dir / relative
        if target.exists():  # a second scan in the same minute of the same day: keep both until commit
            target = target.with_name(f"{target.stem}-{now:%H%M%S%f}.pdf")
            relative = target.relative_to(self.scans_dir)
        write_bytes_atomic(target, built.data)
        previous: str | None = None
        try:
            with self.db.write() as session:
                _, row = self._component(session, dossier_id, position, lock=True)
                previous = row.scan_path
                row.scan_path = relative.as_posix()
                row.scan_sha256 = built.sha256
                row.scan_pages = built.pages
                row.scan_blank_pages = blank
                row.scanned_at = now.astimezone(VN_TZ)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()  # the database does not point to it: leave no orphan behind
            raise
        if previous and previous != relative.as_posix():
            with contextlib.suppress(OSError):
                (self.scans_dir / previous).unlink()
        return AttachedScan(
            code,
            position,
            component,
            target,
            built.sha256,
            built.pages,
            blank,
            len(built.data),
        )

    @staticmethod
    def _component(
        session: Session, dossier_id: int, position: int, *, lock: bool = False
    ) -> tuple[models.Dossier, models.DossierComponent]:
        dossier = session.get(models.Dossier, dossier_id)
        statement = select(models.DossierComponent).where(
            models.DossierComponent.dossier_id == dossier_id, models.DossierComponent.position == position
        )
        row = session.scalar(statement.with_for_update() if lock else statement)
        if dossier is None or row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Domain", "Dossier {id} has no component {position}."),
                id=dossier_id,
                position=position + 1,
            )
        return dossier, row

    def check_files(self) -> FileCheck:
        """Compare what the database references with what is on disk (run at start-up)."""
        with self.db.read() as session:
            referenced = {
                path
                for path in session.scalars(
                    select(models.DossierComponent.scan_path).where(
                        models.DossierComponent.scan_path.is_not(None)
                    )
                )
                if path
            }
        on_disk = (
            {p.relative_to(self.scans_dir).as_posix() for p in self.scans_dir.rglob("*.pdf")}
            if self.scans_dir.exists()
            else set()
        )
        return FileCheck(tuple(sorted(referenced - on_disk)), tuple(sorted(on_disk - referenced)))
