"""`Cipher(algorithm, mode, backend)`: AES-CBC without padding, through OpenSSL's EVP calls.

As in the real package, the data given to one encryptor or decryptor must add up to whole
blocks (secretstorage pads the secret itself, PKCS #7); `finalize()` refuses a partial block.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

from . import algorithms, modes

__all__ = ["Cipher", "CipherContext", "algorithms", "modes"]

_BLOCK = 16
_ENCRYPT, _DECRYPT = 1, 0


@functools.cache
def _libcrypto() -> ctypes.CDLL:
    """OpenSSL 3's libcrypto: the bundle's copy (the one its ssl and hashlib use), else the
    system's by its name."""
    bundle = getattr(sys, "_MEIPASS", None)
    names = [os.path.join(bundle, "libcrypto.so.3")] if bundle else []
    names.append("libcrypto.so.3")
    error: OSError | None = None
    for name in names:
        try:
            lib = ctypes.CDLL(name)
        except OSError as failed:
            error = failed
            continue
        lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
        lib.EVP_CIPHER_CTX_new.argtypes = []
        lib.EVP_CIPHER_CTX_free.restype = None
        lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
        for size in (128, 192, 256):
            function = getattr(lib, f"EVP_aes_{size}_cbc")
            function.restype = ctypes.c_void_p
            function.argtypes = []
        lib.EVP_CipherInit_ex.restype = ctypes.c_int
        lib.EVP_CipherInit_ex.argtypes = [ctypes.c_void_p] * 5 + [ctypes.c_int]
        lib.EVP_CIPHER_CTX_set_padding.restype = ctypes.c_int
        lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.EVP_CipherUpdate.restype = ctypes.c_int
        lib.EVP_CipherUpdate.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        return lib
    raise ImportError(f"OpenSSL's libcrypto.so.3 could not be loaded: {error}")


class CipherContext:
    """An encryptor or a decryptor: `update(data)` as often as needed, then `finalize()`."""

    def __init__(self, key: bytes, iv: bytes, operation: int) -> None:
        lib = _libcrypto()
        self._lib = lib
        self._pending = 0  # bytes given that do not yet make a whole block
        context = lib.EVP_CIPHER_CTX_new()
        if not context:
            raise MemoryError("EVP_CIPHER_CTX_new failed")
        self._context: int | None = context
        cipher = getattr(lib, f"EVP_aes_{len(key) * 8}_cbc")()
        if (
            lib.EVP_CipherInit_ex(context, cipher, None, key, iv, operation) != 1
            or lib.EVP_CIPHER_CTX_set_padding(context, 0) != 1
        ):
            self._free()
            raise ValueError("OpenSSL refused the AES-CBC key or IV")

    def update(self, data: bytes) -> bytes:
        if self._context is None:
            raise ValueError("Context was already finalized.")
        data = bytes(data)
        out = ctypes.create_string_buffer(len(data) + _BLOCK)
        written = ctypes.c_int(0)
        if (
            self._lib.EVP_CipherUpdate(self._context, out, ctypes.byref(written), data, len(data))
            != 1
        ):
            raise ValueError("OpenSSL's AES-CBC update failed")
        self._pending = (self._pending + len(data)) % _BLOCK
        return out.raw[: written.value]

    def finalize(self) -> bytes:
        if self._context is None:
            raise ValueError("Context was already finalized.")
        pending = self._pending
        self._free()
        if pending:
            raise ValueError(
                "The length of the provided data is not a multiple of the block length."
            )
        return b""

    def _free(self) -> None:
        if self._context is not None:
            self._lib.EVP_CIPHER_CTX_free(self._context)
            self._context = None

    def __del__(self) -> None:
        self._free()


class Cipher:
    """AES in CBC mode: `encryptor()` and `decryptor()` each give a fresh context."""

    def __init__(self, algorithm: algorithms.AES, mode: modes.CBC, backend: object = None) -> None:
        if not isinstance(algorithm, algorithms.AES) or not isinstance(mode, modes.CBC):
            raise TypeError("only AES in CBC mode is in the bundle (see cryptography/__init__.py)")
        self.algorithm, self.mode = algorithm, mode

    def encryptor(self) -> CipherContext:
        return CipherContext(self.algorithm.key, self.mode.initialization_vector, _ENCRYPT)

    def decryptor(self) -> CipherContext:
        return CipherContext(self.algorithm.key, self.mode.initialization_vector, _DECRYPT)
