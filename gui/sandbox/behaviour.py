"""`Behaviour`: the switch that makes the sandbox misbehave on purpose."""

from __future__ import annotations

import enum


class Behaviour(enum.Enum):
    """How the sandbox answers every request from now on, until it is changed again."""

    NORMAL = "normal"  # follow the vendor's rules
    SLOW = "slow"  # wait `slow_seconds`, then answer as NORMAL
    SERVER_ERROR = "server_error"  # 500 with a JSON message
    BUSY = "busy"  # 429 with Retry-After: 7
    UNAVAILABLE = "unavailable"  # 503 with Retry-After: 30
    PROXY_HTML = "proxy_html"  # 502 with an HTML page, as a misbehaving proxy sends
    DRIP = "drip"  # 200 announcing 1000 bytes, then one byte every 0.5 s
