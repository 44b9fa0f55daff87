"""The preferences file the core owns (gui.core.preferences): the record, the file, and the
one-time move of 0.1.0's settings.ini, without Qt.

The 0.1.0 files here are the bytes Qt 6's QSettings writes; tests/ui/test_preferences_0_1_0.py
checks that Qt writes exactly these, and reads what Qt itself writes.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core import app_folders, preferences
from gui.core.config import Options, resolve_connection
from gui.core.errors import ConfigurationError
from gui.core.messages import Message
from gui.core.preferences import (
    CONNECTION_KEYS,
    KEYS,
    Preferences,
    load_preferences,
    read_preferences,
    read_settings_0_1_0,
    save_preferences,
    write_preferences,
)

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")

#: What 0.1.0's AppSettings (store_connection, set_language, remember_status) wrote on Linux.
SETTINGS_0_1_0 = (
    "[connection]\n"
    "api_base=https://api.particle.space/v1\n"
    "ca_bundle=C:\\\\Users\\\\Ñandú Pérez\\\\certs\\\\corp ca.pem\n"
    "connect_timeout=5\n"
    "read_timeout=12.5\n"
    "sms_region=GB\n"
    "\n"
    "[form]\n"
    "statuses=NEW, ON_HOLD\n"
    "\n"
    "[ui]\n"
    "language=es\n"
).encode()
MOVED_0_1_0 = Preferences(
    api_base="https://api.particle.space/v1",
    connect_timeout="5",
    read_timeout="12.5",
    ca_bundle="C:\\Users\\Ñandú Pérez\\certs\\corp ca.pem",
    sms_region="GB",
    language="es",
)
ALL_SET = MOVED_0_1_0


def old_settings(environ: dict[str, str] | None = None, data: bytes = SETTINGS_0_1_0) -> Path:
    path = app_folders.settings_file_0_1_0(environ)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- The record ------------------------------------------------------------------------------


def test_the_record_holds_the_preferences_and_no_secret() -> None:
    assert Preferences._fields == KEYS
    assert (*CONNECTION_KEYS, "language") == KEYS
    assert not [key for key in KEYS if any(w in key for w in ("token", "secret", "key"))]
    assert Preferences() == Preferences(*[""] * len(KEYS))


def test_the_connection_values_are_the_set_ones() -> None:
    assert Preferences().connection() == {}
    assert Preferences(api_base="https://a.test", language="es").connection() == {
        "api_base": "https://a.test"
    }
    assert set(ALL_SET.connection()) == set(CONNECTION_KEYS)


def test_resolve_connection_takes_them_as_stored_settings() -> None:
    stored = Preferences(
        api_base="https://api.example.test",
        connect_timeout="5",
        read_timeout="12.5",
        ca_bundle="/etc/ssl/corp.pem",
    ).connection()
    connection = resolve_connection(Options(token="t0ken"), {}, stored)
    assert connection.usable, connection.problem
    assert connection.api_base == "https://api.example.test"
    assert (connection.connect_timeout, connection.read_timeout) == (5.0, 12.5)
    assert connection.ca_bundle == "/etc/ssl/corp.pem"


def test_a_bad_value_is_kept_and_config_reports_it(tmp_path: Path) -> None:
    """Checking stays in gui.core.config: the file keeps what the user gave."""
    path = tmp_path / "preferences.ini"
    write_preferences(path, Preferences(connect_timeout="soon"))
    stored = read_preferences(path)
    assert stored == Preferences(connect_timeout="soon")
    connection = resolve_connection(Options(token="t0ken"), {}, stored.connection())
    assert connection.problem == "“soon” is not a number of seconds."


def test_with_values_replaces_and_unsets() -> None:
    changed = ALL_SET.with_values({"api_base": "https://b.test", "ca_bundle": ""})
    assert changed == ALL_SET._replace(api_base="https://b.test", ca_bundle="")


@pytest.mark.parametrize("name", ["token", "secret_key", "publish_key", "api_key", "Password"])
def test_a_secret_s_name_is_refused(name: str) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Preferences().with_values({name: "hunter2"})
    assert "keychain" in refused.value.message
    assert name in refused.value.message
    assert "hunter2" not in refused.value.message


def test_an_unknown_name_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="“colour” is not a preference; they are: api"):
        Preferences().with_values({"colour": "blue"})


@pytest.mark.parametrize("value", ["sk_live_4e-C3-9H", "pk_test_TYooMQauvdEDq5"])
def test_a_value_shaped_like_a_key_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigurationError, match="looks like a key") as refused:
        Preferences().with_values({"ca_bundle": value})
    assert value not in refused.value.message
    with pytest.raises(ConfigurationError, match="looks like a key"):
        write_preferences(tmp_path / "preferences.ini", Preferences(api_base=value))
    assert not (tmp_path / "preferences.ini").exists()


# --- The file --------------------------------------------------------------------------------

AWKWARD = [
    "https://api.particle.space/v1",
    "https://h.test/v1/?a=1&b=2#x",
    "C:\\Users\\Ñandú Pérez\\certs\\corp ca.pem",
    "\\\\server\\share\\ca.pem",
    "C:\\certs\\",
    "/home/ana/My Certs/ca bundle.pem",
    "/証明書/ca-😀.pem",
    "100%",
    "%(home)s",
    "a;b, c",
    "#not a comment",
    ";not a comment",
    "=",
    "[not a section]",
    '"quoted"',
    "@home",
    "5",
    "12.5",
    "GB",
    "001",
    "pt_BR",
    "inner\ttab",
    "line\u2028separator",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_a_value_comes_back_exactly(tmp_path: Path, value: str) -> None:
    path = tmp_path / "preferences.ini"
    write_preferences(path, Preferences(ca_bundle=value, api_base=value))
    assert read_preferences(path) == Preferences(ca_bundle=value, api_base=value)


def test_the_file_is_plain_ini_with_the_set_values(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    write_preferences(path, ALL_SET._replace(read_timeout=""))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Particle Tickets: ")
    assert text.endswith(
        "[connection]\n"
        "api_base = https://api.particle.space/v1\n"
        "connect_timeout = 5\n"
        "ca_bundle = C:\\Users\\Ñandú Pérez\\certs\\corp ca.pem\n"
        "sms_region = GB\n"
        "\n"
        "[ui]\n"
        "language = es\n\n"
    )
    assert "read_timeout =" not in text
    assert read_preferences(path) == ALL_SET._replace(read_timeout="")


def test_a_hand_edited_file_is_read(tmp_path: Path) -> None:
    """Notepad's byte order mark and line ends, comments, other cases, unknown names."""
    path = tmp_path / "preferences.ini"
    path.write_bytes(
        b"\xef\xbb\xbf; mine\r\n[connection]\r\nAPI_BASE=https://a.test\r\n# x\r\n"
        b"colour = blue\r\n[later]\r\nthing = 1\r\n"
    )
    assert read_preferences(path) == Preferences(api_base="https://a.test")


def test_save_and_load_use_the_config_folder(tmp_path: Path) -> None:
    environ = {app_folders.ENV_FOLDER: str(tmp_path)}
    save_preferences(ALL_SET, environ)
    assert (tmp_path / "config" / "preferences.ini").is_file()
    assert load_preferences(environ) == ALL_SET
    save_preferences(Preferences())
    assert app_folders.preferences_file().is_file()  # the test's XDG folders
    assert load_preferences() == Preferences()


def test_no_file_is_no_preferences_and_writes_nothing(tmp_path: Path) -> None:
    assert read_preferences(tmp_path / "preferences.ini") is None
    environ = {app_folders.ENV_FOLDER: str(tmp_path)}
    assert load_preferences(environ) == Preferences()
    assert list(tmp_path.iterdir()) == []


@POSIX
def test_only_the_user_may_read_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "preferences.ini"
    write_preferences(path, ALL_SET)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    path.chmod(0o644)  # copied in by hand: the next save makes it private again
    write_preferences(path, Preferences())
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_save_leaves_the_old_file_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "preferences.ini"
    write_preferences(path, ALL_SET)
    before = path.read_bytes()

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_mkstemp = __import__("tempfile").mkstemp

        def mkstemp(**kwargs: str) -> tuple[int, str]:
            descriptor, name = real_mkstemp(**kwargs)
            os.close(descriptor)
            return os.open(name, os.O_RDONLY), name  # writing to it fails

        monkeypatch.setattr("tempfile.mkstemp", mkstemp)
    else:
        monkeypatch.setattr(os, failing, full)
    with pytest.raises(ConfigurationError, match="could not be saved in") as failed:
        write_preferences(path, Preferences(api_base="https://new.test"))
    assert str(path) in failed.value.message
    assert path.read_bytes() == before
    assert [entry.name for entry in tmp_path.iterdir()] == ["preferences.ini"]


@POSIX
def test_a_kill_mid_save_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    """A writer killed (SIGKILL) at some moment of its saves: the file is one save, whole."""
    path = tmp_path / "preferences.ini"
    writer = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gui.core.preferences import Preferences, write_preferences\n"
        "path = Path(sys.argv[1])\n"
        "for index in range(100000):\n"
        "    write_preferences(path, Preferences(api_base=f'https://h{index}.test', "
        "ca_bundle='x' * (index % 5000)))\n"
        "    print(index, flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", writer, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        last = -1
        for line in child.stdout:
            last = int(line)
            if last >= 40:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    stored = read_preferences(path)
    assert stored is not None
    index = int(stored.api_base.removeprefix("https://h").removesuffix(".test"))
    assert index >= last
    assert stored.ca_bundle == "x" * (index % 5000)


def test_a_save_it_cannot_make_says_so(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("a file, not a folder")
    with pytest.raises(ConfigurationError, match="could not be saved in"):
        write_preferences(tmp_path / "config" / "preferences.ini", ALL_SET)


@pytest.mark.parametrize("value", [" leading", "trailing ", "\ttab", "two\nlines", "a\rb"])
def test_a_value_the_file_cannot_hold_is_refused(tmp_path: Path, value: str) -> None:
    """Settings and the command line take spaces off what the user types; INI cannot keep
    them at the ends, nor a line break."""
    path = tmp_path / "preferences.ini"
    write_preferences(path, ALL_SET)
    before = path.read_bytes()
    with pytest.raises(ConfigurationError, match="“ca_bundle” cannot be kept in"):
        write_preferences(path, ALL_SET._replace(ca_bundle=value))
    assert path.read_bytes() == before


DAMAGED = {
    "a name before any section": (b"api_base = https://a.test\n", "at line 1"),
    "a line without =": (b"[connection]\napi_base = a\nnot a setting\n", "at line 3"),
    "a name twice": (b"[connection]\napi_base = a\napi_base = b\n", "at line 3"),
    "a section twice": (b"[ui]\n[connection]\n[ui]\n", "at line 3"),
    "not UTF-8": (b"[connection]\nca_bundle = \xd1and\xfa\n", "is not UTF-8 text"),
}


@pytest.mark.parametrize(("data", "why"), DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_a_configuration_error(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "config" / "preferences.ini"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(ConfigurationError) as damaged:
        read_preferences(path)
    message = damaged.value.message
    assert isinstance(message, Message)
    assert message.context == "preferences"
    assert str(path) in message
    assert why in message
    assert "not a setting" not in message  # the line's number, never its text
    (tmp_path / "config" / "settings.ini").write_bytes(SETTINGS_0_1_0)
    with pytest.raises(ConfigurationError):  # and 0.1.0's file is not read instead
        load_preferences({app_folders.ENV_FOLDER: str(tmp_path)})


def test_an_unreadable_file_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "preferences.ini").mkdir()
    with pytest.raises(ConfigurationError, match="could not be read: ") as unreadable:
        read_preferences(tmp_path / "preferences.ini")
    assert str(tmp_path / "preferences.ini") in unreadable.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"[connection]\ntoken = abc123\n",
        b"[keys]\nsecret_key = abc123\n",
        b"[connection]\nsms_region = US\npublish_key = abc123\n",
        b"[connection]\napi_base = sk_live_ab-12\n",
    ],
)
def test_a_file_holding_a_secret_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "preferences.ini"
    path.write_bytes(data)
    with pytest.raises(ConfigurationError, match="keychain") as refused:
        read_preferences(path)
    assert "abc123" not in refused.value.message


# --- From 0.1.0 ------------------------------------------------------------------------------


def test_0_1_0_s_values_are_moved_over_once() -> None:
    old = old_settings()
    assert load_preferences() == MOVED_0_1_0
    new = app_folders.preferences_file()
    assert read_preferences(new) == MOVED_0_1_0
    assert "statuses" not in new.read_text(encoding="utf-8")  # the typed statuses stay
    # Later starts read preferences.ini only, whatever settings.ini says.
    old.write_bytes(b"[connection]\napi_base=https://changed.test\n")
    assert load_preferences() == MOVED_0_1_0


def test_settings_ini_is_left_as_it_was() -> None:
    old = old_settings()
    before = old.stat()
    load_preferences()
    save_preferences(Preferences(api_base="https://new.test"))
    assert old.read_bytes() == SETTINGS_0_1_0
    assert old.stat().st_mtime_ns == before.st_mtime_ns


@POSIX
def test_the_moved_values_are_private() -> None:
    old_settings()
    load_preferences()
    assert app_folders.preferences_file().stat().st_mode & 0o777 == 0o600


def test_the_move_stays_in_a_folder_of_its_own(tmp_path: Path) -> None:
    environ = {app_folders.ENV_FOLDER: str(tmp_path)}
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.ini").write_bytes(SETTINGS_0_1_0)
    old_settings(data=b"[connection]\napi_base=https://users-own.test\n")  # the XDG one
    assert load_preferences(environ) == MOVED_0_1_0
    assert read_preferences(tmp_path / "config" / "preferences.ini") == MOVED_0_1_0
    assert not app_folders.preferences_file().exists()
    assert load_preferences() == Preferences(api_base="https://users-own.test")


def test_an_unreadable_settings_ini_is_tried_again_next_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app_folders.settings_file_0_1_0().mkdir(parents=True)
    with caplog.at_level(logging.WARNING, "gui.core.preferences"):
        assert load_preferences() == Preferences()
    assert "could not be read" in caplog.text
    assert not app_folders.preferences_file().exists()


def test_when_the_new_file_cannot_be_written_the_values_are_used_all_the_same(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    old_settings()

    def full(path: Path, data: bytes, **options: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, caplog.at_level(logging.WARNING, preferences.__name__):
        patch.setattr("gui.core.durable.write_atomically", full)
        assert load_preferences() == MOVED_0_1_0
    assert "could not be moved to" in caplog.text
    assert "No space left on device" in caplog.text
    assert not app_folders.preferences_file().exists()
    assert load_preferences() == MOVED_0_1_0  # the next start moves them
    assert app_folders.preferences_file().exists()


def test_a_settings_ini_with_nothing_to_move_is_moved_all_the_same() -> None:
    """An empty preferences.ini then says that 0.1.0's file was seen."""
    old_settings(data=b"[form]\nstatuses=NEW\n")
    assert load_preferences() == Preferences()
    assert read_preferences(app_folders.preferences_file()) == Preferences()


#: Values QSettings may read otherwise than as the plain text that is there, or that
#: preferences.ini cannot hold: skipped, with a warning naming the key.
SKIPPED = {
    "a list": b"api_base=a, b",
    "a trailing comma": b"api_base=/a.pem,",
    "a comment after it": b"api_base=https://a.test;b",
    "a Qt variant": b"api_base=@Variant(\\0\\0\\0\\x2)",
    "a byte array": b"api_base=@ByteArray(https://a.test)",
    "text with a NUL": b"api_base=@String(a\\0\\x62)",
    "a single @": b"api_base=@home",
    "not UTF-8": b"api_base=\xd1and\xfa",
    "a quoted line break": b'api_base="https://a\nb"',
    "a continued line": b"api_base=https://a\\\n b",
    "an indented next line": b"api_base=https://a\n  more",
    "a hex escape": b"api_base=a\\x1\\x62",
    "a tab escape": b"api_base=a\\tb",
    "a line-break escape": b"api_base=a\\nb",
    "a lone backslash": b"api_base=https://a\\",
    "an escaped letter": "api_base=\\é".encode(),
    "a stray quote": b'api_base=say "hi"',
    "spaces at an end": b'api_base=" https://a.test"',
    "a no-break space at the end": "api_base=https://a.test\u00a0".encode(),
    "a key": b"api_base=sk_live_ab-12",
}


@pytest.mark.parametrize("line", SKIPPED.values(), ids=SKIPPED.keys())
def test_a_value_qt_may_read_otherwise_is_skipped_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, line: bytes
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[connection]\n" + line + b"\nsms_region=GB\n[ui]\nlanguage=es\n")
    with caplog.at_level(logging.WARNING, "gui.core.preferences"):
        moved = read_settings_0_1_0(path)
    assert moved == Preferences(sms_region="GB", language="es")
    assert len(caplog.records) == 1
    warning = caplog.records[0].getMessage()
    assert warning.startswith("0.1.0's setting [connection] api_base is not moved over (")
    value = line.partition(b"=")[2].decode("utf-8", "replace")
    assert value not in warning
    assert "abc123" not in warning


@pytest.mark.parametrize(
    "data",
    [
        b"[Connection]\napi_base=https://a.test\n",
        b"[connection]\nAPI_BASE=https://a.test\n",
        b"[General]\nconnection\\api_base=https://a.test\n",
    ],
)
def test_a_name_spelled_otherwise_is_skipped_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, data: bytes
) -> None:
    """QSettings finds keys in another case on Windows, and in [General] with a backslash."""
    path = tmp_path / "settings.ini"
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, "gui.core.preferences"):
        assert read_settings_0_1_0(path) == Preferences()
    assert "is not moved over (it is not spelled, or placed, as 0.1.0 wrote it)" in caplog.text
    assert "https://a.test" not in caplog.text


def test_quotes_escapes_and_doubled_at_signs_are_read_as_qt_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(
        b"[connection]\n"
        b'api_base="https://a.test/?x=1"\n'
        b'ca_bundle=\\\\\\\\server\\\\share\\\\say \\"hi\\".pem\n'
        b"sms_region = 001 \n"
        b"connect_timeout=@@5\n"
        b'read_timeout="a;b, c"\n'
    )
    assert read_settings_0_1_0(path) == Preferences(
        api_base="https://a.test/?x=1",
        ca_bundle='\\\\server\\share\\say "hi".pem',
        sms_region="001",
        connect_timeout="@5",
        read_timeout="a;b, c",
    )


def test_a_name_given_twice_is_the_last_as_in_qsettings(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[connection]\napi_base=https://a\n[ui]\n[connection]\napi_base=https://b\n")
    assert read_settings_0_1_0(path) == Preferences(api_base="https://b")


def test_windows_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(SETTINGS_0_1_0.replace(b"\n", b"\r\n"))
    assert read_settings_0_1_0(path) == MOVED_0_1_0


def test_names_before_any_section_are_general_s_as_for_qt(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"api_base=https://a.test\n[connection]\nsms_region=GB\n[General]\nx=1\n")
    assert read_settings_0_1_0(path) == Preferences(sms_region="GB")
    assert read_settings_0_1_0(tmp_path / "missing.ini") is None
