"""An embedded look-alike of the Particle Space ticket API, for the demo mode and the tests.

The sandbox answers like the vendor documents it: ``POST /authenticate`` hands out Bearer tokens,
``PUT /ticket/{id}`` updates a ticket and ``POST /ticket/new`` creates one, with the vendor's field
rules.  Where the vendor's behaviour is undocumented (error bodies, status codes) it makes the same
assumptions the client does.  A :class:`Behaviour` switch makes it misbehave on purpose: slow,
failing, rate-limited, behind a broken proxy, or dripping a body byte by byte.

It is a fake of the vendor, not part of our client: it uses the standard library only, never
imports from ``gui.core`` or Qt, and only ever listens on 127.0.0.1.

    server.py       SandboxServer: tickets, tokens, routes, start and stop
    rules.py        the vendor's field checks for an update or a new ticket
    tickets.py      what a ticket stores, how an answer shows it, the sample tickets
    replies.py      Reply, the canned answers, what each misbehaving Behaviour sends
    behaviour.py    Behaviour, the switch
    recorded.py     RecordedRequest, what tests look at
    http_server.py  the socket server: a tracked thread per connection, cut on stop
    handler.py      one request: recorded, answered as the Behaviour says, or dripped
"""

from __future__ import annotations

from gui.sandbox.behaviour import Behaviour
from gui.sandbox.recorded import RecordedRequest
from gui.sandbox.server import SandboxServer

__all__ = ["Behaviour", "RecordedRequest", "SandboxServer"]
