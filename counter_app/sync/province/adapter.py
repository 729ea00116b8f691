"""What the sync needs from a provincial one-stop system, whatever dialect it speaks.

:class:`ProvincialAdapter` is the seam: ``rest_client.ContractClient`` speaks our documented
contract (docs/sync-api.yaml); a province whose platform speaks another dialect gets an adapter
of its own that maps these calls, and nothing else in the app changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

ItemOutcome = str  # "accepted", "duplicate" (seen before: not applied again) or "rejected"
OUTCOMES = ("accepted", "duplicate", "rejected")


@dataclass(frozen=True)
class OutgoingItem:
    key: str  # the item's Idempotency-Key: the server applies each key once
    kind: str  # dossier, status, ticket
    data: dict[str, Any]


@dataclass(frozen=True)
class ItemAck:
    key: str
    outcome: ItemOutcome
    error: str = ""


@dataclass(frozen=True)
class FileToSend:
    key: str  # Idempotency-Key of the upload: resuming with it continues the same upload
    meta: dict[str, Any]  # MaHoSo, MaThanhPhanHoSo, TenTepDinhKem, KichThuoc, SHA256, …
    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class StatusChange:
    """A status the province set (a department decided, a result is ready)."""

    id: str
    dossier_code: str
    status: int
    at: datetime
    note: str
    by: str


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[StatusChange, ...]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True)
class CalendarDay:
    day: date
    working: bool  # False: a day off; True: a make-up working day
    note: str


@dataclass(frozen=True)
class CalendarDocument:
    version: str
    days: tuple[CalendarDay, ...]


Progress = Callable[[int, int], None]  # bytes sent, bytes in all
Cancelled = Callable[[], bool]


class ProvincialAdapter(Protocol):
    def probe(self) -> None:
        """A quick request to the real endpoint; raises :class:`Unreachable` when it fails."""

    def push(self, batch_key: str, items: Sequence[OutgoingItem]) -> list[ItemAck]:
        """Send items in order; one answer per item."""

    def upload(self, file: FileToSend, progress: Progress, cancelled: Cancelled) -> bool:
        """Send a file in resumable chunks; True once the server confirmed it whole, False if cancelled."""

    def changes(self, cursor: str) -> ChangePage:
        """The province's changes after ``cursor`` ("" = from the start); :class:`CursorExpired` if reset."""

    def catalogue(self, since: str) -> str | None:
        """The catalogue document when newer than version ``since``; None when unchanged."""

    def calendar(self, since: str) -> CalendarDocument | None:
        """The provincial calendar when newer than version ``since``; None when unchanged."""

    def close(self) -> None: ...


class SyncProblem(DomainError):
    """A sync failure with a message for the clerk; ``detail`` is for the log."""

    retryable = True

    def __init__(self, template: str, *, detail: str = "", **params: Any) -> None:
        super().__init__(template, **params)
        self.detail = detail


class Unreachable(SyncProblem):
    """No answer: no network, the server down, the connection dropped or timed out."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Domain", "The provincial system cannot be reached: working offline."),
            detail=detail,
        )


class ServerBusy(SyncProblem):
    """The server answered 5xx or 429; ``retry_after`` (seconds) when it said when to come back."""

    def __init__(self, status: int, retry_after: float | None, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain", "The provincial system is busy or failing (HTTP {status}): trying again later."
            ),
            detail=detail,
            status=status,
        )
        self.status = status
        self.retry_after = retry_after


class ReplyInvalid(SyncProblem):
    """The server's answer is not what the contract says; nothing local was changed."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The provincial system sent an answer that cannot be read; nothing was changed here.",
            ),
            detail=detail,
        )


class NotAuthorised(SyncProblem):
    """The office's credentials are wrong or missing: retrying will not help until they are fixed."""

    retryable = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The provincial system refused this office's sign-in. Ask the administrator to check "
                "the office code and secret in Settings.",
            ),
            detail=detail,
        )


class Untrusted(SyncProblem):
    """TLS verification failed: the certificate is not trusted here (never skipped)."""

    retryable = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The provincial system's certificate is not trusted on this PC. If the province uses "
                "the national root certificate, set its file in Settings (extra CA file).",
            ),
            detail=detail,
        )


class Refused(SyncProblem):
    """The server refused a request for good (4xx): the item is set aside with the reason."""

    retryable = False

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain", "The provincial system refused the request (HTTP {status}): {reason}"
            ),
            detail=detail,
            status=status,
            reason=detail[:300],
        )
        self.status = status


class CursorExpired(Exception):
    """The server no longer knows the pull cursor (HTTP 410): pull again from the start."""
