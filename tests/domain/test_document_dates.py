"""Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a leading 0."""

from __future__ import annotations

from datetime import date

from counter_app.domain.document_dates import day_month_year, place_and_date


def test_a_day_below_10_takes_a_leading_zero_and_a_month_from_march_none():
    assert day_month_year(date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert day_month_year(date(2026, 11, 26)) == "ngày 26 tháng 11 năm 2026"
    assert day_month_year(date(2026, 9, 30)) == "ngày 30 tháng 9 năm 2026"


def test_january_and_february_take_a_leading_zero():
    assert day_month_year(date(2026, 1, 2)) == "ngày 02 tháng 01 năm 2026"
    assert day_month_year(date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"


def test_the_place_comes_before_the_date():
    assert place_and_date("Minh Khai", date(2026, 3, 5)) == "Minh Khai, ngày 05 tháng 3 năm 2026"
