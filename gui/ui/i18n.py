"""The user's language: Qt translators for the UI and the core, the locale, and `translated`.

`install_language(app, code)` loads resources/i18n/ui_<code>.qm and core_<code>.qm (compiled
from the .ts sources by tools/setup.sh, tools/i18n and the packaging build) and Qt's own
qtbase_<code>.qm, replacing whatever language was installed before. Qt then sends every widget
a LanguageChange event: each widget sets its texts in `_retranslate()`, called from its
constructor and from `changeEvent`, so switching at run time keeps what the form holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QTranslator,
)

import gui.resources as resources_package
from gui.core.messages import translated_with

if TYPE_CHECKING:
    from gui.ui.settings import AppSettings

#: The language the source texts are written in.
SOURCE_LANGUAGE = "en"
#: Where the compiled catalogues (*.qm) live: resources/i18n, installed as gui.resources.
TRANSLATIONS = Path(resources_package.__file__).parent / "i18n"
#: The app's catalogues, per language: ui_<code>.qm (gui/ui, gui/app.py), core_<code>.qm.
_CATALOGUES = ("ui", "core")
#: Qt's own catalogue (standard buttons, context menus of line edits, …).
_QT_CATALOGUE = "qtbase"

#: Every language the app speaks, by code, each named in its own language (never translated:
#: a user who cannot read the current language must still find their own).
_LANGUAGES = {"en": "English", "es": "Español"}

#: The translators installed by `install_language`, kept so the next call can remove them.
_installed: list[QTranslator] = []


def available_languages() -> dict[str, str]:
    """The languages the app can show, code to name in that language: {"en": "English", …}."""
    return dict(_LANGUAGES)


def system_language() -> str:
    """The first of the system's preferred languages that the app speaks, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in _LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def install_language(app: QCoreApplication, code: str | None) -> str:
    """Show the app in `code` ("en", "es"; None or an unknown code: the system's language).

    Replaces the translators a previous call installed, and makes the matching QLocale the
    default (dates, times and numbers). Returns the code of the language now in use.
    """
    language = code if code in _LANGUAGES else system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    system = QLocale.system()
    same_language = system.name().split("_")[0] == language
    # The system's own variant when it speaks this language (es_MX dates, en_GB dates).
    QLocale.setDefault(system if same_language else QLocale(language))
    if language != SOURCE_LANGUAGE:
        for path in _catalogue_paths(language):
            translator = QTranslator(app)
            if translator.load(str(path)):
                # Installed even when empty (Qt keeps it then too), so that it can be removed.
                app.installTranslator(translator)
                _installed.append(translator)
    # Qt announces a change of translators to every window itself, but not an empty catalogue
    # or a change of the locale alone (English with other date formats): say it in any case.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    return language


def choose_language(settings: AppSettings, code: str | None) -> None:
    """The user's choice (Settings ▸ Language or View ▸ Language; None: the system's language):
    remembered, and shown at once (every widget retranslates itself)."""
    settings.set_language(code)
    app = QCoreApplication.instance()
    if app is not None:
        install_language(app, code)


def _catalogue_paths(language: str) -> list[Path]:
    from PySide6.QtCore import QLibraryInfo  # only for another language than the source's

    paths = [TRANSLATIONS / f"{name}_{language}.qm" for name in _CATALOGUES]
    qt_file = f"{_QT_CATALOGUE}_{language}.qm"
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    # The bundle carries Qt's catalogue next to ours; a source checkout has it in PySide6.
    qt_path = qt_folder / qt_file
    paths.append(qt_path if qt_path.is_file() else TRANSLATIONS / qt_file)
    return [path for path in paths if path.is_file()]


def local_time(seconds: float, *, with_date: bool = True) -> str:
    """The moment `seconds` (since the epoch) as the user's locale writes it: its short date
    and its time of day with seconds (`with_date=False`: only the time)."""
    moment = QDateTime.fromMSecsSinceEpoch(round(seconds * 1000))
    locale = QLocale()
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "s" not in time_format:  # "h:mm AP" -> "h:mm:ss AP"; "HH:mm" -> "HH:mm:ss"
        time_format = time_format.replace("mm", "mm:ss", 1)
    text = locale.toString(moment.time(), time_format)
    if with_date:
        text = f"{locale.toString(moment.date(), QLocale.FormatType.ShortFormat)} {text}"
    return text


def moment(seconds: float, *, with_day: bool = False) -> str:
    """When `seconds` (since the epoch) was, as a person says it in the user's locale: the
    time of day ("19:04") today, with the day before it otherwise or `with_day` ("5 dic.,
    14:02")."""
    when = QDateTime.fromMSecsSinceEpoch(round(seconds * 1000))
    locale = QLocale()
    time_of_day = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    if not with_day and when.date() == QDateTime.currentDateTime().date():
        return time_of_day
    return f"{locale.toString(when.date(), 'd MMM')}, {time_of_day}"


def translated(text: str) -> str:
    """`text` in the user's language: a Message is translated (its Message arguments too);
    any other text is shown as it is. The rules are the core's (`translated_with`, which the
    command line uses with its own catalogue reader); Qt's translators are the catalogue here."""
    return translated_with(text, QCoreApplication.translate)
