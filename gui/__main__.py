"""`particle-tickets` and `python -m gui`: one parser (gui/cli/arguments.py), then the command
line for `update`, `new` and `outbox`, the self-test for --self-test, the window otherwise.

A command must not load Qt at all (it starts in a fraction of the window's time), so this
module imports neither: it parses first, and only then imports what was asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line, the self-test or the window; returns the exit status."""
    from gui import collector

    collector.hold_off()  # until the window's first paint: nearly all start-up makes, it keeps
    from gui.cli.arguments import parse

    try:
        args = parse(list(sys.argv[1:] if argv is None else argv))
    except SystemExit:  # --help, --version, a mistake: exits here, and no window
        collector.let_run()
        raise
    if args.command is not None or args.self_test:
        collector.let_run()  # no window to wait for
    if args.command is not None:
        from gui.cli.main import run

        return run(args)
    if args.self_test:
        from gui.self_test import run_self_test

        return run_self_test()
    from gui.app import main as run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
