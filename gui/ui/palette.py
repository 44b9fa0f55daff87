"""The app's colours: a light and a dark variant, and the scheme that picks one.

Every colour the app sets lives here. `resources/style.qss` names them (`$error_text`) and
`stylesheet()` fills them in; `qpalette()` builds a Fusion-style QPalette from the same variant
for platforms that do not switch Qt's palette themselves (offscreen, Fusion on a dark desktop).

The scheme follows the system (`QStyleHints.colorScheme`, Qt 6.5+) unless
`PARTICLE_TICKETS_COLOR_SCHEME` is `light` or `dark` (screenshots, tests, a user who wants one).
`ColourScheme` keeps a window in step with it at run time.

Text colours meet WCAG AA (4.5:1) on their backgrounds and on the window (tests/ui/test_palette.py
computes the ratios).
"""

from __future__ import annotations

import enum
import logging
import os
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import gui.resources as resources_package

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)

#: Forces the scheme: "light" or "dark"; anything else (or unset) follows the system.
SCHEME_VARIABLE = "PARTICLE_TICKETS_COLOR_SCHEME"

#: The stylesheet template: `$name` stands for the `Colours` field `name`.
STYLESHEET = Path(resources_package.__file__).parent / "style.qss"


class Scheme(enum.StrEnum):
    LIGHT = "light"
    DARK = "dark"


class Colours(NamedTuple):  # not a dataclass: the dataclasses module costs 1 ms at start-up
    """One variant's colours, each "#rrggbb"."""

    # The window's own colours: a QPalette is built from them when the platform's palette
    # does not match the scheme (see `qpalette`).
    window: str
    base: str  # editors' background
    alternate_base: str
    text: str
    button: str
    disabled_text: str
    focus: str  # focus ring and selection (QPalette.Highlight)
    focus_text: str  # selected text
    link: str
    # Messages and markers.
    hint_text: str  # the "* required" legend, counters, hints; also placeholder text
    error_text: str  # field errors, and the error banner's text
    error_background: str
    error_border: str
    warning_text: str
    success_text: str
    success_background: str
    success_border: str
    info_text: str
    info_background: str
    info_border: str
    sandbox_text: str
    sandbox_background: str
    sandbox_border: str
    badge_text: str  # the TEST MODE badge
    badge_background: str


LIGHT = Colours(
    window="#efefef",
    base="#ffffff",
    alternate_base="#f7f7f7",
    text="#000000",
    button="#efefef",
    disabled_text="#8c8c8c",
    focus="#2a6fb0",
    focus_text="#ffffff",
    link="#1a55b0",
    hint_text="#5e5e5e",
    error_text="#b3261e",
    error_background="#fdecea",
    error_border="#e8a29a",
    warning_text="#8a5a00",
    success_text="#0d5223",
    success_background="#e6f4ea",
    success_border="#7cc493",
    info_text="#1a3d7c",
    info_background="#e8f0fe",
    info_border="#9db7ee",
    sandbox_text="#5c4400",
    sandbox_background="#fff4ce",
    sandbox_border="#e0c766",
    badge_text="#ffffff",
    badge_background="#8a4b00",
)

DARK = Colours(
    # Editors lighter than the window: Fusion outlines them in a darker shade of the window,
    # which a dark window swallows, so only their own colour marks fields and check boxes.
    window="#202020",
    base="#333333",
    alternate_base="#3a3a3a",
    text="#e6e6e6",
    button="#3a3a3a",
    disabled_text="#7a7a7a",
    focus="#5b9be6",
    focus_text="#000000",
    link="#8ab4f8",
    hint_text="#ababab",
    error_text="#ff8f85",
    error_background="#4d1f1b",
    error_border="#8c3a33",
    warning_text="#f2c45a",
    success_text="#86d99b",
    success_background="#173a22",
    success_border="#3d7a4f",
    info_text="#a8c7fa",
    info_background="#1c2f52",
    info_border="#3f5f99",
    sandbox_text="#f5d77a",
    sandbox_background="#3d3210",
    sandbox_border="#7a6420",
    badge_text="#2b1700",
    badge_background="#ffb466",
)

VARIANTS: Mapping[Scheme, Colours] = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}


def forced_scheme(environ: Mapping[str, str] | None = None) -> Scheme | None:
    """The scheme `PARTICLE_TICKETS_COLOR_SCHEME` asks for, or None to follow the system."""
    value = (os.environ if environ is None else environ).get(SCHEME_VARIABLE, "").strip().lower()
    if not value:
        return None
    try:
        return Scheme(value)
    except ValueError:
        log.warning("%s=%r is neither light nor dark: following the system", SCHEME_VARIABLE, value)
        return None


def scheme_of(qt_scheme: Qt.ColorScheme, palette: QPalette) -> Scheme:
    """The system's scheme; when Qt does not know it, what the palette's window looks like."""
    if qt_scheme == Qt.ColorScheme.Dark:
        return Scheme.DARK
    if qt_scheme == Qt.ColorScheme.Light:
        return Scheme.LIGHT
    return Scheme.DARK if is_dark(palette) else Scheme.LIGHT


def current_scheme() -> Scheme:
    """The forced scheme, else the system's (needs a QGuiApplication)."""
    forced = forced_scheme()
    if forced is not None:
        return forced
    return scheme_of(QGuiApplication.styleHints().colorScheme(), QGuiApplication.palette())


def mark(label: QLabel, role: str) -> None:
    """Give `label` its `role` in the style sheet ("hint", "fieldError"), and that role's text
    colour in its palette now: a label of the app's first frame is painted before the window's
    style sheet arrives (`ColourScheme`'s `after`), in the colour the sheet then gives it."""
    label.setProperty("role", role)
    colours = VARIANTS[current_scheme()]
    colour = colours.error_text if role == "fieldError" else colours.hint_text
    ink = label.palette()
    ink.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(ink)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def stylesheet(colours: Colours) -> str:
    """resources/style.qss with `colours` filled in (a name it does not know raises KeyError)."""
    template = string.Template(STYLESHEET.read_text("utf-8"))
    return template.substitute(colours._asdict())


def qpalette(colours: Colours) -> QPalette:
    """A Fusion-style palette with `colours`, for when the platform gives none that matches."""
    role = QPalette.ColorRole
    disabled = QPalette.ColorGroup.Disabled
    palette = QPalette()
    button = QColor(colours.button)
    text = QColor(colours.text)
    for which, colour in (
        (role.Window, QColor(colours.window)),
        (role.WindowText, text),
        (role.Base, QColor(colours.base)),
        (role.AlternateBase, QColor(colours.alternate_base)),
        (role.ToolTipBase, QColor(colours.base)),
        (role.ToolTipText, text),
        (role.PlaceholderText, QColor(colours.hint_text)),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.BrightText, QColor(colours.error_text)),
        (role.Light, button.lighter(150)),
        (role.Midlight, button.lighter(125)),
        (role.Mid, button.darker(130)),
        (role.Dark, button.darker(150)),
        (role.Shadow, button.darker(300)),
        (role.Highlight, QColor(colours.focus)),
        (role.HighlightedText, QColor(colours.focus_text)),
        (role.Link, QColor(colours.link)),
        (role.LinkVisited, QColor(colours.link)),
    ):
        palette.setColor(which, colour)
    for which in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(disabled, which, QColor(colours.disabled_text))
    palette.setColor(disabled, role.Highlight, button.darker(120))
    return palette


class ColourScheme(QObject):
    """Keeps `window`'s stylesheet, and the app's palette, in the current scheme's colours.

    Built by `gui.app.create_window`; it follows `QStyleHints.colorSchemeChanged` unless the
    scheme is forced. The app's first window gets its style sheet on the turn after its first
    paint (`after`), which its labels' colours (`mark`) make look the same. The palette is only
    replaced when the platform's does not match the scheme (Qt switches it itself on Windows
    11, macOS and some Linux desktops); a later switch back gives the platform's palette back.

    Signals:
        applied(Scheme): the window now has this scheme's colours.
    """

    applied = Signal(object)

    def __init__(
        self,
        window: QWidget,
        *,
        after: SignalInstance | None = None,
        unless_shown: Sequence[QWidget] = (),
    ) -> None:
        super().__init__(window)
        self.setObjectName("colourScheme")
        self._window = window
        #: The style sheet waits for `after` (the window's first paint: its labels' colours
        #: are in their palettes, `mark`), unless one of `unless_shown` (a box the sheet draws)
        #: is in that frame: 3.5 ms less before it. Then it comes on a turn of its own.
        self._sheet_waits = after is not None and all(w.isHidden() for w in unless_shown)
        self._boxes = tuple(unless_shown) if self._sheet_waits else ()
        if after is not None and self._sheet_waits:
            after.connect(lambda: QTimer.singleShot(0, self._sheet_arrives))
            for box in self._boxes:  # one shown meanwhile has it before it is painted
                box.installEventFilter(self)
        self._forced = forced_scheme()
        self._replaced_palette = False  # the app's palette is ours, not the platform's
        self.scheme = self._forced or scheme_of(
            QGuiApplication.styleHints().colorScheme(), QGuiApplication.palette()
        )
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        if self._forced is not None:
            # Where the platform can switch by itself (Qt 6.8+ on Windows 11, macOS, some Linux
            # desktops) its native style then draws in the forced scheme too; elsewhere (the
            # offscreen platform) this does nothing and the palette below does the work.
            hints.setColorScheme(
                Qt.ColorScheme.Dark if self._forced is Scheme.DARK else Qt.ColorScheme.Light
            )
        self.apply(self.scheme)

    @property
    def colours(self) -> Colours:
        return VARIANTS[self.scheme]

    def apply(self, scheme: Scheme) -> None:
        """Give the window (and, where needed, the app) `scheme`'s colours."""
        self.scheme = scheme
        self.release()
        app = QApplication.instance()
        if isinstance(app, QApplication) and is_dark(app.palette()) != (scheme is Scheme.DARK):
            app.setPalette(qpalette(VARIANTS[scheme]))
            self._replaced_palette = True
        log.debug("colour scheme %s (palette replaced: %s)", scheme, self._replaced_palette)
        if not self._sheet_waits:
            self._window.setStyleSheet(stylesheet(VARIANTS[scheme]))
            self.applied.emit(scheme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched in self._boxes:
            self._sheet_arrives()
        return False

    def _sheet_arrives(self) -> None:
        for box in self._boxes:
            box.removeEventFilter(self)
        self._boxes = ()
        if self._sheet_waits:
            self._sheet_waits = False
            self._window.setStyleSheet(stylesheet(VARIANTS[self.scheme]))
            self.applied.emit(self.scheme)

    def release(self) -> None:
        """Give the app the platform's palette back, if this replaced it (for when the window
        goes away but the app stays: the screenshot script, tests)."""
        app = QApplication.instance()
        if self._replaced_palette and isinstance(app, QApplication):
            # An empty palette resolves every role from the platform's palette again.
            app.setPalette(QPalette())
        self._replaced_palette = False

    def _on_style_hints_color_scheme_changed(self, qt_scheme: Qt.ColorScheme) -> None:
        if self._forced is not None:
            return
        self.release()  # judge by the platform's palette, not the one set here
        self.apply(scheme_of(qt_scheme, QGuiApplication.palette()))
