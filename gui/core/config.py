"""Where the app sends updates and with which token: options, then environment, then settings.

Checking happens here, without any connection or DNS lookup: an API base must be https, or plain
http to a loopback address (the sandbox and tests); a token must be one printable line.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

import gui
from gui.core.api_contract import DEFAULT_API_BASE
from gui.core.errors import ConfigurationError

ENV_API_BASE = "PARTICLESPACE_API_BASE"
ENV_TOKEN = "PARTICLESPACE_TOKEN"

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


class Options(NamedTuple):
    """The command line, as typed."""

    api_base: str | None = None
    token: str | None = None
    ticket: str | None = None
    demo: bool = False


class Connection(NamedTuple):
    """Where to send and with what; `problem` says why sending is impossible, if it is."""

    api_base: str
    token: str
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def parse_options(argv: Sequence[str]) -> Options:
    """Parse the command line (without the program name); exits on --help and --version."""
    parser = argparse.ArgumentParser(
        prog="particle-tickets",
        description="Update Particle Space maintenance tickets.",
        epilog=f"Environment: {ENV_API_BASE}, {ENV_TOKEN}. Options win over the environment.",
    )
    parser.add_argument(
        "--api-base", metavar="URL", help=f"API address (default {DEFAULT_API_BASE})"
    )
    parser.add_argument("--token", metavar="TOKEN", help="Bearer token for the API")
    parser.add_argument("--ticket", metavar="ID", help="ticket id to fill in")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the built-in sandbox; nothing reaches Particle Space",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    namespace = parser.parse_args(list(argv))
    return Options(
        api_base=namespace.api_base,
        token=namespace.token,
        ticket=namespace.ticket,
        demo=namespace.demo,
    )


class _VersionAction(argparse.Action):
    """Like argparse's "version", but reads the version only when asked (it costs imports)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"particle-tickets {gui.__version__}")  # stdout, as argparse's own --version
        parser.exit()


def resolve_connection(
    options: Options, environ: Mapping[str, str], stored: Mapping[str, str]
) -> Connection:
    """Options win over the environment, the environment over stored settings."""
    api_base = _first(options.api_base, environ.get(ENV_API_BASE), stored.get("api_base"))
    token = _first(options.token, environ.get(ENV_TOKEN), None)
    api_base = api_base or DEFAULT_API_BASE
    try:
        api_base = check_api_base(api_base)
        if not token:
            raise ConfigurationError(
                f"Not signed in: give a token with --token or {ENV_TOKEN}, "
                "or try the app with --demo."
            )
        check_token(token)
    except ConfigurationError as error:
        return Connection(api_base, token or "", problem=error.message)
    return Connection(api_base, token)


def check_api_base(url: str) -> str:
    """The API base without a trailing slash; `ConfigurationError` if it is not safe to use."""
    url = url.strip()
    if _UNPRINTABLE.search(url):
        raise ConfigurationError("The API address contains control characters.")
    unusable = ConfigurationError(
        f"“{url}” is not a usable API address; it should look like {DEFAULT_API_BASE}."
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
            f"Refusing plain http to {parts.hostname}: the token would travel unencrypted. "
            "Use an https:// address."
        )
    return url.rstrip("/")


def check_token(token: str) -> str:
    """The token, if it can go into an HTTP header; else `ConfigurationError`."""
    if _UNPRINTABLE.search(token) or token != token.strip():
        raise ConfigurationError(
            "The token contains spaces, line breaks or control characters; copy it again."
        )
    return token


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine, decided from the text alone (no DNS lookup)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
