"""`PreviewDialog` (`notificationPreview`): what the recipients of a notification get, before it
is sent: who (`previewRecipients`, each with the contact book's name), when (`previewWhen`), and
the email's subject (`previewSubject`) and body, or the SMS with its count and the parts a
carrier sends (`previewMessage`, `previewMessageCounter`, `previewParts`). What sending would
refuse is said instead (`previewProblem`), and Send (`previewSendButton`) waits."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.fields import ContactType
from gui.core.messages import Context
from gui.ui.i18n import translated
from gui.ui.message_counter import MessageCounter

if TYPE_CHECKING:
    from gui.core.errors import InvalidTicket
    from gui.core.preview import NotificationPreview

#: The context of the dialog's sentences with a number.
preview_dialog = Context("preview_dialog")


class PreviewDialog(QDialog):
    """Shows one `NotificationPreview` (`show_preview`) or what is wrong (`show_problems`).

    Signals:
        send_requested(): the user pressed Send.
    """

    send_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationPreview")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._type = ContactType.EMAIL
        self.heading = _label("previewHeading")
        self.problem = _label("previewProblem")
        self.problem.setProperty("role", "error")
        self.recipients = _named(QListWidget(), "previewRecipients")
        self.recipients.setMaximumHeight(110)
        self.when = _label("previewWhen")
        self.subject = _named(QLineEdit(readOnly=True), "previewSubject")
        self.message = _named(QPlainTextEdit(readOnly=True), "previewMessage")
        self.message.setMinimumHeight(60)
        self.message.setMaximumHeight(120)
        self.counter = MessageCounter(message=self.message, is_sms=self._is_sms, offer_plain=False)
        self.counter.setObjectName("previewMessageCounter")
        self.parts = _named(QListWidget(), "previewParts")
        self.parts.setWordWrap(True)
        self.parts.setAlternatingRowColors(True)  # where one part ends and the next begins
        self.parts.setSpacing(3)
        self.parts.setMaximumHeight(200)
        self.send_button = _named(QPushButton(), "previewSendButton")
        self.send_button.setDefault(True)
        self.close_button = _named(QPushButton(), "previewCloseButton")

        self.fields = QFormLayout()
        self._labels = {name: QLabel() for name in ("to", "when", "subject", "message", "parts")}
        for name, widget in (
            ("to", self.recipients),
            ("when", self.when),
            ("subject", self.subject),
            ("message", self.message),
            ("parts", self.parts),
        ):
            self._labels[name].setBuddy(widget)
            self.fields.addRow(self._labels[name], widget)
        self.fields.insertRow(4, "", self.counter)
        buttons = QDialogButtonBox()
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.send_button.clicked.connect(self.send_requested)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addLayout(self.fields)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._retranslate()
        self.resize(520, 480)

    def show_preview(self, shown: NotificationPreview | None, *, tickets: int = 0) -> None:
        """Show `shown` (None: the form notifies nobody); `tickets`: the batch's, each of
        which sends it (0: the form's one ticket)."""
        self.problem.hide()
        self._type = shown.type if shown is not None else ContactType.EMAIL
        if shown is None:
            self._set_visible(False, sms=False)
            self.heading.setText(self.tr("This update notifies nobody."))
            self.send_button.setEnabled(False)
            return
        sms = shown.type is ContactType.SMS
        count = len(shown.recipients)
        heading = (
            preview_dialog.tr("An SMS to %n people", "An SMS to %n person", count)
            if sms
            else preview_dialog.tr("An email to %n people", "An email to %n person", count)
        )
        if tickets:
            heading = preview_dialog.tr(
                "On each of %n tickets: {what}", "On %n ticket: {what}", tickets
            ).format(what=heading)
        self.heading.setText(translated(heading))
        self.recipients.clear()
        for recipient in shown.recipients:
            name = recipient.name
            self.recipients.addItem(f"{name} · {recipient.address}" if name else recipient.address)
        if shown.time is None:
            self.when.setText(self.tr("As soon as the update is sent"))
        else:
            moment = QDateTime.fromSecsSinceEpoch(round(shown.time.timestamp()))
            self.when.setText(QLocale().toString(moment, QLocale.FormatType.LongFormat))
        self.subject.setText(shown.subject)
        self.message.setPlainText(shown.message)
        self.parts.clear()
        total = len(shown.parts)
        for number, part in enumerate(shown.parts if total > 1 else (), start=1):
            said = self.tr("Part {number} of {total}").format(number=number, total=total)
            self.parts.addItem(f"{said}\n{part}")
        self._set_visible(True, sms=sms, parts=total > 1)
        too_long = shown.length is not None and shown.length.too_long
        self.send_button.setEnabled(not too_long)

    def show_problems(self, invalid: InvalidTicket) -> None:
        """What sending would refuse (the form's messages); nothing else is shown."""
        lines = list(dict.fromkeys(translated(error.message) for error in invalid.field_errors))
        self.heading.setText(self.tr("Not ready to send:"))
        self.problem.setText("\n".join(lines))
        self.problem.show()
        self._set_visible(False, sms=False)
        self.send_button.setEnabled(False)

    def recipient_texts(self) -> list[str]:
        """The recipients listed (for tests and automation)."""
        return [self.recipients.item(row).text() for row in range(self.recipients.count())]

    def part_texts(self) -> list[str]:
        return [self.parts.item(row).text() for row in range(self.parts.count())]

    def _is_sms(self) -> bool:
        return self._type is ContactType.SMS

    def _set_visible(self, visible: bool, *, sms: bool, parts: bool = False) -> None:
        """The rows of a notification (`visible`), as an SMS's (with its `parts` when it is
        cut) or an email's."""
        for name in ("to", "when", "message"):
            self._show_row(name, visible)
        self._show_row("subject", visible and not sms)
        self._show_row("parts", visible and sms and parts)
        self.counter.update_count()
        self.counter.setVisible(visible and sms)

    def _show_row(self, name: str, visible: bool) -> None:
        self.fields.setRowVisible(self._labels[name], visible)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview of the notification"))
        texts = {
            "to": self.tr("&To"),
            "when": self.tr("When"),
            "subject": self.tr("Subject"),
            "message": self.tr("&Message"),
            "parts": self.tr("As it arrives"),
        }
        for name, text in texts.items():
            self._labels[name].setText(text)
        self.send_button.setText(self.tr("&Send"))
        self.close_button.setText(self.tr("Close"))


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _label(name: str) -> QLabel:
    label = _named(QLabel(wordWrap=True), name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
