"""The ticket desk: issues a queue ticket, prints it and records whether the paper came out.

The kiosk shows what the desk returns and nothing more; the desk never loses a ticket to the
printer: the ticket is committed before anything is printed, a printer that fails is written down
against the ticket (every counter's status bar turns red, QueueService.printer_problem) and the
failure is raised with the printer's own message for the kiosk to show.

The printer comes in through the constructor as anything that prints a :class:`TicketText`
(the composition root, app.py, hands in the real one from devices/printer.py, which the services
may not import); ``make_printer`` builds one for other settings: a test print of values not yet
saved, or the settings just saved.

Words on the ticket are the window's (it translates): they come in a :class:`TicketWording`; the
desk fills in the rest from the issued ticket, its code included (domain/ticket_identity.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from counter_app.domain.errors import TRANSLATION_CONTEXT, DomainError, Translate
from counter_app.domain.queue import PriorityGroup
from counter_app.domain.ticket_identity import ticket_qr
from counter_app.domain.ticket_text import TicketText
from counter_app.services.queue import IssuedTicket, QueueService
from counter_app.settings import PrinterSettings, Settings


class TicketPrinting(Protocol):
    """What the desk needs of a printer (devices/printer.py's TicketPrinter is one)."""

    @property
    def configured(self) -> bool: ...

    def print_ticket(self, text: TicketText) -> None:
        """Print the ticket, or raise a DomainError saying what to check."""


PrinterFactory = Callable[[PrinterSettings], TicketPrinting]


def _untranslated(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class TicketWording:
    """The ticket's words in the citizen's language, from the window that translates them."""

    caption: str  # "Số thứ tự"
    issued: str  # "%1 on %2": %1 the time, %2 the date
    ahead: str  # the people-ahead sentence, as the kiosk's screen says it
    footer: str  # "Xin mời ông/bà ngồi chờ…"
    # For the domain's own words: the priority group's name, a printer's error as it is recorded.
    translate: Translate = _untranslated


class PrintOutcome(StrEnum):
    PRINTED = "printed"  # the paper came out, and the ticket says so
    NO_PRINTER = "no_printer"  # this PC has no ticket printer: the screen is the ticket


class TicketDesk:
    def __init__(
        self,
        queue: QueueService,
        printer: TicketPrinting,
        settings: Settings,
        *,
        make_printer: PrinterFactory,
    ) -> None:
        self.queue = queue
        self.printer = printer
        self.settings = settings  # read as each ticket prints: the office's name may change meanwhile
        self.make_printer = make_printer

    @property
    def printer_configured(self) -> bool:
        return self.printer.configured

    def issue(self, service_code: str, *, priority_group: PriorityGroup | None = None) -> IssuedTicket:
        """A new ticket, committed before anything is printed (QueueService.issue)."""
        return self.queue.issue(service_code, priority_group=priority_group)

    def ticket_text(self, issued: IssuedTicket, wording: TicketWording) -> TicketText:
        """What the paper says: the ticket's own facts in the window's words."""
        ticket = issued.ticket
        group = ticket.priority_group
        return TicketText(
            office=self.settings.office.name,
            service=issued.service_name,
            label=ticket.label,
            caption=wording.caption,
            issued=wording.issued.replace("%1", f"{ticket.issued_at:%H:%M}").replace(
                "%2", f"{ticket.issued_at:%d/%m/%Y}"
            ),
            ahead=wording.ahead,
            footer=wording.footer,
            # The code the outbox sends the province: the same office and day as the ticket's row.
            qr=ticket_qr(self.queue.office_code, ticket.issued_at.date(), ticket.label),
            priority=wording.translate(TRANSLATION_CONTEXT, group.label) if group else "",
        )

    def print_ticket(self, issued: IssuedTicket, wording: TicketWording) -> PrintOutcome:
        """Print an issued ticket (again) and record the outcome against it.

        A printer's failure is recorded, in the window's language, and raised: the ticket stays in
        the queue either way. Anything else (a bug) is raised as it is.
        """
        if not self.printer.configured:
            return PrintOutcome.NO_PRINTER
        text = self.ticket_text(issued, wording)
        try:
            self.printer.print_ticket(text)
        except DomainError as exc:
            message = unicodedata.normalize("NFC", exc.message(wording.translate))
            self.queue.record_print(issued.ticket.id, message)
            raise
        self.queue.record_print(issued.ticket.id)
        return PrintOutcome.PRINTED

    def use_printer(self, settings: PrinterSettings) -> None:
        """Print on the printer these (newly saved) settings describe from now on."""
        self.printer = self.make_printer(settings)

    def print_test(self, settings: PrinterSettings, text: TicketText) -> None:
        """A sample ticket on the printer ``settings`` describe, before they are saved; nothing recorded."""
        self.make_printer(settings).print_ticket(text)
