"""`add_controllers`: what the window's page does, added to a `MainWindow` that is already built.

The window's first frame is its page, menus and status bar, with the connection shown
(`MainWindow.__init__`). None of what this adds is seen in that frame: the outbox and the
sending, the draft, the ticket being worked on, what the banner reports, the templates,
contacts and preview, the docked panels. Their modules are a fifth of the app's imports, so the
window `gui.app` opens adds them right after its first paint (``MainWindow(...,
controllers_after_first_paint=True)``), before anything it shows can be used: a turn of the
event loop later. Every other window, in tests too, adds them as it is built.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from gui.core.app_folders import OUTBOX_FILE_NAME, SANDBOX_FOLDER_NAME
from gui.core.destination import destination_of
from gui.ui import batch_launcher, contacts_book
from gui.ui.dispatcher import OutboxDispatcher, open_outbox
from gui.ui.draft_keeper import DraftKeeper, open_drafts
from gui.ui.form_filler import FormFiller
from gui.ui.notification_preview import NotificationPreviewer
from gui.ui.panels import Panels
from gui.ui.send_controller import SendController
from gui.ui.send_report import SendReport
from gui.ui.start_notice import StartNotice
from gui.ui.templates_menu import TemplatesMenu
from gui.ui.ticket_switcher import TicketSwitcher

if TYPE_CHECKING:
    from gui.core.destination import Destination
    from gui.core.drafts import DraftStore
    from gui.core.outbox import OutboxStore
    from gui.ui.main_window import MainWindow


def add_controllers(
    window: MainWindow,
    *,
    outbox_store: OutboxStore | None,
    draft_store: DraftStore | None,
    deadline_seconds: float | None,
    ticket_id: str | None,
) -> None:
    """Build `window`'s controllers, each the attribute `MainWindow` documents, in the order
    they need each other. The outbox, draft, templates and contacts are opened from the user's
    data folder (the sandbox's own, in the sandbox) unless `outbox_store` and `draft_store` are
    given; `ticket_id` (--ticket) is the ticket the form starts on."""
    settings, sandbox = window.settings, window.sandbox
    window.form.add_notify_rows()  # hidden in the first frame; the controllers use them
    window.form.add_completers()  # the switcher and the filler fill them
    folder = settings.data_folder()
    if sandbox is not None:  # its own outbox (and history) and draft: never the real ones
        folder = folder / SANDBOX_FOLDER_NAME
    window.outbox = OutboxDispatcher(
        store=(lambda: outbox_store)
        if outbox_store is not None
        else functools.partial(open_outbox, folder / OUTBOX_FILE_NAME),
        sender=lambda: window.sign_in.ticket_sender,
        parent=window,
    )
    window.sending = SendController(
        outbox=window.outbox,
        connection=lambda: window.sign_in.connection,
        deadline_seconds=deadline_seconds,
        parent=window,
    )
    window.drafts = DraftKeeper(
        store=(lambda: draft_store)
        if draft_store is not None
        else functools.partial(open_drafts, folder / "draft.json"),
        form=window.form,
        parent=window,
    )
    destination = functools.partial(_destination, window)
    window.switcher = TicketSwitcher(
        page=window.page,
        outbox=window.outbox,
        destination=destination,
        busy=lambda: window.busy,
        added_statuses=settings.statuses,
        parent=window,
    )
    if ticket_id:
        window.switcher.open_on(ticket_id)
    window.filler = FormFiller(
        page=window.page,
        drafts=window.drafts,
        outbox=window.outbox,
        switcher=window.switcher,
        busy=lambda: window.busy,
        parent=window,
    )
    window.report = SendReport(
        sending=window.sending,
        outbox=window.outbox,
        page=window.page,
        drafts=window.drafts,
        settings=settings,
        offer_settings=sandbox is None,
        parent=window,
    )
    StartNotice(page=window.page, drafts=window.drafts, outbox=window.outbox, parent=window)
    window.templates = TemplatesMenu.of(window)  # by the message; the user's, in the real outbox
    window.panels = Panels(window=window, outbox=window.outbox, destination=destination)
    window.batch = batch_launcher.BatchLauncher(window=window)  # File ▸ Many tickets…
    window.contacts = contacts_book.ContactsBook.of(window)  # File ▸ Contacts…, names in sends
    window.preview = NotificationPreviewer.of(window)  # what recipients get, before sending


def start_controllers(window: MainWindow, *, restore_draft: bool) -> None:
    """Start what would have competed with the first paint for the interpreter, once it is
    done: the outbox (a crashed run's updates go out first), the draft (`restore_draft`), the
    contacts and tickets known here, the keychain."""
    window.outbox.start()
    if restore_draft:
        window.drafts.restore()
    window.filler.load_known_contacts()
    window.switcher.refresh()
    window.sign_in.load_keychain()


def _destination(window: MainWindow) -> Destination:
    """Where the window's updates go now (the outbox panel shows only theirs)."""
    return destination_of(window.sign_in.connection)
