"""Searching by name and by paper text returns the newest matches, however the search gets them.

On PostgreSQL the newest SEARCH_WINDOW × limit dossiers are searched first and older ones only when
they hold too few matches; a window of one dossier per result makes both paths run on a few rows.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, select

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.text import fold
from counter_app.services import dossier_lists
from counter_app.services.dossier_lists import DossierLists
from counter_app.storage import models

START = datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ)
# Every third dossier is Nguyễn Văn An's, the others two other people's.
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hữu Cường"] * 10


@pytest.fixture
def lists(db, calendar, admin, monkeypatch) -> DossierLists:
    monkeypatch.setattr(dossier_lists, "SEARCH_WINDOW", 1)
    rows = []
    for i, name in enumerate(NAMES):
        received = START + timedelta(hours=i)
        rows.append(
            dict(
                code=f"000.00.06.H56-260302-{i:05d}",
                office_code="000.00.06.H56",
                day=received.date(),
                running_number=i + 1,
                procedure_code="1.004873",
                procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
                deciding_authority="Ủy ban nhân dân cấp xã",
                applicant_name=name,
                applicant_id_number=f"0011950{i:05d}",
                search_text=fold(f"{name} 0011950{i:05d}"),
                status=10,
                received_at=received,
                appointment_at=received + timedelta(days=3),
                received_by=admin.id,
            )
        )
    with db.write() as session:
        session.execute(insert(models.Dossier), rows)
        ids = sorted(session.scalars(select(models.Dossier.id)))
        session.execute(
            insert(models.DossierComponent),
            [
                dict(
                    dossier_id=dossier_id,
                    position=1,
                    name="Tờ khai",
                    result="pass",
                    paper_text=fold(f"to khai xac nhan tinh trang hon nhan cua {NAMES[n]}"),
                )
                for n, dossier_id in enumerate(ids)
            ],
        )
    return DossierLists(db, calendar)


def _hours(rows) -> list[float]:
    """When each dossier was received, in hours after the first."""
    return [(r.received_at - START) / timedelta(hours=1) for r in rows]


def test_a_common_name_gives_the_newest_matches_first(lists):
    # The window holds the newest three dossiers, one of them An's: the two others are older.
    found = lists.search("van an", START, limit=3)
    assert _hours(found) == [27, 24, 21] and {r.applicant_name for r in found} == {"Nguyễn Văn An"}
    assert _hours(lists.search("cuong", START, limit=1)) == [29]  # found in the window
    assert _hours(lists.search("binh", START, limit=3)) == [28, 25, 22]
    assert len(lists.search("an", START, limit=50)) == 10  # all of them, old ones included
    assert _hours(lists.search("nguyen van an", START, limit=2)) == [27, 24]  # a full name: at once
    assert lists.search("khong ai", START) == []


def test_paper_text_gives_the_newest_dossiers_first(lists):
    found = lists.search_papers("hon nhan cua le huu", START, limit=4)
    assert _hours(found) == [29, 26, 23, 20]
    assert len(lists.search_papers("tinh trang", START, limit=100)) == 30
    assert lists.search_papers("khong co chu nay", START) == []
