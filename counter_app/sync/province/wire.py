"""Reading the server's answers: every field checked for type and range before anything is used.

A reply that does not match the contract raises :class:`ReplyInvalid` (logged, retried later);
nothing here touches local data, so a broken server can never corrupt it. Fuzzed with hypothesis
in tests/sync/test_wire.py.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.domain.national_fields import parse_national_time
from counter_app.sync.province.adapter import (
    OUTCOMES,
    CalendarDay,
    CalendarDocument,
    ChangePage,
    ItemAck,
    ReplyInvalid,
    StatusChange,
)

MAX_TEXT = 4000
MAX_CODE = 80
MAX_CURSOR = 200
MAX_CHANGES = 10_000
MAX_CALENDAR_DAYS = 5000


@dataclass(frozen=True)
class UploadState:
    upload_id: str
    offset: int
    complete: bool


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ReplyInvalid(f"{what}: an object was expected, not {type(value).__name__}")
    return value


def _text(document: dict[str, Any], name: str, *, limit: int = MAX_TEXT, required: bool = True) -> str:
    value = document.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > limit or (required and not value):
        raise ReplyInvalid(f"{name}: a text of at most {limit} characters was expected")
    return value


def _integer(document: dict[str, Any], name: str, low: int, high: int) -> int:
    value = document.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ReplyInvalid(f"{name}: a whole number {low}…{high} was expected")
    return value


def _flag(document: dict[str, Any], name: str) -> bool:
    value = document.get(name)
    if not isinstance(value, bool):
        raise ReplyInvalid(f"{name}: true or false was expected")
    return value


def _list(document: dict[str, Any], name: str, limit: int) -> list[Any]:
    value = document.get(name)
    if not isinstance(value, list) or len(value) > limit:
        raise ReplyInvalid(f"{name}: a list of at most {limit} was expected")
    return value


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ReplyInvalid(f"not JSON: {error}"[:300]) from None


def parse_token(document: Any) -> tuple[str, int]:
    """The access token and its lifetime in seconds."""
    reply = _object(document, "token")
    token = _text(reply, "access_token", limit=4096)
    expires = _integer(reply, "expires_in", 1, 366 * 86400)
    if reply.get("token_type", "Bearer") != "Bearer":
        raise ReplyInvalid("token_type: Bearer was expected")
    return token, expires


def parse_acks(document: Any, sent: Collection[str]) -> list[ItemAck]:
    """One answer for each item sent, no more, no less; otherwise the whole answer is refused."""
    reply = _object(document, "push")
    results = _list(reply, "results", len(sent))
    acks: dict[str, ItemAck] = {}
    for raw in results:
        result = _object(raw, "result")
        key = _text(result, "key", limit=64)
        outcome = _text(result, "outcome", limit=16)
        if outcome not in OUTCOMES:
            raise ReplyInvalid(f"outcome: one of {', '.join(OUTCOMES)} was expected")
        if key not in sent or key in acks:
            raise ReplyInvalid(f"result for an item not sent, or twice: {key[:64]}")
        acks[key] = ItemAck(key, outcome, _text(result, "error", required=False))
    if len(acks) != len(sent):
        raise ReplyInvalid(f"{len(sent) - len(acks)} item(s) sent were not answered")
    return [acks[key] for key in sent]


def parse_upload_state(document: Any, size: int) -> UploadState:
    reply = _object(document, "upload")
    return UploadState(
        _text(reply, "upload_id", limit=MAX_CODE),
        _integer(reply, "offset", 0, size),
        _flag(reply, "complete"),
    )


def parse_changes(document: Any) -> ChangePage:
    reply = _object(document, "changes")
    changes = []
    for raw in _list(reply, "changes", MAX_CHANGES):
        change = _object(raw, "change")
        try:
            at = parse_national_time(_text(change, "ThoiDiem", limit=14))
        except ValueError as error:
            raise ReplyInvalid(f"ThoiDiem: {error}") from None
        changes.append(
            StatusChange(
                id=_text(change, "id", limit=MAX_CODE),
                dossier_code=_text(change, "MaHoSo", limit=MAX_CODE),
                status=_integer(change, "TrangThaiHoSo", 1, 10),
                at=at,
                note=_text(change, "NoiDungXuLy", required=False),
                by=_text(change, "NguoiXuLy", limit=200, required=False),
            )
        )
    return ChangePage(
        tuple(changes),
        _text(reply, "next_cursor", limit=MAX_CURSOR),
        _flag(reply, "has_more"),
    )


def parse_calendar(document: Any) -> CalendarDocument:
    """The provincial calendar: days off and make-up working days, with a version."""
    reply = _object(document, "calendar")
    days = []
    for raw in _list(reply, "days", MAX_CALENDAR_DAYS):
        entry = _object(raw, "day")
        try:
            day = date.fromisoformat(_text(entry, "day", limit=10))
        except ValueError:
            raise ReplyInvalid("day: a date YYYY-MM-DD was expected") from None
        days.append(
            CalendarDay(day, _flag(entry, "working"), _text(entry, "note", limit=200, required=False))
        )
    return CalendarDocument(_text(reply, "version", limit=MAX_CODE), tuple(days))
