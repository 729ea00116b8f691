"""Python's argparse in Vietnamese: its own words, the ones no text of this program holds.

The help and the errors of ``counter-app`` mix two kinds of text. The program's own (the description,
every option's help, the metavars) go through Qt's translation system, in the "CommandLine" context of
counter_app_vi.ts. argparse's own words ("usage: ", the "options" heading, the help of -h and
--version, the error details) come from Python and are translated here, as Qt's own words are in
qtbase_vi.ts.

How, robustly on Python 3.11 to 3.13: the help never asks argparse for a word. The parser is built
without argparse's automatic -h and its default groups (``add_help=False``, one group of our own with a
translated title), -h/--help and --version get translated help texts explicitly (3.11 does not even
pass the --version help through gettext), and the formatter puts the translated "usage: " prefix
through ``HelpFormatter.add_usage(prefix=...)``, an argument every version has. Only the error details
are argparse's own sentences (``argparse._``, which is ``gettext.gettext``, and ``argparse.ngettext``):
while the command line is parsed, :func:`argparse_language` lends argparse a gettext of ours and gives
the original back afterwards. A message a later Python words differently stays English inside the
Vietnamese sentence: never a crash.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

# argparse's msgids (Lib/argparse.py, 3.11-3.13) -> Vietnamese. Placeholders stay as they are.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "Cách dùng: ",
    "options": "Tùy chọn",
    "positional arguments": "Tham số vị trí",
    "show this help message and exit": "hiển thị trợ giúp này rồi thoát",
    "show program's version number and exit": "hiển thị số phiên bản của chương trình rồi thoát",
    "unrecognized arguments: %s": "tham số không hợp lệ: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s"
    ),
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng được cùng với tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
}
_TABLES = {"vi": ARGPARSE_VI}


def argparse_text(text: str, language: str) -> str:
    """One of argparse's own texts in ``language`` (English, its source, when there is none)."""
    return _TABLES.get(language, {}).get(text, text)


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the "usage: " prefix in the interface language."""

    def __init__(self, prog: str, language: str) -> None:
        super().__init__(prog)
        self.language = language

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, argparse_text("usage: ", self.language) if prefix is None else prefix
        )


def formatter_for(language: str) -> Callable[..., argparse.HelpFormatter]:
    """A ``formatter_class`` for ArgumentParser: argparse calls it with ``prog=``."""

    def make(prog: str) -> argparse.HelpFormatter:
        return TranslatedHelpFormatter(prog, language)

    return make


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """argparse's error details in ``language`` while the block runs (the command line is parsed once,
    on the main thread, before anything else starts)."""
    table = _TABLES.get(language)
    if table is None:
        yield
        return
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext") if hasattr(argparse, name)}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    replacements: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    for name in saved:
        setattr(argparse, name, replacements[name])
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(argparse, name, original)
