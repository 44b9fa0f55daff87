"""The command line's own remedies for the core's sentences that name the window's.

The core writes its errors for the window too ("Check them in Settings.", "resend or discard
it"), as `Message`s. Before the command line prints one, `for_command_line` replaces each such
sentence (and each such argument of a sentence, however deep) by the command line's: a flag or an
environment variable, never a menu or a button. The arguments stay, so the server's words, the
HTTP status and the reason keep their place; the replacements are Messages of context "cli",
translated like the rest.
"""

from __future__ import annotations

from gui.core.messages import QT_TRANSLATE_NOOP, Message

#: How the command line names each credential and the address (gui/core/config.py's names).
_KEYS = QT_TRANSLATE_NOOP(
    "cli",
    "--secret-key and --publish-key (or PARTICLESPACE_SECRET_KEY and PARTICLESPACE_PUBLISH_KEY)",
)
_ADDRESS = QT_TRANSLATE_NOOP("cli", "--api-base (or PARTICLESPACE_API_BASE)")

#: The window's sentence (context, source) -> the command line's (same placeholders).
_REMEDIES: dict[tuple[str, str], Message] = {
    (
        "client",
        "Your keys were rejected: Particle Space refused the token it had just given. "
        "Check them in Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Your keys were rejected: Particle Space refused the token it had just given. "
        "Check {keys}.",
    ),
    (
        "client",
        "Your keys were rejected (HTTP {status}). Check them in Settings.",
    ): QT_TRANSLATE_NOOP("cli", "Your keys were rejected (HTTP {status}). Check {keys}."),
    (
        "client",
        "The token was rejected ({label}). Check the token or ask for a new one.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "The token was rejected ({label}). Check --token (or PARTICLESPACE_TOKEN), or ask for "
        "a new one.",
    ),
    (
        "client",
        "Particle Space does not offer creating tickets at this address ({label}). "
        "Check the API address in Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Particle Space does not offer creating tickets at this address ({label}). "
        "Check {address}.",
    ),
    (
        "client",
        "Particle Space sent the request on to {target} ({label}). The app does not "
        "follow redirects, so nothing was sent there and nothing was applied. Check the "
        "API address in Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Particle Space sent the request on to {target} ({label}). The app does not follow "
        "redirects, so nothing was sent there and nothing was applied. Check {address}.",
    ),
    (
        "client",
        "Particle Space sent the request on to another address ({label}). The app does "
        "not follow redirects, so nothing was sent there and nothing was applied. Check "
        "the API address in Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Particle Space sent the request on to another address ({label}). The app does not "
        "follow redirects, so nothing was sent there and nothing was applied. Check {address}.",
    ),
    (
        "config",
        "Not signed in: open Settings and enter your keys (or a token).",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Not signed in: give --token (or PARTICLESPACE_TOKEN), or {keys}; --demo tries the "
        "built-in sandbox instead.",
    ),
    (
        "preferences",
        "The preferences file {path} is not UTF-8 text. Correct or delete it, then check Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli", "The preferences file {path} is not UTF-8 text. Correct or delete it."
    ),
    (
        "preferences",
        "The preferences file {path} is damaged. Correct or delete it, then check Settings.",
    ): QT_TRANSLATE_NOOP("cli", "The preferences file {path} is damaged. Correct or delete it."),
    (
        "preferences",
        "The preferences file {path} is damaged at line {line}. Correct or delete it, then "
        "check Settings.",
    ): QT_TRANSLATE_NOOP(
        "cli", "The preferences file {path} is damaged at line {line}. Correct or delete it."
    ),
    (
        "preferences",
        "“{key}” looks like a secret, and secrets are kept in the system's keychain "
        "(enter them in Settings), never in {path}.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "“{key}” looks like a secret, and secrets are kept in the system's keychain or given "
        "with {keys}, never in {path}.",
    ),
    (
        "preferences",
        "The value of “{key}” looks like a key, and keys are kept in the system's "
        "keychain (enter them in Settings), never in {path}.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "The value of “{key}” looks like a key, and keys are kept in the system's keychain or "
        "given with {keys}, never in {path}.",
    ),
    (
        "retry",
        "The server redirected the request (HTTP {status}), so nothing was applied: check the "
        "API address in Settings, then resend.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "The server redirected the request (HTTP {status}), so nothing was applied: check "
        "{address}.",
    ),
    ("retry", "{problem}: nothing was applied; fix it in Settings, then resend."): (
        QT_TRANSLATE_NOOP(
            "cli",
            "{problem}: nothing was applied. Give the right ones: --token (or "
            "PARTICLESPACE_TOKEN), or {keys}.",
        )
    ),
    (
        "retry",
        "{reason}, so the ticket may already have been created: check, then resend or discard it.",
    ): QT_TRANSLATE_NOOP(
        "cli", "{reason}, so the ticket may already have been created: check Particle Space."
    ),
    ("retry", "{reason}, so people may already have been notified: resend or discard it."): (
        QT_TRANSLATE_NOOP("cli", "{reason}, so people may already have been notified.")
    ),
    (
        "retry",
        "Particle Space had a problem (HTTP {status}) and may have applied the update: check "
        "the ticket, then resend or discard it.",
    ): QT_TRANSLATE_NOOP(
        "cli",
        "Particle Space had a problem (HTTP {status}) and may have applied the update: check "
        "the ticket.",
    ),
    ("retry", "Sending failed unexpectedly ({error}): resend or discard it."): (
        QT_TRANSLATE_NOOP("cli", "Sending failed unexpectedly ({error}).")
    ),
    ("reports", "It waits in the outbox: resend or discard it there."): QT_TRANSLATE_NOOP(
        "cli", "It waits in the outbox for a decision."
    ),
}
#: What the command line's sentences fill in besides the window's arguments.
_NAMES = {"keys": _KEYS, "address": _ADDRESS}


def window_sentences() -> list[tuple[str, str]]:
    """The (context, source) of each core sentence the command line says in its own words."""
    return list(_REMEDIES)


def for_command_line(text: str) -> str:
    """`text` with every sentence that names the window's menus, buttons or Settings said as the
    command line would (a flag, an environment variable); other text as it is."""
    if not isinstance(text, Message):
        return text
    args = {
        name: for_command_line(value) if isinstance(value, str) else value
        for name, value in text.args.items()
    }
    own = _REMEDIES.get((text.context, text.source))
    if own is not None:
        return own.format(**_NAMES, **args)
    if args == dict(text.args):
        return text
    return Message(text.context, text.source, args, disambiguation=text.disambiguation, n=text.n)
