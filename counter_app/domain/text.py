"""Vietnamese text handling: NFC normalisation and diacritic folding for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a mark: NFD does not split them.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Normalise to NFC and trim, so that stored and compared text has one form."""
    return unicodedata.normalize("NFC", text).strip()


def clean_line(text: str) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space."""
    return _SPACES.sub(" ", nfc(text))


def fold(text: str) -> str:
    """Lower-case text without diacritics, for search: 'Nguyễn Đức' -> 'nguyen duc'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()
