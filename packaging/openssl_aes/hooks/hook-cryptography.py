"""PyInstaller's hook for `cryptography` when it is packaging/openssl_aes's: nothing to add.

The contributed hook would collect the real package's metadata, its OpenSSL bindings and cffi;
the bundle's `cryptography` is four plain modules over the OpenSSL the bundle already has.
"""

hiddenimports: list[str] = []
datas: list[tuple[str, str]] = []
