"""libsane's own 'test' backend as a scanner for the tests: a private SANE_CONFIG_DIR that loads it.

Its feeder holds ten sheets; ``read-return-value`` makes the next read fail as a real device
would (jam, cover open, empty feeder, I/O error).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
BACKEND = Path("/usr/lib/x86_64-linux-gnu/sane/libsane-test.so.1")


def require_sane() -> None:
    """Skip on a developer's machine without SANE; under CI a missing SANE is a failure."""
    try:
        import sane  # noqa: F401
    except ImportError:
        message = "python-sane is not installed: make test installs libsane-dev and builds it"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def configure(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "dll.conf").write_text("test\n")
    (directory / "test.conf").write_text(
        'number_of_devices 2\nmode Color\nresolution 100\ntest-picture "Color pattern"\n'
    )
    monkeypatch.setenv("SANE_CONFIG_DIR", str(directory))
