import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import NotFoundError
from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.lifecycle import IllegalTransition
from counter_app.domain.reception import Applicant
from counter_app.domain.staff import PermissionDenied, Role, StaffMember
from counter_app.services.dossiers import DossierService
from counter_app.storage import models
from tests.services.code_worker import OFFICE, PATTERN, register_many

RECEIVED = datetime(2026, 11, 26, 9, 30, tzinfo=VN_TZ)  # a Thursday
APPLICANT = Applicant("Nguyễn Văn An", "001095012345", address="Hà Nội", phone="0912345678")


@pytest.fixture
def dossiers(db, catalogue, calendar):
    return DossierService(
        db, catalogue, calendar, office_code=OFFICE, code_pattern=PATTERN, clock=lambda: RECEIVED
    )


def test_register_gives_code_appointment_and_history(dossiers, clerk):
    first = dossiers.register(clerk, "1.004873", APPLICANT, received_at=RECEIVED)
    second = dossiers.register(clerk, "1.001193", APPLICANT, received_at=RECEIVED)
    assert first.code == "000.00.06.H56-261126-0001"
    assert second.code == "000.00.06.H56-261126-0002"
    assert first.status is S.RECEIVED
    assert first.appointment_at == datetime(2026, 12, 1, 17, tzinfo=VN_TZ)  # 3 working days: Fri, Mon, Tue
    assert second.appointment_at == datetime(2026, 11, 26, 17, tzinfo=VN_TZ)  # same day
    history = dossiers.history(first.id)
    assert [(h.from_status, h.to_status, h.staff_name) for h in history] == [
        (None, S.RECEIVED, clerk.full_name)
    ]


def test_the_national_pattern_carries_the_system_owner_digits(db, catalogue, calendar, clerk):
    from counter_app.domain.dossier_code import NATIONAL_PATTERN

    national = DossierService(
        db, catalogue, calendar, office_code="G22.05.H01", code_pattern=NATIONAL_PATTERN, system_code="37"
    )
    assert national.register(clerk, "1.001193", APPLICANT, received_at=RECEIVED).code == (
        "G22.05.H01-261126-370001"
    )


def test_numbers_restart_each_day(dossiers, clerk):
    dossiers.register(clerk, "1.001193", APPLICANT, received_at=RECEIVED)
    next_day = dossiers.register(clerk, "1.001193", APPLICANT, received_at=RECEIVED.replace(day=27))
    assert next_day.code.endswith("-261127-0001")


def test_lifecycle_is_recorded_and_enforced(dossiers, clerk, db):
    view = dossiers.register(clerk, "1.004873", APPLICANT, received_at=RECEIVED)
    dossiers.transition(clerk, view.id, S.IN_PROCESSING)
    dossiers.transition(clerk, view.id, S.SUPPLEMENT_REQUESTED, note="Thiếu bản án ly hôn")
    dossiers.transition(clerk, view.id, S.IN_PROCESSING)
    with pytest.raises(IllegalTransition):
        dossiers.transition(clerk, view.id, S.SUPPLEMENT_REQUESTED)
    with pytest.raises(IllegalTransition):
        dossiers.transition(clerk, view.id, S.RETURNED)
    decided = dossiers.transition(clerk, view.id, S.DECIDED)
    assert decided.decided_at == RECEIVED
    returned = dossiers.transition(clerk, view.id, S.RETURNED)
    assert returned.status is S.RETURNED and returned.returned_at == RECEIVED
    statuses = [h.to_status for h in dossiers.history(view.id)]
    assert statuses == [
        S.RECEIVED,
        S.IN_PROCESSING,
        S.SUPPLEMENT_REQUESTED,
        S.IN_PROCESSING,
        S.DECIDED,
        S.RETURNED,
    ]
    with db.read() as session:  # the refused moves wrote nothing
        assert session.scalar(select(func.count()).select_from(models.DossierEvent)) == 6


def test_unknown_dossier_procedure_and_permissions(dossiers, clerk, db):
    with pytest.raises(NotFoundError):
        dossiers.transition(clerk, 999, S.IN_PROCESSING)
    with pytest.raises(NotFoundError):
        dossiers.register(clerk, "9.999999", APPLICANT)
    outsider = StaffMember(clerk.id, "x", "X", Role.CLERK)
    object.__setattr__(outsider, "role", "nobody")  # a role without rights
    with pytest.raises((PermissionDenied, KeyError)):
        dossiers.register(outsider, "1.001193", APPLICANT)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Dossier)) == 0


def _assert_gapless(codes, expected):
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, expected + 1))


def test_many_threads_never_share_or_skip_a_number(dossiers, clerk, db):
    threads, each = 8, 15

    def work(_):
        return [
            dossiers.register(clerk, "1.001193", APPLICANT, received_at=RECEIVED).code for _ in range(each)
        ]

    with ThreadPoolExecutor(threads) as pool:
        codes = [code for batch in pool.map(work, range(threads)) for code in batch]
    _assert_gapless(codes, threads * each)


@pytest.mark.slow
def test_many_processes_never_share_or_skip_a_number(dossiers, clerk, db):
    processes = int(os.environ.get("COUNTER_APP_CONCURRENCY_PROCESSES", "4"))
    each = int(os.environ.get("COUNTER_APP_CONCURRENCY_EACH", "15"))
    url = db.engine.url.render_as_string(hide_password=False)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        batches = pool.starmap(register_many, [(url, clerk.id, each, RECEIVED.isoformat())] * processes)
    codes = [code for batch in batches for code in batch]
    _assert_gapless(codes, processes * each)
    with db.read() as session:
        assert session.scalar(select(models.DossierCounter.last_number)) == processes * each
