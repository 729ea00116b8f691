"""A dossier's whole life reaches the province once; the province's decisions reach the counter."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.reception import CheckResult, checklist
from counter_app.imaging.scan_pages import process_page
from counter_app.services.intake import ReceptionRequest
from counter_app.storage import models
from tests.imaging.sample_pages import text_page
from tests.services.test_reception import APPLICANT


def _receive(intake, clerk, code="1.001193"):
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get(code))]
    return intake.receive(clerk, ReceptionRequest(code, APPLICANT, rows))


def _pending(db) -> int:
    with db.read() as session:
        return session.scalar(  # type: ignore[no-any-return]
            select(func.count()).select_from(models.OutboxItem).where(models.OutboxItem.state == "pending")
        )


def test_a_dossier_its_steps_and_its_scan_arrive_once(db, intake, steps, clerk, scans, sync, province):
    record = _receive(intake, clerk)
    scans.attach(clerk, record.id, 0, [process_page(text_page(100), 100)])
    steps.hand_over(clerk, record.id, "Chuyển phòng Tư pháp")
    assert _pending(db) == 4  # snapshot, first step, file, hand-over step
    report = sync.run_round()
    assert report.pushed == 3 and report.files == 1 and _pending(db) == 0
    stats = province.store.stats()
    assert stats.dossiers == 1 and stats.steps == 2 and stats.files_complete == 1
    assert province.store.steps_of(record.code) == [S.RECEIVED, S.IN_PROCESSING]
    sent = province.store.dossier(record.code)
    assert sent is not None and sent["data"]["ChuHoSo"] == "Nguyễn Thị Ánh"
    assert sent["data"]["NgayTiepNhan"] == "20261126093000"
    assert sync.run_round().pushed == 0  # nothing twice
    assert sync.summary().pending == 0 and sync.summary().last_success_at is not None
    assert sync.dossier_marks([record.code]) == {record.code: "sent"}


def test_the_provinces_decision_reaches_the_counter(db, intake, steps, clerk, sync, province):
    record = _receive(intake, clerk)
    steps.hand_over(clerk, record.id, "Phòng Tư pháp")
    sync.run_round()
    province.store.province_sets_status(
        record.code, int(S.DECIDED), "20261127100000", "Đã ký", "Phòng Tư pháp"
    )
    report = sync.run_round()
    assert report.pulled == 1 and report.conflicts == 0
    after = steps.record(record.id)
    assert after.status is S.DECIDED
    assert after.history[-1].staff_name == "Hệ thống một cửa tỉnh"
    assert sync.run_round().pulled == 0  # the cursor moved on


def test_a_stale_local_change_loses_to_the_province_and_is_logged(db, intake, steps, clerk, sync, province):
    record = _receive(intake, clerk)
    sync.run_round()
    steps.hand_over(clerk, record.id, "Phòng Tư pháp")  # not yet sent when the province decides
    province.store.province_sets_status(record.code, int(S.REFUSED), "20261127100000", "Không đủ điều kiện")
    pulled = sync.run_round()  # the pull comes first: the stale hand-over is set aside
    assert pulled.conflicts == 1
    assert steps.record(record.id).status is S.REFUSED
    conflicts = [e for e in sync.entries() if e.level == "conflict"]
    assert len(conflicts) == 1 and record.code in conflicts[0].text.message()
    assert province.store.steps_of(record.code) == [S.RECEIVED]  # the stale hand-over never went
    sent = province.store.dossier(record.code)
    assert sent is not None and sent["status"] == S.REFUSED
