"""The waiting-room queue: service areas, tickets, the priority policy and the spoken call.

Plain rules, no storage: which kind of ticket a counter should call next, how a ticket number
is written and read aloud, how long people wait. Priority groups follow domain.md §10; no
one-stop text fixes the order, so the policy is a setting: strict priority, or one priority
ticket after every N others.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol, TypeVar

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, Term, ValidationError
from counter_app.domain.text import clean_line

_PREFIX = re.compile(r"[A-Z]{1,2}")
NUMBER_DIGITS = 3  # A001; the day's thousandth ticket is A1000, never a repeat of A000


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"  # announced, the citizen is walking to the counter
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"  # did not come when called; may be recalled later the same day


TICKET_STATE_LABELS: dict[TicketState, Term] = {
    TicketState.WAITING: Term(QT_TRANSLATE_NOOP("Domain", "Waiting")),
    TicketState.CALLED: Term(QT_TRANSLATE_NOOP("Domain", "Called")),
    TicketState.SERVING: Term(QT_TRANSLATE_NOOP("Domain", "Being served")),
    TicketState.DONE: Term(QT_TRANSLATE_NOOP("Domain", "Finished")),
    TicketState.NO_SHOW: Term(QT_TRANSLATE_NOOP("Domain", "Did not come")),
}


class PriorityGroup(StrEnum):
    """Those the law puts first at the counter (domain.md §10)."""

    ELDERLY = "elderly"  # 60 and over, Luật Người cao tuổi 2009
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    YOUNG_CHILD = "young_child"
    MERITORIOUS = "meritorious"  # người có công với cách mạng

    @property
    def label(self) -> Term:
        return PRIORITY_LABELS[self]


PRIORITY_LABELS: dict[PriorityGroup, Term] = {
    PriorityGroup.ELDERLY: Term(QT_TRANSLATE_NOOP("Domain", "Elderly (60 and over)")),
    PriorityGroup.DISABLED: Term(QT_TRANSLATE_NOOP("Domain", "Person with a disability")),
    PriorityGroup.PREGNANT: Term(QT_TRANSLATE_NOOP("Domain", "Pregnant woman")),
    PriorityGroup.YOUNG_CHILD: Term(QT_TRANSLATE_NOOP("Domain", "With a child under 36 months")),
    PriorityGroup.MERITORIOUS: Term(QT_TRANSLATE_NOOP("Domain", "Person with meritorious service")),
}


class PolicyKind(StrEnum):
    STRICT = "strict"  # any waiting priority ticket goes first
    INTERLEAVE = "interleave"  # one priority ticket after every N others


@dataclass(frozen=True)
class PriorityPolicy:
    kind: PolicyKind = PolicyKind.STRICT
    every: int = 3  # for INTERLEAVE: how many other tickets between two priority ones

    def __post_init__(self) -> None:
        if self.kind is PolicyKind.INTERLEAVE and not 1 <= self.every <= 50:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "One priority ticket after every 1 to 50 others, not {value}."),
                field="priority_every",
                value=self.every,
            )

    def prefer_priority(self, others_since_last_priority: int) -> bool:
        """Should the next call take a waiting priority ticket before the others?

        ``others_since_last_priority`` counts the non-priority tickets called today since the last
        priority one. When the preferred kind has nobody waiting, the other kind is called.
        """
        if self.kind is PolicyKind.STRICT:
            return True
        return others_since_last_priority >= self.every


class Queued(Protocol):
    """What the calling order needs of a waiting ticket."""

    @property
    def priority(self) -> bool: ...

    @property
    def call_count(self) -> int: ...  # 0: never called, so its first call moves the priority count


Q = TypeVar("Q", bound=Queued)


def call_order(waiting: Sequence[Q], policy: PriorityPolicy, others_since_priority: int = 0) -> list[Q]:
    """The order one counter would call ``waiting`` (its tickets, oldest first) if it alone called.

    The same rule as call-next (services.queue_statements): the preferred kind's oldest ticket, else
    the other kind's; under interleaving a ticket's first call restarts the count (priority) or adds one.
    """
    kinds = {
        True: deque(t for t in waiting if t.priority),
        False: deque(t for t in waiting if not t.priority),
    }
    count = others_since_priority
    order: list[Q] = []
    while kinds[True] or kinds[False]:
        prefer = policy.prefer_priority(count)
        ticket = (kinds[prefer] or kinds[not prefer]).popleft()
        if policy.kind is PolicyKind.INTERLEAVE and ticket.call_count == 0:
            count = 0 if ticket.priority else count + 1
        order.append(ticket)
    return order


@dataclass(frozen=True)
class ServiceArea:
    """A kiosk button: one or more fields of procedures with its own ticket prefix and daily count."""

    code: str  # also the ticket prefix: A, B, … (one or two capital letters)
    name: str
    position: int = 0
    active: bool = True


def validate_area(area: ServiceArea) -> ServiceArea:
    if not _PREFIX.fullmatch(area.code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "A service area code is one or two capital letters, not “{value}”."),
            field="code",
            value=area.code,
        )
    name = clean_line(area.name)
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The service area needs a name."), field="name")
    return ServiceArea(area.code, name, area.position, area.active)


def ticket_label(prefix: str, number: int) -> str:
    """A001 … A999, then A1000: a number is never shown twice in one day."""
    return f"{prefix}{number:0{NUMBER_DIGITS}d}"


_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def spoken_ticket(label: str) -> list[str]:
    """How the number is read out, one word per character: "A001" -> ["A", "không", "không", "một"].

    Reading digit by digit, as Vietnamese offices announce, needs only ten recorded digits.
    """
    words: list[str] = []
    for char in label:
        words.append(_DIGIT_WORDS[int(char)] if char.isdigit() else char)
    return words


class QueueError(DomainError):
    """A queue action that does not fit the ticket's state (called twice, finished before called)."""


class OfficeClosed(QueueError):
    """A number asked for while the office is closed, and the office issues none outside its hours."""

    def __init__(self, opens_at: datetime) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Domain", "The office is closed: numbers are issued again from {value}."),
            value=f"{opens_at:%H:%M %d/%m/%Y}",
        )
        self.opens_at = opens_at


@dataclass(frozen=True)
class TicketTimes:
    issued_at: datetime
    called_at: datetime | None  # the last call: the one the citizen answered
    finished_at: datetime | None

    @property
    def waiting(self) -> timedelta | None:
        """Issue to (last) call, domain.md §10."""
        return self.called_at - self.issued_at if self.called_at else None

    @property
    def service(self) -> timedelta | None:
        """Call to finish."""
        return self.finished_at - self.called_at if self.finished_at and self.called_at else None


DEFAULT_SERVICE_MINUTES = 6.0  # before the day has any finished ticket to learn from


def estimated_wait(people_ahead: int, recent_service_minutes: list[float], open_counters: int) -> timedelta:
    """People ahead times the recent average service time, shared among the counters serving the area."""
    average = (
        sum(recent_service_minutes) / len(recent_service_minutes)
        if recent_service_minutes
        else DEFAULT_SERVICE_MINUTES
    )
    return timedelta(minutes=people_ahead * average / max(1, open_counters))
