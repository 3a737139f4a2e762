"""Writes to accounts: registration and login."""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from goban_core.passwords import DJANGO_ITERATIONS, hash_password, verify_password
from goban_core.tokens import issue_token

from goban_django.users.login_failures import login_failure_record

_CURRENT_HASH_PREFIX = f"pbkdf2_sha256${DJANGO_ITERATIONS}$"

# First key of the advisory lock taken around a registration. A server that registers users in
# the same database takes pg_advisory_xact_lock(USERNAME_LOCK_NAMESPACE, hashtext(upper(username))).
USERNAME_LOCK_NAMESPACE = 0x60BA


class UsernameTaken(Exception):
    """A registration under a username that exists already, compared without case."""


def user_create(*, username: str, email: str, password: str) -> User:
    """Create an active user with a Django PBKDF2 password hash; raise UsernameTaken for a duplicate."""
    encoded = hash_password(password)
    try:
        with transaction.atomic():
            _username_lock(username)
            if User.objects.filter(username__iexact=username).exists():
                raise UsernameTaken()
            return User.objects.create(username=username, email=email, password=encoded)
    except IntegrityError:
        # auth_user's unique index still catches an exact duplicate from a writer that took no lock.
        raise UsernameTaken() from None


def _username_lock(username: str) -> None:
    # auth_user's unique index is case-sensitive, so two registrations of "Bob" and "bob" at once
    # are serialised by a transaction-level advisory lock on the name as iexact compares it (upper).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(upper(%s)))", [USERNAME_LOCK_NAMESPACE, username])


def user_login(*, username: str, password: str) -> str | None:
    """Return a new token when the username exists (exactly) and the password matches, else None.

    A hash with another iteration count, as older Django releases made, is replaced by one with
    the current count, as Django's own login does.
    """
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        # Hash anyway, as Django's ModelBackend does, so the response time does not reveal
        # whether the username exists.
        hash_password(password)
        login_failure_record(username)
        return None
    if not verify_password(password, user.password):
        login_failure_record(username)
        return None

    fields = {"last_login": timezone.now()}
    if not user.password.startswith(_CURRENT_HASH_PREFIX):
        fields["password"] = hash_password(password)
    User.objects.filter(pk=user.pk).update(**fields)
    return issue_token(user.pk, settings.SECRET_KEY)
