"""Scans attached to checklist rows: PDF/A on disk, the database pointing to it, replacement,
refusals, and the start-up check for missing or orphaned files."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from counter_app.devices.scan_files import ImportRefused, load_pages
from counter_app.domain.lifecycle import Decision, DecisionOutcome
from counter_app.domain.reception import CheckResult, checklist
from counter_app.imaging.scan_pages import process_page
from counter_app.services.intake import ReceptionRequest
from counter_app.services.scanning import NotScanned, ScanDamaged, ScanService
from counter_app.storage import models
from tests.imaging.sample_pages import blank_page, text_page
from tests.services.conftest import NOW
from tests.services.test_reception import APPLICANT

APPROVED = Decision("12/QĐ-UBND", NOW.date(), DecisionOutcome.APPROVED)


@pytest.fixture
def received(intake, clerk):
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.001193"))]
    return intake.receive(clerk, ReceptionRequest("1.001193", APPLICANT, rows))


def test_a_scanned_component_becomes_a_pdfa_the_database_points_to(db, clerk, received, tmp_path):
    scans = ScanService(db, tmp_path / "scans")
    pages = [process_page(text_page(150), 150), process_page(blank_page(150), 150)]
    attached = scans.attach(clerk, received.id, 0, pages)
    assert attached.path.exists() and attached.pages == 2 and attached.blank_pages == 1
    assert attached.path.name.startswith(received.code + "_") and attached.path.name.endswith(
        "-to-khai-dang-ky-khai-sinh-theo-mau.pdf"
    )
    assert hashlib.sha256(attached.path.read_bytes()).hexdigest() == attached.sha256
    with db.read() as session:
        row = session.scalar(
            select(models.DossierComponent).where(
                models.DossierComponent.dossier_id == received.id, models.DossierComponent.position == 0
            )
        )
        assert row is not None and row.scan_sha256 == attached.sha256 and row.scan_pages == 2
    again = scans.attach(clerk, received.id, 0, pages[:1])  # a rescan replaces the first file
    assert again.path.exists() and not (attached.path.exists() and attached.path != again.path)
    assert scans.check_files().clean


def test_papers_only_shown_are_not_scanned(db, clerk, received, tmp_path):
    shown = next(i for i, r in enumerate(received.rows) if r.presented_only)
    with pytest.raises(NotScanned, match="not scanned"):
        ScanService(db, tmp_path / "scans").attach(
            clerk, received.id, shown, [process_page(text_page(100), 100)]
        )


def test_the_start_up_check_finds_missing_and_orphaned_files(db, clerk, received, tmp_path):
    scans = ScanService(db, tmp_path / "scans")
    attached = scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    orphan = tmp_path / "scans" / "left-by-a-crash.pdf"
    orphan.write_bytes(b"%PDF-1.4")
    attached.path.unlink()
    check = scans.check_files()
    assert check.orphans == ("left-by-a-crash.pdf",)
    assert check.missing == (attached.path.relative_to(tmp_path / "scans").as_posix(),)


def test_a_failed_database_write_leaves_no_file_behind(db, clerk, received, tmp_path, monkeypatch):
    scans = ScanService(db, tmp_path / "scans")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(db, "write", broken)
    with pytest.raises(OSError):
        scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    assert list((tmp_path / "scans").rglob("*.pdf")) == []


def test_files_are_imported_or_refused_clearly(tmp_path: Path):
    picture = tmp_path / "to-khai.jpg"
    text_page(100).save(picture, dpi=(100, 100))
    assert [p.dpi for p in load_pages(picture)] == [100]
    multi = tmp_path / "hai-trang.tiff"
    text_page(100).save(multi, save_all=True, append_images=[blank_page(100)], dpi=(100, 100))
    assert len(load_pages(multi)) == 2
    pdf = tmp_path / "ban-chup.pdf"
    Image.new("RGB", (827, 1169), "white").save(
        pdf, save_all=True, append_images=[Image.new("RGB", (827, 1169))]
    )
    assert len(load_pages(pdf, dpi=100)) == 2
    empty = tmp_path / "rong.png"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match="empty"):
        load_pages(empty)
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a jpeg")
    with pytest.raises(ImportRefused, match="damaged"):
        load_pages(broken)
    big = tmp_path / "lon.png"
    big.write_bytes(b"x" * 2_000_000)
    with pytest.raises(ImportRefused, match="limit"):
        load_pages(big, max_bytes=1_000_000)
    fake_pdf = tmp_path / "gia.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 nothing else")
    with pytest.raises(ImportRefused, match="damaged"):
        load_pages(fake_pdf)


def test_a_pdf_of_more_than_500_pages_is_refused(tmp_path: Path):
    import pikepdf

    path = tmp_path / "qua-dai.pdf"
    with pikepdf.new() as pdf:
        for _ in range(501):
            pdf.add_blank_page(page_size=(200, 200))
        pdf.save(path)
    with pytest.raises(ImportRefused, match="501"):
        load_pages(path)


def test_rows_show_what_is_scanned_and_what_is_only_shown(db, clerk, received, tmp_path):
    scans = ScanService(db, tmp_path / "scans")
    scans.attach(clerk, received.id, 0, [process_page(text_page(100), 100)])
    code, rows = scans.rows(received.id)
    assert code == received.code and rows[0].pages == 1 and not rows[0].needs_scan
    assert rows[0].ocr_state == "pending"
    assert all(not r.needs_scan for r in rows if r.presented_only)
    scans.detach(clerk, received.id, 0)
    assert scans.rows(received.id)[1][0].needs_scan
    assert list((tmp_path / "scans").rglob("*.pdf")) == []  # the file went with the reference


def test_a_citizens_earlier_paper_is_offered_and_copied(intake, db, clerk, tmp_path):
    procedure = intake.catalogue.get("1.000894")  # marriage: a marital-status certificate
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    first = intake.receive(clerk, ReceptionRequest("1.000894", APPLICANT, rows))
    second = intake.receive(clerk, ReceptionRequest("1.000894", APPLICANT, rows), confirm_duplicate=True)
    scans = ScanService(db, tmp_path / "scans")
    status_row = next(i for i, r in enumerate(first.rows) if "tình trạng hôn nhân" in r.name)
    form_row = 0  # the application form is made anew for each case
    earlier = scans.attach(clerk, first.id, status_row, [process_page(text_page(100), 100)])
    scans.attach(clerk, first.id, form_row, [process_page(text_page(100), 100)])
    offers = scans.reuse_offers(second.id)
    assert list(offers) == [status_row] and offers[status_row][0].dossier_code == first.code
    reused = scans.reuse(clerk, second.id, status_row, offers[status_row][0].component_id)
    assert reused.sha256 == earlier.sha256 and reused.path != earlier.path and reused.path.exists()
    assert scans.rows(second.id)[1][status_row].reused_from == first.code
    assert scans.reuse_offers(second.id) == {}
    scans.attach(clerk, first.id, status_row, [process_page(blank_page(100), 100)])  # rescanned
    assert reused.path.exists()  # the copy does not depend on the first dossier's file
    assert scans.check_files().clean


def test_a_damaged_earlier_scan_is_not_reused(intake, db, clerk, tmp_path):
    procedure = intake.catalogue.get("1.000894")
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    first = intake.receive(clerk, ReceptionRequest("1.000894", APPLICANT, rows))
    second = intake.receive(clerk, ReceptionRequest("1.000894", APPLICANT, rows), confirm_duplicate=True)
    scans = ScanService(db, tmp_path / "scans")
    status_row = next(i for i, r in enumerate(first.rows) if "tình trạng hôn nhân" in r.name)
    earlier = scans.attach(clerk, first.id, status_row, [process_page(text_page(100), 100)])
    earlier.path.write_bytes(b"%PDF-1.4 overwritten")
    offer = scans.reuse_offers(second.id)[status_row][0]
    with pytest.raises(ScanDamaged, match="damaged"):
        scans.reuse(clerk, second.id, status_row, offer.component_id)
    assert scans.rows(second.id)[1][status_row].needs_scan


def test_a_scan_made_before_the_supplement_arrived_is_kept(intake, steps, db, clerk, tmp_path):
    rows = checklist(intake.catalogue.get("1.004873"))
    first_only = [replace(rows[0], result=CheckResult.PASS), *rows[1:]]
    record = intake.request_supplement_at_reception(
        clerk, ReceptionRequest("1.004873", APPLICANT, first_only), "Thiếu giấy tờ"
    )
    scans = ScanService(db, tmp_path / "scans")
    attached = scans.attach(clerk, record.id, 0, [process_page(text_page(100), 100)])
    steps.receive_supplement(clerk, record.id, [replace(r, result=CheckResult.PASS) for r in rows])
    after = scans.rows(record.id)[1]
    assert after[0].pages == 1 and after[1].needs_scan
    assert attached.path.exists() and scans.check_files().clean


def test_the_result_is_digitised_and_offered_to_a_later_dossier(intake, steps, db, clerk, tmp_path):
    status_rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.004873"))]
    certificate = intake.receive(clerk, ReceptionRequest("1.004873", APPLICANT, status_rows))
    steps.hand_over(clerk, certificate.id, "Phòng Tư pháp")
    decided = steps.record_decision(clerk, certificate.id, APPROVED)
    assert all("tình trạng hôn nhân" not in r.name or r.name.startswith("Tờ khai") for r in decided.rows)
    scans = ScanService(db, tmp_path / "scans")
    result = next(r for r in scans.rows(certificate.id)[1] if r.is_result)
    assert result.name == "Giấy xác nhận tình trạng hôn nhân" and result.needs_scan
    scans.attach(clerk, certificate.id, result.position, [process_page(text_page(100), 100)])
    marriage_rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.000894"))]
    marriage = intake.receive(clerk, ReceptionRequest("1.000894", APPLICANT, marriage_rows))
    offers = scans.reuse_offers(marriage.id)
    (position,) = offers
    assert "tình trạng hôn nhân" in marriage.rows[position].name
    assert offers[position][0].dossier_code == certificate.code
