"""`particle-tickets --self-test`: prove that this copy of the app works, end to end.

Meant above all for the frozen bundle, where a missing plugin, certificate file or metadata
folder only shows when the code that needs it runs. The self-test checks each of those, then
does what a user does: opens the window on the built-in sandbox, fills in ticket tic_1001,
sends the update over a loopback socket and reads the answer in the banner.

It prints one line per step, ``self-test: <step> ... ok (<detail>)``, then ``self-test: passed``
and returns 0. The first step that fails prints ``self-test: FAILED at <step>: <reason>`` and
the self-test returns 1 (after closing the window). Nothing leaves 127.0.0.1, and nothing of
the user's is read or written (where a keychain answers, a throwaway secret of its own is stored
in it, read back and deleted): Qt runs on the offscreen platform unless QT_QPA_PLATFORM says
otherwise (CI also runs it with xcb under Xvfb), and settings go to a temporary folder that is
removed at the end. The self-test owns the process: it sets environment variables and creates
the QApplication, so it runs instead of `gui.app.main`, never beside it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core import app_folders
from gui.ui.signal_waiter import WAIT_MS, SignalWaiter, wait_for

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from gui.ui.main_window import MainWindow


TICKET = "tic_1001"
#: What the self-test types, and the form the sandbox must receive (the vendor's example).
TITLE = "Leaking faucet"
DESCRIPTION = "Leak under the kitchen sink in 1A requires new part."
STATUS = "ON_HOLD"
EMAIL = "example@example.com"
EXPECTED_FORM = [
    ("title", TITLE),
    ("description", DESCRIPTION),
    ("status", STATUS),
    ("notify", "1"),
    ("time", ""),
    ("type", "email"),
    ("contacts", EMAIL),
    ("automated", "1"),
]
#: Phone numbers and what the SMS path must make of them: a North American one, a British one.
PHONES = {"(202) 555-0123": "2025550123", "+44 20 7946 0958": "+442079460958"}


#: The keychain entry the self-test stores and deletes again (never the app's own, SERVICE).
SELF_TEST_SERVICE = "Particle Tickets self-test"
#: NIST SP 800-38A, F.2.1: an AES-128 key, the IV, one block of plain text and its CBC cipher text.
AES_VECTOR = (
    "2b7e151628aed2a6abf7158809cf4f3c",
    "000102030405060708090a0b0c0d0e0f",
    "6bc1bee22e409f96e93d7e117393172a",
    "7649abac8119b246cee98e9b12e9197d",
)


class StepFailed(Exception):
    """A check did not hold; the message says what was found instead."""


#: A contact card as a phone exports it (vCard 3.0, a folded line, escaped text).
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:López;María;;;\r\nFN:María L\r\n ópez\r\n"
    "TEL;TYPE=CELL:+1 202-555-0123\r\nCATEGORIES:Tenants 3C,Plumbers\r\nEND:VCARD\r\n"
)


def run_self_test() -> int:
    """Run every step; 0 when all passed, 1 at the first failure."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a banner's quotes on a non-UTF-8 console
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="particle-tickets-self-test-"))
    try:
        # Settings, outbox, draft and logs of its own, never the user's, on every system.
        os.environ[app_folders.ENV_FOLDER] = str(folder)
        return SelfTest().run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def say(text: str) -> None:
    print(f"self-test: {text}", flush=True)


class SelfTest:
    """The steps, in order, and the window they share."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication(sys.argv[:1])
        self.window: MainWindow | None = None

    def run(self) -> int:
        steps: Sequence[tuple[str, Callable[[], str]]] = (
            ("Qt platform plugin", self.check_platform),
            ("version", self.check_version),
            ("ssl and sqlite3", self.check_stdlib),
            ("CA certificates", self.check_certificates),
            ("keyring backend", self.check_keyring),
            ("keychain encryption", self.check_keychain_cipher),
            ("app icon", self.check_icon),
            ("SMS contacts", self.check_phone_numbers),
            ("vCard import", self.check_vcards),
            ("window built", self.build_window),
            ("window painted", self.paint_window),
            ("form filled", self.fill_form),
            ("update sent", self.send_update),
            ("sandbox received the update", self.check_request),
            ("banner", self.check_banner),
            ("window closed", self.close_window),
        )
        try:
            for name, step in steps:
                try:
                    detail = step()
                except Exception as error:  # every failure is reported the same way
                    reason = str(error) if isinstance(error, StepFailed) else repr(error)
                    say(f"FAILED at {name}: {reason}")
                    return 1
                say(f"{name} ... ok" + (f" ({detail})" if detail else ""))
        finally:
            self.shut_down()  # after a failure; a no-op once "window closed" has passed
        say("passed")
        return 0

    # --- What the bundle must contain --------------------------------------------------------

    def check_platform(self) -> str:
        from PySide6.QtGui import QGuiApplication

        platform = QGuiApplication.platformName()
        # QT_QPA_PLATFORM may list fallbacks ("xcb;offscreen") and options ("xcb:name=x").
        wanted = [entry.split(":")[0] for entry in os.environ["QT_QPA_PLATFORM"].split(";")]
        if platform not in wanted:
            raise StepFailed(f"Qt runs on {platform!r}, QT_QPA_PLATFORM asked for {wanted}")
        return platform

    def check_version(self) -> str:
        import gui

        version = gui.__version__
        frozen = bool(getattr(sys, "frozen", False))
        if frozen and version == "0.0.0+source":
            raise StepFailed("the bundle has no particle-tickets metadata (dist-info)")
        return f"{version}, {'frozen bundle' if frozen else 'Python ' + sys.version.split()[0]}"

    def check_stdlib(self) -> str:
        import sqlite3
        import ssl

        return f"{ssl.OPENSSL_VERSION}, SQLite {sqlite3.sqlite_version}"

    def check_certificates(self) -> str:
        import ssl

        import certifi
        import requests.utils

        bundle = Path(certifi.where())
        if Path(requests.utils.DEFAULT_CA_BUNDLE_PATH) != bundle:
            raise StepFailed(
                f"requests verifies with {requests.utils.DEFAULT_CA_BUNDLE_PATH}, not {bundle}"
            )
        if not bundle.is_file() or not os.access(bundle, os.R_OK):
            raise StepFailed(f"{bundle} is missing or unreadable")
        authorities = ssl.create_default_context(cafile=bundle).cert_store_stats()["x509_ca"]
        if not authorities:
            raise StepFailed(f"{bundle} holds no certificate authority")
        return f"{authorities} authorities in {bundle}"

    def check_keyring(self) -> str:
        """The keychain backend the app would use; a bundle without one where the OS has one
        (Windows, macOS, or a Linux desktop whose Secret Service answers) fails."""
        from keyring.backends import fail, null

        from gui.core.keychain import default_backend

        backend = default_backend()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if not isinstance(backend, fail.Keyring | null.Keyring):
            return f"{name}, {self._round_trip(backend)}"
        if not sys.platform.startswith("linux"):
            raise StepFailed(f"only {name} was found, on an OS that always has a keychain")
        from keyring.backends import SecretService

        try:
            SecretService.Keyring.priority  # noqa: B018 - raises with the reason it is unusable
        except RuntimeError as error:
            if "required" in str(error):  # secretstorage (or jeepney) is not in the bundle
                raise StepFailed(f"the Secret Service backend cannot load: {error}") from None
            return f"{name}: no Secret Service answers here ({error}); keys stay in memory"
        raise StepFailed(f"only {name} was found, but a Secret Service answers here")

    @staticmethod
    def _round_trip(backend: KeyringBackend) -> str:
        """A throwaway secret stored, read back and deleted, under a service of its own: on
        Linux it travels encrypted both ways (the session cipher below)."""
        secret = os.urandom(12).hex()
        user = f"self-test-{os.getpid()}"
        backend.set_password(SELF_TEST_SERVICE, user, secret)
        try:
            read = backend.get_password(SELF_TEST_SERVICE, user)
        finally:
            backend.delete_password(SELF_TEST_SERVICE, user)
        if read != secret:
            raise StepFailed("a secret stored in the keychain came back different")
        return "a secret stored, read back and deleted"

    def check_keychain_cipher(self) -> str:
        """Linux: the AES-128-CBC secretstorage encrypts keys with on their way to the Secret
        Service, which the bundle takes from its own OpenSSL (packaging/openssl_aes), gives
        NIST's answer (SP 800-38A, F.2.1, first block) both ways."""
        if not sys.platform.startswith("linux"):
            return "not used: this OS's keychain needs no session cipher"
        import cryptography
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        key, iv, plain, expected = (bytes.fromhex(text) for text in AES_VECTOR)
        cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
        encryptor, decryptor = cipher.encryptor(), cipher.decryptor()
        encrypted = encryptor.update(plain) + encryptor.finalize()
        decrypted = decryptor.update(encrypted) + decryptor.finalize()
        if encrypted != expected or decrypted != plain:
            raise StepFailed(f"AES-128-CBC gave {encrypted.hex()}, then {decrypted.hex()}")
        return f"AES-128-CBC from {Path(cryptography.__file__ or '?').parent}"

    def check_icon(self) -> str:
        from PySide6.QtGui import QIcon, QImageReader, QPixmap

        from gui.app import RESOURCES

        path = str(RESOURCES / "icon.svg")
        formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
        if "svg" not in formats:
            raise StepFailed(f"Qt cannot read SVG images (it reads {', '.join(sorted(formats))})")
        if QPixmap(path).isNull():
            raise StepFailed(f"{path} does not load into a QPixmap")
        if QIcon(path).pixmap(64, 64).isNull():
            raise StepFailed(f"{path} does not load into a QIcon")
        return f"{path}, 64x64"

    def check_phone_numbers(self) -> str:
        from gui.core.contacts import parse_contacts
        from gui.core.fields import ContactType

        parsed = parse_contacts(", ".join(PHONES), ContactType.SMS)
        if parsed.problems or list(parsed.contacts) != list(PHONES.values()):
            raise StepFailed(f"{', '.join(PHONES)} gave {parsed}")
        return ", ".join(f"{typed} -> {wire}" for typed, wire in PHONES.items())

    def check_vcards(self) -> str:
        """vobject and what it imports are in the bundle: a 3.0 card with a folded line."""
        from gui.core.vcards import from_vcard

        card = VCARD.encode("utf-8")
        people = [person for _card, person in from_vcard(card)]
        wanted = ("María López", "+1 202-555-0123", ("Tenants 3C", "Plumbers"))
        if [(p.name, p.phone, p.groups) for p in people] != [wanted]:
            raise StepFailed(f"the card gave {people}")
        return f"{people[0].name}, {people[0].phone}"

    # --- What a user does --------------------------------------------------------------------

    def build_window(self) -> str:
        from gui.app import create_window

        self.window = create_window(["--demo", "--ticket", TICKET])
        self.window.confirm_quit = lambda waiting: True  # no question box: nobody to answer it
        if self.window.sandbox is None:
            raise StepFailed("--demo did not start the sandbox")
        if self.window.form.ticket_id.text() != TICKET:
            raise StepFailed(f"the ticket id reads {self.window.form.ticket_id.text()!r}")
        return f"sandbox at {self.window.sandbox.url}"

    def paint_window(self) -> str:
        window = self.opened_window()
        window.show()
        if wait_for([window.first_painted]) is None:
            raise StepFailed(f"no paint within {WAIT_MS / 1000:g} s")
        return f"{window.width()}x{window.height()}"

    def fill_form(self) -> str:
        from gui.core.fields import ContactType

        form = self.opened_window().form
        form.title.setText(TITLE)
        form.description.setPlainText(DESCRIPTION)
        form.status.setCurrentText(STATUS)
        form.notify.setChecked(True)
        form.type.setCurrentIndex(form.type.findData(ContactType.EMAIL.value))
        form.contacts.setText(EMAIL)
        form.automated.setChecked(True)
        return f"{TICKET}, status {STATUS}, notify {EMAIL}"

    def send_update(self) -> str:
        window = self.opened_window()
        signals = [window.sent, window.failed]
        # Connected before submit() so that no answer can arrive unheard.
        with SignalWaiter(signals) as waiter:
            window.submit()
            if not window.busy:
                errors = window.form.visible_errors()
                raise StepFailed(f"the form was refused: {window.banner.text()} {errors}")
            outcome = waiter.wait()
        if outcome is None:
            raise StepFailed(f"no answer within {WAIT_MS / 1000:g} s")
        from gui.core.client import UpdateResult  # loaded by now: the update went out

        (answer,) = outcome
        if not isinstance(answer, UpdateResult):  # failed(error) rather than sent(result)
            raise StepFailed(f"{type(answer).__name__}: {getattr(answer, 'message', answer)}")
        return f"HTTP {answer.status}"

    def check_request(self) -> str:
        sandbox = self.opened_window().sandbox
        if sandbox is None:  # build_window checked it; this narrows the type
            raise StepFailed("the window has no sandbox")
        puts = [request for request in sandbox.requests if request.method == "PUT"]
        if len(puts) != 1:
            raise StepFailed(f"{len(puts)} PUT requests instead of 1")
        (request,) = puts
        if request.path != f"/api/v1/ticket/{TICKET}":
            raise StepFailed(f"PUT went to {request.path}")
        if request.form != EXPECTED_FORM:
            raise StepFailed(f"the form was {request.form}, expected {EXPECTED_FORM}")
        return f"PUT {request.path}, {len(request.body)} bytes"

    def check_banner(self) -> str:
        text = self.opened_window().banner.text()
        if not text.startswith(f"Ticket {TICKET} updated at "):
            raise StepFailed(f"the banner says {text!r}")
        return text

    def close_window(self) -> str:
        if leftovers := self.shut_down():
            raise StepFailed(f"still running after the window closed: {', '.join(leftovers)}")
        return "no thread left running"

    def shut_down(self) -> list[str]:
        """Close the window, which waits for its threads and stops the sandbox; idempotent.

        Returns what is still running afterwards (thread pools and Python threads).
        """
        from PySide6.QtCore import QThreadPool

        window, self.window = self.window, None
        if window is None:
            return []
        window.close()
        leftovers = [
            f"a thread pool with {pool.activeThreadCount()} thread(s)"
            for pool in window.findChildren(QThreadPool)
            if pool.activeThreadCount()
        ]
        # Qt's pool threads show up as dummy threads once they have run Python code.
        leftovers += [
            f"thread {thread.name}"
            for thread in threading.enumerate()
            if thread is not threading.main_thread()
            and not isinstance(thread, threading._DummyThread)
        ]
        return leftovers

    def opened_window(self) -> MainWindow:
        if self.window is None:
            raise StepFailed("the window was not built")
        return self.window
