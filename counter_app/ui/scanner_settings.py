"""The scanner part of the settings: which backend and device, the resolution, a test page, and
whether OCR is on. Listing devices and the test scan run on a worker through ScannerSetup (the
devices are the composition root's to open): SANE may take seconds to look through USB and the
network."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.services.scanner_setup import FoundScanner, OcrAvailability, ScannedTestPage, ScannerSetup
from counter_app.settings import ScannerKind, ScannerSettings
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.theme import set_status


class ScannerGroup(QGroupBox):
    tested = Signal(bool)

    def __init__(
        self,
        current: ScannerSettings,
        tasks: TaskRunner,
        scanners: ScannerSetup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scanner (this computer)"))
        self.tasks = tasks
        self.scanners = scanners
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
        self.device.setMinimumWidth(240)
        self.device.setEditText(current.device)
        self.find_button = QPushButton(self.tr("Find scanners"))
        self.dpi = QComboBox()
        self.dpi.addItem(self.tr("300 dpi (default, TT 03/2025)"), 300)
        self.dpi.addItem(self.tr("200 dpi (ordinary papers)"), 200)
        self.dpi.setCurrentIndex(max(0, self.dpi.findData(current.dpi)))
        for whole in (self.kind, self.dpi):  # every choice read in full, not cut at the box's edge
            whole.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.test_button = QPushButton(self.tr("Scan a test page"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.ocr_state = QLabel(self.tr("Checking for Tesseract…"))
        self.ocr_state.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Connection"), self.kind)
        form.addRow(self.tr("Device"), self.device)
        form.addRow("", self.find_button)  # under the device: side by side they overlapped at 1366×768
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(self.test_button, self.test_result)
        form.addRow(self.tr("Text recognition"), self.ocr_state)
        self.kind.currentIndexChanged.connect(self._explain)
        self.find_button.clicked.connect(self.find_devices)
        self.test_button.clicked.connect(self.scan_test_page)
        self._explain()
        # Asking for Tesseract cannot fail (a missing program is "off"); anything else is reported.
        self.tasks.run(scanners.ocr, self._show_ocr)

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
        scanners = self.scanners
        self.tasks.run(lambda: scanners.devices(kind), self._found, self._failed, always=self._explain)

    def _found(self, devices: list[FoundScanner]) -> None:
        typed = self.device.currentText()
        self.device.clear()
        for found in devices:
            self.device.addItem(found.name, found.name)
            self.device.setItemData(self.device.count() - 1, found.description, Qt.ItemDataRole.ToolTipRole)
        if typed and self.device.findText(typed) < 0:
            self.device.setEditText(typed)
        self.test_result.setText(
            self.tr("%n scanner(s) found.", "", len(devices)) if devices else self.tr("No scanner found.")
        )
        set_status(self.test_result, "ok" if devices else "warn")

    def scan_test_page(self) -> None:
        settings, scanners = self.edited(), self.scanners
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Scanning a test page…"))
        set_status(self.test_result, "")
        self.tasks.run(
            lambda: scanners.test_scan(settings), self._scanned, self._failed, always=self._explain
        )

    def _scanned(self, scan: ScannedTestPage) -> None:
        if not scan.pages:
            self.test_result.setText(self.tr("The scanner answered but sent no page."))
            set_status(self.test_result, "warn")
            self.tested.emit(False)
            return
        self.test_result.setText(
            self.tr("The scanner works: one page of %1 × %2 pixels.")
            .replace("%1", str(scan.width))
            .replace("%2", str(scan.height))
        )
        set_status(self.test_result, "ok")
        self.tested.emit(True)

    def _failed(self, exc: BaseException) -> None:
        """Reported as usual (the scanner's own reason beside the button), and the result turns red."""
        self.test_result.clear()  # a failure that is not the scanner's is shown in a box instead
        set_status(self.test_result, "error")
        self.tested.emit(False)
        self.tasks.report(exc, error_label=self.test_result)

    def _show_ocr(self, found: OcrAvailability) -> None:
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
