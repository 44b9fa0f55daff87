"""The script PyInstaller freezes: `particle-tickets` in the bundle is `gui.app.main`."""

from gui.app import main

raise SystemExit(main())
