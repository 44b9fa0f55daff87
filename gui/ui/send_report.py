"""`SendReport`: what the window shows about the update it sent, as the `SendController` says
how it went, and afterwards, as the outbox says what became of it.

The banner's sentence (in the core's words, gui/core/reports.py) with the buttons that belong
to it (Send again, Show outbox, Update this ticket), the server's field errors under their
fields, the draft forgotten once the outbox holds the update safely, the focus where the user
goes next, and notify turned off once people were told.

A banner about an update that waits in the outbox follows it: it says so when the update is
sent, needs a decision or is discarded, until the user starts on something else (edits the
form or sends again).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gui.core import reports
from gui.core.fields import Operation
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join
from gui.core.outcome import Failed, Succeeded
from gui.ui.banner import BannerKind
from gui.ui.i18n import moment

if TYPE_CHECKING:
    from gui.core.client import UpdateResult
    from gui.core.delivery import Delivery
    from gui.core.errors import InvalidTicket
    from gui.core.outbox import OutboxItem
    from gui.core.retry import Action
    from gui.core.ticket import TicketUpdate
    from gui.ui.dispatcher import OutboxDispatcher, Queued, Repeated
    from gui.ui.draft_keeper import DraftKeeper
    from gui.ui.send_controller import SendController
    from gui.ui.settings import AppSettings
    from gui.ui.ticket_page import TicketPage

log = logging.getLogger(__name__)


class SendReport(QObject):
    """Shows on `page` what `sending` and `outbox` report; `settings` remembers the statuses
    sent. `offer_settings` says whether Open Settings may appear when the keys were rejected
    (not in the sandbox, which signs itself in).

    Signals:
        sent(UpdateResult): the server confirmed the update the window sent.
        confirmed(TicketUpdate): Particle Space now has this update the window sent, at the
            first answer or, for one the banner follows in the outbox, later.
        failed(object): an update was refused or never got an answer (a TicketError, or the
            unexpected exception).
        cancelled(): the user, or the deadline, stopped the wait.
        send_again_requested(): the user pressed Send again.
        update_created_requested(str): Update this ticket, for the ticket just created.
        outbox_requested(): Show outbox.
    """

    sent = Signal(object)
    confirmed = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    send_again_requested = Signal()
    update_created_requested = Signal(str)
    outbox_requested = Signal()

    def __init__(
        self,
        *,
        sending: SendController,
        outbox: OutboxDispatcher,
        page: TicketPage,
        drafts: DraftKeeper,
        settings: AppSettings,
        offer_settings: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._form = page.form
        self._drafts = drafts
        self._settings = settings
        self._offer_settings = offer_settings
        self._created_id = ""  # the ticket "Update this ticket" switches to
        self._followed: int | None = None  # the outbox item the banner is about
        self._next_step: Action | None = None  # what the banner says happens to it next
        self._asking = False  # the banner asks about the form as it is (Send it again?)
        sending.invalid.connect(self._on_invalid)
        sending.blocked.connect(lambda problem: page.say(BannerKind.ERROR, problem))
        sending.unchanged.connect(self._on_unchanged)
        sending.repeated.connect(self._on_repeated)
        sending.started.connect(self._on_started)
        sending.queued_behind.connect(self._on_queued_behind)
        sending.sent.connect(self._on_sent)
        sending.failed.connect(self._on_failed)
        sending.cancelled.connect(self._on_cancelled)
        sending.timed_out.connect(self._on_timed_out)
        outbox.attempted.connect(self._on_attempted)
        outbox.changed.connect(self._on_outbox_changed)
        page.send_again_button.clicked.connect(self.send_again_requested)
        page.show_outbox_button.clicked.connect(self.outbox_requested)
        page.update_created_button.clicked.connect(self._on_update_created_clicked)
        self._form.edited.connect(self.stop_following)

    def stop_following(self) -> None:
        """The user started on something else: the banner no longer follows an update, and a
        question about the form as it was ("Send it again?") is no longer true: it goes."""
        self._followed = None
        if self._asking:
            self._asking = False
            self._page.clear_message()

    # --- Before anything is sent --------------------------------------------------------------

    def _on_invalid(self, invalid: InvalidTicket) -> None:
        self._form.show_errors(invalid.field_errors)
        self._page.say(BannerKind.ERROR, invalid.message)

    def _on_unchanged(self, update: TicketUpdate) -> None:
        self._page.say(BannerKind.INFO, reports.nothing_changes(update.ticket_id))
        self._asking = True
        self._page.submit_button.setFocus()

    def _on_repeated(self, repeated: Repeated) -> None:
        repeat = repeated.repeat
        question = reports.repeat_question(repeat, moment(repeat.at))
        buttons = [self._page.send_again_button]
        if repeat.waiting:
            buttons.append(self._page.show_outbox_button)
        self._page.say(BannerKind.INFO, question, *buttons)
        self._asking = True
        self._page.send_again_button.setFocus()

    def _on_started(self, update: TicketUpdate) -> None:
        self._followed, self._asking = None, False
        self._settings.remember_status(update.status)

    # --- The first answer ----------------------------------------------------------------------

    def _on_queued_behind(self, queued: Queued) -> None:
        text = reports.queued_behind(queued.behind, queued.item.ticket_id)
        self._follow(queued.item.id, BannerKind.INFO, text)
        self._drafts.discard()

    def _on_sent(self, delivery: Delivery) -> None:
        if not isinstance(delivery.outcome, Succeeded):
            return
        result = delivery.outcome.value
        update = delivery.item.update
        self._drafts.discard()
        if update.creates and result.ticket_id:
            self._created_id = result.ticket_id
            button = self._page.update_created_button
            self._page.say(BannerKind.SUCCESS, self._success(result, update), button)
            button.setFocus()
        else:
            self._page.say(BannerKind.SUCCESS, self._success(result, update))
            self._page.submit_button.setFocus()
        self._confirmed(update)
        self.sent.emit(result)

    def _on_failed(self, delivery: Delivery) -> None:
        from gui.core.errors import KeysRejected, ServerBusy, TicketError, TokenRejected

        if not isinstance(delivery.outcome, Failed) or delivery.verdict is None:
            return
        error, action = delivery.outcome.error, delivery.verdict.action
        text: str
        if isinstance(error, TicketError):
            log.info("update failed: %s (%s)", type(error).__name__, action.value)
            # Busy: the verdict says when the next try really is (what the server asked, capped).
            text = delivery.verdict.reason if isinstance(error, ServerBusy) else error.message
            self._form.show_errors(error.field_errors)
            if isinstance(error, KeysRejected | TokenRejected) and self._offer_settings:
                self._page.open_settings_button.show()
        else:
            log.error("update failed unexpectedly", exc_info=error)
            text = reports.UNEXPECTED_FAILURE
        next_step = reports.where_it_waits(action)
        if next_step is None:
            self._page.say(BannerKind.ERROR, text)
        else:
            self._drafts.discard()  # it is safe in the outbox now
            self._follow(delivery.item.id, BannerKind.ERROR, join([text, next_step]), action)
        if not self._form.visible_errors():
            self._page.submit_button.setFocus()
        self.failed.emit(error)

    def _on_cancelled(self, text: Message, item_id: int | None) -> None:
        self._stopped(BannerKind.INFO, text, item_id)

    def _on_timed_out(self, text: Message, item_id: int | None) -> None:
        self._stopped(BannerKind.ERROR, text, item_id)

    def _stopped(self, kind: BannerKind, text: Message, item_id: int | None) -> None:
        from gui.core.retry import Action

        if item_id is None:
            self._page.say(kind, text)
        else:  # it waits for the user's decision, as the text says
            self._follow(item_id, kind, text, Action.DECIDE)
        self.cancelled.emit()

    # --- Afterwards: the update the banner follows -----------------------------------------------

    def _follow(
        self, item_id: int, kind: BannerKind, text: str, next_step: Action | None = None
    ) -> None:
        self._followed, self._next_step = item_id, next_step
        self._page.say(kind, text, self._page.show_outbox_button)

    def _on_attempted(self, delivery: Delivery) -> None:
        if delivery.item.id != self._followed:
            return  # another item (the window's own first answer came as sent or failed)
        if isinstance(delivery.outcome, Succeeded):
            self._followed = None
            self._page.say(
                BannerKind.SUCCESS, self._success(delivery.outcome.value, delivery.item.update)
            )
            self._confirmed(delivery.item.update)
            return
        verdict = delivery.verdict
        if verdict is not None and verdict.action is not self._next_step:
            # (the same next step, as for the attempt `_on_failed` or `_stopped` just told:
            # the banner still holds)
            self._next_step = verdict.action
            self._page.say(BannerKind.ERROR, verdict.reason, self._page.show_outbox_button)

    def _on_outbox_changed(self, items: list[OutboxItem]) -> None:
        followed = self._followed
        if followed is None or any(item.id == followed for item in items):
            return
        self._followed = None  # gone without an answer: the user discarded it
        self._page.say(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP("SendReport", "The update was discarded from the outbox."),
        )

    def _confirmed(self, update: TicketUpdate) -> None:
        """Particle Space has `update`, sent from this window: whoever it notified was told, so
        the next update of that ticket tells nobody unless asked again (`confirmed`)."""
        if update.notify and self._form.ticket_id.text().strip() == update.ticket_id:
            self._form.notify.setChecked(False)
        self.confirmed.emit(update)

    # --- Wording and follow-ups ----------------------------------------------------------------

    def _success(self, result: UpdateResult, update: TicketUpdate) -> Message:
        notification = update.notification
        told = reports.who_was_told(
            notification.type if notification is not None else None,
            len(notification.contacts) if notification is not None else 0,
        )
        lead = reports.sent_at(
            result.ticket_id, created=update.creates, when=moment(time.time()), told=told
        )
        echoed = reports.server_now_has(result.echoed)
        return lead if echoed is None else join([lead, echoed])

    def _on_update_created_clicked(self) -> None:
        """Switch to updating the ticket just created: its id in the form, the rest kept."""
        created = self._created_id
        if not created:
            return
        self._form.set_operation(Operation.UPDATE)
        self._form.ticket_id.setText(created)
        self._page.say(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP(
                "SendReport", "Now updating ticket {ticket}: change what you need, then Update."
            ).format(ticket=created),
        )
        self._form.status.setFocus()
        self.update_created_requested.emit(created)
