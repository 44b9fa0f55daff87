"""Particle Tickets: update Particle Space maintenance tickets from a desktop window."""

from __future__ import annotations

import functools


def __getattr__(name: str) -> str:
    # The version lives in pyproject.toml only; reading it costs ~30 ms of imports, so it is read
    # when first asked for (--version, the User-Agent), not at start-up.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("particle-tickets")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"
