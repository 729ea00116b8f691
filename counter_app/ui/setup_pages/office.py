"""Page 1 of the first-run wizard: the office's name, agency electronic ID and what the forms print."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.office_setup import check_office
from counter_app.settings import OfficeSettings
from counter_app.ui.setup_pages.base import SetupPage, line_edit


class OfficePage(SetupPage):
    def __init__(self, current: OfficeSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The office"),
            self.tr("Its name and agency electronic ID are printed on every form and ticket."),
            parent,
        )
        # The default settings describe the demo office: a new office starts from empty fields, while
        # the settings file of an earlier, interrupted set-up is offered again.
        blank = replace(current, name="", code="", parent_body="", place="", phone="")
        known = blank if current == OfficeSettings() else current
        self.current = current
        example = self.tr("e.g. %1")
        self.name = line_edit(
            "officeName", known.name, example.replace("%1", "Trung tâm Phục vụ hành chính công xã Minh Khai")
        )
        self.code = line_edit("officeCode", known.code, example.replace("%1", "000.00.06.H56"))
        self.code.setMaxLength(40)
        self.parent_body = line_edit(
            "parentBody", known.parent_body, example.replace("%1", "Ủy ban nhân dân xã Minh Khai")
        )
        self.place = line_edit("place", known.place, example.replace("%1", "Minh Khai"))
        self.phone = line_edit("phone", known.phone, self.tr("printed on the request for missing papers"))
        intro = QLabel(
            self.tr(
                "This computer has no office set up yet. The next pages set up the office, its service "
                "areas and counters, this computer, the catalogue of procedures and the first accounts. "
                "Nothing is saved until you press Finish."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.with_error(self.name, "office.name"))
        form.addRow(self.tr("Agency electronic ID"), self.with_error(self.code, "office.code"))
        form.addRow(self.tr("Parent body"), self.with_error(self.parent_body, "office.parent_body"))
        form.addRow(self.tr("Place name on forms"), self.with_error(self.place, "office.place"))
        form.addRow(self.tr("Office phone (optional)"), self.with_error(self.phone, "office.phone"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.page_error)
        layout.addStretch(1)

    def office(self) -> OfficeSettings:
        """What is typed, trimmed; the checks run on it."""
        return replace(
            self.current,
            name=self.name.text(),
            code=self.code.text(),
            parent_body=self.parent_body.text(),
            place=self.place.text(),
            phone=self.phone.text(),
        )

    def check(self) -> None:
        check_office(self.office())
