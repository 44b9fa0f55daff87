"""The HTTP session the client uses: keep-alive, our User-Agent, sockets `Abort` can end, and
the two rules about where a request may go.

* **Proxies** (`_SafeAdapter.send`): a loopback target never goes through a proxy, a plain-http
  target never goes through one at all, and an https target goes through one only as a CONNECT
  tunnel, so the proxy sees the host name and encrypted bytes, never the token or the body.
* **Plain http reaches this computer only** (`_LoopbackOnlyConnection.connect`): the address a
  plain-http connection actually reached must be a loopback address, checked before a byte is
  written; otherwise the socket is closed and `PeerNotLoopback` raised.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
from collections.abc import Callable, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.sessions import merge_setting
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

import gui
from gui.core.abort import register_socket
from gui.core.config import is_loopback
from gui.core.errors import ConfigurationError
from gui.core.messages import QT_TRANSLATE_NOOP, join

if TYPE_CHECKING:
    from requests.sessions import _Settings


class PeerNotLoopback(ConfigurationError):
    """A plain-http connection to `host` reached `peer`, which is not this computer; nothing
    was written to it and it is closed. `peer` is the address as text ("" if not an IP). A
    `ConfigurationError`: the address is to be fixed, and the outbox holds the update for a
    decision (`gui.core.retry.decide`)."""

    def __init__(self, host: str, peer: str) -> None:
        if peer:
            led = QT_TRANSLATE_NOOP(
                "transport",
                "Refusing plain http to {host}: it led to {address}, not this computer.",
            ).format(host=host, address=peer)
        else:
            led = QT_TRANSLATE_NOOP(
                "transport", "Refusing plain http to {host}: it did not lead to this computer."
            ).format(host=host)
        rule = QT_TRANSLATE_NOOP(
            "transport",
            "Plain http is allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost; use "
            "https://.",
        )
        super().__init__(join([led, rule]))
        self.host = host
        self.peer = peer


def is_loopback_peer(peer: object) -> bool:
    """Whether `peer` (what ``socket.getpeername()`` gave) is a loopback IP address."""
    if not isinstance(peer, tuple) or not peer or not isinstance(peer[0], str):
        return False  # an AF_UNIX peer or anything else that is not an IP socket
    try:
        address = ipaddress.ip_address(peer[0].split("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1
    return address.is_loopback


class _LoopbackOnlyConnection(HTTPConnection):
    """A plain-http connection that refuses to talk to anything but this computer."""

    def connect(self) -> None:
        super().connect()
        sock = self.sock
        try:
            peer = sock.getpeername()
        except OSError:
            peer = None
        if not is_loopback_peer(peer):
            self.sock = None
            with contextlib.suppress(OSError):
                sock.close()
            address = peer[0] if isinstance(peer, tuple) and peer else ""
            raise PeerNotLoopback(self.host, str(address))
        register_socket(sock)

    def getresponse(self) -> Any:  # a pooled connection is reused without connect()
        register_socket(self.sock)
        return super().getresponse()


class _AbortableHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        register_socket(self.sock)

    def getresponse(self) -> Any:
        register_socket(self.sock)
        return super().getresponse()


class _LoopbackOnlyPool(HTTPConnectionPool):
    ConnectionCls = _LoopbackOnlyConnection


class _AbortableHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _AbortableHTTPSConnection


_POOLS = {"http": _LoopbackOnlyPool, "https": _AbortableHTTPSPool}


def allowed_proxies(url: str, proxies: Mapping[str, str] | None) -> dict[str, str]:
    """The proxies a request to `url` may use: none for plain http (which only ever goes to
    this computer) and none for a loopback host; for https the ones requests found (the
    environment's HTTPS_PROXY / ALL_PROXY, minus NO_PROXY), which it only tunnels through."""
    if not may_use_proxy(url):
        return {}
    return dict(proxies or {})


def may_use_proxy(url: str) -> bool:
    """Whether a request to `url` may go through a proxy at all: only https to a host that is
    not this computer."""
    parts = urlsplit(url)
    return parts.scheme == "https" and not is_loopback(parts.hostname or "")


#: requests' own merge of a request's setting with the session's (untyped in its stubs).
_merge: Callable[[Any, Any], Any] = merge_setting


class _Session(requests.Session):
    def merge_environment_settings(
        self,
        url: str | bytes | None,
        proxies: MutableMapping[str, str] | None,
        stream: bool | None,
        verify: Any,
        cert: Any,
    ) -> _Settings:
        """As requests does, except that a request no proxy may carry (`may_use_proxy`) skips
        the search of the environment for one: requests reads every variable twice per request
        (80 µs with 40 of them, as long as the sandbox takes to answer), and `allowed_proxies`
        would drop what it found. REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE still apply."""
        text = url.decode("utf-8", "replace") if isinstance(url, bytes) else url or ""
        if may_use_proxy(text):
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        if self.trust_env and verify in (True, None):
            environ = os.environ
            verify = environ.get("REQUESTS_CA_BUNDLE") or environ.get("CURL_CA_BUNDLE") or verify
        return {
            "proxies": _merge(proxies, self.proxies),
            "stream": _merge(stream, self.stream),
            "verify": _merge(verify, self.verify),
            "cert": _merge(cert, self.cert),
        }


class _SafeAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # An https request through a proxy is always a CONNECT tunnel (urllib3's default,
        # said here so that it stays so): never forwarded, so the token is never in clear.
        proxy_kwargs["use_forwarding_for_https"] = False
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(_POOLS)
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """Send `request` through a proxy only as `allowed_proxies` says: the one place the
        proxy rule is applied, whatever the environment (HTTP_PROXY, ALL_PROXY, any case)."""
        return super().send(
            request,
            stream=stream,
            timeout=timeout,
            verify=verify,
            cert=cert,
            proxies=allowed_proxies(request.url or "", proxies),
        )


def exchange(
    session: requests.Session,
    method: str,
    url: str,
    *,
    data: bytes | None,
    headers: Mapping[str, str],
    auth: requests.auth.AuthBase | None,
    timeout: tuple[float, float],
    verify: bool | str,
) -> requests.Response:
    """``session.request(method, url, …, allow_redirects=False, stream=True)`` without the
    parts of a `requests.Session` this app never uses, which cost as much as the sandbox takes
    to answer (0.15 ms a request): no cookies are kept or sent (the API uses none), no hooks,
    no ~/.netrc, no redirect is followed. The same bytes go over the wire: the session's
    headers, then `headers`, then what `auth` adds. The adapter's rules (`_SafeAdapter`) and
    the environment's CA bundle and https proxy (`_Session.merge_environment_settings`) apply
    as before. The caller reads the streamed body and closes the response."""
    # `PreparedRequest.prepare` less its cookie jar (cookielib's, 20 µs) and hooks.
    prepared = requests.PreparedRequest()
    prepared.prepare_method(method)
    prepared.prepare_url(url, None)
    prepared.prepare_headers({**session.headers, **headers})
    prepared.prepare_body(data, None)
    prepared.prepare_auth(auth, url)
    settings = session.merge_environment_settings(url, {}, True, verify, None)
    chosen = settings["verify"]  # never None here: `verify` is a bool or a path
    return session.get_adapter(url).send(
        prepared,
        stream=True,
        timeout=timeout,
        verify=verify if chosen is None else chosen,
        cert=settings["cert"],
        proxies=settings["proxies"],
    )


def new_session() -> requests.Session:
    """One session for the app's lifetime: keep-alive, abortable sockets, our User-Agent.

    `trust_env` stays on (REQUESTS_CA_BUNDLE, HTTPS_PROXY and NO_PROXY are documented
    settings); ~/.netrc never applies, since the client always passes its own `auth`.
    """
    session = _Session()
    adapter = _SafeAdapter()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = f"particle-tickets/{gui.__version__}"
    return session
