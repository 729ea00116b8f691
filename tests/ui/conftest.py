from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from counter_app.app import AppContext, build_context
from counter_app.paths import AppPaths
from counter_app.settings import Settings
from counter_app.ui.common.collector import collect_on_gui_thread
from counter_app.ui.i18n import install_translation
from counter_app.ui.theme import apply_theme
from tests.modals import Modals


@pytest.fixture(scope="session", autouse=True)
def vietnamese_app(qapp: QApplication) -> QApplication:
    install_translation(qapp, "vi")
    apply_theme(qapp)
    collect_on_gui_thread(qapp)  # as the app does: cycles are freed on the GUI thread only
    return qapp


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    settings = Settings()
    settings.voice.enabled = False  # tests that speak give the board their own announcer
    ctx = build_context(AppPaths.resolve(tmp_path / "home"), settings, demo=True)
    # Office hours have their own journeys (test_kiosk_hours); elsewhere the office is open at any
    # hour the suite runs, so a ticket's wording does not depend on the time of day.
    ctx.queue.calendar = None
    yield ctx
    ctx.close()


@pytest.fixture(autouse=True)
def modals(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Modals]:
    """Modal dialogs are answered by their own buttons, as the test said beforehand.

    A dialog nobody expected fails the test. A test that runs a modal loop entirely by itself
    is marked ``real_modal``.
    """
    driver = Modals()
    if request.node.get_closest_marker("real_modal"):
        yield driver
        return
    driver.start()
    yield driver
    driver.stop()
    if driver.unanswered:
        pytest.fail("a modal dialog nobody answered:\n" + "\n".join(driver.unanswered), pytrace=False)
    if driver.handlers:
        pytest.fail(f"{len(driver.handlers)} expected dialog(s) never opened", pytrace=False)
