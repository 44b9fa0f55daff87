"""`NotificationPreviewer`: Preview… under the message (`notifyPreviewButton`, Ctrl+Shift+P)
shows `notificationPreview` (`gui.ui.preview_dialog`), what the recipients of the form's
notification get: checked and expanded as sending does it (`gui.core.preview`).

Kept apart from the dialog so that the window loads only this at start-up. The dialog is
window-modal, so the form cannot change under it; the contact book can (another window's
change is read again), and the preview then shows the book as it is now.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from gui.ui import shortcuts

if TYPE_CHECKING:
    from gui.core.batch import Change
    from gui.core.ticket import TicketDraft
    from gui.ui.main_window import MainWindow
    from gui.ui.preview_dialog import PreviewDialog


class NotificationPreviewer(QObject):
    """Opens the window's preview, keeps it true while it is shown, and sends from it."""

    @classmethod
    def of(cls, window: MainWindow) -> NotificationPreviewer:
        return cls(window=window)

    def __init__(self, *, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: PreviewDialog | None = None
        window.form.preview_button.clicked.connect(self.open)
        self.shortcut = QShortcut(QKeySequence(shortcuts.PREVIEW), window.form, self.open)
        window.contacts.keeper.changed.connect(self.refresh)

    def open(self) -> PreviewDialog | None:
        """Show the preview of the form's notification (None: the form notifies nobody, or
        it cannot be used now)."""
        form = self._window.form
        if not form.isEnabled() or not form.notify.isChecked() or self._window.busy:
            return None
        if self.dialog is None:
            from gui.ui.preview_dialog import PreviewDialog

            self.dialog = PreviewDialog(parent=self._window)
            self.dialog.send_requested.connect(self._send)
        self._show(self.dialog)
        self.dialog.open()
        return self.dialog

    def refresh(self, *_: object) -> None:
        """While it is shown: the form's notification as it goes now (the book changed)."""
        if self.dialog is not None and self.dialog.isVisible():
            self._show(self.dialog)

    def _show(self, dialog: PreviewDialog) -> None:
        self.show_in(dialog, self._window.form.draft())

    def show_in(
        self, dialog: PreviewDialog, what: TicketDraft | Change, *, tickets: int = 0
    ) -> None:
        """Show in `dialog` the notification of `what` (the form's draft, or the change of
        `tickets` in Many tickets…), checked against the window's contact book and SMS region
        as they are now; or what sending would refuse."""
        from gui.core.batch import Change
        from gui.core.errors import InvalidTicket
        from gui.core.preview import preview, preview_change

        window = self._window
        book, region = window.contacts.keeper.book, window.settings.sms_region()
        now = datetime.now().astimezone()
        try:
            if isinstance(what, Change):
                shown = preview_change(what, book, now=now, region=region)
            else:
                shown = preview(what, book, now=now, region=region)
        except InvalidTicket as invalid:
            dialog.show_problems(invalid)
            return
        dialog.show_preview(shown, tickets=tickets)

    def _send(self) -> None:
        """Send from the preview: as Send in the window (which checks it all once more)."""
        if self.dialog is not None:
            self.dialog.accept()
        self._window.submit()
