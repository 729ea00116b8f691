"""Pages 3 and 4 of the first-run wizard, about this computer alone: which window it opens (and, for
a counter, which counter it is), and its ticket printer, "none" being a choice of its own."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.office_setup import check_printer, check_station
from counter_app.settings import PrinterKind, PrinterSettings, StationRole
from counter_app.ui.setup_pages.base import SetupPage, line_edit


def _radio(name: str, text: str, group: QButtonGroup, layout: QVBoxLayout) -> QRadioButton:
    radio = QRadioButton(text)
    radio.setObjectName(name)
    group.addButton(radio)
    layout.addWidget(radio)
    return radio


class StationPage(SetupPage):
    def __init__(
        self, counters: Callable[[], Mapping[int, tuple[str, ...]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("This computer"),
            self.tr(
                "Each computer of the office opens one window: a counter, the kiosk or the display board."
            ),
            parent,
        )
        self.counters = counters
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.radios = {
            StationRole.COUNTER: _radio(
                "roleCounter",
                self.tr("A counter: the clerk calls numbers and receives dossiers"),
                group,
                layout,
            ),
            StationRole.KIOSK: _radio(
                "roleKiosk", self.tr("The ticket kiosk: citizens take a number by touch"), group, layout
            ),
            StationRole.DISPLAY: _radio(
                "roleDisplay",
                self.tr("The display board: the numbers being called, on the TV"),
                group,
                layout,
            ),
        }
        self.radios[StationRole.COUNTER].setChecked(True)
        self.counter_number = QComboBox()
        self.counter_number.setObjectName("stationCounter")
        self.counter_number.setMinimumWidth(320)
        self.counter_number.setMaximumWidth(480)
        form = QFormLayout()
        form.addRow(
            self.tr("This computer's counter"), self.with_error(self.counter_number, "counter_number")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        group.buttonToggled.connect(lambda _button, _on: self._role_changed())

    def initializePage(self) -> None:
        """The counters set on the previous page, which may have changed since the last visit."""
        chosen = self.counter_number.currentData()
        self.counter_number.clear()
        for number, codes in sorted(self.counters().items()):
            self.counter_number.addItem(
                self.tr("Counter %1 (calls %2)").replace("%1", str(number)).replace("%2", ", ".join(codes)),
                number,
            )
        self.counter_number.setCurrentIndex(max(0, self.counter_number.findData(chosen)))
        self._role_changed()

    def _role_changed(self) -> None:
        self.clear_errors()  # said of the previous choice
        role = self.role()
        self.counter_number.setEnabled(role is StationRole.COUNTER)
        notes = {
            StationRole.COUNTER: self.tr("The clerks of this counter sign in here with their own accounts."),
            StationRole.KIOSK: self.tr(
                "From its next start this computer opens the kiosk. This time the counter window opens, "
                "so that you can sign in and check the set-up."
            ),
            StationRole.DISPLAY: self.tr(
                "From its next start this computer opens the display board. This time the counter window "
                "opens, so that you can sign in and check the set-up."
            ),
        }
        self.note.setText(notes[role])

    def role(self) -> StationRole:
        return next((r for r, radio in self.radios.items() if radio.isChecked()), StationRole.COUNTER)

    def chosen_counter(self) -> int:
        data = self.counter_number.currentData()
        return int(data) if data is not None else 0

    def check(self) -> None:
        check_station(self.role(), self.chosen_counter(), self.counters())


class PrinterPage(SetupPage):
    def __init__(self, current: PrinterSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Ticket printer"),
            self.tr(
                "The kiosk prints the queue tickets. A counter or a display board usually has "
                "no ticket printer."
            ),
            parent,
        )
        self.current = current
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.radios = {
            PrinterKind.NONE: _radio(
                "printerNone", self.tr("No ticket printer on this computer"), group, layout
            ),
            PrinterKind.NETWORK: _radio(
                "printerNetwork", self.tr("A network printer (LAN cable or Wi-Fi)"), group, layout
            ),
            PrinterKind.USB: _radio("printerUsb", self.tr("A USB printer"), group, layout),
            PrinterKind.SERIAL: _radio("printerSerial", self.tr("A serial-port printer"), group, layout),
        }
        if sys.platform == "win32":  # the spooler's printers exist on Windows only
            self.radios[PrinterKind.WINDOWS] = _radio(
                "printerWindows", self.tr("A printer installed in Windows"), group, layout
            )
        self.radios.get(current.kind, self.radios[PrinterKind.NONE]).setChecked(True)
        self.target = line_edit("printerTarget", current.target)
        self.paper = QComboBox()
        self.paper.setObjectName("printerPaper")
        for dots, text in (
            (576, self.tr("80 mm paper")),
            (384, self.tr("58 mm paper")),
        ):
            self.paper.addItem(text, dots)
        self.paper.setCurrentIndex(0 if current.width_dots != 384 else 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Where it is"), self.with_error(self.target, "printer.target"))
        self.form.addRow(self.tr("Paper"), self.paper)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        group.buttonToggled.connect(lambda _button, _on: self._kind_changed())
        self._kind_changed()

    def kind(self) -> PrinterKind:
        return next((k for k, radio in self.radios.items() if radio.isChecked()), PrinterKind.NONE)

    def _kind_changed(self) -> None:
        self.clear_errors()  # said of the previous choice
        kind = self.kind()
        example = self.tr("e.g. %1")
        hints = {
            PrinterKind.NONE: "",
            PrinterKind.NETWORK: example.replace("%1", "192.168.1.50:9100"),
            PrinterKind.USB: self.tr("vendor:product, e.g. 0416:5011"),
            PrinterKind.SERIAL: example.replace("%1", "COM3  /  /dev/ttyUSB0"),
            PrinterKind.WINDOWS: self.tr("the printer's name in Windows"),
        }
        self.target.setPlaceholderText(hints[kind])
        self.target.setEnabled(kind is not PrinterKind.NONE)
        self.paper.setEnabled(kind is not PrinterKind.NONE)

    def printer(self) -> PrinterSettings:
        """As chosen; the checks trim it (and drop the address of "no printer")."""
        return replace(
            self.current,
            kind=self.kind(),
            target=self.target.text(),
            width_dots=int(self.paper.currentData()),
        )

    def check(self) -> None:
        check_printer(self.printer())
