"""Vietnamese text for printers that have a Vietnamese code page (domain.md §12).

Two encodings exist in ESC/POS firmware, and python-escpos's printer profiles say which
printer has which (its capabilities.json):

- **CP1258** (Windows Vietnamese) holds the base letters â ê ô ơ ư ă đ but not the 90-odd
  toned letters: a tone is a combining mark printed after its letter. Python's ``cp1258``
  codec refuses "ễ"; we split it into "ê" and the combining tilde first.
- **TCVN-3** (ABC) holds every toned lower-case letter in one table and the upper-case ones in
  a second table; a line that mixes both switches tables between characters.

python-escpos's own "magic" encoder picks code pages per character and gets both wrong for
Vietnamese, so the ticket's text is encoded here and sent raw after ``ESC t n``. Which model has
which page, and its number, is the domain's table (domain/equipment.py), copied from those profiles.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below


@cache
def _capabilities() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("escpos").joinpath("capabilities.json").read_text("utf-8")
    )
    return data


def encode_cp1258(text: str) -> bytes:
    """``text`` in CP1258: base letter, then its tone as a combining mark. Unknown characters: '?'."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            out += b"?"
    return bytes(out)


@cache
def _tcvn3_tables() -> tuple[dict[str, int], dict[str, int]]:
    def table(name: str) -> dict[str, int]:
        rows = _capabilities()["encodings"][name]["data"]
        return {char: 0x80 + i for i, char in enumerate("".join(rows)) if char != " "}

    lower, upper = table("TCVN-3-1"), table("TCVN-3-2")
    upper.setdefault("Đ", upper.get("Ð", 0xA7))  # the table writes Đ as the look-alike Eth
    return lower, upper


@dataclass(frozen=True)
class Run:
    """Bytes to print after selecting ``table`` (1: lower-case letters, 2: upper-case)."""

    table: int
    data: bytes


def encode_tcvn3(text: str) -> list[Run]:
    """``text`` in TCVN-3, as runs that each need one of the two tables selected first."""
    lower, upper = _tcvn3_tables()
    runs: list[Run] = []
    table, data = 1, bytearray()
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            data.append(ord(char))
            continue
        if char in lower:
            wanted, byte = 1, lower[char]
        elif char in upper:
            wanted, byte = 2, upper[char]
        else:
            wanted, byte = table, ord("?")
        if wanted != table:
            if data:
                runs.append(Run(table, bytes(data)))
            table, data = wanted, bytearray()
        data.append(byte)
    if data or not runs:
        runs.append(Run(table, bytes(data)))
    return runs
