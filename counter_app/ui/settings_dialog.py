"""Office settings: name, code, database. Values are validated before anything is saved."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app import settings as settings_module
from counter_app.domain.errors import DomainError
from counter_app.settings import Settings
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text


class SettingsDialog(QDialog):
    def __init__(self, current: Settings, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.original = current
        self.saved: Settings | None = None
        self.setWindowTitle(self.tr("Office settings"))
        self.setMinimumWidth(640)
        self.office_name = QLineEdit(current.office.name)
        self.office_code = QLineEdit(current.office.code)
        self.office_code.setPlaceholderText("000.00.06.H56")
        self.parent_body = QLineEdit(current.office.parent_body)
        self.place = QLineEdit(current.office.place)
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
        form.addRow(self.tr("This PC's counter number"), self.counter_number)
        form.addRow(self.tr("Database address"), self.database_url)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new database address or language takes effect when the program restarts."))
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        save = QPushButton(self.tr("Save"))
        save.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    def edited(self) -> Settings:
        result = copy.deepcopy(self.original)
        result.office.name = self.office_name.text()
        result.office.code = self.office_code.text().strip()
        result.office.parent_body = self.parent_body.text()
        result.office.place = self.place.text()
        result.counter_number = self.counter_number.value()
        result.database_url = self.database_url.text().strip()
        result.language = str(self.language.currentData())
        return settings_module.from_dict(settings_module.to_dict(result))  # normalised like a loaded file

    def save(self) -> None:
        try:
            candidate = self.edited()
            settings_module.save(candidate, self.path)
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            return
        except OSError as exc:
            show_failure(self, exc)
            return
        self.saved = candidate
        self.accept()
