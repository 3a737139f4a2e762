"""Writes to accounts: registration and login."""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from goban_core.passwords import DJANGO_ITERATIONS, hash_password, verify_password
from goban_core.tokens import issue_token

from goban_django.users.login_failures import login_failure_record

_CURRENT_HASH_PREFIX = f"pbkdf2_sha256${DJANGO_ITERATIONS}$"


class UsernameTaken(Exception):
    """A registration under a username that exists already, compared without case."""


def user_create(*, username: str, email: str, password: str) -> User:
    """Create an active user with a Django PBKDF2 password hash; raise UsernameTaken for a duplicate."""
    if User.objects.filter(username__iexact=username).exists():
        raise UsernameTaken()
    try:
        with transaction.atomic():
            return User.objects.create(username=username, email=email, password=hash_password(password))
    except IntegrityError:
        # Another request registered the same username between the check and the insert.
        raise UsernameTaken() from None


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
