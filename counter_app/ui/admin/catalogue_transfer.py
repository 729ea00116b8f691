"""Import the procedure catalogue from a file, or export it, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from counter_app.domain.errors import DomainError
from counter_app.domain.staff import StaffMember
from counter_app.services.catalogue import CatalogueService, ImportReport, load_catalogue_file
from counter_app.ui.common.file_dialogs import CATALOGUE_FILE_NAME, file_dialog_options
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text


class CatalogueTransfer(QObject):
    imported = Signal(object)  # ImportReport
    exported = Signal(int)
    failed = Signal(str)

    def __init__(self, catalogue: CatalogueService, parent: QWidget) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.window = parent
        self.tasks = TaskRunner(self)
        self.failed.connect(self._show_problem)

    def choose_and_import(self, actor: StaffMember) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import the procedure catalogue"),
            "",
            self.tr("Catalogue (*.json)"),
            options=file_dialog_options(),
        )
        if path:
            self.import_from(Path(path), actor)

    def choose_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the procedure catalogue"),
            CATALOGUE_FILE_NAME,
            self.tr("Catalogue (*.json)"),
            options=file_dialog_options(),
        )
        if path:
            self.export_to(Path(path))

    def import_from(self, path: Path, actor: StaffMember) -> None:
        self.tasks.run(
            lambda: self.catalogue.import_catalogue(actor, load_catalogue_file(path)),
            self._imported,
            self._failed,
        )

    def export_to(self, path: Path) -> None:
        self.tasks.run(lambda: self.catalogue.export_to_file(path), self.exported.emit, self._failed)

    def _imported(self, report: ImportReport) -> None:
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.failed.emit(domain_text(exc))
        else:
            show_failure(self.window, exc)

    def _show_problem(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Catalogue not imported"), text)


def import_summary(report: ImportReport) -> str:
    from PySide6.QtCore import QCoreApplication

    return (
        QCoreApplication.translate(
            "CatalogueTransfer", "Catalogue imported: %1 added, %2 updated, %3 no longer in use."
        )
        .replace("%1", str(report.added))
        .replace("%2", str(report.updated))
        .replace("%3", str(report.retired))
    )
