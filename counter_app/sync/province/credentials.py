"""The office's provincial sign-in secret lives in the operating system's keyring, never in the
database or the settings file. Where no keyring backend exists the sync says so and stops; it
never falls back to a plaintext file (keyrings.alt's file backends are refused too).
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

SERVICE = "counter_app.provincial-sync"
# A published test credential of the reference server that `make run` starts: not a secret.
DEMO_SECRET = "demo-secret"


class NoKeyring(DomainError):
    """This PC has no usable keyring: the secret cannot be kept safely."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "This computer has no password store (Windows Credential Manager, GNOME Keyring or "
                "KWallet), so the provincial sign-in cannot be kept safely and sync is off. "
                "Install or unlock one, then enter the secret again in Settings.",
            )
        )
        self.detail = detail


class NoSecret(DomainError):
    def __init__(self, client_id: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain",
                "No provincial sign-in secret is stored for {value}: enter it in Settings to start sync.",
            ),
            value=client_id,
        )


def _usable() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    module = type(backend).__module__
    inner = getattr(backend, "backends", None)
    if isinstance(backend, fail.Keyring) or (inner is not None and not inner):
        raise NoKeyring(f"keyring backend {module}.{type(backend).__name__}")
    if module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower():
        raise NoKeyring(f"refusing the plaintext backend {module}.{type(backend).__name__}")
    return backend


def load_secret(client_id: str) -> str:
    backend = _usable()
    try:
        secret = backend.get_password(SERVICE, client_id)
    except keyring.errors.KeyringError as error:
        raise NoKeyring(str(error)) from None
    if not secret:
        raise NoSecret(client_id)
    return secret


def save_secret(client_id: str, secret: str) -> None:
    backend = _usable()
    try:
        backend.set_password(SERVICE, client_id, secret)
    except keyring.errors.KeyringError as error:
        raise NoKeyring(str(error)) from None


def has_secret(client_id: str) -> bool:
    try:
        return bool(_usable().get_password(SERVICE, client_id))
    except (NoKeyring, keyring.errors.KeyringError):
        return False
