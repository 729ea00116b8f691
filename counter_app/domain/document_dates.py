"""Dates as Vietnam's administrative documents write them.

Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5 (Địa danh và thời gian ban hành văn bản): the day
and month are written in Arabic numerals; a day below 10 and the months 1 and 2 take a leading 0
("ngày 05 tháng 3 năm 2026", "ngày 15 tháng 02 năm 2026", "ngày 26 tháng 11 năm 2026").
"""

from __future__ import annotations

from datetime import date


def day_month_year(day: date) -> str:
    """'ngày 05 tháng 3 năm 2026': the words of a document's date."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date) -> str:
    """'Minh Khai, ngày 05 tháng 3 năm 2026': a document's place and date line."""
    return f"{place}, {day_month_year(day)}"
