"""The command line names its own remedies (a flag, an environment variable), never the window's
menus, buttons or Settings: `gui.cli.remedies` re-says every core sentence that does."""

from __future__ import annotations

import re
from pathlib import Path

from gui.cli.remedies import for_command_line, window_sentences
from gui.core import errors, retry
from gui.core.messages import QT_TRANSLATE_NOOP, join

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "core_es.ts"
#: Words of the window's remedies: its menus, buttons and dialogs.
WINDOW_WORDS = (
    "Settings",
    "▸",
    "Retry now",
    "Resend",
    "resend or discard",
    "then resend",
    "press Update",
    "in the form",
    "menu",
)
#: Core sentences the command line never says (the window's own situations).
WINDOW_ONLY = {
    # the window's outbox failures (the command line says its own: gui/cli/main.py)
    ("reports", "The outbox could not be written"),
    ("reports", "Nothing changes for {ticket}"),  # the first press of Update
    ("reports", "The server may already have the update that is being sent"),  # quitting
    # File ▸ Many tickets… (gui/core/batch.py); the command line's CSV run says its own
    ("batch", ""),
}


def window_words(text: str) -> list[str]:
    """The words of `text` that belong to the window's remedies."""
    return [word for word in WINDOW_WORDS if word in text]


def core_sentences() -> list[tuple[str, str]]:
    """Every (context, source) of the core's catalogue."""
    text = CATALOGUE.read_text("utf-8")
    found = []
    for context in re.findall(r"<context>(.*?)</context>", text, re.S):
        name = re.search(r"<name>(.*?)</name>", context)
        assert name is not None
        for source in re.findall(r"<source>(.*?)</source>", context, re.S):
            unescaped = source.replace("&apos;", "'").replace("&quot;", '"')
            unescaped = unescaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            found.append((name.group(1), unescaped))
    return found


def test_every_core_sentence_with_a_window_remedy_has_the_command_line_s_own() -> None:
    own = set(window_sentences())
    for context, source in core_sentences():
        if not window_words(source):
            continue
        if any(context == c and source.startswith(s) for c, s in WINDOW_ONLY):
            continue
        assert (context, source) in own, (context, source)


def test_every_sentence_re_said_is_one_the_core_says() -> None:
    sentences = set(core_sentences())
    for key in window_sentences():
        assert key in sentences, key


def test_the_command_line_s_sentences_name_no_window_word_and_keep_the_arguments() -> None:
    rejected = retry.decide(errors.TokenRejected("no", status=401), notify=True, attempts=1)
    said = for_command_line(rejected.reason)
    assert window_words(said) == []
    assert said == (
        "The token was rejected: nothing was applied. Give the right ones: --token (or "
        "PARTICLESPACE_TOKEN), or --secret-key and --publish-key (or PARTICLESPACE_SECRET_KEY "
        "and PARTICLESPACE_PUBLISH_KEY)."
    )
    redirected = retry.decide(errors.Redirected("moved", status=301), notify=False, attempts=1)
    assert for_command_line(redirected.reason) == (
        "The server redirected the request (HTTP 301), so nothing was applied: check "
        "--api-base (or PARTICLESPACE_API_BASE)."
    )


def test_a_window_sentence_inside_another_is_re_said_too() -> None:
    inner = retry.decide(errors.ServerFailed("boom", status=500), notify=True, attempts=1).reason
    outer = join([QT_TRANSLATE_NOOP("reports", "Stopped waiting for the server."), inner])
    said = for_command_line(outer)
    assert window_words(said) == []
    assert said.startswith(
        "Stopped waiting for the server. Particle Space had a problem (HTTP 500)"
    )


def test_other_text_is_left_as_it_is() -> None:
    plain_text = "Ticket tic_1001 updated."
    assert for_command_line(plain_text) is plain_text
    message = QT_TRANSLATE_NOOP("reports", "Ticket {ticket} updated.").format(ticket="tic_1")
    assert for_command_line(message) is message
