"""Domain errors whose messages are translated by the UI.

The domain cannot import Qt, so messages are English templates marked with
``QT_TRANSLATE_NOOP``: Qt's lupdate finds the marker by name and puts the text in the
translation files; the UI translates the template, then fills in the parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

TRANSLATION_CONTEXT = "Domain"

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


def _identity(_context: str, text: str) -> str:
    return text


class Term(str):
    """A parameter that is itself a translatable word (a field label, a status name)."""


class Message:
    """A translatable template with its parameters, rendered in the reader's language."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params: Mapping[str, Any] = params

    def message(self, translate: Translate = _identity) -> str:
        values = {
            key: translate(TRANSLATION_CONTEXT, value) if isinstance(value, Term) else value
            for key, value in self.params.items()
        }
        return translate(TRANSLATION_CONTEXT, self.template).format(**values)

    def __str__(self) -> str:
        return self.message()


class DomainError(Exception, Message):
    """A rule of the domain was broken; the message says which, in the user's language."""

    def __init__(self, template: str, **params: Any) -> None:
        Message.__init__(self, template, **params)
        Exception.__init__(self, self.message())

    def __str__(self) -> str:
        return self.message()


class ValidationError(DomainError):
    """Input that does not fit: names the field (and, for files, the line)."""

    def __init__(self, template: str, *, field: str = "", line: int | None = None, **params: Any) -> None:
        self.field = field
        self.line = line
        super().__init__(template, field=field, line=line, **params)


class NotFoundError(DomainError):
    """Something asked for by code or id does not exist."""
