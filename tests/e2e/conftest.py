"""End-to-end tests use the same window fixtures as the window tests, and the command line's:
`cli` runs the real program in a process of its own, `server` is a sandbox on loopback standing
in for Particle Space (a test module with other tickets in mind defines its own)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.sandbox import SandboxServer
from tests.e2e.test_cli import Cli
from tests.ui.conftest import _qt_pools_idle, make_window, sandbox

__all__ = ["_qt_pools_idle", "cli", "make_window", "sandbox", "server"]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as sandbox:
        yield sandbox
