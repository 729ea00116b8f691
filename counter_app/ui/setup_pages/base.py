"""What every page of the first-run wizard shares: fields with their own red error line, and checks
that keep the wizard on the page until they pass."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from counter_app.domain.errors import DomainError, ValidationError
from counter_app.ui.common.widgets import error_label
from counter_app.ui.i18n import domain_text


class PageError(Exception):
    """A check of the page itself (not of the domain) failed: ``text`` is already translated."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(text)
        self.key = key
        self.text = text


def _forget(label: QLabel) -> None:
    label.clear()
    label.hide()


def line_edit(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class _ReturnKey(QObject):
    """Return in a field runs the field's own action: in a wizard it would otherwise press Next."""

    def __init__(self, field: QWidget, action: Callable[[], None]) -> None:
        super().__init__(field)
        self.action = action
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.action()
            return True
        return False


def on_return(field: QWidget, action: Callable[[], None]) -> None:
    _ReturnKey(field, action)


class SetupPage(QWizardPage):
    """A page whose check names the field at fault; the message appears in red just under that field."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error_labels: dict[str, QLabel] = {}
        self.error_fields: dict[str, QWidget] = {}
        self.page_error = self._new_error_label("")  # for what belongs to no single field

    def _new_error_label(self, key: str) -> QLabel:
        label = error_label()
        label.setProperty("field", key)  # tests and screen readers find which field it speaks of
        label.hide()  # no empty gap under every field until something is wrong
        return label

    def with_error(self, widget: QWidget, key: str) -> QWidget:
        """``widget`` over its error line, to put in a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = self._new_error_label(key)
        layout.addWidget(label)
        self.error_labels[key] = label
        self.error_fields[key] = widget
        # A message about what is no longer there misleads: it goes as soon as the field changes.
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: _forget(label))
        return box

    def error_line(self, key: str) -> QLabel:
        """An error line of its own for ``key`` (under a group rather than one field)."""
        label = self._new_error_label(key)
        self.error_labels[key] = label
        return label

    def clear_errors(self) -> None:
        for label in [*self.error_labels.values(), self.page_error]:
            label.clear()
            label.hide()

    def show_error(self, key: str, text: str) -> None:
        label = self.error_labels.get(key, self.page_error)
        label.setText(text)
        label.show()
        field = self.error_fields.get(key)
        if field is not None:
            field.setFocus()

    def show_exception(self, exc: BaseException) -> bool:
        """Show a page or domain check's failure; False for anything else (the caller reports it)."""
        if isinstance(exc, PageError):
            self.show_error(exc.key, exc.text)
        elif isinstance(exc, ValidationError):
            self.show_error(exc.field, domain_text(exc))
        elif isinstance(exc, DomainError):
            self.show_error("", domain_text(exc))
        else:
            return False
        return True

    def check(self) -> None:
        """Raise PageError or a DomainError naming the field when something on the page is wrong."""

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            self.check()
        except (PageError, DomainError) as exc:
            self.show_exception(exc)
            return False
        return True
