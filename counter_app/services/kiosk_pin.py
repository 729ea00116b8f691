"""The PIN that lets staff leave the kiosk: 4 to 8 digits, kept only as an Argon2 hash.

Until an administrator sets one, the PIN is 0000 (said in the README and the settings dialog), so
a new kiosk can always be closed by the person installing it.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_PIN = "0000"
_hasher = PasswordHasher()


def validate_pin(pin: str) -> str:
    if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 8):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "The kiosk PIN has 4 to 8 digits."), field="kiosk.exit_pin"
        )
    return pin


def hash_pin(pin: str) -> str:
    return _hasher.hash(validate_pin(pin))


def pin_matches(stored_hash: str, pin: str) -> bool:
    if not stored_hash:
        return pin == DEFAULT_PIN
    try:
        return bool(_hasher.verify(stored_hash, pin))
    except (VerificationError, InvalidHashError):
        return False
