"""Password hashes checked against Django's own PBKDF2PasswordHasher."""

import django
import pytest
from django.conf import settings

from goban_core.passwords import DJANGO_ITERATIONS, hash_password, verify_password

if not settings.configured:
    settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
    django.setup()

from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password, make_password  # noqa: E402

PASSWORDS = ["correct horse battery staple", "pässwörd-ñ", "囲碁のパスワード", "x" * 1024]


def test_iterations_match_the_installed_django():
    assert DJANGO_ITERATIONS == PBKDF2PasswordHasher.iterations == 1_000_000


def test_default_hash_equals_make_password():
    assert hash_password("s3cret-pass", salt="fixedsalt123") == make_password("s3cret-pass", salt="fixedsalt123")


@pytest.mark.parametrize("iterations", [1, 1000, 260_000, 870_000])
@pytest.mark.parametrize("password", PASSWORDS)
def test_hash_equals_django_at_each_iteration_count(password, iterations):
    expected = PBKDF2PasswordHasher().encode(password, "AbCdEf0123456789xyzQRS", iterations)

    assert hash_password(password, salt="AbCdEf0123456789xyzQRS", iterations=iterations) == expected


@pytest.mark.parametrize("iterations", [1, 1000, 260_000, DJANGO_ITERATIONS])
def test_django_hash_is_verified(iterations):
    encoded = PBKDF2PasswordHasher().encode("pässwörd-ñ", PBKDF2PasswordHasher().salt(), iterations)

    assert verify_password("pässwörd-ñ", encoded)
    assert not verify_password("passwörd-ñ", encoded)


def test_own_hash_is_accepted_by_django():
    encoded = hash_password("囲碁のパスワード", iterations=20_000)

    assert check_password("囲碁のパスワード", encoded)
    assert not check_password("囲碁", encoded)


def test_wrong_password_is_rejected():
    encoded = hash_password("right password", iterations=1000)

    assert verify_password("right password", encoded)
    assert not verify_password("wrong password", encoded)
    assert not verify_password("", encoded)


def test_random_salts_differ_and_look_like_djangos():
    first = hash_password("same password", iterations=1000)
    second = hash_password("same password", iterations=1000)

    first_salt = first.split("$")[2]
    assert first_salt != second.split("$")[2]
    assert len(first_salt) == 22
    assert first_salt.isascii()
    assert first_salt.isalnum()
    assert verify_password("same password", first)
    assert verify_password("same password", second)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "!unusablePasswordMarker",
        "md5$salt$5ebe2294ecd0e0f08eab7690d2a6ee69",
        "pbkdf2_sha1$1000$salt$abcd",
        "pbkdf2_sha256$abc$salt$abcd",
        "pbkdf2_sha256$0$salt$abcd",
        "pbkdf2_sha256$-5$salt$abcd",
        "pbkdf2_sha256$1000$$abcd",
        "pbkdf2_sha256$1000$salt",
        "pbkdf2_sha256$1000$salt$not base64 ü",
        "argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$ZGlnZXN0",
    ],
)
def test_other_formats_are_rejected(encoded):
    assert not verify_password("password", encoded)


def test_password_with_a_lone_surrogate_is_rejected():
    encoded = hash_password("password", iterations=1000)

    assert not verify_password("pass\ud800word", encoded)
    with pytest.raises(ValueError):
        hash_password("pass\ud800word", iterations=1000)


@pytest.mark.parametrize("salt", ["", "has$dollar"])
def test_invalid_salt_is_rejected(salt):
    with pytest.raises(ValueError):
        hash_password("password", salt=salt, iterations=1000)
