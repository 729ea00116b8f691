"""What the province publishes reaches the counter: the catalogue a clerk checks against, the
working calendar appointments are counted on. A broken document changes nothing here."""

from __future__ import annotations

import json
from datetime import date

import pytest

from counter_app.domain.calendar import DayOverride
from counter_app.domain.reception import checklist
from counter_app.services.demo import demo_catalogue_text
from counter_app.sync.province.adapter import ReplyInvalid


def _catalogue_with_extra_paper(version: str) -> str:
    document = json.loads(demo_catalogue_text())
    document["version"] = version
    birth = next(p for p in document["procedures"] if p["code"] == "1.001193")
    extra = dict(birth["components"][0])
    extra["name"] = "Giấy chứng sinh (bản chính)"
    birth["components"].append(extra)
    return json.dumps(document, ensure_ascii=False)


def test_an_updated_catalogue_changes_the_checklist_after_the_next_sync(sync, province, catalogue):
    before = [row.name for row in checklist(catalogue.get("1.001193"))]
    province.store.publish("catalogue", "tinh-2026.12", _catalogue_with_extra_paper("tinh-2026.12"))
    report = sync.run_round()
    assert report.catalogue_version == "tinh-2026.12"
    after = [row.name for row in checklist(catalogue.get("1.001193"))]
    assert after == [*before, "Giấy chứng sinh (bản chính)"]
    assert sync.run_round().catalogue_version == ""  # 304: the same version is not fetched again


def test_a_broken_catalogue_is_refused_and_the_old_one_stays(sync, province, catalogue):
    before = catalogue.get("1.001193")
    province.store.publish("catalogue", "hong", '{"format": "counter_app.catalogue", "version": "hong"}')
    with pytest.raises(ReplyInvalid):
        sync.run_round()
    assert catalogue.get("1.001193") == before
    assert sync.entries()[0].level == "error"


def test_the_provincial_calendar_is_applied_and_the_offices_own_days_kept(sync, province, calendar, admin):
    calendar.set_override(admin, DayOverride(date(2026, 12, 24), False, "Nghỉ riêng của xã"))
    days = [
        {"day": "2026-12-24", "working": True, "note": "Tỉnh: làm bù"},
        {"day": "2026-12-31", "working": False, "note": "Tỉnh: nghỉ bù"},
    ]
    province.store.publish("calendar", "2026.2", json.dumps({"version": "2026.2", "days": days}))
    assert sync.run_round().calendar_version == "2026.2"
    by_day = {o.day: o for o in calendar.overrides()}
    assert by_day[date(2026, 12, 24)].note == "Nghỉ riêng của xã"  # the office's own setting wins
    assert not by_day[date(2026, 12, 31)].working
    assert not calendar.calendar().is_working_day(date(2026, 12, 31))
    province.store.publish("calendar", "2026.3", json.dumps({"version": "2026.3", "days": []}))
    sync.run_round()
    assert {o.day for o in calendar.overrides()} == {date(2026, 12, 24)}  # the next version replaces
