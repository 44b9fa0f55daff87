"""Languages: every text translated, Spanish switchable at run time, dates in the user's locale."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.core.api_contract import format_time
from gui.core.app_folders import SANDBOX_FOLDER_NAME
from gui.core.errors import FieldError
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.ui.i18n import available_languages, install_language, local_time, translated
from gui.ui.settings import AppSettings
from tests.packaging.conftest import translations_module
from tests.ui.conftest import VENDOR, WindowFactory, click, fill, focused, type_into

ROOT = Path(__file__).resolve().parents[2]

#: Texts that are the same in Spanish: names, ids, examples, units, codes.
SAME_IN_SPANISH = {
    "Particle Tickets",
    "SMS",
    "HTTP",
    "Ticket",
    "Token",
    "tic_…",
    " s",
    "English",
    "Español",
    "name@example.com, other@example.com",
    "(202) 555-0123, 202-555-0188",
}


def _forms(translation: ET.Element) -> list[str]:
    """A translation's text, or each of its plural forms."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    """The app in Spanish for this test, and back in English (and its locale) afterwards."""
    app = qapp
    locale = QLocale()
    assert install_language(app, "es") == "es"
    QApplication.processEvents()  # Qt posts the LanguageChange events
    yield
    install_language(app, "en")
    QLocale.setDefault(locale)
    QApplication.processEvents()


#: Placeholders a translation may leave out: a library's English explanation (email-validator's
#: `detail`), which would otherwise put an English sentence inside a Spanish one.
OPTIONAL_PLACEHOLDERS = {"{detail}"}


def switch_to(code: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, code)
    QApplication.processEvents()


# --- The catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("catalogue", ["ui", "core"])
def test_every_text_in_the_source_has_a_finished_spanish_translation(
    tmp_path: Path, catalogue: str
) -> None:
    """A new tr() or QT_TRANSLATE_NOOP without its translation fails here (run tools/i18n, then
    translate the new texts in resources/i18n/*_es.ts)."""
    translations = translations_module()
    fresh = tmp_path / f"{catalogue}_es.ts"
    translations.lupdate(translations.CATALOGUES[catalogue], fresh, language="es")
    committed = _messages(ROOT / "resources" / "i18n" / f"{catalogue}_es.ts")
    problems = []
    for key, fresh_message in _messages(fresh).items():
        message = committed.get(key)
        translation = None if message is None else message.find("translation")
        texts = _forms(translation) if translation is not None else []
        plural = fresh_message.get("numerus") == "yes"
        if translation is None or translation.get("type") or not all(texts):
            problems.append(key)
            continue
        if plural and (len(texts) != 2 or not all("%n" in text for text in texts[1:])):
            problems.append((*key, "a Spanish plural needs its two forms, the second with %n"))
        for text in texts:
            source_fields = set(re.findall(r"\{[^}]*\}", key[1]))
            fields = set(re.findall(r"\{[^}]*\}", text))
            if not fields <= source_fields or source_fields - fields - OPTIONAL_PLACEHOLDERS:
                problems.append((*key, "placeholders differ"))
            if key[1].replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                problems.append((*key, "mnemonic lost or added"))
    assert not problems, f"untranslated or broken texts in {catalogue}_es.ts: {problems}"


def test_languages_and_the_system_default(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = qapp
    assert available_languages() == {"en": "English", "es": "Español"}
    locale = QLocale()
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    try:
        assert install_language(app, None) == "es"
        assert QLocale().name() == "es_MX"  # the system's own variant of Spanish
        assert QApplication.translate("TicketForm", "* required") == "* obligatorio"
        assert install_language(app, "en") == "en"
        assert QApplication.translate("TicketForm", "* required") == "* required"
        assert install_language(app, "xx") == "es"  # unknown: the system's language
    finally:
        install_language(app, "en")
        QLocale.setDefault(locale)
        QApplication.processEvents()


def test_qt_standard_buttons_are_spanish_too(spanish: None) -> None:
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_a_message_is_translated_with_its_arguments(spanish: None) -> None:
    message = QT_TRANSLATE_NOOP("FormFiller", "Loaded the update to {ticket} into the form.")
    assert translated(message.format(ticket="tic_7")) == (
        "Se cargó en el formulario la actualización del ticket tic_7."
    )
    assert translated("a server's own words") == "a server's own words"


def test_a_number_takes_each_languages_plural_form(qapp: QApplication) -> None:
    from gui.core import reports

    switch_to("en")
    assert [translated(reports.updates_waiting(n)) for n in (0, 1, 2)] == [
        "0 updates waiting",
        "1 update waiting",
        "2 updates waiting",
    ]
    switch_to("es")
    try:
        assert [translated(reports.updates_waiting(n)) for n in (0, 1, 2)] == [
            "0 actualizaciones pendientes",
            "1 actualización pendiente",
            "2 actualizaciones pendientes",
        ]
        behind = reports.queued_behind(3, "tic_9")
        assert translated(behind) == (
            "Guardada en la bandeja de salida. Se enviará después de las 3 actualizaciones "
            "anteriores del ticket tic_9, que todavía están pendientes allí."
        )
    finally:
        switch_to("en")
    assert behind == (  # the Message is its own English, for logs and the command line
        "Saved in the outbox. It goes out after the 3 earlier updates to ticket tic_9 that are "
        "still waiting there."
    )


def test_what_the_outbox_and_the_draft_say_in_the_banner_is_resaid_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    switch_to("en")
    folder = AppSettings.data_folder() / SANDBOX_FOLDER_NAME  # the sandbox's own files
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outbox.sqlite3").write_bytes(b"this is not a database" * 100)
    window = make_window(argv=["--demo"])
    qtbot.waitUntil(lambda: "outbox file was damaged" in window.banner.text(), timeout=5000)
    switch_to("es")
    qtbot.waitUntil(
        lambda: window.banner.text().startswith(
            "El archivo de la bandeja de salida estaba dañado y no se pudo leer"
        ),
        timeout=5000,
    )
    window.close()

    switch_to("en")
    (folder / "draft.json").write_text("{not json")
    window = make_window(argv=["--demo"])
    qtbot.waitUntil(lambda: "draft could not be read" in window.banner.text(), timeout=5000)
    switch_to("es")
    assert window.banner.text().startswith("No se pudo leer su borrador sin enviar.")


# --- Switching at run time ----------------------------------------------------------------


def test_switching_to_spanish_keeps_the_form_its_focus_errors_and_banner(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    switch_to("en")
    window = make_window("http://127.0.0.1:9/api/v1")
    fill(qtbot, window, notify=True, ticketId="tic_1001", title="Fuga en la cocina")
    type_into(qtbot, window.form.notify_message, "Linea uno")
    window.filler.load(window.form.draft())  # a banner the window wrote
    window.form.show_errors(  # a core Message, as the core will return them
        [FieldError("description", QT_TRANSLATE_NOOP("TicketForm", "Required. One line."))]
    )
    window.form.notify_message.setFocus()
    assert window.submit_button.text() == "&Update ticket"

    switch_to("es")

    form = window.form
    assert window.submit_button.text() == "Actua&lizar ticket"
    assert form.notify.text() == "&Notificar a las personas sobre esta actualización"
    assert form._labels["title"].text() == "&Título *"
    assert form.title.accessibleName() == "Título"
    assert form.ticket_id.text() == "tic_1001"
    assert form.title.text() == "Fuga en la cocina"
    assert form.notify_message.toPlainText() == "Linea uno"
    assert form.notify.isChecked()
    assert focused() == "notifyMessage"
    assert form.visible_errors() == {"description": "Obligatorio. Una línea."}
    assert window.banner.text() == "Se cargó en el formulario la actualización del ticket tic_1001."
    assert window.windowTitle() == "Particle Tickets"

    switch_to("en")
    assert window.submit_button.text() == "&Update ticket"
    assert form.visible_errors() == {"description": "Required. One line."}
    assert window.banner.text() == "Loaded the update to tic_1001 into the form."
    assert form.title.text() == "Fuga en la cocina"


def test_the_language_choice_in_settings_applies_at_once_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    switch_to("en")
    window = make_window(argv=[])
    type_into(qtbot, window.form.title, "Broken window")
    click(qtbot, window.open_settings_button)
    dialog = window.sign_in.settings_dialog
    assert dialog is not None
    choice = dialog.findChild(QComboBox, "languageChoice")
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "System language",
        "English",
        "Español",
    ]
    choice.setFocus()
    choice.setCurrentIndex(choice.findData("es"))
    QApplication.processEvents()
    window.settings.sync()  # written for the next start
    assert AppSettings().language() == "es"
    assert dialog.windowTitle() == "Configuración"
    assert choice.itemText(0) == "Idioma del sistema"
    assert window.submit_button.text() == "Actua&lizar ticket"
    assert window.form.title.text() == "Broken window"
    assert dialog.isVisible()

    choice.setCurrentIndex(0)  # the system's language again (English on this machine)
    QApplication.processEvents()
    window.settings.sync()
    assert AppSettings().language() is None


def test_the_view_menu_switches_the_language_in_the_sandbox_too(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    """Settings is off in the sandbox, where people try the app first: View ▸ Language."""
    switch_to("en")
    window = make_window(argv=["--demo"])
    assert not window.settings_action.isEnabled()
    type_into(qtbot, window.form.title, "Broken window")
    system = window.findChild(QAction, "language_system")
    spanish_action = window.findChild(QAction, "language_es")
    assert system.isChecked() and spanish_action.text() == "Español"
    spanish_action.trigger()
    QApplication.processEvents()
    window.settings.sync()  # written for the next start
    assert AppSettings().language() == "es"
    assert window.submit_button.text() == "Actua&lizar ticket"
    assert window.findChild(QAction, "language_es").isChecked()
    assert window.form.title.text() == "Broken window"
    system.trigger()
    QApplication.processEvents()
    window.settings.sync()
    assert AppSettings().language() is None
    assert window.submit_button.text() == "&Update ticket"


# --- Every visible text in Spanish -----------------------------------------------------------


def _path(item: QObject) -> str:
    parts = []
    while item is not None:
        parent = item.parent()
        siblings = parent.children() if parent is not None else []
        same = [s for s in siblings if type(s) is type(item)]
        index = same.index(item) if item in same else 0
        parts.append(item.objectName() or f"{type(item).__name__}#{index}")
        item = parent
    return "/".join(reversed(parts))


def visible_texts(top: QWidget) -> dict[str, str]:
    """Every user-facing text under `top`, by widget path and property."""
    texts: dict[str, str] = {}

    def add(item: QObject, what: str, text: str) -> None:
        if text.strip():
            texts[f"{_path(item)}:{what}"] = text

    for widget in [top, *top.findChildren(QWidget)]:
        parent = widget.parentWidget()
        if (
            widget.objectName().startswith("qt_")
            or isinstance(widget, QMenu)  # below, from the menu bar (not its overflow menu)
            or isinstance(parent, QTabBar)  # the tabbed docks' scroll buttons: Qt's texts
            or widget.objectName() == "smsRegion"  # codes and country names
        ):
            continue
        add(widget, "windowTitle", widget.windowTitle() if widget.isWindow() else "")
        add(widget, "toolTip", widget.toolTip())
        add(widget, "accessibleName", widget.accessibleName())
        add(widget, "accessibleDescription", widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, "placeholderText", widget.placeholderText())
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                add(widget, f"item{index}", widget.itemText(index))
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                add(widget, f"header{column}", header.text() if header else "")
    if isinstance(top, QMainWindow):
        for menu in (action.menu() for action in top.menuBar().actions()):
            assert isinstance(menu, QMenu)
            add(menu, "title", menu.title())
            for index, action in enumerate(menu.actions()):
                add(menu, f"action{index}", action.text())
                add(menu, f"action{index}.toolTip", action.toolTip())
    return texts


def _english_left(english: dict[str, str], spanish: dict[str, str]) -> list[str]:
    assert english.keys() == spanish.keys()
    return [
        f"{key}: {text!r}"
        for key, text in english.items()
        if spanish[key] == text
        and text not in SAME_IN_SPANISH
        and not text.startswith("http")
        and not re.fullmatch(r"[\W\d_]*", text)
    ]


def _everything(window) -> list[QWidget]:
    """The window with its panels, its Settings dialog and its help dialog, all built."""
    from gui.ui.help_dialog import HelpDialog
    from gui.ui.settings_dialog import SettingsDialog

    window.form.notify.setChecked(True)
    window.show_outbox_panel()
    window.show_history_panel()
    window.show_help()
    settings = SettingsDialog(
        settings=window.settings,
        keychain=object(),  # type: ignore[arg-type]
        credentials=window.connection.credentials,
        keychain_available=False,  # shows the note too
        jobs=window.sign_in.jobs,
        parent=window,
    )
    return [window, settings, window.findChild(HelpDialog)]


def test_every_visible_text_is_spanish_when_built_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    """Per widget: built in English, then built in Spanish; no text may stay English."""
    switch_to("en")
    english = {}
    for top in _everything(make_window(argv=["--demo"])):
        english.update(visible_texts(top))
    switch_to("es")
    spanish_texts = {}
    for top in _everything(make_window(argv=["--demo"])):
        spanish_texts.update(visible_texts(top))
    # The sandbox's port differs between the two windows.
    for texts in (english, spanish_texts):
        for key in [key for key in texts if key.endswith("connectionLabel:text")]:
            del texts[key]
    assert not _english_left(english, spanish_texts)


def test_switching_at_run_time_gives_the_texts_of_a_window_built_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    """Every text set at construction is set again by _retranslate (nothing stays English)."""
    switch_to("en")
    tops = _everything(make_window("http://127.0.0.1:9/api/v1"))
    switch_to("es")
    switched = {}
    for top in tops:
        switched.update(visible_texts(top))
    built = {}
    for top in _everything(make_window("http://127.0.0.1:9/api/v1")):
        built.update(visible_texts(top))
    differences = {
        key: (switched.get(key), built.get(key))
        for key in switched.keys() | built.keys()
        if switched.get(key) != built.get(key)
    }
    assert not differences


# --- Dates, times and the wire -----------------------------------------------------------------


def test_dates_and_times_follow_the_language_locale(spanish: None) -> None:
    moment = datetime(2026, 12, 1, 9, 5, 7).timestamp()
    assert QLocale().language() == QLocale.Language.Spanish
    assert local_time(moment) == "1/12/26 9:05:07"
    assert local_time(moment, with_date=False) == "9:05:07"
    switch_to("en")
    assert local_time(moment) == "12/1/26 9:05:07\u202fAM"


def test_the_time_picker_shows_the_locale_format(
    qtbot: QtBot, make_window: WindowFactory, spanish: None
) -> None:
    window = make_window("http://127.0.0.1:9/api/v1")
    editor = window.form.time.editor
    assert editor.displayFormat() == "d/M/yyyy H:mm"
    switch_to("en")
    assert editor.displayFormat().startswith("M/d/yyyy h:mm")


def test_a_spanish_locale_sends_the_same_body(
    qtbot: QtBot, make_window: WindowFactory, sandbox, spanish: None
) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, notify=True, **{**VENDOR, "ticketId": "tic_1001"})
    later = (datetime.now().astimezone() + timedelta(days=2)).replace(second=0, microsecond=0)
    window.form.time.set_value(later)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    put = next(request for request in sandbox.requests if request.method == "PUT")
    assert dict(put.form)["time"] == format_time(later)  # ISO 8601, not the locale's format
    assert format_time(later) == later.isoformat(timespec="seconds")
    assert window.banner.text().startswith("Ticket tic_1001 actualizado a las ")
