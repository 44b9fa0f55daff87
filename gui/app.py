"""Entry points: `create_window(argv)` builds the window, `main()` runs the app."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from importlib import resources

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.core.config import Connection, parse_options, resolve_connection
from gui.ui.main_window import MainWindow
from gui.ui.settings import AppSettings

log = logging.getLogger("gui")

ORGANIZATION = "ParticleTickets"
APPLICATION = "particle-tickets"


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
    folder = resources.files("gui.resources")
    window.setWindowIcon(QIcon(str(folder / "icon.svg")))
    window.setStyleSheet((folder / "style.qss").read_text("utf-8"))
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    parse_options(args)  # --help and --version answer before any window exists
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


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go through Python logging like everything else."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
