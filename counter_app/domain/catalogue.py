"""The procedure catalogue (danh mục thủ tục hành chính) and its JSON exchange format.

The checklist a clerk sees comes only from here: citizens may refuse any requirement that
the published catalogue does not list (Nghị định 118/2025, Điều 6). The format is
documented in docs/catalogue-format.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term, ValidationError
from counter_app.domain.located_json import LocatedObject, loads_located
from counter_app.domain.text import clean_line

FORMAT_NAME = "counter_app.catalogue"
FORMAT_VERSION = 1


class ProcessingUnit(StrEnum):
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"


class OnlineLevel(StrEnum):
    """Online service level: full (toàn trình), partial (một phần), or in person only."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


@dataclass(frozen=True)
class ProcessingTime:
    """Legal processing time. ``0 working_days`` means the same working day."""

    amount: int
    unit: ProcessingUnit
    note: str = ""


@dataclass(frozen=True)
class Component:
    """A required dossier component (thành phần hồ sơ)."""

    name: str
    originals: int = 1
    copies: int = 0
    certified_copy_accepted: bool = True
    electronic_copy_accepted: bool = True
    presented_only: bool = False  # shown at the counter (xuất trình), not filed: never scanned
    note: str = ""


@dataclass(frozen=True)
class Fee:
    name: str
    amount: int  # VND; 0 where the law exempts it
    note: str = ""


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field_code: str
    field_name: str
    processing_time: ProcessingTime
    deciding_authority: str
    components: tuple[Component, ...]
    fees: tuple[Fee, ...] = ()
    legal_basis: tuple[str, ...] = ()
    online_level: OnlineLevel = OnlineLevel.NONE
    result: str = ""


@dataclass(frozen=True)
class Catalogue:
    procedures: tuple[Procedure, ...]
    version: str = ""
    source: str = ""
    notes: tuple[str, ...] = field(default=())


TEXT = Term(QT_TRANSLATE_NOOP("Domain", "text"))
NON_EMPTY_TEXT = Term(QT_TRANSLATE_NOOP("Domain", "non-empty text"))
TRUE_OR_FALSE = Term(QT_TRANSLATE_NOOP("Domain", "true or false"))
A_LIST = Term(QT_TRANSLATE_NOOP("Domain", "a list"))


def _err(template: str, path: str, line: int | None, **params: Any) -> ValidationError:
    return ValidationError(template, field=path, line=line, **params)


class _Reader:
    """Typed access to one located JSON object, raising errors that name the path and line."""

    def __init__(self, obj: Any, path: str, parent_line: int | None) -> None:
        if not isinstance(obj, LocatedObject):
            raise _err(
                QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must be an object."), path, parent_line
            )
        self.obj = obj
        self.path = path

    def line(self, key: str) -> int:
        return self.obj.line_of(key)

    def _missing(self, key: str) -> ValidationError:
        return _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” is required."),
            f"{self.path}.{key}",
            self.obj.line,
        )

    def _wrong(self, key: str, expected: Term | str) -> ValidationError:
        return _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must be {expected}."),
            f"{self.path}.{key}",
            self.line(key),
            expected=expected,
        )

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        if key not in self.obj:
            if required:
                raise self._missing(key)
            return default
        value = self.obj[key]
        if not isinstance(value, str):
            raise self._wrong(key, TEXT)
        value = clean_line(value)
        if required and not value:
            raise self._wrong(key, NON_EMPTY_TEXT)
        return value

    def integer(self, key: str, *, default: int | None = None, minimum: int = 0) -> int:
        if key not in self.obj:
            if default is None:
                raise self._missing(key)
            return default
        value = self.obj[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Domain", "Line {line}: “{field}” must be a whole number, at least {minimum}."
                ),
                f"{self.path}.{key}",
                self.line(key),
                minimum=minimum,
            )
        return value

    def flag(self, key: str, default: bool) -> bool:
        if key not in self.obj:
            return default
        value = self.obj[key]
        if not isinstance(value, bool):
            raise self._wrong(key, TRUE_OR_FALSE)
        return value

    def choice(self, key: str, options: Sequence[str], default: str | None = None) -> str:
        value = self.text(key, required=default is None, default=default or "")
        if value not in options:
            raise _err(
                QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must be one of: {options}."),
                f"{self.path}.{key}",
                self.line(key),
                options=", ".join(options),
            )
        return value

    def items(self, key: str, *, required: bool = True) -> list[tuple[Any, str, int]]:
        """(item, path, line) for each element of an array."""
        if key not in self.obj:
            if required:
                raise self._missing(key)
            return []
        value = self.obj[key]
        if not isinstance(value, list):
            raise self._wrong(key, A_LIST)
        line = self.line(key)
        return [
            (item, f"{self.path}.{key}[{i}]", item.line if isinstance(item, LocatedObject) else line)
            for i, item in enumerate(value)
        ]


def _read_component(item: Any, path: str, line: int) -> Component:
    r = _Reader(item, path, line)
    component = Component(
        name=r.text("name"),
        originals=r.integer("originals", default=1),
        copies=r.integer("copies", default=0),
        certified_copy_accepted=r.flag("certified_copy_accepted", True),
        electronic_copy_accepted=r.flag("electronic_copy_accepted", True),
        presented_only=r.flag("presented_only", False),
        note=r.text("note", required=False),
    )
    if component.originals + component.copies == 0 and not component.presented_only:
        raise _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” asks for no original and no copy."),
            path,
            line,
        )
    return component


def _read_procedure(item: Any, path: str, line: int) -> Procedure:
    r = _Reader(item, path, line)
    code, name = r.text("code"), r.text("name")  # first, so an error names the record's own key first
    for key in ("processing_time", "field"):
        if key not in r.obj:
            raise r._missing(key)
    time_reader = _Reader(r.obj["processing_time"], f"{path}.processing_time", r.line("processing_time"))
    field_reader = _Reader(r.obj["field"], f"{path}.field", r.line("field"))
    components = tuple(_read_component(*c) for c in r.items("components"))
    if not components:
        raise _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must list at least one component."),
            f"{path}.components",
            r.line("components"),
        )
    fees = []
    for fee_item, fee_path, fee_line in r.items("fees", required=False):
        fr = _Reader(fee_item, fee_path, fee_line)
        fees.append(Fee(fr.text("name"), fr.integer("amount"), fr.text("note", required=False)))
    basis = []
    for text, basis_path, basis_line in r.items("legal_basis", required=False):
        if not isinstance(text, str) or not text.strip():
            raise _err(
                QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must be non-empty text."),
                basis_path,
                basis_line,
            )
        basis.append(clean_line(text))
    return Procedure(
        code=code,
        name=name,
        field_code=field_reader.text("code"),
        field_name=field_reader.text("name"),
        processing_time=ProcessingTime(
            amount=time_reader.integer("amount"),
            unit=ProcessingUnit(time_reader.choice("unit", [u.value for u in ProcessingUnit])),
            note=time_reader.text("note", required=False),
        ),
        deciding_authority=r.text("deciding_authority"),
        components=components,
        fees=tuple(fees),
        legal_basis=tuple(basis),
        online_level=OnlineLevel(r.choice("online_level", [o.value for o in OnlineLevel], "none")),
        result=r.text("result", required=False),
    )


def parse_catalogue(text: str) -> Catalogue:
    """Parse and validate a catalogue document; the first error names its field and line."""
    try:
        document = loads_located(text)
    except json.JSONDecodeError as exc:
        raise _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: the file is not valid JSON ({reason})."),
            "",
            exc.lineno,
            reason=exc.msg,
        ) from None
    root = _Reader(document, "$", 1)
    if root.text("format") != FORMAT_NAME:
        raise _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” must be “{expected}”."),
            "$.format",
            root.line("format"),
            expected=FORMAT_NAME,
        )
    if root.integer("format_version") != FORMAT_VERSION:
        raise _err(
            QT_TRANSLATE_NOOP("Domain", "Line {line}: “{field}” {version} is not supported."),
            "$.format_version",
            root.line("format_version"),
            version=document["format_version"],
        )
    procedures: list[Procedure] = []
    seen: dict[str, int] = {}
    for item, path, line in root.items("procedures"):
        procedure = _read_procedure(item, path, line)
        if procedure.code in seen:
            raise _err(
                QT_TRANSLATE_NOOP("Domain", "Line {line}: procedure code {code} is listed twice."),
                f"{path}.code",
                line,
                code=procedure.code,
            )
        seen[procedure.code] = line
        procedures.append(procedure)
    notes = [clean_line(n) for n, _, _ in root.items("notes", required=False) if isinstance(n, str)]
    return Catalogue(
        tuple(procedures),
        version=root.text("version", required=False),
        source=root.text("source", required=False),
        notes=tuple(notes),
    )


def _procedure_document(p: Procedure) -> dict[str, Any]:
    data = asdict(p)
    data["field"] = {"code": data.pop("field_code"), "name": data.pop("field_name")}
    data["processing_time"]["unit"] = p.processing_time.unit.value
    data["online_level"] = p.online_level.value
    data["legal_basis"] = list(p.legal_basis)
    return data


def dump_catalogue(procedures: Iterable[Procedure], *, version: str = "", source: str = "") -> str:
    """The catalogue as JSON text in the documented format (readable, NFC, UTF-8)."""
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "version": version,
        "source": source,
        "procedures": [_procedure_document(p) for p in procedures],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
