from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.cccd import Sex, parse_card_qr, parse_personal_id
from counter_app.domain.errors import ValidationError

TODAY = date(2026, 11, 22)
QR7 = "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 phố Huế, Hai Bà Trưng, Hà Nội|20042021"


def test_seven_field_qr_fills_a_citizen_record():
    holder = parse_card_qr(QR7, today=TODAY)
    assert holder.id_number == "001095012345"
    assert holder.old_id_number == "123456789"
    assert holder.full_name == "Nguyễn Văn An"
    assert holder.birth_date == date(1995, 3, 15)
    assert holder.sex is Sex.MALE
    assert holder.address.startswith("Số 12 phố Huế")
    assert holder.issue_date == date(2021, 4, 20)


def test_six_field_variant_and_scanner_noise_are_tolerated():
    qr = "079301000123|Trần Thị Bích|01012001|Nữ|Phường 1, Quận 3, TP Hồ Chí Minh|10102022|\r\n"
    holder = parse_card_qr(qr, today=TODAY)
    assert holder.old_id_number is None
    assert holder.sex is Sex.FEMALE and holder.birth_date.year == 2001


def test_decomposed_text_is_stored_nfc():
    import unicodedata

    holder = parse_card_qr(unicodedata.normalize("NFD", QR7), today=TODAY)
    assert holder.full_name == unicodedata.normalize("NFC", "Nguyễn Văn An")


@pytest.mark.parametrize(
    ("qr", "field"),
    [
        ("00109501234|123456789|A B|15031995|Nam|HN|20042021", "ID number"),
        ("001095012345|12345|A B|15031995|Nam|HN|20042021", "old ID number"),
        ("001095012345|123456789||15031995|Nam|HN|20042021", "full name"),
        ("001095012345|123456789|A B|31021995|Nam|HN|20042021", "date of birth"),
        ("001095012345|123456789|A B|1503199|Nam|HN|20042021", "date of birth"),
        ("001095012345|123456789|A B|15031995|Male|HN|20042021", "sex"),
        ("001095012345|123456789|A B|15031995|Nam||20042021", "permanent address"),
        ("001095012345|123456789|A B|15031995|Nam|HN|20041990", "date of issue"),
        ("001095012345|A B|15031995", "card QR code"),
        ("001096012345|123456789|A B|15031995|Nam|HN|20042021", "ID number"),  # says born 1996
        ("001195012345|123456789|A B|15031995|Nam|HN|20042021", "ID number"),  # odd digit: female
    ],
)
def test_malformed_qr_names_the_wrong_field(qr, field):
    with pytest.raises(ValidationError) as info:
        parse_card_qr(qr, today=TODAY)
    assert info.value.field == field


def test_personal_id_rules():
    pid = parse_personal_id("038305001234")
    assert pid.province == "Thanh Hóa" and pid.birth_year == 2005 and pid.sex is Sex.FEMALE
    with pytest.raises(ValidationError):
        parse_personal_id("003095012345")  # 003 is not a province code
    with pytest.raises(ValidationError):
        parse_personal_id("0010950123AB")
    assert parse_personal_id("704095012345").registered_abroad  # a country code of registration abroad


@given(st.text(max_size=300))
def test_parser_never_fails_except_with_a_validation_error(text):
    try:
        parse_card_qr(text, today=TODAY)
    except ValidationError as exc:
        assert exc.field  # always names the field
        assert exc.message()


@given(
    st.sampled_from(["001", "079", "048", "096"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 1, 1)),
    st.sampled_from([Sex.MALE, Sex.FEMALE]),
    st.integers(0, 999_999),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ", min_size=3, max_size=40).filter(str.strip),
)
def test_valid_cards_round_trip(province, birth, sex, serial, name):
    digit = (birth.year - 1900) // 100 * 2 + (0 if sex is Sex.MALE else 1)
    number = f"{province}{digit}{birth.year % 100:02d}{serial:06d}"
    qr = f"{number}||{name}|{birth:%d%m%Y}|{'Nam' if sex is Sex.MALE else 'Nữ'}|Thôn 1|"
    holder = parse_card_qr(qr, today=TODAY)
    assert (holder.id_number, holder.birth_date, holder.sex) == (number, birth, sex)
