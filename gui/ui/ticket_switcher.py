"""`TicketSwitcher`: which ticket the form is about, and what Particle Space last confirmed of it.

Particle Space replaces a ticket's title, description and status with whatever an update sends,
and a notification texts real people, so the form never carries one ticket's text onto
another. Switching tickets (typing an id and leaving the field, picking it from the completion,
`--ticket`, Update this ticket) fills in what this computer last saw confirmed for the new one,
or empties those fields for a ticket it has never seen, and always starts the notification over.
What the form held is set aside, and Undo brings it back; so does Clear form.

The hint under the id (`ticketKnownHint`) says where the values come from, and the line beside
Update (`changeSummary`) what this update will change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject

from gui.core import reports
from gui.core.fields import Operation
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.banner import BannerKind
from gui.ui.i18n import moment, translated

if TYPE_CHECKING:
    from gui.core.destination import Destination
    from gui.core.outbox import KnownTicket
    from gui.core.ticket import TicketDraft, TicketUpdate
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.ticket_page import TicketPage


class _SetAside(NamedTuple):
    """The form as it was before a switch or Clear form, for Undo."""

    draft: TicketDraft
    ticket_id: str
    known: KnownTicket | None
    baseline: TicketDraft | None


class TicketSwitcher(QObject):
    """Keeps the form's fields true to the ticket in it (see the module docstring).

    `destination` gives where updates go now (known tickets are per server and account);
    `busy` says the form is sending (it is read-only then, and nothing switches);
    `added_statuses` the statuses the user typed before (offered after the known ones).
    """

    def __init__(
        self,
        *,
        page: TicketPage,
        outbox: OutboxDispatcher,
        destination: Callable[[], Destination],
        busy: Callable[[], bool],
        added_statuses: Callable[[], list[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._added_statuses = added_statuses
        self._form = page.form
        self._outbox = outbox
        self._destination = destination
        self._busy = busy
        self.known: KnownTicket | None = None
        self._ticket = ""  # the ticket whose state the form holds
        #: The form as it was filled for that ticket (no unsent changes); None: empty.
        self._baseline: TicketDraft | None = None
        self._set_aside: _SetAside | None = None
        self._opening = ""  # the ticket the window opened on, until the store is read
        self._recent: dict[str, KnownTicket] = {}  # the known tickets the completion offers
        self._form.ticket_id.editingFinished.connect(self._on_id_entered)
        self._form.known_tickets.picked.connect(self.switch_to)
        self._form.edited.connect(self.show_summary)
        self._form.operation_changed.connect(self._on_operation_changed)
        page.undo_switch_button.clicked.connect(self.undo)
        self._form.installEventFilter(self)  # its LanguageChange: the hint and the summary
        self._show_hint()

    @property
    def ticket_id(self) -> str:
        """The ticket the form's title, description and status belong to ("" for none)."""
        return self._ticket

    def pending(self) -> bool:
        """Whether the id in the form is not yet the ticket the rest of the form is about (typed
        but not left, so not switched): sending now would give it another ticket's text."""
        return (
            self._form.operation() is Operation.UPDATE
            and self._form.ticket_id.text().strip() != self._ticket
        )

    def refresh(self, *, fill: str = "") -> None:
        """Offer the tickets known here in the id's completion (with their titles), and the
        statuses this server accepted or echoed in the status list; in the same read, the last
        known state of ticket `fill` (the first time: of the ticket the window opened on) for
        the fields still untouched."""
        destination = self._destination()
        ticket_id, self._opening = fill or self._opening, ""
        self._outbox.run_on_store(
            lambda store: (
                store.known_tickets(destination),
                store.statuses_seen(destination),
                store.known_ticket(destination, ticket_id) if ticket_id else None,
            ),
            lambda found: self._on_refreshed(ticket_id, *found),
        )

    def _on_refreshed(
        self, ticket_id: str, tickets: list[KnownTicket], seen: list[str], known: KnownTicket | None
    ) -> None:
        self._recent = {ticket.ticket_id: ticket for ticket in tickets}
        self._form.known_tickets.set_tickets((ticket.ticket_id, ticket.title) for ticket in tickets)
        self._form.set_statuses(seen=seen, added=self._added_statuses())
        if ticket_id:
            self._on_looked_up(ticket_id, known, fill=True)

    # --- Switching ---------------------------------------------------------------------------

    def switch_to(self, ticket_id: str) -> bool:
        """Make the form about `ticket_id` at once: its last known title, description and
        status (or none), the notification started over; Undo for what the form held. True
        when that replaced what the form showed (it was about another ticket).

        When the form was about no ticket yet (a fresh start, Clear form) and something is
        typed, that is for this ticket: it stays as it is.

        It happens before the cursor reaches the next field: the known tickets are at hand
        (read with the completion's), and the store's answer only fills in the fields still
        untouched when it comes (the outbox's thread may be busy with a slow request)."""
        import dataclasses

        ticket_id = ticket_id.strip()
        if self._busy() or not ticket_id:
            return False
        if self._form.ticket_id.text() != ticket_id:
            self._form.ticket_id.setText(ticket_id)
        if ticket_id == self._ticket:
            return False
        previous = self._ticket
        set_aside = self._set_aside_form() if previous else False
        known = self._recent.get(ticket_id)
        draft = self._form.draft()
        fresh = dataclasses.replace(
            draft,
            ticket_id=ticket_id,
            title=known.title if known is not None else "",
            description=known.description if known is not None else "",
            status=known.status if known is not None else "",
            notify=False,
            time=None,
            contacts="",
            notify_subject="",
            notify_message="",
        )
        replaced = bool(previous) or self._untouched(draft)
        if replaced:
            self._form.set_draft(fresh)
        self._ticket, self._baseline = ticket_id, fresh
        self._set_known(known)
        if set_aside:
            self._page.say(
                BannerKind.INFO,
                QT_TRANSLATE_NOOP(
                    "TicketSwitcher",
                    "Now on ticket {ticket}. What you had typed for {previous} is set aside: "
                    "Undo brings it back.",
                ).format(ticket=ticket_id, previous=previous or "—"),
                self._page.undo_switch_button,
            )
        elif previous:
            self._page.clear_message()  # whatever it said was about the other ticket
        self._look_up(ticket_id, fill=True)
        return bool(previous)

    def adopt(self, draft: TicketDraft) -> bool:
        """Fill the form with `draft` as it is (Open in form), setting aside what it held;
        True when something was set aside (Undo brings it back)."""
        set_aside = self._set_aside_form()
        self._form.set_draft(draft)
        self._baseline = self._form.draft()
        self._ticket = draft.ticket_id.strip()
        self._set_known(None)
        if draft.operation is Operation.UPDATE:
            self._look_up(self._ticket)
        return set_aside

    def restored(self, draft: TicketDraft) -> None:
        """The last run's unsent draft is in the form: it is about its own ticket, and it is
        unsent (switching away sets it aside for Undo)."""
        self._ticket = draft.ticket_id.strip()
        self._look_up(self._ticket)

    def open_on(self, ticket_id: str) -> None:
        """The window opens on `ticket_id` (`--ticket`): the form is about it from the start,
        and the first `refresh` fills its last known state in, unless the user has typed."""
        self._ticket = self._opening = ticket_id.strip()
        self._baseline = self._form.draft()

    def clear(self) -> None:
        """File ▸ Clear form: an empty form (in the same mode), with Undo."""
        if self._busy():
            return
        from gui.core.ticket import TicketDraft

        had_something = self._set_aside_form(always=True)
        self._form.set_draft(TicketDraft(operation=self._form.operation()))
        self._ticket, self._baseline = "", self._form.draft()
        self._set_known(None)
        text = QT_TRANSLATE_NOOP("TicketSwitcher", "Cleared the form.")
        buttons = (self._page.undo_switch_button,) if had_something else ()
        self._page.say(BannerKind.INFO, text, *buttons)
        self._form.ticket_id.setFocus()

    def undo(self) -> None:
        """Bring back the form as it was before the last switch or Clear form."""
        kept = self._set_aside
        if kept is None or self._busy():
            return
        self._set_aside = None
        self._form.set_draft(kept.draft)
        self._ticket, self._baseline = kept.ticket_id, kept.baseline
        self._set_known(kept.known)
        text = QT_TRANSLATE_NOOP("TicketSwitcher", "The form is back as it was.")
        self._page.say(BannerKind.INFO, text)

    def confirmed(self, update: TicketUpdate) -> None:
        """Particle Space confirmed `update`: if the form is still about its ticket, what it
        has now is the new baseline (and what the server echoed fills the untouched fields)."""
        ticket_id = update.ticket_id
        if update.creates or ticket_id != self._ticket:
            self.refresh()
            return
        import time

        from gui.core.outbox import KnownTicket  # loaded by the send, not at start-up

        self._baseline = self._form.draft()
        # What it sent, at once (a second press must see it); the store adds what was echoed.
        self._set_known(
            KnownTicket(
                ticket_id,
                update.title,
                update.description,
                update.status,
                time.time(),
                Operation.UPDATE,
            )
        )
        self.refresh(fill=ticket_id)

    def _on_id_entered(self) -> None:
        if self._form.operation() is Operation.UPDATE:
            self.switch_to(self._form.ticket_id.text())

    def _look_up(self, ticket_id: str, *, fill: bool = False) -> None:
        """Learn what Particle Space last confirmed of `ticket_id` (the form's ticket), for the
        hint and the summary; with `fill`, also into the fields if they are still untouched."""
        if not ticket_id:
            return
        destination = self._destination()
        self._outbox.run_on_store(
            lambda store: store.known_ticket(destination, ticket_id),
            lambda known: self._on_looked_up(ticket_id, known, fill=fill),
        )

    def _on_looked_up(self, ticket_id: str, known: KnownTicket | None, *, fill: bool) -> None:
        if ticket_id != self._ticket:
            return  # the form has moved on to another ticket
        baseline = self._baseline
        if fill and known is not None and baseline is not None and not self._busy():
            self._fill_untouched(baseline, known)
        self._set_known(known)

    def _set_known(self, known: KnownTicket | None) -> None:
        """What Particle Space last confirmed of the form's ticket; the hint and the summary
        say it."""
        self.known = known
        self._show_hint()

    def _fill_untouched(self, baseline: TicketDraft, known: KnownTicket) -> None:
        """Put `known`'s title, description and status in the fields the user has not
        touched since the form was filled with `baseline` (the others keep what was typed)."""
        import dataclasses

        form, draft = self._form, self._form.draft()
        if draft.title == baseline.title:
            form.title.setText(known.title)
        if draft.description == baseline.description:
            form.description.setPlainText(known.description)
        if draft.status == baseline.status:
            form.status.set_code(known.status)
        self._baseline = dataclasses.replace(
            baseline, title=known.title, description=known.description, status=known.status
        )

    def _untouched(self, draft: TicketDraft, *, since: TicketDraft | None = None) -> bool:
        """Whether `draft` holds nothing beyond an id but what the form was filled with (or
        `since`; an empty form when neither is known)."""
        from gui.core.ticket import TicketDraft

        filled = since or self._baseline or TicketDraft(operation=draft.operation)
        return _without_id(draft) == _without_id(filled)

    def _set_aside_form(self, *, always: bool = False) -> bool:
        """Keep the form for Undo if it holds unsent changes (or anything, with `always`)."""
        import dataclasses

        from gui.core.ticket import TicketDraft

        draft = self._form.draft()
        empty = TicketDraft(operation=draft.operation) if always else None
        if self._untouched(draft, since=empty):
            return False
        previous = dataclasses.replace(draft, ticket_id=self._ticket)
        self._set_aside = _SetAside(previous, self._ticket, self.known, self._baseline)
        return True

    # --- What the form says about the ticket -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._form and event.type() == QEvent.Type.LanguageChange:
            self._show_hint()
        return False

    def _on_operation_changed(self, operation: Operation) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        """The hint under the id, and the summary beside Update, for the ticket now known."""
        self.show_summary()
        hint = self._form.ticket_hint
        if self._form.operation() is Operation.CREATE or not self._ticket:
            hint.hide()
            return
        known = self.known
        if known is None:
            text = self.tr(
                "This computer has sent nothing for this ticket yet. What you send replaces its "
                "title, description and status on Particle Space: type the current ones."
            )
        elif known.operation is Operation.CREATE:
            text = self.tr("From when you created it, {when}.").format(
                when=moment(known.at, with_day=True)
            )
        else:
            text = self.tr("From your update of {when}.").format(
                when=moment(known.at, with_day=True)
            )
        hint.setText(text)
        hint.show()

    def show_summary(self) -> None:
        """The line beside Update: what this update changes against the last known state."""
        summary = self._page.change_summary
        form = self._form
        # Read from the editors first: an empty form (every start) needs no draft, whose
        # module the warm-up loads after the first paint.
        if form.operation() is Operation.CREATE or not form.ticket_id.text().strip():
            summary.clear()
            return
        draft = form.draft()
        known = self.known if draft.ticket_id.strip() == self._ticket else None
        text = reports.change_summary(known, draft.title, draft.description, draft.status)
        summary.setText(translated(text))


def _without_id(draft: TicketDraft) -> TicketDraft:
    import dataclasses

    return dataclasses.replace(draft, ticket_id="")
