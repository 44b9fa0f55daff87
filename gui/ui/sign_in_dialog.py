"""`SignInDialog`: the sandbox's File ▸ Sign in…, the sign-in page's `SignInSection` in a
dialog (gui/ui/sign_in_page.py). A module of its own: the page is the first frame of a first
start, and the dialog's Qt classes (QDialogButtonBox's, 0.45 ms) are not in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from gui.ui.sign_in_page import COLUMN_WIDTH, text_label

if TYPE_CHECKING:
    from gui.core.credentials import Credentials
    from gui.ui.sign_in_section import SignInSection


class SignInDialog(QDialog):
    """The sandbox's File ▸ Sign in… (`signInDialog`): the `section` with Sign in
    (`signInButton`) and Cancel. Accepted once the keys are saved (`signed_in` first)."""

    signed_in = Signal(object)

    def __init__(self, *, section: SignInSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.section = section
        self.intro = text_label("signInIntro")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(section)
        layout.addWidget(self.buttons)
        # Only now, in the dialog: a button not yet in it cannot become its default, and Return
        # would press the first button that can (Test connection).
        self.sign_in_button.setDefault(True)
        self.setMinimumWidth(COLUMN_WIDTH)
        self._retranslate()
        # Sign in saves first, and closes the dialog when that is done (`accepted` is not
        # connected to `accept`).
        self.sign_in_button.clicked.connect(section.save_keys)
        self.buttons.rejected.connect(self.reject)
        section.busy_changed.connect(lambda busy: self.sign_in_button.setEnabled(not busy))
        section.saved.connect(self._on_saved)

    def _on_saved(self, credentials: Credentials) -> None:
        self.signed_in.emit(credentials)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to Particle Space"))
        self.intro.setText(
            self.tr(
                "Paste your account's two API keys. Once they are saved, the window leaves the "
                "sandbox and sends to Particle Space; what you tried in the sandbox stays there."
            )
        )
        self.sign_in_button.setText(self.tr("&Sign in"))
