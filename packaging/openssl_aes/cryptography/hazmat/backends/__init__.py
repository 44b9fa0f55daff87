"""`default_backend()`: accepted and ignored, as the real package does since its 3.1."""

from __future__ import annotations


def default_backend() -> None:
    """There is one backend, the bundle's OpenSSL."""
    return None
