"""`RecordedRequest`: one request exactly as the sandbox received it, for tests to look at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordedRequest:
    """One request exactly as the sandbox received it."""

    method: str
    path: str  # the raw request target, percent-encoding and query included
    headers: dict[str, str]  # header names spelled as the client sent them
    body: str
    form: list[tuple[str, str]]  # the body parsed as a form, blank values kept

    def header(self, name: str) -> str | None:
        """Return the value of header ``name`` (case-insensitive), or None if it was not sent."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), None)
