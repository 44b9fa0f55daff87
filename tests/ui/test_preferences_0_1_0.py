"""0.1.0's settings.ini, written by real QSettings as 0.1.0's AppSettings wrote it, moved over
by gui.core.preferences (which reads it without Qt).

`write_like_0_1_0` does what 0.1.0's `store_connection`, `set_language` and `remember_status`
did (``git show 4a3f88b:gui/ui/settings.py``). QT_WRITES records the bytes Qt 6 writes for
each awkward value and whether the move takes it: every one it takes comes back exactly as
QSettings reads it; the others are skipped with a warning naming the key, never the value.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from gui.core import app_folders
from gui.core.preferences import (
    CONNECTION_KEYS,
    Preferences,
    load_preferences,
    read_preferences,
    read_settings_0_1_0,
)
from gui.ui.settings import identify_app
from tests.unit.test_preferences import MOVED_0_1_0, SETTINGS_0_1_0


def write_like_0_1_0(
    path: Path,
    connection: Mapping[str, str],
    *,
    language: str | None = None,
    statuses: Iterable[str] = (),
) -> None:
    """0.1.0's AppSettings: QSettings in IniFormat, string values, empty ones removed."""
    identify_app()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for key in CONNECTION_KEYS:  # store_connection
        if connection.get(key):
            settings.setValue(f"connection/{key}", connection[key])
        else:
            settings.remove(f"connection/{key}")
    if language:  # set_language
        settings.setValue("ui/language", language)
    else:
        settings.remove("ui/language")
    for status in statuses:  # remember_status
        value = settings.value("form/statuses", [], type=list)
        known = [str(known) for known in value if known] if isinstance(value, list) else []
        settings.setValue("form/statuses", [status, *(k for k in known if k != status)][:20])
    settings.sync()
    assert settings.status() == QSettings.Status.NoError


def read_like_0_1_0(path: Path, key: str) -> str:
    """0.1.0's AppSettings.stored_connection for one key."""
    return str(QSettings(str(path), QSettings.Format.IniFormat).value(key, "", type=str))


def qt_settings_ini() -> Path:
    """Where 0.1.0 kept settings.ini: Qt's AppConfigLocation."""
    identify_app()
    location = QStandardPaths.StandardLocation.AppConfigLocation
    return Path(QStandardPaths.writableLocation(location)) / "settings.ini"


#: value -> (the bytes after "ca_bundle=" that Qt 6 writes, whether the move takes it).
QT_WRITES: dict[str, tuple[bytes, bool]] = {
    "https://api.particle.space/v1": (b"https://api.particle.space/v1", True),
    "https://h.test/v1/?a=1&b=2#x": (b'"https://h.test/v1/?a=1&b=2#x"', True),  # "=": quoted
    "https://h.test/a;b": (b'"https://h.test/a;b"', True),
    "https://h.test/a,b": (b'"https://h.test/a,b"', True),
    "5": (b"5", True),
    "12.5": (b"12.5", True),
    "0.5": (b"0.5", True),
    "C:\\Users\\Ñandú Pérez\\certs\\corp ca.pem": (
        "C:\\\\Users\\\\Ñandú Pérez\\\\certs\\\\corp ca.pem".encode(),
        True,
    ),
    "\\\\server\\share\\ca.pem": (b"\\\\\\\\server\\\\share\\\\ca.pem", True),
    "C:\\certs\\": (b"C:\\\\certs\\\\", True),
    "/home/ana/My Certs/ca bundle.pem": (b"/home/ana/My Certs/ca bundle.pem", True),
    "/証明書/ca-😀.pem": ("/証明書/ca-😀.pem".encode(), True),
    "/Ωμέγα/ca.pem": ("/Ωμέγα/ca.pem".encode(), True),
    'say "hi"': (b'say \\"hi\\"', True),
    "@home": (b"@@home", True),
    "@@x": (b"@@@x", True),
    "#x": (b"#x", True),
    ";x": (b'";x"', True),
    "=": (b'"="', True),
    "GB": (b"GB", True),
    "001": (b"001", True),
    "pt_BR": (b"pt_BR", True),
    "a\u2028b": ("a\u2028b".encode(), True),
    "a\x7fb": (b"a\x7fb", True),
    # Skipped: escapes beyond \\ and \" (Qt's \x escapes have rules of their own) ...
    "a\tb": (b"a\\tb", False),
    "a\nb": (b"a\\nb", False),
    "a\x01b": (b"a\\x1\\x62", False),
    "a\x00b": (b"@String(a\\0\\x62)", False),
    # ... spaces at an end, which preferences.ini cannot hold ...
    " leading": (b'" leading"', False),
    "trailing ": (b'"trailing "', False),
    # ... whitespace configparser takes off and Qt keeps ...
    "end\u00a0": ("end\u00a0".encode(), False),
    # ... and what looks like a key.
    "sk_live_4e-C3-9H": (b"sk_live_4e-C3-9H", False),
}


def test_qt_writes_the_bytes_the_unit_tests_use(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    write_like_0_1_0(
        path,
        MOVED_0_1_0.connection(),
        language=MOVED_0_1_0.language,
        statuses=["ON_HOLD", "NEW"],
    )
    assert path.read_bytes().replace(b"\r\n", b"\n") == SETTINGS_0_1_0


@pytest.mark.parametrize(("value", "written", "moved"), [(v, *w) for v, w in QT_WRITES.items()])
def test_what_qt_writes_is_moved_exactly_or_skipped_by_name(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    value: str,
    written: bytes,
    moved: bool,
) -> None:
    path = tmp_path / "settings.ini"
    write_like_0_1_0(path, {"ca_bundle": value, "sms_region": "GB"})
    lines = path.read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    assert b"ca_bundle=" + written in lines
    assert read_like_0_1_0(path, "connection/ca_bundle") == value
    with caplog.at_level(logging.WARNING, "gui.core.preferences"):
        found = read_settings_0_1_0(path)
    assert found is not None
    assert found.sms_region == "GB"
    if moved:
        assert found.ca_bundle == value
        assert caplog.records == []
    else:
        assert found.ca_bundle == ""
        [warning] = [record.getMessage() for record in caplog.records]
        assert warning.startswith("0.1.0's setting [connection] ca_bundle is not moved over (")
        assert value.strip() not in warning


def test_the_language_is_moved_as_qt_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    for language in ("es", "en", "pt_BR"):
        write_like_0_1_0(path, {}, language=language)
        assert read_settings_0_1_0(path) == Preferences(language=language)
    write_like_0_1_0(path, {}, language=None)
    assert read_settings_0_1_0(path) == Preferences()


def test_0_1_0_s_settings_move_over_once_and_stay_for_0_1_0() -> None:
    old = qt_settings_ini()
    write_like_0_1_0(
        old, MOVED_0_1_0.connection(), language="es", statuses=["NEW", "ON_HOLD", "CLOSED"]
    )
    before = old.read_bytes()
    assert load_preferences() == MOVED_0_1_0
    assert read_preferences(app_folders.preferences_file()) == MOVED_0_1_0
    assert old.read_bytes() == before
    # 0.1.0, started again, still reads all it had.
    assert read_like_0_1_0(old, "connection/ca_bundle") == MOVED_0_1_0.ca_bundle
    assert read_like_0_1_0(old, "ui/language") == "es"
    # Changed by 0.1.0 afterwards: not moved again.
    write_like_0_1_0(old, {"api_base": "https://later.test"})
    assert load_preferences() == MOVED_0_1_0


def test_a_folder_of_its_own_holds_both_files(tmp_path: Path) -> None:
    """0.1.0 with PARTICLE_TICKETS_FOLDER wrote config/settings.ini there (self-test,
    screenshots); the move reads and writes there only."""
    environ = {app_folders.ENV_FOLDER: str(tmp_path)}
    write_like_0_1_0(tmp_path / "config" / "settings.ini", {"sms_region": "MX"}, language="es")
    assert load_preferences(environ) == Preferences(sms_region="MX", language="es")
    assert (tmp_path / "config" / "preferences.ini").is_file()
    assert not app_folders.preferences_file().exists()
