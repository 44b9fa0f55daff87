"""Which of Qt goes into the bundle: the plugins the app uses, and what they link to.

PyInstaller's PySide6 hooks collect every plugin QtGui might load (EGLFS, VNC, evdev, TLS, the
GTK 3 theme, GIF/JPEG/TIFF/WebP readers, …) and, by binary dependency analysis, every library
these link to (GTK 3 and its 40 friends, EGL device integrations, QtNetwork …). Excluding Python
modules does not remove them: the plugins pull the libraries back in. So `trim()` works on the
Analysis' own lists, after the analysis:

1. it drops the plugins that KEPT_PLUGINS does not name, the files in DROPPED_FILES and Qt's
   translations folder (the spec puts the one Qt catalogue per language the app speaks,
   qtbase_<lang>.qm, next to the app's own in gui/resources/i18n, where the app loads it);
2. it drops every shared library that only the dropped plugins need. "Need" is the same import
   analysis PyInstaller runs (`bindepend.get_imports`), matched by file name, so a library that
   anything kept links to, directly or not, stays;
3. it drops the links and macOS framework files that pointed at what was dropped.

The spec passes the Analysis' binaries and datas through `trim()`, prints what it dropped and
lists the sources of the dropped files in LEFT_OUT in its work folder: build.py reads it to tell
a "Library not found" that matters (the bundle would lack a library) from one that does not (only
a dropped plugin needed it, such as GTK 3 for the qgtk3 theme on a machine without GTK).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from PyInstaller.depend import bindepend

#: Plugins to keep, by plugin type (the folder under plugins/): patterns for the file name
#: without "lib" and extension. Types not listed are left out entirely.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    # X11, Wayland, offscreen (the self-test, CI, screenshots), Windows, macOS.
    "platforms": ("qxcb", "qwayland*", "qoffscreen", "qwindows", "qcocoa"),
    # Native file and colour dialogs through the desktop portal (D-Bus only). Not "qgtk3": it
    # links GTK 3 and pulls in ~25 MB of GTK, cairo, pango and friends from the build machine.
    "platformthemes": ("qxdgdesktopportal",),
    # Dead keys and compose sequences; input methods (Chinese, Japanese, …) through IBus.
    "platforminputcontexts": (
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    ),
    # The window icon is an SVG (QIcon renders it at every size); ICO for Windows. PNG is built in.
    "imageformats": ("qsvg", "qico"),
    "iconengines": ("qsvgicon",),
    # The xcb platform loads one of these at start-up to offer OpenGL.
    "xcbglintegrations": ("*",),
    # A Wayland window needs xdg-shell, title bars where the compositor draws none (GNOME), and
    # the EGL client integration Qt picks for OpenGL surfaces.
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("*",),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    # The native look on Windows 11 (qmodernwindowsstyle) and macOS (qmacstyle).
    "styles": ("*",),
}

#: Files never needed: Qt's software OpenGL renderer for Windows (20 MB; the app draws with
#: QPainter, not OpenGL).
DROPPED_FILES = ("opengl32sw.dll",)

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<type>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")
_FRAMEWORK = re.compile(r"^(?P<folder>.*?\.framework)/")

#: The file, in the spec's work folder, listing the source of every file left out, one a line.
LEFT_OUT = "left-out.txt"

#: A PyInstaller TOC entry: (destination in the bundle, source, type code).
Entry = tuple[str, str, str]


class Trimmed(NamedTuple):
    binaries: list[Entry]
    datas: list[Entry]
    dropped: list[Entry]  # binaries and datas left out, symbolic links not counted


def trim(binaries: Iterable[Entry], datas: Iterable[Entry]) -> Trimmed:
    """The Analysis' binaries and datas without what the app does not use (see the docstring)."""
    binaries, datas = list(binaries), list(datas)
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name: dict[str, list[int]] = {}
    for index, (dest, _src, _typecode) in enumerate(files):
        by_name.setdefault(_name(dest), []).append(index)

    def links(index: int) -> set[int]:
        names = {_name(name) for name, _path in bindepend.get_imports(files[index][1])}
        return {other for name in names for other in by_name.get(name, ())}

    unwanted = {index for index, entry in enumerate(files) if not _wanted(entry[0])}
    needed_by_unwanted = _closure(unwanted, links)
    needed_by_kept = _closure(set(range(len(files))) - needed_by_unwanted, links)
    dropped_files = {files[index] for index in needed_by_unwanted - needed_by_kept}

    gone = {_normal(entry[0]) for entry in dropped_files}
    frameworks = {match["folder"] + "/" for dest in gone if (match := _FRAMEWORK.match(dest))}

    def kept(entry: Entry) -> bool:
        dest = _normal(entry[0])
        if entry in dropped_files or _TRANSLATION.search(dest):
            return False
        if entry[2] == "SYMLINK" and _normal(entry[1]) in gone:
            return False
        return not any(dest.startswith(folder) for folder in frameworks)

    dropped = [entry for entry in binaries + datas if not kept(entry) and entry[2] != "SYMLINK"]
    return Trimmed(
        [entry for entry in binaries if kept(entry)],
        [entry for entry in datas if kept(entry)],
        dropped,
    )


def _wanted(dest: str) -> bool:
    """Whether a binary is wanted for its own sake (libraries are judged by who needs them)."""
    dest = _normal(dest)
    if dest.rsplit("/", 1)[-1].lower() in DROPPED_FILES:
        return False
    plugin = _PLUGIN.search(dest)
    if plugin is None:
        return True
    stem = plugin["file"].split(".")[0].removeprefix("lib")
    patterns = KEPT_PLUGINS.get(plugin["type"], ())
    return any(fnmatch.fnmatchcase(stem, pattern) for pattern in patterns)


def _closure(start: set[int], links: Callable[[int], set[int]]) -> set[int]:
    """`start` and everything it links to, transitively."""
    seen = set(start)
    todo = list(start)
    while todo:
        for other in links(todo.pop()) - seen:
            seen.add(other)
            todo.append(other)
    return seen


def _normal(path: str) -> str:
    return path.replace(os.sep, "/")


def _name(path: str) -> str:
    """How an import refers to a file: its base name (case-insensitively on Windows)."""
    return os.path.normcase(_normal(path).rsplit("/", 1)[-1])
