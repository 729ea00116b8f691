"""What the waiting room hears when a number is called.

"Mời công dân có số thứ tự A không không một đến quầy số ba": the wording is a setting with
{ticket} and {counter} in it. The ticket is read letter by letter and digit by digit, as offices
announce; the counter number as a number ("mười hai"). The same call is given as text, for a
Vietnamese system voice, and as a list of recorded clips, for machines without one.
"""

from __future__ import annotations

import re
import string
from typing import Protocol

from counter_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counter_app.domain.queue import spoken_ticket
from counter_app.domain.text import fold

DEFAULT_WORDING = "Mời công dân có số thứ tự {ticket} đến quầy số {counter}"
_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Vietnamese names of the letters a ticket prefix may use (A-Z).
LETTER_NAMES = {
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "E": "e", "F": "ép", "G": "giê", "H": "hát", "I": "i",
    "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o", "P": "pê", "Q": "quy",
    "R": "e rờ", "S": "ét xì", "T": "tê", "U": "u", "V": "vê", "W": "vê kép", "X": "ích xì",
    "Y": "i dài", "Z": "dét",
}  # fmt: skip
COUNTER_CLIPS = 30  # counters 1-30 have a whole-number clip; higher ones are read digit by digit


def number_words(n: int) -> str:
    """1-99 in Vietnamese words: mười, mười lăm, hai mươi mốt, chín mươi chín."""
    if not 0 < n < 100:
        raise ValueError("counter numbers run from 1 to 99")
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _UNITS[unit]
    head = "mười" if tens == 1 else f"{_UNITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        return f"{head} lăm"
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    return f"{head} {_UNITS[unit]}"


def validate_wording(wording: str) -> str:
    try:
        fields = sorted(name for _, name, _, _ in string.Formatter().parse(wording) if name is not None)
    except ValueError:
        fields = []
    if fields != ["counter", "ticket"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain", "The call wording must contain {{ticket}} and {{counter}} once each."
            ),
            field="voice.wording",
        )
    return wording


def announcement_text(wording: str, label: str, counter: int) -> str:
    ticket = " ".join(
        LETTER_NAMES.get(w, w) if len(w) == 1 and w.isalpha() else w for w in spoken_ticket(label)
    )
    return wording.format(ticket=ticket, counter=number_words(counter))


def phrase_key(text: str) -> str:
    """The clip name of a fixed phrase: its words without diacritics, joined by dashes."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


def announcement_clips(wording: str, label: str, counter: int) -> list[str]:
    """Clip names in reading order: phrase/…, letter/A, digit/0, counter/3."""
    clips: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(wording):
        if literal.strip():
            clips.append(f"phrase/{phrase_key(literal)}")
        if name == "ticket":
            clips += [f"letter/{c}" if c.isalpha() else f"digit/{c}" for c in label]
        elif name == "counter":
            if counter <= COUNTER_CLIPS:
                clips.append(f"counter/{counter}")
            else:
                clips += [f"digit/{d}" for d in str(counter)]
    return clips


class CallAnnouncer(Protocol):
    """Reads calls aloud, in order, off the caller's thread (``devices.audio.Announcer``)."""

    def announce(self, label: str, counter: int) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...
