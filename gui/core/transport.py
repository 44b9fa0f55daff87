"""The HTTP session the client uses: keep-alive, our User-Agent, and sockets `Abort` can end."""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

import gui
from gui.core.abort import register_socket


class _AbortableConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        register_socket(self.sock)

    def getresponse(self) -> Any:  # a pooled connection is reused without connect()
        register_socket(self.sock)
        return super().getresponse()


class _AbortableHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        register_socket(self.sock)

    def getresponse(self) -> Any:
        register_socket(self.sock)
        return super().getresponse()


class _AbortablePool(HTTPConnectionPool):
    ConnectionCls = _AbortableConnection


class _AbortableHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _AbortableHTTPSConnection


_POOLS = {"http": _AbortablePool, "https": _AbortableHTTPSPool}


class _AbortableAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(_POOLS)
        return manager


def new_session() -> requests.Session:
    """One session for the app's lifetime: keep-alive, abortable sockets, our User-Agent."""
    session = requests.Session()
    adapter = _AbortableAdapter()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = f"particle-tickets/{gui.__version__}"
    return session
