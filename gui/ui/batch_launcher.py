"""`BatchLauncher`: File ▸ Many tickets… (`batchAction`) opens the window's `BatchDialog`.

Kept apart from the dialog so that the window loads only this at start-up; the dialog, the
batch's core and the table load the first time the action is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from gui.ui.batch_dialog import BatchDialog
    from gui.ui.main_window import MainWindow
    from gui.ui.preview_dialog import PreviewDialog


class BatchLauncher(QObject):
    """Opens one `BatchDialog` for `window` (again the same one, raised, while it is open);
    the action works only on the ticket page and while no update of the form is on its way."""

    def __init__(self, *, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: BatchDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.action = window.menus.batch_action
        self.action.triggered.connect(self.open)
        window.sending.busy_changed.connect(self._on_busy_changed)

    def open(self) -> BatchDialog | None:
        """Show the dialog (None while the window is busy or signing in)."""
        window = self._window
        if window.busy or window.sign_in_flow.signing_in:
            return None
        if self.dialog is None:
            from gui.ui.batch_dialog import BatchDialog
            from gui.ui.contacts_book import completions

            keeper = window.contacts.keeper

            self.dialog = BatchDialog(
                outbox=window.outbox,
                connection=lambda: window.sign_in.connection,
                region=window.settings.sms_region,
                statuses=window.settings.statuses,
                address_book=lambda: keeper.book,
                parent=window,
            )
            change = self.dialog.change
            change.offer_contacts(lambda kind: completions(keeper.book, kind, ()))
            keeper.changed.connect(change.refresh_contacts)
            keeper.changed.connect(self._on_book_changed)
            change.preview_button.clicked.connect(self.preview)
            self.dialog.check()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.ids.setFocus()  # where the ids are pasted
        return self.dialog

    def preview(self) -> PreviewDialog | None:
        """Show what the recipients of each pasted ticket get (`notificationPreview`); Send in
        it sends the batch as the dialog's Send does."""
        dialog = self.dialog
        if dialog is None or dialog.sender_.sending or not dialog.change.notify.isChecked():
            return None
        from gui.core.batch import parse_ids
        from gui.ui.preview_dialog import PreviewDialog

        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(parent=dialog)
            self.preview_dialog.send_requested.connect(self._send_from_preview)
        shown = self.preview_dialog
        tickets = len(parse_ids(dialog.ids.toPlainText()).ids)
        self._window.preview.show_in(shown, dialog.change.change(), tickets=tickets)
        shown.open()
        return shown

    def _send_from_preview(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.accept()
        if self.dialog is not None:
            self.dialog.send()

    def _on_book_changed(self) -> None:
        """A name may mean other numbers now: check the rows again, unless they were sent (their
        results stay until the input changes)."""
        dialog = self.dialog
        if dialog is not None and not any(dialog.model.results()):
            dialog.recheck()
        if self.preview_dialog is not None and self.preview_dialog.isVisible():
            self.preview()  # what it shows must be true now

    def _on_busy_changed(self, busy: bool) -> None:
        self.action.setEnabled(not busy and not self._window.sign_in_flow.signing_in)
