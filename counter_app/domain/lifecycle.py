"""The dossier lifecycle: a state machine on the national status codes (domain.md §6).

Every state is one national code, so a sync adapter maps states without translation
tables. Lateness is always computed from the appointment, never stored or edited
(a lesson of the provincial platforms, domain.md §14).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, Term, ValidationError
from counter_app.domain.text import clean_line


class DossierStatus(IntEnum):
    REGISTERED_ONLINE = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    IN_PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION_REQUESTED = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWAL_REQUESTED = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    DECIDED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def label(self) -> Term:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[DossierStatus, Term] = {
    DossierStatus.REGISTERED_ONLINE: Term(QT_TRANSLATE_NOOP("Domain", "Registered online")),
    DossierStatus.RECEIVED: Term(QT_TRANSLATE_NOOP("Domain", "Received")),
    DossierStatus.REFUSED: Term(QT_TRANSLATE_NOOP("Domain", "Refused")),
    DossierStatus.IN_PROCESSING: Term(QT_TRANSLATE_NOOP("Domain", "In processing")),
    DossierStatus.SUPPLEMENT_REQUESTED: Term(QT_TRANSLATE_NOOP("Domain", "Supplement requested")),
    DossierStatus.FINANCIAL_OBLIGATION_REQUESTED: Term(
        QT_TRANSLATE_NOOP("Domain", "Financial obligation requested")
    ),
    DossierStatus.WITHDRAWAL_REQUESTED: Term(QT_TRANSLATE_NOOP("Domain", "Withdrawal requested")),
    DossierStatus.STOPPED: Term(QT_TRANSLATE_NOOP("Domain", "Stopped")),
    DossierStatus.DECIDED: Term(QT_TRANSLATE_NOOP("Domain", "Decided")),
    DossierStatus.RETURNED: Term(QT_TRANSLATE_NOOP("Domain", "Returned")),
}

S = DossierStatus
# A dossier lacking papers at the counter starts as “supplement requested”: its papers go back to
# the citizen with Mẫu 02 and it is received only when they return (never “received” first).
INITIAL_STATES = frozenset({S.REGISTERED_ONLINE, S.RECEIVED, S.REFUSED, S.SUPPLEMENT_REQUESTED})
TRANSITIONS: dict[DossierStatus, frozenset[DossierStatus]] = {
    S.REGISTERED_ONLINE: frozenset({S.RECEIVED, S.REFUSED, S.WITHDRAWAL_REQUESTED}),
    S.RECEIVED: frozenset({S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.WITHDRAWAL_REQUESTED, S.DECIDED}),
    S.IN_PROCESSING: frozenset(
        {S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION_REQUESTED, S.WITHDRAWAL_REQUESTED, S.DECIDED}
    ),
    S.SUPPLEMENT_REQUESTED: frozenset({S.IN_PROCESSING, S.WITHDRAWAL_REQUESTED, S.STOPPED}),
    S.FINANCIAL_OBLIGATION_REQUESTED: frozenset({S.IN_PROCESSING, S.WITHDRAWAL_REQUESTED, S.DECIDED}),
    S.WITHDRAWAL_REQUESTED: frozenset({S.STOPPED, S.IN_PROCESSING}),
    S.DECIDED: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
}
FINAL_STATES = frozenset(s for s, targets in TRANSITIONS.items() if not targets)


class IllegalTransition(DomainError):
    pass


def check_start(status: DossierStatus) -> None:
    if status not in INITIAL_STATES:
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Domain", "A dossier cannot start as “{target}”."), target=status.label
        )


def check_transition(
    current: DossierStatus, target: DossierStatus, history: Sequence[DossierStatus] = ()
) -> None:
    """Raise :class:`IllegalTransition` unless ``current -> target`` is allowed.

    ``history`` holds the states the dossier has been in: a supplement may be requested
    only once per dossier (Nghị định 118/2025, Điều 11).
    """
    if target not in TRANSITIONS[current]:
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Domain", "A dossier that is “{current}” cannot become “{target}”."),
            current=current.label,
            target=target.label,
        )
    if target is S.SUPPLEMENT_REQUESTED and S.SUPPLEMENT_REQUESTED in history:
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Domain", "A supplement has already been requested once for this dossier.")
        )


RECIPIENT_MAX = 200


def require_recipient(text: str) -> str:
    """Who receives a hand-over: a department (phòng, bộ phận) or an officer, always named."""
    recipient = clean_line(text)
    if not recipient:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "Name the department or officer who receives the dossier."),
            field="recipient",
        )
    if len(recipient) > RECIPIENT_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The recipient's name is too long (at most {count} characters)."),
            field="recipient",
            count=RECIPIENT_MAX,
        )
    return recipient


class DecisionOutcome(StrEnum):
    APPROVED = "approved"  # the result asked for: the certificate, the licence…
    REFUSED = "refused"  # the refusal letter, with its reason

    @property
    def label(self) -> Term:
        return DECISION_LABELS[self]


DECISION_LABELS: dict[DecisionOutcome, Term] = {
    DecisionOutcome.APPROVED: Term(QT_TRANSLATE_NOOP("Domain", "approved")),
    DecisionOutcome.REFUSED: Term(QT_TRANSLATE_NOOP("Domain", "refused")),
}


@dataclass(frozen=True)
class Decision:
    """The department's decision: its number and date, and what the citizen collects."""

    number: str
    day: date
    outcome: DecisionOutcome
    reason: str = ""  # why it is refused; empty when approved


DECISION_NUMBER_MAX = 60


def check_decision(decision: Decision, *, today: date, received: date) -> Decision:
    """The decision as recorded: numbered, dated between the reception and today (Vietnam
    time), and a refusal always with its reason (it is printed on the refusal letter)."""
    number = clean_line(decision.number)
    if not number:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "Write the decision's number."), field="number")
    if len(number) > DECISION_NUMBER_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The decision's number is too long (at most {count} characters)."),
            field="number",
            count=DECISION_NUMBER_MAX,
        )
    if decision.day > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The decision's date cannot be after today ({value})."),
            field="day",
            value=f"{today:%d/%m/%Y}",
        )
    if decision.day < received:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The decision's date cannot be before the dossier was received ({value})."
            ),
            field="day",
            value=f"{received:%d/%m/%Y}",
        )
    reason = clean_line(decision.reason)
    if decision.outcome is DecisionOutcome.REFUSED and not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "Write why the request is refused: it is printed on the refusal letter."
            ),
            field="reason",
        )
    if decision.outcome is DecisionOutcome.APPROVED:
        reason = ""
    return Decision(number, decision.day, decision.outcome, reason)


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"  # not finished and not yet due


TIMELINESS_LABELS: dict[Timeliness, Term] = {
    Timeliness.EARLY: Term(QT_TRANSLATE_NOOP("Domain", "Early")),
    Timeliness.ON_TIME: Term(QT_TRANSLATE_NOOP("Domain", "On time")),
    Timeliness.LATE: Term(QT_TRANSLATE_NOOP("Domain", "Late")),
    Timeliness.PENDING: Term(QT_TRANSLATE_NOOP("Domain", "Not yet due")),
}


def timeliness(appointment: datetime, finished_at: datetime | None, now: datetime) -> Timeliness:
    """Early: finished on a day before the due day; on time: by the due time; late: after it.

    An unfinished dossier is late once its appointment has passed, pending until then.
    """
    if finished_at is None:
        return Timeliness.LATE if now > appointment else Timeliness.PENDING
    if finished_at > appointment:
        return Timeliness.LATE
    if finished_at.astimezone(appointment.tzinfo).date() < appointment.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


@dataclass(frozen=True)
class HandOver:
    """One row of the control sheet (Mẫu 06): who gave the dossier to whom, when, and how timely."""

    from_unit: str
    to_unit: str
    at: datetime
    giver: str
    receiver: str
    result: Timeliness | None  # None for the reception itself
    note: str


def hand_overs(
    steps: Sequence[tuple[DossierStatus, datetime, str, str]],
    appointment: datetime | None,
    *,
    centre: str,
    authority: str,
    applicant: str,
) -> list[HandOver]:
    """The control sheet kept from the recorded transitions (status, time, staff, note), never by hand.

    Each transition is a hand-over between the citizen, the centre and the deciding authority;
    its result compares its time with the dossier's appointment (none without an appointment:
    a refused dossier, or one sent back incomplete).
    """
    routes: dict[DossierStatus, tuple[str, str]] = {
        S.RECEIVED: (applicant, centre),
        S.REFUSED: (centre, applicant),
        S.IN_PROCESSING: (centre, authority),
        S.SUPPLEMENT_REQUESTED: (centre, applicant),
        S.FINANCIAL_OBLIGATION_REQUESTED: (centre, applicant),
        S.WITHDRAWAL_REQUESTED: (applicant, centre),
        S.STOPPED: (centre, applicant),
        S.DECIDED: (authority, centre),
        S.RETURNED: (centre, applicant),
    }
    rows = []
    for index, (status, at, staff, note) in enumerate(steps):
        if status not in routes:
            continue
        giver_unit, receiver_unit = routes[status]
        staff_gives = giver_unit == centre
        rows.append(
            HandOver(
                giver_unit,
                receiver_unit,
                at,
                staff if staff_gives else giver_unit if giver_unit != authority else authority,
                staff if not staff_gives else receiver_unit,
                None
                # The first step is the reception itself, whatever it decided (received, refused,
                # sent back incomplete): it is not measured against a date set later.
                if index == 0 or status in (S.RECEIVED, S.REFUSED) or appointment is None
                else timeliness(appointment, at, at),
                note,
            )
        )
    return rows
