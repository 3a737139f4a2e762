"""Authentication of API requests by the JWT in the Authorization: Bearer header."""

from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.utils.functional import SimpleLazyObject
from goban_core.tokens import InvalidToken, read_token
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class BearerTokenAuthentication(BaseAuthentication):
    """Authenticate a request by a token from goban_core.tokens, signed with GOBAN_SECRET_KEY.

    request.auth is the user id in the token. request.user is read from the database when first
    used, and raises AuthenticationFailed then if that user is deleted or inactive. The default
    IsAuthenticated permission reads it before the view runs, so a view gets only active users.

    authenticate_header() is left unset on purpose, because DRF then rejects an unauthenticated
    request with 403 instead of 401, which is what the original web client expects.
    """

    def authenticate(self, request: Request) -> tuple[User, int] | None:
        header = get_authorization_header(request).split()
        if not header:
            return None
        if len(header) != 2 or header[0].lower() != b"bearer":
            raise AuthenticationFailed("Invalid Authorization header: expected 'Bearer <token>'.")

        try:
            token = header[1].decode("ascii")
            user_id = read_token(token, settings.SECRET_KEY)
        except (UnicodeDecodeError, InvalidToken):
            raise AuthenticationFailed("Invalid or expired token.") from None
        return SimpleLazyObject(partial(active_user, user_id)), user_id


def active_user(user_id: int) -> User:
    """Read the active user with user_id; raise AuthenticationFailed when there is none."""
    # A raw query, because this runs on almost every request and the ORM took several times
    # longer to build it than PostgreSQL took to run it.
    user = next(iter(User.objects.raw("SELECT * FROM auth_user WHERE id = %s AND is_active", [user_id])), None)
    if user is None:
        raise AuthenticationFailed("Invalid or expired token.")
    return user


class HasValidToken(BasePermission):
    """Allow a request with a valid token without reading its user yet.

    For a view that checks the token's user in its own query, which saves a round trip to the
    database. Such a view must raise AuthenticationFailed (403) when its query finds nothing
    because the user is deleted or inactive, as IsAuthenticated would have.
    """

    def has_permission(self, request: Request, view) -> bool:
        return request.auth is not None
