"""Every folder the app uses, in one place.

By default the platform's standard folders (platformdirs: %LOCALAPPDATA% on Windows,
~/.local/share and ~/.config on Linux). ``COUNTER_APP_HOME`` (or ``--home``) puts
everything under one folder instead: for tests and for portable kiosks on a USB stick.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "COUNTER_APP_HOME"
RESOURCES_ENV = "COUNTER_APP_RESOURCES"
_APP = "counter_app"


def resources_dir() -> Path:
    """Fonts, translations, seed data: beside the package in a checkout or a frozen build."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def database_file(self) -> Path:
        return self.data / "counter_app.sqlite3"

    @property
    def scans(self) -> Path:
        return self.data / "scans"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def log_file(self) -> Path:
        return self.logs / "counter_app.log"

    @property
    def supervisor_log_file(self) -> Path:
        """The restarts of the windows, written by the supervisor process."""
        return self.logs / "supervisor.log"

    @classmethod
    def resolve(cls, home: str | Path | None = None) -> AppPaths:
        root = home or os.environ.get(HOME_ENV)
        if root:
            base = Path(root).expanduser().resolve()
            return cls(data=base / "data", config=base / "config", logs=base / "logs")
        return cls(
            data=platformdirs.user_data_path(_APP, appauthor=False),
            config=platformdirs.user_config_path(_APP, appauthor=False),
            logs=platformdirs.user_log_path(_APP, appauthor=False),
        )

    def ensure(self) -> None:
        for folder in (self.data, self.config, self.logs, self.scans, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
