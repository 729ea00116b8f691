"""Settings, declared once with their types and defaults.

Stored as versioned JSON in the config folder, written atomically. Unknown keys are
ignored (a newer version's file still opens); a value of the wrong type is an error that
names the setting. Credentials never live here (the keyring holds them).

Settings import only the domain and the base layer: the printer's and the scanner's values are the
domain's (domain/equipment.py), named here as part of the file's schema, so the devices are built
from them without importing the settings; the database address is checked by the base layer's
parser (database_address.py), which storage uses too, without opening anything.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from counter_app.atomic import write_text_atomic
from counter_app.database_address import parse_database_url
from counter_app.domain.announcement import DEFAULT_WORDING, validate_wording
from counter_app.domain.dossier_code import DEFAULT_PATTERN, validate_pattern
from counter_app.domain.equipment import PrinterKind as PrinterKind
from counter_app.domain.equipment import PrinterSettings as PrinterSettings
from counter_app.domain.equipment import PrintMode as PrintMode
from counter_app.domain.equipment import ScannerKind as ScannerKind
from counter_app.domain.equipment import ScannerSettings as ScannerSettings
from counter_app.domain.equipment import check_text_mode
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term, ValidationError
from counter_app.domain.text import clean_line

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1
_AGENCY_CODE = re.compile(r"[0-9A-Z]{1,5}(\.[0-9A-Z]{1,5}){1,5}")


class StationRole(StrEnum):
    """Which window this PC opens when the command line does not say (``--role``)."""

    COUNTER = "counter"
    KIOSK = "kiosk"
    DISPLAY = "display"


@dataclass
class OfficeSettings:
    name: str = "Trung tâm Phục vụ hành chính công xã Minh Khai"
    code: str = "000.00.00.H00"  # agency electronic ID (mã định danh điện tử)
    parent_body: str = "Ủy ban nhân dân xã Minh Khai"
    place: str = "Minh Khai"  # the place written before the date on forms
    phone: str = ""  # whom citizens call about a supplement (Mẫu 02)
    forms_edition: str = "03/2025"  # or "01/2018" where the province still prints the older set
    receipt_a5: bool = False  # Mẫu 01 on A5 where the office prefers


@dataclass
class KioskSettings:
    full_screen: bool = True  # a kiosk covers the whole screen and cannot be closed by touch
    exit_pin_hash: str = ""  # Argon2 hash of the staff PIN; empty: the default PIN 0000


@dataclass
class DisplaySettings:
    full_screen: bool = True  # the board fills its TV; off: an ordinary window (set-up, a second monitor)


@dataclass
class VoiceSettings:
    enabled: bool = True  # read calls aloud on the display board's PC
    wording: str = DEFAULT_WORDING  # with {ticket} and {counter}


@dataclass
class ProvincialSettings:
    endpoint: str = ""  # https://… of the provincial one-stop system; empty = sync off
    client_id: str = ""  # the office's sign-in name there; empty = the agency electronic ID
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    extra_ca_file: str = ""  # a PEM file, for a national root CA missing from the trust stores
    interval_seconds: int = 60  # between rounds while online and caught up
    warn_after_minutes: int = 120  # the oldest item waiting longer than this shows red
    # The secret is never here: it lives in the operating system's keyring (province/credentials.py).


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = "vi"
    database_url: str = ""  # empty = the embedded SQLite file in the data folder
    role: StationRole = StationRole.COUNTER  # set by the first-run wizard; --role overrides it
    counter_number: int = 1
    dossier_code_pattern: str = DEFAULT_PATTERN
    dossier_system_code: str = "00"  # two digits of the system owner, for the national pattern's {system}
    office: OfficeSettings = field(default_factory=OfficeSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    provincial: ProvincialSettings = field(default_factory=ProvincialSettings)


GROUP = Term(QT_TRANSLATE_NOOP("Domain", "a group of settings"))
TRUE_OR_FALSE = Term(QT_TRANSLATE_NOOP("Domain", "true or false"))
WHOLE_NUMBER = Term(QT_TRANSLATE_NOOP("Domain", "a whole number"))
NUMBER = Term(QT_TRANSLATE_NOOP("Domain", "a number"))
TEXT = Term(QT_TRANSLATE_NOOP("Domain", "text"))
FILLED_IN = Term(QT_TRANSLATE_NOOP("Domain", "filled in"))
HTTPS_ADDRESS = Term(QT_TRANSLATE_NOOP("Domain", "an https:// address"))
TWO_DIGITS = Term(QT_TRANSLATE_NOOP("Domain", "two digits"))


def _wrong(path: str, expected: Term) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Domain", "The setting “{field}” must be {expected}."),
        field=path,
        expected=expected,
    )


def _one_of(path: str, options: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Domain", "The setting “{field}” must be one of: {options}."),
        field=path,
        options=options,
    )


def _convert(value: Any, kind: Any, path: str) -> Any:
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise _wrong(path, GROUP)
        return _from_dict(kind, value, f"{path}.")  # type: ignore[arg-type]
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        try:
            return kind(value)
        except ValueError:
            raise _one_of(path, ", ".join(m.value for m in kind)) from None
    if kind is bool:
        if not isinstance(value, bool):
            raise _wrong(path, TRUE_OR_FALSE)
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong(path, WHOLE_NUMBER)
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong(path, NUMBER)
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise _wrong(path, TEXT)
        return clean_line(value)
    raise TypeError(f"unsupported setting type {kind!r}")  # a programming error


def _from_dict(cls: type[Any], data: dict[str, Any], prefix: str = "") -> Any:
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kind = hints[f.name]
            if isinstance(kind, types.UnionType):  # pragma: no cover - no optional settings yet
                kind = typing.get_args(kind)[0]
            kwargs[f.name] = _convert(data[f.name], kind, f"{prefix}{f.name}")
    for key in data.keys() - {f.name for f in dataclasses.fields(cls)}:
        log.warning("ignoring unknown setting %s%s", prefix, key)
    return cls(**kwargs)


def validate(settings: Settings) -> None:
    """Check values whose type is right but whose content may not be."""
    if not settings.office.name:
        raise _wrong("office.name", FILLED_IN)
    if not _AGENCY_CODE.fullmatch(settings.office.code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The office code “{value}” is not an agency electronic ID such as 000.00.06.H56."
            ),
            field="office.code",
            value=settings.office.code,
        )
    if settings.language not in ("vi", "en"):
        raise _one_of("language", "vi, en")
    if not 1 <= settings.counter_number <= 99:
        raise _one_of("counter_number", "1 … 99")
    if settings.printer.width_dots not in (384, 512, 576):
        raise _one_of("printer.width_dots", "384, 512, 576")
    if settings.office.forms_edition not in ("03/2025", "01/2018"):
        raise _one_of("office.forms_edition", "03/2025, 01/2018")
    if settings.printer.mode is PrintMode.TEXT:
        check_text_mode(settings.printer.profile, settings.printer.code_page)
    if settings.scanner.dpi not in (200, 300, 400, 600):
        raise _one_of("scanner.dpi", "200, 300, 400, 600")
    endpoint = settings.provincial.endpoint
    if endpoint and not endpoint.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise _wrong("provincial.endpoint", HTTPS_ADDRESS)
    validate_pattern(settings.dossier_code_pattern)
    validate_wording(settings.voice.wording)
    if not re.fullmatch(r"\d{2}", settings.dossier_system_code):
        raise _wrong("dossier_system_code", TWO_DIGITS)
    if settings.database_url:
        parse_database_url(settings.database_url)


def from_dict(data: dict[str, Any]) -> Settings:
    version = data.get("version", SETTINGS_VERSION)
    if not isinstance(version, int) or version > SETTINGS_VERSION:
        log.warning("settings file version %r is newer than this program knows", version)
    settings: Settings = _from_dict(Settings, {k: v for k, v in data.items() if k != "version"})
    return settings


def to_dict(settings: Settings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


def load(path: Path) -> Settings:
    """The settings in ``path``, or the defaults when there is no file yet."""
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The settings file {value} is damaged ({reason})."),
            field=str(path),
            value=str(path),
            reason=str(exc),
        ) from None
    if not isinstance(data, dict):
        raise _wrong("(file)", GROUP)
    settings = from_dict(data)
    validate(settings)
    return settings


def save(settings: Settings, path: Path) -> None:
    validate(settings)
    settings.version = SETTINGS_VERSION
    write_text_atomic(path, json.dumps(to_dict(settings), ensure_ascii=False, indent=2) + "\n")
