"""The colours: WCAG AA contrast in both variants, on paper and on screen; following the scheme."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.ui import palette
from gui.ui.banner import BannerKind
from gui.ui.main_window import MainWindow
from gui.ui.palette import DARK, LIGHT, SCHEME_VARIABLE, VARIANTS, Colours, Scheme
from tests.ui.conftest import WindowFactory, click

ROOT = Path(__file__).resolve().parents[2]

#: WCAG 2.x success criterion 1.4.3 (AA) for normal-size text; 1.4.11 for a focus ring.
AA_TEXT = 4.5
AA_NON_TEXT = 3.0


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    qcolor = QColor(colour)
    return (
        0.2126 * linear(qcolor.redF())
        + 0.7152 * linear(qcolor.greenF())
        + 0.0722 * linear(qcolor.blueF())
    )


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_wcags_own_figures() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


#: Every text colour, with each background it is drawn on.
TEXT_PAIRS = [
    ("error_text", "error_background"),  # the error banner
    ("error_text", "window"),  # a field's error label
    ("error_text", "base"),
    ("warning_text", "window"),
    ("success_text", "success_background"),  # the success banner
    ("success_text", "window"),  # Settings' "Connection works"
    ("info_text", "info_background"),
    ("sandbox_text", "sandbox_background"),
    ("badge_text", "badge_background"),  # TEST MODE
    ("hint_text", "window"),
    ("hint_text", "base"),  # placeholder text in an editor
    ("text", "window"),
    ("text", "base"),
    ("focus_text", "focus"),  # selected text
    ("link", "window"),
]


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_meets_wcag_aa(scheme: Scheme, text: str, background: str) -> None:
    colours = VARIANTS[scheme]
    ratio = contrast_ratio(getattr(colours, text), getattr(colours, background))
    assert ratio >= AA_TEXT, f"{scheme}: {text} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("background", ["window", "base"])
def test_the_focus_ring_stands_out(scheme: Scheme, background: str) -> None:
    colours = VARIANTS[scheme]
    ratio = contrast_ratio(colours.focus, getattr(colours, background))
    assert ratio >= AA_NON_TEXT, f"{scheme}: focus on {background} is {ratio:.2f}:1"


def test_the_variants_are_what_they_say() -> None:
    assert relative_luminance(LIGHT.window) > 0.5 > relative_luminance(DARK.window)
    for field in Colours._fields:
        for colours in (LIGHT, DARK):
            assert re.fullmatch(r"#[0-9a-f]{6}", getattr(colours, field)), field


def test_the_stylesheet_names_only_palette_colours() -> None:
    template = palette.STYLESHEET.read_text("utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", template)
    names = set(re.findall(r"\$(\w+)", template))
    assert names <= set(Colours._fields)
    for colours in (LIGHT, DARK):
        sheet = palette.stylesheet(colours)
        assert "$" not in sheet
        assert colours.error_text in sheet and colours.badge_background in sheet


def test_no_colour_is_hard_coded_outside_the_palette_module() -> None:
    pattern = re.compile(r"""["']#[0-9a-fA-F]{3,8}["']|QColor\(|\brgba?\(|Qt\.GlobalColor""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "gui").rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders


@pytest.mark.parametrize(
    ("value", "expected"),
    [("dark", Scheme.DARK), (" Light ", Scheme.LIGHT), ("", None), ("purple", None)],
)
def test_the_environment_can_force_a_scheme(value: str, expected: Scheme | None) -> None:
    assert palette.forced_scheme({SCHEME_VARIABLE: value}) == expected
    assert palette.forced_scheme({}) is None


def test_an_unknown_system_scheme_is_read_from_the_palette() -> None:
    unknown = Qt.ColorScheme.Unknown
    assert palette.scheme_of(unknown, palette.qpalette(DARK)) is Scheme.DARK
    assert palette.scheme_of(unknown, palette.qpalette(LIGHT)) is Scheme.LIGHT
    assert palette.scheme_of(Qt.ColorScheme.Dark, palette.qpalette(LIGHT)) is Scheme.DARK


# --- On screen -------------------------------------------------------------------------------


@pytest.fixture
def platform_palette() -> Iterator[None]:
    """Whatever a test does to the app's palette is undone: the next test gets Qt's own."""
    yield
    QApplication.setPalette(QPalette())
    assert not palette.is_dark(QGuiApplication.palette())


@pytest.fixture
def dark_window(
    monkeypatch: pytest.MonkeyPatch, make_window: WindowFactory, platform_palette: None
) -> MainWindow:
    monkeypatch.setenv(SCHEME_VARIABLE, "dark")
    return make_window(argv=["--demo"])


def seen(window: MainWindow, widget: QWidget) -> QImage:
    """`widget` as the window draws it, its parents' background included."""
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.grab(area).toImage()


def ink_and_paper(image: QImage) -> tuple[QColor, QColor]:
    """The background (the commonest pixel) and the pixel that stands out most from it."""
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    paper = QColor(max(counts, key=lambda rgb: counts[rgb]))
    ink = max((QColor(rgb) for rgb in counts), key=lambda colour: contrast_ratio(colour, paper))
    return ink, paper


def test_the_dark_window_draws_errors_that_can_be_read(
    qtbot: QtBot, dark_window: MainWindow
) -> None:
    window = dark_window
    assert window.findChild(palette.ColourScheme).scheme is Scheme.DARK
    assert palette.is_dark(QGuiApplication.palette())  # offscreen Qt keeps it light by itself
    click(qtbot, window.submit_button)  # an empty form: inline errors and an error banner
    label = window.form.error_labels["title"]
    qtbot.waitUntil(label.isVisible)

    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(DARK.error_text)
    ink, paper = ink_and_paper(seen(window, label))
    assert paper == QColor(DARK.window)
    assert ink == QColor(DARK.error_text)
    assert contrast_ratio(ink, paper) >= AA_TEXT

    banner = seen(window, window.banner)
    ink, paper = ink_and_paper(banner)
    assert paper == QColor(DARK.error_background)
    assert contrast_ratio(ink, paper) >= AA_TEXT


def test_the_dark_window_draws_a_readable_test_mode_badge(
    qtbot: QtBot, dark_window: MainWindow
) -> None:
    badge = dark_window.test_mode_badge
    badge.show()  # a test key shows it; the sandbox never does
    qtbot.waitUntil(badge.isVisible)
    ink, paper = ink_and_paper(seen(dark_window, badge))
    assert paper == QColor(DARK.badge_background)
    assert contrast_ratio(ink, paper) >= AA_TEXT


def banner_background(window: MainWindow) -> QColor:
    """The colour inside the banner's right padding, clear of its text and rounded corners."""
    banner = window.banner
    image = seen(window, banner)
    return QColor(image.pixel(banner.width() - 6, banner.height() // 2))


def test_a_scheme_change_at_run_time_recolours_the_window(
    qtbot: QtBot, make_window: WindowFactory, platform_palette: None
) -> None:
    window = make_window(argv=["--demo"])
    follower = window.findChild(palette.ColourScheme)
    assert follower.scheme is Scheme.LIGHT  # offscreen Qt knows no scheme; its palette is light
    window.banner.show_message(BannerKind.ERROR, "The server answered 500.")
    assert banner_background(window) == QColor(LIGHT.error_background)
    hints = QGuiApplication.styleHints()

    # What Qt emits when the desktop turns dark; offscreen, it never does by itself.
    with qtbot.waitSignal(follower.applied) as applied:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert applied.args == [Scheme.DARK]
    assert banner_background(window) == QColor(DARK.error_background)
    assert window.banner.palette().color(QPalette.ColorRole.WindowText) == QColor(DARK.error_text)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == QColor(DARK.window)

    with qtbot.waitSignal(follower.applied) as applied:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert applied.args == [Scheme.LIGHT]
    assert banner_background(window) == QColor(LIGHT.error_background)
    assert not palette.is_dark(QGuiApplication.palette())  # the platform's own palette again


def test_a_forced_scheme_ignores_the_system(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dark_window: MainWindow
) -> None:
    follower = dark_window.findChild(palette.ColourScheme)
    with qtbot.assertNotEmitted(follower.applied):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert follower.scheme is Scheme.DARK
    assert palette.is_dark(QGuiApplication.palette())
