"""Background OCR with the real Tesseract: text layer in the PDF/A, search by the papers' words,
a rescan during OCR, a damaged file, and a machine without Tesseract; the runner's thread: a failed
start-up check is reported and tried again, a saved paper wakes it, and it stops when asked."""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import replace

import pypdf
import pytest
from sqlalchemy.exc import OperationalError

from counter_app.domain.reception import CheckResult, checklist
from counter_app.imaging import ocr
from counter_app.imaging.scan_pages import process_page
from counter_app.services.dossier_lists import DossierLists
from counter_app.services.intake import ReceptionRequest
from counter_app.services.ocr import OcrOutcome, OcrPhase, OcrRunner, OcrRunnerState, OcrService
from counter_app.services.scanning import AttachedScan, FileCheck, OcrState, ScanService
from tests.conftest import IN_CI
from tests.imaging.sample_pages import text_page
from tests.services.test_reception import APPLICANT


@pytest.fixture
def tesseract() -> ocr.OcrAvailability:
    found = ocr.availability()
    if not found.ready:
        message = "Tesseract with Vietnamese data is not installed (apt-get install tesseract-ocr-vie)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture
def received(intake, clerk):
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.001193"))]
    return intake.receive(clerk, ReceptionRequest("1.001193", APPLICANT, rows))


def _state(scans: ScanService, dossier_id: int, position: int = 0) -> str:
    return scans.rows(dossier_id)[1][position].ocr_state


def test_ocr_adds_a_text_layer_and_makes_the_papers_searchable(
    db, clerk, received, tmp_path, tesseract, calendar
):
    scans = ScanService(db, tmp_path / "scans")
    attached = scans.attach(clerk, received.id, 0, [process_page(text_page(200), 200)])
    outcomes = OcrService(db, tmp_path / "scans", tesseract).read_pending()
    assert [o.state for o in outcomes] == [OcrState.DONE]
    assert _state(scans, received.id) == OcrState.DONE
    assert not attached.path.exists() and scans.check_files().clean  # swapped for the OCR'd file
    pdf_path = next((tmp_path / "scans").rglob("*-ocr.pdf"))
    text = pypdf.PdfReader(io.BytesIO(pdf_path.read_bytes())).pages[0].extract_text()
    assert "Nguyễn Thị Ánh" in text and "KHAI SINH" in text
    reader = pypdf.PdfReader(pdf_path)
    assert reader.metadata is not None and reader.metadata.get("/Keywords") == received.code
    with db.read() as session:
        from counter_app.storage import models

        row = session.get(models.DossierComponent, outcomes[0].component_id)
        assert row is not None and row.scan_sha256 == hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    lists = DossierLists(db, calendar)
    from counter_app.domain.calendar import now_vn

    found = lists.search_papers("nguyen thi anh kinh gui", now_vn())
    assert [r.id for r in found] == [received.id]
    assert lists.search_papers("khong co chu nay", now_vn()) == []


def test_a_rescan_during_ocr_wins_and_leaves_no_orphan(db, clerk, received, tmp_path, tesseract):
    scans = ScanService(db, tmp_path / "scans")
    scans.attach(clerk, received.id, 0, [process_page(text_page(200), 200)])
    service = OcrService(db, tmp_path / "scans", tesseract)
    (component_id,) = service.pending()
    rescanned: list[AttachedScan] = []

    def rescan_once() -> bool:
        if not rescanned:
            rescanned.append(scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)]))
        return False

    assert service.read(component_id, rescan_once) is None
    assert rescanned[0].path.exists() and scans.check_files().clean
    assert _state(scans, received.id) == OcrState.PENDING  # the new scan waits its turn


def test_a_damaged_file_is_marked_and_left_as_it_is(db, clerk, received, tmp_path, tesseract):
    scans = ScanService(db, tmp_path / "scans")
    attached = scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    attached.path.write_bytes(b"%PDF-1.4 not a scan")
    outcomes = OcrService(db, tmp_path / "scans", tesseract).read_pending()
    assert [o.state for o in outcomes] == [OcrState.FAILED]
    assert attached.path.read_bytes() == b"%PDF-1.4 not a scan"


def test_without_tesseract_scans_wait_and_nothing_breaks(db, clerk, received, tmp_path):
    scans = ScanService(db, tmp_path / "scans")
    scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    service = OcrService(db, tmp_path / "scans", ocr.OcrAvailability("", "", False))
    assert not service.ready and service.read_pending() == []
    assert _state(scans, received.id) == OcrState.PENDING
    assert ocr.availability("/nonexistent/tesseract") == ocr.OcrAvailability("", "", False)


# --- the background runner --------------------------------------------------------------------------


class Recorder:
    """The runner's states as they come, on its thread."""

    def __init__(self) -> None:
        self.states: list[OcrRunnerState] = []
        self.changed = threading.Condition()

    def __call__(self, state: OcrRunnerState) -> None:
        with self.changed:
            self.states.append(state)
            self.changed.notify_all()

    def wait_for(self, check: Callable[[OcrRunnerState], bool], timeout: float = 20.0) -> OcrRunnerState:
        with self.changed:
            if not self.changed.wait_for(lambda: any(check(s) for s in self.states), timeout):
                raise AssertionError(f"never reached: {self.states}")
            return next(s for s in self.states if check(s))


class ScriptedOcr(OcrService):
    """Tesseract "installed"; each round of reading does what the test says."""

    def __init__(self, db, scans_dir, rounds: list[object]) -> None:
        super().__init__(db, scans_dir, ocr.OcrAvailability("/usr/bin/tesseract", "tesseract 5", True))
        self.rounds = rounds
        self.calls = 0

    def read_pending(self, cancelled: Callable[[], bool] = lambda: False) -> list[OcrOutcome]:
        self.calls += 1
        step = self.rounds.pop(0) if self.rounds else []
        if isinstance(step, Exception):
            raise step
        assert isinstance(step, list)
        return step


def test_a_failed_start_up_check_is_logged_shown_and_tried_again(sqlite_db, tmp_path, caplog):
    scans = ScanService(sqlite_db, tmp_path / "scans")
    failures = [OperationalError("SELECT", {}, Exception("server closed the connection"))]

    def check_files() -> FileCheck:
        if failures:
            raise failures.pop()
        return scans.check_files()

    recorder = Recorder()
    service = OcrService(sqlite_db, tmp_path / "scans", ocr.OcrAvailability("", "", False))
    runner = OcrRunner(check_files, service, recorder, retry_base=0.05)
    with caplog.at_level(logging.WARNING, logger="counter_app.services.ocr"):
        runner.start()
        retrying = recorder.wait_for(lambda s: s.phase is OcrPhase.RETRYING)
        off = recorder.wait_for(lambda s: s.phase is OcrPhase.OFF)
    assert retrying.check is None and retrying.next_try_at is not None
    assert retrying.problem is not None and "cannot be reached" in str(retrying.problem)
    assert "start-up check of the scans folder failed" in caplog.text
    assert off.check is not None and off.check.clean and off.problem is None
    assert runner.stop(5.0) and not runner.running  # waiting for ever, it still stops at once
    assert recorder.states[-1].phase is OcrPhase.STOPPED
    assert not [t for t in threading.enumerate() if t.name == "ocr"]


def test_the_runner_reads_when_woken_reports_a_failed_round_and_stops(sqlite_db, tmp_path):
    scans = ScanService(sqlite_db, tmp_path / "scans")
    outcome = OcrOutcome(1, OcrState.DONE, 1, 10)
    service = ScriptedOcr(sqlite_db, tmp_path / "scans", [[], RuntimeError("a bug"), [outcome]])
    recorder = Recorder()
    runner = OcrRunner(scans.check_files, service, recorder, interval=60.0, retry_base=0.05)
    runner.start()
    try:
        recorder.wait_for(lambda s: s.phase is OcrPhase.ON)
        runner.wake()  # a paper was saved: read now, not within the minute
        failed = recorder.wait_for(lambda s: s.phase is OcrPhase.RETRYING)
        assert failed.check is not None and failed.problem is not None and failed.engine is not None
        recovered = recorder.wait_for(lambda s: s.read == 1)
        assert recovered.phase is OcrPhase.ON and recovered.problem is None
        assert service.calls == 3
    finally:
        assert runner.stop(5.0)
    assert not runner.running and recorder.states[-1].phase is OcrPhase.STOPPED


def test_the_runner_reads_the_backlog_with_tesseract(db, clerk, received, tmp_path, tesseract):
    scans = ScanService(db, tmp_path / "scans")
    scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    recorder = Recorder()
    runner = OcrRunner(scans.check_files, OcrService(db, tmp_path / "scans", tesseract), recorder)
    runner.start()
    try:
        recorder.wait_for(lambda s: s.read == 1, timeout=120)
    finally:
        assert runner.stop()
    assert _state(scans, received.id) == OcrState.DONE
