"""The office's provincial sign-in secret, as the settings dialog sees it: stored or not, and
storing a new one. Windows may not reach the keyring code (sync/province/credentials.py) directly;
this is their way to it. Both may wait on the password store (D-Bus, an unlock prompt): call them
off the GUI thread where the window can.
"""

from __future__ import annotations

from counter_app.sync.province import credentials


def secret_stored(client_id: str) -> bool:
    """Whether a secret is stored for ``client_id``; False too where this PC has no password store."""
    return credentials.has_secret(client_id)


def store_secret(client_id: str, secret: str) -> None:
    """Into the operating system's keyring, never the settings file; NoKeyring where there is none."""
    credentials.save_secret(client_id, secret)
