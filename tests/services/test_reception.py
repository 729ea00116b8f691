"""Receiving dossiers at the counter: outcomes, checklists, duplicates, fees, hand-overs, returns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.lifecycle import Decision, DecisionOutcome, IllegalTransition
from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.reception import (
    FILED_IN_PERSON,
    CheckResult,
    ComponentCheck,
    FeeMode,
    IdKind,
    PaperType,
    PaymentMeans,
    Proxy,
    checklist,
    validate_applicant,
    voluntary_paper,
)
from counter_app.services.intake import DuplicateDossier, IntakeService, ReceptionRequest
from counter_app.storage import models
from tests.services.code_worker import OFFICE
from tests.services.conftest import NOW

APPROVED = Decision("12/QĐ-UBND", NOW.date(), DecisionOutcome.APPROVED)

APPLICANT = validate_applicant(
    name="Nguyễn Thị Ánh",
    id_number="001195012345",
    birth_date=date(1995, 3, 8),
    address="Số 5 ngõ 12 phố Huế, phường Hai Bà Trưng, Hà Nội",
    phone="0912 345 678",
    email="anh@example.vn",
    today=NOW.date(),
)


def _all_pass(intake: IntakeService, code: str) -> list[ComponentCheck]:
    return [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get(code))]


def test_a_complete_dossier_gets_code_appointment_checklist_and_fee(intake, clerk):
    rows = [*_all_pass(intake, "2.000884"), voluntary_paper("Bản photo sổ hộ khẩu cũ")]
    request = ReceptionRequest(
        "2.000884", APPLICANT, rows, fee_mode=FeeMode.AT_RECEPTION, payment_means=PaymentMeans.CASH
    )
    record = intake.receive(clerk, request)
    assert record.code == "000.00.06.H56-261126-0001" and record.status is S.RECEIVED
    assert (
        record.fee_amount == 10000 and record.fee_paid_at == NOW and record.payment_means is PaymentMeans.CASH
    )
    assert record.rows[-1].voluntary and record.rows[-1].name == "Bản photo sổ hộ khẩu cũ"
    assert [r.name for r in record.rows[:-1]] == [c.name for c in intake.catalogue.get("2.000884").components]
    assert record.applicant.phone == "0912345678" and record.received_by_name == clerk.full_name


def test_the_clerk_cannot_add_a_requirement_or_drop_one(intake, clerk):
    rows = _all_pass(intake, "2.000884")
    invented = replace(rows[0], name="Giấy xác nhận tình trạng hôn nhân", position=len(rows))
    with pytest.raises(ValidationError, match="exactly"):
        intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, [*rows, invented]))
    with pytest.raises(ValidationError, match="exactly"):
        intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, rows[1:]))
    renamed = [replace(rows[0], name="Something else"), *rows[1:]]
    record = intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, renamed))
    assert record.rows[0].name == intake.catalogue.get("2.000884").components[0].name  # the catalogue's


def test_an_incomplete_dossier_gets_a_supplement_request_once(intake, steps, clerk, clock):
    rows = checklist(intake.catalogue.get("1.004873"))
    rows[0] = replace(rows[0], result=CheckResult.PASS)
    rows[1] = replace(rows[1], result=CheckResult.FAIL, reason="Bản sao không có dấu chứng thực")
    request = ReceptionRequest("1.004873", APPLICANT, rows)
    with pytest.raises(ValidationError, match="supplement"):
        intake.receive(clerk, request)
    record = intake.request_supplement_at_reception(clerk, request, "Thiếu giấy tờ")
    assert (
        record.status is S.SUPPLEMENT_REQUESTED and record.reasons[S.SUPPLEMENT_REQUESTED] == "Thiếu giấy tờ"
    )
    assert record.appointment_at is None  # the papers go back to the citizen: no date is promised
    assert steps.record(record.id).appointment_at is None
    lacking = [r for r in record.rows if r.result is not CheckResult.PASS]
    assert [r.name for r in lacking] == [r.name for r in rows[1:]]
    clock.now = NOW + timedelta(days=1)  # Friday: the papers arrive
    done = steps.receive_supplement(clerk, record.id, [replace(r, result=CheckResult.PASS) for r in rows])
    assert done.status is S.IN_PROCESSING
    assert done.appointment_at == datetime(2026, 12, 2, 17, tzinfo=VN_TZ)  # 3 working days from Friday
    with pytest.raises(IllegalTransition, match="once"):
        steps.request_supplement(clerk, record.id, "Lần nữa")


def test_refusal_withdrawal_and_the_reasons_kept(intake, steps, clerk):
    refused = intake.refuse(clerk, ReceptionRequest("1.004873", APPLICANT), "Không thuộc thẩm quyền")
    assert refused.status is S.REFUSED and refused.reasons[S.REFUSED] == "Không thuộc thẩm quyền"
    assert refused.appointment_at is None and steps.record(refused.id).appointment_at is None
    with pytest.raises(ValidationError):
        intake.refuse(clerk, ReceptionRequest("1.004873", APPLICANT), "  ")
    record = intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, _all_pass(intake, "2.000884")))
    stopped = steps.withdraw(clerk, record.id, "Công dân xin rút để bổ sung sau")
    assert stopped.status is S.STOPPED and S.WITHDRAWAL_REQUESTED in stopped.reasons
    decided = intake.receive(
        clerk,
        ReceptionRequest("1.001193", APPLICANT, _all_pass(intake, "1.001193")),
    )
    steps.record_decision(clerk, decided.id, APPROVED)
    with pytest.raises(IllegalTransition):
        steps.withdraw(clerk, decided.id, "Quá muộn")


def test_the_same_person_and_procedure_in_progress_is_warned(intake, clerk):
    request = ReceptionRequest("2.000884", APPLICANT, _all_pass(intake, "2.000884"))
    first = intake.receive(clerk, request)
    with pytest.raises(DuplicateDossier, match=first.code):
        intake.receive(clerk, request)
    second = intake.receive(clerk, request, confirm_duplicate=True)
    assert second.code.endswith("0002")
    other = validate_applicant(
        name="Trần Văn Bình",
        id_number="079090001122",
        birth_date=None,
        address="TP Hồ Chí Minh",
        today=NOW.date(),
    )
    intake.receive(clerk, replace(request, applicant=other))  # another person: no warning


def test_a_procedure_withdrawn_from_the_catalogue_is_refused(intake, clerk, db):
    with db.write() as session:
        session.execute(
            update(models.Procedure).where(models.Procedure.code == "2.000884").values(active=False)
        )
    with pytest.raises(NotFoundError, match="no longer"):
        intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, []))
    with pytest.raises(NotFoundError):
        intake.receive(clerk, ReceptionRequest("9.999999", APPLICANT, []))


def test_hand_overs_decision_and_return_with_fee_on_return(intake, steps, clerk, clock):
    rows = _all_pass(intake, "1.003583")
    record = intake.receive(clerk, ReceptionRequest("1.003583", APPLICANT, rows, fee_mode=FeeMode.ON_RETURN))
    assert record.fee_paid_at is None and record.fee_amount == 8000
    steps.hand_over(clerk, record.id, "Chuyển công chức tư pháp")
    clock.now = NOW + timedelta(hours=3)
    steps.record_decision(clerk, record.id, APPROVED)
    with pytest.raises(ValidationError, match="fee"):
        steps.return_result(
            clerk, record.id, collected_by="Nguyễn Thị Ánh", id_kind=IdKind.CCCD, id_value="1"
        )
    returned = steps.return_result(
        clerk,
        record.id,
        collected_by="Nguyễn Thị Ánh",
        id_kind=IdKind.CCCD,
        id_value="001195012345",
        payment_means=PaymentMeans.BANK_TRANSFER,
    )
    assert returned.status is S.RETURNED and returned.fee_paid_at == clock.now
    assert returned.returned_to_name == "Nguyễn Thị Ánh" and returned.returned_id_kind is IdKind.CCCD


def test_an_apology_keeps_the_legal_appointment(intake, steps, clerk):
    record = intake.receive(clerk, ReceptionRequest("1.004873", APPLICANT, _all_pass(intake, "1.004873")))
    new = record.appointment_at + timedelta(days=5)
    with pytest.raises(ValidationError):
        steps.issue_apology(clerk, record.id, reason="Chờ xác minh", new_until=record.appointment_at)
    apologised = steps.issue_apology(clerk, record.id, reason="Chờ xác minh nơi cư trú", new_until=new)
    assert apologised.appointment_at == record.appointment_at and apologised.extended_until == new
    assert apologised.extensions[0].reason == "Chờ xác minh nơi cư trú"


def test_the_ticket_is_linked_to_its_dossier(intake, clerk, db):
    from counter_app.services.queue import QueueService

    queue = QueueService(db, office_code=OFFICE, clock=lambda: NOW)
    with db.write() as session:
        session.merge(models.ServiceArea(code="A", name="Hộ tịch", position=0, active=True))
    issued = queue.issue("A")
    record = intake.receive(
        clerk,
        ReceptionRequest("2.000884", APPLICANT, _all_pass(intake, "2.000884"), ticket_id=issued.ticket.id),
    )
    assert record.ticket_label == issued.ticket.label
    with db.read() as session:
        assert (
            session.scalar(select(models.Ticket.dossier_id).where(models.Ticket.id == issued.ticket.id))
            == record.id
        )


def test_a_proxy_and_failed_rows_need_their_facts(intake, clerk):
    rows = _all_pass(intake, "2.000884")
    rows[0] = replace(rows[0], result=CheckResult.FAIL, reason="")
    with pytest.raises(ValidationError, match="why"):
        intake.request_supplement_at_reception(clerk, ReceptionRequest("2.000884", APPLICANT, rows), "x")
    proxy = Proxy("Lê Văn Cường", "001090000111", "Hà Nội", "0987654321", "Giấy ủy quyền số 12/2026")
    rows = [replace(r, paper_type=PaperType.CERTIFIED_COPY) for r in _all_pass(intake, "2.000884")]
    record = intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, rows, proxy=proxy, sets_count=2))
    assert record.proxy == proxy and record.sets_count == 2
    assert record.rows[0].paper_type is PaperType.CERTIFIED_COPY


def test_saving_is_all_or_nothing(intake, clerk, db):
    rows = _all_pass(intake, "2.000884")
    bad_ticket = ReceptionRequest("2.000884", APPLICANT, rows, sets_count=0)
    with pytest.raises(ValidationError):
        intake.receive(clerk, bad_ticket)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Dossier)) == 0
        assert session.scalar(select(func.count()).select_from(models.DossierCounter)) == 0


def test_search_ignores_diacritics_and_finds_by_id_and_code(intake, clerk, db, calendar):
    from counter_app.services.dossier_lists import DossierLists

    lists = DossierLists(db, calendar)
    other = validate_applicant(
        name="Đặng Văn Đức", id_number="079090001122", birth_date=None, address="TP HCM", today=NOW.date()
    )
    first = intake.receive(clerk, ReceptionRequest("2.000884", APPLICANT, _all_pass(intake, "2.000884")))
    second = intake.receive(clerk, ReceptionRequest("2.000884", other, _all_pass(intake, "2.000884")))
    assert [r.code for r in lists.search("nguyen thi anh", NOW)] == [first.code]
    assert [r.code for r in lists.search("Nguyễn Ánh", NOW)] == [first.code]
    assert [r.code for r in lists.search("dang van duc", NOW)] == [second.code]  # đ folds to d
    assert [r.code for r in lists.search("duc", NOW)] == [second.code]
    assert [r.code for r in lists.search("0790900", NOW)] == [second.code]  # the start of an ID
    assert [r.code for r in lists.search(first.code, NOW)] == [first.code]
    assert lists.search("tran", NOW) == [] and lists.search('"*', NOW) == []


def test_a_paper_that_does_not_apply_is_kept_with_its_reason_and_never_demanded(intake, steps, clerk):
    rows = _all_pass(intake, "1.004873")
    letter = 2  # “Văn bản ủy quyền … (trường hợp ủy quyền thực hiện)”: the citizen came in person
    rows[letter] = replace(rows[letter], result=CheckResult.NOT_APPLICABLE, reason="Công dân tự nộp")
    record = intake.receive(clerk, ReceptionRequest("1.004873", APPLICANT, rows))
    assert record.status is S.RECEIVED  # not demanded: the dossier is complete without it
    stored = steps.record(record.id).rows[letter]
    assert (stored.result, stored.reason) == (CheckResult.NOT_APPLICABLE, "Công dân tự nộp")
    rows[letter] = replace(rows[letter], reason=" ")
    with pytest.raises(ValidationError, match="does not apply"):
        intake.receive(clerk, ReceptionRequest("1.004873", APPLICANT, rows), confirm_duplicate=True)


def test_the_authorisation_letter_is_never_asked_of_a_citizen_filing_in_person(intake, clerk):
    rows = checklist(intake.catalogue.get("1.004873"))  # every paper still “not brought”
    letter = 2  # “Văn bản ủy quyền … (trường hợp ủy quyền thực hiện)”
    record = intake.request_supplement_at_reception(
        clerk, ReceptionRequest("1.004873", APPLICANT, rows), "Thiếu giấy tờ"
    )
    stored = record.rows[letter]
    assert (stored.result, stored.reason) == (CheckResult.NOT_APPLICABLE, FILED_IN_PERSON)
    assert not stored.lacking  # Mẫu 02 does not ask for it


def test_a_dossier_sent_back_incomplete_pays_its_fee_only_when_received(intake, steps, clerk, clock):
    rows = _all_pass(intake, "2.000884")
    rows[0] = replace(rows[0], result=CheckResult.FAIL, reason="Tờ khai chưa ký")
    request = ReceptionRequest(
        "2.000884", APPLICANT, rows, fee_mode=FeeMode.AT_RECEPTION, payment_means=PaymentMeans.CASH
    )
    record = intake.request_supplement_at_reception(clerk, request, "Thiếu chữ ký")
    assert record.fee_amount == 10000 and record.fee_paid_at is None  # nothing taken, no receipt
    clock.now = NOW + timedelta(days=1)
    done = steps.receive_supplement(clerk, record.id, _all_pass(intake, "2.000884"))
    assert done.fee_paid_at == clock.now  # paid when the dossier is received, with its papers
