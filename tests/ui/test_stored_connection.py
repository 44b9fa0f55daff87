"""The command line's Qt-free reader of settings.ini gives what the window's QSettings gives.

The unit of truth: values written by the window (`AppSettings.store_connection`, QSettings in
IniFormat) are read by `gui.core.stored_connection.read_stored_connection` exactly as
`AppSettings.stored_connection()` reads them. Values the reader cannot be sure of are refused
(tests/unit/test_stored_connection.py), never guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.core.stored_connection import CONNECTION_KEYS, read_stored_connection
from gui.ui.settings import AppSettings

TRICKY = {
    "api_base": 'https://x.test/api?a=1,b=2;c=#d"e',
    "ca_bundle": r"C:\certs\ca bundle.pem",
    "sms_region": "Ñandú",
    "connect_timeout": "12.5",
    "read_timeout": "30",
}

# Each goes through QSettings' escaping: quotes, backslash escapes, \xHH before hex digits,
# UTF-8, the @ prefixes QSettings doubles, and spaces it keeps only inside quotes.
STRINGS = [
    " leading and trailing ",
    "\ttabs\t",
    "line\nbreak\r\nand cr",
    "\x01ctrl\x1fA\x7f and \x00 nul",
    "\x0bv\x0cf\x07a\x08b",
    "back\\slash\\",
    "\\\\server\\share\\ca.pem",
    '"quoted"',
    "'single'",
    "a,b",
    ",",
    "semi;colon",
    "=eq=",
    "# not a comment",
    "; not a comment either",
    "[connection]",
    "%41%UFFFF",
    "@String(x)",
    "@@x",
    "@Variant(x)",
    "@ByteArray(abc)",
    "@Invalid()",
    "@foo",
    "@",
    "日本語 😀 \u00a0\u0080\u00ff \ufeffbom",
    "ends with escape \\x",
    "x" * 2000,
]


def stored_then_read(path: Path, values: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    settings = AppSettings(path)
    settings.store_connection(values)
    settings.sync()
    return AppSettings(path).stored_connection(), read_stored_connection(path)


def test_what_settings_stores_reads_back_the_same(tmp_path: Path) -> None:
    by_qt, by_reader = stored_then_read(tmp_path / "settings.ini", TRICKY)
    assert by_qt == TRICKY
    assert by_reader == by_qt


@pytest.mark.parametrize("value", STRINGS)
def test_tricky_strings_read_back_as_qt_reads_them(tmp_path: Path, value: str) -> None:
    values = {key: value for key in CONNECTION_KEYS}
    by_qt, by_reader = stored_then_read(tmp_path / "settings.ini", values)
    assert by_reader == by_qt
    assert by_qt == values  # QSettings itself keeps every one of them


def test_removed_values_are_gone_and_other_settings_do_not_matter(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    settings = AppSettings(path)
    settings.store_connection(TRICKY)
    settings.remember_status("ON_HOLD, really")
    settings.remember_status("NEW")
    settings.store_connection({"api_base": "https://example.test"})
    settings.sync()
    assert read_stored_connection(path) == AppSettings(path).stored_connection()
    assert read_stored_connection(path) == {"api_base": "https://example.test"}


HAND_WRITTEN = {
    "comments, spaces and CRLF": (
        b"; written by hand\r\n[form]\r\nstatuses=NEW, DONE\r\n\r\n[connection]\r\n"
        b'  api_base = https://a.test/ ; the server\r\nca_bundle="/etc/ca;1.pem"  \r\n'
    ),
    "a byte order mark": b"\xef\xbb\xbf[connection]\napi_base=https://b.test\n",
    "escaped key and section": b"[%63onnection]\n%61pi_base=https://c.test\n",
    "the section twice": b"[connection]\napi_base=x\n[form]\na=1\n[connection]\nsms_region=US\n",
    "mixed quotes": b'[connection]\nca_bundle="/a b/" c "d"\n',
    "escapes Qt does not write": b"[connection]\napi_base=\\x41\\101\\?\\'\\q\n",
    "a surrogate pair by escapes": b"[connection]\nsms_region=\\xd83d\\xde00\n",
    "empty values": b'[connection]\napi_base=\nca_bundle=""\n',
    "no section": b"api_base=https://d.test\n",
    "empty file": b"",
}


@pytest.mark.parametrize("data", HAND_WRITTEN.values(), ids=HAND_WRITTEN.keys())
def test_hand_edited_files_read_as_qt_reads_them(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(data)
    assert read_stored_connection(path) == AppSettings(path).stored_connection()
