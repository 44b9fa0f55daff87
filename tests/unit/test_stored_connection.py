"""Reading the window's settings.ini without Qt: what it refuses rather than guesses.

What it reads is checked against QSettings itself in tests/ui/test_stored_connection.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gui.cli.main import default_environment, main
from gui.core import app_folders
from gui.core.errors import ConfigurationError
from gui.core.stored_connection import read_stored_connection

REFUSED = {
    "a list": (b"[connection]\napi_base=a, b\n", "it is a list"),
    "a trailing comma": (b"[connection]\nca_bundle=/a.pem,\n", "it is a list"),
    "a Qt variant": (b"[connection]\napi_base=@Variant(\\0\\0\\0\\x2)\n", "not plain text"),
    "a byte array": (b"[connection]\napi_base=@ByteArray(https://a.test)\n", "not plain text"),
    "an invalid value": (b"[connection]\napi_base=@Invalid()\n", "not plain text"),
    "not UTF-8": (b"[connection]\nsms_region=\xd1and\xfa\n", "not UTF-8"),
    "a quoted line break": (b'[connection]\napi_base="a\nb"\n', "several lines"),
    "a continued line": (b"[connection]\napi_base=a\\\n b\n", "several lines"),
    "a lone surrogate": (b"[connection]\napi_base=\\xd83d\n", "half of a character"),
    "a wide escape": (b"[connection]\napi_base=\\x1F600\n", "larger than one UTF-16 unit"),
    "an empty hex escape": (b"[connection]\napi_base=a\\xz\n", "without digits"),
    "a lone backslash": (b"[connection]\napi_base=a\\", "lone backslash"),
    "an escaped non-ASCII letter": ("[connection]\napi_base=\\é\n".encode(), "non-ASCII"),
    "the key twice": (b"[connection]\napi_base=a\napi_base=b\n", "more than once"),
    "another case": (b"[Connection]\napi_base=a\n", "spelled “connection/api_base”"),
    "outside its section": (b"[General]\nconnection\\api_base=a\n", "not in the [connection]"),
}


@pytest.mark.parametrize(("data", "why"), REFUSED.values(), ids=REFUSED.keys())
def test_values_qt_would_not_give_back_as_plain_text_are_refused(
    tmp_path: Path, data: bytes, why: str
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(data)
    with pytest.raises(ConfigurationError) as refused:
        read_stored_connection(path)
    message = refused.value.message
    assert why in message
    assert str(path) in message
    assert message.endswith("or give the value as an option.")


def test_other_settings_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[form]\nstatuses=a, b\nx=@Variant(\\0)\n[connection]\napi_base=https://a\n")
    assert read_stored_connection(path) == {"api_base": "https://a"}


def test_a_missing_file_stores_nothing(tmp_path: Path) -> None:
    assert read_stored_connection(tmp_path / "settings.ini") == {}


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "settings.ini").mkdir()
    with pytest.raises(ConfigurationError, match="could not be read"):
        read_stored_connection(tmp_path / "settings.ini")


def test_the_command_line_says_why_it_cannot_read_the_settings() -> None:
    path = app_folders.settings_file()  # in the test's own XDG folders (tests/conftest.py)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"[connection]\napi_base=@ByteArray(https://a.test)\n")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["outbox", "send", "--token", "t"], env=default_environment(), stdout=out, stderr=err
    )
    assert code == 1
    assert err.getvalue() == (
        f"The setting “connection/api_base” in {path} cannot be read without the window: it "
        "holds a Qt value that is not plain text. Open Settings in the window and save it again, "
        "or give the value as an option.\n"
    )


def test_the_command_line_uses_the_window_s_folders(tmp_path: Path) -> None:
    path = app_folders.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("[connection]\nsms_region=GB\n")
    env = default_environment()
    assert env.stored() == {"sms_region": "GB"}
    assert env.data_folder() == app_folders.data_folder()
