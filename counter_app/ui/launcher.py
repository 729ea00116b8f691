"""Start the Qt application for a role, or render its window to a PNG (``--screenshot``)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from counter_app.app import AppContext, build_context
from counter_app.atomic import write_text_atomic
from counter_app.paths import AppPaths
from counter_app.run_state import RunMarker
from counter_app.settings import Settings
from counter_app.supervisor import EXIT_GAVE_UP, EXIT_RESTART_REQUESTED
from counter_app.ui.common.collector import collect_on_gui_thread
from counter_app.ui.errors import ExceptHook, failure_text, show_failure
from counter_app.ui.i18n import cli_translate, install_translation
from counter_app.ui.qtlog import route_qt_messages
from counter_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from counter_app.domain.announcement import CallAnnouncer
    from counter_app.ui.counter.parts import CounterParts
    from counter_app.ui.display.window import DisplayParts
    from counter_app.ui.kiosk.window import KioskParts

log = logging.getLogger(__name__)
WindowFactory = Callable[[AppContext], QMainWindow]


def window_class(role: str) -> WindowFactory:
    """What builds the window of a role from the context, handing it only what it uses.

    The window's module is imported only for its role: a kiosk or a display board never loads
    the counter's scanning, forms and PDF libraries, about 18 MB less resident memory on PCs that
    run all day (docs/performance.md).
    """
    if role == "kiosk":
        return kiosk_window
    if role == "display":
        return display_window
    return counter_window


def counter_window(context: AppContext) -> QMainWindow:
    from counter_app.ui.counter.window import CounterWindow

    return CounterWindow(counter_parts(context))


def counter_parts(context: AppContext) -> CounterParts:
    """What the counter's window and its panels use."""
    from counter_app.ui.counter.parts import CounterParts

    db = context.db
    return CounterParts(
        settings=context.settings,
        catalogue=context.catalogue,
        calendar=context.calendar,
        queue=context.queue,
        intake=context.intake,
        steps=context.steps,
        lists=context.lists,
        scans=context.scans,
        ocr=context.ocr,
        sync_log=context.sync_log,
        build_sync=context.build_sync,
        open_scanner=context.open_scanner,
        load_pages=context.load_pages,
        database_engine="SQLite" if db.is_sqlite else "PostgreSQL",
        database_description=db.description,
        scans_folder=context.paths.scans,
        audit=context.audit,
    )


def kiosk_window(context: AppContext) -> QMainWindow:
    from counter_app.ui.kiosk.window import KioskWindow

    return KioskWindow(kiosk_parts(context))


def kiosk_parts(context: AppContext) -> KioskParts:
    """What the kiosk uses."""
    from counter_app.ui.kiosk.window import KioskParts

    return KioskParts(
        context.desk,
        context.queue,
        context.catalogue,
        context.calendar,
        context.steps,
        context.settings.office.name,
        context.settings.kiosk,
    )


def display_window(context: AppContext) -> QMainWindow:
    from counter_app.ui.display.window import DisplayWindow

    return DisplayWindow(display_parts(context, context.build_announcer()))


def display_parts(context: AppContext, announcer: CallAnnouncer | None) -> DisplayParts:
    """What the display board uses; a test hands in its own voice."""
    from counter_app.ui.display.window import DisplayParts

    return DisplayParts(context.queue, context.calendar, context.settings.office.name, announcer)


DEMO_SCREENSHOT_USER = "canbo"


def make_application(language: str) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("counter_app")
    route_qt_messages()
    install_translation(app, language)
    apply_theme(app)
    collect_on_gui_thread(app)  # a Qt object in a cycle must never be freed by a worker thread
    return app


def settle(app: QApplication, rounds: int = 6) -> None:
    """Let background loads finish and their results reach the widgets."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(10_000)
        app.processEvents()


def dispose(window: QMainWindow) -> None:
    """Destroy a window now, while the application still exists.

    Left to interpreter shutdown, Qt objects (the kiosk's touch scrollers among them) can be
    destroyed after the QApplication and crash the process on exit.
    """
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def render_png(app: QApplication, window: QMainWindow, path: Path) -> bool:
    width, height = getattr(window, "REFERENCE_SIZE", (1366, 768))
    window.resize(width, height)
    window.show()
    settle(app)
    return bool(window.grab().save(str(path), "PNG"))


def screenshot(app: QApplication, context: AppContext, role: str, path: Path, user: str | None) -> int:
    window = window_class(role)(context)
    if role == "counter":
        from counter_app.ui.counter.window import CounterWindow

        assert isinstance(window, CounterWindow)
        username = user or (DEMO_SCREENSHOT_USER if context.demo else None)
        member = context.staff.find(username) if username else None
        if username and member is None:
            print(f"counter-app: {cli_translate('No account named {name}', name=username)}", file=sys.stderr)
            return 2
        window.set_actor(member)
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = render_png(app, window, path)
    dispose(window)
    if not saved:
        print(
            f"counter-app: {cli_translate('Cannot save the screenshot to {path}', path=str(path))}",
            file=sys.stderr,
        )
        return 1
    print(cli_translate("Screenshot saved to {path}", path=str(path)))
    return 0


UNATTENDED_ROLES = ("kiosk", "display")


def terminate(app: QApplication) -> None:
    """Close every window, a locked kiosk included (it refuses a close from the screen), and quit."""
    for widget in app.topLevelWidgets():
        release = getattr(widget, "release_for_shutdown", None)
        if callable(release):
            release()
    # exit(), not quit(): it ends every event loop, a modal dialog's included, without asking.
    app.exit(0)


def quit_on_terminate(app: QApplication) -> None:
    """A shutdown or the supervisor's stop (SIGTERM) closes the window cleanly: no crash reported next time.

    Python runs signal handlers only between its own bytecodes; a timer gives it that chance
    while Qt's loop waits.
    """
    # Queued, not called: a stop that arrives while the window is still being built would be
    # lost by quit() before the event loop runs.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, lambda: terminate(app)))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(500)


def _screen_file(paths: AppPaths, role: str) -> Path:
    return paths.data / f"screen-{role}.txt"


def place_on_saved_screen(window: QMainWindow, paths: AppPaths, role: str) -> None:
    """A restarted kiosk or board comes back on the screen it was on (a PC with a TV and a monitor)."""
    try:
        name = _screen_file(paths, role).read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    screen = next((s for s in QGuiApplication.screens() if s.name() == name), None)
    if screen is not None:
        window.setGeometry(screen.availableGeometry())


def remember_screen(window: QMainWindow, paths: AppPaths, role: str) -> None:
    def save() -> None:
        handle = window.windowHandle()
        if handle is None or handle.screen() is None:
            return
        try:
            write_text_atomic(_screen_file(paths, role), handle.screen().name())
        except OSError as exc:
            log.warning("cannot remember the %s window's screen: %s", role, exc)

    save()
    handle = window.windowHandle()
    if handle is not None:
        handle.screenChanged.connect(lambda _screen: save())


def show_window(window: QMainWindow, paths: AppPaths, role: str, full_screen: bool) -> None:
    place_on_saved_screen(window, paths, role)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    remember_screen(window, paths, role)


def launch(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application(settings.language)
    hook = ExceptHook(
        lambda: app.activeWindow(),
        unattended=args.role in UNATTENDED_ROLES,
        restart=bool(getattr(args, "supervised", False)),
    )
    hook.install()
    if not args.screenshot:
        quit_on_terminate(app)
    marker = None if args.screenshot else RunMarker(paths.data, args.role)
    try:
        last_run = marker.begin() if marker is not None else None
    except OSError as exc:  # a read-only data folder: the open below says so plainly
        log.warning("cannot write the run marker: %s", exc)
        marker, last_run = None, None
    try:
        context = build_context(
            paths,
            settings,
            database_override=args.database,
            demo=args.demo,
            province_demo=getattr(args, "province", None) or "",
        )
    except Exception as exc:
        failure, text = failure_text(exc)
        log.error("cannot open the database", exc_info=failure.is_bug)
        print(
            f"counter-app: {cli_translate('Cannot open the database: {reason}', reason=text)}",
            file=sys.stderr,
        )
        if marker is not None:
            marker.end()  # not a crash: the reason is in the log, and was shown
        if args.screenshot:
            return 1
        if args.role in UNATTENDED_ROLES:
            return 1  # nobody to tell: the supervisor tries again, the database may come back
        # A person read why and closed the box: starting again would only show it again.
        show_failure(None, exc)
        return EXIT_GAVE_UP
    try:
        if args.screenshot:
            return screenshot(app, context, args.role, Path(args.screenshot), args.user)
        if args.role == "counter":
            from counter_app.ui.counter.controller import CounterController

            controller = CounterController(context, can_restart=bool(getattr(args, "supervised", False)))
            if last_run is not None:
                controller.last_run_started = last_run.started_at
            code = app.exec() if controller.start() else 0
            window: QMainWindow = controller.window  # the first-run wizard builds it again for the new office
        else:
            window = window_class(args.role)(context)
            full = (
                context.settings.kiosk.full_screen if args.role == "kiosk" else settings.display.full_screen
            )
            show_window(window, paths, args.role, full)
            code = app.exec()
        dispose(window)
        if marker is not None and code in (0, EXIT_RESTART_REQUESTED):
            marker.end()
        return code
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        context.close()
