"""The Qt-free core: ticket model, validation, wire encoding, HTTP client, configuration.

Nothing under `gui.core` imports Qt (an import-linter contract checks it), so all of it is usable
from scripts and tested without a QApplication.
"""
