"""Dossier codes (mã hồ sơ), domain.md §5.

Provincial practice ``{agency}-{yymmdd}-{seq:04d}`` (000.00.06.H56-231027-0361); national
systems put two digits of the system owner before the running number
(``{agency}-{yymmdd}-{system}{seq:04d}``). The pattern is a setting; the running number
restarts daily and is allocated by the storage layer under a row lock.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_PATTERN = "{agency}-{yymmdd}-{seq:04d}"
NATIONAL_PATTERN = "{agency}-{yymmdd}-{system}{seq:04d}"
_ALLOWED_FIELDS = {"agency", "yymmdd", "yyyymmdd", "seq", "system"}


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern that could give two dossiers of one day the same code."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The dossier code pattern “{value}” is malformed."),
            field="dossier_code_pattern",
            value=pattern,
        ) from None
    fields = {name: spec for _, name, spec, _ in parsed if name is not None}
    unknown = set(fields) - _ALLOWED_FIELDS
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The dossier code pattern uses unknown parts: {parts}."),
            field="dossier_code_pattern",
            parts=", ".join(sorted(unknown)),
        )
    width = fields.get("seq")
    if width is None or "agency" not in fields or not ({"yymmdd", "yyyymmdd"} & set(fields)):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The dossier code pattern must contain {{agency}}, {{yymmdd}} and {{seq:04d}}."
            ),
            field="dossier_code_pattern",
        )
    if not width.startswith("0") or not width.rstrip("d")[1:].isdigit() or int(width.rstrip("d")) < 4:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The running number must have at least 4 digits, as in {{seq:04d}}."),
            field="dossier_code_pattern",
        )


def format_code(pattern: str, *, agency: str, day: date, seq: int, system: str = "00") -> str:
    return pattern.format(
        agency=agency,
        yymmdd=day.strftime("%y%m%d"),
        yyyymmdd=day.strftime("%Y%m%d"),
        seq=seq,
        system=system,
    )


@dataclass(frozen=True)
class CodePart:
    """What part of a dossier code the clerk typed: its running number (read two ways when a
    national code's system digits may lead it) and/or its day, and the text itself, which the
    whole code must end with."""

    running_numbers: tuple[int, ...]
    day: date | None
    text: str
    together: bool  # the number of that day; False: either the number (any day) or the day


# The end of a code as people read it off a receipt: "0003", "261126-0003", "H56-261126-0003", "261126".
_TAIL = re.compile(r"(?:(?P<agency>[\w.]*)-)?(?P<day>\d{6}|\d{8})(?:-(?P<seq>\d{1,8})?)?", re.ASCII)
_SEQ = re.compile(r"-?(?P<seq>\d{1,6})", re.ASCII)


def _running_numbers(digits: str) -> tuple[int, ...]:
    numbers = {int(digits)}
    if len(digits) >= 6:  # {system}{seq:04d}: two digits of the national system, then the number
        numbers.add(int(digits[2:]))
    return tuple(sorted(n for n in numbers if n > 0))


def _day(digits: str) -> date | None:
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        return date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None


def parse_code_part(text: str) -> CodePart | None:
    """The running number and/or day a piece of a dossier code names; None when it is not one.

    "0003" is the third dossier of any day, "261126-0003" that of 26/11/2026, "261126" (or
    "261126-") every dossier of that day. Six digits alone are read both ways (a day, or a national
    code's system digits and number): the search looks for each.
    """
    typed = text.strip()
    whole = _SEQ.fullmatch(typed)
    if whole is not None:
        digits = whole["seq"]
        numbers = _running_numbers(digits)
        day = _day(digits) if len(digits) == 6 and not typed.startswith("-") else None
        return CodePart(numbers, day, typed, False) if numbers or day else None
    tail = _TAIL.fullmatch(typed)
    if tail is None:
        return None
    day = _day(tail["day"])
    if day is None:
        return None
    seq = tail["seq"]
    return CodePart(_running_numbers(seq) if seq else (), day, typed, True)


# A whole code as printed on a receipt: the agency, the day, the (system digits and) running number.
_WHOLE = re.compile(r"(?P<agency>[\w.]+)-(?P<day>\d{6}|\d{8})-(?P<seq>\d{4,10})", re.ASCII)


def code_agency(text: str) -> str | None:
    """The agency a whole dossier code names (000.00.06.H56 in 000.00.06.H56-231027-0361);
    None when the text is not a whole code (a typo, a number alone, an empty box)."""
    whole = _WHOLE.fullmatch(text.strip())
    if whole is None or _day(whole["day"]) is None:
        return None
    return whole["agency"]
