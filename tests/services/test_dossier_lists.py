"""The dossier tab's page: the list or the search, the apologies due, and what reached the province."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import update

from counter_app.domain.reception import CheckResult, checklist, validate_applicant
from counter_app.services.dossier_lists import Delivery, DossierList, DossierLists
from counter_app.services.intake import IntakeService, ReceptionRequest
from counter_app.storage import models
from counter_app.sync.outbox import OutboxState, dossier_stream
from tests.services.conftest import NOW


def _receive(intake: IntakeService, clerk, procedure: str, name: str, id_number: str):
    applicant = validate_applicant(
        name=name, id_number=id_number, birth_date=None, address="Hà Nội", today=NOW.date()
    )
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get(procedure))]
    return intake.receive(clerk, ReceptionRequest(procedure, applicant, rows))


def _mark(db, code: str, state: OutboxState) -> None:
    with db.write() as session:
        session.execute(
            update(models.OutboxItem)
            .where(models.OutboxItem.stream == dossier_stream(code))
            .values(state=state.value)
        )


def test_one_call_gives_the_rows_the_apologies_due_and_each_rows_delivery(
    intake, steps, clerk, db, calendar, clock
):
    lists = DossierLists(db, calendar)
    empty = lists.page(DossierList.TODAY, NOW)
    assert empty.rows == [] and empty.apologies_due == 0

    # Three working days: not due yet. Same day: due by the next working day, so its apology is due.
    slow = _receive(intake, clerk, "1.004873", "Nguyễn Thị Ánh", "001195012345")
    clock.now += timedelta(minutes=5)
    quick = _receive(intake, clerk, "1.001193", "Đặng Văn Đức", "079090001122")
    page = lists.page(DossierList.TODAY, clock.now)
    assert [r.code for r in page.rows] == [quick.code, slow.code]  # newest first
    assert page.apologies_due == 1 == lists.count(DossierList.APOLOGY_DUE, NOW)
    assert [page.delivery_of(r) for r in page.rows] == [Delivery.WAITING, Delivery.WAITING]  # not sent yet

    _mark(db, slow.code, OutboxState.DONE)
    _mark(db, quick.code, OutboxState.REJECTED)
    page = lists.page(DossierList.TODAY, NOW)
    assert {r.code: page.delivery_of(r) for r in page.rows} == {
        slow.code: Delivery.SENT,
        quick.code: Delivery.REFUSED,
    }

    # A search replaces the list; the apology count stays the office's, whatever is searched.
    found = lists.page(DossierList.TODAY, NOW, query="  nguyen thi anh ")
    assert [r.code for r in found.rows] == [slow.code] and found.apologies_due == 1
    assert found.delivery == {slow.code: Delivery.SENT}
    assert lists.page(DossierList.OVERDUE, NOW, query="khong co ai").rows == []

    steps.issue_apology(clerk, quick.id, reason="Chờ xác minh", new_until=NOW + timedelta(days=3))
    assert lists.page(DossierList.APOLOGY_DUE, NOW).apologies_due == 0
