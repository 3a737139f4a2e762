"""Helpers that create users and records directly in the database for tests."""

from django.contrib.auth.models import User
from goban_core.passwords import hash_password

from goban_django.record.models import Record


def user_make(*, username: str, password: str = "correct horse battery", iterations: int = 1000) -> User:
    """Create a user; a low iteration count keeps fixtures fast, and login upgrades it anyway."""
    return User.objects.create(
        username=username,
        email=f"{username}@example.com",
        password=hash_password(password, iterations=iterations),
    )


def record_make(*, owner: User, board_size: int = 9, **fields) -> Record:
    return Record.objects.create(owner=owner, board_size=board_size, **fields)
