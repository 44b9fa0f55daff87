"""`BatchDialog`: File ▸ Many tickets… (`batchDialog`): one change to many known tickets, or the
rows of a CSV file, checked in a table and sent through the outbox as one batch.

The dialog is not modal: the window stays usable while a batch goes out (both go through the
same outbox, one request at a time). Checking and sending run on the outbox's thread
(`BatchSender`); the GUI thread only shows rows, at the cost of a model reset.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core import batch
from gui.core.messages import QT_TRANSLATE_NOOP, Context, join
from gui.ui.batch_change import BatchChangeEditor
from gui.ui.batch_sender import BatchSender
from gui.ui.batch_table import BatchTable, BatchTableModel
from gui.ui.i18n import translated

if TYPE_CHECKING:
    from gui.core.address_book import AddressBook
    from gui.core.batch import Checked, Queued, RowResult
    from gui.core.config import Connection
    from gui.core.destination import Destination
    from gui.core.messages import Message
    from gui.ui.dispatcher import OutboxDispatcher

#: How long typing may pause before the rows are checked again.
_CHECK_AFTER_MS = 250
#: How often the progress bar follows the rows that ended (at most).
_PROGRESS_EVERY_MS = 50
#: The context of the dialog's sentences with a number.
batch_dialog = Context("batch_dialog")


class BatchDialog(QDialog):
    """Paste ticket ids (`batchIds`) or open a CSV file (`openBatchCsvButton`); the table
    (`batchTable`) shows every row checked; Send (`batchSendButton`) queues them as one batch,
    `batchProgress` follows it, Cancel (`batchCancelButton`) stops after the update in flight,
    and each row then says how it ended, `batchSummary` the whole batch."""

    def __init__(
        self,
        *,
        outbox: OutboxDispatcher,
        connection: Callable[[], Connection],
        region: Callable[[], str],
        statuses: Callable[[], list[str]] = list,
        address_book: Callable[[], AddressBook] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self._connection = connection
        self._csv: Path | None = None  # the file the rows come from, else the pasted ids
        self._checked: Checked | None = None  # the rows shown, once checked for this input
        self._ended: set[int] = set()  # positions of the rows sent that have ended
        self._cancel_said: Message | None = None
        self.sender_ = BatchSender(
            outbox=outbox,
            destination=self._destination,
            region=region,
            address_book=address_book,
            parent=self,
        )
        self._build(statuses())
        self._check_timer = QTimer(self, singleShot=True, interval=_CHECK_AFTER_MS)
        self._check_timer.timeout.connect(self.check)
        self._progress_timer = QTimer(self, singleShot=True, interval=_PROGRESS_EVERY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.sender_.checked.connect(self._on_checked)
        self.sender_.queued.connect(self._on_queued)
        self.sender_.row_ended.connect(self._on_row_ended)
        self.sender_.cancelled.connect(self._on_cancelled)
        self.sender_.failed.connect(self._on_failed)
        self._retranslate()
        self._set_sending(False)
        self.resize(780, 760)

    def _build(self, statuses: list[str]) -> None:
        self.ids_label = QLabel()
        self.ids = QPlainTextEdit()
        self.ids.setObjectName("batchIds")
        self.ids.setTabChangesFocus(True)
        self.ids.setMaximumHeight(90)
        self.ids_label.setBuddy(self.ids)
        self.open_csv_button = QPushButton()
        self.open_csv_button.setObjectName("openBatchCsvButton")
        self.input_note = QLabel()
        self.input_note.setObjectName("batchInputNote")
        self.input_note.setWordWrap(True)
        self.input_note.setProperty("role", "hint")
        self.change = BatchChangeEditor(statuses=statuses)
        self.model = BatchTableModel(parent=self)
        self.table = BatchTable(self.model)
        self.table.setMinimumHeight(220)
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.skip_invalid = QCheckBox()
        self.skip_invalid.setObjectName("batchSkipInvalid")
        self.again = QCheckBox()
        self.again.setObjectName("batchAgain")
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.send_button = QPushButton()
        self.send_button.setObjectName("batchSendButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("batchCancelButton")
        self.close_button = QPushButton()
        self.close_button.setObjectName("batchCloseButton")

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.ids_label, 1)
        top.addWidget(self.open_csv_button)
        layout.addLayout(top)
        layout.addWidget(self.ids)
        layout.addWidget(self.input_note)
        layout.addWidget(self.change)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.again)
        options.addStretch(1)
        layout.addLayout(options)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.ids.textChanged.connect(self._on_ids_edited)
        self.change.edited.connect(self.recheck)
        self.open_csv_button.clicked.connect(self._on_open_csv_clicked)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        # No default button: Return in the status field must not send a change to many tickets
        # (and text their tenants); Send is a deliberate press (Alt+S, or a click).
        for button in (self.open_csv_button, self.send_button, self.cancel_button):
            button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)

    # --- Input -------------------------------------------------------------------------------

    def open_csv(self, path: Path) -> None:
        """Take the rows from the CSV file at `path` (the command line's columns)."""
        self._csv = Path(path)
        self.ids.blockSignals(True)
        self.ids.clear()
        self.ids.blockSignals(False)
        self.recheck()
        self._check_timer.stop()
        self.check()

    def _on_open_csv_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a CSV file"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            self.open_csv(Path(name))

    def _on_ids_edited(self) -> None:
        self._csv = None  # typing ids leaves the file
        self.recheck()

    def recheck(self, *_: object) -> None:
        """What the table and the summary said is about another input (or contact book) now:
        say so, and check again shortly."""
        if self.sender_.sending:
            return
        self._forget()
        self._check_timer.start()

    def _forget(self) -> None:
        self.sender_.forget_checks()
        self._checked = None
        self._cancel_said = None
        self.model.clear_results()
        self.progress.reset()
        self._say(QT_TRANSLATE_NOOP("BatchDialog", "Checking…"))
        self.change.setEnabled(self._csv is None)

    def check(self) -> None:
        """Check the rows of the input now (the table shows them when the answer comes)."""
        if self.sender_.sending:
            return
        self._check_timer.stop()
        self._forget()
        if self._csv is not None:
            self.sender_.check_csv(self._csv)
        else:
            self.sender_.check_pasted(self.ids.toPlainText(), self.change.change())

    def _on_checked(self, checked: Checked) -> None:
        self._checked = checked
        self.model.set_rows(checked.rows)
        notes: list[str] = []
        if checked.source:
            notes.append(
                QT_TRANSLATE_NOOP(
                    "BatchDialog", "From {file}: the file gives every field of each row."
                ).format(file=checked.source)
            )
        for number, column, text in checked.problems:
            notes.append(
                join([f"{column}:", text])
                if not number
                else join(
                    [
                        QT_TRANSLATE_NOOP("BatchDialog", "Row {row}:").format(row=number),
                        f"{column}:",
                        text,
                    ]
                )
            )
        if checked.merged:
            notes.append(
                batch_dialog.tr(
                    "%n ids were given more than once and are sent once: {ids}.",
                    "%n id was given more than once and is sent once: {ids}.",
                    len(checked.merged),
                ).format(ids=", ".join(checked.merged))
            )
        self.input_note.setText(" ".join(translated(note) for note in notes))
        self.input_note.setVisible(bool(notes))
        change_errors = [
            (error.field, error.message)
            for row in checked.rows
            for error in row.errors
            if error.field in self.change.editors
            and not (error.field == "status" and not self.change.change().status.strip())
        ]
        self.change.show_errors(change_errors if self._csv is None else [])
        self._say(self._check_summary(checked))

    def _check_summary(self, checked: Checked) -> Message:
        total, invalid = len(checked.rows), checked.invalid
        if checked.problems:
            return QT_TRANSLATE_NOOP("BatchDialog", "This file cannot be used as it is.")
        if not total:
            return QT_TRANSLATE_NOOP(
                "BatchDialog",
                "Paste ticket ids (one per line, or separated by commas) or open a CSV file.",
            )
        if not invalid:
            return batch_dialog.tr(
                "%n rows checked: all ready to send.", "%n row checked: ready to send.", total
            )
        return batch_dialog.tr(
            "{total} rows checked: %n need attention (see the Check column).",
            "{total} rows checked: %n needs attention (see the Check column).",
            invalid,
        ).format(total=total)

    # --- Sending -----------------------------------------------------------------------------

    def send(self) -> None:
        """Send the checked rows as one batch (the valid ones, when skipping the others)."""
        if self.sender_.sending:
            return
        checked = self._checked
        if checked is None or self._check_timer.isActive():
            self._say(QT_TRANSLATE_NOOP("BatchDialog", "Wait for the check to finish."))
            return
        if not checked.rows or checked.problems:
            self._say(self._check_summary(checked))
            return
        if checked.invalid and not self.skip_invalid.isChecked():
            self._say(
                batch_dialog.tr(
                    "Nothing was sent: %n rows need attention. Correct them, or tick “Skip "
                    "the rows that need attention” to send the others.",
                    "Nothing was sent: %n row needs attention. Correct it, or tick “Skip "
                    "the rows that need attention” to send the others.",
                    checked.invalid,
                )
            )
            return
        if checked.invalid == len(checked.rows):
            self._say(QT_TRANSLATE_NOOP("BatchDialog", "Nothing was sent: no row is ready."))
            return
        connection = self._connection()
        if not connection.usable:
            self._say(connection.problem or "")
            return
        self.model.clear_results()
        for position, row in enumerate(checked.rows):
            if not row.ok:
                self.model.set_result(position, batch.RowResult(batch.NOT_SENT, batch.SKIPPED))
        self._ended = set()
        self._cancel_said = None
        self.progress.setRange(0, len(checked.rows) - checked.invalid)
        self.progress.setValue(0)
        self._set_sending(True)
        self._say(QT_TRANSLATE_NOOP("BatchDialog", "Putting the batch in the outbox…"))
        self.sender_.send(checked.rows, again=self.again.isChecked(), source=checked.source)

    def cancel(self) -> None:
        """Stop after the update in flight; the rest waits in the outbox as the batch."""
        if self.sender_.sending:
            self.cancel_button.setEnabled(False)
            self.sender_.cancel()

    def _on_queued(self, queued: Queued) -> None:
        if queued.batch is not None:
            self._say(
                QT_TRANSLATE_NOOP("BatchDialog", "Sending batch {batch}…").format(
                    batch=queued.batch
                )
            )
        self._maybe_done()

    def _on_row_ended(self, position: int, result: RowResult) -> None:
        self.model.set_result(position, result)
        self._ended.add(position)
        if not self._progress_timer.isActive():  # a bar repaint per row would hold the GUI
            self._progress_timer.start()
        self._maybe_done()

    def _show_progress(self) -> None:
        self._progress_timer.stop()
        self.progress.setValue(min(len(self._ended), self.progress.maximum()))

    def _on_cancelled(self, said: Message) -> None:
        self._cancel_said = said
        self._maybe_done()

    def _on_failed(self, said: Message) -> None:
        self._set_sending(False)
        self._say(said)

    def _maybe_done(self) -> None:
        if self.sender_.sending:
            return
        self._show_progress()
        self._set_sending(False)
        results = self.model.results()
        summary = batch.summary(results)
        self._say(join([self._cancel_said, summary]) if self._cancel_said else summary)

    def _set_sending(self, sending: bool) -> None:
        for widget in (self.ids, self.open_csv_button, self.change, self.send_button):
            widget.setEnabled(not sending and (widget is not self.change or self._csv is None))
        for option in (self.skip_invalid, self.again):
            option.setEnabled(not sending)
        self.cancel_button.setEnabled(sending)
        self.progress.setVisible(sending or self.progress.value() > 0)

    def _say(self, text: str) -> None:
        self.summary.setText(translated(text))

    def _destination(self) -> Destination:
        from gui.core.destination import destination_of

        return destination_of(self._connection())

    # --- Texts -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Many tickets"))
        self.ids_label.setText(
            self.tr("&Ticket ids (one per line, or separated by commas or spaces):")
        )
        self.ids.setPlaceholderText("tic_1001\ntic_1002, tic_1003")
        self.open_csv_button.setText(self.tr("&Open CSV…"))
        self.open_csv_button.setToolTip(
            self.tr("Rows with the command line's columns: ticketId, title, description, …")
        )
        self.skip_invalid.setText(self.tr("S&kip the rows that need attention"))
        self.again.setText(self.tr("Send a&gain what went out in the last 24 hours"))
        self.send_button.setText(self.tr("&Send"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.model.set_field_labels(
            {
                "row": self.tr("Row"),
                "ticketId": self.tr("Ticket id"),
                "title": self.tr("Title"),
                "description": self.tr("Description"),
                "status": self.tr("Status"),
                "notify": self.tr("Notify"),
                "time": self.tr("When"),
                "type": self.tr("Notify by"),
                "contacts": self.tr("Contacts"),
                "notifySubject": self.tr("Subject"),
                "notifyMessage": self.tr("Message"),
                "automated": self.tr("Automated"),
            }
        )
