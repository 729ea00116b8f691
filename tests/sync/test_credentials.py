"""The sign-in secret is kept in the operating system's keyring, never in plaintext."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from counter_app.sync.province import credentials
from counter_app.sync.province.credentials import NoKeyring, NoSecret


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory backend for tests: what a real OS store does, without the OS."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):
    """Stands for keyrings.alt's file backend, which the app must refuse."""


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_secret_is_saved_and_read_from_the_keyring(memory_keyring):
    with pytest.raises(NoSecret, match=r"000\.00\.00\.H00"):
        credentials.load_secret("000.00.00.H00")
    credentials.save_secret("000.00.00.H00", "bí-mật")
    assert credentials.load_secret("000.00.00.H00") == "bí-mật"
    assert memory_keyring.secrets == {(credentials.SERVICE, "000.00.00.H00"): "bí-mật"}
    assert credentials.has_secret("000.00.00.H00")


def test_no_keyring_is_a_clear_message_not_a_plaintext_file(tmp_path):
    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        with pytest.raises(NoKeyring, match="password store"):
            credentials.save_secret("X", "s")
        keyring.set_keyring(PlaintextKeyring())
        with pytest.raises(NoKeyring):
            credentials.load_secret("X")
    finally:
        keyring.set_keyring(previous)
    assert not list(tmp_path.iterdir())
