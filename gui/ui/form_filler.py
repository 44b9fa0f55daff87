"""`FormFiller`: what fills the form besides the user's typing.

The last run's unsent draft (with Discard draft), an outbox item or a history entry the user
opens, and the contacts used before, offered as completions with the contact book's people and
groups (`completions`, set by `gui.ui.contacts_book.ContactsBook`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.core.fields import ContactType, Operation
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.banner import BannerKind
from gui.ui.list_completer import Completion, ListCompleter

if TYPE_CHECKING:
    from gui.core.delivery import Delivery
    from gui.core.outbox import HistoryEntry, OutboxItem, OutboxStore
    from gui.core.ticket import TicketDraft
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.draft_keeper import DraftKeeper
    from gui.ui.ticket_page import TicketPage
    from gui.ui.ticket_switcher import TicketSwitcher

log = logging.getLogger(__name__)


class FormFiller(QObject):
    """Fills `page`'s form from the draft keeper, the outbox and the history, and says so in
    its banner; never while `busy()` (the form is read-only then: it holds what is sending).
    What the form held is set aside for Undo by `switcher`, which also learns what ticket the
    form is about now."""

    def __init__(
        self,
        *,
        page: TicketPage,
        drafts: DraftKeeper,
        outbox: OutboxDispatcher,
        switcher: TicketSwitcher,
        busy: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._form = page.form
        self._drafts = drafts
        self._outbox = outbox
        self._switcher = switcher
        self._busy = busy
        #: A read of the contacts is on its way / another is wanted once it is back: a batch's
        #: hundreds of sends ask for one each, and would all come back at once behind it.
        self._reading_contacts = False
        self._read_contacts_again = False
        #: The contact book's entries for a contact type, offered with the contacts used
        #: before (`gui.ui.contacts_book`); None: only those.
        self.completions: Callable[[ContactType, Sequence[str]], list[Completion]] | None = None
        drafts.restored.connect(self._on_draft_restored)
        page.discard_draft_button.clicked.connect(self.discard_draft)
        self._form.type.currentIndexChanged.connect(self.load_known_contacts)
        outbox.attempted.connect(self._on_attempted)

    def discard_draft(self) -> None:
        """Forget the draft and empty the form (Discard draft)."""
        from gui.core.ticket import TicketDraft

        self._drafts.discard()
        self._form.set_draft(TicketDraft())
        self._drafts.discard()  # set_draft counted as an edit
        self._switcher.restored(self._form.draft())
        self._page.clear_message()

    def open_item(self, item: OutboxItem) -> None:
        """The update an outbox item holds, as the form would send it again."""
        from gui.core.ticket import draft_from_update

        self.load(draft_from_update(item.update))

    def open_entry(self, entry: HistoryEntry) -> None:
        """What a history entry sent (the wire form, which is what the history keeps)."""
        from gui.core.wire import decode_pairs

        self.load(decode_pairs(entry.ticket_id, entry.fields))

    def load(self, draft: TicketDraft) -> None:
        """Fill the form with `draft` (an outbox item, a history entry), unless it is sending."""
        if self._busy():
            return
        set_aside = self._switcher.adopt(draft)
        if draft.operation is Operation.CREATE:
            text = QT_TRANSLATE_NOOP("FormFiller", "Loaded the new ticket into the form.")
        else:
            text = QT_TRANSLATE_NOOP(
                "FormFiller", "Loaded the update to {ticket} into the form."
            ).format(ticket=draft.ticket_id)
        buttons = (self._page.undo_switch_button,) if set_aside else ()
        self._page.say(BannerKind.INFO, text, *buttons)
        self._form.title.setFocus()

    def load_known_contacts(self, *_: object) -> None:
        """Offer the contacts used before with the form's contact type (read off the GUI
        thread, on the outbox's)."""
        if self._reading_contacts:
            self._read_contacts_again = True  # one more read once this one is back
            return
        self._reading_contacts = True
        contact_type = self._form.contact_type()

        def read(store: OutboxStore) -> list[str] | None:
            try:
                return store.contacts(contact_type)
            except Exception:  # said in the log; the next read tries again
                log.exception("the contacts used before could not be read")
                return None

        def offer(known: list[str] | None) -> None:
            self._reading_contacts = False
            if self._read_contacts_again:
                self._read_contacts_again = False
                self.load_known_contacts()  # the type or the history changed meanwhile
            elif known is not None:
                self._offer(contact_type, known)

        self._outbox.run_on_store(read, offer)

    def _offer(self, contact_type: ContactType, known: Sequence[str]) -> None:
        self._form.set_known_contacts(known)
        completer = self._form.contacts.completer()
        if self.completions is not None and isinstance(completer, ListCompleter):
            completer.set_completions(self.completions(contact_type, known))

    def _on_draft_restored(self, draft: TicketDraft) -> None:
        if self._busy():
            return
        self._form.set_draft(draft)
        self._switcher.restored(draft)  # StartNotice says so

    def _on_attempted(self, delivery: Delivery) -> None:
        if delivery.succeeded and delivery.item.notify:
            self.load_known_contacts()  # the contacts it went to are offered from now on
