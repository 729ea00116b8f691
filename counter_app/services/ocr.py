"""Background OCR of attached scans: the PDF/A gains its text layer, the row its searchable words.

Rows wait in state ``pending`` from the moment their scan is attached, whether or not Tesseract
is installed, so that installing it later reads the backlog. The OCR'd file is written under a
new name and swapped in by one transaction only if the row still points to the file that was
read (a rescan meanwhile wins); the older file is deleted after the commit, as in ScanService.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from counter_app.atomic import write_bytes_atomic
from counter_app.domain.calendar import now_vn
from counter_app.domain.text import fold
from counter_app.imaging import ocr
from counter_app.services.scanning import OcrState
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync import outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OcrOutcome:
    component_id: int
    state: OcrState
    pages: int
    characters: int


class OcrService:
    def __init__(self, db: Database, scans_dir: Path, engine: ocr.OcrAvailability | None = None) -> None:
        self.db = db
        self.scans_dir = scans_dir
        self._engine = engine

    @property
    def engine(self) -> ocr.OcrAvailability:
        """Asked of the system on first use (two short subprocesses), on whichever worker needs it."""
        if self._engine is None:
            self._engine = ocr.availability()
        return self._engine

    @property
    def ready(self) -> bool:
        return self.engine.ready

    def pending(self, limit: int = 20) -> list[int]:
        c = models.DossierComponent
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(c.id)
                    .where(c.ocr_state == OcrState.PENDING, c.scan_path.is_not(None))
                    .order_by(c.scanned_at)
                    .limit(limit)
                )
            )

    def read(self, component_id: int, cancelled: Callable[[], bool] = lambda: False) -> OcrOutcome | None:
        """OCR one row's file; None when cancelled or when the row changed under us."""
        with self.db.read() as session:
            row = session.get(models.DossierComponent, component_id)
            if row is None or not row.scan_path or row.ocr_state != OcrState.PENDING:
                return None
            relative, sha256 = row.scan_path, row.scan_sha256
        source = self.scans_dir / relative
        try:
            data = source.read_bytes()
            texts = []
            for image, suffix in ocr.page_images(data):
                if cancelled():
                    return None
                texts.append(ocr.read_page(image, suffix, self.engine.program))
            layered = ocr.with_text_layer(data, [t.layer for t in texts])
        except (OSError, ocr.OcrFailed, ValueError) as error:
            log.warning("OCR of %s failed: %s", relative, error)
            self._mark_failed(component_id, relative)
            return OcrOutcome(component_id, OcrState.FAILED, 0, 0)
        words = fold(" ".join(t.text for t in texts))
        target = source.with_name(source.stem.removesuffix("-ocr") + "-ocr.pdf")
        write_bytes_atomic(target, layered)
        new_relative = target.relative_to(self.scans_dir).as_posix()
        swapped = False
        try:
            with self.db.write() as session:
                row = session.get(models.DossierComponent, component_id, with_for_update=True)
                if row is not None and row.scan_path == relative and row.scan_sha256 == sha256:
                    row.scan_path = new_relative
                    row.scan_sha256 = hashlib.sha256(layered).hexdigest()
                    row.paper_text = words
                    row.ocr_state = OcrState.DONE
                    code = session.scalar(
                        select(models.Dossier.code).where(models.Dossier.id == row.dossier_id)
                    )
                    outbox.note_file(session, code or "", row, now_vn())
                    swapped = True
        finally:
            if not swapped and new_relative != relative:
                with contextlib.suppress(OSError):
                    target.unlink()
        if not swapped:
            return None
        if new_relative != relative:
            with contextlib.suppress(OSError):
                source.unlink()
        return OcrOutcome(component_id, OcrState.DONE, len(texts), len(words))

    def _mark_failed(self, component_id: int, relative: str) -> None:
        with self.db.write() as session:
            row = session.get(models.DossierComponent, component_id, with_for_update=True)
            if row is not None and row.scan_path == relative:
                row.ocr_state = OcrState.FAILED

    def read_pending(self, cancelled: Callable[[], bool] = lambda: False) -> list[OcrOutcome]:
        """Work through the backlog until it is empty or ``cancelled``; does nothing without Tesseract."""
        done: list[OcrOutcome] = []
        if not self.ready:
            return done
        while not cancelled():
            batch = self.pending()
            if not batch:
                break
            progressed = False
            for component_id in batch:
                if cancelled():
                    break
                outcome = self.read(component_id, cancelled)
                if outcome is not None:
                    done.append(outcome)
                    progressed = True
            if not progressed:
                break
        return done
