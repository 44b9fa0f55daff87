"""Signing in from inside the window: `SignInPage` (the first start, no keys anywhere) and,
in gui/ui/sign_in_dialog.py, `SignInDialog` (the sandbox's File ▸ Sign in…). Both show the
Settings dialog's `SignInSection`: the key fields, where to find the keys, Test connection and
its answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.ui.i18n import translated

if TYPE_CHECKING:
    from gui.ui.sign_in_section import SignInSection

#: The page's column is no wider than this (in pixels), centred in a wide window.
COLUMN_WIDTH = 480


class SignInPage(QWidget):
    """The window's page when no credentials were found (`signInPage`): a title, the
    `section`, Sign in (`signInButton`: saves the keys, then the window shows the ticket form),
    Advanced settings (`signInSettingsButton`: the Settings dialog, for a company's CA bundle or
    another API address), a line for what the keychain said (`signInStatus`), and the way to try
    the app first (`trySandboxButton`).

    Signals:
        sandbox_requested(): the user chose to try the sandbox.
        settings_requested(): the user asked for the whole Settings dialog.
    """

    sandbox_requested = Signal()
    settings_requested = Signal()

    def __init__(self, *, section: SignInSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPage")
        self.section = section
        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        self.intro = text_label("signInIntro")
        self.status = text_label("signInStatus")
        self.status.hide()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("signInSettingsButton")
        self.settings_button.setFlat(True)
        self.sandbox_text = text_label("trySandboxText")
        self.try_sandbox_button = QPushButton()
        self.try_sandbox_button.setObjectName("trySandboxButton")
        self._status_message = ""
        self._keychain = True  # whether the keys are kept in a keychain
        self._lay_out()
        self._retranslate()
        self.sign_in_button.clicked.connect(section.save_keys)
        # Return in a key field signs in, as Return in a dialog presses its default button.
        for field in (section.secret_key, section.publish_key):
            field.returnPressed.connect(self.sign_in_button.click)
        self.settings_button.clicked.connect(self.settings_requested)
        self.try_sandbox_button.clicked.connect(self.sandbox_requested)
        section.busy_changed.connect(self._set_busy)

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addWidget(self.section)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        column.addLayout(buttons)
        column.addWidget(self.status)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addSpacing(8)
        column.addWidget(line)
        column.addWidget(self.sandbox_text)
        sandbox_row = QHBoxLayout()
        sandbox_row.addWidget(self.try_sandbox_button)
        sandbox_row.addStretch(1)
        column.addLayout(sandbox_row)

        holder = QWidget()
        holder.setMaximumWidth(COLUMN_WIDTH)
        holder.setLayout(column)
        # Centred by stretches, not an alignment: an aligned widget gets its size hint, which
        # is too short for word-wrapped text in a narrower column.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

    def say(self, message: str) -> None:
        """Show `message` (a Message: what the keychain said) under Sign in; "" hides it."""
        self._status_message = message
        self.status.setText(translated(message) if message else "")
        self.status.setVisible(bool(message))

    def set_keychain_available(self, available: bool) -> None:
        """Say where the keys are kept: the keychain, or (without one) nowhere but memory."""
        if available != self._keychain:
            self._keychain = available
            self._retranslate()

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.try_sandbox_button.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Sign in to Particle Space"))
        if self._keychain:
            intro = self.tr(
                "Particle Tickets sends your updates to Particle Space with your account's two "
                "API keys. Paste them here once; they are kept in this computer's keychain."
            )
        else:
            intro = self.tr(
                "Particle Tickets sends your updates to Particle Space with your account's two "
                "API keys. This computer has no keychain: the keys are kept only until you close "
                "the app, and nothing is written to disk."
            )
        self.intro.setText(intro)
        self.sign_in_button.setText(self.tr("&Sign in"))
        self.settings_button.setText(self.tr("&Advanced settings…"))
        self.sandbox_text.setText(
            self.tr(
                "Not ready yet? The sandbox is a pretend Particle Space on this computer: try "
                "every part of the app there, nothing you send reaches anyone. Sign in from its "
                "File menu when you are ready."
            )
        )
        self.try_sandbox_button.setText(self.tr("T&ry the sandbox first"))
        if self._status_message:
            self.status.setText(translated(self._status_message))


def text_label(name: str) -> QLabel:
    """A label for a wrapped plain-text paragraph, named `name` (the page's and the dialog's)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
