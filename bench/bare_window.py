"""Start-up baseline: a bare PySide6 window with the same widgets as the app's, none of its code.

It mirrors what `gui.ui.main_window.MainWindow` (without a sandbox) and
`gui.ui.ticket_form.TicketForm` build: the menu bar with File and Help, the hidden banner
label, a frameless scroll area holding the form (4 line edits, 2 plain-text edits, 2 combo boxes
of which one is editable, 3 check boxes, a date-time edit with a calendar popup, 23 labels, each
editor in its own cell with a hidden error label below, the notification rows in a hidden
section), the hidden busy bar, Cancel and Update, the status bar with a permanent label, the
three shortcuts and the 640x720 size. The banner and the error labels are plain-text labels, as
in the app; that first use of `PySide6.QtCore.Qt` costs any PySide6 program ~13 ms (PySide6
builds the namespace on first access), so leaving it out would charge PySide6's cost to the app.
It imports nothing from the app, sets no style sheet and no icon, starts no thread.

Run by bench/run.py: ``python bench/bare_window.py``; prints one PAINTED line (see
first_paint.py) and exits.
"""

from __future__ import annotations

import time

STAMPS = {"script": time.perf_counter()}


def build_window() -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDateTimeEdit,
        QFormLayout,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPlainTextEdit,
        QProgressBar,
        QPushButton,
        QScrollArea,
        QVBoxLayout,
        QWidget,
    )

    def add_row(form: QFormLayout, text: str | None, editor: QWidget, extra: QWidget | None = None):
        error = QLabel(wordWrap=True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        if extra is not None:
            column.addWidget(extra)
        column.addWidget(error)
        if text is None:
            form.addRow(cell)
            return
        label = QLabel(text)
        label.setBuddy(editor)
        form.addRow(label, cell)

    window = QMainWindow()
    window.setWindowTitle("Bare window")

    # The form.
    form_widget = QWidget()
    ticket_id = QLineEdit(placeholderText="tic_…")
    title = QLineEdit()
    description = QPlainTextEdit(tabChangesFocus=True)
    description.setMinimumHeight(80)
    description.setMaximumHeight(140)
    status = QComboBox(editable=True)
    status.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    status.addItems(["NEW", "ON_HOLD"])
    status.setCurrentText("")
    notify = QCheckBox("&Notify people about this update")

    time_widget = QWidget()
    later = QCheckBox("Send later, at:", time_widget)
    editor = QDateTimeEdit(time_widget)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd HH:mm")
    now_hint = QLabel("Sends as soon as the ticket is updated", time_widget)
    time_row = QHBoxLayout(time_widget)
    time_row.setContentsMargins(0, 0, 0, 0)
    time_row.addWidget(later)
    time_row.addWidget(editor, 1)
    time_row.addWidget(now_hint, 1)
    time_widget.setFocusProxy(later)
    editor.setVisible(False)

    contact_type = QComboBox()
    contact_type.addItem("Email", "email")
    contact_type.addItem("SMS text message", "sms")
    contacts = QLineEdit(placeholderText="name@example.com, other@example.com")
    subject = QLineEdit()
    message = QPlainTextEdit(tabChangesFocus=True)
    message.setMinimumHeight(60)
    message.setMaximumHeight(120)
    counter = QLabel()
    counter.setVisible(False)
    automated = QCheckBox(
        "&Automated: remind them again if the ticket stays in this status too long"
    )

    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    add_row(form, "&Ticket ID *", ticket_id)
    add_row(form, "T&itle *", title)
    add_row(form, "&Description *", description)
    add_row(form, "&Status *", status)
    add_row(form, None, notify)
    section_widget = QWidget()
    section = QFormLayout(section_widget)
    section.setContentsMargins(24, 0, 0, 0)
    section.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    add_row(section, "&When", time_widget)
    add_row(section, "T&ype *", contact_type)
    add_row(section, "&Contacts *", contacts)
    add_row(section, "Su&bject", subject)
    add_row(section, "Messa&ge", message, extra=counter)
    form.addRow(section_widget)
    add_row(form, None, automated)
    legend = QLabel("* required")
    outer = QVBoxLayout(form_widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addLayout(form)
    outer.addWidget(legend)
    outer.addStretch(1)
    section_widget.setVisible(False)

    # The window around it.
    banner = QLabel(wordWrap=True)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.hide()
    submit = QPushButton("&Update ticket")
    submit.setDefault(True)
    cancel = QPushButton("Cancel")
    cancel.setEnabled(False)
    busy = QProgressBar(textVisible=False)
    busy.setRange(0, 0)
    busy.hide()
    buttons = QHBoxLayout()
    buttons.addWidget(busy, 1)
    buttons.addStretch(0)
    buttons.addWidget(cancel)
    buttons.addWidget(submit)
    scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
    scroll.setWidget(form_widget)
    central = QWidget()
    column = QVBoxLayout(central)
    column.addWidget(banner)
    column.addWidget(scroll, 1)
    column.addLayout(buttons)
    window.setCentralWidget(central)

    file_menu = window.menuBar().addMenu("&File")
    quit_action = file_menu.addAction("&Quit")
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction("&About", window.close)
    window.statusBar().addPermanentWidget(QLabel("Sends to https://api.example.invalid/api/v1"))

    for keys in ("Ctrl+Return", "Ctrl+Enter", "Esc"):
        QShortcut(QKeySequence(keys), window, window.close)
    window.setTabOrder(automated, cancel)
    window.setTabOrder(cancel, submit)
    window.resize(640, 720)
    return window


def main() -> int:
    import sys

    import first_paint
    from PySide6.QtWidgets import QApplication

    STAMPS["qt"] = time.perf_counter()
    STAMPS["imported"] = STAMPS["qt"]  # nothing beyond PySide6 to import
    app = QApplication(sys.argv[:1])
    STAMPS["app"] = time.perf_counter()
    window = build_window()
    STAMPS["built"] = time.perf_counter()
    return first_paint.show_and_report(app, window, STAMPS)


if __name__ == "__main__":
    raise SystemExit(main())
