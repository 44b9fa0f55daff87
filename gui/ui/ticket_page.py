"""`TicketPage`: the window's central widget, from the banner down to Update."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.core.fields import Operation
from gui.ui.banner import Banner, BannerKind
from gui.ui.palette import mark
from gui.ui.ticket_form import TicketForm


class TicketPage(QWidget):
    """The sandbox notice (`sandboxNotice`, only in the sandbox) and the TEST MODE badge
    (`testModeBadge`); the banner with Open Settings (`openSettingsButton`) and the buttons
    that belong to what the banner says (`say`): Undo (`undoSwitchButton`), Send again
    (`sendAgainButton`), Show outbox (`showOutboxButton`), Discard draft (`discardDraftButton`),
    Update this ticket (`updateCreatedButton`); the form, scrolled; what this update changes
    (`changeSummary`), the busy bar (`busyIndicator`), Cancel (`cancelButton`) and Update ticket
    or Create ticket (`submitButton`). Every text in the current language, also after a
    language change.
    """

    def __init__(
        self,
        *,
        statuses: Sequence[str] = (),
        sandbox: bool = False,
        notify_rows_later: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.banner = Banner()
        self.form = TicketForm(statuses=statuses, notify_rows_later=notify_rows_later)
        self.submit_button = _button("submitButton")
        self.submit_button.setDefault(True)
        self.cancel_button = _button("cancelButton")
        self.cancel_button.setEnabled(False)
        self.busy_indicator = QProgressBar(textVisible=False)
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)  # indeterminate
        self.busy_indicator.hide()
        self.test_mode_badge = QLabel()
        self.test_mode_badge.setObjectName("testModeBadge")
        self.open_settings_button = _button("openSettingsButton")
        self.undo_switch_button = _button("undoSwitchButton", hidden=True)
        self.send_again_button = _button("sendAgainButton", hidden=True)
        self.show_outbox_button = _button("showOutboxButton", hidden=True)
        self.discard_draft_button = _button("discardDraftButton", hidden=True)
        self.update_created_button = _button("updateCreatedButton", hidden=True)
        #: The buttons that belong to a message of the banner: `say` shows those it is given.
        self.message_buttons = (
            self.undo_switch_button,
            self.send_again_button,
            self.show_outbox_button,
            self.discard_draft_button,
            self.update_created_button,
        )
        self.change_summary = QLabel()
        self.change_summary.setObjectName("changeSummary")
        mark(self.change_summary, "hint")
        self.change_summary.setWordWrap(True)
        self.sandbox_notice: QLabel | None = None
        if sandbox:
            self.sandbox_notice = QLabel()
            self.sandbox_notice.setObjectName("sandboxNotice")
        self._lay_out()
        self._retranslate()
        self.form.operation_changed.connect(self._retranslate_submit)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        if self.sandbox_notice is not None:
            top.addWidget(self.sandbox_notice)
        top.addStretch(1)
        top.addWidget(self.test_mode_badge)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        for button in self.banner_buttons:
            banner_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own: it scrolls to whichever field gets the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_summary, 1)
        buttons.addWidget(self.busy_indicator, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(banner_row)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)

    @property
    def banner_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons beside the banner, in Tab order."""
        return (self.open_settings_button, *self.message_buttons)

    def say(self, kind: BannerKind, text: str, *buttons: QPushButton) -> None:
        """Show `text` in the banner with `buttons` beside it (of `message_buttons`), and none
        of the others: a button that belonged to an earlier message goes with it."""
        self.banner.show_message(kind, text)
        for button in self.message_buttons:
            button.setVisible(button in buttons)

    def clear_message(self) -> None:
        """An empty banner, and none of the buttons of a message."""
        self.banner.clear_message()
        for button in self.message_buttons:
            button.hide()

    def set_busy(self, busy: bool) -> None:
        """While an update is on its way: the form read-only, Update off, Cancel on, the busy
        bar showing, and the focus on Cancel."""
        self.form.setEnabled(not busy)
        self.submit_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.busy_indicator.setVisible(busy)
        self.change_summary.setVisible(not busy)
        if busy:
            self.cancel_button.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._retranslate_submit()
        self.update_created_button.setText(self.tr("Update this ticket"))
        self.update_created_button.setToolTip(
            self.tr("Switch to updating the ticket that was just created")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop waiting for the server (Esc)"))
        self.busy_indicator.setAccessibleName(self.tr("Sending"))
        self.test_mode_badge.setText(self.tr("TEST MODE"))
        self.test_mode_badge.setToolTip(self.tr("Test keys: updates change test data only."))
        self.open_settings_button.setText(self.tr("&Open Settings…"))
        self.undo_switch_button.setText(self.tr("Undo"))
        self.undo_switch_button.setToolTip(self.tr("Bring back the form as it was"))
        self.send_again_button.setText(self.tr("Send again"))
        self.show_outbox_button.setText(self.tr("Show outbox"))
        self.discard_draft_button.setText(self.tr("&Discard draft"))
        if self.sandbox_notice is not None:
            self.sandbox_notice.setText(self.tr("Sandbox — nothing is sent to Particle Space"))

    def _retranslate_submit(self, *_: object) -> None:
        if self.form.operation() is Operation.CREATE:
            self.submit_button.setText(self.tr("Create tic&ket"))
            self.submit_button.setToolTip(self.tr("Create the new ticket (Ctrl+Enter)"))
        else:
            self.submit_button.setText(self.tr("&Update ticket"))
            self.submit_button.setToolTip(self.tr("Send the update (Ctrl+Enter)"))


def _button(name: str, *, hidden: bool = False) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    if hidden:
        button.hide()
    return button
