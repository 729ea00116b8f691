"""Dossier codes (mã hồ sơ), domain.md §5.

Provincial practice ``{agency}-{yymmdd}-{seq:04d}`` (000.00.06.H56-231027-0361); national
systems put two digits of the system owner before the running number
(``{agency}-{yymmdd}-{system}{seq:04d}``). The pattern is a setting; the running number
restarts daily and is allocated by the storage layer under a row lock.
"""

from __future__ import annotations

import string
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
