"""The connection settings and the language, in a file the core owns: preferences.ini.

Settings (the window) and the command line read and write it through this module, in the
config folder `gui.core.app_folders` gives. It holds `Preferences`: the API base, the two
timeouts, the CA bundle, the SMS region and the language, each as the user gave it ("" when
unset). Checking them is `gui.core.config`'s job (a bad one is a problem in the window's banner
or the command line's exit 1), so nothing here refuses a value except what the file cannot
hold, and secrets: tokens and keys live in the system's keychain (gui.core.keychain), never
here, and a name or value that looks like one is refused.

The file is INI as the standard library's configparser reads it, without interpolation::

    [connection]
    api_base = https://api.example.test
    ca_bundle = C:\\Users\\ana\\corp ca.pem

    [ui]
    language = es

A value is everything after ``=`` with the spaces around it taken off; there are no quotes and
no escapes, so a Windows path is written as it is. Unset values are left out. Sections and names
this version does not know are ignored (and dropped at the next save). Every save replaces the
file atomically (the old file or the new one, never half of each), readable by the user only.

From 0.1.0: until preferences.ini exists, `load_preferences` reads the ``[connection]`` values
and ``[ui] language`` of 0.1.0's settings.ini once and writes them to preferences.ini, whose
existence then means "moved over". settings.ini itself is left as it is (0.1.0 still finds its
settings there), and so are its typed statuses (``[form] statuses``), which are not moved. See
`read_settings_0_1_0` for the values it does not take.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gui.core import app_folders
from gui.core.errors import ConfigurationError
from gui.core.messages import QT_TRANSLATE_NOOP, Message, plain

if TYPE_CHECKING:
    import configparser

#: The connection values, in the file's ``[connection]`` section; the keys of
#: `Preferences.connection`, as `gui.core.config.resolve_connection` takes them.
CONNECTION_KEYS = ("api_base", "connect_timeout", "read_timeout", "ca_bundle", "sms_region")
#: Every preference, in the order of `Preferences`' fields.
KEYS = (*CONNECTION_KEYS, "language")
#: The section each preference is in (the same as in 0.1.0's settings.ini).
_SECTIONS = {**dict.fromkeys(CONNECTION_KEYS, "connection"), "language": "ui"}

#: A name with one of these in it is a secret's (token, secret_key, publish_key, …).
_SECRET_WORDS = ("token", "secret", "key", "password", "passwd", "credential")
#: A value that starts like a Particle Space key is one (gui.core.credentials).
_KEY_PREFIXES = ("sk_test_", "sk_live_", "pk_test_", "pk_live_")

_HEADER = (
    "# Particle Tickets: the connection settings and the language, written by Settings and by\n"
    "# the command line. Tokens and keys are not kept here but in the system's keychain.\n"
    "# Names: [connection] " + ", ".join(CONNECTION_KEYS) + "; [ui] language.\n"
)


class Preferences(NamedTuple):
    """The connection settings and the language as the user gave them; "" is unset."""

    api_base: str = ""
    connect_timeout: str = ""
    read_timeout: str = ""
    ca_bundle: str = ""
    sms_region: str = ""
    #: "en", "es", …; "" follows the system's language.
    language: str = ""

    def connection(self) -> dict[str, str]:
        """The connection values that are set: `resolve_connection`'s `stored`."""
        return {key: value for key in CONNECTION_KEYS if (value := getattr(self, key))}

    def with_values(self, values: Mapping[str, str]) -> Preferences:
        """These preferences with `values` in place of theirs ("" unsets one).

        `ConfigurationError` for a name that is not a preference (a secret's above all) or a
        value that looks like a key.
        """
        where = QT_TRANSLATE_NOOP("preferences", "the preferences file")
        for key, value in values.items():
            problem = _secret_problem(key, value, where)
            if problem is not None:
                raise problem
            if key not in KEYS:
                raise ConfigurationError(
                    QT_TRANSLATE_NOOP(
                        "preferences", "“{key}” is not a preference; they are: {keys}."
                    ).format(key=plain(key), keys=plain(", ".join(KEYS)))
                )
        return self._replace(**values)


# --- The file --------------------------------------------------------------------------------


def load_preferences(environ: Mapping[str, str] | None = None) -> Preferences:
    """The preferences for this start: preferences.ini's; on the first start after 0.1.0, the
    values of its settings.ini, moved over; else none set.

    `ConfigurationError` if preferences.ini cannot be read. If it cannot be written when the
    values are moved over, they are used all the same and a warning is logged: the next start
    moves them again, and Settings' next save says what is wrong where the user sees it.
    """
    path = app_folders.preferences_file(environ)
    found = read_preferences(path)
    if found is not None:
        return found
    old = app_folders.settings_file_0_1_0(environ)
    moved = read_settings_0_1_0(old)
    if moved is None:
        return Preferences()
    try:
        write_preferences(path, moved)
    except ConfigurationError as error:
        _log_warning(
            "the settings of 0.1.0 in %s are used, but could not be moved to %s: %s",
            old,
            path,
            error,
        )
    return moved


def save_preferences(preferences: Preferences, environ: Mapping[str, str] | None = None) -> None:
    """Replace preferences.ini with `preferences` (see `write_preferences`)."""
    write_preferences(app_folders.preferences_file(environ), preferences)


def read_preferences(path: Path) -> Preferences | None:
    """The preferences in `path`, or None when there is no such file.

    `ConfigurationError` (naming the file) if it cannot be read, is not INI, gives a name
    twice or holds a name or value that looks like a secret.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences", "The preferences file {path} could not be read: {reason}."
            ).format(path=plain(str(path)), reason=plain(str(error.strerror or error)))
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences",
                "The preferences file {path} is not UTF-8 text. Correct or delete it, then "
                "check Settings.",
            ).format(path=plain(str(path)))
        ) from None
    import configparser  # only when there is a file to read

    parser = _parser()
    try:
        parser.read_string(text.replace("\r\n", "\n"), source=str(path))
    except configparser.MissingSectionHeaderError as error:  # a name before any [section]
        raise _damaged(path, error.lineno) from None
    except configparser.ParsingError as error:  # lines that are not "name = value"
        raise _damaged(path, error.errors[0][0]) from None
    except configparser.Error as error:  # a name or a section twice
        raise _damaged(path, getattr(error, "lineno", None)) from None
    _refuse_secrets(_items(parser), plain(str(path)))
    return Preferences(**{key: parser.get(_SECTIONS[key], key, fallback="") for key in KEYS})


def write_preferences(path: Path, preferences: Preferences) -> None:
    """Replace the file at `path` with `preferences`, atomically, readable by the user only.

    `ConfigurationError` for a value the file cannot hold as it is (one that begins or ends
    with a space or holds a line break; Settings and the command line take those off what the
    user types), one that looks like a key, or a file that cannot be written; the file is then
    left as it was.
    """
    import io

    for key in KEYS:
        value = getattr(preferences, key)
        if value != value.strip() or "\n" in value or "\r" in value:
            raise ConfigurationError(
                QT_TRANSLATE_NOOP(
                    "preferences",
                    "The value of “{key}” cannot be kept in {path}: it begins or ends with a "
                    "space or holds a line break.",
                ).format(key=plain(key), path=plain(str(path)))
            )
    _refuse_secrets(zip(KEYS, preferences, strict=True), plain(str(path)))
    parser = _parser()
    for key, value in zip(KEYS, preferences, strict=True):
        if value:
            section = _SECTIONS[key]
            if not parser.has_section(section):
                parser.add_section(section)
            parser.set(section, key, value)
    text = io.StringIO()
    text.write(_HEADER + "\n")
    parser.write(text)
    from gui.core.durable import write_atomically  # only when saving, not at start-up

    try:
        write_atomically(path, text.getvalue().encode("utf-8"))
    except OSError as error:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences", "The preferences could not be saved in {path}: {reason}."
            ).format(path=plain(str(path)), reason=plain(str(error.strerror or error)))
        ) from None


def _parser() -> configparser.ConfigParser:
    """configparser for preferences.ini: no interpolation, ``=`` only, each name once; names
    in any case (configparser's lower-casing), no [DEFAULT] section with its own meaning."""
    import configparser

    return configparser.ConfigParser(
        interpolation=None, delimiters=("=",), default_section="\0", strict=True
    )


def _items(parser: configparser.ConfigParser) -> Iterable[tuple[str, str]]:
    for section in parser.sections():
        yield from parser.items(section)


def _refuse_secrets(items: Iterable[tuple[str, str]], where: Message) -> None:
    """`ConfigurationError` for the first name or value in `items` that looks like a secret."""
    for key, value in items:
        problem = _secret_problem(key, value, where)
        if problem is not None:
            raise problem


def _secret_problem(key: str, value: str, where: Message) -> ConfigurationError | None:
    if any(word in key.casefold() for word in _SECRET_WORDS):
        return ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences",
                "“{key}” looks like a secret, and secrets are kept in the system's keychain "
                "(enter them in Settings), never in {path}.",
            ).format(key=plain(key), path=where)
        )
    if value.startswith(_KEY_PREFIXES):
        return ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences",
                "The value of “{key}” looks like a key, and keys are kept in the system's "
                "keychain (enter them in Settings), never in {path}.",
            ).format(key=plain(key), path=where)
        )
    return None


def _damaged(path: Path, line: int | None) -> ConfigurationError:
    """The file is not INI as this module writes it: which line, never its text (a value)."""
    if line is None:
        return ConfigurationError(
            QT_TRANSLATE_NOOP(
                "preferences",
                "The preferences file {path} is damaged. Correct or delete it, then check "
                "Settings.",
            ).format(path=plain(str(path)))
        )
    return ConfigurationError(
        QT_TRANSLATE_NOOP(
            "preferences",
            "The preferences file {path} is damaged at line {line}. Correct or delete it, then "
            "check Settings.",
        ).format(path=plain(str(path)), line=line)
    )


# --- 0.1.0's settings.ini --------------------------------------------------------------------


def read_settings_0_1_0(path: Path) -> Preferences | None:
    r"""The ``[connection]`` values and ``[ui] language`` of 0.1.0's settings.ini, as its
    QSettings (IniFormat) reads them; None when there is no such file or it cannot be opened
    now (a warning is logged; the next start tries again).

    Qt 6 writes a string as UTF-8 after ``key=``: ``\`` and ``"`` escaped with a backslash,
    control characters as escapes (``\t``, ``\n``, ``\x1``), the whole value in quotes when it
    holds ``;``, ``,`` or ``=`` or begins or ends with a space, a leading ``@`` doubled, and
    ``@String(…)`` around text with a NUL in it (tests/ui/test_preferences_0_1_0.py checks
    this against Qt). Read here: such values without escapes other than ``\\`` and ``\"``,
    quoted or not, ``@@`` included: every URL, number, path (spaces, backslashes, letters of
    any language) and code 0.1.0's Settings stored.

    Skipped, with a warning that names the key but never the value, as what Qt reads cannot be
    told for sure or preferences.ini cannot hold it: a value with any other escape; ``;`` or
    ``,`` outside quotes (Qt reads a comment or a list); a single leading ``@`` (Qt's typed
    values); bytes that are not UTF-8; a value over several lines, or one with whitespace
    other than spaces and tabs at its ends (configparser would take it off); one that begins or
    ends with a space; one that looks like a key; a name in another case or another section
    than 0.1.0 wrote (Qt finds some of those on Windows).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        _log_warning("0.1.0's settings in %s could not be read: %s", path, error.strerror or error)
        return None
    import configparser  # only when there is a file to read
    import contextlib
    import re

    text = data.decode("utf-8-sig", "surrogateescape")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parser = configparser.ConfigParser(
        interpolation=None,
        delimiters=("=",),
        comment_prefixes=(";",),
        default_section="\0",
        strict=False,  # a name given twice: the last one, as QSettings reads it
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # Qt keeps the case
    # Lines without "=" are skipped by QSettings, and configparser reads all the others before
    # it raises. Names before the first section are [General]'s, as QSettings reads them.
    with contextlib.suppress(configparser.ParsingError):
        parser.read_file(["[General]", *lines], source=str(path))
    _warn_of_other_spellings(parser)
    # Each name=value line with spaces and tabs taken off both, as Qt reads it.
    as_qt_reads = {
        (name.strip(" \t"), value.strip(" \t"))
        for name, equals, value in (line.partition("=") for line in lines)
        if equals
    }
    plain_text = re.compile(r'(?:[^\\"]|\\[\\"])*')  # no quote, no escape but \\ and \"
    values: dict[str, str] = {}
    for key in KEYS:
        section = _SECTIONS[key]
        raw = parser.get(section, key, fallback=None)
        if raw is None:
            continue
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            inner = raw[1:-1]
        elif "," in raw or ";" in raw:
            _skipped(section, key, "a comma or semicolon outside quotes")
            continue
        else:
            inner = raw
        value = re.sub(r"\\(.)", r"\1", inner)
        typed = value.startswith("@") and not value.startswith("@@")  # Qt doubles an @
        if value.startswith("@@"):
            value = value[1:]
        if (key, raw) not in as_qt_reads:
            _skipped(section, key, "configparser and Qt would read different text")
        elif not plain_text.fullmatch(inner):
            _skipped(section, key, 'a quote, or an escape other than \\\\ and \\"')
        elif typed:
            _skipped(section, key, "a typed Qt value (a single leading @)")
        elif any("\udc80" <= char <= "\udcff" for char in value):  # undecodable bytes
            _skipped(section, key, "bytes that are not UTF-8")
        elif value != value.strip():
            _skipped(section, key, "spaces at an end, which preferences.ini cannot hold")
        elif value.startswith(_KEY_PREFIXES):
            _skipped(section, key, "it looks like a key, and keys belong in the keychain")
        else:
            values[key] = value
    return Preferences(**values)


def _warn_of_other_spellings(parser: configparser.ConfigParser) -> None:
    """A warning for each name that is one of ours in another case or section: QSettings may
    read it (keys ignore case on Windows; ``[General]`` has ``connection\\api_base``)."""
    as_written = {(section, key) for key, section in _SECTIONS.items()}
    ours = {f"{section}/{key}".casefold() for section, key in as_written}
    for section in parser.sections():
        prefix = "" if section.casefold() == "general" else f"{section}/"
        for name in parser.options(section):
            full = prefix + name.replace("\\", "/")
            if full.casefold() in ours and (section, name) not in as_written:
                _skipped(section, name, "it is not spelled, or placed, as 0.1.0 wrote it")


def _skipped(section: str, key: str, why: str) -> None:
    _log_warning("0.1.0's setting [%s] %s is not moved over (%s)", section, key, why)


def _log_warning(message: str, *args: object) -> None:
    import logging  # here: only the move from 0.1.0 logs

    logging.getLogger(__name__).warning(message, *args)
