"""One identity for a queue ticket: the province's code, the QR on the paper, and reading it back."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import DomainError
from counter_app.domain.queue import ticket_label
from counter_app.domain.ticket_identity import (
    QR_PREFIX,
    TicketCodeError,
    TicketIdentity,
    parse_ticket_code,
    parse_ticket_qr,
    ticket_code,
    ticket_qr,
)

DAY = date(2026, 11, 26)


def test_the_code_names_office_day_and_label_and_the_qr_carries_that_code():
    assert ticket_code("000.00.06.H56", DAY, "A005") == "000.00.06.H56-261126-A005"
    assert ticket_qr("000.00.06.H56", DAY, "A005") == "counter-app:ticket:000.00.06.H56-261126-A005"
    moment = datetime(2026, 11, 26, 23, 59, tzinfo=VN_TZ)  # the outbox once passed a day, the kiosk a moment
    assert ticket_code("000.00.06.H56", moment, "A005") == ticket_code("000.00.06.H56", DAY, "A005")


@pytest.mark.parametrize(
    ("office", "label"),
    [
        ("000.00.06.H56", "A005"),
        ("G22.05.H01", "BC999"),
        ("000.00.00.H00", ticket_label("A", 1000)),  # the day's thousandth ticket
        ("A", "Z001"),  # a test office's code
    ],
)
def test_what_is_made_reads_back(office, label):
    expected = TicketIdentity(office, DAY, label)
    assert parse_ticket_code(ticket_code(office, DAY, label)) == expected
    assert parse_ticket_qr(ticket_qr(office, DAY, label)) == expected
    assert expected.code == ticket_code(office, DAY, label)


def test_a_scanners_line_ending_is_forgiven():
    qr = ticket_qr("000.00.06.H56", DAY, "A005")
    assert parse_ticket_qr(qr + "\r\n") == parse_ticket_qr(f"  {qr}\t")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "counter-app:ticket:",
        "counter-app:ticket:000.00.06.H56:2026-11-26:A005",  # the QR of earlier versions
        "counter-app:test",  # the settings' test ticket
        "000.00.06.H56-261126-A005",  # a code without the QR's prefix
        "COUNTER-APP:TICKET:000.00.06.H56-261126-A005",
        "counter-app:ticket:000.00.06.H56-261126-0001",  # a dossier's code
        "counter-app:ticket:000.00.06.H56-261340-A005",  # the thirteenth month
        "counter-app:ticket:000.00.06.H56-260229-A005",  # 2026 is no leap year
        "counter-app:ticket:000.00.06.H56-261126-a005",
        "counter-app:ticket:000.00.06.H56-261126-A05",
        "counter-app:ticket:000.00.06.h56-261126-A005",
        "counter-app:ticket:-261126-A005",
        "counter-app:ticket:000..06.H56-261126-A005",
        "counter-app:ticket:000.00.06.H56-261126-A005-A006",
        "counter-app:ticket:000.00.06.H56--261126-A005",
        "counter-app:ticket:000.00.06.H56-261126-A005\nDROP TABLE tickets",
        "counter-app:ticket:000.00.06.H56-261126-A005\x00",
        "counter-app:ticket:000.00.06.H56-٢٦١١٢٦-A005",  # Arabic-Indic digits are digits to \\d
        "counter-app:ticket:000.00.06.H56-２６１１２６-A005",  # full-width digits
        "counter-app:ticket:000.00.06.Н56-261126-A005",  # a Cyrillic Н that looks like H
        "counter-app:ticket:000.00.06.H56-261126-A005" + " " * 10_000 + "x",
        "counter-app:ticket:" + "9." * 5_000 + "9-261126-A005",  # no catastrophic backtracking
        "counter-app:ticket:" + "A" * 100_000,
    ],
)
def test_anything_else_is_refused_with_a_clear_message(text):
    with pytest.raises(TicketCodeError) as info:
        parse_ticket_qr(text)
    error = info.value
    assert isinstance(error, DomainError) and error.field == "ticket"
    message = error.message()
    assert message.endswith("is not the code of a queue ticket.")
    assert len(message) < 120  # a whole page typed by a scanner is not repeated back
    assert message.isprintable()


def test_a_code_too_is_read_strictly():
    assert parse_ticket_code("000.00.06.H56-261126-A005").label == "A005"
    for text in ("000.00.06.H56-261126-A005 ", QR_PREFIX + "000.00.06.H56-261126-A005", "-" * 50):
        with pytest.raises(TicketCodeError):
            parse_ticket_code(text)


def test_the_refused_text_is_shown_shortened():
    with pytest.raises(TicketCodeError) as info:
        parse_ticket_qr("counter-app:ticket:" + "X" * 60)
    assert "“counter-app:ticket:XXXXXXXXXXXXXXXXXXXXX…”" in info.value.message()
