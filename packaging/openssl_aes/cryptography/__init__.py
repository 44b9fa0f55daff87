"""The Linux bundle's `cryptography`: AES-CBC from the bundle's own OpenSSL, for secretstorage.

keyring's Secret Service backend (secretstorage) takes one thing from the cryptography
package: AES in CBC mode, without padding, for the secret it hands to the keyring over its
Diffie-Hellman session (the key exchange and the key derivation it does itself, with hashlib).
The real package does that with a 12 MB Rust library, a tenth of the bundle. OpenSSL's
libcrypto is in the bundle anyway (Python's ssl and hashlib link to it), so this package,
found before the real one when the bundle is built (packaging/particle-tickets.spec), offers
exactly the names secretstorage imports and calls OpenSSL's EVP interface for them:

    from cryptography.hazmat.backends import default_backend
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    Cipher(algorithms.AES(key), modes.CBC(iv), default_backend()).encryptor().update(data)

Nothing else of cryptography's is here: an import of anything more fails, in the bundle's
self-test first. tests/packaging/test_openssl_aes.py checks it against the real package and
NIST's test vectors; the bundle's self-test stores and reads a secret through a real keyring.
"""
