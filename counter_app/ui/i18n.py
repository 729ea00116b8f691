"""Translations through Qt's system: English source strings, Vietnamese by default.

resources/translations/counter_app_vi.ts is edited in Qt Linguist and compiled to .qm by
``make translations``. Domain messages are translated in the "Domain" context.

Qt's own words (file dialogs, the standard buttons of message boxes, the menus of text fields, scroll
bars, the print dialogs) come from resources/translations/qtbase_vi.qm, a second translator: Qt ships
no Vietnamese of its own. Its .ts holds only what this program can show, under Qt's own contexts.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from counter_app.domain.errors import TRANSLATION_CONTEXT, DomainError, Message
from counter_app.paths import resources_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_language = ["vi"]  # the interface language once chosen; command-line messages follow it


def translations_file(language: str) -> str:
    return str(resources_dir() / "translations" / f"counter_app_{language}.qm")


def load_translator(language: str) -> QTranslator | None:
    """A translator for ``language``, or None for English (the source language)."""
    if language == "en":
        return None
    translator = QTranslator()
    if not translator.load(translations_file(language)):
        log.error(
            "translation file %s is missing: the interface falls back to English", translations_file(language)
        )
        return None
    return translator


def qt_translations_file(language: str) -> str:
    return str(resources_dir() / "translations" / f"qtbase_{language}.qm")


def load_qt_translator(language: str) -> QTranslator | None:
    """Qt's own strings (dialogs, standard buttons, context menus) in ``language``; None for English."""
    if language == "en":
        return None
    translator = QTranslator()
    if not translator.load(qt_translations_file(language)):
        log.error(
            "Qt translation file %s is missing: file dialogs, standard buttons and context menus "
            "fall back to English",
            qt_translations_file(language),
        )
        return None
    return translator


def install_translation(app: QCoreApplication, language: str) -> None:
    _language[0] = language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    for translator in (load_translator(language), load_qt_translator(language)):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tr_domain(text: str) -> str:
    return nfc(QCoreApplication.translate(TRANSLATION_CONTEXT, text))


def domain_text(message: Message) -> str:
    """A domain error or message in the interface language (needs an installed translator).

    It begins with a capital, as a sentence does: a template may begin with a term filled in
    lower case ("{field} phải có đúng 12 chữ số" with "số định danh người nộp").
    """
    text = nfc(message.message(lambda ctx, text: QCoreApplication.translate(ctx, text)))
    return text[:1].upper() + text[1:]


def _standalone(language: str) -> QTranslator | None:
    # Before a QApplication exists the translator is asked directly.
    return load_translator(language)


def domain_message(error: DomainError, language: str) -> str:
    translator = _standalone(language)
    if translator is None:
        return error.message()
    return nfc(error.message(lambda ctx, text: translator.translate(ctx, text) or text))


def tr_plain(text: str, language: str | None = None, context: str = TRANSLATION_CONTEXT) -> str:
    """A marked text in ``language`` without a running application."""
    if not text:
        return text
    translator = _standalone(language or _language[0])
    return nfc((translator.translate(context, text) if translator else "") or text)


def cli_translate(text: str, language: str | None = None, **params: Any) -> str:
    """A command-line message, translated without a running application."""
    translator = _standalone(language or _language[0])
    translated = (translator.translate("CommandLine", text) if translator else "") or text
    return nfc(translated.format(**params))


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# Command-line messages, listed so that lupdate extracts them.
_CLI_MESSAGES = (
    QT_TRANSLATE_NOOP("CommandLine", "Invalid command-line option: {detail}. See counter-app --help."),
    QT_TRANSLATE_NOOP("CommandLine", "Cannot use the data folder {path}: {reason}"),
    QT_TRANSLATE_NOOP("CommandLine", "Cannot open the database: {reason}"),
    QT_TRANSLATE_NOOP("CommandLine", "Screenshot saved to {path}"),
    QT_TRANSLATE_NOOP("CommandLine", "Cannot save the screenshot to {path}"),
    QT_TRANSLATE_NOOP("CommandLine", "No account named {name}"),
    QT_TRANSLATE_NOOP(
        "CommandLine", "Catalogue imported: {added} added, {updated} updated, {retired} no longer in use."
    ),
    QT_TRANSLATE_NOOP("CommandLine", "{count} procedures exported to {path}."),
)
