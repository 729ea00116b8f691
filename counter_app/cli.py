"""The command line: ``counter-app --role counter|kiosk|display [--screenshot FILE] …``.

Every mistake on the command line, in the settings or in the database address ends with
one clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from counter_app import __version__
from counter_app.argparse_vi import argparse_language, argparse_text, formatter_for
from counter_app.domain.errors import DomainError
from counter_app.logging_setup import setup_logging
from counter_app.paths import AppPaths
from counter_app.settings import Settings, load
from counter_app.storage.database import parse_database_url

ROLES = ("counter", "kiosk", "display")
EXIT_USAGE = 2
EXIT_FAILURE = 1


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser(language: str = "vi") -> argparse.ArgumentParser:
    """The parser, its help in ``language``: the program's texts through the "CommandLine" context of
    counter_app_vi.ts, argparse's own words (usage, headings, -h and --version) through argparse_vi.

    Options go into ``options`` (the only heading), never ``parser.add_argument``: argparse's own
    group would print a second, English "options:" heading.
    """
    from counter_app.ui.i18n import QT_TRANSLATE_NOOP, cli_translate

    def tr(text: str) -> str:
        return cli_translate(text, language)

    parser = _Parser(
        prog="counter-app",
        description=tr(QT_TRANSLATE_NOOP("CommandLine", "Counter software for a one-stop office.")),
        formatter_class=formatter_for(language),
        add_help=False,
    )
    options = parser.add_argument_group(argparse_text("options", language))
    options.add_argument(
        "-h", "--help", action="help", help=argparse_text("show this help message and exit", language)
    )
    file = tr(QT_TRANSLATE_NOOP("CommandLine", "FILE"))  # metavars, as the help texts name them
    folder = tr(QT_TRANSLATE_NOOP("CommandLine", "DIR"))
    options.add_argument(
        "--role",
        choices=ROLES,
        help=tr(
            QT_TRANSLATE_NOOP("CommandLine", "which window to open (default: this PC's role in its settings)")
        ),
    )
    options.add_argument(
        "--screenshot",
        metavar=file,
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "render the window offscreen to a PNG and exit")),
    )
    options.add_argument(
        "--home",
        metavar=folder,
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "keep data, settings and logs under DIR (portable)")),
    )
    options.add_argument(
        "--database",
        metavar="URL",
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "sqlite:///PATH or postgresql://… (overrides settings)")),
    )
    options.add_argument(
        "--language",
        choices=("vi", "en"),
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "interface language (default: settings)")),
    )
    options.add_argument(
        "--demo",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "fill an empty database with demo data")),
    )
    options.add_argument(
        "--province",
        metavar="URL",
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "sync with the reference provincial server at URL, with its demo credential (make run)",
            )
        ),
    )
    options.add_argument(
        "--user",
        metavar=tr(QT_TRANSLATE_NOOP("CommandLine", "NAME")),
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "with --screenshot: render as this signed-in account")),
    )
    options.add_argument(
        "--import-catalogue",
        metavar=file,
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "import the procedure catalogue (JSON) and exit")),
    )
    options.add_argument(
        "--export-catalogue",
        metavar=file,
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "export the procedure catalogue (JSON) and exit")),
    )
    options.add_argument(
        "--no-restart",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine", "run the window in this process, without starting it again if it crashes"
            )
        ),
    )
    # Set by the supervisor on the process it starts and watches.
    options.add_argument("--supervised", action="store_true", help=argparse.SUPPRESS)
    options.add_argument(
        "--version",
        action="version",
        version=f"counter-app {__version__}",
        help=argparse_text("show program's version number and exit", language),
    )
    return parser


def interface_language(argv: Sequence[str]) -> str:
    """The language of the help and of the messages given before the settings are read: --language on
    the same command line, else the settings' language (under --home or COUNTER_APP_HOME), else vi."""
    peek = _Parser(add_help=False)
    peek.add_argument("--language", choices=("vi", "en"))
    peek.add_argument("--home")
    try:
        known, _ = peek.parse_known_args(list(argv))
    except UsageError:
        return "vi"  # the real parser says what is wrong
    if known.language:
        return str(known.language)
    try:
        return load(AppPaths.resolve(known.home).settings_file).language
    except (DomainError, OSError, ValueError):
        return "vi"  # main() reports a damaged settings file


def supervise(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Run the window in a child process that is started again whenever it dies."""
    from counter_app.supervisor import Supervisor, child_command

    return Supervisor(args.role, child_command(argv)).run()


def _fail(message: str, code: int) -> int:
    print(f"counter-app: {message}", file=sys.stderr)
    return code


def transfer_catalogue(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    """Import or export the catalogue without opening a window."""
    from counter_app.app import build_context
    from counter_app.failures import classify
    from counter_app.services.catalogue import load_catalogue_file
    from counter_app.ui.i18n import cli_translate, domain_message, tr_plain

    language = settings.language
    try:
        context = build_context(paths, settings, database_override=args.database, demo=args.demo)
    except DomainError as exc:
        return _fail(domain_message(exc, language), EXIT_USAGE)
    except Exception as exc:
        logging.getLogger(__name__).error("cannot open the database", exc_info=True)
        return _fail(
            cli_translate(
                "Cannot open the database: {reason}",
                language,
                reason=tr_plain(classify(exc).template, language),
            ),
            EXIT_FAILURE,
        )
    try:
        if args.import_catalogue:
            report = context.catalogue.import_catalogue(
                None, load_catalogue_file(Path(args.import_catalogue))
            )
            print(
                cli_translate(
                    "Catalogue imported: {added} added, {updated} updated, {retired} no longer in use.",
                    language,
                    added=report.added,
                    updated=report.updated,
                    retired=report.retired,
                )
            )
        if args.export_catalogue:
            count = context.catalogue.export_to_file(Path(args.export_catalogue))
            print(
                cli_translate(
                    "{count} procedures exported to {path}.",
                    language,
                    count=count,
                    path=args.export_catalogue,
                )
            )
    except DomainError as exc:
        return _fail(domain_message(exc, language), EXIT_USAGE)
    except OSError as exc:
        return _fail(
            f"{args.import_catalogue or args.export_catalogue}: "
            f"{tr_plain(classify(exc).template, language) or exc.strerror}",
            EXIT_FAILURE,
        )
    finally:
        context.close()
    return 0


def _supervising(args: argparse.Namespace) -> bool:
    """Whether this process is the small watcher rather than the window itself."""
    windowed = not (args.screenshot or args.import_catalogue or args.export_catalogue)
    return windowed and not args.supervised and not args.no_restart


def main(argv: Sequence[str] | None = None) -> int:
    from counter_app.ui.i18n import cli_translate, domain_message

    arguments = list(sys.argv[1:] if argv is None else argv)
    cli_language = interface_language(arguments)
    try:
        with argparse_language(cli_language):
            args = build_parser(cli_language).parse_args(arguments)
    except UsageError as exc:
        return _fail(
            cli_translate(
                "Invalid command-line option: {detail}. See counter-app --help.",
                cli_language,
                detail=str(exc),
            ),
            EXIT_USAGE,
        )
    paths = AppPaths.resolve(args.home)
    windowed = not (args.screenshot or args.import_catalogue or args.export_catalogue)
    try:
        paths.ensure()
        # The window's own process has faults traced into the log; the supervisor has no Qt.
        # The supervisor has its own file: two processes rotating one file fail on Windows.
        supervising = _supervising(args)
        setup_logging(
            paths.supervisor_log_file if supervising else paths.log_file,
            console=False,
            trace_faults=windowed and not supervising,
        )
    except OSError as exc:
        return _fail(
            cli_translate(
                "Cannot use the data folder {path}: {reason}",
                path=str(paths.data),
                reason=exc.strerror or str(exc),
            ),
            EXIT_FAILURE,
        )
    language = args.language
    try:
        settings = load(paths.settings_file)
        language = language or settings.language
        if args.database:
            parse_database_url(args.database)
    except DomainError as exc:
        return _fail(domain_message(exc, language or "vi"), EXIT_USAGE)
    if args.language:
        settings.language = args.language
    if args.role is None:  # the first-run wizard records whether this PC is a counter, kiosk or board
        args.role = settings.role.value
    if args.import_catalogue or args.export_catalogue:
        return transfer_catalogue(args, paths, settings)
    if _supervising(args):
        return supervise(args, list(sys.argv[1:] if argv is None else argv))
    logging.getLogger(__name__).info("counter-app %s starting as %s", __version__, args.role)

    from counter_app.ui.launcher import launch

    return launch(args, paths, settings)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
