"""Where the app sends updates and as whom: options, then environment, then stored settings.

Credentials come from the options, the environment or the OS keychain (never from settings).
Checking happens here, without any connection or DNS lookup: an API base must be https, or plain
http to a loopback address (the sandbox and tests); a token or key must be one printable word.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.credentials import Credentials, check_credentials
from gui.core.errors import ConfigurationError, InvalidCredentials
from gui.core.messages import QT_TRANSLATE_NOOP

ENV_API_BASE = "PARTICLESPACE_API_BASE"
# The names of environment variables, not secrets (bandit B105 reads "TOKEN" as a password).
ENV_TOKEN = "PARTICLESPACE_TOKEN"  # nosec B105
ENV_SECRET_KEY = "PARTICLESPACE_SECRET_KEY"  # nosec B105
ENV_PUBLISH_KEY = "PARTICLESPACE_PUBLISH_KEY"
ENV_CONNECT_TIMEOUT = "PARTICLESPACE_CONNECT_TIMEOUT"
ENV_READ_TIMEOUT = "PARTICLESPACE_READ_TIMEOUT"
#: The longest the window or a command waits for the answer to one update, in seconds, however
#: the socket behaves (a server that drips a byte a second never trips the read timeout).
ENV_DEADLINE = "PARTICLESPACE_DEADLINE"

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
DEADLINE = 60.0
NO_CREDENTIALS = Credentials()

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


class Options(NamedTuple):
    """The window's options as typed (gui/cli/arguments.py parses them)."""

    api_base: str | None = None
    token: str | None = None
    secret_key: str | None = None
    publish_key: str | None = None
    ticket: str | None = None
    demo: bool = False
    self_test: bool = False


class Connection(NamedTuple):
    """Where to send, as whom and how; `problem` says why sending is impossible, if it is (a
    `Message` the UI translates)."""

    api_base: str
    credentials: Credentials
    problem: str | None = None
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    # A PEM file of the CAs to trust INSTEAD of the built-in ones (networks that inspect TLS).
    ca_bundle: str | None = None
    #: The most one update waits for its answer, in seconds (`ENV_DEADLINE`).
    deadline: float = DEADLINE
    #: The built-in sandbox (--demo): its address changes with every start, so what it queues
    #: is bound to the sandbox itself (`gui.core.destination.SANDBOX`), never to an address.
    sandbox: bool = False

    @property
    def usable(self) -> bool:
        return self.problem is None


def resolve_connection(
    options: Options,
    environ: Mapping[str, str],
    stored: Mapping[str, str],
    keychain: Credentials = NO_CREDENTIALS,
) -> Connection:
    """Options win over the environment, the environment over stored settings and keychain."""
    api_base = _first(options.api_base, environ.get(ENV_API_BASE), stored.get("api_base"))
    credentials = next(
        (
            found
            for found in (
                Credentials(
                    options.token or "", options.secret_key or "", options.publish_key or ""
                ),
                Credentials(
                    environ.get(ENV_TOKEN, ""),
                    environ.get(ENV_SECRET_KEY, ""),
                    environ.get(ENV_PUBLISH_KEY, ""),
                ),
                keychain,
            )
            if not found.empty
        ),
        NO_CREDENTIALS,
    )
    connection = Connection(
        api_base or DEFAULT_API_BASE,
        credentials,
        ca_bundle=stored.get("ca_bundle") or None,
    )
    try:
        connection = connection._replace(
            api_base=check_api_base(connection.api_base),
            connect_timeout=_timeout(
                environ.get(ENV_CONNECT_TIMEOUT), stored.get("connect_timeout"), CONNECT_TIMEOUT
            ),
            read_timeout=_timeout(
                environ.get(ENV_READ_TIMEOUT), stored.get("read_timeout"), READ_TIMEOUT
            ),
            deadline=deadline_seconds(environ),
        )
        if credentials.empty:
            raise ConfigurationError(
                QT_TRANSLATE_NOOP(
                    "config",
                    "Not signed in: open Settings and enter your keys (or a token).",
                )
            )
        connection = connection._replace(credentials=check_credentials(credentials))
    except (ConfigurationError, InvalidCredentials) as error:
        return connection._replace(problem=error.message)
    return connection


def deadline_seconds(environ: Mapping[str, str]) -> float:
    """The deadline `ENV_DEADLINE` sets (`DEADLINE` if not); `ConfigurationError` if it is not
    a number of seconds from 0.1 to 600."""
    return _timeout(environ.get(ENV_DEADLINE), DEADLINE)


def _timeout(*values: str | float | None) -> float:
    """The first timeout given, in seconds; `ConfigurationError` if it is not a sane number."""
    value = next(value for value in values if value not in (None, ""))
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP("config", "“{value}” is not a number of seconds.").format(
                value=str(value)
            )
        ) from None
    if not 0.1 <= seconds <= 600:
        raise ConfigurationError(
            QT_TRANSLATE_NOOP("config", "A timeout of {value} s is outside 0.1 to 600 s.").format(
                value=str(value)
            )
        )
    return seconds


def check_api_base(url: str) -> str:
    """The API base without a trailing slash; `ConfigurationError` if it is not safe to use."""
    url = url.strip()
    if _UNPRINTABLE.search(url):
        raise ConfigurationError(
            QT_TRANSLATE_NOOP("config", "The API address contains control characters.")
        )
    unusable = ConfigurationError(
        QT_TRANSLATE_NOOP(
            "config", "“{url}” is not a usable API address; it should look like {example}."
        ).format(url=url, example=DEFAULT_API_BASE)
    )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # "http://[::1", "https://host:x", NFKC tricks in the host
        raise unusable from None
    # urlsplit and urllib3 disagree on "\": "http://evil.com\@127.0.0.1" goes to evil.com.
    if "\\" in url or parts.scheme not in ("https", "http") or not parts.hostname:
        raise unusable
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise unusable  # /ticket/{id} would end up inside the query
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigurationError(
            QT_TRANSLATE_NOOP(
                "config",
                "Refusing plain http to {host}: the token would travel unencrypted. Plain http "
                "is allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost; use an "
                "https:// address.",
            ).format(host=parts.hostname)
        )
    return url.rstrip("/")


def is_loopback(host: str) -> bool:
    """Whether `host` names this computer, from the text alone (no DNS lookup): an address in
    127.0.0.0/8, ::1, or the name ``localhost`` itself in any case. Not ``localhost.`` (with the
    trailing dot a resolver may ask DNS) and not ``*.localhost`` (names, not addresses). Plain
    http connections check the address they actually reached as well (gui/core/transport.py).
    """
    host = host.lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
