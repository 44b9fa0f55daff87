"""`particle-tickets` and `python -m gui`: the command line for `update`, `new` and `outbox`,
the window for anything else.

The command line must not load Qt at all (it starts in a fraction of the window's time), so
this module imports neither: it looks at the first argument and only then imports `gui.cli` or
`gui.app`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line or the window; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    from gui.cli import COMMANDS

    if args and args[0] in COMMANDS:
        from gui.cli.main import main as run_command

        return run_command(args)
    from gui.app import main as run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
