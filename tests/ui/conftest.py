from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

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
    settings = Settings()
    settings.voice.enabled = False  # tests that speak give the board their own announcer
    ctx = build_context(AppPaths.resolve(tmp_path / "home"), settings, demo=True)
    yield ctx
    ctx.close()


@pytest.fixture(autouse=True)
def modal_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A modal dialog in a test waits for a click that never comes: record it and fail instead.

    A test that expects a dialog reads this list and clears it; one that drives a real modal
    loop itself is marked ``real_modal``.
    """
    shown: list[str] = []
    if request.node.get_closest_marker("real_modal"):
        yield shown
        return

    def record(dialog: QDialog) -> int:
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        detail = dialog.detailedText() if isinstance(dialog, QMessageBox) else ""
        shown.append(f"{type(dialog).__name__} “{dialog.windowTitle()}”: {text}\n{detail}".strip())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", record)
    monkeypatch.setattr(QMessageBox, "exec", record)
    yield shown
    if shown:
        pytest.fail("a modal dialog opened during the test:\n" + "\n".join(shown), pytrace=False)
