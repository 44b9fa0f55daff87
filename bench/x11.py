"""A private Xvfb and a watcher of its root window's MapNotify events, for bench/xmap.py.

libX11 through ctypes: python-xlib is not a dependency, and libX11 is on any machine that runs
PySide6 on X11 (Qt's xcb plugin links libX11-xcb). Only this process's own connection is used.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import selectors
import subprocess
import time
from types import TracebackType

MAP_NOTIFY = 19  # X.h
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
XA_CARDINAL = 6
START_TIMEOUT = 10.0  # seconds Xvfb may take to say its display number


class XFailed(Exception):
    """Xvfb did not start, or its display could not be opened."""


class XMapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class XEvent(ctypes.Union):
    _fields_ = (
        ("type", ctypes.c_int),
        ("xmap", XMapEvent),
        ("pad", ctypes.c_long * 24),
    )


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


@_ERROR_HANDLER
def _ignore_errors(_display: int, _error: int) -> int:
    # A window can be gone by the time its _NET_WM_PID is read: libX11's default handler would
    # end this process for that BadWindow.
    return 0


def _libx11() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    c_ulong_p = ctypes.POINTER(ctypes.c_ulong)
    signatures = {
        "XOpenDisplay": (ctypes.c_void_p, [ctypes.c_char_p]),
        "XCloseDisplay": (ctypes.c_int, [ctypes.c_void_p]),
        "XDefaultRootWindow": (ctypes.c_ulong, [ctypes.c_void_p]),
        "XSelectInput": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]),
        "XConnectionNumber": (ctypes.c_int, [ctypes.c_void_p]),
        "XPending": (ctypes.c_int, [ctypes.c_void_p]),
        "XNextEvent": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(XEvent)]),
        "XSync": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int]),
        "XInternAtom": (ctypes.c_ulong, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]),
        "XFree": (ctypes.c_int, [ctypes.c_void_p]),
        "XSetErrorHandler": (ctypes.c_void_p, [_ERROR_HANDLER]),
        "XGetWindowProperty": (
            ctypes.c_int,
            [
                ctypes.c_void_p,  # display
                ctypes.c_ulong,  # window
                ctypes.c_ulong,  # property
                ctypes.c_long,  # long_offset
                ctypes.c_long,  # long_length
                ctypes.c_int,  # delete
                ctypes.c_ulong,  # req_type
                c_ulong_p,  # actual_type_return
                ctypes.POINTER(ctypes.c_int),  # actual_format_return
                c_ulong_p,  # nitems_return
                c_ulong_p,  # bytes_after_return
                ctypes.POINTER(ctypes.c_void_p),  # prop_return
            ],
        ),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


class RootWatcher:
    """Selects SubstructureNotify on the root window of `display`; `maps()` reads what came.

    Wait on `fd` (readable when the server sent something), then call `maps()`.
    """

    def __init__(self, display: str) -> None:
        self._x = _libx11()
        self._x.XSetErrorHandler(_ignore_errors)
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise XFailed(f"cannot open X display {display}")
        root = self._x.XDefaultRootWindow(self._display)
        self._x.XSelectInput(self._display, root, SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XSync(self._display, 0)
        self._pid_atom = self._x.XInternAtom(self._display, b"_NET_WM_PID", 0)
        self.fd = self._x.XConnectionNumber(self._display)

    def maps(self) -> list[int | None]:
        """Every top-level window mapped since the last call (override-redirect popups left
        out), each as its _NET_WM_PID (None when it has none)."""
        mapped = []
        event = XEvent()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                mapped.append(event.xmap.window)
        return [self._pid(window) for window in mapped]

    def _pid(self, window: int) -> int | None:
        kind, size = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._display, window, self._pid_atom, 0, 1, 0, XA_CARDINAL,
            ctypes.byref(kind), ctypes.byref(size), ctypes.byref(count), ctypes.byref(after),
            ctypes.byref(data),
        )  # fmt: skip
        try:
            if status != 0 or not data.value or count.value < 1 or size.value != 32:
                return None
            return int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0])  # format 32: longs
        finally:
            if data.value:
                self._x.XFree(data)

    def __enter__(self) -> RootWatcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._x.XCloseDisplay(self._display)


class PrivateXvfb:
    """``Xvfb -nolisten tcp`` on a display number it picks itself (``-displayfd``: no race with
    another server starting at the same moment); stopped at the end."""

    def __init__(self) -> None:
        self.display = ""
        self._server: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> PrivateXvfb:
        read, write = os.pipe()
        try:
            self._server = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                 "-nolisten", "tcp"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                pass_fds=(write,),
            )  # fmt: skip
        except FileNotFoundError:
            raise XFailed("Xvfb is not installed (Debian: apt-get install xvfb)") from None
        finally:
            os.close(write)
        number = b""
        deadline = time.monotonic() + START_TIMEOUT
        with selectors.DefaultSelector() as selector:
            selector.register(read, selectors.EVENT_READ)
            while not number.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    break
                chunk = os.read(read, 16)
                if not chunk:
                    break  # Xvfb ended
                number += chunk
        os.close(read)
        if not number.strip().isdigit():
            self.__exit__(None, None, None)
            raise XFailed("Xvfb did not start (no display number on -displayfd)")
        self.display = f":{number.decode().strip()}"
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._server is not None and self._server.poll() is None:
            self._server.terminate()
            try:
                self._server.wait(5)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
