"""The scanner part of the settings: which backend and device, the resolution, a test page, and
whether OCR is on. Listing devices and the test scan run on a worker: SANE may take seconds to
look through USB and the network."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.devices.scanner import ColourMode, ScanRequest, Source
from counter_app.devices.scanners import list_devices, open_scanner
from counter_app.imaging import ocr
from counter_app.settings import ScannerKind, ScannerSettings
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import failure_text
from counter_app.ui.theme import set_status


class ScannerGroup(QGroupBox):
    tested = Signal(bool)

    def __init__(self, current: ScannerSettings, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scanner (this computer)"))
        self.tasks = tasks
        self.kind = QComboBox()
        for kind, text in (
            (ScannerKind.NONE, self.tr("None: papers are imported from files")),
            (ScannerKind.SANE, self.tr("SANE (Linux: USB or network scanners)")),
            (ScannerKind.WIA, self.tr("WIA (Windows scanner drivers)")),
            (ScannerKind.ESCL, self.tr("Network copier (eSCL / AirScan)")),
            (ScannerKind.FOLDER, self.tr("A folder the copier scans into")),
        ):
            self.kind.addItem(text, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind.value)))
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setMinimumWidth(320)
        self.device.setEditText(current.device)
        self.find_button = QPushButton(self.tr("Find scanners"))
        device_row = QHBoxLayout()
        device_row.addWidget(self.device, 1)
        device_row.addWidget(self.find_button)
        self.dpi = QComboBox()
        self.dpi.addItem(self.tr("300 dpi (default, TT 03/2025)"), 300)
        self.dpi.addItem(self.tr("200 dpi (ordinary papers)"), 200)
        self.dpi.setCurrentIndex(max(0, self.dpi.findData(current.dpi)))
        self.test_button = QPushButton(self.tr("Scan a test page"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.ocr_state = QLabel(self.tr("Checking for Tesseract…"))
        self.ocr_state.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Connection"), self.kind)
        form.addRow(self.tr("Device"), device_row)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(self.test_button, self.test_result)
        form.addRow(self.tr("Text recognition"), self.ocr_state)
        self.kind.currentIndexChanged.connect(self._explain)
        self.find_button.clicked.connect(self.find_devices)
        self.test_button.clicked.connect(self.scan_test_page)
        self._explain()
        self.tasks.run(ocr.availability, self._show_ocr, lambda _: None)

    def edited(self) -> ScannerSettings:
        return ScannerSettings(
            ScannerKind(self.kind.currentData()),
            self.device.currentText().strip(),
            int(self.dpi.currentData()),
        )

    def _explain(self) -> None:
        kind = ScannerKind(self.kind.currentData())
        hints = {
            ScannerKind.NONE: "",
            ScannerKind.SANE: self.tr("e.g. genesys:libusb:001:004 (press Find scanners)"),
            ScannerKind.WIA: self.tr("press Find scanners"),
            ScannerKind.ESCL: self.tr("e.g. http://192.168.1.20:8080 (the copier's address)"),
            ScannerKind.FOLDER: self.tr("e.g. D:\\Scans or a USB stick"),
        }
        editor = self.device.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(hints[kind])
        self.device.setEnabled(kind is not ScannerKind.NONE)
        self.find_button.setEnabled(kind in (ScannerKind.SANE, ScannerKind.WIA))
        self.test_button.setEnabled(kind in (ScannerKind.SANE, ScannerKind.WIA, ScannerKind.ESCL))

    def find_devices(self) -> None:
        kind = ScannerKind(self.kind.currentData())
        self.find_button.setEnabled(False)
        self.test_result.setText(self.tr("Looking for scanners…"))
        set_status(self.test_result, "")
        self.tasks.run(lambda: list_devices(kind), self._found, self._failed)

    def _found(self, devices: list[tuple[str, str]]) -> None:
        self.find_button.setEnabled(True)
        typed = self.device.currentText()
        self.device.clear()
        for name, description in devices:
            self.device.addItem(name, name)
            self.device.setItemData(self.device.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        if typed and self.device.findText(typed) < 0:
            self.device.setEditText(typed)
        self.test_result.setText(
            self.tr("%n scanner(s) found.", "", len(devices)) if devices else self.tr("No scanner found.")
        )
        set_status(self.test_result, "ok" if devices else "warn")

    def scan_test_page(self) -> None:
        settings = self.edited()
        request = ScanRequest(Source.FLATBED, settings.dpi, ColourMode.COLOUR)
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Scanning a test page…"))
        set_status(self.test_result, "")
        self.tasks.run(lambda: open_scanner(settings).scan(request), self._scanned, self._failed)

    def _scanned(self, pages: list[object]) -> None:
        self.test_button.setEnabled(True)
        if not pages:
            self.test_result.setText(self.tr("The scanner answered but sent no page."))
            set_status(self.test_result, "warn")
            self.tested.emit(False)
            return
        page = pages[0]
        size = getattr(page, "size", (0, 0))
        self.test_result.setText(
            self.tr("The scanner works: one page of %1 × %2 pixels.")
            .replace("%1", str(size[0]))
            .replace("%2", str(size[1]))
        )
        set_status(self.test_result, "ok")
        self.tested.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.find_button.setEnabled(
            ScannerKind(self.kind.currentData()) in (ScannerKind.SANE, ScannerKind.WIA)
        )
        self.test_result.setText(failure_text(exc)[1])
        set_status(self.test_result, "error")
        self.tested.emit(False)

    def _show_ocr(self, found: ocr.OcrAvailability) -> None:
        if found.ready:
            self.ocr_state.setText(
                self.tr("On: %1 with Vietnamese reads the scanned papers in the background.").replace(
                    "%1", found.version
                )
            )
            set_status(self.ocr_state, "ok")
        elif found.program:
            self.ocr_state.setText(
                self.tr("Off: Tesseract is installed without its Vietnamese data (tesseract-ocr-vie).")
            )
            set_status(self.ocr_state, "warn")
        else:
            self.ocr_state.setText(
                self.tr(
                    "Off: Tesseract is not installed. Scanning works; papers are not searchable by "
                    "their text until it is."
                )
            )
            set_status(self.ocr_state, "warn")
