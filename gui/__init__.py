"""Particle Tickets: update Particle Space maintenance tickets from a desktop window."""

# No imports here: this runs first in every process, the window's before or after PySide's
# import hook, which reads the source of each module imported until gui.ui stops it
# (gui/ui/qt_binding.py).


def __getattr__(name: str) -> str:
    # The version lives in pyproject.toml only; reading it costs ~30 ms of imports, so it is read
    # when first asked for (--version, the User-Agent), not at start-up, and kept from then on.
    if name == "__version__":
        version = globals()["__version__"] = _version()
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("particle-tickets")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"
