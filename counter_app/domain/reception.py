"""Receiving a dossier (tiếp nhận hồ sơ): the applicant, the checklist, fees, the outcome.

The checklist comes from the catalogue and nothing else: a citizen may refuse any requirement
the published procedure does not list (Nghị định 118/2025, Điều 6). A paper beyond the list can
only be noted as given voluntarily, and it never makes a dossier incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from counter_app.domain.catalogue import Component, Procedure
from counter_app.domain.cccd import parse_personal_id
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term, ValidationError
from counter_app.domain.text import clean_line, fold

FIELD_NAME = Term(QT_TRANSLATE_NOOP("Domain", "applicant's full name"))
FIELD_ID = Term(QT_TRANSLATE_NOOP("Domain", "applicant's ID number"))
FIELD_BIRTH = Term(QT_TRANSLATE_NOOP("Domain", "applicant's date of birth"))
FIELD_ADDRESS = Term(QT_TRANSLATE_NOOP("Domain", "applicant's address"))
FIELD_PHONE = Term(QT_TRANSLATE_NOOP("Domain", "phone number"))
FIELD_EMAIL = Term(QT_TRANSLATE_NOOP("Domain", "email address"))
FIELD_PROXY_NAME = Term(QT_TRANSLATE_NOOP("Domain", "filer's full name"))
FIELD_PROXY_ID = Term(QT_TRANSLATE_NOOP("Domain", "filer's ID number"))
FIELD_PROXY_PHONE = Term(QT_TRANSLATE_NOOP("Domain", "filer's phone number"))
FIELD_PROXY_EMAIL = Term(QT_TRANSLATE_NOOP("Domain", "filer's email address"))
FIELD_REASON = Term(QT_TRANSLATE_NOOP("Domain", "reason"))

# Vietnamese numbers: 10 digits from 0 (mobile 03/05/07/08/09, landline 02), or +84 without the 0.
_PHONE = re.compile(r"(?:0|\+84)[235789]\d{8}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NAME = re.compile(r"[^\W\d_]+(?:[ '\-.][^\W\d_]+)*")
OLDEST_AGE = 130
_T = TypeVar("_T")


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


class FieldErrors(ValidationError):
    """Every field that does not fit, each with its own error, so all are shown at once.

    It reads as its first error, for callers that show one message."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        first = errors[0]
        self.errors = tuple(errors)
        params = {k: v for k, v in first.params.items() if k not in ("field", "line")}
        super().__init__(first.template, field=first.field, line=first.line, **params)


class _Collector:
    """Runs each field's check, keeping every error instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, check: Callable[[], _T], fallback: _T) -> _T:
        try:
            return check()
        except FieldErrors as exc:
            self.errors.extend(exc.errors)
        except ValidationError as exc:
            self.errors.append(exc)
        return fallback

    def raise_any(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


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


def validate_phone(raw: str, field: Term = FIELD_PHONE) -> str:
    phone = re.sub(r"[\s.\-()]", "", raw)
    if phone and not _PHONE.fullmatch(phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The {field} “{value}” is not a Vietnamese number of 10 digits starting with 0."
            ),
            field=field,
            value=raw.strip(),
        )
    return phone


def validate_email(raw: str, field: Term = FIELD_EMAIL) -> str:
    email = raw.strip()
    if email and not _EMAIL.fullmatch(email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} “{value}” is not an email address."),
            field=field,
            value=email,
        )
    return email


def _address(raw: str) -> str:
    address = clean_line(raw)
    if not address:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=FIELD_ADDRESS)
    return address


def _birth(birth_date: date | None, today: date) -> date | None:
    if birth_date is not None and not (date(today.year - OLDEST_AGE, 1, 1) <= birth_date <= today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} {value} is impossible."),
            field=FIELD_BIRTH,
            value=birth_date.strftime("%d/%m/%Y"),
        )
    return birth_date


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
    """Every field checked, each error naming its field; the ID is checked against the birth year.

    Raises :class:`FieldErrors` with every field that does not fit, not only the first.
    """
    found = _Collector()
    checked_name = found.check(lambda: _name(name, FIELD_NAME), "")
    birth = found.check(lambda: _birth(birth_date, today), None)
    personal = found.check(lambda: parse_personal_id(id_number, birth_date=birth, field=FIELD_ID).number, "")
    checked_address = found.check(lambda: _address(address), "")
    checked_phone = found.check(lambda: validate_phone(phone), "")
    checked_email = found.check(lambda: validate_email(email), "")
    found.raise_any()
    return Applicant(checked_name, personal, birth, checked_address, checked_phone, checked_email)


def validate_proxy(
    *, name: str, id_number: str, address: str, phone: str, authorisation: str, email: str = ""
) -> Proxy:
    """The person filing for the applicant; :class:`FieldErrors` names every field that does not fit."""
    found = _Collector()
    checked_name = found.check(lambda: _name(name, FIELD_PROXY_NAME), "")
    personal = found.check(lambda: parse_personal_id(id_number, field=FIELD_PROXY_ID).number, "")
    checked_phone = found.check(lambda: validate_phone(phone, FIELD_PROXY_PHONE), "")
    checked_email = found.check(lambda: validate_email(email, FIELD_PROXY_EMAIL), "")
    found.raise_any()
    return Proxy(
        checked_name, personal, clean_line(address), checked_phone, clean_line(authorisation), checked_email
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
    # Not the citizen's case (the authorisation letter of someone filing in person): neither
    # demanded nor received; the reason says why. "na": the column holds 8 characters.
    NOT_APPLICABLE = "na"

    @property
    def label(self) -> Term:
        return CHECK_LABELS[self]


CHECK_LABELS = {
    CheckResult.PASS: Term(QT_TRANSLATE_NOOP("Domain", "Accepted")),
    CheckResult.FAIL: Term(QT_TRANSLATE_NOOP("Domain", "Not acceptable")),
    CheckResult.MISSING: Term(QT_TRANSLATE_NOOP("Domain", "Not brought")),
    CheckResult.NOT_APPLICABLE: Term(QT_TRANSLATE_NOOP("Domain", "Not applicable")),
}

# How the catalogue words a paper needed only in some cases: "(trường hợp ủy quyền thực hiện)",
# "(nếu có)", "(nếu đăng ký vào chỗ ở không thuộc sở hữu của mình)" in the name, or a note that
# begins "Chỉ khi …", "Nếu có.", "Trường hợp …", "Đối với …". Folded: no diacritics, lower case.
# "; nếu không có thì …" is not a condition: it names what replaces a paper that is still required.
_CASE_WORDS = r"(?:truong hop|neu|doi voi|chi khi)\b"
_CONDITION_IN_NAME = re.compile(r"\(\s*" + _CASE_WORDS)
_CONDITION_IN_NOTE = re.compile(r"^\s*" + _CASE_WORDS)
# A paper about authorising someone to file: "Văn bản ủy quyền … (trường hợp ủy quyền thực hiện)".
_AUTHORISATION = re.compile(r"\buy quyen\b")


def is_conditional(component: Component) -> bool:
    """True for a paper the procedure asks for only in some cases (its name or note says which).

    Such a paper is never taken as received for everyone: the clerk says whether it applies."""
    return bool(
        _CONDITION_IN_NAME.search(fold(component.name)) or _CONDITION_IN_NOTE.search(fold(component.note))
    )


def is_authorisation(component: Component) -> bool:
    """True for a paper needed only in some cases that is about an authorisation (its name or note
    mentions "ủy quyền"): when someone files for the applicant, it is that case, and it is demanded."""
    return is_conditional(component) and bool(
        _AUTHORISATION.search(fold(component.name)) or _AUTHORISATION.search(fold(component.note))
    )


# Stored with the row (data, in the forms' language): why the authorisation letter did not apply.
FILED_IN_PERSON = "Công dân tự nộp, không có người được ủy quyền"


def applies(row: ComponentCheck, *, by_proxy: bool) -> bool:
    """Whether a conditional row is the citizen's case for certain: the authorisation of a proxy."""
    return by_proxy and row.authorisation


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
    conditional: bool = False  # needed only in some cases (see is_conditional)
    authorisation: bool = False  # conditional, about an authorisation: demanded when a proxy files

    @property
    def voluntary(self) -> bool:
        return self.position is None

    @property
    def lacking(self) -> bool:
        """A catalogue paper still demanded: not brought or not acceptable (never one that does not apply)."""
        return not self.voluntary and self.result in (CheckResult.MISSING, CheckResult.FAIL)

    @property
    def received(self) -> bool:
        """Handed in and accepted: what the receipt (Mẫu 01) lists."""
        return self.result is CheckResult.PASS


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
            conditional=is_conditional(c),
            authorisation=is_authorisation(c),
        )
        for i, c in enumerate(procedure.components)
    ]


def all_accepted(
    rows: Sequence[ComponentCheck], not_the_case: str, *, by_proxy: bool = False
) -> list[ComponentCheck]:
    """“All papers accepted”: every paper required of everyone is accepted; a paper needed only in
    some cases is not taken as received (Nghị định 118/2025, Điều 6) but marked not applicable with
    ``not_the_case`` as its reason, for the clerk to change when the citizen's case needs it.
    A row the clerk already marked not applicable keeps its own reason.

    ``by_proxy``: someone files for the applicant, so the authorisation letter is their case: it is
    accepted like the papers required of everyone (it is always demanded then, see :func:`assess`)."""
    marked: list[ComponentCheck] = []
    for row in rows:
        if applies(row, by_proxy=by_proxy):
            marked.append(replace(row, result=CheckResult.PASS, reason=""))
        elif row.voluntary or row.result is CheckResult.NOT_APPLICABLE:
            marked.append(row)
        elif row.conditional:
            marked.append(replace(row, result=CheckResult.NOT_APPLICABLE, reason=row.reason or not_the_case))
        else:
            marked.append(replace(row, result=CheckResult.PASS, reason=""))
    return marked


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


def assess(procedure: Procedure, rows: Sequence[ComponentCheck], *, by_proxy: bool = False) -> Assessment:
    """Check the rows against the catalogue: exactly its components, each once, plus voluntary papers.

    ``by_proxy``: someone files for the applicant, so the authorisation letter applies: marked not
    applicable it is still demanded (lacking, as not brought), and the dossier is not complete.

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
                conditional=is_conditional(source),
                authorisation=is_authorisation(source),
            )
            if applies(row, by_proxy=by_proxy) and row.result is CheckResult.NOT_APPLICABLE:
                row = replace(row, result=CheckResult.MISSING, reason="")
            elif row.authorisation and not by_proxy and row.result is CheckResult.MISSING:
                # Nobody files for the applicant: the authorisation letter is certainly not this
                # citizen's case, and is never asked for (NĐ 118/2025, Điều 6).
                row = replace(row, result=CheckResult.NOT_APPLICABLE, reason=FILED_IN_PERSON)
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
        if row.result is CheckResult.NOT_APPLICABLE and not clean_line(row.reason):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "Say why “{value}” does not apply to this citizen."),
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
    lacking = tuple(r for r in cleaned if r.lacking)
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
