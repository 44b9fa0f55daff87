"""`OptionalDateTimeEdit`: a date-time picker with an explicit "send now" (unset) state, which
asks when the local time picked does not exist or happens twice."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QTime,
    QTimeZone,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.local_time import AmbiguousTime, NonexistentTime, local_wall, place
from gui.ui.palette import mark

_WALL_CLOCK = QTimeZone(QTimeZone.Initialization.UTC)  # no gaps, no repeats: the clock as read


class OptionalDateTimeEdit(QWidget):
    """ "Send now", or a chosen local date and time when "Send later" is checked.

    The date and time show in the format of the user's locale (QLocale's default, set with
    the language); `value()` is a datetime, whatever the locale. The editor holds the local
    clock's reading; `gui.core.local_time.place` makes it a moment. When the clocks skip that
    time, the note under it (`timeNote`) says so and offers the time they jump to
    (`timeSuggestionButton`); when it happens twice, the note asks which
    (`timeEarlierButton`, `timeLaterButton`, with their UTC offsets). Until then `value()` is
    the time without an offset, which validation refuses with the same news.

    Signals:
        changed: the value changed (checked, unchecked, a new time picked or a choice made).
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.later = QCheckBox(self)
        self.later.setObjectName("timeLater")
        self.editor = QDateTimeEdit(self)
        self.editor.setObjectName("timeEdit")
        self.editor.setCalendarPopup(True)
        self.editor.setTimeZone(_WALL_CLOCK)
        self.now_hint = QLabel(self)
        mark(self.now_hint, "hint")
        self._build_note()
        #: For a time that happens twice: 0 the first (before the clocks go back), 1 the second.
        self._fold: int | None = None
        self._retranslate()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.later)
        row.addWidget(self.editor, 1)
        row.addWidget(self.now_hint, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.note)
        self.setFocusProxy(self.later)

        self.later.toggled.connect(self._on_later_toggled)
        self.editor.dateTimeChanged.connect(self._on_picked)
        self._on_later_toggled(False)

    def _build_note(self) -> None:
        self.note = QWidget(self)
        self.note.setObjectName("timeNote")
        self.note_text = QLabel(self.note)
        self.note_text.setObjectName("timeNoteText")
        self.note_text.setWordWrap(True)
        mark(self.note_text, "hint")
        self.suggestion_button = QPushButton(self.note)
        self.earlier_button = QPushButton(self.note)
        self.later_button = QPushButton(self.note)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        names = ("timeSuggestionButton", "timeEarlierButton", "timeLaterButton")
        for button, name in zip(self._buttons(), names, strict=True):
            button.setObjectName(name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.earlier_button, self.later_button):
            button.setCheckable(True)
        column = QVBoxLayout(self.note)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.note_text)
        column.addLayout(buttons)
        self.suggestion_button.clicked.connect(self._on_suggestion_clicked)
        self.earlier_button.clicked.connect(lambda: self._choose(0))
        self.later_button.clicked.connect(lambda: self._choose(1))
        self.note.hide()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.suggestion_button, self.earlier_button, self.later_button)

    # --- The value ---------------------------------------------------------------------------

    def value(self) -> datetime | None:
        """None for "send now", else the chosen moment with its UTC offset; the local time
        without an offset while it does not exist or its repeat is not chosen."""
        if not self.later.isChecked():
            return None
        wall = self.wall()
        try:
            return place(wall)
        except NonexistentTime:
            return wall
        except AmbiguousTime as twice:
            if self._fold is None:
                return wall
            return twice.earlier if self._fold == 0 else twice.later

    def set_value(self, moment: datetime | None) -> None:
        self.later.setChecked(moment is not None)
        if moment is None:
            return
        wall = moment if moment.tzinfo is None else local_wall(moment)
        self._set_wall(wall)
        if moment.tzinfo is not None:
            try:
                place(wall)
            except AmbiguousTime as twice:
                self._choose(0 if moment.utcoffset() == twice.earlier.utcoffset() else 1)
            except NonexistentTime:
                pass

    def wall(self) -> datetime:
        """What the editor shows: the local clock's reading, without an offset."""
        shown = self.editor.dateTime()
        date, time = shown.date(), shown.time()
        return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())

    def _set_wall(self, wall: datetime) -> None:
        self.editor.setDateTime(
            QDateTime(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute),
                _WALL_CLOCK,
            )
        )

    # --- The note: a time the clocks skip or repeat ------------------------------------------

    def _on_picked(self) -> None:
        self._fold = None
        self._update_note()
        self.changed.emit()

    def _on_suggestion_clicked(self) -> None:
        try:
            place(self.wall())
        except NonexistentTime as gap:
            self._set_wall(local_wall(gap.suggestion))

    def _choose(self, fold: int) -> None:
        self._fold = fold
        self._update_note()
        self.changed.emit()

    def _update_note(self) -> None:
        self.note.hide()
        if not self.later.isChecked():
            return
        wall = self.wall()
        try:
            place(wall)
            return
        except NonexistentTime as gap:
            self.note_text.setText(
                self.tr(
                    "{time} on {date} does not exist here: the clocks jump from {start} to "
                    "{end}. Use {end}?"
                ).format(
                    time=_clock(wall),
                    date=_day(self, wall),
                    start=_clock(gap.transition.before),
                    end=_clock(gap.transition.after),
                )
            )
            self.suggestion_button.setText(
                self.tr("Use {time}").format(time=_clock(local_wall(gap.suggestion)))
            )
            shown: tuple[QPushButton, ...] = (self.suggestion_button,)
        except AmbiguousTime as twice:
            self.note_text.setText(
                self.tr(
                    "{time} on {date} happens twice here: the clocks go back from {start} to "
                    "{end}. Which one?"
                ).format(
                    time=_clock(wall),
                    date=_day(self, wall),
                    start=_clock(twice.transition.before),
                    end=_clock(twice.transition.after),
                )
            )
            self.earlier_button.setText(
                self.tr("The first, before the clocks go back ({offset})").format(
                    offset=_offset(twice.earlier)
                )
            )
            self.later_button.setText(
                self.tr("The second, after they go back ({offset})").format(
                    offset=_offset(twice.later)
                )
            )
            self.earlier_button.setChecked(self._fold == 0)
            self.later_button.setChecked(self._fold == 1)
            shown = (self.earlier_button, self.later_button)
        for button in self._buttons():
            button.setVisible(button in shown)
        self.note.show()

    # --- Texts -------------------------------------------------------------------------------

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
        self._update_note()

    def _on_later_toggled(self, later: bool) -> None:
        if later and self.wall() <= datetime.now():
            self._set_wall(_next_hour())
        self.editor.setVisible(later)
        self.now_hint.setVisible(not later)
        self._update_note()
        self.changed.emit()


def _next_hour() -> datetime:
    """A sensible first choice: the next full hour, at least 30 minutes away (local clock)."""
    start = datetime.now() + timedelta(minutes=30)
    return start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def _clock(wall: datetime) -> str:
    return QLocale().toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)


def _day(widget: QWidget, wall: datetime) -> str:
    """A day and month in Qt's date format: "14 March" (the Spanish catalogue gives
    "d 'de' MMMM")."""
    pattern = QCoreApplication.translate("OptionalDateTimeEdit", "d MMMM")
    return QLocale().toString(QDate(wall.year, wall.month, wall.day), pattern)


def _offset(moment: datetime) -> str:
    """UTC-04:00, for the buttons."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def display_format(locale: QLocale) -> str:
    """`locale`'s short date and time format, with a four-digit year (12/1/26 is ambiguous)."""
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern
