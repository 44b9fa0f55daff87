"""Entry points: `create_window(argv)` builds the window, `main()` runs the app."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

import gui
import gui.resources as resources_package
from gui.core.config import Connection, parse_options, resolve_connection
from gui.core.credentials import Credentials
from gui.core.keychain import Keychain
from gui.ui.main_window import MainWindow
from gui.ui.palette import ColourScheme
from gui.ui.settings import APPLICATION, AppSettings

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

log = logging.getLogger("gui")


#: The files of resources/, installed as the package gui.resources. They are plain files next to
#: its __init__.py in a checkout, a wheel and the PyInstaller bundle alike, so a path is enough
#: (importlib.resources would add 2 ms of imports to every start).
RESOURCES = Path(resources_package.__file__).parent


def create_window(argv: Sequence[str]) -> MainWindow:
    """The main window for the command-line options `argv` (without the program name).

    Needs a QApplication; does not enter the event loop and makes no connection. A refused
    configuration still gives a window, which says why in its banner.
    """
    options = parse_options(argv)
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create_window needs a QApplication")
    settings = AppSettings()
    sandbox = None
    keychain = None
    resolve = None
    if options.demo:
        from gui.sandbox import SandboxServer

        sandbox = SandboxServer()
        sandbox.start()
        connection = Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN))
    else:
        environ = dict(os.environ)

        def resolve(keychain_credentials: Credentials) -> Connection:
            stored = settings.stored_connection()
            return resolve_connection(options, environ, stored, keychain_credentials)

        keychain = Keychain()
        connection = resolve(Credentials())  # the keychain is read after the first paint
    window = MainWindow(
        connection=connection,
        settings=settings,
        sandbox=sandbox,
        keychain=keychain,
        resolve=resolve,
        ticket_id=options.ticket,
    )
    # The stylesheet's colours (and a dark palette where Qt gives none), light or dark as the
    # system is or PARTICLE_TICKETS_COLOR_SCHEME says; kept in step while the app runs.
    ColourScheme(window)
    # The SVG icon needs Qt's SVG plugin (a few ms): loaded once the window is on screen.
    window.first_painted.connect(lambda: _set_icon(window))
    return window


def _set_icon(window: MainWindow) -> None:
    from PySide6.QtGui import QIcon

    window.setWindowIcon(QIcon(str(RESOURCES / "icon.svg")))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    options = parse_options(args)  # --help and --version answer before any window exists
    if options.self_test:
        from gui.self_test import run_self_test

        return run_self_test()
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from gui.core.logs import setup_logging

    app = QApplication(sys.argv[:1])
    QGuiApplication.setDesktopFileName(APPLICATION)  # Wayland: particle-tickets.desktop
    log_file = setup_logging(AppSettings.data_folder() / "logs")
    qInstallMessageHandler(_log_qt_message)
    log.info("log file: %s", log_file)
    from gui.ui.i18n import install_language

    # Before the window exists, so it is built in the user's language: Settings' choice, or
    # the system's language when none was made.
    language = install_language(app, AppSettings().language())
    log.info("language: %s", language)
    window = create_window(args)
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    log.info("window shown: %s", window.connection_label.text())
    # The version is read by the warm-up (it costs imports); log it once that is done.
    window.warmed_up.connect(lambda: log.info("Particle Tickets %s", gui.__version__))
    return app.exec()


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
