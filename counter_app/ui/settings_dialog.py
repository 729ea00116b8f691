"""Office settings: name, code, database. Values are validated before anything is saved."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import settings as settings_module
from counter_app.domain.calendar import now_vn
from counter_app.domain.equipment import VIETNAMESE_PAGES, vietnamese_pages
from counter_app.domain.errors import DomainError
from counter_app.domain.ticket_text import TicketText
from counter_app.services.kiosk_pin import hash_pin
from counter_app.services.scanner_setup import ScannerSetup
from counter_app.services.ticket_desk import TicketDesk
from counter_app.settings import PrinterKind, PrintMode, Settings
from counter_app.sync.secret_store import secret_stored, store_secret
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text
from counter_app.ui.scanner_settings import ScannerGroup
from counter_app.ui.theme import set_status


class SettingsDialog(QDialog):
    test_printed = Signal(bool)

    def __init__(
        self,
        current: Settings,
        path: Path,
        parent: QWidget | None = None,
        *,
        scanners: ScannerSetup,
        desk: TicketDesk,
    ) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        self.desk = desk  # prints the test ticket on the printer as edited
        self.path = path
        self.original = current
        self.saved: Settings | None = None
        self.setWindowTitle(self.tr("Office settings"))
        # No minimum width of its own: one set by hand stops the layout's, and the dialog then
        # opened narrower than its contents, the scanner's button drawn over the device field.
        self.office_name = QLineEdit(current.office.name)
        self.office_code = QLineEdit(current.office.code)
        self.office_code.setPlaceholderText("000.00.06.H56")
        self.parent_body = QLineEdit(current.office.parent_body)
        self.place = QLineEdit(current.office.place)
        self.office_phone = QLineEdit(current.office.phone)
        self.office_phone.setPlaceholderText(self.tr("printed on the supplement request (Mẫu 02)"))
        self.forms_edition = QComboBox()
        self.forms_edition.addItem(self.tr("Circular 03/2025"), "03/2025")
        self.forms_edition.addItem(self.tr("Circular 01/2018 (older)"), "01/2018")
        self.forms_edition.setCurrentIndex(max(0, self.forms_edition.findData(current.office.forms_edition)))
        self.receipt_a5 = QCheckBox(self.tr("Mẫu 01 on A5"))
        self.receipt_a5.setChecked(current.office.receipt_a5)
        forms_row = QHBoxLayout()
        forms_row.addWidget(self.forms_edition, 1)
        forms_row.addWidget(self.receipt_a5)
        self.counter_number = QSpinBox()
        self.counter_number.setRange(1, 99)
        self.counter_number.setValue(current.counter_number)
        self.database_url = QLineEdit(current.database_url)
        self.database_url.setPlaceholderText(self.tr("Empty: the database file on this computer"))
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if current.language == "vi" else 1)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.office_name)
        form.addRow(self.tr("Agency electronic ID"), self.office_code)
        form.addRow(self.tr("Parent body"), self.parent_body)
        form.addRow(self.tr("Place (on forms)"), self.place)
        form.addRow(self.tr("Office phone"), self.office_phone)
        form.addRow(self.tr("Forms"), forms_row)
        form.addRow(self.tr("This PC's counter number"), self.counter_number)
        form.addRow(self.tr("Database address"), self.database_url)
        form.addRow(self.tr("Language"), self.language)
        printer_box = self._printer_group(current)
        province_box = self._provincial_group(current)
        self.scanner_box = ScannerGroup(current.scanner, self.tasks, scanners)
        self.kiosk_pin = QLineEdit()
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin.setMaxLength(8)
        self.kiosk_pin.setPlaceholderText(
            self.tr("empty: keep the current PIN")
            if current.kiosk.exit_pin_hash
            else self.tr("not set yet: the PIN is 0000, please change it")
        )
        form.addRow(self.tr("PIN to close the kiosk"), self.kiosk_pin)
        self.voice_enabled = QCheckBox(self.tr("Read calls aloud on this PC's display board"))
        self.voice_enabled.setChecked(current.voice.enabled)
        self.voice_wording = QLineEdit(current.voice.wording)
        self.voice_wording.setToolTip(
            self.tr("{ticket} is read as the ticket number, {counter} as the counter number.")
        )
        form.addRow(self.tr("Voice"), self.voice_enabled)
        form.addRow(self.tr("Call wording"), self.voice_wording)
        self.display_full_screen = QCheckBox(self.tr("The display board fills its screen (untick: a window)"))
        self.display_full_screen.setChecked(current.display.full_screen)
        form.addRow(self.tr("Display board"), self.display_full_screen)
        note = QLabel(
            self.tr(
                "A new agency electronic ID, counter number, database address or language takes "
                "effect when the program restarts; the rest at once."
            )
        )
        note.setWordWrap(True)
        self.error = error_label()
        buttons, _ = ok_cancel(self, self.tr("Save"), self.save)
        # Three pages, so the dialog fits a 1366×768 counter screen.
        pages = QTabWidget()
        office_page = QWidget()
        office_page.setLayout(form)
        devices_page = QWidget()
        devices = QHBoxLayout(devices_page)
        devices.addWidget(printer_box, 1)
        devices.addWidget(self.scanner_box, 1)
        province_page = QWidget()
        province_layout = QVBoxLayout(province_page)
        province_layout.addWidget(province_box)
        province_layout.addStretch(1)
        pages.addTab(office_page, self.tr("Office"))
        pages.addTab(devices_page, self.tr("Printer and scanner"))
        pages.addTab(province_page, self.tr("Provincial sync"))
        layout = QVBoxLayout(self)
        layout.addWidget(pages)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def edited(self) -> Settings:
        result = copy.deepcopy(self.original)
        result.office.name = self.office_name.text()
        result.office.code = self.office_code.text().strip()
        result.office.parent_body = self.parent_body.text()
        result.office.place = self.place.text()
        result.office.phone = self.office_phone.text().strip()
        result.office.forms_edition = str(self.forms_edition.currentData())
        result.office.receipt_a5 = self.receipt_a5.isChecked()
        result.counter_number = self.counter_number.value()
        result.database_url = self.database_url.text().strip()
        result.language = str(self.language.currentData())
        result.printer.kind = PrinterKind(self.printer_kind.currentData())
        result.printer.target = self.printer_target.text().strip()
        result.printer.width_dots = int(self.printer_width.currentData())
        result.printer.profile = str(self.printer_model.currentData())
        result.printer.mode, result.printer.code_page = self._print_mode()
        result.scanner = self.scanner_box.edited()
        result.voice.enabled = self.voice_enabled.isChecked()
        result.voice.wording = self.voice_wording.text().strip()
        result.display.full_screen = self.display_full_screen.isChecked()
        result.provincial.endpoint = self.province_endpoint.text().strip()
        result.provincial.client_id = self.province_client.text().strip()
        result.provincial.extra_ca_file = self.province_ca.text().strip()
        result.provincial.warn_after_minutes = self.province_warn.value()
        return settings_module.from_dict(settings_module.to_dict(result))  # normalised like a loaded file

    def save(self) -> None:
        try:
            candidate = self.edited()
            if self.kiosk_pin.text():
                candidate.kiosk.exit_pin_hash = hash_pin(self.kiosk_pin.text())
            if self.province_secret.text():  # into the OS keyring, never the settings file
                store_secret(
                    candidate.provincial.client_id or candidate.office.code, self.province_secret.text()
                )
            settings_module.save(candidate, self.path)
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            return
        except OSError as exc:
            show_failure(self, exc)
            return
        self.saved = candidate
        self.accept()

    # --- the provincial system -------------------------------------------------------------------

    def _provincial_group(self, current: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Provincial one-stop system (sync)"))
        provincial = current.provincial
        self.province_endpoint = QLineEdit(provincial.endpoint)
        self.province_endpoint.setPlaceholderText(self.tr("https://… (empty: work offline only)"))
        self.province_client = QLineEdit(provincial.client_id)
        self.province_client.setPlaceholderText(self.tr("empty: the agency electronic ID"))
        self.province_secret = QLineEdit()
        self.province_secret.setEchoMode(QLineEdit.EchoMode.Password)
        client = provincial.client_id or current.office.code
        # The password store may be slow to answer (D-Bus, an unlock prompt): asked on a worker.
        self.tasks.run(lambda: secret_stored(client), self._show_secret_state)
        self.province_ca = QLineEdit(provincial.extra_ca_file)
        self.province_ca.setPlaceholderText(self.tr("a .pem file, only if the province asks for it"))
        self.province_warn = QSpinBox()
        self.province_warn.setRange(5, 7 * 24 * 60)
        self.province_warn.setSuffix(self.tr(" minutes"))
        self.province_warn.setValue(provincial.warn_after_minutes)
        form = QFormLayout(box)
        form.addRow(self.tr("Address"), self.province_endpoint)
        form.addRow(self.tr("Office sign-in name"), self.province_client)
        form.addRow(self.tr("Secret"), self.province_secret)
        form.addRow(self.tr("Extra CA certificate"), self.province_ca)
        form.addRow(self.tr("Warn when an item waits longer than"), self.province_warn)
        return box

    def _show_secret_state(self, stored: bool) -> None:
        self.province_secret.setPlaceholderText(
            self.tr("stored in this computer's password store ✓")
            if stored
            else self.tr("not stored yet: type the secret the province gave")
        )

    # --- the ticket printer ---------------------------------------------------------------------

    def _printer_group(self, current: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Ticket printer (this computer)"))
        self.printer_kind = QComboBox()
        for kind, text in (
            (PrinterKind.NONE, self.tr("None")),
            (PrinterKind.NETWORK, self.tr("Network (LAN)")),
            (PrinterKind.USB, self.tr("USB")),
            (PrinterKind.SERIAL, self.tr("Serial port")),
            (PrinterKind.WINDOWS, self.tr("Windows printer")),
        ):
            self.printer_kind.addItem(text, kind.value)
        self.printer_kind.setCurrentIndex(self.printer_kind.findData(current.printer.kind.value))
        self.printer_target = QLineEdit(current.printer.target)
        self.printer_width = QComboBox()
        for dots, text in ((384, self.tr("58 mm paper (384 dots)")), (512, self.tr("80 mm paper (512 dots)")),
                           (576, self.tr("80 mm paper (576 dots)"))):  # fmt: skip
            self.printer_width.addItem(text, dots)
        self.printer_width.setCurrentIndex(self.printer_width.findData(current.printer.width_dots))
        # Text mode only for models whose python-escpos profile has a Vietnamese page (domain.md §12).
        self.printer_model = QComboBox()
        self.printer_model.addItem(self.tr("Other / unknown model"), "")
        for name in sorted(VIETNAMESE_PAGES):
            self.printer_model.addItem(name, name)
        model = self.printer_model.findData(current.printer.profile)
        self.printer_model.setCurrentIndex(max(0, model))
        self.print_mode = QComboBox()
        self._fill_print_modes(current.printer.mode, current.printer.code_page)
        self.printer_model.currentIndexChanged.connect(lambda _: self._fill_print_modes(*self._print_mode()))
        self.test_button = QPushButton(self.tr("Print a test ticket"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Connection"), self.printer_kind)
        form.addRow(self.tr("Address"), self.printer_target)
        form.addRow(self.tr("Paper"), self.printer_width)
        form.addRow(self.tr("Model"), self.printer_model)
        form.addRow(self.tr("Print as"), self.print_mode)
        form.addRow(self.test_button, self.test_result)
        self.printer_kind.currentIndexChanged.connect(self._explain_target)
        self.test_button.clicked.connect(self.print_test)
        self._explain_target()
        return box

    def _print_mode(self) -> tuple[PrintMode, str]:
        mode, _, page = str(self.print_mode.currentData() or PrintMode.IMAGE.value).partition(":")
        return PrintMode(mode), page

    def _fill_print_modes(self, mode: PrintMode, page: str) -> None:
        self.print_mode.clear()
        self.print_mode.addItem(self.tr("A picture (right on every printer)"), PrintMode.IMAGE.value)
        for name in vietnamese_pages(str(self.printer_model.currentData())).names():
            self.print_mode.addItem(
                self.tr("Text in the printer's font, code page %1").replace("%1", name), f"text:{name}"
            )
        found = self.print_mode.findData(f"text:{page}" if mode is PrintMode.TEXT else mode.value)
        self.print_mode.setCurrentIndex(max(0, found))

    def _explain_target(self) -> None:
        kind = PrinterKind(self.printer_kind.currentData())
        hints = {
            PrinterKind.NONE: "",
            PrinterKind.NETWORK: "192.168.1.50:9100",
            PrinterKind.USB: self.tr("vendor:product, e.g. 0416:5011"),
            PrinterKind.SERIAL: "COM3  /  /dev/ttyUSB0",
            PrinterKind.WINDOWS: self.tr("the printer's name in Windows"),
        }
        self.printer_target.setPlaceholderText(hints[kind])
        self.printer_target.setEnabled(kind is not PrinterKind.NONE)
        self.test_button.setEnabled(kind is not PrinterKind.NONE)

    def print_test(self) -> None:
        """Print a sample ticket with the values as edited, before they are saved."""
        try:
            edited = self.edited().printer
        except DomainError as exc:
            self.test_result.setText(domain_text(exc))
            return
        now = now_vn()
        text = TicketText(
            office=self.office_name.text(),
            service=self.tr("Test ticket"),
            label="A123",
            caption=self.tr("Queue number"),
            issued=now.strftime("%H:%M %d/%m/%Y"),
            ahead="ă â đ ê ô ơ ư · ạ ả ã á à · Ố Ồ Ổ Ỗ Ộ · Nguyễn Thị Hồng Nhung",
            footer=self.tr("If every letter above has its marks, the printer is ready."),
            qr="counter-app:test",
        )
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Printing…"))
        desk = self.desk
        self.tasks.run(
            lambda: desk.print_test(edited, text),
            self._test_done,
            self._test_failed,
            always=lambda: self.test_button.setEnabled(True),
        )

    def _test_done(self, _result: object) -> None:
        self.test_result.setText(self.tr("The test ticket was sent to the printer."))
        set_status(self.test_result, "ok")
        self.test_printed.emit(True)

    def _test_failed(self, exc: BaseException) -> None:
        # The usual path says what failed (the printer's message beside the button); the mark
        # and the signal are this dialog's own.
        self.test_result.clear()
        self.tasks.report(exc, error_label=self.test_result)
        set_status(self.test_result, "error")
        self.test_printed.emit(False)
