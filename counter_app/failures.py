"""Telling "the environment failed" (disk full, database locked or unreachable) from "we have a bug".

An environmental failure gets a plain message saying what to do; a bug gets a crash dialog
and a log entry. Plain Python, so the rules are tested without a window.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError


class FailureKind(StrEnum):
    RULE = "rule"  # a domain rule refused the action: show its own message
    DISK_FULL = "disk_full"
    NO_PERMISSION = "no_permission"
    DATABASE_BUSY = "database_busy"
    DATABASE_UNREACHABLE = "database_unreachable"
    BUG = "bug"


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    template: str  # translatable advice for the person at the counter

    @property
    def is_bug(self) -> bool:
        return self.kind is FailureKind.BUG


ADVICE = {
    FailureKind.DISK_FULL: QT_TRANSLATE_NOOP(
        "Domain",
        "The disk is full, so nothing could be saved. Nothing already saved is lost. "
        "Free some space (empty the recycle bin, move old scans) and try again.",
    ),
    FailureKind.NO_PERMISSION: QT_TRANSLATE_NOOP(
        "Domain",
        "The program may not write to its data folder. Ask the person who set up this computer "
        "to give it access, then try again.",
    ),
    FailureKind.DATABASE_BUSY: QT_TRANSLATE_NOOP(
        "Domain",
        "The database is busy or locked by another program. Wait a moment and try again; "
        "if it lasts, close other copies of the program.",
    ),
    FailureKind.DATABASE_UNREACHABLE: QT_TRANSLATE_NOOP(
        "Domain",
        "The database cannot be reached. Check that the server PC is on and the network cable "
        "is plugged in, then try again.",
    ),
    FailureKind.BUG: QT_TRANSLATE_NOOP(
        "Domain",
        "The program hit an error it did not expect. What you were doing was not saved. "
        "The details are in the log file; please send it to support.",
    ),
    FailureKind.RULE: "",
}


def _os_kind(exc: OSError) -> FailureKind | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FailureKind.DISK_FULL
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        return FailureKind.NO_PERMISSION
    return None


def classify(exc: BaseException) -> Failure:
    if isinstance(exc, DomainError):
        return Failure(FailureKind.RULE, exc.template)
    if isinstance(exc, OSError):
        kind = _os_kind(exc)
        if kind is not None:
            return Failure(kind, ADVICE[kind])
    if isinstance(exc, DBAPIError):
        text = str(exc.orig).lower()
        if "database or disk is full" in text or "no space left" in text:
            return Failure(FailureKind.DISK_FULL, ADVICE[FailureKind.DISK_FULL])
        if "locked" in text or "busy" in text:
            return Failure(FailureKind.DATABASE_BUSY, ADVICE[FailureKind.DATABASE_BUSY])
        if "readonly" in text or "read-only" in text or "permission denied" in text:
            return Failure(FailureKind.NO_PERMISSION, ADVICE[FailureKind.NO_PERMISSION])
        if isinstance(exc, OperationalError) or exc.connection_invalidated:
            return Failure(FailureKind.DATABASE_UNREACHABLE, ADVICE[FailureKind.DATABASE_UNREACHABLE])
    return Failure(FailureKind.BUG, ADVICE[FailureKind.BUG])
