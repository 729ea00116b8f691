"""JSON parsing that remembers the line of every object and key, so errors can name them.

The standard decoder drops positions; this one swaps in an object parser that mirrors
the pure-Python one in :mod:`json.decoder` and records where each key stands.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable
from json.decoder import JSONDecodeError
from typing import Any

# Internals of the json module that its type stubs do not declare.
WHITESPACE: re.Pattern[str] = json.decoder.WHITESPACE  # type: ignore[attr-defined]
scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_make_scanner: Callable[[json.JSONDecoder], Any] = json.scanner.py_make_scanner  # type: ignore[attr-defined]

_WS = " \t\n\r"


class LocatedObject(dict[str, Any]):
    """A JSON object with the line it starts on and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__()
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self._line_starts = starts
        self.parse_object = self._parse_object
        self.scan_once = _make_scanner(self)

    def _line(self, index: int) -> int:
        return bisect.bisect_right(self._line_starts, index)

    def _parse_object(
        self,
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: Any,
        object_hook: Any,
        object_pairs_hook: Any,
        memo: Any = None,
    ) -> tuple[LocatedObject, int]:
        s, end = s_and_end
        obj = LocatedObject(self._line(end - 1))
        nextchar = s[end : end + 1]
        if nextchar != '"':
            if nextchar in _WS:
                end = WHITESPACE.match(s, end).end()  # type: ignore[union-attr]
                nextchar = s[end : end + 1]
            if nextchar == "}":
                return obj, end + 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key_line = self._line(end - 1)
            key, end = scanstring(s, end, strict)
            obj.key_lines[key] = key_line
            if s[end : end + 1] != ":":
                end = WHITESPACE.match(s, end).end()  # type: ignore[union-attr]
                if s[end : end + 1] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end += 1
            end = WHITESPACE.match(s, end).end()  # type: ignore[union-attr]
            try:
                value, end = scan_once(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            obj[key] = value
            end = WHITESPACE.match(s, end).end()  # type: ignore[union-attr]
            nextchar = s[end : end + 1]
            end += 1
            if nextchar == "}":
                break
            if nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = WHITESPACE.match(s, end).end()  # type: ignore[union-attr]
            nextchar = s[end : end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        return obj, end


def loads_located(text: str) -> Any:
    """Parse JSON text; every object in the result is a :class:`LocatedObject`."""
    return _LocatingDecoder(text).decode(text)
