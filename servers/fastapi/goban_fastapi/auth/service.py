"""Writes and reads of users: registration as Django would insert it, and password checks."""

import datetime
import functools

from goban_core.passwords import DJANGO_ITERATIONS, hash_password, verify_password
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goban_fastapi.auth.login_failures import login_failure_record
from goban_fastapi.auth.models import User
from goban_fastapi.auth.schemas import UserCreate

_CURRENT_HASH_PREFIX = f"pbkdf2_sha256${DJANGO_ITERATIONS}$"

# First key of the advisory lock around a registration; the Django server uses the same pair
# (USERNAME_LOCK_NAMESPACE, hashtext(upper(username))).
USERNAME_LOCK_NAMESPACE = 0x60BA


class UsernameTaken(ValueError):
    """Another user has this username, compared without case."""


@functools.cache
def _unusable_hash() -> str:
    # Checking a password against this when the user is unknown makes a failed login take as long
    # as a wrong password, so response times do not tell which usernames exist.
    return hash_password("not a password of any user")


def user_create(session: Session, *, data: UserCreate) -> User:
    """Insert a user with the columns Django's create_user sets; raise UsernameTaken on a clash."""
    # Hashing (1,000,000 PBKDF2 rounds) takes about half a second here, so it runs before the
    # transaction takes a connection and a lock.
    password = hash_password(data.password)

    # The unique index on auth_user.username is case-sensitive, so registrations of one name in
    # any letter case are serialised by an advisory lock, the same one the Django server takes.
    session.execute(
        text("SELECT pg_advisory_xact_lock(:namespace, hashtext(upper(:username)))"),
        {"namespace": USERNAME_LOCK_NAMESPACE, "username": data.username},
    )
    clash = select(User.id).where(func.upper(User.username) == func.upper(data.username))
    if session.scalar(clash) is not None:
        raise UsernameTaken(data.username)

    user = User(
        username=data.username,
        email=data.email,
        password=password,
        first_name="",
        last_name="",
        is_active=True,
        is_staff=False,
        is_superuser=False,
        last_login=None,
        date_joined=datetime.datetime.now(datetime.UTC),
    )
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise UsernameTaken(data.username) from None
    return user


def user_login(session: Session, *, username: str, password: str) -> User | None:
    """Return the active user with exactly this username and password, or None, and record the login.

    As Django's login does, it sets last_login, and replaces a hash made with another iteration
    count (by an older Django release) with one of the current count.
    """
    user = session.scalar(select(User).where(User.username == username, User.is_active.is_(True)))
    if user is None:
        verify_password(password, _unusable_hash())
        login_failure_record(username)
        return None
    if not verify_password(password, user.password):
        login_failure_record(username)
        return None

    user.last_login = datetime.datetime.now(datetime.UTC)
    if not user.password.startswith(_CURRENT_HASH_PREFIX):
        user.password = hash_password(password)
    session.commit()
    return user
