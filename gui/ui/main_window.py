"""`MainWindow`: the ticket update window and the one update request that may be in flight."""

from __future__ import annotations

import functools
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.core.credentials import Credentials, Mode
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.core.sender import TicketSender
from gui.ui.banner import Banner, BannerKind
from gui.ui.ticket_form import TicketForm
from gui.ui.worker import Job

# What is needed only once the user sends is imported where it is used: the warm-up job loads
# it on a worker thread right after the first paint, so start-up does not pay for it and the
# GUI thread finds it already loaded (see TicketSender.warm_up).
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from gui.core.abort import Abort
    from gui.core.client import UpdateResult
    from gui.core.config import Connection
    from gui.core.keychain import Keychain
    from gui.core.ticket import TicketUpdate
    from gui.sandbox import SandboxServer
    from gui.ui.settings import AppSettings
    from gui.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

#: How long the window waits for an answer before it gives up, whatever the socket does.
DEADLINE_SECONDS = 60.0
#: How long closing the window waits for worker threads.
_SHUTDOWN_WAIT_MS = 3000

_MAY_HAVE_ARRIVED = (
    "The server may already have applied the update (a request cannot be taken back once "
    "sent); check ticket {ticket} before sending it again."
)


class MainWindow(QMainWindow):
    """The window staff use to update a ticket.

    Sending runs as a `Job` on the window's thread pool; while it runs the form is read-only,
    Update is disabled, a busy bar shows, and Cancel (or Esc) gives the controls back at once.

    Signals:
        sent(UpdateResult): the server confirmed an update.
        failed(TicketError): an update was refused, or never got an answer.
        cancelled(): the user, or the deadline, stopped the wait.
        first_painted(): the window has been painted for the first time.
        warmed_up(): the modules sending needs are loaded (off the GUI thread).
    """

    sent = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    first_painted = Signal()
    warmed_up = Signal()

    def __init__(
        self,
        *,
        connection: Connection,
        settings: AppSettings,
        sandbox: SandboxServer | None = None,
        keychain: Keychain | None = None,
        resolve: Callable[[Credentials], Connection] | None = None,
        ticket_id: str | None = None,
        deadline_seconds: float = DEADLINE_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.connection = connection
        self.sandbox = sandbox
        self._settings = settings
        self._keychain = keychain
        self._keychain_available = True  # until the keychain says otherwise
        self._resolve = resolve
        self._settings_dialog: SettingsDialog | None = None
        self._keychain_job: Job | None = None
        self._sender = TicketSender(connection)
        self._pool = QThreadPool(self)
        self._jobs: dict[int, Job] = {}
        self._last_request_id = 0
        self._awaiting: int | None = None  # the request whose answer the window still wants
        self._abort: Abort | None = None
        self._sending: TicketUpdate | None = None
        self._warm_up_started = False
        self._warm_up_job: Job | None = None
        self._shut_down = False
        self._deadline = QTimer(self, singleShot=True, interval=round(deadline_seconds * 1000))
        self._deadline.timeout.connect(self._on_deadline_timeout)
        self._keychain_deadline = QTimer(
            self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000)
        )
        self._keychain_deadline.timeout.connect(self._on_keychain_deadline)

        self._build(ticket_id)
        self._show_connection()

    # --- Building ----------------------------------------------------------------------------

    def _build(self, ticket_id: str | None) -> None:
        self.banner = Banner()
        self.form = TicketForm(statuses=self._settings.statuses())
        if ticket_id:
            self.form.ticket_id.setText(ticket_id)

        self.submit_button = QPushButton(self.tr("&Update ticket"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.submit_button.setToolTip(self.tr("Send the update (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(self.tr("Stop waiting for the server (Esc)"))
        self.cancel_button.setEnabled(False)
        self.busy_indicator = QProgressBar(textVisible=False)
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)  # indeterminate
        self.busy_indicator.setAccessibleName(self.tr("Sending"))
        self.busy_indicator.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_indicator, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)

        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)

        self.test_mode_badge = QLabel(self.tr("TEST MODE"))
        self.test_mode_badge.setObjectName("testModeBadge")
        self.test_mode_badge.setToolTip(self.tr("Test keys: updates change test data only."))
        self.open_settings_button = QPushButton(self.tr("&Open Settings…"))
        self.open_settings_button.setObjectName("openSettingsButton")
        self.open_settings_button.clicked.connect(self.open_settings)

        central = QWidget()
        column = QVBoxLayout(central)
        top = QHBoxLayout()
        if self.sandbox is not None:
            notice = QLabel(self.tr("Sandbox — nothing is sent to Particle Space"))
            notice.setObjectName("sandboxNotice")
            top.addWidget(notice)
        top.addStretch(1)
        top.addWidget(self.test_mode_badge)
        column.addLayout(top)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.open_settings_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(banner_row)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        self.setCentralWidget(central)

        self._build_menus()
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.statusBar().addPermanentWidget(self.connection_label)

        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        QShortcut(QKeySequence("Esc"), self, self.cancel)

        self.setTabOrder(self.form.automated, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.submit_button)
        # The cursor starts in the first field left to fill.
        (self.form.title if ticket_id else self.form.ticket_id).setFocus()
        self.resize(640, 720)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(self.sandbox is None)  # the sandbox signs itself in
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        if self.sandbox is not None:
            self._build_sandbox_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Particle Tickets"), self._show_about)

    def _build_sandbox_menu(self) -> None:
        from gui.sandbox import Behaviour

        labels = {
            Behaviour.NORMAL: self.tr("Answer normally"),
            Behaviour.SLOW: self.tr("Answer slowly"),
            Behaviour.SERVER_ERROR: self.tr("Fail with a server error (500)"),
            Behaviour.BUSY: self.tr("Say it is busy (429)"),
            Behaviour.UNAVAILABLE: self.tr("Say it is unavailable (503)"),
            Behaviour.PROXY_HTML: self.tr("Answer with a proxy's error page (502)"),
            Behaviour.DRIP: self.tr("Never finish answering"),
        }
        menu = self.menuBar().addMenu(self.tr("Sandbo&x"))
        group = QActionGroup(self)
        for behaviour, label in labels.items():
            action = QAction(label, self, checkable=True)
            action.setObjectName(f"sandbox_{behaviour.value}")
            action.setChecked(behaviour is Behaviour.NORMAL)
            action.triggered.connect(functools.partial(self._set_sandbox_behaviour, behaviour))
            group.addAction(action)
            menu.addAction(action)

    def _set_sandbox_behaviour(self, behaviour: Any) -> None:
        if self.sandbox is not None:  # the menu only exists with a sandbox
            self.sandbox.behaviour = behaviour

    # --- Connection and sign-in --------------------------------------------------------------

    def set_connection(self, connection: Connection) -> None:
        """Send with `connection` from now on (new settings, or keys read from the keychain)."""
        old, self._sender = self._sender, TicketSender(connection)
        old.close()
        self.connection = connection
        self._show_connection()

    def _show_connection(self) -> None:
        connection = self.connection
        test_mode = connection.credentials.mode is Mode.TEST
        title = self.tr("Particle Tickets")
        if self.sandbox is not None:
            title += self.tr(" — Sandbox")
        elif test_mode:
            title += self.tr(" — TEST")
        self.setWindowTitle(title)
        self.test_mode_badge.setVisible(test_mode and self.sandbox is None)
        if self.sandbox is not None:
            where = self.tr("Sandbox at {address}").format(address=self.sandbox.url)
        else:
            where = self.tr("Sends to {address}").format(address=connection.api_base)
        self.connection_label.setText(where)
        signed_out = connection.credentials.empty or not connection.usable
        self.open_settings_button.setVisible(signed_out and self.sandbox is None)
        if connection.usable:
            if self.banner.kind is BannerKind.ERROR and not self.busy:
                self.banner.clear_message()
            return
        problem = connection.problem or ""
        if connection.credentials.empty and not self._keychain_available:
            problem += " " + self.tr(
                "This computer has no keychain: keys entered in Settings are kept only until "
                "the app closes."
            )
        self.banner.show_message(BannerKind.ERROR, problem)

    def open_settings(self) -> None:
        """Show the Settings dialog (not while an update is on its way)."""
        if self.busy or self._keychain is None or self.sandbox is not None:
            return
        if self._settings_dialog is None:
            from gui.ui.settings_dialog import SettingsDialog

            self._settings_dialog = SettingsDialog(
                settings=self._settings,
                keychain=self._keychain,
                credentials=self.connection.credentials,
                keychain_available=self._keychain_available,
                pool=self._pool,
                parent=self,
            )
            self._settings_dialog.saved.connect(self._on_settings_saved)
            self._settings_dialog.finished.connect(self._on_settings_closed)
        self._settings_dialog.open()

    def _on_settings_saved(self) -> None:
        if self._resolve is not None and self._settings_dialog is not None:
            self.set_connection(self._resolve(self._settings_dialog.saved_credentials()))

    def _on_settings_closed(self) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.deleteLater()
            self._settings_dialog = None

    def _load_keychain(self) -> None:
        """Read the keys from the keychain on a worker thread, if nothing else gave any."""
        if self._keychain is None or self._resolve is None:
            return
        if not self._resolve(Credentials()).credentials.empty:
            return  # options or environment already sign in: leave the keychain alone
        keychain = self._keychain
        job = Job(lambda: (keychain.load(), keychain.available), request_id=0)
        job.signals.succeeded.connect(self._on_keychain_loaded)
        job.signals.failed.connect(self._on_keychain_failed)
        job.signals.finished.connect(self._on_keychain_finished)
        self._keychain_job = job
        self._keychain_deadline.start()
        self._pool.start(job)

    def _on_keychain_loaded(self, _request_id: int, result: tuple[Credentials, bool]) -> None:
        if not self._keychain_deadline.isActive():
            return  # too late: the window already said the keychain did not answer
        self._keychain_deadline.stop()
        credentials, self._keychain_available = result
        if self._resolve is not None:  # always: the keychain is only read when it is set
            self.set_connection(self._resolve(credentials))

    def _on_keychain_failed(self, _request_id: int, error: Exception) -> None:
        if not self._keychain_deadline.isActive():
            return
        from gui.core.errors import TicketError

        self._keychain_deadline.stop()
        message = error.message if isinstance(error, TicketError) else str(error)
        log.warning("could not read the keychain: %s", type(error).__name__)
        self.banner.show_message(
            BannerKind.ERROR, message + " " + self.tr("Open Settings to enter your keys.")
        )

    def _on_keychain_finished(self, _request_id: int) -> None:
        self._keychain_job = None

    def _on_keychain_deadline(self) -> None:
        self.banner.show_message(
            BannerKind.ERROR,
            self.tr(
                "The keychain did not answer within {seconds:g} s; it may be waiting for you to "
                "unlock it. Open Settings to enter your keys, or restart the app once it is "
                "unlocked."
            ).format(seconds=KEYCHAIN_WAIT_SECONDS),
        )

    # --- Sending -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._awaiting is not None

    def submit(self) -> None:
        """Check the form and send it; inline errors instead when it has mistakes."""
        if self.busy or self._shut_down:
            return  # a second press while sending sends nothing
        from gui.core.contacts import DEFAULT_REGION
        from gui.core.errors import InvalidTicket
        from gui.core.validation import validate

        self.banner.clear_message()
        self.form.clear_errors()
        try:
            region = self._settings.stored_connection().get("sms_region", DEFAULT_REGION)
            update = validate(self.form.draft(), now=datetime.now().astimezone(), region=region)
        except InvalidTicket as invalid:
            self.form.show_errors(invalid.field_errors)
            self.banner.show_message(BannerKind.ERROR, invalid.message)
            return
        if not self.connection.usable:
            self.banner.show_message(BannerKind.ERROR, self.connection.problem or "")
            return
        self._settings.remember_status(update.status)
        self.form.set_statuses(self._settings.statuses())
        self._start(update)

    def cancel(self) -> None:
        """Stop waiting for the answer and give the controls back at once."""
        if self.busy:
            self._give_up(BannerKind.INFO, self.tr("Stopped waiting for the server."))

    def _start(self, update: TicketUpdate) -> None:
        from gui.core.abort import Abort

        self._last_request_id += 1
        request_id = self._last_request_id
        self._abort = Abort()
        self._sending = update
        self._awaiting = request_id
        job = Job(functools.partial(self._sender.send, update, self._abort), request_id=request_id)
        job.signals.succeeded.connect(self._on_job_succeeded)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.finished.connect(self._on_job_finished)
        self._jobs[request_id] = job
        self._set_busy(True)
        self._deadline.start()
        self._pool.start(job)

    def _stop_waiting(self) -> None:
        if self._abort is not None:
            self._abort.abort()
        self._abort = None
        self._awaiting = None
        self._deadline.stop()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.submit_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.busy_indicator.setVisible(busy)
        if busy:
            self.statusBar().showMessage(self.tr("Sending…"))
            self.cancel_button.setFocus()
        else:
            self.statusBar().clearMessage()

    def _on_job_succeeded(self, request_id: int, result: UpdateResult) -> None:
        if request_id != self._awaiting:
            log.info("dropped a late answer to request %d", request_id)
            return
        self._stop_waiting()
        self.banner.show_message(BannerKind.SUCCESS, describe_success(result))
        self.submit_button.setFocus()
        self.sent.emit(result)

    def _on_job_failed(self, request_id: int, error: Exception) -> None:
        if request_id != self._awaiting:
            log.info("dropped a late failure of request %d: %s", request_id, type(error).__name__)
            return
        from gui.core.errors import KeysRejected, TicketError, TokenRejected

        self._stop_waiting()
        if isinstance(error, TicketError):
            log.info("update failed: %s", type(error).__name__)
            self.banner.show_message(BannerKind.ERROR, error.message)
            self.form.show_errors(error.field_errors)
            if isinstance(error, KeysRejected | TokenRejected) and self.sandbox is None:
                self.open_settings_button.show()
        else:
            log.error("update failed unexpectedly", exc_info=error)
            self.banner.show_message(
                BannerKind.ERROR,
                self.tr(
                    "Something unexpected went wrong (the details are in the log). "
                    "Check the ticket before sending the update again."
                ),
            )
        if not self.form.visible_errors():
            self.submit_button.setFocus()
        self.failed.emit(error)

    def _on_job_finished(self, request_id: int) -> None:
        self._jobs.pop(request_id, None)

    def _on_deadline_timeout(self) -> None:
        seconds = self._deadline.interval() / 1000
        lead = self.tr("No complete answer within {seconds:g} s, so the app stopped waiting.")
        self._give_up(BannerKind.ERROR, lead.format(seconds=seconds))

    def _give_up(self, kind: BannerKind, lead: str) -> None:
        """Stop waiting (the request cannot be recalled) and say what that means."""
        ticket = self._sending.ticket_id if self._sending else ""
        self._stop_waiting()
        self.banner.show_message(kind, f"{lead} {_MAY_HAVE_ARRIVED.format(ticket=ticket)}")
        self.cancelled.emit()

    # --- Warm-up and shutdown ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._warm_up_started:
            self._warm_up_started = True
            # Once the window is on screen, finish what start-up left out: the icon, and on a
            # pool thread the modules sending needs, so the first click does not wait for them.
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self._shut_down:
            return
        self.first_painted.emit()
        self._load_keychain()
        # PySide builds its QStyle wrapper on the first style() call (4 ms): do it now, while
        # the user reads the window, rather than when the first message has to appear.
        self.style()
        job = Job(self._sender.warm_up, request_id=0)
        job.signals.succeeded.connect(self.warmed_up)
        job.signals.failed.connect(self._on_warm_up_failed)
        job.signals.finished.connect(self._on_warm_up_finished)
        self._warm_up_job = job
        self._pool.start(job)

    def _on_warm_up_failed(self, _request_id: int, error: Exception) -> None:
        log.warning("could not preload the modules for sending", exc_info=error)

    def _on_warm_up_finished(self, _request_id: int) -> None:
        self._warm_up_job = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop waiting, end the worker threads (bounded), close the sandbox. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self._stop_waiting()
        if not self._pool.waitForDone(_SHUTDOWN_WAIT_MS):
            log.warning("a worker thread was still running when the window closed")
        self._sender.close()
        if self.sandbox is not None:
            self.sandbox.stop()

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        import gui

        QMessageBox.about(
            self,
            self.tr("About Particle Tickets"),
            self.tr(
                "Particle Tickets {version}\nUpdate Particle Space maintenance tickets."
            ).format(version=gui.__version__),
        )


def describe_success(result: UpdateResult) -> str:
    """ "Ticket tic_… updated." plus the status and title the server echoed, if it did."""
    from gui.core.api_contract import clean_message

    text = f"Ticket {result.ticket_id} updated."
    echoed = result.echoed or {}
    details = []
    if isinstance(echoed.get("status"), str) and echoed["status"]:
        details.append(f"status {clean_message(echoed['status'])[:60]}")
    if isinstance(echoed.get("title"), str) and echoed["title"]:
        details.append(f"title “{clean_message(echoed['title'])[:60]}”")
    if not details and isinstance(echoed.get("message"), str):
        details.append(clean_message(echoed["message"]))
    if details:
        text += " Particle Space now has " + ", ".join(details) + "."
    return text
