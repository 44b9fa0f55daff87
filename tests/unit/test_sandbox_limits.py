"""The sandbox refuses a request body over `MAX_BODY` before reading it, and hangs up; an
answered request keeps its connection for the next one."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import pytest

from gui.sandbox import SandboxServer
from gui.sandbox.replies import MAX_BODY


def _exchange(sandbox: SandboxServer, head: bytes, body: bytes = b"") -> bytes:
    """Send `head` (and `body`) on a raw connection; everything the sandbox says until it
    hangs up."""
    port = urlsplit(sandbox.url).port
    assert port is not None
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(head + body)
        answer = b""
        while chunk := conn.recv(65536):  # ends when the sandbox closes the connection
            answer += chunk
    return answer


def _head(length: str) -> bytes:
    return (
        "PUT /api/v1/ticket/tic_1001 HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n"
        f"Authorization: Bearer {SandboxServer.TOKEN}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "Connection: close\r\n"  # or the sandbox keeps it open for the next request
        f"Content-Length: {length}\r\n\r\n"
    ).encode("latin-1")


def test_the_limit_is_two_mib() -> None:
    assert MAX_BODY == 2 * 1024 * 1024


@pytest.mark.parametrize("length", [str(MAX_BODY + 1), str(10**12), "9" * 5000])
def test_a_body_over_the_limit_is_refused_unread_and_the_connection_closed(length: str) -> None:
    with SandboxServer() as sandbox:
        # Only the head is sent: the sandbox answers without waiting for the body.
        answer = _exchange(sandbox, _head(length))
        assert sandbox.requests == []  # refused before it was read, so not recorded
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413 ")
    assert b"connection: close" in head.lower()
    assert b"application/json" in head
    assert json.loads(body) == {"error": "The request body is over 2 MiB."}


def test_a_body_at_the_limit_is_still_read() -> None:
    body = b"title=" + b"x" * (MAX_BODY - len(b"title="))
    with SandboxServer() as sandbox:
        answer = _exchange(sandbox, _head(str(len(body))), body)
        (request,) = sandbox.requests
    assert len(request.body) == MAX_BODY
    assert not answer.startswith(b"HTTP/1.1 413 ")


def test_an_answered_request_keeps_its_connection_for_the_next_one() -> None:
    body = b"title=Leak&description=Sink&status=NEW&notify=0&automated=0"
    head = _head(str(len(body))).replace(b"Connection: close\r\n", b"")
    with SandboxServer() as sandbox:
        address = ("127.0.0.1", urlsplit(sandbox.url).port or 0)
        with socket.create_connection(address, timeout=5) as conn:
            answers = []
            for _ in range(2):  # the second request goes over the same connection
                conn.sendall(head + body)
                answer = b""
                while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
                    chunk = conn.recv(65536)
                    assert chunk, "the sandbox hung up after an answered request"
                    answer += chunk
                answers.append(answer)
        assert len(sandbox.requests) == 2
    for answer in answers:
        assert answer.startswith(b"HTTP/1.1 200 ")
        assert b"connection: close" not in answer.lower()
