"""`MessageCounter`: how the notification's message goes by SMS, counted as carriers bill it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from gui.ui.i18n import translated
from gui.ui.palette import mark

if TYPE_CHECKING:
    from gui.core.sms import SmsLength


#: The plain-characters button's look: a link, in the palette's link colour.
_LINK = "QPushButton { color: palette(link); border: none; text-decoration: underline; }"


class MessageCounter(QWidget):
    """Under the message (`notifyMessageCounter`) while the type is SMS, hidden for email: how
    many SMS the message takes and in which encoding, the characters that make it Unicode, an
    error when it takes more than ten; and, when plain quotes, dashes and spaces would make it
    go better, a button that puts them in (`smsPlainCharactersButton`), one undo step.

    Qt properties for automation and tests: `segments` (int) and `encoding` ("gsm7", "ucs2").

    Signals:
        counted(): the count changed (`segments`, `encoding` or the text).
    """

    counted = Signal()

    def __init__(
        self,
        *,
        message: QPlainTextEdit,
        is_sms: Callable[[], bool],
        offer_plain: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`offer_plain`: whether the plain-characters button may show (not for a message
        that cannot be edited there, as in the preview)."""
        super().__init__(parent)
        self.setObjectName("notifyMessageCounter")
        self._offer_plain = offer_plain
        self._message = message
        self._is_sms = is_sms
        #: The last count; None until the type is first SMS (gui.core.sms, which counts, is
        #: loaded by the warm-up, not at start-up: an email needs no count).
        self._length: SmsLength | None = None
        self.label = QLabel(wordWrap=True)
        self.label.setObjectName("notifyMessageCounterText")
        mark(self.label, "hint")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.plain_button = QPushButton()
        self.plain_button.setObjectName("smsPlainCharactersButton")
        self.plain_button.setFlat(True)  # a link (`_LINK`): it acts on the text beside it
        self.plain_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.plain_button.hide()
        self.plain_button.clicked.connect(self.use_plain_characters)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.plain_button, 0, Qt.AlignmentFlag.AlignTop)
        message.textChanged.connect(self.update_count)
        self._retranslate()

    # --- The properties ---------------------------------------------------------------------

    def _segments(self) -> int:
        return self._length.segments if self._length is not None else 0

    def _encoding(self) -> str:
        return self._length.encoding.value if self._length is not None else "gsm7"

    segments = Property(int, _segments, notify=counted)
    encoding = Property(str, _encoding, notify=counted)

    def text(self) -> str:
        """What the counter says (as shown, in the current language)."""
        return self.label.text()

    # --- Counting -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.plain_button.setText(self.tr("Use plain quotes and dashes"))
        self.plain_button.setToolTip(
            self.tr("Replaces typographic quotes, dashes, dots and spaces by plain ones.")
        )
        self.update_count()

    def update_count(self) -> None:
        """Count again (the message or the type changed)."""
        is_sms = self._is_sms()
        self.setVisible(is_sms)
        if not is_sms:
            return
        from gui.core.sms import plain_helps, sms_length

        text = self._message.toPlainText()
        length = sms_length(text)
        said = self._said(length)
        changed = (length.segments, length.encoding.value) != (self._segments(), self._encoding())
        self._length = length
        offered = self._offer_plain and plain_helps(text, length)
        if offered and not self.plain_button.styleSheet():  # its own sheet: when first offered
            self.plain_button.setStyleSheet(_LINK)
        self.plain_button.setVisible(offered)
        if said != self.label.text():
            self.label.setText(said)
            self.label.setAccessibleName(said)
            self.setAccessibleDescription(said)
            changed = True
        role = "fieldError" if length.too_long else "hint"
        if self.label.property("role") != role:
            self.label.setProperty("role", role)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)
        if changed:
            self.counted.emit()

    def _said(self, length: SmsLength) -> str:
        from gui.core.sms import (
            GSM7_SINGLE,
            MAX_SMS_SEGMENTS,
            UCS2_SINGLE,
            Encoding,
            named_characters,
        )

        parts = self.tr("%n SMS", "", length.segments)
        if length.too_long:
            limit = self.tr("at most %n are sent", "", MAX_SMS_SEGMENTS)
            parts = self.tr("{parts}: {limit}").format(parts=parts, limit=limit)
        if length.encoding is Encoding.GSM7:
            if length.segments <= 1:
                return self.tr("{parts} · {units:,} of {single} characters").format(
                    parts=parts, units=length.units, single=GSM7_SINGLE
                )
            return self.tr("{parts} · {units:,} characters, {per_part} a part").format(
                parts=parts, units=length.units, per_part=length.per_segment
            )
        characters = translated(named_characters(length.unicode_characters))
        if length.segments <= 1:
            return self.tr(
                "{parts} · Unicode, {units} of {single} characters: {characters}"
            ).format(parts=parts, units=length.units, single=UCS2_SINGLE, characters=characters)
        return self.tr("{parts} · Unicode ({per_part} characters a part): {characters}").format(
            parts=parts, per_part=length.per_segment, characters=characters
        )

    # --- Plain characters ---------------------------------------------------------------------

    def use_plain_characters(self) -> None:
        """Put plain quotes, dashes, dots and spaces for the typographic ones, as one undo step;
        the cursor stays by the text it was at."""
        from PySide6.QtGui import QTextCursor  # PySide builds it (and its enums) on first use

        from gui.core.sms import typographic_replacements

        replacements = typographic_replacements(self._message.toPlainText())
        if not replacements:
            return
        cursor = QTextCursor(self._message.document())
        cursor.beginEditBlock()
        for start, end, plain in reversed(replacements):  # the later ones first: positions hold
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(plain)
        cursor.endEditBlock()
        self._message.setFocus(Qt.FocusReason.OtherFocusReason)
