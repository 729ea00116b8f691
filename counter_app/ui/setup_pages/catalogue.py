"""Page 5 of the first-run wizard: the procedure catalogue, the bundled sample or the province's file.

The choice is read and checked as soon as it is made, off the GUI thread, so that a wrong file is
refused on this page and not at Finish; Finish imports what was read here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalogue import Catalogue, parse_catalogue
from counter_app.domain.errors import DomainError
from counter_app.services.catalogue import load_catalogue_file
from counter_app.services.demo import demo_catalogue_text
from counter_app.ui.common.file_dialogs import file_dialog_options
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import failure_text, show_failure
from counter_app.ui.i18n import domain_text
from counter_app.ui.setup_pages.base import PageError, SetupPage, line_edit
from counter_app.ui.theme import set_status


def read_bundled() -> Catalogue:
    return parse_catalogue(demo_catalogue_text())


class CataloguePage(SetupPage):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Catalogue of administrative procedures"),
            self.tr(
                "The clerk's checklists and the kiosk's guide come only from the catalogue. "
                "It can be replaced later from the Catalogue menu."
            ),
            parent,
        )
        self.tasks = tasks
        self.catalogue: Catalogue | None = None
        self.loading = False
        self.refusal = ""  # why the chosen file was refused, said again when Next is pressed
        group = QButtonGroup(self)
        self.bundled = QRadioButton(self.tr("The sample catalogue that comes with the program"))
        self.bundled.setObjectName("catalogueBundled")
        self.from_file = QRadioButton(
            self.tr("A catalogue file (JSON), such as the one published by the province")
        )
        self.from_file.setObjectName("catalogueFromFile")
        group.addButton(self.bundled)
        group.addButton(self.from_file)
        self.bundled.setChecked(True)
        self.path = line_edit("catalogueFile", placeholder=self.tr("no file chosen yet"))
        self.path.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("chooseCatalogueButton")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(28, 0, 0, 0)  # under its radio button
        file_row.addWidget(self.with_error(self.path, "catalogue"), 1)
        file_row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        self.status = QLabel()
        self.status.setObjectName("catalogueStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bundled)
        layout.addSpacing(8)
        layout.addWidget(self.from_file)
        layout.addLayout(file_row)
        layout.addSpacing(12)
        layout.addWidget(self.status)
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        self.bundled.toggled.connect(lambda on: self._reload() if on else None)
        self.from_file.toggled.connect(lambda on: self._reload() if on else None)

    def initializePage(self) -> None:
        if self.catalogue is None and not self.loading:
            self._reload()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the catalogue file"),
            str(Path(self.path.text()).parent) if self.path.text() else QDir.homePath(),
            self.tr("Catalogue (*.json)"),
            options=file_dialog_options(),
        )
        if not path:
            return
        self.path.setText(path)
        if self.from_file.isChecked():
            self._reload()
        else:
            self.from_file.setChecked(True)  # reloads through its toggled signal

    def _reload(self) -> None:
        self.clear_errors()
        self.catalogue = None
        self.refusal = ""
        if self.from_file.isChecked() and not self.path.text():
            self.status.setText(self.tr("Choose the catalogue file."))
            set_status(self.status, "")
            return
        self.loading = True
        self.status.setText(self.tr("Reading the catalogue…"))
        set_status(self.status, "")
        self.setCursor(Qt.CursorShape.BusyCursor)
        if self.from_file.isChecked():
            path = Path(self.path.text())
            self.tasks.run(lambda: load_catalogue_file(path), self._read, self._failed, key="catalogue")
        else:
            self.tasks.run(read_bundled, self._read, self._failed, key="catalogue")

    def _read(self, catalogue: Catalogue) -> None:
        self._done()
        self.catalogue = catalogue
        count = len(catalogue.procedures)
        text = self.tr("%n procedure(s) ready to import.", "", count)
        if catalogue.version:
            text += " " + self.tr("Version: %1").replace("%1", catalogue.version)
        self.status.setText(text)
        set_status(self.status, "ok")

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self.status.clear()
        if isinstance(exc, DomainError):
            self.refusal = domain_text(exc)
        elif isinstance(exc, OSError):  # gone, a folder, unreadable: said like a wrong file
            failure, text = failure_text(exc)
            self.refusal = (
                self.tr("The file %1 cannot be read.").replace("%1", Path(self.path.text()).name)
                if failure.is_bug
                else text
            )
        else:
            show_failure(self, exc)
            return
        self.show_error("catalogue", self.refusal)

    def _done(self) -> None:
        self.loading = False
        self.unsetCursor()

    def check(self) -> None:
        if self.loading:
            raise PageError("catalogue", self.tr("The catalogue is still being read: a moment, please."))
        if self.catalogue is None:
            raise PageError("catalogue", self.refusal or self.tr("Choose the catalogue file."))
