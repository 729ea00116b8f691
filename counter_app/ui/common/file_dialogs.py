"""What the open and save dialogs offer: Qt's own translated dialog, and Vietnamese file names.

Native dialog or not: on Linux (and macOS) the static QFileDialog functions would open the desktop's
own dialog (GTK's, or the XDG desktop portal's), which speaks the desktop's language and never reads
qtbase_vi.qm: there the program asks for Qt's own widget dialog, which is Vietnamese. On Windows the
native Explorer dialog stays: it is the one the staff know (Quick access, network shares, USB sticks),
and it is Vietnamese on a Vietnamese Windows.

File names: the words of the document in Vietnamese, folded to plain ASCII (no diacritics, words
joined by hyphens), so that they survive every file system, zip tool, USB stick and e-mail unchanged,
and sort by date: ``so-theo-doi-ho-so-2025-01-01-den-2025-01-31.pdf``.
"""

from __future__ import annotations

import re
import sys
from datetime import date

from PySide6.QtWidgets import QFileDialog

from counter_app.domain.text import fold

CATALOGUE_FILE_NAME = "danh-muc-thu-tuc.json"
# The title printed on the fee receipt (documents/forms.py, fee_receipt).
FEE_RECEIPT_TITLE = "Biên lai thu phí, lệ phí"
_LONGEST_WORDS = 60


def file_dialog_options() -> QFileDialog.Option:
    """Options for every QFileDialog static function: Qt's translated dialog except on Windows."""
    if sys.platform == "win32":
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


def slug(text: str, longest: int = _LONGEST_WORDS) -> str:
    """Vietnamese words as a file name: 'Sổ theo dõi hồ sơ' -> 'so-theo-doi-ho-so'."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return words[:longest].rstrip("-")


def _code(dossier_code: str) -> str:
    # A dossier code keeps its capitals and dots (000.00.06.H56-231027-0361); a pattern set with
    # slashes or spaces cannot make a folder of it.
    return re.sub(r"[^A-Za-z0-9.\-]+", "-", dossier_code).strip("-.")


def form_file_name(dossier_code: str, title: str) -> str:
    """``000.00.06.H56-231027-0361_giay-tiep-nhan-ho-so-va-hen-tra-ket-qua.pdf``: code, then the
    form's title, as the scans of a dossier are named."""
    return f"{_code(dossier_code)}_{slug(title)}.pdf"


def register_file_name(start: date, end: date, field_name: str | None = None) -> str:
    """``so-theo-doi-ho-so-ho-tich-2025-01-01-den-2025-01-31.pdf`` (the field only when one was chosen)."""
    field = slug(field_name, 40) if field_name else ""
    return (
        "-".join(p for p in ("so-theo-doi-ho-so", field, f"{start:%Y-%m-%d}-den-{end:%Y-%m-%d}") if p)
        + ".pdf"
    )


def late_list_file_name(month: date) -> str:
    """``danh-sach-ho-so-tre-han-2025-01.pdf``: the month's late dossiers, posted in public."""
    return f"danh-sach-ho-so-tre-han-{month:%Y-%m}.pdf"
