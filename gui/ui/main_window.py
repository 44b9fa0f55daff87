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
- `TicketPage` (ticket_page.py, placed by window_pages.py), `MainMenuBar` (menus.py),
  `WindowStatusBar` (status_bar.py) and `Panels` (panels.py): what the user sees.

It builds its first frame (page, menus, status bar, connection, sign-in), then the controllers
behind it (window_controllers.py: at once, or for the app's first window after its first
paint), connects them, remembers where it was, warms up and shuts them down in order."""

from __future__ import annotations

import functools
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
from gui.ui.sign_in_flow import SignInFlow, sign_in_page_wanted
from gui.ui.status_bar import WindowStatusBar
from gui.ui.window_pages import PARTS, add_ticket_page
from gui.ui.worker import JobRunner

# What is needed only once the user sends is imported where it is used: the warm-up job loads
# it on a worker thread right after the first paint, so start-up does not pay for it and the
# GUI thread finds it already loaded (see SignInController.warm_up).
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.core.drafts import DraftStore
    from gui.core.keychain import Keychain
    from gui.core.outbox import OutboxItem, OutboxStore
    from gui.sandbox import SandboxServer
    from gui.ui.banner import Banner
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
    from gui.ui.ticket_form import TicketForm
    from gui.ui.ticket_page import TicketPage
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

    # The ticket page and its parts (window_pages.py): there once the window is built, or
    # behind a first start's sign-in page once the window is first painted.
    page: TicketPage
    banner: Banner
    form: TicketForm
    submit_button: QPushButton
    cancel_button: QPushButton
    busy_indicator: QProgressBar
    test_mode_badge: QLabel
    open_settings_button: QPushButton
    discard_draft_button: QPushButton
    update_created_button: QPushButton
    sandbox_notice: QLabel | None
    # What the page does (window_controllers.py): there once the window is built, or with
    # `controllers_after_first_paint` once it is first painted.
    _cancel_shortcut: QShortcut  # Esc while sending (connected with them)
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
        self._build()
        self.connection_view = ConnectionView(
            window=self, label=self.connection_label, sign_in=self.sign_in, sandbox=sandbox
        )
        # A first start's sign-in page is the first frame alone: the ticket page comes after.
        if not (
            controllers_after_first_paint
            and not ticket_id
            and sign_in_page_wanted(self.sign_in, settings, sandbox=sandbox is not None)
        ):
            self._page_now(ticket_id)
        self.sign_in_flow = SignInFlow(
            window=self,
            pages=self.pages,
            ticket_page=lambda: self.page,
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
            _connect(self)

        self._add_controllers: Callable[[], None] | None = add_controllers
        self._has_controllers = False
        if ticket_id or not controllers_after_first_paint:  # --ticket: the first frame says
            self._controllers_now()  # what the switcher found of it, so it is built whole

    if not TYPE_CHECKING:  # for mypy, the controllers are the attributes declared above

        def __getattr__(self, name: str) -> object:
            """A part of the page or a controller asked for before the first paint is added
            there and then (with the others): what the window's user, a test or a tool reaches
            always works."""
            if name in PARTS and "connection_view" in self.__dict__:  # far enough built
                self._page_now()
                return getattr(self, name)
            controller = name in MainWindow.__annotations__  # declared above, set elsewhere
            if controller and self.__dict__.get("_add_controllers") is not None:
                self._controllers_now()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def page_added(self) -> bool:
        """Whether the ticket page is built (window_pages.py): not yet behind a sign-in page."""
        return "page" in self.__dict__

    def controllers_added(self) -> bool:
        """Whether the page works: its controllers are there (window_controllers.py)."""
        return self._has_controllers

    def _controllers_now(self) -> None:
        """Add the controllers unless they are there (or the window is shut down): once, as
        the window is built or on its first paint."""
        add, self._add_controllers = self._add_controllers, None
        if add is not None:
            self._page_now()  # the controllers work on it
            add()
            self._has_controllers = True

    # --- Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        # The ticket page (`_page_now`), or the sign-in page when there is nothing to sign in
        # with (`SignInFlow`).
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.setCentralWidget(self.pages)
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
        self.resize(640, 720)

    def _page_now(self, ticket_id: str | None = None) -> None:
        """Add the ticket page unless it is there: as the window is built, or once behind a
        first start's sign-in page (window_pages.py)."""
        if not self.page_added():
            self.connection_view.add_page(add_ticket_page(self, ticket_id=ticket_id))

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
            # On screen: what start-up left out, a piece a turn. The ticket page behind a sign-in
            # page (10 ms), its form's hidden rows (5 ms), the controllers (and the warm-up),
            # their start (3-6 ms), PySide's QStyle wrapper (4 ms).
            page: list[Callable[[], object]] = [] if self.page_added() else [self._page_now]
            self._left_out = [*page, lambda: self.form.add_notify_rows(), self._after_first_paint]
            self._left_out += [self._start_controllers, self.style]
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
        warm_up = functools.partial(self.sign_in.warm_up, stopped=self._warm_up_stopped.is_set)
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


def _connect(window: MainWindow) -> None:
    """Wire the controllers (window_controllers.py) to the window and to each other."""
    menus, sending, outbox = window.menus, window.sending, window.outbox
    menus.new_ticket_action.toggled.connect(window._on_new_ticket_toggled)
    menus.clear_form_action.triggered.connect(window.switcher.clear)
    menus.settings_action.triggered.connect(window.open_settings)
    menus.quit_action.triggered.connect(window.close)
    menus.outbox_action.triggered.connect(window.show_outbox_panel)
    menus.history_action.triggered.connect(window.show_history_panel)
    menus.help_action.triggered.connect(window.show_help)
    menus.about_action.triggered.connect(functools.partial(_show_about, window))
    window.status_bar.outbox_requested.connect(window.show_outbox_panel)
    window.submit_button.clicked.connect(window.submit)
    window.cancel_button.clicked.connect(window.cancel)
    for keys in shortcuts.SEND:
        QShortcut(QKeySequence(keys), window, window.submit)
    # Esc stops waiting only while sending: at other times it belongs to whatever has the
    # keyboard (a completion's list, a field's own undo), which a window shortcut would take.
    window._cancel_shortcut = QShortcut(QKeySequence(shortcuts.CANCEL), window, window.cancel)
    window._cancel_shortcut.setEnabled(False)
    window.open_settings_button.clicked.connect(window.open_settings)
    window.form.operation_changed.connect(window._on_operation_changed)
    sending.busy_changed.connect(window._set_busy)
    window.report.sent.connect(window.sent)
    window.report.failed.connect(window.failed)
    window.report.cancelled.connect(window.cancelled)
    window.report.confirmed.connect(window.switcher.confirmed)
    window.report.send_again_requested.connect(functools.partial(window.submit, again=True))
    window.report.update_created_requested.connect(window.switcher.switch_to)
    window.report.outbox_requested.connect(window.show_outbox_panel)
    window.form.edited.connect(sending.forget_unchanged)
    outbox.changed.connect(window._on_outbox_changed)
    # What can go wrong beside a send, said in the banner (each a Message).
    say_problem = functools.partial(window.page.say, BannerKind.ERROR)
    for problem in (
        outbox.failed,
        window.drafts.problem,
        window.sign_in.problem,
        window.settings.failed,
    ):
        problem.connect(say_problem)
    window.panels.item_opened.connect(window.filler.open_item)
    window.panels.entry_opened.connect(window.filler.open_entry)


def _show_about(window: MainWindow) -> None:  # Help ▸ About: its module loads when first asked
    from gui.ui.help_dialog import show_about

    show_about(window)
