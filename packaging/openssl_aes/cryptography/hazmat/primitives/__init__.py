"""See cryptography/__init__.py: only what secretstorage uses."""
