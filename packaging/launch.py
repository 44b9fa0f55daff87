"""The script PyInstaller freezes: `particle-tickets` in the bundle is `gui.__main__.main`, which
runs the command line for `update`, `new` and `outbox` and opens the window otherwise."""

from gui.__main__ import main

raise SystemExit(main())
