"""`StartNotice`: what the window says when it opens: the last run's unsent draft is back, and
how many updates wait in the outbox for a decision (a request in flight when the app stopped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.core import reports
from gui.core.messages import QT_TRANSLATE_NOOP, join
from gui.ui.banner import BannerKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from gui.core.outbox import OutboxItem
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.draft_keeper import DraftKeeper
    from gui.ui.ticket_page import TicketPage


class StartNotice(QObject):
    """Says, once each, "Restored your unsent draft." (with Discard draft) and "N updates need
    your decision in the outbox." (with Show outbox), together when both are true. Either may
    come first (they are read on different threads); when the banner spoke of something else in
    between, the second starts afresh rather than repeat the first."""

    def __init__(
        self,
        *,
        page: TicketPage,
        drafts: DraftKeeper,
        outbox: OutboxDispatcher,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._said: list[tuple[str, QPushButton]] = []
        self._shown = ""  # what this notice put in the banner, if anything
        self._outbox_seen = False
        drafts.restored.connect(self._on_draft_restored)
        outbox.changed.connect(self._on_outbox_changed)

    def _on_draft_restored(self, _draft: object) -> None:
        restored = QT_TRANSLATE_NOOP("StartNotice", "Restored your unsent draft.")
        self._add(restored, self._page.discard_draft_button)

    def _on_outbox_changed(self, items: list[OutboxItem]) -> None:
        if self._outbox_seen:
            return
        self._outbox_seen = True  # the first list, right after the start
        decisions = sum(1 for item in items if item.state.value == "needs_decision")
        if decisions:
            self._add(reports.decisions_waiting(decisions), self._page.show_outbox_button)

    def _add(self, text: str, button: QPushButton) -> None:
        banner = self._page.banner
        if not banner.isHidden() and banner.message() != self._shown:
            self._said.clear()  # the banner tells of something else now: start afresh
        self._said.append((text, button))
        message = join([said for said, _button in self._said])
        self._page.say(BannerKind.INFO, message, *(button for _text, button in self._said))
        self._shown = banner.message()
