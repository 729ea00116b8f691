"""Dossier codes, appointments and the lifecycle, through the services the app builds: the
counter's intake numbers and records a dossier, the later steps move it and keep its history.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import NotFoundError
from counter_app.domain.lifecycle import Decision, DecisionOutcome, IllegalTransition
from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.reception import Applicant, CheckResult, ComponentCheck, IdKind, checklist
from counter_app.domain.staff import PermissionDenied, Role, StaffMember
from counter_app.services.intake import IntakeService, ReceptionRequest
from counter_app.storage import models
from tests.services.code_worker import receive_many
from tests.services.conftest import NOW

APPROVED = Decision("12/QĐ-UBND", NOW.date(), DecisionOutcome.APPROVED)

APPLICANT = Applicant("Nguyễn Văn An", "001095012345", address="Hà Nội", phone="0912345678")


def _complete(intake: IntakeService, code: str) -> ReceptionRequest:
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get(code))]
    return ReceptionRequest(code, APPLICANT, rows)


def _rows(intake: IntakeService, code: str) -> list[ComponentCheck]:
    return list(_complete(intake, code).rows)


def test_reception_gives_code_appointment_and_history(intake, steps, clerk):
    first = intake.receive(clerk, _complete(intake, "1.004873"))
    second = intake.receive(clerk, _complete(intake, "1.001193"))
    assert first.code == "000.00.06.H56-261126-0001"
    assert second.code == "000.00.06.H56-261126-0002"
    assert first.status is S.RECEIVED
    assert first.appointment_at == datetime(2026, 12, 1, 17, tzinfo=VN_TZ)  # 3 working days: Fri, Mon, Tue
    assert second.appointment_at == datetime(2026, 11, 26, 17, tzinfo=VN_TZ)  # same day
    expected = [(None, S.RECEIVED, clerk.full_name)]
    assert [(h.from_status, h.to_status, h.staff_name) for h in first.history] == expected
    stored = steps.record(first.id)  # read back: what the intake returned is what it saved
    assert [(h.from_status, h.to_status, h.staff_name) for h in stored.history] == expected
    assert (stored.code, stored.appointment_at) == (first.code, first.appointment_at)


def test_the_national_pattern_carries_the_system_owner_digits(db, catalogue, calendar, clerk, clock):
    from counter_app.domain.dossier_code import NATIONAL_PATTERN

    national = IntakeService(
        db,
        catalogue,
        calendar,
        office_code="G22.05.H01",
        code_pattern=NATIONAL_PATTERN,
        system_code="37",
        clock=clock,
    )
    assert national.receive(clerk, _complete(national, "1.001193")).code == "G22.05.H01-261126-370001"


def test_numbers_restart_each_day(intake, clerk, clock):
    intake.receive(clerk, _complete(intake, "1.001193"))
    clock.now = NOW.replace(day=27)
    next_day = intake.receive(clerk, _complete(intake, "1.001193"), confirm_duplicate=True)
    assert next_day.code.endswith("-261127-0001")


def test_lifecycle_is_recorded_and_enforced(intake, steps, clerk, db):
    record = intake.receive(clerk, _complete(intake, "1.004873"))
    steps.hand_over(clerk, record.id, "Phòng Tư pháp")
    steps.request_supplement(clerk, record.id, "Thiếu bản án ly hôn")
    steps.receive_supplement(clerk, record.id, _rows(intake, "1.004873"))  # back in processing
    with pytest.raises(IllegalTransition):
        steps.request_supplement(clerk, record.id, "Lần nữa")  # once per dossier
    with pytest.raises(IllegalTransition):  # not decided yet: nothing to return
        steps.return_result(
            clerk, record.id, collected_by="Nguyễn Văn An", id_kind=IdKind.CCCD, id_value="001095012345"
        )
    decided = steps.record_decision(clerk, record.id, APPROVED)
    assert decided.decided_at == NOW
    returned = steps.return_result(
        clerk, record.id, collected_by="Nguyễn Văn An", id_kind=IdKind.CCCD, id_value="001095012345"
    )
    assert returned.status is S.RETURNED and returned.returned_at == NOW
    statuses = [h.to_status for h in steps.record(record.id).history]
    assert statuses == [
        S.RECEIVED,
        S.IN_PROCESSING,
        S.SUPPLEMENT_REQUESTED,
        S.IN_PROCESSING,
        S.DECIDED,
        S.RETURNED,
    ]
    assert steps.record(record.id).reasons[S.SUPPLEMENT_REQUESTED] == "Thiếu bản án ly hôn"
    with db.read() as session:  # the refused moves wrote nothing
        assert session.scalar(select(func.count()).select_from(models.DossierEvent)) == 6


def test_unknown_dossier_procedure_and_permissions(intake, steps, clerk, db):
    with pytest.raises(NotFoundError):
        steps.hand_over(clerk, 999, "Phòng Tư pháp")
    with pytest.raises(NotFoundError):
        steps.record(999)
    with pytest.raises(NotFoundError):
        intake.receive(clerk, ReceptionRequest("9.999999", APPLICANT))
    outsider = StaffMember(clerk.id, "x", "X", Role.CLERK)
    object.__setattr__(outsider, "role", "nobody")  # a role without rights
    with pytest.raises((PermissionDenied, KeyError)):
        intake.receive(outsider, _complete(intake, "1.001193"))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Dossier)) == 0
    record = intake.receive(clerk, _complete(intake, "1.001193"))
    with pytest.raises((PermissionDenied, KeyError)):
        steps.hand_over(outsider, record.id, "Phòng Tư pháp")
    assert steps.record(record.id).status is S.RECEIVED


def _assert_gapless(codes: list[str], expected: int) -> None:
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, expected + 1))


def test_many_threads_never_share_or_skip_a_number(intake, clerk, db):
    threads, each = 8, 15
    request = _complete(intake, "1.001193")

    def work(_: int) -> list[str]:
        return [intake.receive(clerk, request, confirm_duplicate=True).code for _ in range(each)]

    with ThreadPoolExecutor(threads) as pool:
        codes = [code for batch in pool.map(work, range(threads)) for code in batch]
    _assert_gapless(codes, threads * each)


@pytest.mark.slow
def test_many_processes_never_share_or_skip_a_number(catalogue, clerk, db):
    processes = int(os.environ.get("COUNTER_APP_CONCURRENCY_PROCESSES", "4"))
    each = int(os.environ.get("COUNTER_APP_CONCURRENCY_EACH", "15"))
    url = db.engine.url.render_as_string(hide_password=False)
    arguments = (url, clerk.id, "1.001193", each, NOW.isoformat())
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        batches = pool.starmap(receive_many, [arguments] * processes)
    codes = [code for batch in batches for code in batch]
    _assert_gapless(codes, processes * each)
    with db.read() as session:
        assert session.scalar(select(models.DossierCounter.last_number)) == processes * each
        assert session.scalar(select(func.count()).select_from(models.Dossier)) == processes * each
