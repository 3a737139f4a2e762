"""Authentication of API requests by the JWT in the Authorization: Bearer header."""

from django.conf import settings
from django.contrib.auth.models import User
from goban_core.tokens import InvalidToken, read_token
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request


class BearerTokenAuthentication(BaseAuthentication):
    """Authenticate a request by a token from goban_core.tokens, signed with GOBAN_SECRET_KEY.

    authenticate_header() is left unset on purpose, because DRF then rejects an unauthenticated
    request with 403 instead of 401, which is what the original web client expects.
    """

    def authenticate(self, request: Request) -> tuple[User, str] | None:
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

        # A raw query, because this runs on every request and the ORM took several times longer
        # to build it than PostgreSQL took to answer it.
        user = next(iter(User.objects.raw("SELECT * FROM auth_user WHERE id = %s AND is_active", [user_id])), None)
        if user is None:
            raise AuthenticationFailed("Invalid or expired token.")
        return user, token
