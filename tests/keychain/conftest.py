"""The keychain through a real Secret Service (gnome-keyring on a private D-Bus session bus).

These tests run only when PARTICLE_TICKETS_SECRET_SERVICE=1, as tools/test sets it inside
`dbus-run-session` with an unlocked throwaway keyring. There, a Secret Service that cannot be
reached is skipped on a developer's machine and fails in CI (CI=true): a CI run whose only
outcome is "skipped" would prove nothing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend

ENABLE = "PARTICLE_TICKETS_SECRET_SERVICE"


@pytest.fixture(scope="session")
def _reachable_secret_service() -> KeyringBackend:
    if os.environ.get(ENABLE) != "1":
        pytest.skip(f"set {ENABLE}=1 inside a D-Bus session with a Secret Service (tools/test)")
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.priority  # noqa: B018 - raises when no Secret Service answers on the bus
    except RuntimeError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must reach a Secret Service, and none answered: {error}")
        pytest.skip(f"no Secret Service answers: {error}")
    return backend


@pytest.fixture
def secret_service(
    _reachable_secret_service: KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> Iterator[KeyringBackend]:
    """The real backend, with the app's entries under a service name of this test only, so that
    a run in someone's desktop session can never touch their real Particle Tickets entries."""
    from gui.core import keychain

    service = f"Particle Tickets test {uuid.uuid4().hex}"
    monkeypatch.setattr(keychain, "SERVICE", service)
    yield _reachable_secret_service
    keychain.Keychain(_reachable_secret_service).delete()
