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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="counter-app", description="Counter software for a one-stop office.")
    parser.add_argument("--role", choices=ROLES, default="counter", help="which window to open")
    parser.add_argument("--screenshot", metavar="FILE", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--home", metavar="DIR", help="keep data, settings and logs under DIR (portable)")
    parser.add_argument(
        "--database", metavar="URL", help="sqlite:///PATH or postgresql://… (overrides settings)"
    )
    parser.add_argument("--language", choices=("vi", "en"), help="interface language (default: settings)")
    parser.add_argument("--demo", action="store_true", help="fill an empty database with demo data")
    parser.add_argument(
        "--province",
        metavar="URL",
        help="sync with the reference provincial server at URL, with its demo credential (make run)",
    )
    parser.add_argument("--user", metavar="NAME", help="with --screenshot: render as this signed-in account")
    parser.add_argument(
        "--import-catalogue", metavar="FILE", help="import the procedure catalogue (JSON) and exit"
    )
    parser.add_argument(
        "--export-catalogue", metavar="FILE", help="export the procedure catalogue (JSON) and exit"
    )
    parser.add_argument(
        "--no-restart",
        action="store_true",
        help="run the window in this process, without starting it again if it crashes",
    )
    # Set by the supervisor on the process it starts and watches.
    parser.add_argument("--supervised", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    return parser


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

    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return _fail(
            cli_translate("Invalid command-line option: {detail}. See counter-app --help.", detail=str(exc)),
            EXIT_USAGE,
        )
    paths = AppPaths.resolve(args.home)
    windowed = not (args.screenshot or args.import_catalogue or args.export_catalogue)
    try:
        paths.ensure()
        # The window's own process has faults traced into the log; the supervisor has no Qt.
        setup_logging(paths.log_file, console=False, trace_faults=windowed and not _supervising(args))
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
    if args.import_catalogue or args.export_catalogue:
        return transfer_catalogue(args, paths, settings)
    if _supervising(args):
        return supervise(args, list(sys.argv[1:] if argv is None else argv))
    logging.getLogger(__name__).info("counter-app %s starting as %s", __version__, args.role)

    from counter_app.ui.launcher import launch

    return launch(args, paths, settings)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
