"""`OptionalDateTimeEdit`: a date-time picker with an explicit "send now" (unset) state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget


class OptionalDateTimeEdit(QWidget):
    """ "Send now", or a chosen local date and time when "Send later" is checked.

    The date and time show in the format of the user's locale (QLocale's default, set with
    the language); `value()` is a datetime, whatever the locale.

    Signals:
        changed: the value changed (checked, unchecked, or a new time picked).
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.later = QCheckBox(self)
        self.later.setObjectName("timeLater")
        self.editor = QDateTimeEdit(self)
        self.editor.setObjectName("timeEdit")
        self.editor.setCalendarPopup(True)
        self.now_hint = QLabel(self)
        self.now_hint.setProperty("role", "hint")
        self._retranslate()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.later)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.now_hint, 1)
        self.setFocusProxy(self.later)

        self.later.toggled.connect(self._on_later_toggled)
        self.editor.dateTimeChanged.connect(self.changed)
        self._on_later_toggled(False)

    def value(self) -> datetime | None:
        """None for "send now", else the chosen moment with the local UTC offset."""
        if not self.later.isChecked():
            return None
        seconds = self.editor.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, tz=UTC).astimezone()

    def set_value(self, moment: datetime | None) -> None:
        self.later.setChecked(moment is not None)
        if moment is not None:
            self.editor.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.later.setText(self.tr("Send later, at:"))
        self.later.setAccessibleDescription(
            self.tr("Unchecked, the notification goes out as soon as the ticket is updated.")
        )
        self.editor.setAccessibleName(self.tr("Send at"))
        self.editor.setAccessibleDescription(self.tr("The date and time to notify people."))
        self.now_hint.setText(self.tr("Sends as soon as the ticket is updated"))
        locale = QLocale()  # the default: the language's locale
        self.editor.setLocale(locale)
        self.editor.setDisplayFormat(display_format(locale))

    def _on_later_toggled(self, later: bool) -> None:
        if later and self.editor.dateTime() <= QDateTime.currentDateTime():
            self.editor.setDateTime(QDateTime.fromSecsSinceEpoch(int(_next_hour().timestamp())))
        self.editor.setVisible(later)
        self.now_hint.setVisible(not later)
        self.changed.emit()


def _next_hour() -> datetime:
    """A sensible first choice: the next full hour, at least 30 minutes away."""
    start = datetime.now().astimezone() + timedelta(minutes=30)
    return start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def display_format(locale: QLocale) -> str:
    """`locale`'s short date and time format, with a four-digit year (12/1/26 is ambiguous)."""
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern
