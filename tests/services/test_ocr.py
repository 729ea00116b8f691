"""Background OCR with the real Tesseract: text layer in the PDF/A, search by the papers' words,
a rescan during OCR, a damaged file, and a machine without Tesseract."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

import pypdf
import pytest

from counter_app.domain.reception import CheckResult, checklist
from counter_app.imaging import ocr
from counter_app.imaging.scan_pages import process_page
from counter_app.services.dossier_lists import DossierLists
from counter_app.services.intake import ReceptionRequest
from counter_app.services.ocr import OcrService
from counter_app.services.scanning import AttachedScan, OcrState, ScanService
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
