"""The sandbox's answers: `Reply`, the canned ones, and what each misbehaving `Behaviour` sends."""

from __future__ import annotations

import json
from dataclasses import dataclass

from gui.sandbox.behaviour import Behaviour

JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Reply:
    """A complete HTTP answer, ready to be written."""

    status: int
    body: bytes
    content_type: str = JSON
    headers: Headers = ()


def json_reply(status: int, payload: object, *, headers: Headers = ()) -> Reply:
    return Reply(status, json.dumps(payload).encode("utf-8"), JSON, headers)


NOT_FOUND = json_reply(404, {"message": "Not found."})
METHOD_NOT_ALLOWED = json_reply(405, {"message": "Method not allowed."})
UNAUTHENTICATED = json_reply(401, {"error": "Unauthenticated."})
NOT_A_FORM = json_reply(415, {"error": "Send the fields as application/x-www-form-urlencoded."})
UNKNOWN_TICKET = json_reply(404, {"error": "Ticket not found."})
INVALID_KEYS = json_reply(401, {"error": "Invalid API keys."})
#: The largest request body the sandbox reads; a longer one is refused unread (`TOO_LARGE`).
MAX_BODY = 2 * 1024 * 1024
TOO_LARGE = json_reply(413, {"error": f"The request body is over {MAX_BODY // (1024 * 1024)} MiB."})

PROXY_PAGE = (
    "<html><body><h1>502 Bad Gateway</h1>"
    "<p>The proxy received an invalid response from the upstream server.</p></body></html>"
)
# What every request gets, whatever it asks, while the sandbox has one of these behaviours.
FAULT_REPLIES: dict[Behaviour, Reply] = {
    Behaviour.SERVER_ERROR: json_reply(500, {"message": "Internal server error (sandbox)."}),
    Behaviour.BUSY: json_reply(
        429, {"message": "Too many requests."}, headers=(("Retry-After", "7"),)
    ),
    Behaviour.UNAVAILABLE: json_reply(
        503, {"message": "Service unavailable."}, headers=(("Retry-After", "30"),)
    ),
    Behaviour.PROXY_HTML: Reply(502, PROXY_PAGE.encode("utf-8"), HTML),
}
