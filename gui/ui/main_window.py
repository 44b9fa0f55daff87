"""`MainWindow`: the ticket window, assembled from the parts that do the work.

- `SendController` (send_controller.py): Update, Cancel, the deadline, the awaited item, and
  `SendReport` (send_report.py): what the banner says about it;
- `SignInController` (sign_in.py): the connection in use, the keychain, Settings;
  `ConnectionView` (connection_view.py): the title, "Sends to …", TEST MODE, Open Settings;
  `SignInFlow` (sign_in_flow.py): the sign-in page, and the ways into and out of the sandbox;
- `OutboxDispatcher` (dispatcher.py) and `DraftKeeper` (draft_keeper.py): the outbox and draft;
- `TicketSwitcher` (ticket_switcher.py): which ticket the form is about, what Particle Space
  last confirmed of it, Undo; `FormFiller` (form_filler.py): the restored draft, outbox items
  and history in the form; `StartNotice` (start_notice.py): what the window says as it opens;
  `TemplatesMenu` (templates_menu.py): the saved notices inserted into the message;
- `TicketPage` (ticket_page.py: the banner, `TicketForm`, Update), `MainMenuBar` (menus.py),
  `WindowStatusBar` (status_bar.py) and `Panels` (panels.py): what the user sees.

The window builds its first frame (page, menus, status bar, connection, sign-in), then the
controllers that work behind it (`window_controllers.add_controllers`: as it is built, or for the
app's first window right after its first paint), connects them, remembers where it was
(`AppSettings`), warms up after its first paint and shuts them down in order.
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from gui import collector
from gui.core.fields import Operation
from gui.ui import shortcuts
from gui.ui.banner import BannerKind
from gui.ui.connection_view import ConnectionView
from gui.ui.menus import MainMenuBar
from gui.ui.quit_question import ask_before_quitting
from gui.ui.sign_in import SignInController
from gui.ui.sign_in_flow import SignInFlow
from gui.ui.status_bar import WindowStatusBar
from gui.ui.ticket_page import TicketPage
from gui.ui.worker import JobRunner

# What is needed only once the user sends is imported where it is used: the warm-up job loads
# it on a worker thread right after the first paint, so start-up does not pay for it and the
# GUI thread finds it already loaded (see TicketSender.warm_up).
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.core.drafts import DraftStore
    from gui.core.keychain import Keychain
    from gui.core.outbox import OutboxItem, OutboxStore
    from gui.sandbox import SandboxServer
    from gui.ui.batch_launcher import BatchLauncher
    from gui.ui.contacts_book import ContactsBook
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.draft_keeper import DraftKeeper
    from gui.ui.form_filler import FormFiller
    from gui.ui.history_panel import HistoryPanel
    from gui.ui.notification_preview import NotificationPreviewer
    from gui.ui.outbox_panel import OutboxPanel
    from gui.ui.panels import Panels
    from gui.ui.send_controller import SendController
    from gui.ui.send_report import SendReport
    from gui.ui.settings import AppSettings
    from gui.ui.sign_in_page import SignInPage
    from gui.ui.templates_menu import TemplatesMenu
    from gui.ui.ticket_switcher import TicketSwitcher

log = logging.getLogger(__name__)

#: How long closing the window waits for the warm-up.
_SHUTDOWN_WAIT_MS = 3000


class MainWindow(QMainWindow):
    """The window staff use to update a ticket, or to open a new one (File ▸ New ticket,
    `newTicketAction`: the same form, checks, outbox and history, without a ticket id).

    While an update's first attempt is on its way the form is read-only, Update is disabled, a
    busy bar shows, and Cancel (or Esc) gives the controls back at once.

    Signals:
        sent(UpdateResult): the server confirmed an update.
        failed(object): an update was refused or never got an answer (a TicketError, or the
            unexpected exception).
        cancelled(): the user, or the deadline, stopped the wait.
        first_painted(): the window has been painted for the first time.
        warmed_up(): the modules sending needs are loaded (off the GUI thread).
        sandbox_requested(): Try the sandbox first (the app opens the sandbox's window).
        real_service_requested(object): the sandbox's Sign in…: the app opens the window for
            Particle Space, with the keys just saved (Credentials) or None to find them.
        replaced(object): this window gave way to another (the MainWindow now shown).
    """

    sent = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    first_painted = Signal()
    warmed_up = Signal()
    sandbox_requested = Signal()
    real_service_requested = Signal(object)
    replaced = Signal(object)

    # What the page does (window_controllers.py): there once the window is built, or with
    # `controllers_after_first_paint` once it is first painted.
    outbox: OutboxDispatcher
    sending: SendController
    drafts: DraftKeeper
    switcher: TicketSwitcher
    filler: FormFiller
    report: SendReport
    templates: TemplatesMenu
    panels: Panels
    batch: BatchLauncher
    contacts: ContactsBook
    preview: NotificationPreviewer

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
        deadline_seconds: float | None = None,
        signed_in_elsewhere: Callable[[], bool] = lambda: False,
        controllers_after_first_paint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.sandbox = sandbox
        self.settings = settings
        if settings.parent() is None:
            settings.setParent(self)  # its writer thread ends with the window
        #: Asked before closing with updates still in the outbox; True closes.
        self.confirm_quit: Callable[[int], bool] = functools.partial(ask_before_quitting, self)
        self._warm_up = JobRunner(parent=self)
        self._warm_up_stopped = threading.Event()  # closing: it stops between two imports
        self.warmed_up.connect(lambda: collector.start_up_done("warmed up"))
        self._warm_up_started = self._shut_down = False
        self.outbox_items: list[OutboxItem] = []  # as the outbox last listed them
        self._restore_draft = ticket_id is None  # a --ticket wins over last run's draft

        self.sign_in = SignInController(
            connection=connection,
            settings=settings,
            keychain=keychain,
            resolve=resolve,
            parent=self,
        )
        self._build(ticket_id)
        self.connection_view = ConnectionView(
            window=self,
            page=self.page,
            label=self.connection_label,
            sign_in=self.sign_in,
            sandbox=sandbox,
        )
        self.sign_in_flow = SignInFlow(
            window=self,
            pages=self.pages,
            ticket_page=self.page,
            sign_in=self.sign_in,
            settings=settings,
            sandbox=sandbox is not None,
            form_actions=(self.new_ticket_action, *self.menus.form_actions),
            sign_in_action=self.sign_in_action,
            open_settings=self.open_settings,
            busy=lambda: self.busy,
            signed_in_elsewhere=signed_in_elsewhere,
        )
        self.sign_in_flow.sandbox_requested.connect(self.sandbox_requested)
        self.sign_in_flow.real_service_requested.connect(self.real_service_requested)
        # Where it was last time, and how its panels were docked (each takes its place when
        # first shown: `Panels`).
        settings.restore_window(self)

        def add_controllers() -> None:
            from gui.ui.window_controllers import add_controllers

            add_controllers(
                self,
                outbox_store=outbox_store,
                draft_store=draft_store,
                deadline_seconds=deadline_seconds,
                ticket_id=ticket_id,
            )
            self._connect()

        self._add_controllers: Callable[[], None] | None = add_controllers
        self._has_controllers = False
        if ticket_id or not controllers_after_first_paint:  # --ticket: the first frame says
            self._controllers_now()  # what the switcher found of it, so it is built whole

    if not TYPE_CHECKING:  # for mypy, the controllers are the attributes declared above

        def __getattr__(self, name: str) -> object:
            """A controller asked for before the first paint is added there and then (with
            the others): what the window's user, a test or a tool reaches always works."""
            controller = name in MainWindow.__annotations__  # declared above, set elsewhere
            if controller and self.__dict__.get("_add_controllers") is not None:
                self._controllers_now()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def controllers_added(self) -> bool:
        """Whether the page works: its controllers are there (window_controllers.py)."""
        return self._has_controllers

    def _controllers_now(self) -> None:
        """Add the controllers unless they are there (or the window is shut down): once, as
        the window is built or on its first paint."""
        add, self._add_controllers = self._add_controllers, None
        if add is not None:
            add()
            self._has_controllers = True

    # --- Building ----------------------------------------------------------------------------

    def _build(self, ticket_id: str | None) -> None:
        page = self.page = TicketPage(  # its notification's rows come with the controllers
            statuses=self.settings.statuses(),
            sandbox=self.sandbox is not None,
            notify_rows_later=True,
        )
        # The ticket page, or the sign-in page when there is nothing to sign in with.
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        # The page's parts the window (and tests, tools and automation) reach by name.
        self.banner, self.form = page.banner, page.form
        self.submit_button, self.cancel_button = page.submit_button, page.cancel_button
        self.busy_indicator, self.test_mode_badge = page.busy_indicator, page.test_mode_badge
        self.open_settings_button = page.open_settings_button
        self.discard_draft_button = page.discard_draft_button
        self.update_created_button = page.update_created_button
        self.sandbox_notice = page.sandbox_notice
        if ticket_id:
            self.form.ticket_id.setText(ticket_id)

        self.menus = MainMenuBar(settings=self.settings, sandbox=self.sandbox, parent=self)
        self.setMenuBar(self.menus)
        self.new_ticket_action = self.menus.new_ticket_action
        self.settings_action = self.menus.settings_action
        self.sign_in_action = self.menus.sign_in_action
        self.outbox_action = self.menus.outbox_action
        self.history_action = self.menus.history_action
        self.help_action = self.menus.help_action
        self.status_bar = WindowStatusBar(parent=self)
        self.setStatusBar(self.status_bar)
        self.connection_label = self.status_bar.connection_label
        self.outbox_status = self.status_bar.outbox_status

        # Tab goes top to bottom: the banner's buttons, the form, Cancel and Update, then the
        # status bar's "N updates waiting" (hidden widgets are skipped).
        chain = [
            *page.banner_buttons,
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

    def _connect(self) -> None:
        menus, sending, outbox = self.menus, self.sending, self.outbox
        menus.new_ticket_action.toggled.connect(self._on_new_ticket_toggled)
        menus.clear_form_action.triggered.connect(self.switcher.clear)
        menus.settings_action.triggered.connect(self.open_settings)
        menus.quit_action.triggered.connect(self.close)
        menus.outbox_action.triggered.connect(self.show_outbox_panel)
        menus.history_action.triggered.connect(self.show_history_panel)
        menus.help_action.triggered.connect(self.show_help)
        menus.about_action.triggered.connect(functools.partial(_show_about, self))
        self.status_bar.outbox_requested.connect(self.show_outbox_panel)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in shortcuts.SEND:
            QShortcut(QKeySequence(keys), self, self.submit)
        # Esc stops waiting only while sending: at other times it belongs to whatever has the
        # keyboard (a completion's list, a field's own undo), which a window shortcut would take.
        self._cancel_shortcut = QShortcut(QKeySequence(shortcuts.CANCEL), self, self.cancel)
        self._cancel_shortcut.setEnabled(False)
        self.open_settings_button.clicked.connect(self.open_settings)
        self.form.operation_changed.connect(self._on_operation_changed)
        sending.busy_changed.connect(self._set_busy)
        self.report.sent.connect(self.sent)
        self.report.failed.connect(self.failed)
        self.report.cancelled.connect(self.cancelled)
        self.report.confirmed.connect(self.switcher.confirmed)
        self.report.send_again_requested.connect(functools.partial(self.submit, again=True))
        self.report.update_created_requested.connect(self.switcher.switch_to)
        self.report.outbox_requested.connect(self.show_outbox_panel)
        self.form.edited.connect(sending.forget_unchanged)
        outbox.changed.connect(self._on_outbox_changed)
        # What can go wrong beside a send, said in the banner (each a Message).
        say_problem = functools.partial(self.page.say, BannerKind.ERROR)
        for problem in (
            outbox.failed,
            self.drafts.problem,
            self.sign_in.problem,
            self.settings.failed,
        ):
            problem.connect(say_problem)
        self.panels.item_opened.connect(self.filler.open_item)
        self.panels.entry_opened.connect(self.filler.open_entry)

    # --- Panels and help ---------------------------------------------------------------------

    @property
    def outbox_panel(self) -> OutboxPanel:
        return self.panels.outbox_panel

    @property
    def history_panel(self) -> HistoryPanel:
        return self.panels.history_panel

    def show_outbox_panel(self) -> None:
        """Show the outbox (also from the status bar's "N updates waiting")."""
        self.panels.show_outbox()

    def show_history_panel(self) -> None:
        self.panels.show_history()

    def show_help(self) -> None:
        """The help (F1): the fields, what each takes, and the keyboard shortcuts."""
        from gui.ui.help_dialog import show_help

        show_help(self, self.form.field_help)

    # --- Connection and sign-in --------------------------------------------------------------

    @property
    def connection(self) -> Connection:
        """Where updates go and as whom (the sign-in's connection)."""
        return self.sign_in.connection

    def set_connection(self, connection: Connection) -> None:
        """Send with `connection` from now on."""
        self.sign_in.set_connection(connection)

    def open_settings(self) -> None:
        """Show the Settings dialog (not while an update is on its way, nor in the sandbox)."""
        if not self.busy and self.sandbox is None:
            self.sign_in.open_settings(self)

    @property
    def sign_in_page(self) -> SignInPage | None:
        """The sign-in page, once it has been shown (`signInPage`)."""
        return self.sign_in_flow.page

    # --- Sending -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.controllers_added() and self.sending.busy

    def submit(self, *, again: bool = False) -> None:
        """Check the form and send it; inline errors instead when it has mistakes. `again`:
        even when exactly this was sent already (Send again)."""
        if self.busy or self._shut_down:
            return  # a second press while sending sends nothing
        if self.switcher.pending() and self.switcher.switch_to(self.form.ticket_id.text()):
            return  # an id typed but not left: the rest was another ticket's, look first
        self.page.clear_message()
        self.form.clear_errors()
        region, known = self.settings.sms_region(), self.switcher.known
        self.sending.submit(self.form.draft(), region=region, known=known, again=again)

    def cancel(self) -> None:
        """Stop waiting for the answer and give the controls back at once."""
        self.sending.cancel()

    def _set_busy(self, busy: bool) -> None:
        self._cancel_shortcut.setEnabled(busy)
        self.page.set_busy(busy)
        self.status_bar.set_sending(busy)

    def _on_outbox_changed(self, items: list[OutboxItem]) -> None:
        self.outbox_items = items
        self.panels.show_items(items)
        self.status_bar.show_waiting(len(items))

    # --- New tickets -------------------------------------------------------------------------

    def _on_new_ticket_toggled(self, checked: bool) -> None:
        if self.busy:  # the form is read-only while sending: keep the mode it is sending in
            self.new_ticket_action.setChecked(self.form.operation() is Operation.CREATE)
            return
        self.form.set_operation(Operation.CREATE if checked else Operation.UPDATE)

    def _on_operation_changed(self, operation: Operation) -> None:
        creating = operation is Operation.CREATE
        self.new_ticket_action.setChecked(creating)
        if creating or not self.form.ticket_id.text():
            (self.form.title if creating else self.form.ticket_id).setFocus()

    # --- Warm-up and shutdown ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._warm_up_started:
            self._warm_up_started = True
            # On screen: what start-up left out, a piece a turn. The form's hidden rows (5 ms), the
            # controllers (and the warm-up), their start (3-6 ms), PySide's QStyle wrapper (4 ms).
            self._left_out: list[Callable[[], object]] = [self.form.add_notify_rows]
            self._left_out += [self._after_first_paint, self._start_controllers, self.style]
            QTimer.singleShot(0, self._next_left_out)

    def _next_left_out(self) -> None:
        """The next piece, the rest on a timer (zero-time calls run before a due GUI timer)."""
        if not self._shut_down and self._left_out:
            self._left_out.pop(0)()
            QTimer.singleShot(1, self._next_left_out)

    def _after_first_paint(self) -> None:
        self._controllers_now()  # before anything painted can be clicked, typed or dropped
        self.first_painted.emit()
        collector.start_up_done("painted")  # and the collector held off until now runs again
        warm_up = functools.partial(
            self.sign_in.ticket_sender.warm_up, stopped=self._warm_up_stopped.is_set
        )
        self._warm_up.run(warm_up, lambda _result: self.warmed_up.emit(), self._on_warm_up_failed)

    def _start_controllers(self) -> None:
        from gui.ui.window_controllers import start_controllers  # loaded with the controllers

        start_controllers(self, restore_draft=self._restore_draft)

    def _on_warm_up_failed(self, error: Exception) -> None:
        log.warning("could not preload the modules for sending", exc_info=error)

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self.status_bar.waiting or (1 if self.busy else 0)
        if not self._shut_down and waiting and not self.confirm_quit(waiting):
            event.ignore()
            return
        if not self._shut_down:
            self.settings.remember_window_state(self.saveGeometry(), self.saveState())
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop waiting, end the worker threads (bounded), close the sandbox. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        if self._has_controllers:  # none to stop when it closed before its first paint
            self.sending.shutdown()
            self.drafts.shutdown()
            self.templates.shutdown()  # before the outbox's thread: it may save its last edit
            self.contacts.shutdown()
            self.outbox.shutdown()
        self._add_controllers = None  # and none to add
        self._warm_up_stopped.set()
        if not self._warm_up.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the warm-up was still running when the window closed")
        self.sign_in.shutdown()
        self.settings.sync()
        if self.sandbox is not None:
            self.sandbox.stop()


def _show_about(window: MainWindow) -> None:
    """Help ▸ About (its module loads when it is first asked for)."""
    from gui.ui.help_dialog import show_about

    show_about(window)
