"""Which forms a dossier can print: only those that say something true about it, never a blank reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.dossier_code import parse_code_part
from counter_app.domain.dossier_record import (
    DossierEventView,
    DossierRecord,
    ExtensionView,
    PrintableForm,
    applicable_forms,
)
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import Applicant, FeeMode, ReturnMethod

S, F = DossierStatus, PrintableForm
AT = datetime(2026, 11, 26, 8, 30, tzinfo=VN_TZ)
LATER = AT + timedelta(days=2)


def _record(
    status: DossierStatus, *events: tuple[DossierStatus | None, DossierStatus, datetime, str]
) -> DossierRecord:
    history = tuple(DossierEventView(a, b, at, "Cán bộ", note) for a, b, at, note in events)
    return DossierRecord(
        id=1,
        code="X-261126-0003",
        status=status,
        procedure_code="1.004873",
        procedure_name="Xác nhận tình trạng hôn nhân",
        field_name="Hộ tịch",
        deciding_authority="UBND xã",
        processing=None,
        applicant=Applicant("Người nộp", "001195012345", None, "", "", ""),
        proxy=None,
        sets_count=1,
        return_method=ReturnMethod.COUNTER,
        fee_mode=FeeMode.NOT_CHARGED,
        fee_amount=0,
        payment_means=None,
        fee_paid_at=None,
        received_at=AT,
        appointment_at=LATER,
        extended_until=None,
        decided_at=None,
        returned_at=None,
        returned_to_name="",
        returned_to_id="",
        returned_id_kind=None,
        received_by_name="Cán bộ",
        running_number=3,
        ticket_label="",
        rows=(),
        reasons={e.to_status: e.note for e in history},
        reason_dates={e.to_status: e.at for e in history},
        history=history,
    )


def test_a_received_dossier_has_its_receipt_and_control_sheet_only():
    record = _record(S.RECEIVED, (None, S.RECEIVED, AT, ""))
    assert applicable_forms(record) == (F.RECEIPT, F.CONTROL)


def test_a_refused_dossier_has_only_its_refusal():
    record = _record(S.REFUSED, (None, S.REFUSED, AT, "Không thuộc thẩm quyền"))
    assert applicable_forms(record) == (F.REFUSAL,)
    assert applicable_forms(_record(S.REFUSED, (None, S.REFUSED, AT, "  "))) == ()  # never blank


def test_lacking_papers_at_the_counter_is_not_a_receipt_until_they_arrive():
    at_counter = (
        (None, S.RECEIVED, AT, "Thiếu tờ khai"),
        (S.RECEIVED, S.SUPPLEMENT_REQUESTED, AT, "Thiếu tờ khai"),
    )
    assert applicable_forms(_record(S.SUPPLEMENT_REQUESTED, *at_counter)) == (F.SUPPLEMENT,)
    arrived = (S.SUPPLEMENT_REQUESTED, S.IN_PROCESSING, LATER, "")
    assert applicable_forms(_record(S.IN_PROCESSING, *at_counter, arrived)) == (
        F.RECEIPT,
        F.SUPPLEMENT,
        F.CONTROL,
    )


def test_sent_back_at_the_counter_in_one_step_is_not_a_receipt_until_the_papers_arrive():
    at_counter = (None, S.SUPPLEMENT_REQUESTED, AT, "Thiếu tờ khai")  # recorded so since issue 14
    assert applicable_forms(_record(S.SUPPLEMENT_REQUESTED, at_counter)) == (F.SUPPLEMENT,)
    arrived = (S.SUPPLEMENT_REQUESTED, S.IN_PROCESSING, LATER, "")
    assert applicable_forms(_record(S.IN_PROCESSING, at_counter, arrived)) == (
        F.RECEIPT,
        F.SUPPLEMENT,
        F.CONTROL,
    )


def test_a_supplement_asked_later_keeps_the_receipt():
    record = _record(
        S.SUPPLEMENT_REQUESTED,
        (None, S.RECEIVED, AT, ""),
        (S.RECEIVED, S.SUPPLEMENT_REQUESTED, LATER, "Bản sao chưa chứng thực"),
    )
    assert applicable_forms(record) == (F.RECEIPT, F.SUPPLEMENT, F.CONTROL)


def test_apology_stop_and_fee_receipt_only_when_they_happened():
    base = _record(
        S.STOPPED,
        (None, S.RECEIVED, AT, ""),
        (S.RECEIVED, S.WITHDRAWAL_REQUESTED, LATER, "Không còn nhu cầu"),
        (S.WITHDRAWAL_REQUESTED, S.STOPPED, LATER, "Không còn nhu cầu"),
    )
    assert applicable_forms(base) == (F.RECEIPT, F.STOP, F.CONTROL)
    apology = ExtensionView(LATER, "Cần xác minh", LATER, LATER + timedelta(days=3), "Cán bộ")
    paid = replace(base, extensions=(apology,), fee_amount=50_000, fee_paid_at=AT)
    assert applicable_forms(paid) == (F.RECEIPT, F.APOLOGY, F.STOP, F.CONTROL, F.FEE_RECEIPT)
    running = _record(S.IN_PROCESSING, (None, S.RECEIVED, AT, ""), (S.RECEIVED, S.IN_PROCESSING, AT, ""))
    assert F.STOP not in applicable_forms(running) and F.APOLOGY not in applicable_forms(running)


@pytest.mark.parametrize(
    ("typed", "numbers", "day", "together"),
    [
        ("0003", (3,), None, False),
        ("261126-0003", (3,), (2026, 11, 26), True),
        ("H56-261126-0003", (3,), (2026, 11, 26), True),
        ("20261126-0003", (3,), (2026, 11, 26), True),
        ("261126-", (), (2026, 11, 26), True),
        ("261126", (1126, 261126), (2026, 11, 26), False),  # a day, or a national code's number
        ("010007", (7, 10007), None, False),
    ],
)
def test_parts_of_a_dossier_code(typed, numbers, day, together):
    part = parse_code_part(typed)
    assert part is not None
    assert part.running_numbers == numbers and part.together == together
    assert (part.day.timetuple()[:3] if part.day else None) == day


@pytest.mark.parametrize("typed", ["abc", "nguyen van an", "261399-0003", ""])
def test_not_parts_of_a_code(typed):
    assert parse_code_part(typed) is None
