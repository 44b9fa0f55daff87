"""`gui.core.transport.exchange` hands the adapter exactly the request, and the settings, that
``session.request(…, allow_redirects=False, stream=True)`` would have: it only skips the parts
of a `requests.Session` the app never uses (cookies, hooks, ~/.netrc). Captured where both meet,
at the adapter, so nothing leaves the machine."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from gui.core.client import _BearerAuth
from gui.core.transport import exchange, new_session

BODY = b"title=Leaking+faucet&status=ON_HOLD&automated=0"
HEADERS = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


class Captured(Exception):
    """Raised instead of sending: the request never leaves the adapter."""


def handed_to_the_adapter(monkeypatch: pytest.MonkeyPatch, call: Any) -> tuple[Any, ...]:
    seen: list[tuple[Any, ...]] = []

    def capture(self: HTTPAdapter, request: requests.PreparedRequest, **settings: Any) -> None:
        seen.append(
            (request.method, request.url, list(request.headers.items()), request.body, settings)
        )
        raise Captured

    monkeypatch.setattr(HTTPAdapter, "send", capture)
    with pytest.raises(Captured):
        call()
    (handed,) = seen
    return handed


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/v1/tickets/tic_1",
        "https://api.example.com/v1/tickets/tic_%C3%A9",
    ],
)
@pytest.mark.parametrize("verify", [True, "/etc/ssl/certs/our-bundle.pem"])
@pytest.mark.parametrize("token", ["tok-abc-123", None])
def test_exchange_hands_the_adapter_what_session_request_would(
    monkeypatch: pytest.MonkeyPatch, url: str, verify: bool | str, token: str | None
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    monkeypatch.setenv("NO_PROXY", "")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):  # whatever the machine has
        monkeypatch.delenv(name, raising=False)
    session = new_session()
    options: dict[str, Any] = {
        "data": BODY,
        "headers": HEADERS,
        "auth": _BearerAuth(token) if token else None,
        "timeout": (3.0, 20.0),
        "verify": verify,
    }
    ours = handed_to_the_adapter(monkeypatch, lambda: exchange(session, "PUT", url, **options))
    theirs = handed_to_the_adapter(
        monkeypatch,
        lambda: session.request("PUT", url, allow_redirects=False, stream=True, **options),
    )
    assert ours == theirs
    method, sent_url, headers, body, settings = ours
    assert (method, sent_url, body) == ("PUT", url, BODY)
    names = [name for name, _value in headers]
    assert names[:4] == ["User-Agent", "Accept-Encoding", "Accept", "Connection"]
    assert ("Authorization" in names) is (token is not None)
    assert settings["stream"] is True and settings["verify"] == verify
