"""Journey: a new office opens the program for the first time, without --demo.

The first-run wizard comes up on an empty database; the person types the office, adds the service
areas and counters, says what this computer is and that it has no ticket printer, picks the
catalogue (the bundled one, or a file through the real file dialog) and makes the first two
accounts. After Finish the new clerk signs in, a citizen takes a ticket at the kiosk and the clerk
calls it. Every step through the wizard's own fields and buttons, found by their object names
(the wizard's texts are translated: tests must not depend on the wording).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QWidget,
    QWizard,
)
from sqlalchemy import func, select

from counter_app.app import AppContext, build_context
from counter_app.domain.catalogue import dump_catalogue, parse_catalogue
from counter_app.domain.staff import Role
from counter_app.paths import AppPaths
from counter_app.services.demo import demo_catalogue_text
from counter_app.settings import Settings, StationRole, load, save
from counter_app.storage import models
from counter_app.ui.counter.controller import CounterController
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from counter_app.ui.setup_wizard import SetupWizard
from counter_app.ui.theme import RED
from tests.journeys.counter_steps import call_next, take_ticket, type_text
from tests.journeys.helpers import wait_until
from tests.journeys.test_sign_in import sign_in_as
from tests.modals import Modals, click, describe
from tests.tables import column_texts

LEFT = Qt.MouseButton.LeftButton
NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton
W = TypeVar("W", bound=QWidget)
OFFICE_NAME = "Trung tâm Phục vụ hành chính công xã Hòa Bình"
OFFICE_CODE = "000.00.06.H56"
CLERK = ("canbo1", "Nguyễn Thị Lan", "canbo-2026")
ADMIN = ("quantri", "Lê Văn Quản", "quantri-2026")


@pytest.fixture
def new_office(tmp_path: Path) -> Iterator[AppContext]:
    """The program opened on an empty database, as a new office starts it: no --demo."""
    settings = Settings()
    settings.voice.enabled = False
    context = build_context(AppPaths.resolve(tmp_path / "home"), settings, demo=False)
    yield context
    context.close()


# --- what the person does in the wizard ---------------------------------------------------------


def find(wizard: QWizard, kind: type[W], name: str) -> W:
    found = [w for w in wizard.findChildren(kind, name) if w.isVisible()]
    assert found, f"no visible {kind.__name__} “{name}” on the page “{current_title(wizard)}”"
    return found[0]


def current_title(wizard: QWizard) -> str:
    page = wizard.currentPage()
    return page.title() if page is not None else "?"


def type_into(wizard: QWizard, name: str, text: str) -> None:
    field = find(wizard, QLineEdit, name)
    assert field.isEnabled(), name
    field.setFocus()
    if text.isascii():
        QTest.keyClicks(field, text)
    else:  # QTest sends Latin-1 only: Vietnamese letters go as key events carrying their text
        type_text(field, text)


def tick(wizard: QWizard, kind: type[QAbstractButton], name: str) -> None:
    """Click a radio button or a tick box on its round or square mark, as a person does."""
    choice = find(wizard, kind, name)
    assert choice.isEnabled(), name
    QTest.mouseClick(choice, LEFT, pos=QPoint(8, choice.height() // 2))
    assert choice.isChecked(), name


def press(wizard: QWizard, name: str) -> None:
    button = find(wizard, QPushButton, name)
    assert button.isEnabled(), name
    QTest.mouseClick(button, LEFT)


def next_page(wizard: QWizard) -> None:
    before = wizard.currentPage()
    QTest.mouseClick(wizard.button(NEXT), LEFT)
    wait_until(lambda: wizard.currentPage() is not before, 5_000, f"the page after “{before.title()}”")


def next_is_refused(wizard: QWizard, field: str) -> str:
    """Next keeps the wizard on the page, with the reason in red beside ``field``; the reason's text."""
    before = wizard.currentPage()
    QTest.mouseClick(wizard.button(NEXT), LEFT)
    QApplication.processEvents()
    assert wizard.currentPage() is before, f"Next left “{before.title()}”"
    return error_beside(before, field)


def error_label(page: QWidget, field: str) -> QLabel:
    labels = [label for label in page.findChildren(QLabel) if label.property("field") == field]
    assert len(labels) == 1, field
    return labels[0]


def error_beside(page: QWidget, field: str) -> str:
    label = error_label(page, field)
    assert label.isVisible() and label.text(), f"no message for {field}"
    assert label.palette().color(label.foregroundRole()).name() == RED, "the message is not red"
    return label.text()


def error_text(wizard: QWizard, field: str) -> str:
    label = error_label(wizard.currentPage(), field)
    return label.text() if label.isVisible() else ""


def choose_in_combo(wizard: QWizard, name: str, data: object) -> None:
    """Open the list with the keyboard and go down to the entry, as on every platform."""
    combo = find(wizard, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def set_spin(wizard: QWizard, name: str, value: int) -> None:
    spin = find(wizard, QSpinBox, name)
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, str(value))
    assert spin.value() == value


def table_column(wizard: QWizard, name: str, column: int = 0) -> list[str]:
    return column_texts(find(wizard, QTableView, name), column)


def fill_office(wizard: QWizard, code: str = OFFICE_CODE) -> None:
    type_into(wizard, "officeName", OFFICE_NAME)
    type_into(wizard, "officeCode", code)
    type_into(wizard, "parentBody", "Ủy ban nhân dân xã Hòa Bình")
    type_into(wizard, "place", "Hòa Bình")
    type_into(wizard, "phone", "0243 123 456")


def add_area(wizard: QWizard, code: str, name: str) -> None:
    type_into(wizard, "areaCode", code)
    type_into(wizard, "areaName", name)
    press(wizard, "addAreaButton")
    assert code in table_column(wizard, "areaTable")


def save_counter(wizard: QWizard, number: int, codes: list[str]) -> None:
    set_spin(wizard, "counterNumber", number)
    for code in codes:
        tick(wizard, QCheckBox, f"counterArea_{code}")
    press(wizard, "saveCounterButton")
    assert str(number) in table_column(wizard, "counterTable")


def fill_queue(wizard: QWizard) -> None:
    add_area(wizard, "A", "Tư pháp - Hộ tịch")
    add_area(wizard, "B", "Đất đai - Xây dựng")
    save_counter(wizard, 1, ["A"])
    save_counter(wizard, 2, ["A", "B"])


def fill_account(wizard: QWizard, who: str, account: tuple[str, str, str]) -> None:
    username, full_name, password = account
    type_into(wizard, f"{who}Username", username)
    type_into(wizard, f"{who}FullName", full_name)
    type_into(wizard, f"{who}Password", password)
    type_into(wizard, f"{who}PasswordAgain", password)


def finish(wizard: QWizard) -> None:
    """Finish, and wait while the office is saved (the catalogue and the password hashes take seconds)."""
    QTest.mouseClick(wizard.button(FINISH), LEFT)
    wait_until(lambda: not wizard.isVisible(), 60_000, "the office to be saved")


def guarded(steps: Callable[[SetupWizard], None], failures: list[BaseException]) -> Callable[[QWidget], None]:
    """The person's steps in the wizard; a failed step closes the wizard: the test ends, not hangs."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, SetupWizard), describe(dialog)
        try:
            steps(dialog)
        except BaseException as exc:
            failures.append(exc)
            if dialog.isVisible():
                dialog.done(QWizard.DialogCode.Rejected)

    return handle


def choose_file(path: Path) -> Callable[[QWidget], None]:
    """Qt's own file dialog: type the path, click Open."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setFocus()
        QTest.keyClicks(name, str(path))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        open_button = box.button(QDialogButtonBox.StandardButton.Open)
        assert open_button is not None and open_button.isEnabled()
        click(open_button)

    return handle


def catalogue_status(wizard: QWizard) -> str:
    label = find(wizard, QLabel, "catalogueStatus")
    return label.text()


def run_first_start(
    context: AppContext, modals: Modals, steps: Callable[[SetupWizard], None]
) -> tuple[CounterController, bool]:
    """Open the program; the person goes through the wizard; what start() answered."""
    controller = CounterController(context)
    failures: list[BaseException] = []
    modals.expect(guarded(steps, failures))
    started = controller.start()
    if failures:
        raise failures[0]
    return controller, started


# --- after Finish: what the office now is ---------------------------------------------------------


def check_office_in_database(context: AppContext, procedures: int) -> None:
    with context.db.read() as session:
        offices = session.execute(select(models.Office.code, models.Office.name)).all()
        areas = session.execute(
            select(models.ServiceArea.code, models.ServiceArea.name).order_by(models.ServiceArea.code)
        ).all()
        counted = session.scalar(
            select(func.count()).select_from(models.Procedure).where(models.Procedure.active)
        )
    assert offices == [(OFFICE_CODE, OFFICE_NAME)]
    assert areas == [("A", "Tư pháp - Hộ tịch"), ("B", "Đất đai - Xây dựng")]
    assert context.queue.counters() == {1: ["A"], 2: ["A", "B"]}
    assert counted == procedures
    accounts = {(a.username, a.full_name, a.role) for a in context.staff.accounts()}
    assert accounts == {(ADMIN[0], ADMIN[1], Role.ADMIN), (CLERK[0], CLERK[1], Role.CLERK)}
    saved = json.loads(context.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["office"]["name"] == OFFICE_NAME and saved["office"]["code"] == OFFICE_CODE
    assert saved["office"]["place"] == "Hòa Bình" and saved["counter_number"] == 2
    assert saved["printer"]["kind"] == "none"


# --- the journeys ---------------------------------------------------------------------------------


def test_a_new_office_is_set_up_and_serves_its_first_citizen(qtbot, new_office, modals):
    context = new_office
    seen: dict[str, str] = {}

    def steps(wizard: SetupWizard) -> None:
        fill_office(wizard)
        next_page(wizard)
        fill_queue(wizard)
        next_page(wizard)
        tick(wizard, QRadioButton, "roleCounter")
        choose_in_combo(wizard, "stationCounter", 2)
        next_page(wizard)
        tick(wizard, QRadioButton, "printerNone")  # "no ticket printer" is a choice of its own
        assert not find(wizard, QLineEdit, "printerTarget").isEnabled()
        next_page(wizard)
        tick(wizard, QRadioButton, "catalogueBundled")
        wait_until(
            lambda: catalogue_status(wizard).startswith("31 "), 10_000, "the bundled catalogue to be read"
        )
        next_page(wizard)
        fill_account(wizard, "admin", ADMIN)
        fill_account(wizard, "clerk", CLERK)
        next_page(wizard)
        seen["summary"] = "\n".join(label.text() for label in wizard.currentPage().findChildren(QLabel))
        # Every page visited, none made the wizard grow past a 1366×768 screen with its frame.
        assert wizard.width() <= 1340 and wizard.height() <= 700, wizard.size()
        modals.expect(sign_in_as(CLERK[0], CLERK[2]))  # the sign-in that follows the wizard
        finish(wizard)

    controller, started = run_first_start(context, modals, steps)
    assert started
    window = controller.window
    qtbot.addWidget(window)
    assert OFFICE_NAME in seen["summary"] and OFFICE_CODE in seen["summary"] and "canbo1" in seen["summary"]

    # The clerk is signed in at counter 2 of the office just named.
    assert window.isVisible() and window.actor is not None and window.actor.username == CLERK[0]
    assert OFFICE_NAME in window.windowTitle()
    assert any(OFFICE_NAME in label.text() for label in window.findChildren(QLabel))  # the header
    assert window.queue.counter_number == 2
    check_office_in_database(context, procedures=31)
    assert load(context.paths.settings_file).role is StationRole.COUNTER
    assert context.settings.office.code == OFFICE_CODE and context.queue.office_code == OFFICE_CODE

    # A citizen takes a ticket at the kiosk; the clerk calls it.
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    label = take_ticket(kiosk, "A")
    assert label == "A001"
    assert call_next(window) == "A001"
    kiosk.close()
    window.close()


def test_the_catalogue_comes_from_a_file_chosen_in_the_file_dialog(qtbot, new_office, modals, tmp_path):
    context = new_office
    sample = parse_catalogue(demo_catalogue_text()).procedures[:5]
    good = tmp_path / "danh-muc-tinh.json"
    good.write_text(dump_catalogue(sample, version="2026.1", source="Tỉnh Hòa Bình"), encoding="utf-8")
    broken = tmp_path / "hong.json"
    broken.write_text('{"format": "counter_app.catalogue", ', encoding="utf-8")
    refused: dict[str, str] = {}

    def steps(wizard: SetupWizard) -> None:
        fill_office(wizard)
        next_page(wizard)
        fill_queue(wizard)
        next_page(wizard)
        tick(wizard, QRadioButton, "roleKiosk")  # this PC will be the kiosk from its next start
        assert not find(wizard, QComboBox, "stationCounter").isEnabled()
        next_page(wizard)
        next_page(wizard)  # no ticket printer: the choice already made
        # A damaged file is refused on the page, the reason beside the file.
        modals.expect(choose_file(broken))
        press(wizard, "chooseCatalogueButton")
        wait_until(lambda: error_text(wizard, "catalogue"), 10_000, "the damaged file to be refused")
        refused["message"] = next_is_refused(wizard, "catalogue")
        modals.expect(choose_file(good))
        press(wizard, "chooseCatalogueButton")
        assert find(wizard, QRadioButton, "catalogueFromFile").isChecked()
        wait_until(lambda: catalogue_status(wizard).startswith("5 "), 10_000, "the chosen file to be read")
        assert find(wizard, QLineEdit, "catalogueFile").text() == str(good)
        next_page(wizard)
        fill_account(wizard, "admin", ADMIN)
        fill_account(wizard, "clerk", CLERK)
        next_page(wizard)
        role_note = find(wizard, QLabel, "roleNote")
        refused["note"] = role_note.text()
        modals.expect(sign_in_as(ADMIN[0], ADMIN[2]))
        finish(wizard)

    controller, started = run_first_start(context, modals, steps)
    assert started
    qtbot.addWidget(controller.window)
    assert "1" in refused["message"]  # the line of the damaged file is named
    assert "counter-app --role counter" in refused["note"]
    assert controller.window.actor is not None and controller.window.actor.role is Role.ADMIN
    with context.db.read() as session:
        codes = set(session.scalars(select(models.Procedure.code)))
    assert codes == {p.code for p in sample}
    assert load(context.paths.settings_file).role is StationRole.KIOSK  # the launcher opens the kiosk next
    controller.window.close()


def test_each_page_keeps_the_wizard_until_it_is_right(qtbot, new_office, modals):
    context = new_office
    messages: dict[str, str] = {}

    def steps(wizard: SetupWizard) -> None:
        # A wrong agency electronic ID: the wizard stays, the reason in red under the field.
        fill_office(wizard, code="000.00.06-H56")
        messages["code"] = next_is_refused(wizard, "office.code")
        code = find(wizard, QLineEdit, "officeCode")
        assert code.hasFocus()  # the cursor waits in the field to be corrected
        message = error_label(wizard.currentPage(), "office.code")
        under = message.mapTo(wizard, QPoint(0, 0)) - code.mapTo(wizard, QPoint(0, code.height()))
        assert under.x() == 0 and 0 <= under.y() <= 8, "the message is not just under the field"
        QTest.keyClick(code, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(code, OFFICE_CODE)
        next_page(wizard)
        # No area, then an area no counter calls.
        messages["areas"] = next_is_refused(wizard, "areas")
        add_area(wizard, "A", "Tư pháp - Hộ tịch")
        messages["counters"] = next_is_refused(wizard, "counters")
        press(wizard, "saveCounterButton")  # a counter that calls from nothing
        messages["counter"] = error_text(wizard, "counter.areas")
        save_counter(wizard, 1, ["A"])
        next_page(wizard)
        next_page(wizard)  # counter 1
        tick(wizard, QRadioButton, "printerNetwork")
        messages["printer"] = next_is_refused(wizard, "printer.target")
        tick(wizard, QRadioButton, "printerNone")
        next_page(wizard)
        wait_until(lambda: catalogue_status(wizard).startswith("31 "), 10_000, "the bundled catalogue")
        next_page(wizard)
        fill_account(wizard, "admin", ADMIN)
        type_into(wizard, "clerkUsername", CLERK[0])
        type_into(wizard, "clerkFullName", CLERK[1])
        type_into(wizard, "clerkPassword", CLERK[2])
        type_into(wizard, "clerkPasswordAgain", "something-else")
        messages["password"] = next_is_refused(wizard, "clerk.password_again")
        # Then the person gives up: Cancel.
        QTest.mouseClick(wizard.button(CANCEL), LEFT)

    controller, started = run_first_start(context, modals, steps)
    qtbot.addWidget(controller.window)
    assert not started
    assert "000.00.06-H56" in messages["code"]  # the message quotes what was typed
    assert all(messages.values()), messages
    assert context.staff.count() == 0


def test_cancel_writes_nothing_and_the_program_closes(qtbot, new_office, modals):
    context = new_office

    def steps(wizard: SetupWizard) -> None:
        fill_office(wizard)
        next_page(wizard)
        add_area(wizard, "A", "Tư pháp - Hộ tịch")
        QTest.mouseClick(wizard.button(CANCEL), LEFT)
        assert not wizard.isVisible()

    controller, started = run_first_start(context, modals, steps)
    qtbot.addWidget(controller.window)
    assert not started
    assert not controller.window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
    assert context.staff.count() == 0
    assert context.queue.areas(active_only=False) == [] and context.queue.counters() == {}
    assert context.catalogue.count() == 0
    assert not context.paths.settings_file.exists()
    with context.db.read() as session:
        names = set(session.scalars(select(models.Office.name)))
        audit = session.scalar(select(func.count()).select_from(models.AuditEvent))
    assert OFFICE_NAME not in names and audit == 0


def test_the_next_start_opens_the_window_of_the_role_chosen_in_the_wizard(tmp_path):
    """A real process, as the launcher runs it: the role saved by the wizard, unless --role says otherwise."""
    home = tmp_path / "home"
    settings = Settings(role=StationRole.KIOSK)
    save(settings, AppPaths.resolve(home).settings_file)
    env = {**os.environ, "COUNTER_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    sizes = {}
    for name, extra in (("saved", []), ("asked", ["--role", "counter"])):
        shot = tmp_path / f"{name}.png"
        result = subprocess.run(
            [sys.executable, "-m", "counter_app", "--demo", "--screenshot", str(shot), *extra],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        image = QImage(str(shot))
        sizes[name] = (image.width(), image.height())
    assert sizes == {"saved": KioskWindow.REFERENCE_SIZE, "asked": (1366, 768)}
