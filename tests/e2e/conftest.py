"""End-to-end tests use the same window fixtures as the window tests."""

from tests.ui.conftest import _qt_pools_idle, make_window, sandbox

__all__ = ["_qt_pools_idle", "make_window", "sandbox"]
