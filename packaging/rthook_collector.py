"""PyInstaller run-time hook of the app's bundle: runs before every other run-time hook and the
script, and holds Python's garbage collector off from there, as gui/__main__.py does from its
first line in a source install (see gui/collector.py: until the window's first paint; a command
or the self-test lets it run at once)."""

from gui import collector

collector.hold_off()
