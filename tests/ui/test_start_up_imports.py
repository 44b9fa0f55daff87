"""What the window loads before its first paint: nothing that only sending, validating, an SMS
count or the contact book's expansion needs. Those load on the warm-up's thread after the first
paint (gui.core.sender._HEAVY_MODULES). Checked in a fresh interpreter, with the window built
as gui.app builds it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

#: Loaded after the first paint, never before it.
AFTER_FIRST_PAINT = (
    "requests",
    "urllib3",
    "email_validator",
    "phonenumbers",
    "socket",
    "gui.core.ticket",
    "gui.core.sms",
    "gui.core.validation",
    "gui.core.client",
    "gui.core.address_book",  # the contact book is read after the first paint
    "dataclasses",
)


def offscreen_python(code: str) -> str:
    """What `code` (indented as in a test) prints in a fresh interpreter with the offscreen
    platform and the test's environment (its private folders); it must exit with 0."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_window_is_built_without_what_the_warm_up_loads() -> None:
    code = f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from gui.app import create_window
        app = QApplication(sys.argv[:1])
        window = create_window(["--api-base", "https://api.example.com/api/v1", "--token", "t"])
        window.show()  # the first paint comes with the event loop: nothing has loaded them yet
        print(",".join(name for name in {AFTER_FIRST_PAINT!r} if name in sys.modules))
        window.shutdown()
        """
    printed = offscreen_python(code)
    assert printed.strip().splitlines()[-1:] in ([""], []), printed
