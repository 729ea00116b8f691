"""The clerk's catalogue search: diacritic-free search, the component checklist and the due date."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.ui.common.formatting import procedure_html, processing_time_text
from counter_app.ui.common.tasks import TaskRunner


class CataloguePanel(QWidget):
    results_shown = Signal(int)

    def __init__(
        self,
        catalogue: CatalogueService,
        calendar: CalendarService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.calendar = calendar
        self.tasks = tasks
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name (accents optional), code or field"))
        self.search.setClearButtonEnabled(True)
        self.field = QComboBox()
        self.field.setMinimumWidth(220)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setAlternatingRowColors(True)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.field, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results)
        left_layout.addWidget(self.count_label)
        split.addWidget(left)
        split.addWidget(self.details)
        split.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.field.currentIndexChanged.connect(self.refresh)
        self.results.currentItemChanged.connect(self._show_current)
        hint = self.tr("Choose a procedure to see the papers it requires.")
        self.details.setHtml(f"<p>{hint}</p>")

    def load(self) -> None:
        """Fill the field list and the first results (in the background)."""
        self.tasks.run(self.catalogue.fields, self._fill_fields, key="fields")

    def _fill_fields(self, fields: list[object]) -> None:
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem(self.tr("All fields"), None)
        for f in fields:
            self.field.addItem(f"{f.name} ({f.procedures})", f.code)  # type: ignore[attr-defined]
        self.field.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        query, field_code = self.search.text(), self.field.currentData()
        self.tasks.run(
            lambda: self.catalogue.search(query, field_code=field_code, limit=200),
            self._show_results,
            key="search",
        )

    def _show_results(self, procedures: list[Procedure]) -> None:
        self.results.clear()
        for p in procedures:
            item = QListWidgetItem(f"{p.name}\n{p.code} · {processing_time_text(p.processing_time)}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        self.count_label.setText(self.tr("%n procedure(s) found", "", len(procedures)))
        if procedures:
            self.results.setCurrentRow(0)
        self.results_shown.emit(len(procedures))

    def _show_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        procedure: Procedure = item.data(Qt.ItemDataRole.UserRole)
        appointment = self.calendar.calendar().appointment(now_vn(), procedure.processing_time)
        self.details.setHtml(procedure_html(procedure, appointment))
