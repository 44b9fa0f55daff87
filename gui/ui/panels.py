"""`Panels`: the window's docked outbox and history, built the first time they are shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from gui.core.destination import Destination
    from gui.core.outbox import HistoryEntry, OutboxItem
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.history_panel import HistoryPanel
    from gui.ui.outbox_panel import OutboxPanel


class Panels(QObject):
    """Docks the outbox panel (Retry now, Resend, Discard go to the dispatcher) and the history
    panel (its searches run on the outbox's thread) at the bottom of `window`, tabbed together.

    Signals:
        item_opened(OutboxItem): the user wants this outbox item's update in the form.
        entry_opened(HistoryEntry): the user wants this history entry in the form.
    """

    item_opened = Signal(object)
    entry_opened = Signal(object)

    def __init__(
        self,
        *,
        window: QMainWindow,
        outbox: OutboxDispatcher,
        destination: Callable[[], Destination],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._outbox = outbox
        self._destination = destination
        self._items: list[OutboxItem] = []
        self._outbox_panel: OutboxPanel | None = None
        self._history_panel: HistoryPanel | None = None

    @property
    def outbox_panel(self) -> OutboxPanel:
        if self._outbox_panel is None:
            from gui.ui.outbox_panel import OutboxPanel

            panel = OutboxPanel(destination=self._destination, parent=self._window)
            panel.retry_requested.connect(self._outbox.retry_now)
            panel.discard_requested.connect(self._outbox.discard)
            panel.open_requested.connect(self.item_opened)
            panel.show_items(self._items)
            self._outbox_panel = panel
            self._dock(panel)
        return self._outbox_panel

    @property
    def history_panel(self) -> HistoryPanel:
        if self._history_panel is None:
            from gui.ui.history_panel import HistoryPanel

            panel = HistoryPanel(parent=self._window)
            panel.search_requested.connect(self._on_history_search)
            panel.open_requested.connect(self.entry_opened)
            self._history_panel = panel
            self._dock(panel)
        return self._history_panel

    def show_outbox(self) -> None:
        self.outbox_panel.show()
        self.outbox_panel.raise_()

    def show_history(self) -> None:
        self.history_panel.show()
        self.history_panel.raise_()

    def show_items(self, items: Sequence[OutboxItem]) -> None:
        """What the outbox holds now (kept for the outbox panel until it is first shown)."""
        self._items = list(items)
        if self._outbox_panel is not None:
            self._outbox_panel.show_items(self._items)

    def _dock(self, panel: QDockWidget) -> None:
        window = self._window
        if window.restoreDockWidget(panel):  # docked where the user left it last time
            panel.hide()
            return
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
        docked = [
            other
            for other in (self._outbox_panel, self._history_panel)
            if other is not None and other is not panel
        ]
        if docked:
            window.tabifyDockWidget(docked[0], panel)
        panel.hide()

    def _on_history_search(self, text: str) -> None:
        self._outbox.run_on_store(lambda store: store.history(text=text), self._on_history_found)

    def _on_history_found(self, entries: list[HistoryEntry]) -> None:
        if self._history_panel is not None:
            self._history_panel.show_entries(entries)
