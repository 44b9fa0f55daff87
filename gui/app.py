"""The window's entry points: `create_window(argv)` builds it, `main(args)` runs the app."""

from __future__ import annotations

# isort: split
import gui.ui  # first, before PySide's import hook sees this module: see gui/ui/qt_binding.py

# isort: split
import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

import gui
import gui.resources as resources_package
from gui.cli.arguments import parse, window_options
from gui.core.config import Connection, resolve_connection
from gui.core.credentials import Credentials
from gui.core.keychain import Keychain
from gui.ui.main_window import MainWindow
from gui.ui.palette import ColourScheme
from gui.ui.settings import APPLICATION, AppSettings

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from gui.core.config import Options

log = logging.getLogger("gui")


#: The files of resources/, installed as the package gui.resources. They are plain files next to
#: its __init__.py in a checkout, a wheel and the PyInstaller bundle alike, so a path is enough
#: (importlib.resources would add 2 ms of imports to every start).
RESOURCES = Path(resources_package.__file__).parent


def create_window(argv: Sequence[str], *, settings: AppSettings | None = None) -> MainWindow:
    """The main window for the window's options `argv` (without the program name), with
    `settings` (read from the user's files when not given).

    Needs a QApplication; does not enter the event loop and makes no connection. A refused
    configuration still gives a window, which says why in its banner.
    """
    args = parse(argv)
    if args.command is not None:
        raise ValueError(f"{args.command} is a command, not an option of the window")
    return _window(window_options(args), settings or AppSettings())


#: The window on screen: a window that gives way to another (the sandbox's, or Particle
#: Space's) is replaced here, so that the new one lives on after the call that made it.
_shown: list[MainWindow] = []


def _window(
    options: Options,
    settings: AppSettings,
    *,
    credentials: Credentials | None = None,
    first: bool = True,
) -> MainWindow:
    """The window for `options`: the sandbox's with --demo, else Particle Space's, signed in
    with `credentials` (keys just saved) or with what options, environment and keychain give.
    The `first` of the process builds what is not seen in its first frame right after it,
    while its modules load (window_controllers.py); a window that replaces another finds them
    loaded, and is built whole."""
    if QApplication.instance() is None:
        raise RuntimeError("create_window needs a QApplication")
    sandbox = None
    environ = dict(os.environ)

    def resolve(keychain_credentials: Credentials) -> Connection:
        stored = settings.stored_connection()
        connection = resolve_connection(options, environ, stored, keychain_credentials)
        if settings.problem is not None:  # unknown where to send: nothing goes out
            connection = connection._replace(problem=settings.problem)
        return connection

    def signed_in_elsewhere() -> bool:
        """Whether Particle Space has credentials without asking for keys."""
        return settings.keys_saved() or not resolve(Credentials()).credentials.empty

    if options.demo:
        from gui.sandbox import SandboxServer

        sandbox = SandboxServer()
        sandbox.start()
        connection = Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN), sandbox=True)
    else:
        # With no keys given, the keychain is read after the first paint.
        connection = resolve(credentials or Credentials())
    window = MainWindow(
        connection=connection,
        settings=settings,
        sandbox=sandbox,
        keychain=Keychain(),  # in the sandbox, where Sign in… saves the keys
        resolve=resolve,  # in the sandbox, for Sign in…'s Test connection
        ticket_id=options.ticket,
        signed_in_elsewhere=signed_in_elsewhere,
        controllers_after_first_paint=first,
    )
    switch = _WindowSwitch(options, parent=window)
    window.sandbox_requested.connect(switch.to_sandbox)
    window.real_service_requested.connect(switch.to_real_service)
    # The stylesheet's colours (and a dark palette where Qt gives none), light or dark as the
    # system is or PARTICLE_TICKETS_COLOR_SCHEME says; kept in step while the app runs. The
    # first window's sheet comes after its first paint, unless that frame has a box it draws.
    boxes = []  # a ticket page behind a first start's sign-in page is in no frame before it
    if window.page_added():
        boxes = [window.banner, window.test_mode_badge, *filter(None, [window.sandbox_notice])]
    ColourScheme(window, after=window.first_painted if first else None, unless_shown=boxes)
    # The SVG icon needs Qt's SVG plugin (a few ms): loaded once the window is on screen.
    window.first_painted.connect(lambda: _set_icon(window))
    return window


class _WindowSwitch(QObject):
    """Replaces its window (the parent) by the sandbox's or Particle Space's, where it was."""

    def __init__(self, options: Options, *, parent: MainWindow) -> None:
        super().__init__(parent)
        self._options = options
        self._window = parent

    def to_sandbox(self) -> None:
        self._switch(demo=True)

    def to_real_service(self, credentials: Credentials | None) -> None:
        self._switch(demo=False, credentials=credentials)

    def _switch(self, *, demo: bool, credentials: Credentials | None = None) -> None:
        old = self._window
        if old.busy:
            return
        old.settings.remember_window_state(old.saveGeometry(), old.saveState())
        old.shutdown()  # its outbox, draft and sandbox end here; the settings are on disk
        options = self._options._replace(demo=demo, ticket=None)
        new = _window(options, AppSettings(), credentials=credentials, first=False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(new.shutdown)
        _shown[:] = [new]
        new.show()
        log.info("window switched to %s", new.connection_label.text())
        old.replaced.emit(new)
        old.close()
        old.deleteLater()


def _set_icon(window: MainWindow) -> None:
    from PySide6.QtGui import QIcon

    window.setWindowIcon(QIcon(str(RESOURCES / "icon.svg")))


def main(args: argparse.Namespace) -> int:
    """Run the window for the parsed command line `args` (gui.cli.arguments.parse); returns
    the exit status."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from gui.core.logs import start_logging
    from gui.core.private_files import tighten_app_folders
    from gui.ui.worker import JobRunner

    app = QApplication(sys.argv[:1])
    QGuiApplication.setDesktopFileName(APPLICATION)  # Wayland: particle-tickets.desktop
    # stderr now; the file once the window is painted, on a pool thread, with what came before.
    log_file = start_logging(AppSettings.data_folder() / "logs")
    # Before anything reads or writes them: what 0.1.0 left readable by every account becomes
    # the user's alone (a fraction of a millisecond; its failures go to the log just set up).
    tighten_app_folders()
    settings = AppSettings()
    qInstallMessageHandler(_log_qt_message)
    from gui.ui.i18n import install_language

    # Before the window exists, so it is built in the user's language: Settings' choice, or
    # the system's language when none was made.
    language = install_language(app, settings.language())
    log.info("language: %s", language)
    window = _window(window_options(args), settings)
    _shown[:] = [window]
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    log.info("window shown: %s", window.connection_label.text())
    opener = JobRunner(parent=app)
    window.first_painted.connect(
        lambda: opener.run(
            log_file.open,
            lambda path: log.info("log file: %s", path),
            lambda error: log.warning("the log file could not be opened", exc_info=error),
        )
    )
    # The version is read by the warm-up (it costs imports); log it once that is done.
    window.warmed_up.connect(lambda: log.info("Particle Tickets %s", gui.__version__))
    status = app.exec()
    log_file.open()  # a window closed before its first paint: what it logged, to the file now
    # All that is left dies with the process: out of the sight of the interpreter's final
    # collections, which would walk every object on the way out (bench/xmap.py).
    gc.freeze()
    return status


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go through Python logging like everything else."""
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(kind, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)
