"""`MainWindow`: the ticket update window and the one update request that may be in flight."""

from __future__ import annotations

import functools
import itertools
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.credentials import Credentials, Mode
from gui.core.fields import Operation
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.core.messages import QT_TRANSLATE_NOOP, join, plain
from gui.core.sender import TicketSender
from gui.ui import shortcuts
from gui.ui.banner import Banner, BannerKind
from gui.ui.dispatcher import Attempt, OutboxDispatcher, Queued, open_outbox
from gui.ui.draft_keeper import DraftKeeper, open_drafts
from gui.ui.i18n import available_languages, choose_language
from gui.ui.ticket_form import TicketForm
from gui.ui.worker import JobRunner

# What is needed only once the user sends is imported where it is used: the warm-up job loads
# it on a worker thread right after the first paint, so start-up does not pay for it and the
# GUI thread finds it already loaded (see TicketSender.warm_up).
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QDockWidget

    from gui.core.client import UpdateResult
    from gui.core.config import Connection
    from gui.core.drafts import DraftStore
    from gui.core.keychain import Keychain
    from gui.core.outbox import HistoryEntry, OutboxItem, OutboxStore
    from gui.core.retry import Verdict
    from gui.core.ticket import TicketDraft, TicketUpdate
    from gui.sandbox import SandboxServer
    from gui.ui.history_panel import HistoryPanel
    from gui.ui.outbox_panel import OutboxPanel
    from gui.ui.settings import AppSettings
    from gui.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

#: How long the window waits for an answer before it gives up, whatever the socket does.
DEADLINE_SECONDS = 60.0
#: How long closing the window waits for worker threads.
_SHUTDOWN_WAIT_MS = 3000

#: `_awaiting` while the update is being stored, before the outbox gives it an id.
_QUEUEING = -1

# Banner texts are Messages, so that the banner says them again in a new language.
_MAY_HAVE_ARRIVED = QT_TRANSLATE_NOOP(
    "MainWindow",
    "The server may already have applied the update (a request cannot be taken back once "
    "sent); check ticket {ticket} before sending it again.",
)
_MAY_HAVE_CREATED = QT_TRANSLATE_NOOP(
    "MainWindow",
    "The server may already have created the ticket (a request cannot be taken back once "
    "sent); check Particle Space before sending it again.",
)


class MainWindow(QMainWindow):
    """The window staff use to update a ticket, or to open a new one (File ▸ New ticket,
    `newTicketAction`: the same form, checks, outbox and history, without a ticket id).

    Update puts the update in the outbox (`OutboxDispatcher` sends it); while its first
    attempt is on its way the form is read-only, Update is disabled, a busy bar shows, and
    Cancel (or Esc) gives the controls back at once.

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
        outbox_store: OutboxStore | None = None,
        draft_store: DraftStore | None = None,
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
        self._sender = TicketSender(connection)
        self._jobs = JobRunner(parent=self)  # warm-up, keychain and settings jobs
        self._awaiting: int | None = None  # the outbox item whose answer the window wants
        self._sending: TicketUpdate | None = None
        self._waiting = 0  # items in the outbox
        self._connection_problem = ""  # what the banner says about the connection, if anything
        #: Asked before closing with updates still in the outbox; True closes.
        self.confirm_quit: Callable[[int], bool] = self._ask_before_quitting
        self._warm_up_started = False
        self._shut_down = False
        self._deadline = QTimer(self, singleShot=True, interval=round(deadline_seconds * 1000))
        self._deadline.timeout.connect(self._on_deadline_timeout)
        self._keychain_deadline = QTimer(
            self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000)
        )
        self._keychain_deadline.timeout.connect(self._on_keychain_deadline)

        self._build(ticket_id)
        self._show_connection()
        folder = settings.data_folder()
        self.outbox = OutboxDispatcher(
            store=(lambda: outbox_store)
            if outbox_store is not None
            else functools.partial(open_outbox, folder / OUTBOX_FILE_NAME),
            sender=lambda: self._sender,
            parent=self,
        )
        self.outbox.queued.connect(self._on_queued)
        self.outbox.attempted.connect(self._on_attempted)
        self.outbox.changed.connect(self._on_outbox_changed)
        self.outbox.failed.connect(self._on_outbox_failed)
        self.drafts = DraftKeeper(
            store=(lambda: draft_store)
            if draft_store is not None
            else functools.partial(open_drafts, folder / "draft.json"),
            form=self.form,
            parent=self,
        )
        self.drafts.restored.connect(self._on_draft_restored)
        self.drafts.problem.connect(self._on_draft_problem)
        self.form.type.currentIndexChanged.connect(self._load_known_contacts)
        self._restore_draft = ticket_id is None  # a --ticket wins over last run's draft

    # --- Building ----------------------------------------------------------------------------

    def _build(self, ticket_id: str | None) -> None:
        self.banner = Banner()
        self.form = TicketForm(statuses=self._settings.statuses())
        if ticket_id:
            self.form.ticket_id.setText(ticket_id)

        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.busy_indicator = QProgressBar(textVisible=False)
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)  # indeterminate
        self.busy_indicator.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_indicator, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)

        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own: it scrolls to whichever field gets the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)

        self.test_mode_badge = QLabel()
        self.test_mode_badge.setObjectName("testModeBadge")
        self.open_settings_button = QPushButton()
        self.open_settings_button.setObjectName("openSettingsButton")
        self.open_settings_button.clicked.connect(self.open_settings)
        self.discard_draft_button = QPushButton()
        self.discard_draft_button.setObjectName("discardDraftButton")
        self.discard_draft_button.hide()
        self.discard_draft_button.clicked.connect(self._on_discard_draft_clicked)
        self.update_created_button = QPushButton()
        self.update_created_button.setObjectName("updateCreatedButton")
        self.update_created_button.hide()
        self.update_created_button.clicked.connect(self._on_update_created_clicked)
        self._created_id = ""

        central = QWidget()
        column = QVBoxLayout(central)
        top = QHBoxLayout()
        self.sandbox_notice: QLabel | None = None
        if self.sandbox is not None:
            self.sandbox_notice = QLabel()
            self.sandbox_notice.setObjectName("sandboxNotice")
            top.addWidget(self.sandbox_notice)
        top.addStretch(1)
        top.addWidget(self.test_mode_badge)
        column.addLayout(top)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.open_settings_button, 0, Qt.AlignmentFlag.AlignTop)
        banner_row.addWidget(self.discard_draft_button, 0, Qt.AlignmentFlag.AlignTop)
        banner_row.addWidget(self.update_created_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(banner_row)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        self.setCentralWidget(central)

        self._build_menus()
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.outbox_status = QPushButton()
        self.outbox_status.setObjectName("outboxStatus")
        self.outbox_status.setFlat(True)
        self.outbox_status.clicked.connect(self.show_outbox_panel)
        self.outbox_status.hide()
        self.statusBar().addPermanentWidget(self.outbox_status)
        self.statusBar().addPermanentWidget(self.connection_label)

        self._outbox_items: list[OutboxItem] = []
        self._outbox_panel: OutboxPanel | None = None  # the panels are built when first shown
        self._history_panel: HistoryPanel | None = None
        self._build_view_menu()
        self._retranslate()

        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in shortcuts.SEND:
            QShortcut(QKeySequence(keys), self, self.submit)
        QShortcut(QKeySequence(shortcuts.CANCEL), self, self.cancel)

        self.form.operation_changed.connect(self._on_operation_changed)

        # Tab goes top to bottom: the banner's buttons, the form, Cancel and Update, then the
        # status bar's "N updates waiting" (hidden widgets are skipped).
        chain = [
            self.open_settings_button,
            self.discard_draft_button,
            self.update_created_button,
            self.form.ticket_id,
            self.form.automated,  # the form's own order in between
            self.cancel_button,
            self.submit_button,
            self.outbox_status,
        ]
        for before, after in itertools.pairwise(chain):
            if before is not self.form.ticket_id:
                self.setTabOrder(before, after)
        # The cursor starts in the first field left to fill.
        (self.form.title if ticket_id else self.form.ticket_id).setFocus()
        self.resize(640, 720)

    def _build_menus(self) -> None:
        self._file_menu = self.menuBar().addMenu("")  # the texts: _retranslate
        self.new_ticket_action = self._file_menu.addAction("")
        self.new_ticket_action.setObjectName("newTicketAction")
        self.new_ticket_action.setCheckable(True)
        self.new_ticket_action.setShortcut(QKeySequence(shortcuts.NEW_TICKET))
        self.new_ticket_action.toggled.connect(self._on_new_ticket_toggled)
        self._file_menu.addSeparator()
        self.settings_action = self._file_menu.addAction("")
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcuts(shortcuts.settings())
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(self.sandbox is None)  # the sandbox signs itself in
        self._quit_action = self._file_menu.addAction("")
        self._quit_action.setShortcuts(shortcuts.quit_app())
        self._quit_action.triggered.connect(self.close)
        self._view_menu = self.menuBar().addMenu("")  # filled by the panels
        self._sandbox_menu: QMenu | None = None
        self._sandbox_actions: dict[Any, QAction] = {}
        if self.sandbox is not None:
            self._build_sandbox_menu()
        self._help_menu = self.menuBar().addMenu("")
        self.help_action = self._help_menu.addAction("")
        self.help_action.setObjectName("helpAction")
        self.help_action.setShortcut(QKeySequence(shortcuts.HELP))
        self.help_action.triggered.connect(self.show_help)
        self._about_action = self._help_menu.addAction("")
        self._about_action.triggered.connect(self._show_about)

    def _build_view_menu(self) -> None:
        self.outbox_action = self._view_menu.addAction("")
        self.outbox_action.setShortcut(QKeySequence(shortcuts.OUTBOX))
        self.outbox_action.triggered.connect(self.show_outbox_panel)
        self.history_action = self._view_menu.addAction("")
        self.history_action.setShortcut(QKeySequence(shortcuts.HISTORY))
        self.history_action.triggered.connect(self.show_history_panel)
        self._view_menu.addSeparator()
        # The language, also here because Settings is off in the sandbox (where people try
        # the app first); the same choice as Settings ▸ Language, remembered the same way.
        self._language_menu = self._view_menu.addMenu("")
        self._language_actions: dict[str | None, QAction] = {}
        group = QActionGroup(self)
        for code in (None, *available_languages()):
            action = QAction(self, checkable=True)
            action.setObjectName(f"language_{code or 'system'}")
            action.triggered.connect(functools.partial(choose_language, self._settings, code))
            group.addAction(action)
            self._language_menu.addAction(action)
            self._language_actions[code] = action

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Every text of the window in the current language (at start and on a language
        change; the form, the banner and the panels translate themselves)."""
        self._retranslate_submit()
        self.new_ticket_action.setText(self.tr("&New ticket"))
        self.new_ticket_action.setToolTip(
            self.tr("Open a new ticket instead of updating one (Ctrl+N switches back)")
        )
        self.update_created_button.setText(self.tr("Update this ticket"))
        self.update_created_button.setToolTip(
            self.tr("Switch to updating the ticket that was just created")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop waiting for the server (Esc)"))
        self.busy_indicator.setAccessibleName(self.tr("Sending"))
        self.test_mode_badge.setText(self.tr("TEST MODE"))
        self.test_mode_badge.setToolTip(self.tr("Test keys: updates change test data only."))
        self.open_settings_button.setText(self.tr("&Open Settings…"))
        self.discard_draft_button.setText(self.tr("&Discard draft"))
        if self.sandbox_notice is not None:
            self.sandbox_notice.setText(self.tr("Sandbox — nothing is sent to Particle Space"))
        self._file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self._quit_action.setText(self.tr("&Quit"))
        self._view_menu.setTitle(self.tr("&View"))
        self.outbox_action.setText(self.tr("&Outbox"))
        self.history_action.setText(self.tr("&History"))
        self._language_menu.setTitle(self.tr("&Language"))
        names = available_languages()
        for code, action in self._language_actions.items():
            action.setText(names[code] if code else self.tr("&System language"))
        chosen = self._settings.language()
        self._language_actions.get(chosen, self._language_actions[None]).setChecked(True)
        self._help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("&Keyboard and fields"))
        self._about_action.setText(self.tr("&About Particle Tickets"))
        if self._sandbox_menu is not None:
            self._retranslate_sandbox_menu(self._sandbox_menu)
        self.outbox_status.setToolTip(self.tr("Show the outbox (Ctrl+Shift+O)"))
        self._show_waiting()
        self._show_where()
        if self.busy:
            self.statusBar().showMessage(self.tr("Sending…"))

    def _retranslate_submit(self) -> None:
        if self.form.operation() is Operation.CREATE:
            self.submit_button.setText(self.tr("Create tic&ket"))
            self.submit_button.setToolTip(self.tr("Create the new ticket (Ctrl+Enter)"))
        else:
            self.submit_button.setText(self.tr("&Update ticket"))
            self.submit_button.setToolTip(self.tr("Send the update (Ctrl+Enter)"))

    @property
    def outbox_panel(self) -> OutboxPanel:
        if self._outbox_panel is None:
            from gui.ui.outbox_panel import OutboxPanel

            panel = OutboxPanel(parent=self)
            panel.retry_requested.connect(self.outbox.retry_now)
            panel.discard_requested.connect(self.outbox.discard)
            panel.open_requested.connect(self._on_outbox_open)
            panel.show_items(self._outbox_items)
            self._dock(panel)
            self._outbox_panel = panel
        return self._outbox_panel

    @property
    def history_panel(self) -> HistoryPanel:
        if self._history_panel is None:
            from gui.ui.history_panel import HistoryPanel

            panel = HistoryPanel(parent=self)
            panel.search_requested.connect(self._on_history_search)
            panel.open_requested.connect(self._on_history_open)
            self._dock(panel)
            self._history_panel = panel
        return self._history_panel

    def _dock(self, panel: QDockWidget) -> None:
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
        others = [other for other in (self._outbox_panel, self._history_panel) if other]
        if others:
            self.tabifyDockWidget(others[0], panel)
        panel.hide()

    def show_history_panel(self) -> None:
        self.history_panel.show()
        self.history_panel.raise_()

    def show_outbox_panel(self) -> None:
        """Show the outbox (also from the status bar's "N updates waiting")."""
        self.outbox_panel.show()
        self.outbox_panel.raise_()

    def show_help(self) -> None:
        """The help (F1): the fields, what each takes, and the keyboard shortcuts."""
        from gui.ui.help_dialog import HelpDialog

        dialog = self.findChild(HelpDialog)
        if dialog is None:
            dialog = HelpDialog(fields=self.form.field_help, parent=self)
            dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _build_sandbox_menu(self) -> None:
        from gui.sandbox import Behaviour

        self._sandbox_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        for behaviour in Behaviour:
            action = QAction(self, checkable=True)
            action.setObjectName(f"sandbox_{behaviour.value}")
            action.setChecked(behaviour is Behaviour.NORMAL)
            action.triggered.connect(functools.partial(self._set_sandbox_behaviour, behaviour))
            group.addAction(action)
            self._sandbox_menu.addAction(action)
            self._sandbox_actions[behaviour] = action

    def _retranslate_sandbox_menu(self, menu: QMenu) -> None:
        from gui.sandbox import Behaviour

        menu.setTitle(self.tr("Sandbo&x"))
        labels = {
            Behaviour.NORMAL: self.tr("Answer normally"),
            Behaviour.SLOW: self.tr("Answer slowly"),
            Behaviour.SERVER_ERROR: self.tr("Fail with a server error (500)"),
            Behaviour.BUSY: self.tr("Say it is busy (429)"),
            Behaviour.UNAVAILABLE: self.tr("Say it is unavailable (503)"),
            Behaviour.PROXY_HTML: self.tr("Answer with a proxy's error page (502)"),
            Behaviour.DRIP: self.tr("Never finish answering"),
        }
        for behaviour, action in self._sandbox_actions.items():
            action.setText(labels.get(behaviour, behaviour.value))

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

    def _show_where(self) -> None:
        """The window title and the status bar's connection label."""
        test_mode = self.connection.credentials.mode is Mode.TEST
        title = self.tr("Particle Tickets")
        if self.form.operation() is Operation.CREATE:
            title += self.tr(" — New ticket")
        if self.sandbox is not None:
            title += self.tr(" — Sandbox")
        elif test_mode:
            title += self.tr(" — TEST")
        self.setWindowTitle(title)
        if self.sandbox is not None:
            where = self.tr("Sandbox at {address}").format(address=self.sandbox.url)
        else:
            where = self.tr("Sends to {address}").format(address=self.connection.api_base)
        self.connection_label.setText(where)

    def _show_connection(self) -> None:
        connection = self.connection
        test_mode = connection.credentials.mode is Mode.TEST
        self._show_where()
        self.test_mode_badge.setVisible(test_mode and self.sandbox is None)
        signed_out = connection.credentials.empty or not connection.usable
        self.open_settings_button.setVisible(signed_out and self.sandbox is None)
        # The banner says what is wrong with the connection unless it is telling the user
        # something else (a restored draft, an answer); Open Settings stays visible anyway.
        showing_other = (
            self.banner.isVisible() and self.banner.message() != self._connection_problem
        )
        if connection.usable:
            if not showing_other:
                self.banner.clear_message()
            self._connection_problem = ""
            return
        problem: str = connection.problem or ""
        if connection.credentials.empty and not self._keychain_available:
            problem = join(
                [
                    problem,
                    QT_TRANSLATE_NOOP(
                        "MainWindow",
                        "This computer has no keychain: keys entered in Settings are kept only "
                        "until the app closes.",
                    ),
                ]
            )
        self._connection_problem = problem
        if not showing_other:
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
                jobs=self._jobs,
                parent=self,
            )
            self._settings_dialog.saved.connect(self._on_settings_saved)
            self._settings_dialog.finished.connect(self._on_settings_closed)
        self._settings_dialog.open()

    def _on_settings_saved(self) -> None:
        self._keychain_deadline.stop()  # a keychain read still under way is out of date now
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
        self._keychain_deadline.start()
        self._jobs.run(
            lambda: (keychain.load(), keychain.available),
            self._on_keychain_loaded,
            self._on_keychain_failed,
        )

    def _on_keychain_loaded(self, result: tuple[Credentials, bool]) -> None:
        if not self._keychain_deadline.isActive():
            return  # too late: the window already said the keychain did not answer
        self._keychain_deadline.stop()
        credentials, self._keychain_available = result
        if self._resolve is not None:  # always: the keychain is only read when it is set
            self.set_connection(self._resolve(credentials))

    def _on_keychain_failed(self, error: Exception) -> None:
        if not self._keychain_deadline.isActive():
            return
        from gui.core.errors import TicketError

        self._keychain_deadline.stop()
        message = error.message if isinstance(error, TicketError) else str(error)
        log.warning("could not read the keychain: %s", type(error).__name__)
        self.banner.show_message(
            BannerKind.ERROR,
            join([message, QT_TRANSLATE_NOOP("MainWindow", "Open Settings to enter your keys.")]),
        )

    def _on_keychain_deadline(self) -> None:
        self.banner.show_message(
            BannerKind.ERROR,
            QT_TRANSLATE_NOOP(
                "MainWindow",
                "The keychain did not answer within {seconds:g} s; it may be waiting for you to "
                "unlock it. Open Settings to enter your keys, or restart the app once it is "
                "unlocked.",
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
            self._give_up(
                BannerKind.INFO, QT_TRANSLATE_NOOP("MainWindow", "Stopped waiting for the server.")
            )

    def _start(self, update: TicketUpdate) -> None:
        """Put the update in the outbox; the dispatcher sends it and reports its first attempt."""
        self._sending = update
        self._awaiting = _QUEUEING
        self._set_busy(True)
        self._deadline.start()
        self.outbox.enqueue(update)

    def _stop_waiting(self) -> None:
        if self._awaiting is not None and self._awaiting != _QUEUEING:
            self.outbox.stop_waiting(self._awaiting)  # it then waits there for a decision
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

    def _on_new_ticket_toggled(self, checked: bool) -> None:
        if self.busy:  # the form is read-only while sending: keep the mode it is sending in
            self.new_ticket_action.setChecked(self.form.operation() is Operation.CREATE)
            return
        self.form.set_operation(Operation.CREATE if checked else Operation.UPDATE)

    def _on_operation_changed(self, operation: Operation) -> None:
        creating = operation is Operation.CREATE
        self.new_ticket_action.setChecked(creating)
        self._retranslate_submit()
        self.update_created_button.hide()
        self._show_where()
        if creating or not self.form.ticket_id.text():
            (self.form.title if creating else self.form.ticket_id).setFocus()

    def _on_update_created_clicked(self) -> None:
        """Switch to updating the ticket just created: its id in the form, the rest kept."""
        created = self._created_id
        if self.busy or not created:
            return
        self.form.set_operation(Operation.UPDATE)
        self.form.ticket_id.setText(created)
        self.banner.show_message(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP(
                "MainWindow", "Now updating ticket {ticket}: change what you need, then Update."
            ).format(ticket=created),
        )
        self.form.status.setFocus()

    def _on_queued(self, queued: Queued) -> None:
        if self._awaiting != _QUEUEING:
            return
        if queued.behind:
            self._stop_waiting()
            if queued.behind == 1:
                text = QT_TRANSLATE_NOOP(
                    "MainWindow",
                    "Saved in the outbox. It goes out after the earlier update to ticket "
                    "{ticket} that is still waiting there.",
                )
            else:
                text = QT_TRANSLATE_NOOP(
                    "MainWindow",
                    "Saved in the outbox. It goes out after the {count} earlier updates to "
                    "ticket {ticket} that are still waiting there.",
                )
            self.banner.show_message(
                BannerKind.INFO, text.format(count=queued.behind, ticket=queued.item.ticket_id)
            )
            self.drafts.discard()
            return
        self._awaiting = queued.item.id

    def _on_attempted(self, attempt: Attempt) -> None:
        if attempt.items is not None:
            self._on_outbox_changed(attempt.items)
        if attempt.verdict is None and attempt.item.notify:
            self._load_known_contacts()  # the contacts it went to are offered from now on
        if attempt.item.id != self._awaiting:
            return  # another item of the outbox, or one the user stopped waiting for
        self._stop_waiting()
        if attempt.verdict is None:
            result = cast("UpdateResult", attempt.outcome)
            self.banner.show_message(
                BannerKind.SUCCESS, describe_success(result, created=attempt.item.update.creates)
            )
            self.drafts.discard()
            if attempt.item.update.creates and result.ticket_id:
                self._created_id = result.ticket_id
                self.update_created_button.show()
                self.update_created_button.setFocus()
                self.sent.emit(attempt.outcome)
                return
            self.submit_button.setFocus()
            self.sent.emit(attempt.outcome)
            return
        self._show_failure(attempt.outcome, attempt.verdict)

    def _show_failure(self, error: object, verdict: Verdict) -> None:
        from gui.core.errors import KeysRejected, TicketError, TokenRejected
        from gui.core.retry import Action

        text: str
        if isinstance(error, TicketError):
            log.info("update failed: %s (%s)", type(error).__name__, verdict.action.value)
            text = error.message
            self.form.show_errors(error.field_errors)
            if isinstance(error, KeysRejected | TokenRejected) and self.sandbox is None:
                self.open_settings_button.show()
        else:
            log.error("update failed unexpectedly", exc_info=error)  # type: ignore[arg-type]
            text = QT_TRANSLATE_NOOP(
                "MainWindow",
                "Something unexpected went wrong (the details are in the log). "
                "Check the ticket before sending the update again.",
            )
        if verdict.action is Action.RETRY:
            self.drafts.discard()  # it is safe in the outbox now
            text = join(
                [
                    text,
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "The update waits in the outbox and goes out by itself."
                    ),
                ]
            )
        elif verdict.action is Action.DECIDE:
            self.drafts.discard()
            text = join(
                [
                    text,
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "It waits in the outbox: resend or discard it there."
                    ),
                ]
            )
        self.banner.show_message(BannerKind.ERROR, text)
        if not self.form.visible_errors():
            self.submit_button.setFocus()
        self.failed.emit(error)

    def _on_outbox_changed(self, items: list[OutboxItem]) -> None:
        self._outbox_items = items
        if self._outbox_panel is not None:
            self._outbox_panel.show_items(items)
        self._waiting = len(items)
        self._show_waiting()

    def _show_waiting(self) -> None:
        count = self._waiting
        self.outbox_status.setVisible(count > 0)
        text = self.tr("1 update waiting") if count == 1 else self.tr("{count} updates waiting")
        self.outbox_status.setText(text.format(count=count))

    def _on_outbox_failed(self, message: str) -> None:
        if self.busy:
            self._stop_waiting()
        self.banner.show_message(BannerKind.ERROR, message)

    def _on_deadline_timeout(self) -> None:
        seconds = self._deadline.interval() / 1000
        lead = QT_TRANSLATE_NOOP(
            "MainWindow", "No complete answer within {seconds:g} s, so the app stopped waiting."
        )
        self._give_up(BannerKind.ERROR, lead.format(seconds=seconds))

    def _give_up(self, kind: BannerKind, lead: str) -> None:
        """Stop waiting (the request cannot be recalled) and say what that means."""
        sending = self._sending
        self._stop_waiting()
        if sending is not None and sending.creates:
            warning = _MAY_HAVE_CREATED
        else:
            warning = _MAY_HAVE_ARRIVED.format(ticket=sending.ticket_id if sending else "")
        self.banner.show_message(kind, join([lead, warning]))
        self.cancelled.emit()

    # --- Drafts, outbox items and history in the form ---------------------------------------

    def _on_draft_restored(self, draft: TicketDraft) -> None:
        if self.busy:
            return
        self.form.set_draft(draft)
        self.banner.show_message(
            BannerKind.INFO, QT_TRANSLATE_NOOP("MainWindow", "Restored your unsent draft.")
        )
        self.discard_draft_button.show()

    def _on_draft_problem(self, message: str) -> None:
        self.banner.show_message(BannerKind.ERROR, message)

    def _on_discard_draft_clicked(self) -> None:
        from gui.core.ticket import TicketDraft

        self.drafts.discard()
        self.form.set_draft(TicketDraft())
        self.drafts.discard()  # set_draft counted as an edit
        self.discard_draft_button.hide()
        self.banner.clear_message()

    def _on_outbox_open(self, item: OutboxItem) -> None:
        import dataclasses

        from gui.core.wire import decode_pairs, encode_pairs

        draft = decode_pairs(item.ticket_id, encode_pairs(item.update))
        self._load_into_form(
            dataclasses.replace(draft, operation=item.update.operation), item.ticket_id
        )

    def _on_history_search(self, text: str) -> None:
        self.outbox.run_on_store(lambda store: store.history(text=text), self._on_history_found)

    def _on_history_found(self, entries: object) -> None:
        if isinstance(entries, list):
            self.history_panel.show_entries(entries)

    def _on_history_open(self, entry: HistoryEntry) -> None:
        from gui.core.wire import decode_pairs

        self._load_into_form(decode_pairs(entry.ticket_id, entry.fields), entry.ticket_id)

    def _load_into_form(self, draft: TicketDraft, ticket_id: str) -> None:
        if self.busy:
            return
        self.form.set_draft(draft)
        if draft.operation is Operation.CREATE:
            text = QT_TRANSLATE_NOOP("MainWindow", "Loaded the new ticket into the form.")
        else:
            text = QT_TRANSLATE_NOOP(
                "MainWindow", "Loaded the update to {ticket} into the form."
            ).format(ticket=ticket_id)
        self.banner.show_message(BannerKind.INFO, text)
        self.form.title.setFocus()

    def _load_known_contacts(self, *_: object) -> None:
        contact_type = self.form.contact_type()
        self.outbox.run_on_store(
            lambda store: store.contacts(contact_type), self._on_known_contacts
        )

    def _on_known_contacts(self, contacts: object) -> None:
        if isinstance(contacts, list):
            self.form.set_known_contacts(contacts)

    def _ask_before_quitting(self, waiting: int) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Updates are waiting"),
            (
                self.tr("1 update is still in the outbox.")
                if waiting == 1
                else self.tr("{count} updates are still in the outbox.").format(count=waiting)
            )
            + " "
            + self.tr("It stays there and goes out the next time you open Particle Tickets.")
            + " "
            + self.tr("Quit now?"),
        )
        return answer == QMessageBox.StandardButton.Yes

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
        # Work that would compete with the first paint for the interpreter starts only now:
        # the outbox (a crashed run's updates go out first), the draft, the keychain.
        self.outbox.start()
        if self._restore_draft:
            self.drafts.restore()
        self._load_known_contacts()
        self._load_keychain()
        # PySide builds its QStyle wrapper on the first style() call (4 ms): do it now, while
        # the user reads the window, rather than when the first message has to appear.
        self.style()
        self._jobs.run(
            self._sender.warm_up, lambda _result: self.warmed_up.emit(), self._on_warm_up_failed
        )

    def _on_warm_up_failed(self, error: Exception) -> None:
        log.warning("could not preload the modules for sending", exc_info=error)

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self._waiting or (1 if self.busy else 0)
        if not self._shut_down and waiting and not self.confirm_quit(waiting):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop waiting, end the worker threads (bounded), close the sandbox. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self._stop_waiting()
        self.drafts.shutdown()
        self.outbox.shutdown()
        if not self._jobs.wait(_SHUTDOWN_WAIT_MS):
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


def describe_success(result: UpdateResult, *, created: bool = False) -> str:
    """ "Ticket tic_… updated." (or "created.") plus the status and title the server echoed,
    if it did (a Message: the banner says it in the user's language)."""
    from gui.core.api_contract import clean_message

    if created and result.ticket_id:
        text = QT_TRANSLATE_NOOP("MainWindow", "Ticket {ticket} created.").format(
            ticket=result.ticket_id
        )
    elif created:
        text = QT_TRANSLATE_NOOP("MainWindow", "Ticket created; Particle Space did not say its id.")
    else:
        text = QT_TRANSLATE_NOOP("MainWindow", "Ticket {ticket} updated.").format(
            ticket=result.ticket_id
        )
    echoed = result.echoed or {}
    details: list[str] = []
    if isinstance(echoed.get("status"), str) and echoed["status"]:
        status = clean_message(echoed["status"])[:60]
        details.append(QT_TRANSLATE_NOOP("MainWindow", "status {status}").format(status=status))
    if isinstance(echoed.get("title"), str) and echoed["title"]:
        title = clean_message(echoed["title"])[:60]
        details.append(QT_TRANSLATE_NOOP("MainWindow", "title “{title}”").format(title=title))
    if not details and isinstance(echoed.get("message"), str):
        details.append(plain(clean_message(echoed["message"])))
    if not details:
        return text
    now_has = QT_TRANSLATE_NOOP("MainWindow", "Particle Space now has {details}.")
    return join([text, now_has.format(details=join(details, ", "))])
