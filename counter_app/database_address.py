"""Checking a database address before anything is opened: SQLite on a local disk, or PostgreSQL.

In the base layer so that the settings check the address they store without importing the
storage (which opens engines and loads the models), and storage checks it with the same words.
A pure form check in the domain would not do: "on a network share" asks the operating system.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

_NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "fuse.sshfs", "afpfs", "davfs"}


class DatabaseConfigError(ValidationError):
    """The database URL or location is unusable; the message says why."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, field="database_url", **params)


def is_network_path(path: str) -> bool:
    """True for UNC/SMB paths and, where the system tells, files on a network mount."""
    if path.startswith(("\\\\", "//")) or path.lower().startswith(("smb:", "\\\\?\\unc\\")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = PureWindowsPath(os.path.abspath(path)).drive
        drive_remote = 4
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote
    return _mount_type(path) in _NETWORK_FILESYSTEMS


def _mount_type(path: str) -> str:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    target = PurePosixPath(os.path.abspath(path))
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == PurePosixPath(mount_point) or PurePosixPath(mount_point) in target.parents) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def parse_database_url(text: str) -> URL:
    """Check a database URL: SQLite on a local disk, or PostgreSQL through psycopg 3."""
    # Imported here: the settings check an address without loading SQLAlchemy (nor do the forms,
    # which read the office's settings, tests/test_architecture.py).
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise DatabaseConfigError(
            QT_TRANSLATE_NOOP("Domain", "“{value}” is not a database address."), value=text
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.drivername not in ("sqlite", "sqlite+pysqlite"):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "Unsupported SQLite driver “{value}”."), value=url.drivername
            )
        if not url.database or url.database == ":memory:":
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "An SQLite database must be a file on this computer.")
            )
        if is_network_path(url.database):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The database file {value} is on a network share, where SQLite corrupts data. "
                    "Keep it on this computer's disk, or use PostgreSQL for several PCs.",
                ),
                value=url.database,
            )
        return url
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername != "postgresql+psycopg":
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "Use postgresql:// (psycopg 3), not “{value}”."),
                value=url.drivername,
            )
        if not url.database:
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Domain", "The PostgreSQL address must name a database.")
            )
        return url
    raise DatabaseConfigError(
        QT_TRANSLATE_NOOP(
            "Domain", "Only sqlite:/// and postgresql:// databases are supported, not “{value}”."
        ),
        value=backend,
    )
