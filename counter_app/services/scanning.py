"""Scanned papers attached to a dossier's checklist rows: one PDF/A per component.

The file is written first (atomically, under a new name), then the database points to it in one
transaction; only after that commit is a replaced file deleted. A crash in between leaves at
worst an unreferenced file, which :meth:`ScanService.check_files` reports at start-up, and never a
reference to a missing file. Runs on worker threads: building a PDF takes a moment.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.atomic import write_bytes_atomic
from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from counter_app.domain.paper_kind import paper_kind
from counter_app.domain.staff import Permission, StaffMember, require
from counter_app.domain.text import fold
from counter_app.imaging.pdfa import build_pdfa
from counter_app.imaging.scan_pages import ProcessedPage
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox


class NotScanned(DomainError):
    """A paper the rules say is not scanned (shown only, or a voluntary note)."""


class ScanDamaged(DomainError):
    """A file the database points to is missing or no longer matches its recorded SHA-256."""


class OcrState(StrEnum):
    PENDING = "pending"  # waiting for Tesseract (installed or not)
    DONE = "done"
    FAILED = "failed"  # Tesseract could not read this file; the scan itself is fine


@dataclass(frozen=True)
class ComponentScan:
    """One checklist row as the scanning view shows it."""

    position: int
    name: str
    presented_only: bool  # shown at the counter, checked, never scanned
    voluntary: bool
    missing: bool  # the citizen did not bring it
    pages: int  # 0: not scanned
    blank_pages: int
    scanned_at: datetime | None
    reused_from: str
    ocr_state: str
    is_result: bool = False  # the result the department issued, digitised too
    not_applicable: bool = False  # not the citizen's case (counted as missing: nothing to scan)

    @property
    def needs_scan(self) -> bool:
        return not self.presented_only and not self.missing and self.pages == 0


@dataclass(frozen=True)
class ReuseOffer:
    component_id: int
    dossier_code: str
    name: str
    scanned_at: datetime | None
    pages: int


def _component_scan(row: models.DossierComponent) -> ComponentScan:
    return ComponentScan(
        row.position,
        row.name,
        row.presented_only,
        row.voluntary,
        row.result in ("missing", "na"),  # not brought, or not the citizen's case: nothing to scan
        row.scan_pages if row.scan_path else 0,
        row.scan_blank_pages,
        row.scanned_at,
        row.reused_from,
        row.ocr_state,
        row.is_result,
        row.result == "na",
    )


def _safe(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9.\-]", "-", code)


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
    return f"{_safe(code)}_{day:%Y%m%d}_{position + 1:02d}-{words}.pdf"


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
        return self._store(
            dossier_id, position, code, component, built.data, built.sha256, built.pages, blank, now
        )

    def _store(
        self,
        dossier_id: int,
        position: int,
        code: str,
        component: str,
        data: bytes,
        sha256: str,
        pages: int,
        blank: int,
        now: datetime,
        *,
        reused_from: str = "",
        paper_text: str = "",
        ocr_state: str = OcrState.PENDING,
    ) -> AttachedScan:
        """Write the file under a new name, point the row to it in one transaction, then drop the old."""
        relative = Path(_safe(code)) / file_name(code, now, component, position)
        target = self.scans_dir / relative
        if target.exists():  # a second scan in the same minute of the same day: keep both until commit
            target = target.with_name(f"{target.stem}-{now:%H%M%S%f}.pdf")
            relative = target.relative_to(self.scans_dir)
        write_bytes_atomic(target, data)
        previous: str | None = None
        try:
            with self.db.write() as session:
                _, row = self._component(session, dossier_id, position, lock=True)
                previous = row.scan_path
                row.scan_path = relative.as_posix()
                row.scan_sha256 = sha256
                row.scan_pages = pages
                row.scan_blank_pages = blank
                row.scanned_at = now.astimezone(VN_TZ)
                row.reused_from = reused_from
                row.paper_text = paper_text
                row.ocr_state = ocr_state
                outbox.note_file(session, code, row, now)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()  # the database does not point to it: leave no orphan behind
            raise
        if previous and previous != relative.as_posix():
            with contextlib.suppress(OSError):
                (self.scans_dir / previous).unlink()
        return AttachedScan(code, position, component, target, sha256, pages, blank, len(data))

    def detach(self, actor: StaffMember, dossier_id: int, position: int) -> None:
        """Take a row's scan away (the wrong papers were scanned); its file goes after the commit."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.write() as session:
            _, row = self._component(session, dossier_id, position, lock=True)
            previous = row.scan_path
            row.scan_path = None
            row.scan_sha256 = ""
            row.scan_pages = row.scan_blank_pages = 0
            row.scanned_at = None
            row.reused_from = row.paper_text = row.ocr_state = ""
            outbox.note_dossier(session, dossier_id)
            outbox.write_pending(session, at=now_vn())
        if previous:
            with contextlib.suppress(OSError):
                (self.scans_dir / previous).unlink()

    def rows(self, dossier_id: int) -> tuple[str, list[ComponentScan]]:
        """The dossier's code and each checklist row with what is scanned of it."""
        with self.db.read() as session:
            dossier = session.get(models.Dossier, dossier_id)
            if dossier is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "Dossier {id} does not exist."), id=dossier_id
                )
            components = session.scalars(
                select(models.DossierComponent)
                .where(models.DossierComponent.dossier_id == dossier_id)
                .order_by(models.DossierComponent.position)
            )
            return dossier.code, [_component_scan(row) for row in components]

    def saved_file(self, dossier_id: int, position: int) -> tuple[bytes, str]:
        """The row's PDF/A and its file name, checked against the SHA-256 recorded when it was saved."""
        with self.db.read() as session:
            dossier, row = self._component(session, dossier_id, position)
            relative, sha256, code = row.scan_path, row.scan_sha256, dossier.code
        return self._verified(relative, sha256, code), Path(relative or "").name

    def _verified(self, relative: str | None, sha256: str, code: str) -> bytes:
        """A scan's bytes, refused when the file is gone or no longer matches its recorded SHA-256."""
        try:
            data = (self.scans_dir / relative).read_bytes() if relative else b""
        except OSError:
            data = b""
        if not relative or hashlib.sha256(data).hexdigest() != sha256:
            raise ScanDamaged(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The scan in dossier {code} is missing or damaged on disk. Scan the paper again.",
                ),
                code=code,
            )
        return data

    def reuse_offers(self, dossier_id: int) -> dict[int, list[ReuseOffer]]:
        """Per row not yet scanned: the same citizen's digitised papers of its kind, newest first."""
        c, d = models.DossierComponent, models.Dossier
        with self.db.read() as session:
            dossier = session.get(models.Dossier, dossier_id)
            if dossier is None:
                return {}
            wanted = {
                row.position: paper_kind(row.name)
                for row in session.scalars(select(c).where(c.dossier_id == dossier_id))
                if not row.scan_path and not row.presented_only
            }
            if not wanted:
                return {}
            earlier = session.execute(
                select(c, d.code)
                .join(d, d.id == c.dossier_id)
                .where(
                    d.applicant_id_number == dossier.applicant_id_number,
                    d.id != dossier_id,
                    c.scan_path.is_not(None),
                )
                .order_by(c.scanned_at.desc())
                .limit(200)
            ).all()
            offers: dict[int, list[ReuseOffer]] = {}
            for position, kind in wanted.items():
                if kind is None:
                    continue
                for row, code in earlier:
                    if paper_kind(row.name) == kind:
                        offers.setdefault(position, []).append(
                            ReuseOffer(row.id, code, row.name, row.scanned_at, row.scan_pages)
                        )
            return offers

    def reuse(self, actor: StaffMember, dossier_id: int, position: int, component_id: int) -> AttachedScan:
        """Attach a copy of an earlier digitised paper of the same citizen instead of scanning it again."""
        require(actor, Permission.RECEIVE_DOSSIERS)
        with self.db.read() as session:
            dossier, row = self._component(session, dossier_id, position)
            source = session.get(models.DossierComponent, component_id)
            source_dossier = session.get(models.Dossier, source.dossier_id) if source else None
            if (
                source is None
                or source_dossier is None
                or not source.scan_path
                or source_dossier.applicant_id_number != dossier.applicant_id_number
            ):
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Domain", "That earlier scan is no longer there."),
                )
            code, component = dossier.code, row.name
            relative, sha256 = source.scan_path, source.scan_sha256
            pages, blank, text, state = (
                source.scan_pages,
                source.scan_blank_pages,
                source.paper_text,
                source.ocr_state,
            )
            from_code = source_dossier.code
        data = self._verified(relative, sha256, from_code)
        # A copy, not a link: the earlier dossier may rescan its own paper later.
        return self._store(
            dossier_id,
            position,
            code,
            component,
            data,
            sha256,
            pages,
            blank,
            now_vn(),
            reused_from=from_code,
            paper_text=text,
            ocr_state=state,
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
