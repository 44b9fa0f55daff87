"""Entry points: `create_window(argv)` builds the window, `main()` runs the app."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import gui.resources as resources_package
from gui.core.config import Connection, parse_options, resolve_connection
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

log = logging.getLogger("gui")

ORGANIZATION = "ParticleTickets"
APPLICATION = "particle-tickets"

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
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings = AppSettings()
    sandbox = None
    if options.demo:
        from gui.sandbox import SandboxServer

        sandbox = SandboxServer()
        sandbox.start()
        connection = Connection(api_base=sandbox.url, token=SandboxServer.TOKEN)
    else:
        connection = resolve_connection(options, os.environ, settings.stored_connection())
    window = MainWindow(
        connection=connection, settings=settings, sandbox=sandbox, ticket_id=options.ticket
    )
    window.setStyleSheet((RESOURCES / "style.qss").read_text("utf-8"))
    # The SVG icon needs Qt's SVG plugin (a few ms): loaded once the window is on screen.
    window.first_painted.connect(lambda: _set_icon(window))
    return window


def _set_icon(window: MainWindow) -> None:
    from PySide6.QtGui import QIcon

    window.setWindowIcon(QIcon(str(RESOURCES / "icon.svg")))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    parse_options(args)  # --help and --version answer before any window exists
    from PySide6.QtCore import qInstallMessageHandler

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    qInstallMessageHandler(_log_qt_message)
    app = QApplication(sys.argv[:1])
    window = create_window(args)
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    log.info("window shown: %s", window.connection_label.text())
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
