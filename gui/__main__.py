"""`python -m gui` opens the window, like the `particle-tickets` command."""

import sys

from gui.app import main

sys.exit(main())
