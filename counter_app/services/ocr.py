"""Background OCR of attached scans: the PDF/A gains its text layer, the row its searchable words.

Rows wait in state ``pending`` from the moment their scan is attached, whether or not Tesseract
is installed, so that installing it later reads the backlog. The OCR'd file is written under a
new name and swapped in by one transaction only if the row still points to the file that was
read (a rescan meanwhile wins); the older file is deleted after the commit, as in ScanService.

:class:`OcrRunner` does it in the background, on its own thread, as the sync runner does the
sync: first the start-up check of the scans folder, then the backlog whenever it is woken or a
minute has passed. A failure is logged and reported through its state, and tried again later.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from counter_app.atomic import write_bytes_atomic
from counter_app.domain.calendar import now_vn
from counter_app.domain.errors import DomainError, Message
from counter_app.domain.text import fold
from counter_app.failures import classify
from counter_app.imaging import ocr
from counter_app.imaging.ocr import OcrAvailability as OcrAvailability  # the counter window shows it
from counter_app.services.scanning import FileCheck, OcrState
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


INTERVAL = 60.0  # papers attached on another PC are read within a minute
RETRY_BASE = 5.0
RETRY_MAX = 300.0


class OcrPhase(StrEnum):
    CHECKING = "checking"  # the start-up check of the scans folder runs
    RETRYING = "retrying"  # the check or a round of reading failed: tried again at next_try_at
    OFF = "off"  # Tesseract with Vietnamese is not installed: scans wait for it (read after a restart)
    ON = "on"  # papers waiting are read in the background
    STOPPED = "stopped"


@dataclass(frozen=True)
class OcrRunnerState:
    phase: OcrPhase
    engine: OcrAvailability | None = None  # known once the start-up check has run
    check: FileCheck | None = None  # what the start-up check found
    problem: Message | None = None  # why the last try failed, in the reader's words
    next_try_at: datetime | None = None
    read: int = 0  # files read since the start


def _problem(error: Exception) -> Message:
    """The failure as plain words, without the exception (its traceback would hold the thread's frames)."""
    if isinstance(error, DomainError):
        return Message(error.template, **error.params)
    return Message(classify(error).template)


class OcrRunner:
    """A plain thread: the start-up check, then the backlog of OCR, until :meth:`stop`.

    ``on_state`` is called on this thread (the window turns it into a queued Qt signal).
    """

    def __init__(
        self,
        check_files: Callable[[], FileCheck],
        service: OcrService,
        on_state: Callable[[OcrRunnerState], None],
        *,
        interval: float = INTERVAL,
        retry_base: float = RETRY_BASE,
        retry_max: float = RETRY_MAX,
    ) -> None:
        self._check_files = check_files
        self._service = service
        self._on_state = on_state
        self.interval = interval
        self.retry_base = retry_base
        self.retry_max = retry_max
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = OcrRunnerState(OcrPhase.CHECKING)
        # The thread's own: what the start-up check found, and how the last tries went.
        self._check: FileCheck | None = None
        self._engine: OcrAvailability | None = None
        self._failures = 0
        self._last_problem = ""
        self._read = 0

    # --- control (any thread) -------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._run, name="ocr", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """A paper was saved: read it now rather than within the minute."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop after the page being read (the rest waits for the next start); False if it is still busy."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- the thread -----------------------------------------------------------------------------

    def _emit(self, state: OcrRunnerState) -> None:
        self.state = state
        try:
            self._on_state(state)
        except Exception:  # the window going away must not kill the runner
            log.exception("OCR state listener failed")

    def _run(self) -> None:
        self._emit(OcrRunnerState(OcrPhase.CHECKING))
        while not self._stop.is_set():
            try:
                engine = self._engine if self._engine is not None else self._start_up_check()
                if not engine.ready:
                    self._wait(None)  # installed later, Tesseract reads the backlog after a restart
                    continue
                done = self._service.read_pending(self._stop.is_set)
            except Exception as error:
                self._wait(self._failed(error))
                continue
            if self._failures:
                log.info("OCR works again")
            if self._failures or done:
                self._read += len(done)
                self._emit(OcrRunnerState(OcrPhase.ON, engine, self._check, read=self._read))
            self._failures, self._last_problem = 0, ""
            self._wait(self.interval)
        self._emit(OcrRunnerState(OcrPhase.STOPPED, self._engine, self._check, read=self._read))

    def _start_up_check(self) -> OcrAvailability:
        """Every file the database points to is there, and nothing else; and whether Tesseract is."""
        check = self._check_files()
        engine = self._service.engine  # two short programs: asked here, never on the GUI thread
        log.info(
            "scans folder checked: %d missing, %d not referenced", len(check.missing), len(check.orphans)
        )
        self._check, self._engine = check, engine
        self._emit(OcrRunnerState(OcrPhase.ON if engine.ready else OcrPhase.OFF, engine, check))
        return engine

    def _failed(self, error: Exception) -> float:
        """Log and report the failure; the seconds to wait before the next try (doubling, capped)."""
        self._failures += 1
        delay = min(self.retry_max, self.retry_base * 2.0 ** (self._failures - 1))
        problem = _problem(error)
        what = "OCR of the scans" if self._engine is not None else "start-up check of the scans folder"
        if str(problem) != self._last_problem:  # each new trouble once in the log, not every retry
            self._last_problem = str(problem)
            if classify(error).is_bug:
                log.exception("%s failed; trying again in %.0f s", what, delay)
            else:
                log.warning("%s failed (%s); trying again in %.0f s", what, error, delay)
        next_try_at = now_vn() + timedelta(seconds=delay)
        self._emit(
            OcrRunnerState(OcrPhase.RETRYING, self._engine, self._check, problem, next_try_at, self._read)
        )
        return delay

    def _wait(self, seconds: float | None) -> None:
        """Until ``seconds`` pass (None: for ever), :meth:`wake` is called, or the app stops."""
        if self._wake.wait(seconds):
            self._wake.clear()
