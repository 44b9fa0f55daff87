"""`SendReport`: what the window shows about the update it sent, as the `SendController` says
how it went.

The banner's sentence (in the core's words, gui/core/reports.py), the server's field errors
under their fields, the draft forgotten once the outbox holds the update safely, the focus where
the user goes next, and after a new ticket was created, Update this ticket.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gui.core import reports
from gui.core.fields import Operation
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join
from gui.core.outcome import Failed, Succeeded
from gui.ui.banner import BannerKind

if TYPE_CHECKING:
    from gui.core.delivery import Delivery
    from gui.core.errors import InvalidTicket
    from gui.core.ticket import TicketUpdate
    from gui.ui.dispatcher import Queued
    from gui.ui.draft_keeper import DraftKeeper
    from gui.ui.send_controller import SendController
    from gui.ui.settings import AppSettings
    from gui.ui.ticket_page import TicketPage

log = logging.getLogger(__name__)


class SendReport(QObject):
    """Shows on `page` what `sending` reports; `settings` remembers the statuses sent.

    `offer_settings` says whether Open Settings may appear when the keys were rejected (not in
    the sandbox, which signs itself in).

    Signals:
        sent(UpdateResult): the server confirmed an update.
        failed(object): an update was refused or never got an answer (a TicketError, or the
            unexpected exception).
        cancelled(): the user, or the deadline, stopped the wait.
    """

    sent = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        *,
        sending: SendController,
        page: TicketPage,
        drafts: DraftKeeper,
        settings: AppSettings,
        offer_settings: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sending = sending
        self._page = page
        self._form = page.form
        self._drafts = drafts
        self._settings = settings
        self._offer_settings = offer_settings
        self._created_id = ""  # the ticket "Update this ticket" switches to
        sending.invalid.connect(self._on_invalid)
        sending.blocked.connect(functools.partial(page.banner.show_message, BannerKind.ERROR))
        sending.started.connect(self._on_started)
        sending.queued_behind.connect(self._on_queued_behind)
        sending.sent.connect(self._on_sent)
        sending.failed.connect(self._on_failed)
        sending.cancelled.connect(functools.partial(self._on_stopped, BannerKind.INFO))
        sending.timed_out.connect(functools.partial(self._on_stopped, BannerKind.ERROR))
        page.update_created_button.clicked.connect(self.update_created)
        self._form.operation_changed.connect(lambda _operation: page.update_created_button.hide())

    def update_created(self) -> None:
        """Switch to updating the ticket just created: its id in the form, the rest kept."""
        created = self._created_id
        if self._sending.busy or not created:
            return
        self._form.set_operation(Operation.UPDATE)
        self._form.ticket_id.setText(created)
        self._page.banner.show_message(
            BannerKind.INFO,
            QT_TRANSLATE_NOOP(
                "SendReport", "Now updating ticket {ticket}: change what you need, then Update."
            ).format(ticket=created),
        )
        self._form.status.setFocus()

    def _on_invalid(self, invalid: InvalidTicket) -> None:
        self._form.show_errors(invalid.field_errors)
        self._page.banner.show_message(BannerKind.ERROR, invalid.message)

    def _on_started(self, update: TicketUpdate) -> None:
        self._settings.remember_status(update.status)
        self._form.set_statuses(self._settings.statuses())

    def _on_queued_behind(self, queued: Queued) -> None:
        text = reports.queued_behind(queued.behind, queued.item.ticket_id)
        self._page.banner.show_message(BannerKind.INFO, text)
        self._drafts.discard()

    def _on_sent(self, delivery: Delivery) -> None:
        if not isinstance(delivery.outcome, Succeeded):
            return
        result, created = delivery.outcome.value, delivery.item.update.creates
        text = reports.sent_and_echoed(result.ticket_id, result.echoed, created=created)
        self._page.banner.show_message(BannerKind.SUCCESS, text)
        self._drafts.discard()
        if created and result.ticket_id:
            self._created_id = result.ticket_id
            self._page.update_created_button.show()
            self._page.update_created_button.setFocus()
        else:
            self._page.submit_button.setFocus()
        self.sent.emit(result)

    def _on_failed(self, delivery: Delivery) -> None:
        from gui.core.errors import KeysRejected, TicketError, TokenRejected

        if not isinstance(delivery.outcome, Failed) or delivery.verdict is None:
            return
        error, action = delivery.outcome.error, delivery.verdict.action
        text: str
        if isinstance(error, TicketError):
            log.info("update failed: %s (%s)", type(error).__name__, action.value)
            text = error.message
            self._form.show_errors(error.field_errors)
            if isinstance(error, KeysRejected | TokenRejected) and self._offer_settings:
                self._page.open_settings_button.show()
        else:
            log.error("update failed unexpectedly", exc_info=error)
            text = reports.UNEXPECTED_FAILURE
        next_step = reports.where_it_waits(action)
        if next_step is not None:
            self._drafts.discard()  # it is safe in the outbox now
            text = join([text, next_step])
        self._page.banner.show_message(BannerKind.ERROR, text)
        if not self._form.visible_errors():
            self._page.submit_button.setFocus()
        self.failed.emit(error)

    def _on_stopped(self, kind: BannerKind, text: Message) -> None:
        self._page.banner.show_message(kind, text)
        self.cancelled.emit()
