"""The steps' own records: who received a hand-over, the decision and its outcome, and the
office head's undoing of a last step (kept in the history, in the activity log, and sent on)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import Decision, DecisionOutcome, IllegalTransition
from counter_app.domain.lifecycle import DossierStatus as S
from counter_app.domain.reception import IdKind
from counter_app.domain.staff import PermissionDenied, Role
from counter_app.storage import models
from counter_app.sync.outbox import OutboxKind
from tests.services.conftest import NOW
from tests.services.test_dossiers import _complete, _rows

TODAY = NOW.date()


@pytest.fixture
def head(staff, admin):
    return staff.create(admin, "lanhdao", "Trần Đức Thắng", Role.HEAD, "lanhdao123")


def test_a_hand_over_names_its_recipient_and_it_is_suggested_again(intake, steps, clerk, db):
    record = intake.receive(clerk, _complete(intake, "1.004873"))
    with pytest.raises(ValidationError):
        steps.hand_over(clerk, record.id, "   ")
    handed = steps.hand_over(clerk, record.id, "  Phòng Tư pháp ")
    assert handed.status is S.IN_PROCESSING and handed.handed_to == "Phòng Tư pháp"
    assert handed.history[-1].recipient == "Phòng Tư pháp"
    assert steps.recipients() == ["Phòng Tư pháp"]
    with db.read() as session:
        step = session.scalars(select(models.OutboxItem).where(models.OutboxItem.kind == "status")).all()[-1]
        assert json.loads(step.payload)["NoiDungXuLy"] == "Phòng Tư pháp"


def test_the_decision_is_numbered_dated_and_a_refusal_gives_its_reason(intake, steps, clerk):
    record = intake.receive(clerk, _complete(intake, "1.004873"))
    steps.hand_over(clerk, record.id, "Phòng Tư pháp")
    for wrong in (
        Decision("", TODAY, DecisionOutcome.APPROVED),
        Decision("12/QĐ", TODAY + timedelta(days=1), DecisionOutcome.APPROVED),  # in the future
        Decision("12/QĐ", TODAY - timedelta(days=1), DecisionOutcome.APPROVED),  # before reception
        Decision("12/QĐ", TODAY, DecisionOutcome.REFUSED, "  "),  # refused without a reason
    ):
        with pytest.raises(ValidationError):
            steps.record_decision(clerk, record.id, wrong)
    assert steps.record(record.id).status is S.IN_PROCESSING  # nothing recorded
    decided = steps.record_decision(
        clerk, record.id, Decision(" 15/TB-UBND ", TODAY, DecisionOutcome.REFUSED, "Không đủ điều kiện")
    )
    assert decided.decision == Decision("15/TB-UBND", TODAY, DecisionOutcome.REFUSED, "Không đủ điều kiện")


def test_the_head_undoes_a_last_step_kept_in_history_logged_and_sent(intake, steps, clerk, head, db):
    record = intake.receive(clerk, _complete(intake, "1.004873"))
    steps.hand_over(clerk, record.id, "Phòng Tư pháp")
    steps.record_decision(clerk, record.id, Decision("12/QĐ", TODAY, DecisionOutcome.APPROVED))
    with pytest.raises(PermissionDenied):
        steps.undo_last_step(clerk, record.id, "Nhầm hồ sơ")
    with pytest.raises(ValidationError):
        steps.undo_last_step(head, record.id, " ")
    back = steps.undo_last_step(head, record.id, "Nhầm hồ sơ")
    assert back.status is S.IN_PROCESSING and back.decision is None and back.decided_at is None
    undone = back.history[-1]
    assert undone.to_status is S.DECIDED and undone.undone and undone.undone_by_name == head.full_name
    assert undone.undo_reason == "Nhầm hồ sơ" and len(back.history) == 3
    with db.read() as session:
        entry = session.scalars(select(models.AuditEvent).order_by(models.AuditEvent.id.desc())).first()
        assert entry is not None and entry.action == "dossier_step_undone" and entry.staff_id == head.id
        params = json.loads(entry.params)
        assert params["code"] == record.code and params["reason"] == "Nhầm hồ sơ"
        assert (params["step"], params["back_to"]) == (int(S.DECIDED), int(S.IN_PROCESSING))
        items = session.scalars(select(models.OutboxItem).order_by(models.OutboxItem.id)).all()
        correction = json.loads(next(i for i in reversed(items) if i.kind == OutboxKind.STATUS).payload)
        assert (correction["TrangThai"], correction["TrangThaiTruoc"]) == (
            int(S.IN_PROCESSING),
            int(S.DECIDED),
        )
        assert "Nhầm hồ sơ" in correction["NoiDungXuLy"]
        # With the dossier's snapshot, as the office now has it (snapshots go before steps).
        assert [i.kind for i in items[-2:]] == [OutboxKind.DOSSIER, OutboxKind.STATUS]
    # Undone twice: the hand-over too; its recipient goes with it. The reception stays.
    again = steps.undo_last_step(head, record.id, "Chưa chuyển")
    assert again.status is S.RECEIVED and again.handed_to == ""
    with pytest.raises(IllegalTransition):
        steps.undo_last_step(head, record.id, "Không")
    # Decided again, then returned: the result can be returned once more after an undo.
    steps.hand_over(clerk, record.id, "Công chức Tư pháp")
    steps.record_decision(clerk, record.id, Decision("13/QĐ", TODAY, DecisionOutcome.APPROVED))
    steps.return_result(clerk, record.id, collected_by="An", id_kind=IdKind.CCCD, id_value="001095012345")
    reopened = steps.undo_last_step(head, record.id, "Trả nhầm người")
    assert reopened.status is S.DECIDED and reopened.returned_at is None and reopened.returned_to_name == ""


def test_a_supplement_arrival_is_not_undone_and_an_undone_request_may_be_made_again(
    intake, steps, clerk, head
):
    record = intake.receive(clerk, _complete(intake, "1.004873"))
    steps.request_supplement(clerk, record.id, "Thiếu giấy")
    steps.undo_last_step(head, record.id, "Bấm nhầm")
    steps.request_supplement(clerk, record.id, "Thiếu bản sao")  # the once-only rule counts what stands
    steps.receive_supplement(clerk, record.id, _rows(intake, "1.004873"))
    with pytest.raises(IllegalTransition):
        steps.undo_last_step(head, record.id, "Nhầm")
