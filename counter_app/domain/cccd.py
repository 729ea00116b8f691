"""The citizen's ID (CCCD / số định danh cá nhân) and the QR code of chip-based cards.

Number: 12 digits ``PPP G YY NNNNNN``: PPP the province (or, for births registered abroad,
a country code), G century and sex (even = male), YY the last two digits of the birth
year, six random digits. There is no check digit (Luật Căn cước 2023; domain.md §8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from counter_app.domain.calendar import now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term, ValidationError
from counter_app.domain.text import clean_line

# Province codes of birth registration (Thông tư 59/2021/TT-BCA, Phụ lục). Codes above
# 096 are country codes of a birth registered abroad and are accepted as such.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

FIELD_ID = Term(QT_TRANSLATE_NOOP("Domain", "ID number"))
FIELD_OLD_ID = Term(QT_TRANSLATE_NOOP("Domain", "old ID number"))
FIELD_NAME = Term(QT_TRANSLATE_NOOP("Domain", "full name"))
FIELD_BIRTH = Term(QT_TRANSLATE_NOOP("Domain", "date of birth"))
FIELD_SEX = Term(QT_TRANSLATE_NOOP("Domain", "sex"))
FIELD_ADDRESS = Term(QT_TRANSLATE_NOOP("Domain", "permanent address"))
FIELD_ISSUED = Term(QT_TRANSLATE_NOOP("Domain", "date of issue"))
FIELD_QR = Term(QT_TRANSLATE_NOOP("Domain", "card QR code"))

_DIGITS_12 = re.compile(r"\d{12}")
_DIGITS_9 = re.compile(r"\d{9}")
_DATE_8 = re.compile(r"\d{8}")


class Sex(Enum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class PersonalId:
    number: str
    registration_code: str
    registered_abroad: bool
    century_start: int
    sex: Sex
    birth_year: int

    @property
    def province(self) -> str | None:
        return PROVINCE_CODES.get(self.registration_code)


@dataclass(frozen=True)
class CardHolder:
    """What the chip card's QR code says about its holder."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    sex: Sex
    address: str
    issue_date: date | None


def parse_personal_id(
    raw: str, *, birth_date: date | None = None, sex: Sex | None = None, field: str = FIELD_ID
) -> PersonalId:
    """Validate a 12-digit personal ID, checking it against the birth date and sex when given."""
    number = clean_line(raw).replace(" ", "")
    if not _DIGITS_12.fullmatch(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} must have exactly 12 digits (got “{value}”)."),
            field=field,
            value=raw.strip(),
        )
    code = number[:3]
    abroad = int(code) > 96
    if not abroad and code not in PROVINCE_CODES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} starts with {code}, which is not a province code."),
            field=field,
            code=code,
        )
    gender_digit = int(number[3])
    century_start = 1900 + 100 * (gender_digit // 2)
    id_sex = Sex.MALE if gender_digit % 2 == 0 else Sex.FEMALE
    birth_year = century_start + int(number[4:6])
    if birth_date is not None and birth_date.year != birth_year:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The {field} says born in {id_year}, but the date of birth is in {year}."
            ),
            field=field,
            id_year=birth_year,
            year=birth_date.year,
        )
    if sex is not None and sex is not id_sex:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} does not match the sex given."),
            field=field,
        )
    return PersonalId(number, code, abroad, century_start, id_sex, birth_year)


def _parse_date(text: str, field: str, *, required: bool) -> date | None:
    if not text:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=field)
        return None
    if not _DATE_8.fullmatch(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} must be written ddMMyyyy (got “{value}”)."),
            field=field,
            value=text,
        )
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} {value} is not a real date."), field=field, value=text
        ) from None


def _parse_sex(text: str) -> Sex:
    folded = text.casefold()
    if folded == "nam":
        return Sex.MALE
    if folded in ("nữ", "nu"):
        return Sex.FEMALE
    raise ValidationError(
        QT_TRANSLATE_NOOP("Domain", "The {field} must be “Nam” or “Nữ” (got “{value}”)."),
        field=FIELD_SEX,
        value=text,
    )


def parse_card_qr(raw: str, *, today: date | None = None) -> CardHolder:
    """Parse the QR text of a chip-based card: tolerant of the 6- and 7-field layouts, strict on values.

    7 fields: ``ID|old ID|name|ddMMyyyy birth|Nam/Nữ|address|ddMMyyyy issue``; the 6-field
    variant has no old ID. Scanners in keyboard mode may add a trailing newline or '|'.
    """
    text = clean_line(raw.replace("\r", " ").replace("\n", " "))
    parts = [clean_line(part) for part in text.split("|")]
    # The layout is told by where the birth date stands (index 3 with the old ID, 2 without),
    # so a trailing '|' from the scanner never shifts the fields.
    six_field = len(parts) >= 6 and bool(_DATE_8.fullmatch(parts[2])) and not _DATE_8.fullmatch(parts[3])
    expected = 6 if six_field else 7
    while len(parts) > expected and parts[-1] == "":
        parts.pop()
    if six_field and len(parts) == 6:
        parts.insert(1, "")
    if len(parts) != 7:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The {field} has {count} parts separated by “|”; a card QR code has 6 or 7."
            ),
            field=FIELD_QR,
            count=len(parts),
        )
    id_text, old_id, name, birth_text, sex_text, address, issue_text = parts
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=FIELD_NAME)
    if any(ch.isdigit() for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} must not contain digits (got “{value}”)."),
            field=FIELD_NAME,
            value=name,
        )
    if old_id and not _DIGITS_9.fullmatch(old_id):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} must have 9 digits (got “{value}”)."),
            field=FIELD_OLD_ID,
            value=old_id,
        )
    birth = _parse_date(birth_text, FIELD_BIRTH, required=True)
    assert birth is not None
    sex = _parse_sex(sex_text)
    issued = _parse_date(issue_text, FIELD_ISSUED, required=False)
    today = today or now_vn().date()  # Vietnam's date, not the PC's clock zone
    if birth > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} {value} is in the future."),
            field=FIELD_BIRTH,
            value=birth.strftime("%d/%m/%Y"),
        )
    if issued is not None and not birth <= issued <= today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The {field} {value} is before the birth date or in the future."),
            field=FIELD_ISSUED,
            value=issued.strftime("%d/%m/%Y"),
        )
    if not address:
        raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The {field} is missing."), field=FIELD_ADDRESS)
    personal = parse_personal_id(id_text, birth_date=birth, sex=sex)
    return CardHolder(personal.number, old_id or None, name, birth, sex, address, issued)
