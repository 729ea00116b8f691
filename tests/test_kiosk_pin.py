import pytest

from counter_app.domain.errors import ValidationError
from counter_app.services.kiosk_pin import hash_pin, pin_matches


def test_the_default_pin_works_until_one_is_set():
    assert pin_matches("", "0000") and not pin_matches("", "1234")
    stored = hash_pin("246810")
    assert "246810" not in stored and pin_matches(stored, "246810")
    assert not pin_matches(stored, "0000") and not pin_matches("not a hash", "0000")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_pin_is_4_to_8_plain_digits(pin):
    with pytest.raises(ValidationError):
        hash_pin(pin)
