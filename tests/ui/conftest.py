from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from counter_app.app import AppContext, build_context
from counter_app.paths import AppPaths
from counter_app.settings import Settings
from counter_app.ui.i18n import install_translation
from counter_app.ui.theme import apply_theme


@pytest.fixture(scope="session", autouse=True)
def vietnamese_app(qapp: QApplication) -> QApplication:
    install_translation(qapp, "vi")
    apply_theme(qapp)
    return qapp


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = build_context(AppPaths.resolve(tmp_path / "home"), Settings(), demo=True)
    yield ctx
    ctx.close()
