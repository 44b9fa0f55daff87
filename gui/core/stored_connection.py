"""The connection values the window's Settings stored, read from its settings.ini without Qt.

The window writes them with QSettings in IniFormat (`gui.ui.settings.AppSettings`); the command
line reads them here, because loading Qt would cost it most of its start-up. This is a port of
the part of Qt 6's INI reader that string values go through (qsettings.cpp: readIniLine,
iniUnescapedKey, iniUnescapedStringList, stringToVariant): quotes, backslash escapes (``\\n``,
``\\"``, ``\\xHHHH``, octal), UTF-8, ``;`` comments, ``%XX`` in keys, ``@@`` and ``@String()``.

What QSettings would not read back as the same plain string — a list (an unquoted comma), a
``@Variant``/``@ByteArray``-style value, bytes that are not UTF-8, an escape beyond one UTF-16
unit, a raw line break inside a value, a key given twice or in another case — is refused with
`ConfigurationError` rather than guessed. `AppSettings.store_connection` never writes those;
tests/ui/test_stored_connection.py checks that what it writes reads back identically.
"""

from __future__ import annotations

from pathlib import Path

from gui.core.errors import ConfigurationError
from gui.core.messages import QT_TRANSLATE_NOOP, plain

#: The connection values Settings stores (keys of `read_stored_connection`), in the INI section
#: ``[connection]``; secrets are not among them: they live in the OS keychain (gui.core.keychain).
CONNECTION_KEYS = ("api_base", "connect_timeout", "read_timeout", "ca_bundle", "sms_region")
SECTION = "connection"

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    '"': '"',
    "?": "?",
    "'": "'",
    "\\": "\\",
}
_HEX = "0123456789abcdefABCDEF"
_OCTAL = "01234567"
#: Values QSettings turns into something other than the text between the parentheses.
_TYPED_PREFIXES = (
    "@ByteArray(",
    "@Variant(",
    "@DateTime(",
    "@Rect(",
    "@Size(",
    "@Point(",
    "@Invalid(",
)


class _Unreadable(Exception):
    """One value that QSettings would not give back as the same plain string."""


def read_stored_connection(path: Path) -> dict[str, str]:
    """The stored connection values that are set, as `AppSettings.stored_connection` gives them.

    A missing file means nothing is stored. `ConfigurationError` (with a sentence) if the file
    cannot be read or a value cannot be read exactly.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP(
                "stored_connection", "The settings file {path} could not be read: {reason}."
            ).format(path=plain(str(path)), reason=plain(str(error.strerror or error)))
        ) from None
    wanted = {f"{SECTION}/{key}": key for key in CONNECTION_KEYS}
    folded = {full.casefold(): full for full in wanted}
    found: dict[str, str] = {}
    for section, name, raw_value in _entries(data):
        full_key = section + name
        key = wanted.get(full_key)
        if key is None:
            near = folded.get(full_key.casefold())
            if near is not None:
                raise _refusal(path, full_key, f"it is spelled “{near}” in the app")
            continue
        if section != f"{SECTION}/":  # e.g. connection\api_base under [General]
            raise _refusal(path, full_key, f"it is not in the [{SECTION}] section")
        if key in found:
            raise _refusal(path, full_key, "it is given more than once")
        try:
            found[key] = _string_value(raw_value)
        except _Unreadable as problem:
            raise _refusal(path, full_key, str(problem)) from None
    return {key: found[key] for key in CONNECTION_KEYS if found.get(key)}


def _refusal(path: Path, key: str, why: str) -> ConfigurationError:
    # Only the command line reads the file this way, and it speaks English: `why` stays so.
    return ConfigurationError(
        QT_TRANSLATE_NOOP(
            "stored_connection",
            "The setting “{key}” in {path} cannot be read without the window: {why}. "
            "Open Settings in the window and save it again, or give the value as an option.",
        ).format(key=plain(key), path=plain(str(path)), why=plain(why))
    )


# --- Lines and keys (readIniFile, readIniLine, iniUnescapedKey) ------------------------------


def _entries(data: bytes) -> list[tuple[str, str, bytes]]:
    """(section, key, raw value) for each ``key=value`` line; the section as Qt names it
    ("" for [General], else the name and a slash)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    entries: list[tuple[str, str, bytes]] = []
    section = ""
    for line, equals in _lines(data):
        if line.startswith(b"["):
            end = line.find(b"]")
            name = (line[1:end] if end != -1 else line[1:]).strip()
            if name.lower() == b"general":
                section = ""
            elif name.lower() == b"%general":
                section = name[1:].decode("latin-1") + "/"
            else:
                section = _unescaped_key(name) + "/"
            continue
        if equals == -1:  # a comment, or a line QSettings skips as a format error
            continue
        entries.append((section, _unescaped_key(line[:equals].strip()), line[equals + 1 :]))
    return entries


def _lines(data: bytes) -> list[tuple[bytes, int]]:
    """The logical lines of an INI file as readIniLine finds them, each with the position of
    its first ``=`` outside quotes (-1 if none). A line may span line breaks inside quotes or
    after a backslash; ``;`` outside quotes ends it."""
    lines: list[tuple[bytes, int]] = []
    size = len(data)
    position = 0
    while True:
        start = position
        while start < size and data[start] in b" \t\r\n":
            start += 1
        i = start
        equals = -1
        in_quotes = False
        while i < size:
            char = data[i : i + 1]
            i += 1
            if char == b"=":
                if not in_quotes and equals == -1:
                    equals = i - 1
            elif char in b"\r\n":
                if i == start + 1:
                    start += 1
                elif not in_quotes:
                    i -= 1
                    break
            elif char == b"\\":
                if i < size:
                    escaped = data[i : i + 1]
                    i += 1
                    if i < size and escaped + data[i : i + 1] in (b"\n\r", b"\r\n"):
                        i += 1
            elif char == b'"':
                in_quotes = not in_quotes
            elif char == b";":
                if i == start + 1:  # a comment line: skip it and the spaces after it
                    while i < size and data[i] not in b"\r\n":
                        i += 1
                    while i < size and data[i] in b" \t\r\n":
                        i += 1
                    start = i
                elif not in_quotes:
                    i -= 1
                    break
        position = i
        if i - start <= 0:
            return lines
        lines.append((data[start:i], equals - start if equals != -1 else -1))


def _unescaped_key(raw: bytes) -> str:
    """iniUnescapedKey: ``\\`` is ``/``; ``%XX`` and ``%UXXXX`` are characters."""
    text = raw.decode("utf-8", errors="replace")
    result = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            result.append("/")
            i += 1
            continue
        if char != "%" or i == len(text) - 1:
            result.append(char)
            i += 1
            continue
        first, digits = (i + 2, 4) if text[i + 1] == "U" else (i + 1, 2)
        code = text[first : first + digits]
        if len(code) == digits and all(c in _HEX for c in code):
            result.append(chr(int(code, 16)))
            i = first + digits
        else:
            result.append("%")
            i += 1
    return "".join(result)


# --- Values (iniUnescapedStringList, stringToVariant) ----------------------------------------


def _string_value(raw: bytes) -> str:
    """The string QSettings reads from a raw value, or `_Unreadable`."""
    if b"\n" in raw or b"\r" in raw:
        raise _Unreadable("the value runs over several lines")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unreadable("it is not UTF-8 text") from None
    text = _unescaped_string(text)
    if text.startswith("@"):
        if text.endswith(")"):
            if text.startswith("@String("):
                return text[len("@String(") : -1]
            if text.startswith(_TYPED_PREFIXES):
                raise _Unreadable("it holds a Qt value that is not plain text")
        if text.startswith("@@"):
            return text[1:]
    return text


def _unescaped_string(text: str) -> str:
    """iniUnescapedStringList for one value that is not a list (no line breaks, decoded)."""
    result = ""  # escapes add UTF-16 units: surrogate pairs are joined at the end
    in_quotes = quoted = False
    size = len(text)
    i = _skip_spaces(text, 0)
    chop_limit = 0  # trailing spaces after this point are dropped unless the value is quoted
    while i < size:
        char = text[i]
        if char == "\\":
            if i + 1 >= size:
                raise _Unreadable("it ends in a lone backslash")
            escape = text[i + 1]
            i += 2
            if escape in _SIMPLE_ESCAPES:
                result += _SIMPLE_ESCAPES[escape]
            elif escape == "x":
                if i >= size or text[i] not in _HEX:
                    raise _Unreadable("it has a \\x escape without digits")
                i, unit = _code_unit(text, i, _HEX, 16)
                result += unit
            elif escape in _OCTAL:
                i, unit = _code_unit(text, i - 1, _OCTAL, 8)
                result += unit
            elif not escape.isascii():  # Qt would skip one byte of it, not the character
                raise _Unreadable("it has a backslash before a non-ASCII character")
            # any other escaped ASCII character is dropped, as Qt does
            chop_limit = len(result)
        elif char == '"':
            i += 1
            quoted = True
            in_quotes = not in_quotes
            if not in_quotes:
                i = _skip_spaces(text, i)
                chop_limit = len(result)
        elif char == "," and not in_quotes:
            raise _Unreadable("it is a list (a comma outside quotes)")
        else:
            end = i + 1
            while end < size and text[end] not in '\\",':
                end += 1
            result += text[i:end]
            i = end
    if not quoted:
        result = result[:chop_limit] + result[chop_limit:].rstrip(" \t")
    try:
        return result.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise _Unreadable("it holds half of a character (a lone surrogate escape)") from None


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _code_unit(text: str, i: int, digits: str, base: int) -> tuple[int, str]:
    """The ``\\xHHHH`` or octal escape whose digits start at `i`: the position after it, and
    its UTF-16 unit."""
    end = i
    while end < len(text) and text[end] in digits:
        end += 1
    value = int(text[i:end], base)
    if value > 0xFFFF:
        raise _Unreadable("an escape in it is larger than one UTF-16 unit")
    return end, chr(value)
