"""packaging/openssl_aes: the Linux bundle's `cryptography`, AES-CBC through the bundle's OpenSSL.

It runs here as the bundle has it, found before the real package, in a child interpreter; its
results are set against NIST's test vectors and against the real package in this process.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SHIM = Path(__file__).resolve().parents[2] / "packaging" / "openssl_aes"

#: NIST SP 800-38A, F.2.1 (CBC-AES128.Encrypt) and F.2.5 (CBC-AES256.Encrypt).
_PLAIN = (
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
)
NIST = [
    (
        "2b7e151628aed2a6abf7158809cf4f3c",
        "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
        "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7",
    ),
    (
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
        "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b",
    ),
]
NIST_IV = "000102030405060708090a0b0c0d0e0f"

#: The child: reads cases as JSON, runs each through the shim, writes the results as JSON.
CHILD = r"""
import json, sys
import cryptography
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

def run(case):
    try:
        cipher = Cipher(algorithms.AES(bytes.fromhex(case["key"])),
                        modes.CBC(bytes.fromhex(case["iv"])), default_backend())
        context = cipher.encryptor() if case["encrypt"] else cipher.decryptor()
        data, out = bytes.fromhex(case["data"]), b""
        for start in range(0, len(data), case["chunk"]):
            out += context.update(data[start:start + case["chunk"]])
        return {"out": (out + context.finalize()).hex()}
    except ValueError as error:
        return {"error": str(error)}

print(json.dumps({"module": cryptography.__file__,
                  "results": [run(case) for case in json.load(sys.stdin)]}))
"""


def _in_child(cases: list[dict[str, object]], script: str = CHILD) -> dict[str, object]:
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SHIM), *sys.path]))
    finished = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )
    return json.loads(finished.stdout)


def _case(key: bytes, iv: bytes, data: bytes, *, encrypt: bool, chunk: int) -> dict[str, object]:
    return {
        "key": key.hex(),
        "iv": iv.hex(),
        "data": data.hex(),
        "encrypt": encrypt,
        "chunk": chunk,
    }


def _real(key: bytes, iv: bytes, data: bytes, *, encrypt: bool) -> bytes:
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    context = cipher.encryptor() if encrypt else cipher.decryptor()
    return context.update(data) + context.finalize()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shim is the Linux bundle's")
def test_the_shim_is_found_first_and_gives_nists_answers_both_ways() -> None:
    iv, plain = bytes.fromhex(NIST_IV), bytes.fromhex(_PLAIN)
    cases = []
    for key, cipher_text in NIST:
        cases.append(_case(bytes.fromhex(key), iv, plain, encrypt=True, chunk=64))
        cases.append(
            _case(bytes.fromhex(key), iv, bytes.fromhex(cipher_text), encrypt=False, chunk=7)
        )
    answer = _in_child(cases)
    assert Path(str(answer["module"])).is_relative_to(SHIM)
    results = answer["results"]
    assert isinstance(results, list)
    assert results[0] == {"out": NIST[0][1]}
    assert results[1] == {"out": _PLAIN}
    assert results[2] == {"out": NIST[1][1]}
    assert results[3] == {"out": _PLAIN}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shim is the Linux bundle's")
def test_the_shim_agrees_with_the_real_package_on_random_keys_and_lengths() -> None:
    chance = random.Random(16)
    cases, expected = [], []
    for number in range(120):
        key = chance.randbytes(chance.choice((16, 24, 32)))
        iv = chance.randbytes(16)
        data = chance.randbytes(16 * chance.randint(0, 40))
        encrypt = number % 2 == 0
        cases.append(_case(key, iv, data, encrypt=encrypt, chunk=chance.randint(1, 100)))
        expected.append({"out": _real(key, iv, data, encrypt=encrypt).hex()})
    assert _in_child(cases)["results"] == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shim is the Linux bundle's")
def test_a_partial_block_and_a_wrong_key_are_refused_as_the_real_package_does() -> None:
    key, iv = bytes(16), bytes(16)
    results = _in_child(
        [
            _case(key, iv, bytes(20), encrypt=True, chunk=20),
            _case(bytes(15), iv, bytes(16), encrypt=True, chunk=16),
        ]
    )["results"]
    assert results == [
        {"error": "The length of the provided data is not a multiple of the block length."},
        {"error": "Invalid key size (120) for AES."},
    ]
    with pytest.raises(ValueError, match="not a multiple of the block length"):
        _real(key, iv, bytes(20), encrypt=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shim is the Linux bundle's")
def test_secretstorage_encrypts_a_secret_with_the_shim_that_the_real_package_decrypts() -> None:
    """secretstorage's own code, on the shim: what it hands the keyring is what a keyring,
    with the real package, reads back."""
    script = r"""
import json, sys
from secretstorage.dhcrypto import Session
from secretstorage.util import format_secret
import secretstorage.item  # its decryption imports resolve too
session = Session()
session.object_path = "/org/freedesktop/secrets/session/1"
session.aes_key = bytes(range(16))
path, iv, encrypted, kind = format_secret(session, "tok_ÄÖ-secret", "text/plain")
print(json.dumps({"iv": iv.hex(), "encrypted": encrypted.hex(),
                  "module": sys.modules["cryptography"].__file__}))
"""
    answer = _in_child([], script)
    assert Path(str(answer["module"])).is_relative_to(SHIM)
    padded = _real(
        bytes(range(16)),
        bytes.fromhex(str(answer["iv"])),
        bytes.fromhex(str(answer["encrypted"])),
        encrypt=False,
    )
    secret = "tok_ÄÖ-secret".encode()
    assert padded == secret + bytes([16 - len(secret) % 16]) * (16 - len(secret) % 16)
