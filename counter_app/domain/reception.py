"""Receiving a dossier (tiếp nhận hồ sơ): the applicant, the checklist, fees, the outcome.

The checklist comes from the catalogue and nothing else: a citizen may refuse any requirement
the published procedure does not list (Nghị định 118/2025, Điều 6). A paper beyond the list can
only be noted as given voluntarily, and it never makes a dossier incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from counter_app.domain.catalogue import Procedure
from counter_app.domain.cccd import parse_personal_id
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term, ValidationError
from counter_app.domain.text import clean_line

FIELD_NAME = Term(QT_TRANSLATE_NOOP("Domain", "applicant's full name"))
FIELD_ID = Term(QT_TRANSLATE_NOOP("Domain", "applicant's ID number"))
FIELD_BIRTH = Term(QT_TRANSLATE_NOOP("Domain", "applicant's date of birth"))
FIELD_ADDRESS = Term(QT_TRANSLATE_NOOP("Domain", "applicant's address"))
FIELD_PHONE = Term(QT_TRANSLATE_NOOP("Domain", "phone number"))
FIELD_EMAIL = Term(QT_TRANSLATE_NOOP("Domain", "email address"))
FIELD_PROXY_NAME = Term(QT_TRANSLATE_NOOP("Domain", "filer's full name"))
FIELD_PROXY_ID = Term(QT_TRANSLATE_NOOP("Domain", "filer's ID number"))
FIELD_REASON = Term(QT_TRANSLATE_NOOP("Domain", "reason"))

# Vietnamese numbers: 10 digits from 0 (mobile 03/05/07/08/09, landline 02), or +84 without the 0.
_PHONE = re.compile(r"(?:0|\+84)[235789]\d{8}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NAME = re.compile(r"[^\W\d_]+(?:[ '\-.][^\W\d_]+)*")
OLDEST_AGE = 130


@dataclass(frozen=True)
class Applicant:
    """The applicant (chủ hồ sơ), validated: every text NFC and trimmed."""

    name: str
    id_number: str
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Proxy:
    """Someone filing for the applicant, with the authorisation paper (Mẫu 01)."""

    name: str
    id_number: str
    address: str = ""
    phone: str = ""
    authorisation: str = ""
    email: str = ""


def _name(raw: str, field: Term) -> str:
    name = clean_line(raw)
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=field)
    if not _NAME.fullmatch(name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} may hold only letters and spaces (got “{value}”)."),
            field=field,
            value=name,
        )
    return name


def validate_phone(raw: str) -> str:
    phone = re.sub(r"[\s.\-()]", "", raw)
    if phone and not _PHONE.fullmatch(phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The {field} “{value}” is not a Vietnamese number of 10 digits starting with 0."
            ),
            field=FIELD_PHONE,
            value=raw.strip(),
        )
    return phone


def validate_email(raw: str) -> str:
    email = raw.strip()
    if email and not _EMAIL.fullmatch(email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} “{value}” is not an email address."),
            field=FIELD_EMAIL,
            value=email,
        )
    return email


def validate_applicant(
    *,
    name: str,
    id_number: str,
    birth_date: date | None,
    address: str,
    phone: str = "",
    email: str = "",
    today: date,
) -> Applicant:
    """Every field checked, each error naming its field; the ID is checked against the birth year."""
    checked_name = _name(name, FIELD_NAME)
    if birth_date is not None and not (date(today.year - OLDEST_AGE, 1, 1) <= birth_date <= today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} {value} is impossible."),
            field=FIELD_BIRTH,
            value=birth_date.strftime("%d/%m/%Y"),
        )
    personal = parse_personal_id(id_number, birth_date=birth_date, field=FIELD_ID)
    checked_address = clean_line(address)
    if not checked_address:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=FIELD_ADDRESS)
    return Applicant(
        checked_name,
        personal.number,
        birth_date,
        checked_address,
        validate_phone(phone),
        validate_email(email),
    )


def validate_proxy(
    *, name: str, id_number: str, address: str, phone: str, authorisation: str, email: str = ""
) -> Proxy:
    personal = parse_personal_id(id_number, field=FIELD_PROXY_ID)
    return Proxy(
        _name(name, FIELD_PROXY_NAME),
        personal.number,
        clean_line(address),
        validate_phone(phone),
        clean_line(authorisation),
        validate_email(email),
    )


class PaperType(StrEnum):
    ORIGINAL = "original"  # bản chính
    CERTIFIED_COPY = "certified"  # bản sao chứng thực
    PHOTOCOPY = "photocopy"  # bản chụp / photo
    TRANSLATION = "translation"  # bản dịch

    @property
    def label(self) -> Term:
        return PAPER_LABELS[self]


PAPER_LABELS = {
    PaperType.ORIGINAL: Term(QT_TRANSLATE_NOOP("Domain", "Original")),
    PaperType.CERTIFIED_COPY: Term(QT_TRANSLATE_NOOP("Domain", "Certified copy")),
    PaperType.PHOTOCOPY: Term(QT_TRANSLATE_NOOP("Domain", "Photocopy")),
    PaperType.TRANSLATION: Term(QT_TRANSLATE_NOOP("Domain", "Translation")),
}


class CheckResult(StrEnum):
    PASS = "pass"  # received and right
    FAIL = "fail"  # received, but not acceptable (the reason says why)
    MISSING = "missing"  # not brought

    @property
    def label(self) -> Term:
        return CHECK_LABELS[self]


CHECK_LABELS = {
    CheckResult.PASS: Term(QT_TRANSLATE_NOOP("Domain", "Accepted")),
    CheckResult.FAIL: Term(QT_TRANSLATE_NOOP("Domain", "Not acceptable")),
    CheckResult.MISSING: Term(QT_TRANSLATE_NOOP("Domain", "Not brought")),
}


@dataclass(frozen=True)
class ComponentCheck:
    """One checklist row. ``position`` is the catalogue component's index; voluntary rows have none."""

    name: str
    position: int | None
    required_originals: int = 0
    required_copies: int = 0
    paper_type: PaperType = PaperType.ORIGINAL
    count: int = 0
    result: CheckResult = CheckResult.MISSING
    reason: str = ""
    scan_path: str | None = None
    presented_only: bool = False  # shown at the counter (xuất trình): checked, not filed, never scanned

    @property
    def voluntary(self) -> bool:
        return self.position is None


def checklist(procedure: Procedure) -> list[ComponentCheck]:
    """The procedure's components, all still to check: the only requirements a clerk may ask for."""
    return [
        ComponentCheck(
            c.name,
            i,
            c.originals,
            c.copies,
            PaperType.ORIGINAL if c.originals or c.presented_only else PaperType.CERTIFIED_COPY,
            c.originals + c.copies,
            presented_only=c.presented_only,
        )
        for i, c in enumerate(procedure.components)
    ]


def voluntary_paper(name: str, paper_type: PaperType = PaperType.PHOTOCOPY, count: int = 1) -> ComponentCheck:
    """A paper the citizen chose to give beyond the catalogue: noted, never required."""
    return ComponentCheck(clean_line(name), None, paper_type=paper_type, count=count, result=CheckResult.PASS)


@dataclass(frozen=True)
class Assessment:
    rows: tuple[ComponentCheck, ...]
    lacking: tuple[ComponentCheck, ...]  # required rows missing or not acceptable

    @property
    def complete(self) -> bool:
        return not self.lacking


def assess(procedure: Procedure, rows: Sequence[ComponentCheck]) -> Assessment:
    """Check the rows against the catalogue: exactly its components, each once, plus voluntary papers.

    Raises :class:`ValidationError` for a requirement the catalogue does not list, a missing
    catalogue row, or a failed row without its reason.
    """
    required = [r for r in rows if not r.voluntary]
    positions = sorted(r.position for r in required if r.position is not None)
    if positions != list(range(len(procedure.components))):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The checklist must hold exactly the {count} components the catalogue lists for this "
                "procedure; anything else can only be noted as given voluntarily.",
            ),
            field="components",
            count=len(procedure.components),
        )
    cleaned: list[ComponentCheck] = []
    for row in rows:
        if row.position is not None:
            source = procedure.components[row.position]
            row = replace(
                row,
                name=source.name,
                required_originals=source.originals,
                required_copies=source.copies,
                presented_only=source.presented_only,
            )
        else:
            row = replace(row, name=clean_line(row.name), result=CheckResult.PASS)
            if not row.name:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "A paper given voluntarily needs its name."),
                    field="components",
                )
        if row.result is CheckResult.FAIL and not clean_line(row.reason):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "Say why “{value}” is not acceptable."),
                field=FIELD_REASON,
                value=row.name,
            )
        if row.count < 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "The number of papers for “{value}” cannot be negative."),
                field="count",
                value=row.name,
            )
        cleaned.append(replace(row, reason=clean_line(row.reason)))
    lacking = tuple(r for r in cleaned if not r.voluntary and r.result is not CheckResult.PASS)
    return Assessment(tuple(cleaned), lacking)


class FeeMode(StrEnum):
    AT_RECEPTION = "at_reception"  # thu trước
    ON_RETURN = "on_return"  # thu khi trả kết quả
    EXEMPT = "exempt"  # miễn
    NOT_CHARGED = "not_charged"  # không thu

    @property
    def label(self) -> Term:
        return FEE_MODE_LABELS[self]


FEE_MODE_LABELS = {
    FeeMode.AT_RECEPTION: Term(QT_TRANSLATE_NOOP("Domain", "Paid at reception")),
    FeeMode.ON_RETURN: Term(QT_TRANSLATE_NOOP("Domain", "Paid when the result is returned")),
    FeeMode.EXEMPT: Term(QT_TRANSLATE_NOOP("Domain", "Exempt")),
    FeeMode.NOT_CHARGED: Term(QT_TRANSLATE_NOOP("Domain", "Not charged")),
}


class PaymentMeans(StrEnum):
    CASH = "cash"
    BANK_TRANSFER = "transfer"
    CARD = "card"

    @property
    def label(self) -> Term:
        return PAYMENT_LABELS[self]


PAYMENT_LABELS = {
    PaymentMeans.CASH: Term(QT_TRANSLATE_NOOP("Domain", "Cash")),
    PaymentMeans.BANK_TRANSFER: Term(QT_TRANSLATE_NOOP("Domain", "Bank transfer")),
    PaymentMeans.CARD: Term(QT_TRANSLATE_NOOP("Domain", "Card")),
}


@dataclass(frozen=True)
class FeePayment:
    mode: FeeMode
    amount: int  # VND
    means: PaymentMeans | None = None


def fee_for(procedure: Procedure, mode: FeeMode, means: PaymentMeans | None) -> FeePayment:
    """The fee as the catalogue sets it, in the mode that applies; paying needs a means of payment."""
    amount = sum(f.amount for f in procedure.fees)
    if mode in (FeeMode.EXEMPT, FeeMode.NOT_CHARGED) or amount == 0:
        return FeePayment(mode if amount else FeeMode.NOT_CHARGED, 0, None)
    if mode is FeeMode.AT_RECEPTION and means is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "Choose how the fee of {value} đồng is paid."),
            field="payment_means",
            value=f"{amount:,}".replace(",", "."),
        )
    return FeePayment(mode, amount, means if mode is FeeMode.AT_RECEPTION else None)


class ReturnMethod(StrEnum):
    COUNTER = "counter"
    POST = "post"

    @property
    def label(self) -> Term:
        return RETURN_LABELS[self]


RETURN_LABELS = {
    ReturnMethod.COUNTER: Term(QT_TRANSLATE_NOOP("Domain", "At the counter")),
    ReturnMethod.POST: Term(QT_TRANSLATE_NOOP("Domain", "By post")),
}


class IdKind(StrEnum):
    """What the person collecting a result showed."""

    CCCD = "cccd"
    PASSPORT = "passport"
    AUTHORISATION = "authorisation"
    RECEIPT = "receipt"

    @property
    def label(self) -> Term:
        return ID_KIND_LABELS[self]


ID_KIND_LABELS = {
    IdKind.CCCD: Term(QT_TRANSLATE_NOOP("Domain", "Citizen ID card")),
    IdKind.PASSPORT: Term(QT_TRANSLATE_NOOP("Domain", "Passport")),
    IdKind.AUTHORISATION: Term(QT_TRANSLATE_NOOP("Domain", "Authorisation paper")),
    IdKind.RECEIPT: Term(QT_TRANSLATE_NOOP("Domain", "Receipt (Mẫu 01)")),
}


def require_reason(reason: str) -> str:
    text = clean_line(reason)
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=FIELD_REASON)
    return text
