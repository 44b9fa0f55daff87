"""The command line speaks Spanish when the environment does (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG, as gettext reads them), from the window's catalogue core_es.qm, without loading Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli.language import catalogue_folder
from gui.sandbox import SandboxServer
from tests.e2e.test_cli import Cli

QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

pytestmark = pytest.mark.skipif(
    not (catalogue_folder() / "core_es.qm").is_file(),
    reason="core_es.qm not compiled (packaging/translations.py compile)",
)


def speaking(tmp_path: Path, **language: str) -> Cli:
    cli = Cli(tmp_path)
    for name in LANGUAGE_VARIABLES:
        cli.env.pop(name, None)
    cli.env.update(language)
    return cli


def on(server: SandboxServer) -> list[str]:
    return ["--api-base", server.url, "--token", SandboxServer.TOKEN]


@pytest.mark.parametrize(
    "language",
    [
        {"LANG": "es_ES.UTF-8"},
        {"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"},
        {"LC_ALL": "es_AR", "LANG": "en_GB.UTF-8"},
        {"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"},  # a list: the first the app speaks
    ],
)
def test_spanish_from_the_environment(
    tmp_path: Path, server: SandboxServer, language: dict[str, str]
) -> None:
    cli = speaking(tmp_path, **language)
    sent = cli("update", "tic_1001", *QUIET, *on(server))
    assert (sent.returncode, sent.stdout) == (0, "Ticket tic_1001 actualizado.\n")
    invalid = cli("update", "tic_1001", "--description", "d", "--status", "NEW", *on(server))
    assert (invalid.returncode, invalid.stderr) == (2, "title: Escriba un título.\n")


@pytest.mark.parametrize(
    "language",
    [
        {},
        {"LANG": "C"},
        {"LANG": "POSIX"},
        {"LANGUAGE": "es", "LC_ALL": "", "LANG": "C.UTF-8"},  # the first set one is LANGUAGE
        {"LC_ALL": "C", "LANG": "es_ES.UTF-8"},
        {"LANGUAGE": "C:es", "LANG": "es_ES.UTF-8"},
        {"LANG": "de_DE.UTF-8"},
    ],
)
def test_english_otherwise(tmp_path: Path, server: SandboxServer, language: dict[str, str]) -> None:
    cli = speaking(tmp_path, **language)
    sent = cli("update", "tic_1001", *QUIET, *on(server))
    expected = (
        "Ticket tic_1001 actualizado.\n"
        if language.get("LANGUAGE") == "es"
        else ("Ticket tic_1001 updated.\n")
    )
    assert sent.stdout == expected


def test_spanish_loads_no_qt(tmp_path: Path, server: SandboxServer) -> None:
    cli = speaking(tmp_path, LANG="es_ES.UTF-8")
    result = cli("outbox", "list", *on(server), python=("-X", "importtime"))
    assert result.returncode == 0
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "gui.core.catalogue" in imported
    assert not {name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")}
