"""The window: the main window and its parts, widgets, dialogs, the one worker idiom."""

import PySide6.QtCore  # noqa: F401 - loads PySide's import machinery, adjusted below

from gui.ui.qt_binding import skip_feature_scan

# Before any module of the window is imported: see gui/ui/qt_binding.py.
skip_feature_scan()
