"""Part of a dossier code finds it, on indexes; the lists' filters and the received dates combine with it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.text import fold
from counter_app.services.dossier_lists import DossierList, DossierLists
from counter_app.storage import models

S = DossierStatus
OFFICE = "000.00.06.H56"
FIRST_DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 26, 16, 0, tzinfo=VN_TZ)
# Four days of three dossiers each; the third of each day refused, the second waiting for papers.
STATUSES = [S.RECEIVED, S.SUPPLEMENT_REQUESTED, S.REFUSED]


def _code(day: date, seq: int) -> str:
    return f"{OFFICE}-{day:%y%m%d}-{seq:04d}"


@pytest.fixture
def lists(db, calendar, admin) -> DossierLists:
    rows = []
    for d in range(4):
        day = FIRST_DAY + timedelta(days=d)
        for seq, status in enumerate(STATUSES, 1):
            received = datetime(day.year, day.month, day.day, 8 + seq, tzinfo=VN_TZ)
            name = "Nguyễn Văn An" if seq == 1 else "Trần Thị Bình"
            rows.append(
                dict(
                    code=_code(day, seq),
                    office_code=OFFICE,
                    day=day,
                    running_number=seq,
                    procedure_code="1.004873",
                    procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
                    deciding_authority="Ủy ban nhân dân cấp xã",
                    applicant_name=name,
                    applicant_id_number=f"0011950{d}{seq:04d}",
                    search_text=fold(f"{name} 0011950{d}{seq:04d}"),
                    status=int(status),
                    received_at=received,
                    appointment_at=received + timedelta(days=3),
                    received_by=admin.id,
                )
            )
    with db.write() as session:
        session.execute(insert(models.Dossier), rows)
    return DossierLists(db, calendar)


def _codes(rows) -> list[str]:
    return [r.code for r in rows]


def test_the_running_number_and_the_day_find_the_dossier(lists):
    assert _codes(lists.search("0003", NOW)) == [
        _code(FIRST_DAY + timedelta(days=d), 3) for d in (3, 2, 1, 0)
    ]
    assert _codes(lists.search("261126-0003", NOW)) == [_code(date(2026, 11, 26), 3)]
    assert _codes(lists.search("H56-261124-0002", NOW)) == [_code(date(2026, 11, 24), 2)]
    assert _codes(lists.search("X56-261124-0002", NOW)) == []  # another office's code
    assert _codes(lists.search("261125", NOW)) == [_code(date(2026, 11, 25), n) for n in (3, 2, 1)]
    assert _codes(lists.search("261125-", NOW)) == [_code(date(2026, 11, 25), n) for n in (3, 2, 1)]
    assert lists.search("0009", NOW) == [] and lists.search("261130-0001", NOW) == []
    assert _codes(lists.search("001195020002", NOW)) == [_code(date(2026, 11, 25), 2)]  # still an ID


def test_a_part_of_a_code_uses_the_indexes(lists, db):
    number = (
        "SELECT id FROM dossier WHERE running_number = 3 ORDER BY running_number DESC, day DESC LIMIT 200"
    )
    day = "SELECT id FROM dossier WHERE day = '2026-11-25' ORDER BY id DESC LIMIT 200"
    with db.read() as session:
        if db.is_sqlite:
            explain = "EXPLAIN QUERY PLAN "
        else:  # a dozen rows: PostgreSQL would rightly read them all; say whether it could use an index
            session.execute(text("SET LOCAL enable_seqscan = off"))
            explain = "EXPLAIN "
        plans = [" ".join(str(r[-1]) for r in session.execute(text(explain + q))) for q in (number, day)]
    assert "ix_dossier_running_number_day" in plans[0], plans[0]
    assert "ix_dossier_day" in plans[1], plans[1]


def test_filters_and_dates_combine_with_the_search(lists):
    refused = lists.page(DossierList.REFUSED, NOW)
    assert _codes(refused.rows) == [_code(FIRST_DAY + timedelta(days=d), 3) for d in (3, 2, 1, 0)]
    waiting = lists.page(DossierList.SUPPLEMENT, NOW, received=(date(2026, 11, 24), date(2026, 11, 25)))
    assert _codes(waiting.rows) == [_code(date(2026, 11, 25), 2), _code(date(2026, 11, 24), 2)]
    assert len(lists.page(DossierList.ALL, NOW).rows) == 12
    found = lists.page(
        DossierList.REFUSED, NOW, query="0003", received=(date(2026, 11, 25), date(2026, 11, 26))
    )
    assert _codes(found.rows) == [_code(date(2026, 11, 26), 3), _code(date(2026, 11, 25), 3)]
    assert lists.page(DossierList.REFUSED, NOW, query="0001").rows == []
    by_name = lists.page(
        DossierList.SUPPLEMENT, NOW, query="tran thi binh", received=(date(2026, 11, 23),) * 2
    )
    assert _codes(by_name.rows) == [_code(FIRST_DAY, 2)]
