"""A Particle Space look-alike HTTP server for the demo mode and the tests."""

from __future__ import annotations

from gui.sandbox.server import Behaviour, RecordedRequest, SandboxServer

__all__ = ["Behaviour", "RecordedRequest", "SandboxServer"]
