"""Password hashes in the format of Django's PBKDF2PasswordHasher: pbkdf2_sha256$<iterations>$<salt>$<digest>.

Both servers store hashes in Django's auth_user.password column. The FastAPI server must create and
verify those hashes without importing Django, so the format is implemented here on top of
hashlib.pbkdf2_hmac and secrets. The unit tests compare the output with hashes made by Django itself.
"""

import base64
import hashlib
import hmac
import secrets
import string

ALGORITHM = "pbkdf2_sha256"

DJANGO_ITERATIONS = 1_000_000
"""The iteration count of PBKDF2PasswordHasher in Django 5.2."""

# Django draws 22 letters or digits, which gives at least 128 bits of entropy.
_SALT_ALPHABET = string.ascii_letters + string.digits
_SALT_LENGTH = 22


def hash_password(password: str, *, salt: str | None = None, iterations: int = DJANGO_ITERATIONS) -> str:
    """Hash password with PBKDF2-SHA256 into Django's encoded form, drawing a random salt if none is given.

    Raise ValueError (UnicodeEncodeError) for a password that is not valid Unicode text, such as one
    with a lone surrogate, because UTF-8 cannot encode it.
    """
    if salt is None:
        salt = "".join(secrets.choice(_SALT_ALPHABET) for _ in range(_SALT_LENGTH))
    if not salt or "$" in salt:
        raise ValueError("invalid salt: it must be non-empty and must not contain '$'")
    if iterations < 1:
        raise ValueError(f"invalid iteration count {iterations}: expected at least 1")

    digest = _pbkdf2(password, salt, iterations)
    return f"{ALGORITHM}${iterations}${salt}${digest}"


def verify_password(password: str, encoded: str) -> bool:
    """Check password against a Django PBKDF2-SHA256 hash of any iteration count.

    Return False for a wrong password and for any string that is not in that format, such as
    another hasher's output or Django's unusable-password marker.
    """
    parts = encoded.split("$", 3)
    if len(parts) != 4:
        return False
    algorithm, iterations_text, salt, expected = parts
    if algorithm != ALGORITHM or not salt:
        return False
    if not (iterations_text.isascii() and iterations_text.isdigit()) or int(iterations_text) < 1:
        return False

    try:
        actual = _pbkdf2(password, salt, int(iterations_text))
    except UnicodeEncodeError:
        # A lone surrogate cannot be encoded as UTF-8, so Django could never have hashed it either.
        return False
    return hmac.compare_digest(actual.encode("ascii"), expected.encode("utf-8", "surrogatepass"))


def _pbkdf2(password: str, salt: str, iterations: int) -> str:
    raw = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("utf-8"), iterations)
    return base64.b64encode(raw).decode("ascii")
