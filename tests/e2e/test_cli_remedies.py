"""Each failure whose core sentence names the window's Settings, in a real process: the command
line says its own remedy instead (every `Cli` call also checks all it prints for the window's
words, tests/unit/test_cli_remedies.py)."""

from __future__ import annotations

from pathlib import Path

from gui.sandbox import SandboxServer
from tests.e2e.test_cli import VENDOR_FLAGS, Cli

KEYS = "--secret-key and --publish-key (or PARTICLESPACE_SECRET_KEY and PARTICLESPACE_PUBLISH_KEY)"


def test_not_signed_in_names_the_options_and_variables(cli: Cli, server: SandboxServer) -> None:
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--api-base", server.url)
    assert result.returncode == 1
    assert result.stderr == (
        f"Not signed in: give --token (or PARTICLESPACE_TOKEN), or {KEYS}; --demo tries the "
        "built-in sandbox instead.\n"
    )


def test_rejected_keys_name_the_options(cli: Cli, server: SandboxServer) -> None:
    live = ["--secret-key", "sk_live_ab12", "--publish-key", "pk_live_ab12"]
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--api-base", server.url, *live)
    assert result.returncode == 1
    assert f"Check {KEYS}." in result.stderr
    assert "outbox send --retry 1" in result.stderr
    listed = cli("outbox", "list")
    assert "The keys were rejected: nothing was applied. Give the right ones" in listed.stdout


def test_a_damaged_preferences_file_is_to_be_corrected(cli: Cli, server: SandboxServer) -> None:
    folder = Path(cli.env["XDG_CONFIG_HOME"]) / "ParticleTickets/particle-tickets"
    folder.mkdir(parents=True)
    (folder / "preferences.ini").write_bytes(b"[connection\n")
    result = cli("update", "tic_1001", *VENDOR_FLAGS, "--api-base", server.url, "--token", "t")
    assert result.returncode == 1
    assert result.stderr.endswith("is damaged at line 1. Correct or delete it.\n"), result.stderr
