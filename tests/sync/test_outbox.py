"""The outbox is written by each writer, in its transaction, stamped with the writer's clock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.reception import CheckResult, checklist
from counter_app.services.intake import ReceptionRequest
from counter_app.storage import models
from counter_app.storage.database import UnwrittenNotes
from counter_app.sync import outbox
from tests.services.conftest import NOW
from tests.services.test_reception import APPLICANT


def _items(db) -> list[tuple[str, dict[str, object], object]]:
    o = models.OutboxItem
    with db.read() as session:
        return [(kind, json.loads(payload), at) for kind, payload, at in session.execute(
            select(o.kind, o.payload, o.created_at).order_by(o.id)
        )]  # fmt: skip


def test_items_are_stamped_with_the_clock_of_the_service_that_wrote_them(db, intake, steps, clerk, clock):
    rows = checklist(intake.catalogue.get("1.004873"))
    rows[1] = replace(rows[1], result=CheckResult.FAIL, reason="Thiếu bản sao")
    record = intake.request_supplement_at_reception(
        clerk, ReceptionRequest("1.004873", APPLICANT, rows), "Thiếu giấy tờ"
    )
    later = NOW + timedelta(hours=2)
    clock.now = later
    steps.receive_supplement(clerk, record.id, [replace(r, result=CheckResult.PASS) for r in rows])

    items = _items(db)
    assert [(kind, at) for kind, _, at in items] == [
        ("dossier", NOW),  # the new dossier first, then its one first step
        ("status", NOW),
        ("dossier", later),
        ("status", later),
    ]
    # The snapshot shows the dossier as committed, not as it was when it was noted.
    assert items[0][1]["TrangThaiHoSo"] == int(S.SUPPLEMENT_REQUESTED)
    assert items[2][1]["TrangThaiHoSo"] == int(S.IN_PROCESSING)
    # Sent back incomplete, never received: its first step goes from nothing (0) to “supplement”.
    first = items[1][1]
    assert (first["TrangThai"], first["TrangThaiTruoc"], first["NoiDungXuLy"]) == (
        int(S.SUPPLEMENT_REQUESTED),
        0,
        "Thiếu giấy tờ",
    )
    assert (items[3][1]["TrangThai"], items[3][1]["TrangThaiTruoc"]) == (
        int(S.IN_PROCESSING),
        int(S.SUPPLEMENT_REQUESTED),
    )


def test_forgetting_to_write_the_notes_fails_loudly_and_commits_nothing(db, intake, clerk):
    record = intake.refuse(clerk, ReceptionRequest("1.004873", APPLICANT), "Sai thẩm quyền")
    before = len(_items(db))
    with pytest.raises(UnwrittenNotes, match=r"outbox\.write_pending"), db.write() as session:
        row = session.get(models.Dossier, record.id)
        assert row is not None
        row.applicant_phone = "0912000111"
        outbox.note_dossier(session, record.id)  # and no write_pending
    with db.read() as session:
        assert session.get(models.Dossier, record.id).applicant_phone == record.applicant.phone
    assert len(_items(db)) == before


def test_nothing_is_queued_when_the_transaction_rolls_back(db, intake, clerk):
    record = intake.refuse(clerk, ReceptionRequest("1.004873", APPLICANT), "Sai thẩm quyền")
    with pytest.raises(RuntimeError), db.write() as session:
        outbox.note_dossier(session, record.id)
        outbox.write_pending(session, at=NOW)
        raise RuntimeError("power cut")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.OutboxItem)) == 2  # the refusal's
