"""One identity for a queue ticket: the code the province knows it by, and the QR on its paper.

A ticket is named by its office, its day and its label: ``000.00.06.H56-261126-A005`` (MaPhieu,
docs/sync-api.yaml). The outbox sends that code, and the QR code printed on the ticket carries the
same code behind a prefix saying what it is (``counter-app:ticket:000.00.06.H56-261126-A005``), so
whatever reads a ticket back (a scanner at a counter, a report) gets the code the province has.

What a scanner types comes from outside: the parser refuses anything but the exact form, in ASCII,
bounded in length, and says so in a message a person can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

QR_PREFIX = "counter-app:ticket:"
DAY_FORMAT = "%y%m%d"
MAX_CODE_LENGTH = 80  # an agency ID (≤ 35), a day (6), a label (≤ 8) and two dashes fit with room
SHOWN_LENGTH = 40  # of a refused text, in the message: a scanner may have typed a whole page

# Office: an agency electronic ID (000.00.06.H56) or any dotted run of capitals and digits; the
# label: one or two capitals and at least three digits (domain/queue.py ticket_label). [0-9], not
# \d: \d takes Arabic-Indic and other digits too.
_CODE = re.compile(
    r"(?P<office>[0-9A-Z]{1,20}(?:\.[0-9A-Z]{1,20}){0,7})-(?P<day>[0-9]{6})-(?P<label>[A-Z]{1,2}[0-9]{3,6})"
)


@dataclass(frozen=True)
class TicketIdentity:
    office_code: str
    day: date
    label: str

    @property
    def code(self) -> str:
        return ticket_code(self.office_code, self.day, self.label)


def ticket_code(office_code: str, day: date | datetime, label: str) -> str:
    """A ticket's code across the province: office, day and label (MaPhieu)."""
    return f"{office_code}-{day:{DAY_FORMAT}}-{label}"


def ticket_qr(office_code: str, day: date | datetime, label: str) -> str:
    """What the QR code on the paper ticket holds: the ticket's code, marked as a ticket's."""
    return QR_PREFIX + ticket_code(office_code, day, label)


class TicketCodeError(ValidationError):
    """A text that is not a ticket's code or QR; the message shows (the start of) what was read."""

    def __init__(self, text: str) -> None:
        shown = text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…"
        # Control characters would garble the message on a screen or in a log line.
        shown = "".join(c if c.isprintable() else "?" for c in shown)
        super().__init__(
            QT_TRANSLATE_NOOP("Domain", "“{value}” is not the code of a queue ticket."),
            field="ticket",
            value=shown,
        )


def parse_ticket_code(text: str) -> TicketIdentity:
    """The office, day and label of a code ``ticket_code`` made; TicketCodeError for anything else."""
    if not isinstance(text, str) or len(text) > MAX_CODE_LENGTH:
        raise TicketCodeError(str(text))
    found = _CODE.fullmatch(text)
    if found is None:
        raise TicketCodeError(text)
    try:
        day = datetime.strptime(found["day"], DAY_FORMAT).date()
    except ValueError:  # 261340: no thirteenth month
        raise TicketCodeError(text) from None
    return TicketIdentity(found["office"], day, found["label"])


def parse_ticket_qr(text: str) -> TicketIdentity:
    """What a ticket's QR code holds, read back. A scanner's line ending around it is forgiven."""
    if not isinstance(text, str) or len(text) > len(QR_PREFIX) + MAX_CODE_LENGTH + 4:
        raise TicketCodeError(str(text))
    stripped = text.strip(" \t\r\n")
    if not stripped.startswith(QR_PREFIX):
        raise TicketCodeError(stripped)
    try:
        return parse_ticket_code(stripped.removeprefix(QR_PREFIX))
    except TicketCodeError:
        raise TicketCodeError(stripped) from None
