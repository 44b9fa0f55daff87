"""Start-up, app side: the app's own window, built the way `gui.app.main` builds it.

Run by bench/run.py: ``python bench/app_window.py``; prints one PAINTED line (see
first_paint.py), then a HEAVY line naming the sending modules (requests, email_validator,
phonenumbers) that were already imported when the window had been built (there should be none),
and exits. No --demo: nothing starts a server and nothing connects anywhere.
"""

from __future__ import annotations

import time

STAMPS = {"script": time.perf_counter()}

ARGV = ["--api-base", "https://api.particlespace.com/api/v1", "--token", "bench-token"]
HEAVY = ("requests", "urllib3", "email_validator", "phonenumbers")


def main() -> int:
    import sys

    from gui import collector

    collector.hold_off()  # as gui/__main__.py does before it loads the window
    import first_paint
    from PySide6.QtWidgets import QApplication

    STAMPS["qt"] = time.perf_counter()
    from gui.app import create_window

    STAMPS["imported"] = time.perf_counter()
    app = QApplication(sys.argv[:1])
    STAMPS["app"] = time.perf_counter()
    window = create_window(ARGV)
    STAMPS["built"] = time.perf_counter()
    heavy = [name for name in HEAVY if name in sys.modules]
    # Closing the window (after the report) waits for the warm-up thread, as in the real app.
    code = first_paint.show_and_report(app, window, STAMPS)
    import gc

    gc.freeze()  # as gui.app.main does once its event loop returns
    sys.stdout.write(f"HEAVY {','.join(heavy) or '-'}\n")
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
